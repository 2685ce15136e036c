package dev.gitpypi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's poetry (1.3.2) and pdm (2.2.1), run offline against one index as the project's only source: a project
 * folder per run with its own home (caches and configuration), no keyring ({@code PYTHON_KEYRING_BACKEND} null),
 * no update checks, and the pip inside their build environments without this machine's configuration and without
 * any index. {@code .ci/run} installs both; a test that needs them fails when they are missing, unless
 * {@code -DskipPythonTests=true}.
 */
public final class Installers {
    private static final Path POETRY = Path.of("/usr/bin/poetry");
    private static final Path PDM = Path.of("/usr/bin/pdm");

    private Installers() {
    }

    /**
     * What a client did.
     *
     * @param ok whether it succeeded
     * @param versions the packages it locked or installed, by name
     * @param output its output
     */
    public record Result(boolean ok, Map<String, String> versions, String output) {
    }

    /** Skips under {@code -DskipPythonTests=true}; fails when poetry or pdm is missing. */
    public static void assumeAvailable() {
        Python.assumeEnabled();
        for (Path tool : List.of(POETRY, PDM)) {
            if (!Files.isExecutable(tool)) {
                throw new AssertionError(tool + " is not installed (.ci/run installs Debian's python3-poetry and"
                        + " python3-pdm; or pass -DskipPythonTests=true)");
            }
        }
    }

    /**
     * The environment for poetry and pdm in a project folder.
     *
     * @param work the project folder (its {@code home} subfolder becomes {@code HOME})
     * @param shared a folder that several runs share (virtualenv's unpacked seed wheels)
     * @return the environment changes
     */
    public static Consumer<Map<String, String>> env(Path work, Path shared) {
        Path temp = work.resolve("tmp");
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env -> {
            env.clear();
            // their temporary files and logs (pdm leaves one per failed command) stay in the test's folder
            env.put("TMPDIR", temp.toString());
            env.put("PATH", "/usr/bin:/bin");
            env.put("HOME", work.resolve("home").toString());
            env.put("LC_ALL", "C.UTF-8");
            env.put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
            env.put("PDM_CHECK_UPDATE", "false");
            env.put("PDM_USE_VENV", "false");
            // poetry lock needs no venv of the project (poetry install makes one in the project folder); the
            // throw-away venvs of its metadata builds unpack virtualenv's seed wheels once, not once per home
            env.put("POETRY_VIRTUALENVS_CREATE", "false");
            env.put("POETRY_VIRTUALENVS_IN_PROJECT", "true");
            env.put("VIRTUALENV_OVERRIDE_APP_DATA", shared.resolve("virtualenv-app-data").toString());
            // the pip inside their build environments: no configuration of this machine, no index at all
            env.put("PIP_CONFIG_FILE", "/dev/null");
            env.put("PIP_NO_INDEX", "1");
        };
    }

    /**
     * {@code poetry lock} of a project that depends on one requirement, with the index as its only source
     * ({@code default = true} turns PyPI off in poetry 1.x); with {@code install}, then {@code poetry install} into
     * a venv in the project folder.
     *
     * @param work an empty project folder
     * @param shared a folder runs share
     * @param indexUrl the simple index URL
     * @param name the required project
     * @param constraint its version constraint, such as {@code >=1.1,<2}
     * @param install whether to install after locking
     * @return what poetry did
     */
    public static Result poetry(Path work, Path shared, String indexUrl, String name, String constraint,
            boolean install) {
        write(work.resolve("pyproject.toml"), """
                [tool.poetry]
                name = "consumer"
                version = "0.1.0"
                description = ""
                authors = ["Test <test@example.invalid>"]

                [tool.poetry.dependencies]
                python = "^3.11"
                %s = "%s"

                [[tool.poetry.source]]
                name = "private"
                url = "%s"
                default = true
                """.formatted(name, constraint, indexUrl));
        ProcessResult lock = Processes.run(work, env(work, shared), 300, List.of(POETRY.toString(), "lock", "-n"));
        Map<String, String> versions = locked(work.resolve("poetry.lock"));
        if (!lock.ok() || !install) {
            return new Result(lock.ok(), versions, lock.output());
        }
        ProcessResult done = Processes.run(work, env(work, shared).andThen(e -> e.put("POETRY_VIRTUALENVS_CREATE",
                "true")), 300, List.of(POETRY.toString(), "install", "-n", "--no-root"));
        return new Result(done.ok(), versions, lock.output() + done.output());
    }

    /**
     * {@code pdm lock} of a project that depends on one requirement, with the index as the source named
     * {@code pypi} (which replaces PyPI); with {@code install}, then {@code pdm sync} into {@code __pypackages__}.
     *
     * @param work an empty project folder
     * @param shared a folder runs share
     * @param indexUrl the simple index URL
     * @param requirement the requirement, such as {@code hello>=1.1,<2}
     * @param install whether to install after locking
     * @return what pdm did
     */
    public static Result pdm(Path work, Path shared, String indexUrl, String requirement, boolean install) {
        write(work.resolve("pyproject.toml"), """
                [project]
                name = "consumer"
                version = "0.1.0"
                requires-python = ">=3.11"
                dependencies = ["%s"]

                [[tool.pdm.source]]
                name = "pypi"
                url = "%s"
                """.formatted(requirement, indexUrl));
        ProcessResult lock = Processes.run(work, env(work, shared), 300, List.of(PDM.toString(), "lock", "-v"));
        Map<String, String> versions = locked(work.resolve("pdm.lock"));
        if (!lock.ok() || !install) {
            return new Result(lock.ok(), versions, lock.output());
        }
        ProcessResult sync = Processes.run(work, env(work, shared), 300, List.of(PDM.toString(), "sync",
                "--no-self", "-v"));
        return new Result(sync.ok(), versions, lock.output() + sync.output());
    }

    /**
     * The packages a {@code poetry.lock} or {@code pdm.lock} pins.
     *
     * @param lock the lock file (absent: none)
     * @return name to version
     */
    public static Map<String, String> locked(Path lock) {
        Map<String, String> versions = new TreeMap<>();
        if (Files.isRegularFile(lock)) {
            try {
                Matcher m = Pattern.compile("(?m)^name = \"([^\"]+)\"\\nversion = \"([^\"]+)\"")
                        .matcher(Files.readString(lock));
                while (m.find()) {
                    versions.put(m.group(1), m.group(2));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
