package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.StaticSiteServer;
import dev.gitpypi.testing.github.Fault;
import dev.gitpypi.testing.github.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitpypi build --github-org} as a user runs it (the jar in a separate process, relative paths, the token in
 * {@code GITHUB_TOKEN}) against the GitHub stand-in: the summary counts requests and points, a rebuild spends none,
 * a failed read leaves the previous site as it was, and the private-code rules and the dependency-confusion check
 * end in the documented exit codes.
 */
class GitHubBuildIT {
    @TempDir
    Path tmp;

    private FakeGitHub gh;
    private String token;

    @BeforeEach
    void start() throws IOException {
        gh = FakeGitHub.start();
        gh.time(Instant.now());
        token = FakeGitHub.randomToken("ghs");
        gh.token(token, "octocat");
        FakeGitHub.Owner acme = gh.organization("acme");
        FakeGitHub.Repo alpha = acme.repository("alpha").topics("python");
        alpha.tag("v1.0", Map.of("pyproject.toml", "[project]\nname = \"alpha\"\nversion = \"1.0\"\n"));
        alpha.tag("v1.1", Map.of("pyproject.toml", "[project]\nname = \"alpha\"\nversion = \"1.1\"\n"
                + "requires-python = \">=3.9\"\n"));
        alpha.release("v1.1");
        FakeGitHub.Repo secret = acme.repository("secret-utils").topics("python").privateRepo(true);
        secret.tag("v0.1", Map.of("setup.cfg", "[metadata]\nname = secret-utils\nversion = 0.1\n"));
        acme.repository("forked").fork().tag("v9.0", Map.of());
    }

    @AfterEach
    void stop() {
        try {
            assertThat(gh.graphqlProblems()).isEmpty();
            assertThat(gh.clientProblems()).isEmpty();
        } finally {
            gh.close();
        }
    }

    private static void standIn(FakeGitHub.Repo r) {
        r.topics("python").tag("v1.0", Map.of("pyproject.toml", "[project]\nname = \"mine\"\nversion = \"1.0\"\n"));
    }

    private ProcessResult build(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "build";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(tmp, env -> {
            env.put("GITHUB_TOKEN", token);
            env.remove("GH_TOKEN");
        }, all);
    }

    private static JsonNode json(ProcessResult r) throws IOException {
        String out = r.output();
        return new ObjectMapper().readTree(out.substring(out.indexOf('{'), out.lastIndexOf('}') + 1));
    }

    private Map<String, String> tree(Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(site)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(site.relativize(p).toString(), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void buildsAnOrganisationThenRebuildsForFreeAndKeepsTheSiteWhenGitHubFails() throws IOException {
        ProcessResult first = build("--github-org", "acme", "--github-api-url", gh.apiUrl(), "--out", "site",
                "--cache", "cache", "--json");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).doesNotContain(token)
                .contains("1 private repository is listed")
                .contains("github api: 2 requests (0 not modified), 2 points (1 REST, 1 GraphQL)");
        JsonNode summary = json(first);
        assertThat(summary.path("projects").asInt()).isEqualTo(2);
        assertThat(summary.path("github").path("points").asInt()).isEqualTo(2);
        assertThat(summary.path("github").path("graphql-points").asInt()).isEqualTo(1);
        String page = Files.readString(tmp.resolve("site/simple/alpha/index.html"));
        assertThat(page).contains("git+" + gh.webUrl() + "acme/alpha.git@v1.1#egg=alpha-1.1")
                .contains("data-requires-python=\"&gt;=3.9\"");
        assertThat(Files.readString(tmp.resolve("site/simple/secret-utils/index.html")))
                .contains("acme/secret-utils.git@v0.1#egg=secret-utils-0.1");
        assertThat(Files.exists(tmp.resolve("site/simple/forked"))).isFalse();
        Map<String, String> before = tree(tmp.resolve("site"));
        assertThat(before.values()).noneMatch(text -> text.contains(token));

        ProcessResult again = build("--github-org", "acme", "--github-api-url", gh.apiUrl(), "--out", "site",
                "--cache", "cache", "--json");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(json(again).path("github").path("points").asInt()).isZero();
        assertThat(json(again).path("github").path("not-modified").asInt()).isEqualTo(1);

        gh.fault(Fault.primaryRateLimit("GET", "/orgs/acme/repos", 3600, 1));
        ProcessResult limited = build("--github-org", "acme", "--github-api-url", gh.apiUrl(), "--out", "site",
                "--cache", "cache", "--github-max-wait", "5");
        assertThat(limited.exitCode()).as(limited.output()).isEqualTo(3);
        assertThat(limited.output()).contains("gitpypi: github's rate limit (core) is exhausted until")
                .contains("longer than the allowed wait of 5 s").doesNotContain(token);
        assertThat(tree(tmp.resolve("site"))).isEqualTo(before);
    }

    @Test
    void privateCodeNeedsAPrivateSiteAndPublicNamesAreReported() throws IOException {
        ProcessResult sdist = build("--github-org", "acme", "--github-api-url", gh.apiUrl(), "--github-name",
                "secret-.*", "--link-style", "sdist", "--out", "site", "--cache", "cache");
        assertThat(sdist.exitCode()).as(sdist.output()).isEqualTo(1);
        assertThat(sdist.output()).contains("refusing to build sdists of private repository acme/secret-utils")
                .contains("--private-site");

        ProcessResult release = build("--github-org", "acme", "--github-api-url", gh.apiUrl(), "--link-style",
                "release", "--mirror-assets", "--out", "site", "--cache", "cache");
        assertThat(release.exitCode()).as(release.output()).isZero();

        Path index = tmp.resolve("pypi");
        Files.createDirectories(index.resolve("simple/secret-utils"));
        Files.writeString(index.resolve("simple/secret-utils/index.html"), "<!DOCTYPE html><html><body></body></html>");
        try (StaticSiteServer pypi = StaticSiteServer.start(index, false)) {
            ProcessResult checked = build("--github-org", "acme", "--github-api-url", gh.apiUrl(), "--out", "site",
                    "--cache", "cache", "--private-site", "--check-public-index", pypi.baseUrl() + "simple/");
            assertThat(checked.exitCode()).as(checked.output()).isEqualTo(1);
            assertThat(checked.output()).contains("private project \"secret-utils\" also exists on the public index")
                    .contains("dependency confusion").doesNotContain("alpha\" also exists");
            assertThat(pypi.requests()).containsExactly("GET /simple/secret-utils/");
            assertThat(tmp.resolve("site/.gitpypi-private")).as("--private-site marks the site").exists();
        }
    }

    @Test
    void configurationFileAndUsageErrors() throws IOException {
        Files.writeString(tmp.resolve("gitpypi.toml"), "out = \"site\"\ncache = \"cache\"\ngithub-org = [\"acme\"]\n"
                + "github-api-url = \"" + gh.apiUrl() + "\"\ngithub-topic = [\"python\"]\ngithub-name = \"al.*\"\n");
        ProcessResult r = build("--json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(json(r).path("project-list").findValuesAsText("name")).containsExactly("alpha");

        // @me is the token's account, never an argument file (a file named "me" is in the folder)
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("me"), "--github-org\nnobody\n");
        standIn(gh.user("octocat").repository("mine").privateRepo(true));
        ProcessResult me = Cli.run(other, env -> env.put("GITHUB_TOKEN", token), "build", "--github-user", "@me",
                "--github-api-url", gh.apiUrl(), "--out", "site", "--cache", "cache", "--json");
        assertThat(me.exitCode()).as(me.output()).isZero();
        assertThat(json(me).path("project-list").findValuesAsText("name")).containsExactly("mine");

        ProcessResult mirror = build("--mirror-assets");
        assertThat(mirror.exitCode()).isEqualTo(2);
        assertThat(mirror.output()).contains("--mirror-assets copies release assets: it needs --link-style release");
        ProcessResult badRepo = Cli.run(tmp, "build", "--github-repo", "not a repo", "--out", "x");
        assertThat(badRepo.exitCode()).isEqualTo(2);
        assertThat(badRepo.output()).contains("github repository \"not a repo\" is not OWNER/NAME");
        ProcessResult releaseGit = Cli.run(tmp, "build", "--git", ".", "--github-org", "acme", "--link-style",
                "release", "--out", "x");
        assertThat(releaseGit.exitCode()).isEqualTo(2);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        ProcessResult orphan = Cli.run(elsewhere, "build", "--files", ".", "--github-topic", "x", "--out", "x");
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.output()).contains("GitHub options need a GitHub source");
    }
}
