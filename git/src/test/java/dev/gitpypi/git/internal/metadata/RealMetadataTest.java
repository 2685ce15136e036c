package dev.gitpypi.git.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.CoreMetadata;
import org.junit.jupiter.api.Test;

/**
 * The metadata of real projects at real tags (files copied into {@code src/test/resources/real-metadata}, see its
 * README): the name each tag really publishes under, its version, requires-python, and which fields stay dynamic.
 */
class RealMetadataTest {
    private static ProjectMetadata read(String name) throws Exception {
        return MetadataReader.read(Trees.real(name));
    }

    @Test
    void packaging14AboutDictFilledByExec() throws Exception {
        ProjectMetadata m = read("packaging-14.0");
        assertThat(m.name()).contains("packaging");
        assertThat(m.version()).contains("14.0");
        assertThat(m.source()).isEqualTo("setup.py");
        CoreMetadata f = m.fields();
        assertThat(f.summary()).contains("Core utilities for Python packages");
        assertThat(f.license()).contains("Apache License, Version 2.0");
        assertThat(f.homePage()).contains("https://github.com/pypa/packaging");
        assertThat(f.author()).contains("Donald Stufft");
        assertThat(f.authorEmail()).contains("donald@stufft.io");
        assertThat(f.description()).hasValueSatisfying(d -> assertThat(d).startsWith("packaging\n========="));
        assertThat(f.classifiers()).contains("Programming Language :: Python :: 3.4");
        assertThat(f.requiresPython()).isEmpty();
        assertThat(f.dynamic()).isEmpty();
    }

    @Test
    void packaging21TryExceptImportAndComputedDescription() throws Exception {
        ProjectMetadata m = read("packaging-21.3");
        assertThat(m.name()).contains("packaging");
        assertThat(m.version()).contains("21.3");
        CoreMetadata f = m.fields();
        assertThat(f.requiresPython()).contains(">=3.6");
        assertThat(f.requiresDist()).containsExactly("pyparsing>=2.0.2,!=3.0.5");
        assertThat(f.descriptionContentType()).contains("text/x-rst");
        assertThat(f.license()).contains("BSD-2-Clause or Apache-2.0");
        // long_description is README + a re.sub over the changelog: computed, so dynamic
        assertThat(f.dynamic()).containsExactly("Description");
        assertThat(f.description()).isEmpty();
    }

    @Test
    void setuptoolsScm024IsHgdistverThroughFunctoolsPartial() throws Exception {
        ProjectMetadata m = read("setuptools-scm-v0.24");
        assertThat(m.name()).contains("hgdistver");
        assertThat(m.version()).isEmpty();
        assertThat(m.fields().license()).contains("MIT");
        assertThat(m.fields().summary()).contains("utility to generate python package version infos from"
                + " mercurial/git tags");
        assertThat(m.fields().providesExtra()).containsExactly("files");
    }

    @Test
    void setuptoolsScm3ArgumentsDictUpdatedByAHelper() throws Exception {
        ProjectMetadata m = read("setuptools-scm-v3.0.0");
        assertThat(m.name()).contains("setuptools_scm");
        assertThat(m.version()).isEmpty();
        assertThat(m.fields().requiresPython()).contains(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*");
        assertThat(m.fields().homePage()).contains("https://github.com/pypa/setuptools_scm/");
        assertThat(m.fields().dynamic()).isEmpty();
    }

    @Test
    void setuptoolsScm4SpreadOfAHelperThatReturnsDicts() throws Exception {
        ProjectMetadata m = read("setuptools-scm-v4.0.0");
        assertThat(m.name()).contains("setuptools_scm");
        assertThat(m.source()).isEqualTo("setup.cfg and setup.py");
        // setup(**scm_config()) may set version or use_scm_version, nothing else
        assertThat(m.version()).isEmpty();
        assertThat(m.fields().licenseFiles()).containsExactly("LICENSE");
        assertThat(m.fields().dynamic()).isEmpty();
    }

    @Test
    void pypiSimple161DraftLicenseFilesTableAndHatchVersionPath() throws Exception {
        ProjectMetadata m = read("pypi-simple-v1.6.1");
        assertThat(m.name()).contains("pypi-simple");
        assertThat(m.version()).contains("1.6.1");
        assertThat(m.fields().licenseExpression()).contains("MIT");
        assertThat(m.fields().licenseFiles()).containsExactly("LICENSE");
        assertThat(m.fields().requiresPython()).contains(">=3.8");
        assertThat(m.fields().dynamic()).isEmpty();
    }

    @Test
    void pluggy030VersionFromAHelperThatReadsTheModule() throws Exception {
        ProjectMetadata m = read("pluggy-0.3.0");
        assertThat(m.name()).contains("pluggy");
        assertThat(m.version()).contains("0.3.0");
        // classifiers come from a list comprehension: dynamic
        assertThat(m.fields().dynamic()).containsExactly("Classifier");
        assertThat(m.fields().getAll(CoreMetadata.Field.PLATFORM)).containsExactly("unix", "linux", "osx", "win32");
    }

    @Test
    void pluggy0131SetupInsideMainAndAugmentedDescription() throws Exception {
        ProjectMetadata m = read("pluggy-0.13.1");
        assertThat(m.name()).contains("pluggy");
        assertThat(m.version()).isEmpty();
        CoreMetadata f = m.fields();
        assertThat(f.requiresPython()).contains(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*");
        assertThat(f.requiresDist()).containsExactly("importlib-metadata>=0.12;python_version<\"3.8\"",
                "pre-commit; extra == \"dev\"", "tox; extra == \"dev\"");
        assertThat(f.providesExtra()).containsExactly("dev");
        assertThat(f.dynamic()).containsExactly("Description", "Classifier");
    }

    @Test
    void pluggy150SetupCfgWithAnEmptySetupCall() throws Exception {
        ProjectMetadata m = read("pluggy-1.5.0");
        assertThat(m.name()).contains("pluggy");
        assertThat(m.source()).isEqualTo("setup.cfg and setup.py");
        CoreMetadata f = m.fields();
        assertThat(f.requiresPython()).contains(">=3.8");
        assertThat(f.description()).hasValueSatisfying(d -> assertThat(d).contains("pluggy"));
        assertThat(f.descriptionContentType()).contains("text/x-rst");
        assertThat(f.requiresDist()).containsExactly("pre-commit; extra == \"dev\"", "tox; extra == \"dev\"",
                "pytest; extra == \"testing\"", "pytest-benchmark; extra == \"testing\"");
        assertThat(f.classifiers()).hasSize(17).contains("Development Status :: 6 - Mature");
        assertThat(f.dynamic()).isEmpty();
    }

    @Test
    void pypiSimple010SetupCfgWithAVersionFoundInALoop() throws Exception {
        ProjectMetadata m = read("pypi-simple-v0.1.0");
        assertThat(m.name()).contains("pypi-simple");
        assertThat(m.version()).isEmpty();
        CoreMetadata f = m.fields();
        assertThat(f.requiresPython()).contains(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, <4");
        assertThat(f.requiresDist()).containsExactly("attrs ~= 18.1", "beautifulsoup4 ~= 4.5", "packaging >= 16",
                "requests ~= 2.5", "six ~= 1.4");
        assertThat(f.keywords()).containsExactly("pypi", "pep503", "simple repository api", "packages", "pip");
        assertThat(f.classifiers()).doesNotContain("Development Status :: 5 - Production/Stable")
                .contains("Development Status :: 4 - Beta");
        assertThat(f.dynamic()).isEmpty();
    }

    @Test
    void pypiSimple140AttrDirectiveThroughPackageDir() throws Exception {
        ProjectMetadata m = read("pypi-simple-v1.4.0");
        assertThat(m.name()).contains("pypi-simple");
        assertThat(m.version()).contains("1.4.0");
        assertThat(m.source()).isEqualTo("setup.cfg");
        assertThat(m.backend()).isEqualTo("setuptools.build_meta");
        CoreMetadata f = m.fields();
        assertThat(f.requiresPython()).contains(">=3.7");
        assertThat(f.projectUrls()).containsEntry("Source Code", "https://github.com/jwodder/pypi-simple");
        assertThat(f.providesExtra()).containsExactly("tqdm");
        assertThat(f.licenseFiles()).containsExactly("LICENSE");
    }

    @Test
    void dumbPypiTuplesAndAnEmptySetupCall() throws Exception {
        ProjectMetadata old = read("dumb-pypi-v1.0.0");
        assertThat(old.name()).contains("dumb-pypi");
        assertThat(old.version()).contains("1.0.0");
        assertThat(old.fields().requiresDist()).containsExactly("jinja2", "packaging");
        assertThat(old.fields().classifiers()).containsExactly("Programming Language :: Python :: 3",
                "Programming Language :: Python :: 3.6");
        ProjectMetadata now = read("dumb-pypi-v1.15.0");
        assertThat(now.name()).contains("dumb_pypi");
        assertThat(now.fields().requiresPython()).contains(">=3.8");
    }

    @Test
    void hatchlingBefore112HasNoProjectTable() throws Exception {
        ProjectMetadata m = read("hatch-hatchling-v1.11.0");
        assertThat(m.name()).isEmpty();
        assertThat(m.backend()).isEqualTo("hatchling.ouroboros");
        assertThat(m.nameTrail()).isEqualTo("pyproject.toml has no [project] table");
        ProjectMetadata next = read("hatch-hatchling-v1.12.0");
        assertThat(next.name()).contains("hatchling");
        assertThat(next.version()).contains("1.12.0");
        assertThat(next.fields().licenseExpression()).contains("MIT");
        assertThat(next.fields().requiresPython()).contains(">=3.7");
        assertThat(next.fields().descriptionContentType()).contains("text/markdown");
        assertThat(next.fields().authorEmail()).contains("Ofek Lev <oss@ofek.dev>");
    }
}
