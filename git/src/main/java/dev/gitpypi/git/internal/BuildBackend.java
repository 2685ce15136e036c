package dev.gitpypi.git.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Asks a project's own PEP 517 build backend for its metadata ({@code --metadata-from-build}). <strong>This runs
 * the project's code.</strong> The tag's sdist (as gitpypi builds it) is extracted into a temporary folder, and a
 * separate {@code python -I} process with a scrubbed environment (no {@code PYTHON*}, {@code PIP_*} or {@code GIT_*}
 * variables, a temporary {@code HOME}, {@code SETUPTOOLS_SCM_PRETEND_VERSION} set to the tag's version) imports the
 * backend named in {@code pyproject.toml} (setuptools' legacy backend without one, {@code backend-path} honoured)
 * and calls {@code prepare_metadata_for_build_wheel}, or {@code build_wheel} when the backend has no such hook.
 * Build requirements are not installed: the backend must already be importable by that Python. The whole process
 * tree is killed past the time limit; the temporary folder is deleted afterwards. Not thread-safe.
 */
final class BuildBackend {
    private static final long MAX_METADATA = 1 << 20;
    private static final String SCRIPT = String.join("\n",
            "import importlib, os, sys, zipfile",
            "src, out = sys.argv[1], sys.argv[2]",
            "os.chdir(src)",
            "spec, paths = 'setuptools.build_meta:__legacy__', []",
            "if os.path.exists('pyproject.toml'):",
            "    import tomllib",
            "    with open('pyproject.toml', 'rb') as f:",
            "        system = tomllib.load(f).get('build-system', {})",
            "    spec = system.get('build-backend', spec)",
            "    paths = system.get('backend-path', [])",
            "for p in reversed(paths):",
            "    sys.path.insert(0, os.path.abspath(p))",
            "sys.path.insert(0, src)",
            "module, _, attr = spec.partition(':')",
            "backend = importlib.import_module(module.strip())",
            "for part in [a for a in attr.strip().split('.') if a]:",
            "    backend = getattr(backend, part)",
            "hook = getattr(backend, 'prepare_metadata_for_build_wheel', None)",
            "if hook is not None:",
            "    target = os.path.join(out, 'metadata')",
            "    os.makedirs(target)",
            "    name = hook(target, {})",
            "    with open(os.path.join(target, name, 'METADATA'), 'rb') as f:",
            "        data = f.read()",
            "else:",
            "    target = os.path.join(out, 'wheel')",
            "    os.makedirs(target)",
            "    wheel = backend.build_wheel(target, {})",
            "    with zipfile.ZipFile(os.path.join(target, wheel)) as z:",
            "        data = z.read([n for n in z.namelist() if n.count('/') == 1",
            "                       and n.endswith('.dist-info/METADATA')][0])",
            "with open(os.path.join(out, 'METADATA'), 'wb') as f:",
            "    f.write(data)",
            "");

    /** The backend's answer, or why there is none. */
    record Result(CoreMetadata metadata, String failure) {
        boolean ok() {
            return failure.isEmpty();
        }
    }

    private final String python;
    private final Duration timeout;

    BuildBackend(Settings.BuildBackendSettings settings) {
        this.python = settings.python();
        this.timeout = settings.timeout();
    }

    /**
     * Asks the backend of a project for its metadata.
     *
     * @param sdist the sdist of the tag (its single top folder is the project)
     * @param version the tag's version, for {@code SETUPTOOLS_SCM_PRETEND_VERSION}
     * @return the metadata, or the reason it could not be had (lower-case, bounded, for a warning)
     * @throws IOException if the temporary folder cannot be written
     */
    Result metadata(Path sdist, String version) throws IOException {
        Path work = Files.createTempDirectory("gitpypi-backend-");
        try {
            Path src = extract(sdist, work.resolve("src"));
            Path out = Files.createDirectories(work.resolve("out"));
            Path home = Files.createDirectories(work.resolve("home"));
            Path log = work.resolve("log.txt");
            ProcessBuilder pb = new ProcessBuilder(python, "-I", "-c", SCRIPT, src.toString(), out.toString())
                    .directory(src.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("PYTHON") || k.startsWith("PIP_") || k.startsWith("GIT_")
                    || k.startsWith("VIRTUAL_ENV") || k.startsWith("SETUPTOOLS_"));
            env.put("HOME", home.toString());
            env.put("TMPDIR", home.toString());
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            env.put("PIP_NO_INDEX", "1");
            env.put("SETUPTOOLS_SCM_PRETEND_VERSION", version);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Result(CoreMetadata.builder("-", "0").build(), "cannot run " + Texts.quote(python));
            }
            boolean done;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return failure("the build backend did not answer within " + timeout.toSeconds() + " s", log);
            }
            Path metadata = out.resolve("METADATA");
            if (p.exitValue() != 0 || !Files.isRegularFile(metadata, LinkOption.NOFOLLOW_LINKS)) {
                return failure("the build backend failed (exit " + p.exitValue() + ")", log);
            }
            if (Files.size(metadata) > MAX_METADATA) {
                return failure("the build backend's METADATA is larger than " + MAX_METADATA + " bytes", log);
            }
            return new Result(CoreMetadata.parse(Files.readAllBytes(metadata)), "");
        } finally {
            delete(work);
        }
    }

    private static Result failure(String what, Path log) throws IOException {
        String tail = "";
        if (Files.isRegularFile(log)) {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readString(log, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            if (!lines.isEmpty()) {
                tail = ": " + Texts.quote(lines.get(lines.size() - 1));
            }
        }
        return new Result(CoreMetadata.builder("-", "0").build(), what + tail);
    }

    /** Extracts an sdist gitpypi wrote (so its entries are already safe); returns its top folder. */
    private static Path extract(Path sdist, Path into) throws IOException {
        Files.createDirectories(into);
        Path top = null;
        try (InputStream in = Files.newInputStream(sdist);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in), "UTF-8")) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into) || target.equals(into)) {
                    continue;
                }
                if (top == null) {
                    top = into.resolve(into.relativize(target).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if ((e.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        if (top == null) {
            throw new IOException("empty sdist " + sdist.getFileName());
        }
        return top;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the build for
        }
    }
}
