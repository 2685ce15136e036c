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
 * A project with only a {@code setup.py} (no pyproject.toml, no setup.cfg) installs from the index built from its
 * tags, with VCS links and with sdists. pip builds such a project with setuptools, which needs {@code setuptools} and
 * {@code wheel}; nothing can be downloaded here, so the venv is made from Debian's {@code /usr/bin/python3} with its
 * system packages ({@code python3-setuptools}, {@code python3-wheel}, which {@code .ci/run} installs) and pip runs
 * with {@code --no-build-isolation}. pip is still isolated from the machine's configuration: the install proves the
 * index.
 */
class SetupPyInstallIT {
    static final String DEBIAN_PYTHON = "/usr/bin/python3";

    @TempDir
    static Path tmp;
    static TestRepo legacy;
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
}
