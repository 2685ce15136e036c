package dev.gitpypi.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.testing.GitHttpBackend;
import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.StaticSiteServer;
import dev.gitpypi.testing.TestDistributions;
import dev.gitpypi.testing.github.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip installs from indexes built from the GitHub stand-in: release assets linked at GitHub (downloaded by pip
 * from the stand-in, through its redirect to signed storage, hashes checked), assets of a private repository
 * mirrored into a private site, {@code git+} links of the vcs style, and sdists the Git source builds from a clone
 * made with the token as an HTTP credential. One venv for the class.
 */
class GitHubInstallIT {
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static PipVenv venv;

    @RegisterExtension
    final StandIn standIn = new StandIn();

    @BeforeAll
    static void venv() {
        venv = PipVenv.create(shared.resolve("venv"));
    }

    @AfterAll
    static void done() {
        venv = null;
    }

    @BeforeEach
    void start() {
        venv.reset();
    }

    private GitHubSource.Builder acme() {
        return standIn.local(GitHubSource.organization("acme"), tmp.resolve("cache"));
    }

    private static byte[] bytes(Path f) throws IOException {
        return Files.readAllBytes(f);
    }

    private Path site(GitHubSource source) throws IOException {
        GitHubResult r = source.readWithUsage();
        assertThat(r.result().problems()).filteredOn(p -> p.severity() == Severity.ERROR).isEmpty();
        Path site = tmp.resolve("site");
        SiteWriter.builder().build().write(Index.of(r.result().index().projects().values()), site);
        assertThat(standIn.gh().graphqlProblems()).isEmpty();
        return site;
    }

    @Test
    void pipInstallsReleaseAssetsFromGitHubWithTheirHashes() throws IOException {
        Path dist = tmp.resolve("dist");
        FakeGitHub.Owner acme = standIn.gh().organization("acme");
        acme.repository("hello").tag("v1.0", Fixtures.pyproject("hello", "1.0"));
        acme.repository("hello").release("v1.0")
                .asset("hello-1.0-py3-none-any.whl", bytes(TestDistributions.wheel(dist, "hello", "1.0")), true)
                .asset("hello-1.0.tar.gz", bytes(TestDistributions.sdist(dist, "hello", "1.0")), false);
        acme.repository("world").tag("v2.0", Fixtures.pyproject("world", "2.0"));
        acme.repository("world").release("v2.0").asset("world-2.0-py3-none-any.whl",
                bytes(TestDistributions.wheel(dist, "world", "2.0", "Requires-Dist: hello>=1.0")), false);
        Path site = site(acme().linkStyle(LinkStyle.RELEASE).build());
        try (StaticSiteServer server = StaticSiteServer.start(site, true)) {
            standIn.gh().resetCounters();
            ProcessResult r = venv.install(server.baseUrl() + "simple/", "world");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(venv.installedVersion("world")).isEqualTo("2.0");
            assertThat(venv.installedVersion("hello")).isEqualTo("1.0");
            // pip fetched the files from GitHub (the stand-in): browser URL, then signed storage
            assertThat(standIn.gh().requests()).anyMatch(x -> x.startsWith("GET /acme/world/releases/download/v2.0/"))
                    .anyMatch(x -> x.startsWith("GET /storage/") && x.endsWith("-> 200"));

            // a file that changed after the index was built fails pip's hash check
            venv.reset();
            byte[] changed = bytes(TestDistributions.wheel(tmp.resolve("evil"), "world", "2.0",
                    "Requires-Dist: hello>=1.0", "Summary: changed"));
            standIn.gh().replaceAssetBytes("world-2.0-py3-none-any.whl", changed);
            ProcessResult tampered = venv.install(server.baseUrl() + "simple/", "world");
            assertThat(tampered.ok()).isFalse();
            assertThat(tampered.output()).contains("THESE PACKAGES DO NOT MATCH THE HASHES");
        }
    }

    @Test
    void pipInstallsMirroredAssetsOfAPrivateRepositoryFromAPrivateSite() throws IOException {
        Path dist = tmp.resolve("dist");
        FakeGitHub.Repo secret = standIn.gh().organization("acme").repository("secret").privateRepo(true);
        secret.tag("v3.1", Fixtures.pyproject("secret", "3.1"));
        secret.release("v3.1").asset("secret-3.1-py3-none-any.whl",
                bytes(TestDistributions.wheel(dist, "secret", "3.1", "Requires-Python: >=3.7")), true);
        Path site = site(acme().linkStyle(LinkStyle.RELEASE).mirrorAssets(true).privateSite(true).build());
        assertThat(site.resolve("files/secret/secret-3.1-py3-none-any.whl")).exists();
        assertThat(site.resolve("files/secret/secret-3.1-py3-none-any.whl.metadata")).exists();
        try (StaticSiteServer server = StaticSiteServer.start(site, true)) {
            standIn.gh().resetCounters();
            ProcessResult r = venv.install(server.baseUrl() + "simple/", "secret==3.1");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(venv.installedVersion("secret")).isEqualTo("3.1");
            assertThat(standIn.gh().requests()).as("nothing comes from GitHub at install time").isEmpty();
        }
    }

    @Test
    void pipInstallsVcsLinksAndSdistsBuiltFromAClone() throws IOException {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        Path bare = GitRepos.project(repos, "acme", "tool", "1.0", "1.1");
        String cloneUrl = bare.toUri().toString().replaceAll("/$", "");
        FakeGitHub.Repo tool = standIn.gh().organization("acme").repository("tool").cloneUrl(cloneUrl);
        tool.tag("v1.0", Fixtures.pyproject("tool", "1.0", "requires-python = \">=3.7\""));
        tool.tag("v1.1", Fixtures.pyproject("tool", "1.1", "requires-python = \">=3.7\""));
        Path site = site(acme().build());
        assertThat(Files.readString(site.resolve("simple/tool/index.html")))
                .contains("git+" + cloneUrl + "@v1.1#egg=tool-1.1");
        try (StaticSiteServer server = StaticSiteServer.start(site, true)) {
            ProcessResult r = venv.install(server.baseUrl() + "simple/", "tool<1.1");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(venv.installedVersion("tool")).isEqualTo("1.0");
        }

        // sdist: the Git source clones over smart HTTP, the token as the password of x-access-token
        venv.reset();
        try (GitHttpBackend git = GitHttpBackend.startWithAuth(repos, "x-access-token", standIn.token())) {
            tool.cloneUrl(git.baseUrl() + "acme/tool.git").privateRepo(true);
            GitHubResult refused = acme().linkStyle(LinkStyle.SDIST).build().readWithUsage();
            assertThat(refused.result().index().projects()).isEmpty();
            assertThat(refused.result().problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .startsWith("refusing to build sdists of private repository acme/tool"));
            assertThat(git.requests()).isEmpty();

            Files.walk(tmp.resolve("site")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile()
                    .delete());
            Path sdistSite = site(acme().linkStyle(LinkStyle.SDIST).privateSite(true).build());
            assertThat(sdistSite.resolve("files/tool/tool-1.1.tar.gz")).exists();
            assertThat(git.requests()).isNotEmpty();
            List<String> pages = List.of(Files.readString(sdistSite.resolve("simple/tool/index.html")));
            assertThat(pages).noneMatch(p -> p.contains(standIn.token()) || p.contains("x-access-token"));
            try (StaticSiteServer server = StaticSiteServer.start(sdistSite, true)) {
                ProcessResult r = venv.install(server.baseUrl() + "simple/", "tool==1.1");
                assertThat(r.ok()).as(r.output()).isTrue();
                assertThat(venv.installedVersion("tool")).isEqualTo("1.1");
            }
        }
    }
}
