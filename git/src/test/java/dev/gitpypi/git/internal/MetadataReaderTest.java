package dev.gitpypi.git.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataReaderTest {
    private static Optional<PythonMetadata> read(Map<String, String> files) throws Exception {
        return MetadataReader.read(name -> Optional.ofNullable(files.get(name))
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pyprojectStaticFields() throws Exception {
        PythonMetadata m = MetadataReader.fromPyproject("""
                [project]
                name = "Hello.World"
                version = "1.0"
                requires-python = ">=3.9"
                dependencies = ["world>=1", "attrs; python_version < '3.11'"]
                [project.optional-dependencies]
                Fast_IO = ["uvloop; sys_platform != 'win32'"]
                docs = ["sphinx"]
                """).orElseThrow();
        assertThat(m.name()).isEqualTo("Hello.World");
        assertThat(m.version()).isEqualTo("1.0");
        assertThat(m.requiresPython()).isEqualTo(">=3.9");
        assertThat(m.requiresPythonKnown()).isTrue();
        assertThat(m.extras()).containsExactly("fast-io", "docs");
        assertThat(m.dependencies()).containsExactly("world>=1", "attrs; python_version < '3.11'",
                "uvloop; (sys_platform != 'win32') and extra == \"fast-io\"", "sphinx; extra == \"docs\"");
    }

    @Test
    void pyprojectDynamicFieldsAreUnknown() throws Exception {
        PythonMetadata m = MetadataReader.fromPyproject("""
                [project]
                name = "x"
                dynamic = ["version", "dependencies", "requires-python"]
                requires-python = ">=3"
                """).orElseThrow();
        assertThat(m.version()).isNull();
        assertThat(m.dependencies()).isNull();
        assertThat(m.requiresPython()).isNull();
        assertThat(m.requiresPythonKnown()).isFalse();
    }

    @Test
    void pyprojectWithoutProjectTableFallsThrough() throws Exception {
        assertThat(MetadataReader.fromPyproject("[build-system]\nrequires = []\n")).isEmpty();
        assertThat(read(Map.of("pyproject.toml", "[tool.x]\n", "setup.cfg", "[metadata]\nname = cfg\n"))
                .orElseThrow().source()).isEqualTo("setup.cfg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[project\nname='x'", "[project]\nname = 3\nversion='1'", "project = 1",
        "[project]\nversion = \"1\"", "[project]\nname = \"x\"", "[project]\nname='x'\ndynamic='version'",
        "[project]\nname='x'\nversion='1'\ndependencies=[1]", "\u0000"})
    void invalidPyprojectIsAClearError(String toml) {
        assertThatThrownBy(() -> MetadataReader.fromPyproject(toml)).isInstanceOf(MetadataException.class)
                .hasMessageStartingWith("pyproject.toml");
    }

    @Test
    void notUtf8() {
        assertThatThrownBy(() -> MetadataReader.read(n -> Optional.of(new byte[] {(byte) 0xff, 'x'})))
                .isInstanceOf(MetadataException.class).hasMessage("pyproject.toml is not utf-8 text");
    }

    @Test
    void setupCfgAndSetupPy() throws Exception {
        PythonMetadata cfg = read(Map.of("setup.cfg", """
                [options]
                name = wrong
                [metadata]
                # comment
                name = my-pkg
                version = 2.1
                description = multi
                  line
                """)).orElseThrow();
        assertThat(List.of(cfg.source(), cfg.name(), cfg.version())).containsExactly("setup.cfg", "my-pkg", "2.1");
        PythonMetadata py = read(Map.of("setup.py", """
                import setuptools
                NAME = "ignored"
                setuptools.setup(
                    name="py-pkg",
                    version='0.3',
                )
                """)).orElseThrow();
        assertThat(List.of(py.source(), py.name(), py.version())).containsExactly("setup.py", "py-pkg", "0.3");
        PythonMetadata mixed = read(Map.of("setup.cfg", "[metadata]\nname = mixed\nversion = file: VERSION\n",
                "setup.py", "from setuptools import setup\nsetup(version=\"4.0\")\n")).orElseThrow();
        assertThat(List.of(mixed.name(), mixed.version())).containsExactly("mixed", "4.0");
        assertThat(read(Map.of("setup.py", "setup(name=NAME, version=VERSION)"))).isEmpty();
        assertThat(read(Map.of())).isEmpty();
    }

    @Test
    void readerErrorsPropagate() {
        assertThatThrownBy(() -> MetadataReader.read(n -> {
            throw new IOException("disk");
        })).isInstanceOf(IOException.class);
    }
}
