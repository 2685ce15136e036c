package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.testing.BareRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite action ({@code action.yml}) run end to end on this machine by {@link ActionRunner}: its real
 * script, the real {@code gitpypi.jar}, a stand-in for GitHub's release downloads and API ({@code file://}
 * folders laid out as {@code github.com/OWNER/REPO/releases/download/vX/…} and
 * {@code api.github.com/repos/OWNER/REPO/releases/tags/vX}), a stand-in for actions/cache, and a local bare
 * repository to publish to.
 */
class ActionIT {
    private static final String VERSION = "9.8.7";

    @TempDir
    Path tmp;
    Path actionPath;
    Path workspace;
    Path releases;
    Path api;
    byte[] jar;

    /** A token-shaped credential made at run time. */
    private static String token() {
        return "ghs_" + "Act".repeat(12);
    }

    @BeforeEach
    void layOut() throws IOException {
        jar = Files.readAllBytes(Cli.jar());
        workspace = Files.createDirectories(tmp.resolve("work"));
        releases = tmp.resolve("github");
        api = tmp.resolve("api");
    }

    /** The action as GitHub downloads it: action.yml, its script and the parent pom at some version. */
    private Path action(String version) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("action-" + version));
        Files.copy(GitHubActions.action(), dir.resolve("action.yml"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("action"));
        Files.copy(GitHubActions.ROOT.resolve("action/gitpypi-action.sh"), dir.resolve("action/gitpypi-action.sh"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("pom.xml"), "<project>\n  <groupId>dev.gitpypi</groupId>\n"
                + "  <artifactId>gitpypi-parent</artifactId>\n  <version>" + version + "</version>\n</project>\n");
        return dir;
    }

    /** A release of the action's repository with a jar, its .sha256 and the API's answer with the asset digest. */
    private void release(byte[] asset, String sha256, String digest) throws IOException {
        Path dir = Files.createDirectories(releases.resolve("acme/gitpypi/releases/download/v" + VERSION));
        Files.write(dir.resolve("gitpypi.jar"), asset);
        Files.writeString(dir.resolve("gitpypi.jar.sha256"), sha256 + "  gitpypi.jar\n");
        Path answer = api.resolve("repos/acme/gitpypi/releases/tags/v" + VERSION);
        Files.createDirectories(answer.getParent());
        Files.writeString(answer, "{\"tag_name\":\"v" + VERSION + "\",\"assets\":[{\"name\":\"gitpypi.jar\",\"digest\":"
                + (digest == null ? "null" : "\"sha256:" + digest + "\"") + "},{\"name\":\"gitpypi.jar.sha256\"}]}");
    }

    private ActionRunner runner(Path action, String name) {
        return new ActionRunner(action, workspace, tmp.resolve(name))
                .github("server_url", releases.toUri().toString().replaceAll("/$", ""))
                .github("api_url", api.toUri().toString().replaceAll("/$", ""));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void buildsValidatesPublishesAndSummarizesWithAVerifiedReleaseJarThenRunsFromTheCache() throws Exception {
        String token = token();
        release(jar, sha256(jar), sha256(jar));
        BareRepo remote = BareRepo.init(tmp.resolve("python-index.git"));
        Files.createDirectories(workspace.resolve("dist"));
        CommandsIT.wheel(workspace.resolve("dist/hello-1.0-py3-none-any.whl"), "hello", "1.0");
        CommandsIT.wheel(workspace.resolve("dist/hello-1.1-py3-none-any.whl"), "hello", "1.1");
        CommandsIT.wheel(workspace.resolve("dist/world-2.0-py3-none-any.whl"), "world", "2.0");
        Map<String, String> with = new LinkedHashMap<>();
        with.put("files", "dist");
        with.put("publish", "gh-pages");
        with.put("publish-repo", remote.fileUrl());
        with.put("token", token);
        with.put("publish-token", token);
        with.put("base-url", "https://acme.github.io/python-index/");
        // the API the release digest comes from is a file:// stand-in; the token goes to github.com's API only
        with.put("github-api-url", "https://api.github.com");
        ActionRunner runner = runner(action(VERSION), "runner");

        ActionRunner.Run first = runner.run(with);

        assertThat(first.success()).as(first.log()).isTrue();
        assertThat(first.log()).contains("cache miss gitpypi-" + VERSION + "-release-Linux",
                "downloading gitpypi " + VERSION);
        Map<String, String> out = first.outputs();
        assertThat(out).containsEntry("version", VERSION).containsEntry("projects", "2")
                .containsEntry("versions", "3").containsEntry("errors", "0").containsEntry("sarif", "gitpypi.sarif")
                .containsEntry("published", "true").containsEntry("commit", remote.head("gh-pages"))
                .containsEntry("versions-added", "3").containsEntry("versions-removed", "0");
        assertThat(out.get("jar")).startsWith(tmp.resolve("runner/tool-cache/gitpypi").toString());
        assertThat(Integer.parseInt(out.get("files-written"))).isPositive();
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("gitpypi.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(first.summary()).contains("### gitpypi", "| Projects | 2 |", "| Versions | 3 |",
                "| Versions added | 3 |", "| Versions removed | 0 |", "| Validation | 0 errors, ",
                "- added project **hello** 1.0, 1.1", "commit `" + out.get("commit").substring(0, 12) + "` to `gh-pages`",
                "pip install --index-url https://acme.github.io/python-index/simple/ hello",
                "uv pip install --index-url https://acme.github.io/python-index/simple/ hello");
        assertThat(remote.files("gh-pages")).contains("simple/hello/index.html", ".nojekyll");
        assertThat(remote.git("log", "-1", "--format=%an", "gh-pages")).isEqualTo("github-actions[bot]");
        assertThat(first.log() + first.summary() + out + remote.everything()).doesNotContain(token);

        // the next run finds gitpypi in the cache (the release is gone) and the branch already up to date
        deleteTree(releases);
        ActionRunner.Run second = runner.run(with);

        assertThat(second.success()).as(second.log()).isTrue();
        assertThat(second.log()).contains("cache hit gitpypi-" + VERSION + "-release-Linux")
                .doesNotContain("downloading");
        assertThat(second.outputs()).containsEntry("published", "false").containsEntry("commit", "");
        assertThat(second.summary()).contains("`gh-pages` already held this index: no commit");
        assertThat(remote.log("gh-pages")).hasSize(1);
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumOrGitHubsDigestNeverRuns() throws Exception {
        byte[] tampered = jar.clone();
        tampered[tampered.length / 2] ^= 1;
        release(tampered, sha256(jar), sha256(jar));
        ActionRunner.Run r = runner(action(VERSION), "runner-1").run(Map.of("files", "dist"));
        assertThat(r.success()).isFalse();
        assertThat(r.log()).contains("::error title=gitpypi::gitpypi.jar of release v" + VERSION
                + " does not match its gitpypi.jar.sha256").contains("[build] skipped", "[publish] skipped")
                .doesNotContain("gitpypi " + "0.");
        assertThat(r.outputs().get("jar")).isEmpty();
        assertThat(r.summary()).startsWith("### gitpypi");

        // the .sha256 was replaced too, but GitHub's own digest of the asset says otherwise
        deleteTree(releases);
        release(tampered, sha256(tampered), sha256(jar));
        ActionRunner.Run digest = runner(action(VERSION), "runner-2").run(Map.of("files", "dist"));
        assertThat(digest.success()).isFalse();
        assertThat(digest.log()).contains("does not match the digest GitHub states for it (sha256:" + sha256(jar));
    }

    @Test
    void withoutAReleaseTheActionBuildsGitpypiFromItsSourceOnceAndCachesIt() throws Exception {
        Path action = standInMaven(action("9.9.0-SNAPSHOT"));
        Path jarCopy = tmp.resolve("built.jar");
        Files.write(jarCopy, jar);
        ActionRunner runner = runner(action, "runner").env("STAND_IN_JAR", jarCopy.toString());
        Map<String, String> with = Map.of("build", "false", "validate", "false");

        ActionRunner.Run first = runner.run(with);
        assertThat(first.success()).as(first.log()).isTrue();
        assertThat(first.outputs()).containsEntry("version", "9.9.0-SNAPSHOT");
        assertThat(first.log()).contains("building gitpypi 9.9.0-SNAPSHOT from", "cache miss gitpypi-9.9.0-SNAPSHOT"
                + "-source-");
        assertThat(Files.readAllLines(action.resolve("mvnw.calls"))).containsExactly(
                "-B -q package -DskipTests -pl cli -am");

        ActionRunner.Run second = runner.run(with);
        assertThat(second.success()).as(second.log()).isTrue();
        assertThat(second.log()).contains("cache hit gitpypi-9.9.0-SNAPSHOT-source-").doesNotContain("building");
        assertThat(Files.readAllLines(action.resolve("mvnw.calls"))).hasSize(1);

        // a released version whose release is missing (a fork's tag) falls back to the source too
        Path forked = standInMaven(action(VERSION));
        ActionRunner.Run fork = runner(forked, "runner-fork").env("STAND_IN_JAR", jarCopy.toString()).run(with);
        assertThat(fork.success()).as(fork.log()).isTrue();
        assertThat(fork.log()).contains("::notice title=gitpypi::no release v" + VERSION + " of acme/gitpypi",
                "building gitpypi " + VERSION);
        assertThat(Files.readAllLines(forked.resolve("mvnw.calls"))).hasSize(1);
    }

    /** The Maven build of the action's source, stood in for (a real one is ./mvnw package: minutes). */
    private static Path standInMaven(Path action) throws IOException {
        Files.writeString(action.resolve("mvnw"), "#!/bin/sh\necho \"$@\" >> mvnw.calls\nmkdir -p cli/target\n"
                + "cp \"$STAND_IN_JAR\" cli/target/gitpypi.jar\n");
        action.resolve("mvnw").toFile().setExecutable(true);
        return action;
    }

    @Test
    void thePullRequestExampleFailsOnAnInvalidIndexAndPointsFindingsAtTheRepositoryFiles() throws Exception {
        release(jar, sha256(jar), null);
        // the example's own inputs, as written
        JsonNode example = GitHubActions.read(GitHubActions.ROOT.resolve("examples/validate-pull-request.yml"));
        Map<String, String> with = new LinkedHashMap<>();
        for (JsonNode step : example.path("jobs").path("validate").path("steps")) {
            if (step.path("uses").asText().startsWith(GitHubActions.OUR_ACTION)) {
                GitHubActions.fields(step.path("with")).forEach((k, v) -> with.put(k, v.asText()));
            }
        }
        assertThat(with).containsEntry("out", "index").containsEntry("build", "false");
        // a committed index whose project page links a file under another name (P503-07, a MUST)
        Path page = Files.createDirectories(workspace.resolve("index/simple/hello"));
        Files.writeString(workspace.resolve("index/simple/index.html"), "<!DOCTYPE html><html><body>"
                + "<a href=\"hello/\">hello</a></body></html>\n", StandardCharsets.UTF_8);
        Files.writeString(page.resolve("index.html"), "<!DOCTYPE html><html><body>\n"
                + "<a href=\"https://files.example.org/hello-1.0.tar.gz#sha256=" + "0".repeat(64)
                + "\">hello 1.0</a>\n</body></html>\n", StandardCharsets.UTF_8);

        ActionRunner.Run r = runner(action(VERSION), "runner").run(with);

        assertThat(r.success()).isFalse();
        assertThat(r.log()).contains("[publish] skipped", "::error title=gitpypi::the index has findings at or above"
                + " 'error'");
        assertThat(Integer.parseInt(r.outputs().get("errors"))).isPositive();
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("gitpypi.sarif").toFile());
        java.util.List<String> uris = new java.util.ArrayList<>();
        for (JsonNode result : sarif.at("/runs/0/results")) {
            uris.add(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        }
        assertThat(uris).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith("index/simple/"))
                .contains("index/simple/hello/index.html");
        assertThat(r.summary()).contains("| Validation | " + r.outputs().get("errors") + " errors, ");
    }

    private static void deleteTree(Path dir) throws IOException {
        dev.gitpypi.core.internal.FileTrees.delete(dir);
    }
}
