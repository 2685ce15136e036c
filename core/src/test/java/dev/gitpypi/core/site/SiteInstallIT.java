package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.source.LocalFilesSource;
import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.StaticSiteServer;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a folder of real wheels and sdists goes through {@link LocalFilesSource} and {@link SiteWriter}, the
 * site is served on 127.0.0.1 the way a static host serves it, and the machine's real pip (isolated from this
 * machine's pip configuration, nothing downloaded from outside) installs from it.
 */
class SiteInstallIT {
    @TempDir
    static Path tmp;
    static PipVenv venv;
    static Path site;
    static StaticSiteServer server;
    static String indexUrl;

    @BeforeAll
    static void buildSiteAndVenv() throws IOException {
        Python.assumeEnabled();
        Path dist = tmp.resolve("dist");
        TestDistributions.wheel(dist, "alpha", "1.0");
        TestDistributions.wheel(dist, "alpha", "1.1");
        TestDistributions.wheel(dist, "alpha", "2.0");
        TestDistributions.wheel(dist, "beta", "1.0", "Requires-Dist: alpha<2,>=1.1");
        TestDistributions.wheel(dist, "gamma", "1.0");
        TestDistributions.wheel(dist, "gamma", "1.1");
        TestDistributions.wheel(dist, "delta", "1.0", "Requires-Python: >=3");
        TestDistributions.wheel(dist, "delta", "2.0", "Requires-Python: <3");
        TestDistributions.sdist(dist, "epsilon", "1.0", "Requires-Dist: alpha==1.0");
        TestDistributions.wheel(dist, "zeta", "1.0");

        SourceResult read = LocalFilesSource.of(dist).read();
        assertThat(read.problems()).isEmpty();
        Index index = yank(read.index(), "gamma-1.1-py3-none-any.whl", "broken build");
        site = tmp.resolve("site");
        SiteWriter.builder().build().write(index, site);

        // the site now holds zeta's file; replace its bytes so they no longer match the page's sha256
        Path zeta = site.resolve("files/zeta/zeta-1.0-py3-none-any.whl");
        Path other = TestDistributions.wheel(tmp.resolve("other"), "zeta", "1.0", "Summary: tampered");
        Files.copy(other, zeta, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        server = StaticSiteServer.start(site, false);
        indexUrl = server.baseUrl() + "simple/";
        venv = PipVenv.create(tmp.resolve("venv"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        venv.reset();
    }

    private static Index yank(Index index, String filename, String reason) {
        List<Project> projects = new ArrayList<>();
        for (Project p : index.projects().values()) {
            Project.Builder b = Project.builder(p.name());
            for (Distribution d : p.distributions()) {
                b.add(d.filename().equals(filename) ? d.toBuilder().yanked(reason).build() : d);
            }
            projects.add(b.build());
        }
        return Index.of(projects);
    }

    private static ProcessResult install(String... args) {
        return venv.install(indexUrl, args);
    }

    @Test
    void aVersionSpecifierPicksTheRightVersion() {
        ProcessResult r = install("alpha<2");
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(venv.installedVersion("alpha")).isEqualTo("1.1");
    }

    @Test
    void aDependencyBetweenTwoPackagesOfTheIndexResolvesUsingPep658Metadata() {
        ProcessResult r = install("beta");
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(venv.installedVersion("beta")).isEqualTo("1.0");
        assertThat(venv.installedVersion("alpha")).isEqualTo("1.1");
        // pip resolved from the .metadata files (P658-02) before downloading the wheels
        assertThat(server.requests()).contains("GET /files/beta/beta-1.0-py3-none-any.whl.metadata",
                "GET /files/alpha/alpha-1.1-py3-none-any.whl.metadata");
    }

    @Test
    void anSdistBuildsWithItsInTreeBackendAndItsDependencyResolves() {
        ProcessResult r = install("epsilon");
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(venv.installedVersion("epsilon")).isEqualTo("1.0");
        assertThat(venv.installedVersion("alpha")).isEqualTo("1.0");
    }

    @Test
    void aYankedVersionIsSkippedUnlessPinned() throws IOException {
        assertThat(Files.readString(site.resolve("simple/gamma/index.html")))
                .contains("gamma-1.1-py3-none-any.whl#sha256=").contains(" data-yanked=\"broken build\"");
        ProcessResult r = install("gamma");
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(venv.installedVersion("gamma")).isEqualTo("1.0");

        venv.reset();
        ProcessResult pinned = install("gamma==1.1");
        assertThat(pinned.ok()).as(pinned.output()).isTrue();
        assertThat(venv.installedVersion("gamma")).isEqualTo("1.1");
        assertThat(pinned.output()).contains("broken build"); // pip warns with the reason (PIP-09)
    }

    @Test
    void requiresPythonExcludesAnIncompatibleFile() throws IOException {
        assertThat(Files.readString(site.resolve("simple/delta/index.html")))
                .contains("delta-2.0-py3-none-any.whl#sha256=").contains(" data-requires-python=\"&lt;3\"");
        ProcessResult r = install("delta");
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(venv.installedVersion("delta")).isEqualTo("1.0");
        // pip skipped the file because of the page's attribute, before fetching anything of it (PIP-08)
        assertThat(r.output()).contains("Link requires a different Python").contains("not in: '<3'");
        assertThat(server.requests()).doesNotContain("GET /files/delta/delta-2.0-py3-none-any.whl.metadata",
                "GET /files/delta/delta-2.0-py3-none-any.whl");
    }

    @Test
    void aFileWhoseBytesNoLongerMatchItsHashMakesPipFail() {
        ProcessResult r = install("zeta");
        assertThat(r.ok()).as(r.output()).isFalse();
        assertThat(r.output()).contains("THESE PACKAGES DO NOT MATCH THE HASHES");
        assertThat(venv.installedVersion("zeta")).isNull();
    }

    @Test
    void pipReadsTheJsonFormWhenItIsServedWithItsMediaType() throws IOException {
        try (StaticSiteServer json = StaticSiteServer.start(site, true)) {
            ProcessResult r = venv.install(json.baseUrl() + "simple/", "-v", "alpha==1.0");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(venv.installedVersion("alpha")).isEqualTo("1.0");
            assertThat(r.output()).containsPattern("Fetched page http://127\\.0\\.0\\.1:\\d+/simple/alpha/ as"
                    + " application/vnd\\.pypi\\.simple\\.v1\\+json");
            assertThat(json.requests()).contains("GET /files/alpha/alpha-1.0-py3-none-any.whl.metadata");
        }
    }
}
