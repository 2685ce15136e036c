package dev.gitpypi.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Python virtual environment with the machine's pip, isolated from the machine's pip configuration
 * ({@code PIP_CONFIG_FILE=/dev/null}, every {@code PIP_*} variable removed, no cache), so that an install proves
 * the index under test and nothing else.
 */
public final class PipVenv {
    private final Path dir;

    private PipVenv(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a venv (without upgrading pip; nothing is downloaded).
     *
     * @param dir an empty or absent folder
     * @return the venv
     */
    public static PipVenv create(Path dir) {
        return create(dir, Python.executable(), false);
    }

    /**
     * Creates a venv from a given Python, optionally seeing that Python's installed packages (for projects that
     * need a build backend the machine already has, such as Debian's setuptools and wheel for a setup.py-only
     * project; nothing is downloaded either way).
     *
     * @param dir an empty or absent folder
     * @param basePython the python to create it with
     * @param systemSitePackages whether the venv sees {@code basePython}'s packages
     * @return the venv
     */
    public static PipVenv create(Path dir, String basePython, boolean systemSitePackages) {
        Python.assumeEnabled();
        List<String> cmd = new ArrayList<>(List.of(basePython, "-m", "venv"));
        if (systemSitePackages) {
            cmd.add("--system-site-packages");
        }
        cmd.add(dir.toString());
        ProcessResult r = Processes.run(null, PipVenv::isolate, 300, cmd);
        if (!r.ok()) {
            throw new AssertionError(basePython + " -m venv failed:\n" + r.output());
        }
        return new PipVenv(dir);
    }

    /** @return the venv folder */
    public Path dir() {
        return dir;
    }

    /** @return the venv's python */
    public Path python() {
        return dir.resolve("bin").resolve("python");
    }

    /**
     * Removes the machine's pip settings from an environment.
     *
     * @param env the environment to change
     */
    public static void isolate(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PIP_") || k.equals("VIRTUAL_ENV") || k.startsWith("PYTHON"));
        env.put("PIP_CONFIG_FILE", "/dev/null");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_NO_CACHE_DIR", "1");
        env.put("PIP_NO_INPUT", "1");
    }

    /**
     * Runs {@code python -m pip ARGS} in the venv, isolated.
     *
     * @param args pip's arguments
     * @return the result
     */
    public ProcessResult pip(String... args) {
        List<String> cmd = new ArrayList<>(List.of(python().toString(), "-m", "pip"));
        cmd.addAll(List.of(args));
        return Processes.run(dir, PipVenv::isolate, 300, cmd);
    }

    /**
     * {@code pip install --index-url URL ARGS} with a short timeout and no retries.
     *
     * @param indexUrl the simple index URL
     * @param args requirements and options
     * @return the result
     */
    public ProcessResult install(String indexUrl, String... args) {
        List<String> cmd = new ArrayList<>(List.of("install", "--index-url", indexUrl, "--timeout", "10",
                "--retries", "0", "-v"));
        cmd.addAll(List.of(args));
        return pip(cmd.toArray(String[]::new));
    }

    /**
     * The installed version of a distribution, or null when it is not installed.
     *
     * @param name the distribution name
     * @return the version or null
     */
    public String installedVersion(String name) {
        ProcessResult r = Processes.run(dir, PipVenv::isolate, 60, List.of(python().toString(), "-c",
                "import importlib.metadata as m, sys\ntry:\n print(m.version(sys.argv[1]))\n"
                        + "except m.PackageNotFoundError:\n print('')", name));
        if (!r.ok()) {
            throw new AssertionError(r.output());
        }
        String v = r.output().strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * Uninstalls everything but pip and setuptools, so one venv serves several installs.
     */
    public void reset() {
        ProcessResult freeze = pip("freeze", "--exclude", "pip", "--exclude", "setuptools");
        List<String> names = freeze.output().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[=@ ]", 2)[0]).toList();
        if (!names.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("uninstall", "-y"));
            args.addAll(names);
            pip(args.toArray(String[]::new));
        }
    }

    /** @return true if the venv exists */
    public boolean exists() {
        return Files.isExecutable(python());
    }
}
