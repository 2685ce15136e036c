package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.testing.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metadata-from-build}: the project's own PEP 517 backend (an in-tree backend, offline) is asked for the
 * metadata that the files cannot give without running code; failures and time-outs are warnings, and the process
 * tree of a backend that hangs is killed.
 */
class MetadataFromBuildTest {
    @TempDir
    static Path tmp;

    private static final String PYPROJECT = "[build-system]\nrequires = []\nbuild-backend = \"intree\"\n"
            + "backend-path = [\".\"]\n";

    /** A backend whose metadata hook computes the name from a file: nothing static says it. */
    private static final String BACKEND = String.join("\n",
            "import os, time",
            "def _mode():",
            "    return open('MODE.txt').read().strip() if os.path.exists('MODE.txt') else 'ok'",
            "def prepare_metadata_for_build_wheel(directory, config_settings=None):",
            "    with open(os.environ['COUNT_FILE'], 'a') as f:",
            "        f.write(os.environ.get('SETUPTOOLS_SCM_PRETEND_VERSION', '?') + '\\n')",
            "    mode = _mode()",
            "    if mode == 'fail':",
            "        raise RuntimeError('the backend broke on purpose')",
            "    if mode == 'hang':",
            "        with open(os.environ['PID_FILE'], 'w') as f:",
            "            f.write(str(os.getpid()))",
            "        time.sleep(600)",
            "    name = open('NAME.txt').read().strip()",
            "    version = os.environ.get('SETUPTOOLS_SCM_PRETEND_VERSION', '0')",
            "    info = os.path.join(directory, name + '-' + version + '.dist-info')",
            "    os.makedirs(info)",
            "    with open(os.path.join(info, 'METADATA'), 'w') as f:",
            "        f.write('Metadata-Version: 2.1\\nName: ' + name + '\\nVersion: ' + version",
            "                + '\\nSummary: computed by the backend\\nRequires-Python: >=3.9\\n'",
            "                + 'Requires-Dist: world>=1\\n')",
            "    return name + '-' + version + '.dist-info'",
            "");

    static TestRepo repo;

    @BeforeAll
    static void repository() {
        repo = TestRepo.init(tmp.resolve("computed"));
        repo.write("pyproject.toml", PYPROJECT).write("intree.py", BACKEND).write("NAME.txt", "Computed_Name\n");
        repo.commit("one");
        repo.tag("v1.0");
        repo.write("MODE.txt", "fail").commit("a broken backend");
        repo.tag("v1.1");
        repo.write("MODE.txt", "hang").commit("a backend that never answers");
        repo.tag("v1.2");
    }

    private static SourceResult read(boolean fromBuild) throws IOException {
        GitSource.Builder b = GitSource.local(repo.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .linkUrl("https://h.invalid/computed.git");
        if (fromBuild) {
            b.metadataFromBuild(Python.executable(), Duration.ofSeconds(5));
        }
        return b.build().read();
    }

    @Test
    void withoutTheOptionTheNameIsNotKnown() throws IOException {
        SourceResult r = read(false);
        assertThat(r.index().projects()).isEmpty();
        assertThat(r.problems()).extracting(Problem::message).allSatisfy(m -> assertThat(m)
                .startsWith("the project name is not known: pyproject.toml has no [project] table."));
    }

    @Test
    void theBackendGivesTheMetadataAndItsFailuresAreWarnings() throws Exception {
        Python.assumeEnabled();
        Path pidFile = tmp.resolve("hanging.pid");
        Path countFile = tmp.resolve("calls.txt");
        Path wrapper = tmp.resolve("python-wrapper");
        Files.writeString(wrapper, "#!/bin/sh\nPID_FILE='" + pidFile + "' COUNT_FILE='" + countFile + "' exec "
                + Python.executable() + " \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        GitSource source = GitSource.local(repo.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .linkUrl("https://h.invalid/computed.git").metadataFromBuild(wrapper.toString(), Duration.ofSeconds(2))
                .build();
        SourceResult r = source.read();

        Distribution d = r.index().project("computed-name").orElseThrow().distributions().get(0);
        CoreMetadata m = d.metadata().orElseThrow();
        assertThat(m.name()).contains("Computed_Name");
        assertThat(m.version()).contains("1.0");
        assertThat(m.summary()).contains("computed by the backend");
        assertThat(m.requiresDist()).containsExactly("world>=1");
        assertThat(m.dynamic()).isEmpty();
        assertThat(d.requiresPython()).contains(">=3.9");
        assertThat(d.filename()).isEqualTo("computed_name-1.0.tar.gz");
        assertThat(r.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("tag \"v1.1\"", "the build backend failed (exit 1):",
                        "RuntimeError: the backend broke on purpose"))
                .anySatisfy(p -> assertThat(p).contains("tag \"v1.2\"", "did not answer within 2 s"));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the hanging backend was killed")
                .isIn(Optional.empty(), Optional.of(false));

        // the backend's answer for v1.0 is kept in the cache folder: a rebuild does not run it again
        source.read();
        assertThat(Files.readAllLines(countFile)).filteredOn("1.0"::equals).hasSize(1);
    }
}
