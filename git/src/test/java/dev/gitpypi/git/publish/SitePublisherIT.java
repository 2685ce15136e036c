package dev.gitpypi.git.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.core.site.UnsafeOutputException;
import dev.gitpypi.testing.BareRepo;
import dev.gitpypi.testing.GitHttpBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SitePublisher} against real repositories: a bare repository over {@code file://} (JGit's own transport)
 * and over smart HTTP ({@code git http-backend}, real receive-pack and hooks), one server asking for basic
 * authentication. Races are made deterministic: "someone else" pushes from the progress listener (just before the
 * publisher pushes) or from the server (just before Git receives the push).
 */
class SitePublisherIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private SitePublisher.Builder publisher(String remote) {
        return SitePublisher.builder(remote).clock(CLOCK).workDirectory(tmp);
    }

    @Test
    void firstPublishCreatesTheBranchAndAnUnchangedSiteMakesNoCommit() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0", "hello==1.1", "world==2.0");

        PublishResult first = publisher(remote.fileUrl()).build().publish(site);

        assertThat(first.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.previousId()).isEmpty();
        assertThat(remote.head("gh-pages")).isEqualTo(first.headId()).isEqualTo(first.commitId().orElseThrow());
        assertThat(remote.log("gh-pages")).hasSize(1);
        assertThat(remote.files("gh-pages")).contains(".nojekyll", "index.html", "simple/index.html",
                "simple/hello/index.html", "simple/hello/index.json", "simple/world/index.html",
                "files/hello/hello-1.1-py3-none-any.whl", "files/hello/hello-1.1-py3-none-any.whl.metadata");
        assertThat(first.changes().projectsAdded()).containsExactly(
                new SiteChanges.ProjectVersions("hello", List.of("1.0", "1.1")),
                new SiteChanges.ProjectVersions("world", List.of("2.0")));
        assertThat(first.changes().summary()).isEqualTo("2 projects added, 3 versions added");
        String message = remote.message(first.headId());
        assertThat(message).isEqualTo(first.message().strip()).startsWith(
                "Publish the package index: 2 projects added, 3 versions added\n\n"
                        + "Added project hello: 1.0, 1.1\nAdded project world: 2.0\n");
        assertThat(remote.git("log", "-1", "--format=%an <%ae> %aI", "gh-pages"))
                .isEqualTo("gitpypi <gitpypi@localhost> 2024-05-01T12:00:00+00:00");

        // the same site again, and the same site written again by the site writer: no commit
        PublishResult again = publisher(remote.fileUrl()).build().publish(site);
        assertThat(again.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
        assertThat(again.commitId()).isEmpty();
        assertThat(again.headId()).isEqualTo(first.headId());
        assertThat(again.changes().isEmpty()).isTrue();
        assertThat(remote.log("gh-pages")).hasSize(1);
    }

    @Test
    void aChangeMakesOneCommitWhoseMessageListsIt() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        PublishResult first = publisher(remote.fileUrl()).build().publish(
                Sites.site(tmp.resolve("v1"), "hello==1.0", "world==1.0", "world==1.1", "old==0.1"));
        Path v2 = Sites.site(tmp.resolve("v2"), false, Map.of("world-1.0-py3-none-any.whl", "broken\nbuild"),
                "hello==1.0", "hello==1.1", "hello==2.0", "world==1.0", "fresh==3.0");

        PublishResult second = publisher(remote.fileUrl()).message("Nightly rebuild").build().publish(v2);

        assertThat(second.outcome()).isEqualTo(PublishResult.Outcome.UPDATED);
        assertThat(second.previousId()).contains(first.headId());
        assertThat(remote.log("gh-pages")).containsExactly(second.headId(), first.headId());
        SiteChanges c = second.changes();
        assertThat(c.projectsAdded()).containsExactly(new SiteChanges.ProjectVersions("fresh", List.of("3.0")));
        assertThat(c.projectsRemoved()).containsExactly(new SiteChanges.ProjectVersions("old", List.of("0.1")));
        assertThat(c.versionsAdded()).containsExactly(new SiteChanges.ProjectVersions("hello", List.of("1.1", "2.0")));
        assertThat(c.versionsRemoved()).containsExactly(new SiteChanges.ProjectVersions("world", List.of("1.1")));
        assertThat(c.yanked()).containsExactly(
                new SiteChanges.Yank("world", "world-1.0-py3-none-any.whl", "1.0", "broken\nbuild"));
        assertThat(c.versionsAddedCount()).isEqualTo(3);
        assertThat(c.versionsRemovedCount()).isEqualTo(2);
        assertThat(remote.message(second.headId())).isEqualTo("""
                Nightly rebuild

                Publish the package index: 1 project added, 1 project removed, 3 versions added, \
                2 versions removed, 1 file yanked

                Added project fresh: 3.0
                Added to hello: 1.1, 2.0
                Removed from world: 1.1
                Removed project old (had 0.1)
                Yanked world-1.0-py3-none-any.whl (world 1.0): broken build

                Files: %d added, %d modified, %d removed.""".formatted(c.filesAdded(), c.filesModified(),
                c.filesRemoved()));
        assertThat(c.filesAdded()).isPositive();
        assertThat(c.filesRemoved()).isPositive();

        // un-yanking is a change of its own
        Path v3 = Sites.site(tmp.resolve("v3"), "hello==1.0", "hello==1.1", "hello==2.0", "world==1.0", "fresh==3.0");
        PublishResult third = publisher(remote.fileUrl()).build().publish(v3);
        assertThat(third.changes().unyanked()).containsExactly(
                new SiteChanges.Yank("world", "world-1.0-py3-none-any.whl", "1.0", ""));
        assertThat(third.changes().summary()).isEqualTo("1 file un-yanked");
    }

    @Test
    void cnameAndOtherKeptFilesSurviveAndEverythingElseIsReplaced() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        remote.pushFromElsewhere("gh-pages", "CNAME", "pypi.example.org\n");
        remote.pushFromElsewhere("gh-pages", "notes/hand-written.txt", "keep me?\n");
        remote.pushFromElsewhere("gh-pages", "stale.html", "old\n");
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");

        PublishResult r = publisher(remote.fileUrl()).build().publish(site);

        assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.UPDATED);
        assertThat(remote.show("gh-pages", "CNAME")).isEqualTo("pypi.example.org");
        assertThat(remote.files("gh-pages")).doesNotContain("stale.html", "notes/hand-written.txt");
        assertThat(r.changes().filesRemoved()).isEqualTo(2);

        remote.pushFromElsewhere("gh-pages", "notes/hand-written.txt", "keep me!\n");
        PublishResult kept = publisher(remote.fileUrl()).keep(List.of("CNAME", "notes")).build().publish(site);
        assertThat(kept.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
        assertThat(remote.show("gh-pages", "notes/hand-written.txt")).isEqualTo("keep me!");

        remote.pushFromElsewhere("gh-pages", "notes/deep/more.txt", "glob me\n");
        remote.pushFromElsewhere("gh-pages", "notes/deep/image.png", "not me\n");
        PublishResult globbed = publisher(remote.fileUrl()).keep(List.of("**/*.txt")).build().publish(site);
        assertThat(globbed.outcome()).isEqualTo(PublishResult.Outcome.UPDATED);
        assertThat(remote.files("gh-pages")).contains("notes/hand-written.txt", "notes/deep/more.txt")
                .doesNotContain("notes/deep/image.png", "CNAME");

        PublishResult nothingKept = publisher(remote.fileUrl()).keep(List.of()).build().publish(site);
        assertThat(nothingKept.outcome()).isEqualTo(PublishResult.Outcome.UPDATED);
        assertThat(remote.files("gh-pages")).doesNotContain("notes/hand-written.txt", "notes/deep/more.txt");
    }

    @Test
    void aConcurrentPushBetweenFetchAndPushIsMergedByTheRetry() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        String base = remote.pushFromElsewhere("gh-pages", "CNAME", "one.example.org\n");
        AtomicInteger pushes = new AtomicInteger();
        String[] theirs = new String[1];
        Progress raceOnce = new Progress() {
            @Override
            public void start(String what, long units) {
                if (what.startsWith("pushing") && pushes.getAndIncrement() == 0) {
                    theirs[0] = remote.pushFromElsewhere("gh-pages", "CNAME", "two.example.org\n");
                }
            }
        };
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");

        PublishResult r = publisher(remote.fileUrl()).progress(raceOnce).build().publish(site);

        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.previousId()).contains(theirs[0]);
        assertThat(remote.log("gh-pages")).containsExactly(r.headId(), theirs[0], base);
        assertThat(remote.show("gh-pages", "CNAME")).isEqualTo("two.example.org");
        assertThat(remote.files("gh-pages")).contains("simple/hello/index.html");
    }

    @Test
    void aServerSideRaceOverSmartHttpIsRetried() throws IOException {
        Path served = tmp.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("index.git"));
        remote.pushFromElsewhere("gh-pages", "CNAME", "one.example.org\n");
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            AtomicInteger receives = new AtomicInteger();
            http.beforeReceivePack(() -> {
                if (receives.getAndIncrement() == 0) {
                    // lands after the publisher read the branch for its push: receive-pack sees it moved
                    remote.pushFromElsewhere("gh-pages", "CNAME", "two.example.org\n");
                }
            });

            PublishResult r = publisher(http.baseUrl() + "index.git").build().publish(site);

            assertThat(r.attempts()).isEqualTo(2);
            assertThat(receives.get()).isEqualTo(2);
            assertThat(remote.head("gh-pages")).isEqualTo(r.headId());
            assertThat(remote.log("gh-pages")).hasSize(3);
            assertThat(remote.show("gh-pages", "CNAME")).isEqualTo("two.example.org");
        }
    }

    @Test
    void aPushThatKeepsLosingTheRaceEndsWithAClearErrorAndLeavesTheBranchAlone() throws IOException {
        Path served = tmp.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("index.git"));
        remote.pushFromElsewhere("gh-pages", "CNAME", "one.example.org\n");
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            AtomicInteger n = new AtomicInteger();
            http.beforeReceivePack(() -> remote.pushFromElsewhere("gh-pages", "CNAME", n.incrementAndGet()
                    + ".example.org\n"));
            String url = http.baseUrl() + "index.git";

            assertThatThrownBy(() -> publisher(url).retries(2).build().publish(site))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot publish to " + url + " branch gh-pages: someone else pushed to it during"
                            + " each of 3 attempts; nothing was pushed (run again, or serialize the jobs that"
                            + " publish)");

            assertThat(remote.log("gh-pages")).hasSize(4);
            assertThat(remote.git("log", "--format=%an", "gh-pages")).doesNotContain("gitpypi");
            assertThat(remote.files("gh-pages")).containsExactly("CNAME");
        }
    }

    @Test
    void forceReplacesWhatWasPushedAfterTheFetchWithoutRetrying() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        String base = remote.pushFromElsewhere("gh-pages", "CNAME", "one.example.org\n");
        Progress race = new Progress() {
            @Override
            public void start(String what, long units) {
                if (what.startsWith("pushing")) {
                    remote.pushFromElsewhere("gh-pages", "other.txt", "theirs\n");
                }
            }
        };
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");

        PublishResult r = publisher(remote.fileUrl()).force(true).progress(race).build().publish(site);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(remote.log("gh-pages")).containsExactly(r.headId(), base);
        assertThat(remote.files("gh-pages")).doesNotContain("other.txt");
    }

    @Test
    void aPushTheServerRefusesFailsAtOnceWithTheServersReason() throws IOException {
        Path served = tmp.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("index.git"));
        String base = remote.pushFromElsewhere("gh-pages", "CNAME", "one.example.org\n");
        remote.hook("pre-receive", "echo 'gh-pages is protected: changes need a review' >&2; exit 1");
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            String url = http.baseUrl() + "index.git";

            assertThatThrownBy(() -> publisher(url).build().publish(site))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the remote refused the push to " + url + " branch gh-pages: pre-receive hook"
                            + " declined (the server said: gh-pages is protected: changes need a review); nothing"
                            + " was pushed");

            assertThat(http.requests()).filteredOn(q -> q.startsWith("POST /index.git/git-receive-pack")).hasSize(1);
            assertThat(remote.log("gh-pages")).containsExactly(base);
        }
    }

    @Test
    void overSmartHttpWithBasicAuthTheTokenGoesToTheGitHubHostOnlyAndIsNeverWritten() throws IOException {
        String token = "ghs_" + "Q7x".repeat(12);
        Path served = tmp.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("acme/index.git"));
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        try (GitHttpBackend http = GitHttpBackend.startWithAuth(served, "x-access-token", token)) {
            String url = http.baseUrl() + "acme/index.git";
            String api = http.baseUrl() + "api/v3";

            PublishResult r = publisher(url).githubToken(token).githubApiUrl(api).message("release " + token)
                    .build().publish(site);

            assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(http.authorizations()).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("Basic "));
            assertThat(r.message()).startsWith("release ***\n").doesNotContain(token);
            assertThat(r.toString() + r.remote() + r.warnings()).doesNotContain(token);
            assertThat(remote.everything()).doesNotContain(token).contains("Added project hello: 1.0");

            // another host (here: another port) does not get the token: the server asks, nothing is sent
            try (GitHttpBackend other = GitHttpBackend.startWithAuth(served, "x-access-token", token)) {
                String otherUrl = other.baseUrl() + "acme/index.git";
                assertThatThrownBy(() -> publisher(otherUrl).githubToken(token).githubApiUrl(api).build()
                        .publish(Sites.site(tmp.resolve("site2"), "hello==2.0")))
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("cannot reach " + otherUrl + " (branch gh-pages): ")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
                assertThat(other.authorizations()).isEmpty();
            }
            // credentials of the URL itself are used and never shown
            String withCredentials = url.replace("http://", "http://x-access-token:" + token + "@");
            PublishResult again = publisher(withCredentials).build().publish(Sites.site(tmp.resolve("site3"),
                    "hello==3.0"));
            assertThat(again.remote()).isEqualTo(url);
            assertThat(remote.everything()).doesNotContain(token);
        }
    }

    @Test
    void aSiteThatHoldsTheCredentialOrATokenIsRefusedBeforeAnythingIsPushed() throws IOException {
        String token = "ghp_" + "Zz9".repeat(12);
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        Files.writeString(site.resolve("notes.txt"), "token=" + token + "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> publisher(remote.fileUrl()).githubToken(token).build().publish(site))
                .isInstanceOf(UnsafeOutputException.class)
                .hasMessage("refusing to publish: site file \"notes.txt\" contains a credential this publish uses;"
                        + " rebuild the site");
        assertThatThrownBy(() -> publisher(remote.fileUrl()).build().publish(site))
                .isInstanceOf(UnsafeOutputException.class)
                .hasMessage("refusing to publish: site file \"notes.txt\" contains text shaped like a GitHub token");
        assertThat(remote.head("gh-pages")).isNull();
    }

    @Test
    void whatIsNotASiteOrNotARepositoryIsACleanError() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        Path notSite = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(notSite.resolve("index.html"), "<p>hi</p>");

        assertThatThrownBy(() -> publisher(remote.fileUrl()).build().publish(notSite))
                .isInstanceOf(GitpypiException.class)
                .hasMessageContaining("has no simple/index.html");
        assertThatThrownBy(() -> publisher(remote.fileUrl()).build().publish(tmp.resolve("absent")))
                .isInstanceOf(GitpypiException.class)
                .hasMessageStartingWith("no site folder");
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        assertThatThrownBy(() -> publisher(tmp.resolve("nope.git").toString()).build().publish(site))
                .isInstanceOf(GitpypiException.class)
                .hasMessageStartingWith("no repository folder");
        Files.createSymbolicLink(site.resolve("passwd"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> publisher(remote.fileUrl()).build().publish(site))
                .isInstanceOf(UnsafeOutputException.class)
                .hasMessageContaining("\"passwd\" is a symbolic link");
        assertThatThrownBy(() -> SitePublisher.builder("x").branch("bad..name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid branch name \"bad..name\": give a Git branch name such as gh-pages");
    }

    @Test
    void aLocalRepositoryPathAndAnotherBranchWork() throws IOException {
        BareRepo remote = BareRepo.init(tmp.resolve("index.git"));
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");

        PublishResult r = publisher(remote.dir().toString()).branch("pages/main").build().publish(site);

        assertThat(r.branch()).isEqualTo("pages/main");
        assertThat(remote.head("pages/main")).isEqualTo(r.headId());
        assertThat(remote.head("gh-pages")).isNull();
    }

    @Test
    void aPrivateSiteIsRefusedWhereGitHubSaysAnyoneCanReadIt() throws IOException {
        Path served = tmp.resolve("served");
        BareRepo remote = BareRepo.init(served.resolve("acme/index.git"));
        Path site = Sites.site(tmp.resolve("site"), true, Map.of(), "secret==1.0");
        assertThat(site.resolve(SiteWriter.PRIVATE_MARKER)).exists();
        String token = "ghs_" + "Pv8".repeat(12);
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            String url = http.baseUrl() + "acme/index.git";
            SitePublisher p = publisher(url).githubToken(token).githubApiUrl(http.baseUrl() + "api/v3").build();

            http.answerJson("/api/v3/repos/acme/index", 200, "{\"full_name\":\"acme/index\",\"private\":false}");
            assertThatThrownBy(() -> p.publish(site))
                    .isInstanceOf(UnsafeOutputException.class)
                    .hasMessageContaining("is private (.gitpypi-private: it hosts code of private repositories)")
                    .hasMessageContaining("acme/index is a public repository: anyone can read its branches");

            http.answerJson("/api/v3/repos/acme/index", 200, "{\"private\":true,\"visibility\":\"private\"}");
            http.answerJson("/api/v3/repos/acme/index/pages", 200,
                    "{\"html_url\":\"https://acme.github.io/index/\",\"public\":true}");
            assertThatThrownBy(() -> p.publish(site))
                    .isInstanceOf(UnsafeOutputException.class)
                    .hasMessageContaining("the GitHub Pages site of acme/index (https://acme.github.io/index/) is"
                            + " public");
            assertThat(http.requests()).noneMatch(q -> q.contains("git-receive-pack"));
            assertThat(http.authorizations()).containsOnly("Bearer " + token);

            http.answerJson("/api/v3/repos/acme/index/pages", 403, "{\"message\":\"Resource not accessible\"}");
            PublishResult unknown = p.publish(site);
            assertThat(unknown.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(unknown.warnings()).singleElement().asString()
                    .contains("gitpypi cannot tell who can read " + url)
                    .contains("did not show its Pages settings (HTTP 403");

            http.answerJson("/api/v3/repos/acme/index/pages", 200, "{\"public\":false}");
            Path site2 = Sites.site(tmp.resolve("site2"), true, Map.of(), "secret==2.0");
            PublishResult ok = p.publish(site2);
            assertThat(ok.outcome()).isEqualTo(PublishResult.Outcome.UPDATED);
            assertThat(ok.warnings()).isEmpty();
        }
        // no GitHub API for a local repository: published with a loud warning
        PublishResult local = publisher(remote.fileUrl()).build().publish(site);
        assertThat(local.warnings()).singleElement().asString().contains("cannot tell who can read");
    }
}
