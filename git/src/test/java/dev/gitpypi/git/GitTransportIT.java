package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.testing.GitHttpBackend;
import dev.gitpypi.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote repositories over file://, git:// ({@code git daemon}) and smart HTTP ({@code git http-backend}), all on
 * loopback: tags fetched into the cache, rebuilds that transfer nothing new, credentials that never leak.
 */
class GitTransportIT {
    private static final String TOKEN = "tok3n-V3RY-S3CRET-value";

    @TempDir
    Path tmp;
    Path served;
    TestRepo work;
    LogCapture log;

    @BeforeEach
    void repositories() {
        log = LogCapture.start();
        work = TestRepo.init(tmp.resolve("work"));
        work.write("pyproject.toml", TestRepo.pyproject("hello", null, "world>=1")).commit("one");
        work.tag("v1.0");
        work.write("hello.py", "x = 1\n").commit("two");
        work.annotatedTag("v1.1");
        work.tag("not-a-version");
        served = tmp.resolve("served");
        work.git("clone", "-q", "--bare", work.dir().toString(), served.resolve("hello.git").toString());
    }

    @AfterEach
    void stopCapture() {
        log.close();
    }

    private SourceResult read(String url, LinkStyle style) throws IOException {
        return GitSource.remote(url).linkStyle(style).cacheDir(tmp.resolve("cache")).build().read();
    }

    private static List<String> urls(SourceResult r) {
        return r.index().project("hello").orElseThrow().distributions().stream().map(Distribution::url).toList();
    }

    private List<String> cacheObjects() throws IOException {
        return TestRepo.objectFiles(tmp.resolve("cache/repos"));
    }

    private void push() {
        work.git("push", "-q", "--force", served.resolve("hello.git").toString(), "main", "--tags");
    }

    @Test
    void fileUrl() throws IOException {
        String url = served.resolve("hello.git").toUri().toString();
        SourceResult r = read(url, LinkStyle.VCS);
        String shown = url.substring(0, url.length() - 1);
        assertThat(url).endsWith("/");
        assertThat(urls(r)).containsExactly("git+" + shown + "@v1.0#egg=hello-1.0",
                "git+" + shown + "@v1.1#egg=hello-1.1");
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("warning: git:" + shown
                + ": 1 of 3 tags do not match the tag pattern \"v?(?<version>[0-9].*)\" and were skipped"
                + " (\"not-a-version\")");
    }

    @Test
    void gitDaemon() throws Exception {
        try (GitDaemon daemon = GitDaemon.start(served)) {
            String url = daemon.baseUrl() + "hello.git";
            assertThat(urls(read(url, LinkStyle.VCS))).containsExactly("git+" + url + "@v1.0#egg=hello-1.0",
                    "git+" + url + "@v1.1#egg=hello-1.1");
            SourceResult sdists = read(url, LinkStyle.SDIST);
            assertThat(urls(sdists)).containsExactly("../../files/hello/hello-1.0.tar.gz",
                    "../../files/hello/hello-1.1.tar.gz");
        }
    }

    @Test
    void smartHttpWithCredentialsThatNeverLeak() throws Exception {
        try (GitHttpBackend http = GitHttpBackend.startWithAuth(served, "user", TOKEN)) {
            String shown = http.baseUrl() + "hello.git";
            String secret = shown.replace("http://", "http://user:" + TOKEN + "@");
            GitSource source = GitSource.remote(secret).linkStyle(LinkStyle.VCS).cacheDir(tmp.resolve("cache"))
                    .build();
            SourceResult r = source.read();
            assertThat(urls(r)).containsExactly("git+" + shown + "@v1.0#egg=hello-1.0",
                    "git+" + shown + "@v1.1#egg=hello-1.1");
            assertThat(http.requests()).anySatisfy(q -> assertThat(q).startsWith("POST /hello.git/git-upload-pack"));

            SourceResult sdists = GitSource.remote(secret).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                    .build().read();
            IOException wrong = null;
            try {
                GitSource.remote(shown.replace("http://", "http://user:wrong-" + TOKEN + "@"))
                        .cacheDir(tmp.resolve("cache3")).build().read();
            } catch (IOException e) {
                wrong = e;
            }
            assertThat(wrong).isNotNull();
            assertThat(wrong.getMessage()).contains("\"" + shown + "\"");

            List<String> everything = new ArrayList<>(log.lines());
            everything.add(source.description());
            everything.add(source.toString());
            everything.add(wrong.toString());
            for (SourceResult each : List.of(r, sdists)) {
                everything.add(each.toString());
                each.problems().forEach(p -> everything.add(p.toString()));
                each.index().projects().values().forEach(p -> {
                    everything.add(p.sourceUrl().orElse(""));
                    p.distributions().forEach(d -> everything.add(d.toString() + d.origin()));
                });
            }
            for (Throwable t = wrong; t != null; t = t.getCause()) {
                everything.add(String.valueOf(t.getMessage()));
            }
            assertThat(log.lines()).isNotEmpty();
            assertThat(everything).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain("user:"));
        }
    }

    @Test
    void tokenOnlyUrlAuthenticates() throws Exception {
        try (GitHttpBackend http = GitHttpBackend.startWithAuth(served, TOKEN, "")) {
            String shown = http.baseUrl() + "hello.git";
            SourceResult r = GitSource.remote(shown.replace("http://", "http://" + TOKEN + "@"))
                    .cacheDir(tmp.resolve("cache")).build().read();
            assertThat(urls(r)).hasSize(2).allSatisfy(u -> assertThat(u).doesNotContain(TOKEN));
        }
    }

    @Test
    void rebuildTransfersOnlyWhatIsNew() throws Exception {
        try (GitHttpBackend http = GitHttpBackend.start(served)) {
            String url = http.baseUrl() + "hello.git";
            read(url, LinkStyle.SDIST);
            List<String> first = cacheObjects();
            assertThat(first).isNotEmpty();

            SourceResult again = read(url, LinkStyle.SDIST);
            assertThat(cacheObjects()).as("nothing new: no object transferred").isEqualTo(first);
            assertThat(again.index().project("hello").orElseThrow().versions()).containsExactly("1.0", "1.1");

            work.write("hello.py", "x = 2\n").commit("three");
            work.tag("v1.2");
            push();
            SourceResult third = read(url, LinkStyle.SDIST);
            assertThat(third.index().project("hello").orElseThrow().versions()).containsExactly("1.0", "1.1", "1.2");
            List<String> after = cacheObjects();
            assertThat(after).containsAll(first);
            assertThat(after.size() - first.size()).as("one new pack and its index (or a few loose objects)")
                    .isBetween(1, 6);
        }
    }

    @Test
    void deletedAndMovedTagsFollowTheRemote() throws Exception {
        String url = served.resolve("hello.git").toUri().toString();
        read(url, LinkStyle.VCS);
        work.git("tag", "-d", "v1.0");
        work.git("push", "-q", served.resolve("hello.git").toString(), ":refs/tags/v1.0");
        assertThat(read(url, LinkStyle.VCS).index().project("hello").orElseThrow().versions()).containsExactly("1.1");
    }

    @Test
    void unreachableRepositoryIsAClearErrorWithoutCredentials() throws Exception {
        int port = GitDaemon.freePort();
        for (String url : List.of("git://127.0.0.1:" + port + "/gone.git",
                "http://user:" + TOKEN + "@127.0.0.1:" + port + "/gone.git",
                served.resolve("missing.git").toUri().toString())) {
            assertThatThrownBy(() -> GitSource.remote(url).cacheDir(tmp.resolve("cache")).timeout(
                    java.time.Duration.ofSeconds(5)).build().read())
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot read git repository \"" + url.replace("user:" + TOKEN + "@", ""))
                    .message().doesNotContain(TOKEN);
        }
        assertThat(log.lines()).allSatisfy(l -> assertThat(l).doesNotContain(TOKEN));
    }

    @Test
    void cachedTagsAreUsedWhenTheRemoteIsGone() throws Exception {
        String url = served.resolve("hello.git").toUri().toString();
        read(url, LinkStyle.VCS);
        Files.move(served.resolve("hello.git"), served.resolve("moved.git"));
        SourceResult r = read(url, LinkStyle.VCS);
        assertThat(r.index().project("hello").orElseThrow().versions()).containsExactly("1.0", "1.1");
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.ERROR).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cannot fetch", "using the 3 tags cached"));
    }
}
