package dev.gitpypi.git.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.CoreMetadata;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataReaderTest {
    private static ProjectMetadata read(String... pathsAndTexts) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return Trees.read(files);
    }

    private static ProjectMetadata setupPy(String source) throws Exception {
        return read("setup.py", source);
    }

    // ---- pyproject.toml

    @Test
    void pyprojectStaticFieldsAreAllKnown() throws Exception {
        ProjectMetadata m = read("pyproject.toml", """
                [build-system]
                requires = ["hatchling"]
                build-backend = "hatchling.build"
                [project]
                name = "Hello.World"
                version = "1.0"
                description = "Says hello"
                readme = "README.md"
                requires-python = ">=3.9"
                license = "MIT OR Apache-2.0"
                license-files = ["LICEN[CS]E*", "licenses/**"]
                keywords = ["a", "b"]
                classifiers = ["Programming Language :: Python :: 3"]
                authors = [{name = "Ann"}, {name = "Bob, Jr.", email = "bob@example.org"}, {email = "c@example.org"}]
                dependencies = ["world>=1", "attrs; python_version < '3.11'"]
                [project.optional-dependencies]
                Fast_IO = ["uvloop; sys_platform != 'win32'"]
                docs = ["sphinx"]
                [project.urls]
                Source = "https://example.org/src"
                """, "README.md", "# Hello\n", "LICENSE", "x", "licenses/a/b.txt", "y", "src/x.py", "");
        assertThat(m.name()).contains("Hello.World");
        assertThat(m.version()).contains("1.0");
        assertThat(m.backend()).isEqualTo("hatchling.build");
        CoreMetadata f = m.fields();
        assertThat(f.summary()).contains("Says hello");
        assertThat(f.description()).contains("# Hello\n");
        assertThat(f.descriptionContentType()).contains("text/markdown");
        assertThat(f.requiresPython()).contains(">=3.9");
        assertThat(f.licenseExpression()).contains("MIT OR Apache-2.0");
        assertThat(f.licenseFiles()).containsExactly("LICENSE", "licenses/a/b.txt");
        assertThat(f.keywords()).containsExactly("a", "b");
        assertThat(f.author()).contains("Ann");
        assertThat(f.authorEmail()).contains("\"Bob, Jr.\" <bob@example.org>, c@example.org");
        assertThat(f.providesExtra()).containsExactly("fast-io", "docs");
        assertThat(f.requiresDist()).containsExactly("world>=1", "attrs; python_version < '3.11'",
                "uvloop; (sys_platform != 'win32') and extra == \"fast-io\"", "sphinx; extra == \"docs\"");
        assertThat(f.projectUrls()).containsExactly(Map.entry("Source", "https://example.org/src"));
        assertThat(f.dynamic()).isEmpty();
        assertThat(m.complete("Hello.World", "1.0").metadataVersion()).contains("2.4");
    }

    @Test
    void pyprojectDynamicFieldsStayDynamicUnlessSetuptoolsCanTell() throws Exception {
        ProjectMetadata hatch = read("pyproject.toml", """
                [build-system]
                build-backend = "hatchling.build"
                [project]
                name = "x"
                dynamic = ["version", "dependencies", "requires-python", "readme"]
                requires-python = ">=3"
                """);
        assertThat(hatch.version()).isEmpty();
        assertThat(hatch.fields().requiresPython()).isEmpty();
        assertThat(hatch.fields().dynamic()).containsExactly("Description", "Description-Content-Type",
                "Requires-Dist", "Requires-Python");

        ProjectMetadata setuptools = read("pyproject.toml", """
                [build-system]
                build-backend = "setuptools.build_meta"
                [project]
                name = "x"
                dynamic = ["version", "dependencies", "readme", "requires-python"]
                [tool.setuptools.dynamic]
                version = {attr = "x.__version__"}
                dependencies = {file = ["requirements.txt"]}
                readme = {file = ["README.rst", "CHANGES.rst"]}
                [tool.setuptools]
                package-dir = {"" = "src"}
                """, "src/x/__init__.py", "__version__ = '2.5'\n", "requirements.txt", "# c\na>=1\n\nb\n",
                "README.rst", "Read me", "CHANGES.rst", "Changes", "setup.cfg",
                "[options]\npython_requires = >=3.7\n");
        assertThat(setuptools.version()).contains("2.5");
        assertThat(setuptools.fields().requiresDist()).containsExactly("a>=1", "b");
        assertThat(setuptools.fields().description()).contains("Read me\nChanges");
        assertThat(setuptools.fields().descriptionContentType()).contains("text/x-rst");
        assertThat(setuptools.fields().requiresPython()).contains(">=3.7");
        assertThat(setuptools.fields().dynamic()).isEmpty();
    }

    @Test
    void hatchVersionFromItsPath() throws Exception {
        ProjectMetadata m = read("pyproject.toml", """
                [build-system]
                build-backend = "hatchling.build"
                [project]
                name = "x"
                dynamic = ["version"]
                [tool.hatch.version]
                path = "src/x/__about__.py"
                """, "src/x/__about__.py", "__version__ = \"3.1\"\n");
        assertThat(m.version()).contains("3.1");
    }

    @Test
    void poetryAndOldFlitTablesNameTheProject() throws Exception {
        ProjectMetadata poetry = read("pyproject.toml", """
                [tool.poetry]
                name = "poetic"
                version = "0.4.0"
                description = "verse"
                authors = ["A B <ab@example.org>"]
                [tool.poetry.dependencies]
                python = "^3.8"
                requests = "^2.0"
                [build-system]
                build-backend = "poetry.core.masonry.api"
                """);
        assertThat(poetry.name()).contains("poetic");
        assertThat(poetry.version()).contains("0.4.0");
        assertThat(poetry.fields().requiresPython()).contains(">=3.8,<4.0");
        assertThat(poetry.fields().dynamic()).contains("Requires-Dist");
        ProjectMetadata flit = read("pyproject.toml", """
                [tool.flit.metadata]
                module = "flitty"
                requires-python = ">=3.6"
                requires = ["a"]
                """);
        assertThat(flit.name()).contains("flitty");
        assertThat(flit.fields().requiresDist()).containsExactly("a");
    }

    @Test
    void pyprojectWithoutProjectTableFallsThrough() throws Exception {
        ProjectMetadata m = read("pyproject.toml", "[build-system]\nrequires = []\n", "setup.cfg",
                "[metadata]\nname = cfg\n");
        assertThat(m.name()).contains("cfg");
        assertThat(m.source()).isEqualTo("setup.cfg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[project\nname='x'", "[project]\nname = 3\nversion='1'", "project = 1",
        "[project]\nversion = \"1\"", "[project]\nname = \"x\"", "[project]\nname='x'\ndynamic='version'",
        "[project]\nname='x'\nversion='1'\ndependencies=[1]", "\u0000",
        "[project]\nname='x'\nversion='1'\nreadme='README.md'",
        "[project]\nname='x'\nversion='1'\nreadme={text='x'}",
        "[project]\nname='x'\nversion='1'\nreadme='README.adoc'",
        "[project]\nname='x'\ndynamic=['name', 'version']"})
    void invalidPyprojectIsAClearError(String toml) {
        assertThatThrownBy(() -> read("pyproject.toml", toml, "README.adoc", "x"))
                .isInstanceOf(MetadataException.class).hasMessageStartingWith("pyproject.toml");
    }

    @Test
    void notUtf8() {
        assertThatThrownBy(() -> MetadataReader.read(n -> Optional.of(new byte[] {(byte) 0xff, 'x'})))
                .isInstanceOf(MetadataException.class).hasMessage("pyproject.toml is not utf-8 text");
    }

    @Test
    void readerErrorsPropagate() {
        assertThatThrownBy(() -> MetadataReader.read(n -> {
            throw new IOException("disk");
        })).isInstanceOf(IOException.class);
    }

    // ---- setup.cfg

    @Test
    void setupCfgFieldsAndDirectives() throws Exception {
        ProjectMetadata m = read("setup.cfg", """
                [options]
                name = wrong
                package_dir =
                    =lib
                python_requires = >=3.8
                install_requires =
                    a>=1
                    # not this
                    b; python_version < "3.10"
                [metadata]
                # comment
                name = my-pkg
                version = attr: my_pkg.version.VERSION
                summary = one line
                long_description = file: README.rst, CHANGES.rst
                long_description_content_type = text/x-rst
                home_page = https://example.org
                classifiers =
                    A :: B
                    ; a comment between values
                    C :: D
                keywords = x, y
                project_urls =
                    Docs = https://docs.example.org
                    Tracker = https://t.example.org
                [options.extras_require]
                test = pytest
                win =
                    pywin32; sys_platform == "win32"
                """, "lib/my_pkg/version.py", "VERSION = (1, 2, '3')\n", "README.rst", "Readme",
                "CHANGES.rst", "Changes");
        assertThat(m.name()).contains("my-pkg");
        assertThat(m.version()).contains("1.2.3");
        CoreMetadata f = m.fields();
        assertThat(f.summary()).contains("one line");
        assertThat(f.description()).contains("Readme\nChanges");
        assertThat(f.homePage()).contains("https://example.org");
        assertThat(f.classifiers()).containsExactly("A :: B", "C :: D");
        assertThat(f.keywords()).containsExactly("x", "y");
        assertThat(f.projectUrls()).containsKeys("Docs", "Tracker");
        assertThat(f.requiresPython()).contains(">=3.8");
        assertThat(f.requiresDist()).containsExactly("a>=1", "b; python_version < \"3.10\"",
                "pytest; extra == \"test\"", "pywin32; (sys_platform == \"win32\") and extra == \"win\"");
        assertThat(f.providesExtra()).containsExactly("test", "win");
        assertThat(f.dynamic()).isEmpty();
    }

    @Test
    void setupPyKeywordsOverrideSetupCfg() throws Exception {
        ProjectMetadata m = read("setup.cfg", "[metadata]\nname = from-cfg\ndescription = cfg\nversion = 1.0\n",
                "setup.py", "from setuptools import setup\nsetup(description='py')\n");
        assertThat(m.name()).contains("from-cfg");
        assertThat(m.fields().summary()).contains("py");
        assertThat(m.source()).isEqualTo("setup.cfg and setup.py");
        ProjectMetadata computed = read("setup.cfg", "[metadata]\nname = from-cfg\n",
                "setup.py", "import setuptools, sys\nsetuptools.setup(name=sys.argv[0])\n");
        assertThat(computed.name()).isEmpty();
        assertThat(computed.nameTrail()).isEqualTo("setup.py passes setup() a name that is computed when it runs");
    }

    // ---- setup.py

    @Test
    void literalArgumentsAndModuleConstants() throws Exception {
        ProjectMetadata m = setupPy("""
                import setuptools
                NAME = "py-pkg"
                VERSION = '0.3'
                REQUIRES = ["a", 'b>=2']
                setuptools.setup(
                    name=NAME,
                    version=VERSION,
                    install_requires=REQUIRES + ["c"],
                    python_requires=">=3.8" ", <4",
                    classifiers=("X :: Y",),
                    extras_require={"fast": ["d"], ":python_version < '3.8'": ["e"]},
                )
                """);
        assertThat(m.name()).contains("py-pkg");
        assertThat(m.version()).contains("0.3");
        assertThat(m.fields().requiresDist()).containsExactly("a", "b>=2", "c", "d; extra == \"fast\"",
                "e; python_version < '3.8'");
        assertThat(m.fields().requiresPython()).contains(">=3.8, <4");
        assertThat(m.fields().classifiers()).containsExactly("X :: Y");
        assertThat(m.fields().dynamic()).isEmpty();
    }

    /** Issue "Security first": a commented-out or quoted {@code name=} is not the project's name. */
    @Test
    void commentsAndStringsAreNotArguments() throws Exception {
        ProjectMetadata commented = setupPy("""
                from setuptools import setup
                setup(
                    # name="evil",
                    name="good",
                    version="1.0",  # version="6.6.6"
                )
                """);
        assertThat(commented.name()).contains("good");
        assertThat(commented.version()).contains("1.0");
        ProjectMetadata docstring = setupPy("""
                \"\"\"Install with setup(name="evil", version="9.9").\"\"\"
                from setuptools import setup
                HELP = 'setup(name="evil")'
                setup(version="1.0")
                """);
        assertThat(docstring.name()).isEmpty();
        assertThat(docstring.nameTrail()).isEqualTo("setup.py's setup() call has no name");
        ProjectMetadata onlyComment = setupPy("from setuptools import setup\n# setup(name='evil')\n");
        assertThat(onlyComment.name()).isEmpty();
        assertThat(onlyComment.nameTrail())
                .isEqualTo("setup.py has no setup() call that can be followed without running it");
    }

    @Test
    void aboutDictIndirectionsAndVersionFromAModule() throws Exception {
        ProjectMetadata exec = read("setup.py", """
                import os
                from setuptools import setup, find_packages
                here = os.path.abspath(os.path.dirname(__file__))
                about = {}
                with open(os.path.join(here, "src", "pkg", "__about__.py"), encoding="utf-8") as f:
                    exec(f.read(), about)
                setup(name=about["__title__"], version=about['__version__'], packages=find_packages())
                """, "src/pkg/__about__.py", "__title__ = 'about-pkg'\n__version__ = '4.2'\n");
        assertThat(exec.name()).contains("about-pkg");
        assertThat(exec.version()).contains("4.2");

        ProjectMetadata imported = read("setup.py", """
                from setuptools import setup
                from pkg import __version__
                setup(name="imp", version=__version__)
                """, "pkg/__init__.py", "from .core import x\n__version__ = \"5.0\"\n");
        assertThat(imported.version()).contains("5.0");

        ProjectMetadata helper = read("setup.py", """
                import codecs, os, re
                from setuptools import setup
                def read(*parts):
                    with codecs.open(os.path.join(os.path.dirname(__file__), *parts), 'r') as fp:
                        return fp.read()
                def find_version(*file_paths):
                    version_file = read(*file_paths)
                    m = re.search(r"^__version__ = ['\\"]([^'\\"]*)['\\"]", version_file, re.M)
                    return m.group(1)
                setup(name="pip-like", version=find_version("src", "pip_like", "__init__.py"),
                      long_description=read("README.rst"))
                """, "src/pip_like/__init__.py", "__version__ = \"23.1\"\n", "README.rst", "Hello");
        assertThat(helper.version()).contains("23.1");
        assertThat(helper.fields().description()).contains("Hello");
    }

    @Test
    void sequentialRebindingAndConditionals() throws Exception {
        ProjectMetadata m = setupPy("""
                from setuptools import setup
                import sys
                name = "first"
                name = "second"
                requires = ["a"]
                if sys.version_info < (3, 8):
                    requires.append("importlib-metadata")
                try:
                    long_description = open("README").read()
                except OSError:
                    long_description = ""
                setup(name=name, install_requires=requires, long_description=long_description)
                """);
        assertThat(m.name()).contains("second");
        assertThat(m.fields().dynamic()).containsExactly("Description", "Requires-Dist");
    }

    @Test
    void unknowableNamesSayWhy() throws Exception {
        assertThat(setupPy("import setuptools\nsetuptools.setup(**kwargs)\n").nameTrail())
                .isEqualTo("setup.py passes setup() **arguments that cannot be read without running it");
        assertThat(setupPy("setup(name='x'\n").nameTrail()).startsWith("setup.py");
        assertThat(setupPy("x = '''\n").nameTrail()).isEqualTo("setup.py cannot be tokenized as Python");
        assertThat(read().nameTrail()).isEqualTo("the folder has no pyproject.toml, setup.cfg or setup.py");
        assertThat(read().fields().dynamic()).contains("Summary", "Requires-Dist", "Requires-Python");
        ProjectMetadata noName = read("pyproject.toml", "[build-system]\n", "setup.cfg", "[metadata]\nversion=1\n");
        assertThat(noName.nameTrail()).isEqualTo("pyproject.toml has no [project] table; setup.cfg has no name in"
                + " [metadata]");
    }

    @Test
    void pathsNeverLeaveTheFolder() throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        MetadataReader.read(path -> {
            asked.add(path);
            return Optional.ofNullable(Map.of("setup.py", """
                    from setuptools import setup
                    setup(name="x", long_description=open("../../etc/passwd").read(),
                          license=open("/etc/hostname").read(), url=open("a/../../b").read())
                    """).get(path)).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        assertThat(asked).allSatisfy(p -> assertThat(p).doesNotStartWith("/").doesNotContain(".."));
    }
}
