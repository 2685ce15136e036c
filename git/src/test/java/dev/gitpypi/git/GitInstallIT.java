package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.StaticSiteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip installs Git tags through a generated index, for real and offline: two projects in two repositories (hello
 * depends on world), several tags each, built by an in-tree PEP 517 backend; the index built once with VCS links
 * (SPEC PIP-07) and once with sdists built from the tags (SPEC SD-01..SD-05), written by the site writer and
 * served on loopback.
 */
class GitInstallIT {
    /** A PEP 517 backend (standard library only) that builds a wheel from pyproject.toml [project]. */
    private static final String BACKEND = String.join("\n",
            "import base64, hashlib, os, tomllib, zipfile",
            "",
            "def _project():",
            "    with open('pyproject.toml', 'rb') as f:",
            "        p = tomllib.load(f)['project']",
            "    return p['name'], p['version'], p.get('dependencies', [])",
            "",
            "def get_requires_for_build_wheel(config_settings=None):",
            "    return []",
            "",
            "def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):",
            "    name, version, deps = _project()",
            "    dist = name.replace('-', '_')",
            "    info = '%s-%s.dist-info/' % (dist, version)",
            "    meta = 'Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\n' % (name, version)",
            "    meta += ''.join('Requires-Dist: %s\\n' % d for d in deps)",
            "    files = {dist + '/__init__.py': ('VERSION = %r\\n' % version).encode(),",
            "             info + 'METADATA': meta.encode(),",
            "             info + 'WHEEL': b'Wheel-Version: 1.0\\nGenerator: intree\\nRoot-Is-Purelib: true\\n"
                    + "Tag: py3-none-any\\n'}",
            "    record = ''",
            "    for path, data in files.items():",
            "        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()",
            "        record += '%s,sha256=%s,%d\\n' % (path, digest, len(data))",
            "    files[info + 'RECORD'] = (record + info + 'RECORD,,\\n').encode()",
            "    wheel = '%s-%s-py3-none-any.whl' % (dist, version)",
            "    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), 'w') as z:",
            "        for path, data in files.items():",
            "            z.writestr(path, data)",
            "    return wheel",
            "");

    @TempDir
    static Path tmp;
    static PipVenv venv;
    static TestRepo hello;
    static TestRepo world;
    static TestRepo mono;

    private static void release(TestRepo repo, String name, String version, String... deps) {
        project(repo, "", name, version, deps);
        repo.commit("release " + version);
    }

    private static void project(TestRepo repo, String folder, String name, String version, String... deps) {
        repo.write(folder + "pyproject.toml", "[build-system]\nrequires = []\nbuild-backend = \"intree_backend\"\n"
                + "backend-path = [\".\"]\n\n" + TestRepo.pyproject(name, version, deps));
        repo.write(folder + "intree_backend.py", BACKEND);
    }

    @BeforeAll
    static void repositories() {
        Python.assumeEnabled();
        world = TestRepo.init(tmp.resolve("repos/world"));
        release(world, "world", "1.0");
        world.tag("v1.0");
        release(world, "world", "2.0");
        world.annotatedTag("v2.0");

        hello = TestRepo.init(tmp.resolve("repos/hello"));
        release(hello, "hello", "1.0", "world>=1");
        hello.tag("v1.0");
        release(hello, "hello", "1.1", "world>=1");
        hello.annotatedTag("v1.1");
        release(hello, "hello", "1.2", "world>=1,<2");
        hello.annotatedTag("v1.2");
        release(hello, "hello", "2.0", "world>=2");
        hello.tag("v2.0");
        mono = TestRepo.init(tmp.resolve("repos/mono"));
        project(mono, "packages/extra/", "extra-pkg", "0.5");
        project(mono, "packages/other/", "other-pkg", "3.0");
        mono.commit("two projects");
        mono.tag("extra-pkg/v0.5").tag("other-pkg/v3.0");
        venv = PipVenv.create(tmp.resolve("venv"));
    }

    private static Path site(LinkStyle style) throws IOException {
        Index index = Index.empty();
        for (TestRepo repo : new TestRepo[] {hello, world}) {
            SourceResult r = GitSource.local(repo.dir()).linkStyle(style).cacheDir(tmp.resolve("cache")).build().read();
            assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
            index = index.merge(r.index());
        }
        SourceResult monorepo = GitSource.local(mono.dir()).linkStyle(style).cacheDir(tmp.resolve("cache"))
                .tagPattern(TagPattern.regex("(?<project>[^/]+)/v(?<version>.+)")).discoverProjects(true).build()
                .read();
        assertThat(monorepo.hasErrors()).as(monorepo.problems().toString()).isFalse();
        index = index.merge(monorepo.index());
        Path out = tmp.resolve("site-" + style.value());
        SiteWriter.builder().build().write(index, out);
        return out;
    }

    private static void installsTheRightTags(Path site, String expectedFetch) throws IOException {
        venv.reset();
        try (StaticSiteServer server = StaticSiteServer.start(site, false)) {
            ProcessResult r = venv.install(server.baseUrl() + "simple/", "hello>=1.1,<2");
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(venv.installedVersion("hello")).isEqualTo("1.2");
            assertThat(venv.installedVersion("world")).as("hello 1.2 needs world<2").isEqualTo("1.0");
            assertThat(r.output()).contains(expectedFetch);
            assertThat(server.requests()).contains("GET /simple/hello/", "GET /simple/world/");
            ProcessResult sub = venv.install(server.baseUrl() + "simple/", "extra-pkg");
            assertThat(sub.ok()).as(sub.output()).isTrue();
            assertThat(venv.installedVersion("extra-pkg")).isEqualTo("0.5");
        }
    }

    @Test
    void vcsLinks() throws IOException {
        Path site = site(LinkStyle.VCS);
        String page = Files.readString(site.resolve("simple/hello/index.html"));
        assertThat(page).contains("@v1.2#egg=hello-1.2");
        assertThat(Files.readString(site.resolve("simple/extra-pkg/index.html")))
                .contains("@extra-pkg/v0.5#egg=extra-pkg-0.5&amp;subdirectory=packages/extra");
        installsTheRightTags(site, "git clone");
    }

    @Test
    void sdistsBuiltFromTags() throws IOException {
        Path site = site(LinkStyle.SDIST);
        assertThat(site.resolve("files/hello/hello-1.2.tar.gz")).isRegularFile();
        assertThat(Files.readString(site.resolve("simple/hello/index.html")))
                .contains("../../files/hello/hello-1.2.tar.gz#sha256=");
        installsTheRightTags(site, "hello-1.2.tar.gz");
    }
}
