package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.StaticSiteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * setuptools projects without a {@code pyproject.toml} install from the index built from their tags: one with only
 * a {@code setup.py}, with VCS links and with sdists; one whose metadata is only in {@code setup.cfg}, by version
 * constraint, with pip choosing by {@code data-requires-python} (read from {@code setup.cfg}) without building the
 * sdists of other versions, and with a yanked release that pip takes only when pinned (PEP 592, PIP-09). pip builds such a project with setuptools, which needs {@code setuptools} and
 * {@code wheel}; nothing can be downloaded here, so the venv is made from Debian's {@code /usr/bin/python3} with its
 * system packages ({@code python3-setuptools}, {@code python3-wheel}, which {@code .ci/run} installs) and pip runs
 * with {@code --no-build-isolation}. pip is still isolated from the machine's configuration: the install proves the
 * index.
 */
class SetuptoolsInstallIT {
    static final String DEBIAN_PYTHON = "/usr/bin/python3";

    @TempDir
    static Path tmp;
    static TestRepo legacy;
    static TestRepo cfg;
    static PipVenv venv;

    private static void release(String version) {
        legacy.write("setup.py", "from setuptools import setup\n\nsetup(\n    name=\"Legacy_Tool\",\n"
                + "    version=\"" + version + "\",\n    packages=[\"legacy_tool\"],\n    python_requires=\">=3.7\",\n)\n");
        legacy.write("legacy_tool/__init__.py", "VERSION = " + "\"" + version + "\"\n");
        legacy.commit("release " + version);
        legacy.annotatedTag("v" + version);
    }

    @BeforeAll
    static void repository() {
        ProcessResult check = Processes.run(null, env -> { }, 60, List.of(DEBIAN_PYTHON, "-c",
                "import setuptools, wheel, venv"));
        if (!check.ok()) {
            throw new AssertionError(DEBIAN_PYTHON + " lacks setuptools, wheel or venv (Debian packages"
                    + " python3-setuptools python3-wheel python3-venv; .ci/run installs them):\n" + check.output());
        }
        legacy = TestRepo.init(tmp.resolve("repos/legacy-tool"));
        release("1.2");
        release("1.3");
        cfg = TestRepo.init(tmp.resolve("repos/cfg-tool"));
        for (String[] release : new String[][] {{"1.0", ">=3.6"}, {"2.0", ">=3.9"}, {"3.0", ">=3.99"}}) {
            cfg.write("setup.cfg", "[metadata]\nname = Cfg.Tool\nversion = attr: cfg_tool.__version__\n"
                    + "description = only setup.cfg\n\n[options]\npackages = cfg_tool\npython_requires = " + release[1]
                    + "\n");
            cfg.write("cfg_tool/__init__.py", "__version__ = '" + release[0] + "'\n");
            cfg.commit("release " + release[0]);
            cfg.tag("v" + release[0]);
        }
        venv = PipVenv.create(tmp.resolve("venv"), DEBIAN_PYTHON, true);
    }

    @ParameterizedTest
    @EnumSource(value = LinkStyle.class, names = {"VCS", "SDIST"})
    void setupPyOnlyProjectInstallsTheRightTag(LinkStyle style) throws IOException {
        SourceResult r = GitSource.local(legacy.dir()).linkStyle(style).cacheDir(tmp.resolve("cache")).build().read();
        assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
        assertThat(r.index().projects()).containsOnlyKeys("legacy-tool");
        Path site = tmp.resolve("site-" + style.value());
        SiteWriter.builder().build().write(r.index(), site);
        assertThat(Files.readString(site.resolve("simple/legacy-tool/index.html"))).contains(
                style == LinkStyle.VCS ? "@v1.2#egg=legacy-tool-1.2" : "legacy_tool-1.2.tar.gz#sha256=");
        venv.reset();
        try (StaticSiteServer server = StaticSiteServer.start(site, false)) {
            ProcessResult install = venv.install(server.baseUrl() + "simple/", "--no-build-isolation",
                    "legacy-tool<1.3");
            assertThat(install.ok()).as(install.output()).isTrue();
            assertThat(venv.installedVersion("legacy-tool")).isEqualTo("1.2");
        }
    }

    private static Path cfgSite() throws IOException {
        SourceResult r = GitSource.local(cfg.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .yank("cfg-tool", "2.0", "broken build").build().read();
        assertThat(r.problems()).isEmpty();
        Path site = tmp.resolve("site-cfg");
        SiteWriter.builder().build().write(r.index(), site);
        return site;
    }

    @org.junit.jupiter.api.Test
    void setupCfgOnlyProjectChosenByRequiresPythonWithoutBuildingOtherVersions() throws IOException {
        Path site = cfgSite();
        String page = Files.readString(site.resolve("simple/cfg-tool/index.html"));
        assertThat(page).contains("cfg_tool-1.0.tar.gz#sha256=", "data-requires-python=\"&gt;=3.6\"",
                "data-requires-python=\"&gt;=3.99\"");
        venv.reset();
        try (StaticSiteServer server = StaticSiteServer.start(site, false)) {
            ProcessResult download = venv.pip("download", "--index-url", server.baseUrl() + "simple/",
                    "--no-build-isolation", "--no-deps", "--python-version", "3.7", "-d",
                    tmp.resolve("downloads").toString(), "-v", "cfg-tool");
            assertThat(download.ok()).as(download.output()).isTrue();
            assertThat(tmp.resolve("downloads/cfg_tool-1.0.tar.gz")).exists();
            assertThat(download.output()).contains("Link requires a different Python (3.7.0 not in: '>=3.99')",
                    "Link requires a different Python (3.7.0 not in: '>=3.9')")
                    .doesNotContain("cfg_tool-3.0.tar.gz (", "Downloading " + server.baseUrl() + "files/cfg-tool/cfg_tool-3.0");
            assertThat(server.requests()).doesNotContain("GET /files/cfg-tool/cfg_tool-3.0.tar.gz",
                    "GET /files/cfg-tool/cfg_tool-2.0.tar.gz");
        }
    }

    @org.junit.jupiter.api.Test
    void aYankedReleaseIsInstalledOnlyWhenPinned() throws IOException {
        Path site = cfgSite();
        assertThat(Files.readString(site.resolve("simple/cfg-tool/index.html")))
                .contains("cfg_tool-2.0.tar.gz", "data-yanked=\"broken build\"");
        assertThat(Files.readString(site.resolve("simple/cfg-tool/index.json"))).contains("\"yanked\":\"broken build\"");
        try (StaticSiteServer server = StaticSiteServer.start(site, false)) {
            venv.reset();
            ProcessResult range = venv.install(server.baseUrl() + "simple/", "--no-build-isolation", "cfg-tool<3");
            assertThat(range.ok()).as(range.output()).isTrue();
            assertThat(venv.installedVersion("cfg-tool")).as("2.0 is yanked: the range gets 1.0").isEqualTo("1.0");
            venv.reset();
            ProcessResult pinned = venv.install(server.baseUrl() + "simple/", "--no-build-isolation",
                    "cfg-tool==2.0");
            assertThat(pinned.ok()).as(pinned.output()).isTrue();
            assertThat(venv.installedVersion("cfg-tool")).isEqualTo("2.0");
            assertThat(pinned.output()).contains("yanked", "broken build");
        }
    }
}
