package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.Python;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential check of the sdist {@code PKG-INFO} gitpypi writes against the one setuptools writes for the same
 * tag. For each tag of a setuptools project (setup.py with an about-dict and literal arguments, setup.cfg with
 * {@code attr:}/{@code file:} directives, pyproject.toml {@code [project]} with and without
 * {@code [tool.setuptools.dynamic]}, a setup.py spreading a dict), the tree that {@code git archive} gives is built
 * with the machine's setuptools, offline and without isolation, exactly as {@code python -m build --sdist
 * --no-isolation} would call it ({@code setuptools.build_meta.build_sdist}; {@code __legacy__} without a
 * pyproject.toml). Every field gitpypi writes, apart from those it lists as {@code Dynamic}, must equal
 * setuptools' value, and setuptools must write no field gitpypi leaves out — compared field by field after
 * packaging 26.2's normalization (names, versions, specifier sets, requirements, extras). setuptools 66 leaves
 * {@code Requires-Dist} out of an sdist's PKG-INFO (it writes it only into the egg-info's {@code requires.txt} and
 * the wheel's METADATA), so that one field is compared with the METADATA of setuptools'
 * {@code prepare_metadata_for_build_wheel} for the same tree — what the wheel built from the sdist will say. Not
 * compared:
 * {@code Metadata-Version} (setuptools 66 writes 2.1, gitpypi at least 2.2), {@code Dynamic} (setuptools 66 writes
 * none) and {@code License-File} (setuptools adds its default globs, gitpypi lists only declared files).
 */
class SetuptoolsDifferentialIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETUPTOOLS_PYTHON = Files.isExecutable(Path.of("/usr/bin/python3"))
            ? "/usr/bin/python3" : Python.executable();

    @TempDir
    Path tmp;

    private static final String README_RST = "Differential\n============\n\nA project for the test.\n";

    private TestRepo project() {
        TestRepo r = TestRepo.init(tmp.resolve("diff"));
        r.write("diffpkg/__init__.py", "__version__ = '1.0'\n")
                .write("diffpkg/__about__.py", "__title__ = 'diff-pkg'\n__version__ = '1.0'\n__summary__ ="
                        + " 'Compared with setuptools'\n__license__ = 'BSD-2-Clause'\n__uri__ = 'https://example.org'\n")
                .write("README.rst", README_RST)
                .write("setup.py", """
                        import os
                        from setuptools import setup
                        here = os.path.dirname(__file__)
                        about = {}
                        with open(os.path.join(here, "diffpkg", "__about__.py")) as f:
                            exec(f.read(), about)
                        with open(os.path.join(here, "README.rst")) as f:
                            long_description = f.read()
                        setup(
                            name=about["__title__"],
                            version=about["__version__"],
                            description=about["__summary__"],
                            long_description=long_description,
                            long_description_content_type="text/x-rst",
                            license=about["__license__"],
                            url=about["__uri__"],
                            author="Ann Author",
                            author_email="ann@example.org",
                            maintainer="Max",
                            maintainer_email="max@example.org",
                            python_requires=">=3.7, !=3.8.*",
                            install_requires=["attrs>=20", "tomli; python_version < '3.11'"],
                            extras_require={
                                "Fast_IO": ["uvloop; sys_platform != 'win32'"],
                                "test:python_version < '3.10'": ["pytest<8"],
                            },
                            classifiers=["Programming Language :: Python :: 3", "License :: OSI Approved :: BSD"],
                            keywords=["diff", "test"],
                            platforms=["any"],
                            project_urls={"Source": "https://example.org/src", "Docs": "https://example.org/docs"},
                            packages=["diffpkg"],
                        )
                        """);
        r.commit("setup.py with an about dict");
        r.annotatedTag("v1.0");

        r.delete("setup.py").write("diffpkg/__init__.py", "__version__ = '1.1'\n")
                .write("README.md", "# Differential\n\nNow in Markdown.\n")
                .write("setup.py", "from setuptools import setup\nsetup()\n")
                .write("setup.cfg", """
                        [metadata]
                        name = diff-pkg
                        version = attr: diffpkg.__version__
                        description = Compared with setuptools
                        long_description = file: README.md
                        long_description_content_type = text/markdown
                        url = https://example.org
                        author = Ann Author
                        author_email = ann@example.org
                        license = MIT
                        keywords = diff, test, cfg
                        platforms = linux, macos
                        classifiers =
                            Development Status :: 4 - Beta
                            Programming Language :: Python :: 3
                        project_urls =
                            Tracker = https://example.org/issues

                        [options]
                        packages = diffpkg
                        python_requires = >=3.8
                        install_requires =
                            attrs>=21
                            importlib-metadata; python_version < "3.10"

                        [options.extras_require]
                        docs =
                            sphinx>=5
                            furo
                        """);
        r.commit("setup.cfg");
        r.tag("v1.1");

        r.delete("setup.py").delete("setup.cfg").write("pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "diff-pkg"
                version = "2.0"
                description = "Compared with setuptools"
                readme = "README.md"
                requires-python = ">=3.9"
                license = {text = "MIT"}
                authors = [{name = "Ann Author", email = "ann@example.org"}, {name = "Bob"}]
                maintainers = [{email = "max@example.org"}]
                keywords = ["diff", "pyproject"]
                classifiers = ["Programming Language :: Python :: 3"]
                dependencies = ["attrs>=22", "typing-extensions; python_version < '3.10'"]

                [project.optional-dependencies]
                test = ["pytest>=7", "coverage[toml]"]

                [project.urls]
                Homepage = "https://example.org"
                Source = "https://example.org/src"

                [tool.setuptools]
                packages = ["diffpkg"]
                """);
        r.commit("pyproject.toml");
        r.tag("v2.0");

        r.write("diffpkg/__init__.py", "__version__ = '2.1'\n").write("requirements.txt", "attrs>=23\n# comment\n")
                .write("pyproject.toml", """
                        [build-system]
                        requires = ["setuptools>=61"]
                        build-backend = "setuptools.build_meta"

                        [project]
                        name = "diff-pkg"
                        dynamic = ["version", "dependencies"]
                        description = "Compared with setuptools"
                        requires-python = ">=3.9"

                        [tool.setuptools]
                        packages = ["diffpkg"]

                        [tool.setuptools.dynamic]
                        version = {attr = "diffpkg.__version__"}
                        dependencies = {file = ["requirements.txt"]}
                        """);
        r.commit("dynamic fields from setuptools' own table");
        r.tag("v2.1");

        r.delete("pyproject.toml").write("setup.py", """
                from setuptools import setup
                NAME = "diff-pkg"
                COMMON = dict(author="Ann Author", license="MIT", url="https://example.org")
                arguments = dict(name=NAME, version="3.0", description="Spread " "from a dict", **COMMON)
                arguments["python_requires"] = ">=3.10"
                if __name__ == "__main__" or True:
                    setup(packages=["diffpkg"], **arguments)
                """);
        r.commit("setup.py spreading a dict");
        r.tag("v3.0");
        return r;
    }

    @Test
    void pkgInfoFieldsEqualSetuptools() throws Exception {
        Python.assumeEnabled();
        TestRepo r = project();
        SourceResult result = GitSource.local(r.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .linkUrl("https://h.invalid/diff.git").build().read();
        assertThat(result.problems()).isEmpty();
        Map<String, String> ours = new LinkedHashMap<>();
        for (Distribution d : result.index().project("diff-pkg").orElseThrow().distributions()) {
            ours.put(d.filename(), pkgInfo(Files.readAllBytes(d.localFile().orElseThrow())));
        }
        assertThat(ours).hasSize(5);
        List<String> pairs = new ArrayList<>();
        List<String> tags = List.of("v1.0", "v1.1", "v2.0", "v2.1", "v3.0");
        for (String tag : tags) {
            String version = tag.substring(1);
            List<String> theirs = setuptools(r, tag);
            pairs.add(JSON.writeValueAsString(List.of(ours.get("diff_pkg-" + version + ".tar.gz"), theirs.get(0),
                    theirs.get(1))));
        }
        String script = String.join("\n",
                "import sys, json, re, email.parser, email.policy",
                "from packaging.requirements import Requirement",
                "from packaging.specifiers import SpecifierSet",
                "from packaging.utils import canonicalize_name",
                "from packaging.version import Version",
                "def parse(text):",
                "    m = email.parser.Parser(policy=email.policy.compat32).parsestr(text)",
                "    d = {}",
                "    for k, v in m.items():",
                "        d.setdefault(k.lower(), []).append(v)",
                "    if m.get_payload():",
                "        d.setdefault('description', []).append(m.get_payload())",
                "    return d",
                "def extra(s):",
                "    return re.sub(r'extra == \"([^\"]+)\"', lambda m: 'extra == \"%s\"' % canonicalize_name(m.group(1)), s)",
                "def norm(f, vs):",
                "    if f == 'name': return [canonicalize_name(v) for v in vs]",
                "    if f == 'version': return [str(Version(v)) for v in vs]",
                "    if f == 'requires-python': return [str(SpecifierSet(v)) for v in vs]",
                "    if f == 'requires-dist': return sorted(extra(str(Requirement(v))) for v in vs)",
                "    if f == 'provides-extra': return sorted(canonicalize_name(v) for v in vs)",
                "    if f == 'keywords': return sorted(k.strip() for v in vs for k in v.split(',') if k.strip())",
                "    if f in ('classifier', 'platform', 'project-url'): return sorted(v.strip() for v in vs)",
                "    return [v.strip() for v in vs]",
                "SKIP = {'metadata-version', 'dynamic', 'license-file'}",
                "for line in sys.stdin:",
                "    a, b, wheel = (parse(t) for t in json.loads(line))",
                "    b.pop('requires-dist', None)",
                "    if wheel.get('requires-dist'):",
                "        b['requires-dist'] = wheel['requires-dist']",
                "    dynamic = {x.lower() for x in a.get('dynamic', [])}",
                "    fields = sorted(f for f in set(a) | set(b) if f not in SKIP and f not in dynamic)",
                "    diffs = [[f, norm(f, a.get(f, [])), norm(f, b.get(f, []))] for f in fields",
                "             if norm(f, a.get(f, [])) != norm(f, b.get(f, []))]",
                "    print(json.dumps({'diffs': diffs, 'fields': fields, 'dynamic': sorted(dynamic)}))");
        List<String> out = Python.mapLines(script, pairs);
        for (int i = 0; i < tags.size(); i++) {
            JsonNode verdict = JSON.readTree(out.get(i));
            assertThat(verdict.get("diffs")).as("tag %s: %s", tags.get(i), verdict).isEmpty();
            assertThat(verdict.get("fields").size()).as("tag %s compares real fields", tags.get(i))
                    .isGreaterThanOrEqualTo(5);
        }
        // what was compared: every field of v1.0's setup.py call, nothing dynamic
        JsonNode first = JSON.readTree(out.get(0));
        assertThat(first.get("dynamic")).isEmpty();
        assertThat(first.get("fields").toString()).contains("author", "classifier", "description",
                "description-content-type", "home-page", "keywords", "license", "maintainer", "platform",
                "project-url", "provides-extra", "requires-dist", "requires-python", "summary");
    }

    /**
     * The PKG-INFO that setuptools' build_sdist writes for the tree git archive gives at a tag, and the METADATA of
     * its prepare_metadata_for_build_wheel.
     */
    private List<String> setuptools(TestRepo r, String tag) throws IOException {
        Path tree = tmp.resolve("tree-" + tag);
        Path archive = tmp.resolve(tag + ".tar");
        ProcessResult a = Processes.run(r.dir(), TestRepo::env, 60, List.of("git", "archive", "--format=tar", "-o",
                archive.toString(), tag));
        assertThat(a.ok()).as(a.output()).isTrue();
        Files.createDirectories(tree);
        ProcessResult x = Processes.run(tree, env -> { }, 60, List.of("tar", "-xf", archive.toString()));
        assertThat(x.ok()).as(x.output()).isTrue();
        Path out = Files.createDirectories(tmp.resolve("dist-" + tag));
        Path home = Files.createDirectories(tmp.resolve("home"));
        boolean pyproject = Files.exists(tree.resolve("pyproject.toml"));
        String backend = pyproject ? "build_meta" : "build_meta.__legacy__";
        ProcessResult b = Processes.run(tree, env -> {
            env.keySet().removeIf(k -> k.startsWith("PIP_") || k.startsWith("PYTHON"));
            env.put("HOME", home.toString());
        }, 300, List.of(SETUPTOOLS_PYTHON, "-I", "-c", String.join("\n",
                "import os, sys",
                "out = sys.argv[1]",
                "sys.path.insert(0, '.')",
                "from setuptools import build_meta",
                "backend = build_meta" + backend.substring("build_meta".length()),
                "print(backend.build_sdist(out))",
                "meta = os.path.join(out, 'meta')",
                "os.makedirs(meta)",
                "name = backend.prepare_metadata_for_build_wheel(meta)",
                "os.rename(os.path.join(meta, name, 'METADATA'), os.path.join(out, 'METADATA'))"),
                out.toString()));
        assertThat(b.ok()).as(b.output()).isTrue();
        try (var files = Files.list(out)) {
            Path sdist = files.filter(p -> p.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
            return List.of(pkgInfo(Files.readAllBytes(sdist)), Files.readString(out.resolve("METADATA")));
        }
    }

    private static String pkgInfo(byte[] sdist) throws IOException {
        try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(sdist));
                TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().matches("[^/]+/PKG-INFO")) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no PKG-INFO");
    }
}
