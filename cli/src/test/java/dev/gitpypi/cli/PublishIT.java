package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.testing.BareRepo;
import dev.gitpypi.testing.GitHttpBackend;
import dev.gitpypi.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitpypi publish} and {@code gitpypi build --publish} as a user runs them: the jar as a separate process, a
 * working folder and relative paths, a real repository behind {@code git http-backend} on loopback that asks for
 * basic authentication; exit codes, messages, and no credential anywhere.
 */
class PublishIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** A token-shaped credential made at run time (never a literal in the repository). */
    private static String token() {
        return "ghs_" + "T0k".repeat(12);
    }

    private Path dist(String... releases) throws Exception {
        Path dist = Files.createDirectories(work.resolve("dist"));
        for (String r : releases) {
            String[] nv = r.split("==");
            CommandsIT.wheel(dist.resolve(nv[0] + "-" + nv[1] + "-py3-none-any.whl"), nv[0], nv[1]);
        }
        return dist;
    }

    @Test
    void buildPublishesThenAnUnchangedSiteMakesNoCommitAndAChangeIsListed() throws Exception {
        String token = token();
        Path served = work.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("acme/python-index.git"));
        dist("hello==1.0");
        try (GitHttpBackend http = GitHttpBackend.startWithAuth(served, "x-access-token", token)) {
            String url = http.baseUrl() + "acme/python-index.git";
            String withToken = url.replace("http://", "http://x-access-token:" + token + "@");

            ProcessResult first = Cli.run(work, "build", "--files", "dist", "--out", "site", "--publish", withToken,
                    "--json");

            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).doesNotContain(token)
                    .contains("publishing site to " + url + " branch gh-pages: created the branch with commit ")
                    .contains("1 project added, 1 version added");
            String head = remote.head("gh-pages");
            JsonNode summary = JSON.readTree(first.output().substring(first.output().indexOf('{'),
                    first.output().lastIndexOf('}') + 1));
            assertThat(summary.at("/publish/outcome").asText()).isEqualTo("created");
            assertThat(summary.at("/publish/commit").asText()).isEqualTo(head);
            assertThat(summary.at("/publish/remote").asText()).isEqualTo(url);
            assertThat(summary.at("/publish/changes/projects-added/0/name").asText()).isEqualTo("hello");

            // the token from the environment, sent to the --github-api-url host only
            ProcessResult same = Cli.run(work, env -> env.put("GITHUB_TOKEN", token), "publish", "site", "--repo",
                    url, "--github-api-url", http.baseUrl() + "api/v3");
            assertThat(same.exitCode()).as(same.output()).isZero();
            assertThat(same.output()).contains("unchanged: the branch already holds this site, no commit made");
            assertThat(remote.log("gh-pages")).containsExactly(head);

            dist("hello==1.1");
            Cli.run(work, "build", "--files", "dist", "--out", "site");
            ProcessResult changed = Cli.run(work, env -> env.put("GH_TOKEN", token), "publish", "site", "--repo", url,
                    "--github-api-url", http.baseUrl() + "api/v3", "--message", "Release hello 1.1", "--author",
                    "CI Bot <ci@example.org>", "--verbose");
            assertThat(changed.exitCode()).as(changed.output()).isZero();
            assertThat(changed.output()).contains("pushed commit ", ": 1 version added", "  Added to hello: 1.1")
                    .doesNotContain(token);
            String message = remote.message(remote.head("gh-pages"));
            assertThat(message).startsWith("Release hello 1.1\n\nPublish the package index: 1 version added\n\n"
                    + "Added to hello: 1.1\n");
            assertThat(remote.git("log", "-1", "--format=%an <%ae>", "gh-pages")).isEqualTo("CI Bot <ci@example.org>");
            assertThat(remote.everything()).doesNotContain(token);

            // without a token for this host: a clear error, exit 3, nothing pushed
            ProcessResult denied = Cli.run(work, env -> env.put("GITHUB_TOKEN", token), "publish", "site", "--repo",
                    url);
            assertThat(denied.exitCode()).as(denied.output()).isEqualTo(3);
            assertThat(denied.output()).contains("gitpypi: cannot reach " + url + " (branch gh-pages): ")
                    .doesNotContain(token);
        }
    }

    @Test
    void aPushThatKeepsLosingTheRaceIsExitCode3AndLeavesTheRemoteAsItWas() throws Exception {
        Path served = work.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("index.git"));
        String base = remote.pushFromElsewhere("gh-pages", "CNAME", "pypi.example.org\n");
        dist("hello==1.0");
        assertThat(Cli.run(work, "build", "--files", "dist", "--out", "site").exitCode()).isZero();
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            AtomicInteger n = new AtomicInteger();
            http.beforeReceivePack(() -> remote.pushFromElsewhere("gh-pages", "other.txt", n.incrementAndGet() + "\n"));
            String url = http.baseUrl() + "index.git";

            ProcessResult r = Cli.run(work, "publish", "site", "--repo", url, "--retries", "1");

            assertThat(r.exitCode()).as(r.output()).isEqualTo(3);
            assertThat(r.output()).contains("gitpypi: cannot publish to " + url + " branch gh-pages: someone else"
                    + " pushed to it during each of 2 attempts; nothing was pushed");
            assertThat(remote.log("gh-pages")).hasSize(3).endsWith(base);
            assertThat(remote.git("log", "--format=%an", "gh-pages")).doesNotContain("gitpypi");
            assertThat(remote.files("gh-pages")).containsExactly("CNAME", "other.txt");
        }
    }

    @Test
    void aPrivateSiteIsRefusedForAPublicGitHubRepositoryWithExitCode2() throws Exception {
        Path served = work.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("acme/index.git"));
        dist("secret==1.0");
        assertThat(Cli.run(work, "build", "--files", "dist", "--out", "site").exitCode()).isZero();
        // what a build of private sources writes (SiteWriter.Builder.privateSite)
        Files.writeString(work.resolve("site").resolve(SiteWriter.PRIVATE_MARKER), "private\n");
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            http.answerJson("/api/v3/repos/acme/index", 200, "{\"full_name\":\"acme/index\",\"private\":false}");
            String url = http.baseUrl() + "acme/index.git";

            ProcessResult r = Cli.run(work, "publish", "site", "--repo", url, "--github-api-url",
                    http.baseUrl() + "api/v3");

            assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
            assertThat(r.output()).contains("gitpypi: refusing to publish: site \"site\" is private",
                    "acme/index is a public repository: anyone can read its branches");
            assertThat(remote.head("gh-pages")).isNull();

            ProcessResult local = Cli.run(work, "publish", "site", "--repo", served.resolve("acme/index.git")
                    .toString());
            assertThat(local.exitCode()).as(local.output()).isZero();
            assertThat(local.output()).contains("warning: site \"site\" is private", "cannot tell who can read");
        }
    }

    @Test
    void badInputIsExitCode2BeforeAnythingIsBuiltOrPushed() throws Exception {
        BareRepo.init(work.resolve("index.git"));
        dist("hello==1.0");
        ProcessResult badBranch = Cli.run(work, "build", "--files", "dist", "--out", "site", "--publish",
                "index.git", "--publish-branch", "no..dots");
        assertThat(badBranch.exitCode()).isEqualTo(2);
        assertThat(badBranch.output()).contains("invalid branch name \"no..dots\"");
        assertThat(work.resolve("site")).doesNotExist();

        ProcessResult notSite = Cli.run(work, "publish", "dist", "--repo", "index.git");
        assertThat(notSite.exitCode()).isEqualTo(2);
        assertThat(notSite.output()).contains("gitpypi: not a site: \"dist\" has no simple/index.html");

        ProcessResult badKeep = Cli.run(work, "publish", "dist", "--repo", "index.git", "--keep", "../x");
        assertThat(badKeep.exitCode()).isEqualTo(2);
        assertThat(badKeep.output()).contains("keep pattern \"../x\" must be a relative path inside the branch");

        ProcessResult badAuthor = Cli.run(work, "publish", "dist", "--repo", "index.git", "--author", "nobody");
        assertThat(badAuthor.exitCode()).isEqualTo(2);
        assertThat(badAuthor.output()).contains("invalid --author 'nobody'");
    }
}
