package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Runs a composite action the way the GitHub runner does, on this machine: inputs with their defaults, each step's
 * {@code if:}, {@code env:} and {@code with:} evaluated ({@code ${{ inputs.X }}}, {@code ${{ steps.ID.outputs.X }}},
 * {@code ${{ github.X }}}; {@code always()} and {@code success()}), {@code run:} steps in bash with
 * {@code GITHUB_ACTION_PATH}, {@code GITHUB_OUTPUT} (one file per step, read back as the step's outputs),
 * {@code GITHUB_STEP_SUMMARY}, {@code RUNNER_TEMP} and {@code RUNNER_TOOL_CACHE}; the actions it uses stood in
 * for: {@code actions/setup-java} puts this JVM's {@code java} first on the {@code PATH}, {@code actions/cache}
 * restores a folder saved by an earlier run under the same key and saves it after the job. Anything else in an
 * expression fails the run: the action must stay this simple.
 */
final class ActionRunner {
    /** One run's result. */
    record Run(boolean success, Map<String, String> outputs, Map<String, Map<String, String>> steps, String log,
            String summary) {
    }

    private final Path actionPath;
    private final Path workspace;
    private final Path runner;
    private final Path cacheStore;
    private final Map<String, String> github = new LinkedHashMap<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();

    /**
     * A runner for one action.
     *
     * @param actionPath the folder with {@code action.yml} and what it runs
     * @param workspace the job's working folder ({@code GITHUB_WORKSPACE})
     * @param runner a folder for the runner's own files (temp, tool cache, the cache service's store)
     */
    ActionRunner(Path actionPath, Path workspace, Path runner) {
        this.actionPath = actionPath;
        this.workspace = workspace;
        this.runner = runner;
        this.cacheStore = runner.resolve("cache-service");
        github.put("server_url", "https://github.com");
        github.put("api_url", "https://api.github.com");
        github.put("repository", "acme/python-index");
        github.put("action_repository", "acme/gitpypi");
        github.put("token", "");
        github.put("workspace", workspace.toString());
    }

    /** Sets a {@code github.*} context value (and its {@code GITHUB_*} variable). */
    ActionRunner github(String name, String value) {
        github.put(name, value);
        return this;
    }

    /** Sets an environment variable for every step. */
    ActionRunner env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    Run run(Map<String, String> with) throws IOException {
        JsonNode action = GitHubActions.read(actionPath.resolve("action.yml"));
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, Map<String, String>> steps = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> in : GitHubActions.fields(action.path("inputs")).entrySet()) {
            String value = with.containsKey(in.getKey()) ? with.get(in.getKey())
                    : in.getValue().path("default").asText("");
            inputs.put(in.getKey(), evaluate(value, Map.of(), steps, true));
        }
        assertThat(inputs.keySet()).as("inputs the action defines").containsAll(with.keySet());
        Path temp = Files.createDirectories(runner.resolve("temp"));
        Path toolCache = Files.createDirectories(runner.resolve("tool-cache"));
        Path summary = runner.resolve("step-summary.md");
        Files.deleteIfExists(summary);
        Files.createFile(summary);
        StringBuilder log = new StringBuilder();
        List<String[]> saves = new ArrayList<>();
        String path = System.getenv("PATH");
        boolean success = true;
        int index = 0;
        for (JsonNode step : action.path("runs").path("steps")) {
            String id = step.path("id").asText("step" + index++);
            String condition = step.path("if").asText("success()");
            if (!condition(condition, success)) {
                log.append("[").append(id).append("] skipped\n");
                continue;
            }
            Map<String, String> stepWith = new LinkedHashMap<>();
            GitHubActions.fields(step.path("with")).forEach((k, v) -> stepWith.put(k,
                    evaluate(v.asText(), inputs, steps, false)));
            if (step.has("uses")) {
                String uses = step.get("uses").asText();
                if (uses.startsWith("actions/setup-java@")) {
                    assertThat(stepWith).containsKeys("distribution", "java-version");
                    path = Path.of(System.getProperty("java.home"), "bin") + ":" + path;
                } else if (uses.startsWith("actions/cache@")) {
                    Path dir = Path.of(stepWith.get("path"));
                    Path saved = cacheStore.resolve(stepWith.get("key"));
                    if (Files.isDirectory(saved)) {
                        copyTree(saved, dir);
                        log.append("[").append(id).append("] cache hit ").append(stepWith.get("key")).append('\n');
                    } else {
                        saves.add(new String[] {stepWith.get("key"), dir.toString()});
                        log.append("[").append(id).append("] cache miss ").append(stepWith.get("key")).append('\n');
                    }
                } else {
                    throw new AssertionError("no stand-in for " + uses);
                }
                continue;
            }
            Path output = temp.resolve("output-" + id);
            Files.deleteIfExists(output);
            Files.createFile(output);
            Map<String, String> env = new LinkedHashMap<>();
            GitHubActions.fields(step.path("env")).forEach((k, v) -> env.put(k,
                    evaluate(v.asText(), inputs, steps, false)));
            String stepPath = path;
            ProcessResult r = Processes.run(workspace, e -> {
                e.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("RUNNER_") || k.startsWith("INPUT_")
                        || k.startsWith("GITPYPI_") || k.equals("GH_TOKEN"));
                dev.gitpypi.testing.PipVenv.isolate(e);
                e.put("PATH", stepPath);
                e.put("CI", "true");
                e.put("GITHUB_ACTIONS", "true");
                e.put("GITHUB_ACTION_PATH", actionPath.toString());
                e.put("GITHUB_WORKSPACE", workspace.toString());
                e.put("GITHUB_SERVER_URL", github.get("server_url"));
                e.put("GITHUB_API_URL", github.get("api_url"));
                e.put("GITHUB_REPOSITORY", github.get("repository"));
                e.put("GITHUB_OUTPUT", output.toString());
                e.put("GITHUB_STEP_SUMMARY", summary.toString());
                e.put("RUNNER_TEMP", temp.toString());
                e.put("RUNNER_TOOL_CACHE", toolCache.toString());
                e.put("RUNNER_OS", "Linux");
                e.putAll(extraEnv);
                e.putAll(env);
            }, 600, List.of("bash", "-e", "-c", step.get("run").asText()));
            log.append("[").append(id).append("] exit ").append(r.exitCode()).append('\n').append(r.output());
            steps.put(id, readOutputs(output));
            if (!r.ok()) {
                success = false;
            }
        }
        if (success) {
            for (String[] save : saves) {
                Path dir = Path.of(save[1]);
                if (Files.isDirectory(dir)) {
                    copyTree(dir, cacheStore.resolve(save[0]));
                }
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        GitHubActions.fields(action.path("outputs")).forEach((k, v) -> outputs.put(k,
                evaluate(v.path("value").asText(), inputs, steps, false)));
        return new Run(success, outputs, steps, log.toString(), Files.readString(summary, StandardCharsets.UTF_8));
    }

    private static boolean condition(String condition, boolean success) {
        String c = condition.strip();
        if (c.startsWith("${{")) {
            c = c.substring(3, c.length() - 2).strip();
        }
        return switch (c) {
            case "always()" -> true;
            case "success()" -> success;
            case "failure()" -> !success;
            default -> throw new AssertionError("unsupported if: " + condition);
        };
    }

    private String evaluate(String text, Map<String, String> inputs, Map<String, Map<String, String>> steps,
            boolean defaults) {
        Matcher m = GitHubActions.EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1).strip();
            String value;
            if (e.startsWith("github.")) {
                value = github.get(e.substring("github.".length()));
                if (value == null) {
                    throw new AssertionError("github." + e + " is not in the stand-in context");
                }
            } else if (e.startsWith("inputs.") && !defaults) {
                value = inputs.get(e.substring("inputs.".length()));
                if (value == null) {
                    throw new AssertionError("no input " + e);
                }
            } else if (e.matches("steps\\.[\\w-]+\\.outputs\\.[\\w-]+") && !defaults) {
                String[] p = e.split("\\.");
                value = steps.getOrDefault(p[1], Map.of()).getOrDefault(p[3], "");
            } else {
                throw new AssertionError("unsupported expression ${{ " + e + " }}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Reads {@code name=value} lines and {@code name<<DELIMITER} blocks, as the runner does. */
    static Map<String, String> readOutputs(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                while (++i < lines.size() && !lines.get(i).equals(delimiter)) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
                }
                out.put(name, value.toString());
            } else if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
