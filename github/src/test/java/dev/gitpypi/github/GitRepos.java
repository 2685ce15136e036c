package dev.gitpypi.github;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Real Git repositories of installable Python projects for the GitHub tests: each tag's tree is the content of a
 * {@link TestDistributions#sdist} (PKG-INFO, a pyproject.toml with an in-tree build backend and the backend), plus a
 * {@code [project]} table, so that pip installs a {@code git+} link and the Git source builds sdists, offline.
 * Made with the {@code git} command.
 */
final class GitRepos {
    private GitRepos() {
    }

    /**
     * Creates a bare repository {@code root/owner/name.git} with one tag per version.
     *
     * @return the bare repository
     */
    static Path project(Path root, String owner, String name, String... versions) throws IOException {
        Path work = Files.createTempDirectory(root, "work-");
        git(work, "init", "-q", "-b", "main");
        for (String v : versions) {
            for (Map.Entry<String, byte[]> f : tree(name, v).entrySet()) {
                Path p = work.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            git(work, "add", "-A");
            git(work, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "v" + v);
            git(work, "tag", "v" + v);
        }
        Path bare = root.resolve(owner).resolve(name + ".git");
        Files.createDirectories(bare.getParent());
        git(root, "clone", "-q", "--bare", work.toString(), bare.toString());
        return bare;
    }

    /** The files of an sdist of the project, without its top folder, with a [project] table added. */
    private static Map<String, byte[]> tree(String name, String version) throws IOException {
        Path dir = Files.createTempDirectory("gitpypi-tree");
        Path sdist = TestDistributions.sdist(dir, name.replace('-', '_'), version);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(sdist))) {
            byte[] tar = in.readAllBytes();
            for (int off = 0; off + 512 <= tar.length; ) {
                String entry = new String(tar, off, 100, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "");
                if (entry.isEmpty()) {
                    break;
                }
                int size = Integer.parseInt(new String(tar, off + 124, 11, java.nio.charset.StandardCharsets.US_ASCII)
                        .trim(), 8);
                byte[] body = java.util.Arrays.copyOfRange(tar, off + 512, off + 512 + size);
                files.put(entry.substring(entry.indexOf('/') + 1), body);
                off += 512 + (size + 511) / 512 * 512;
            }
        }
        Files.delete(sdist);
        Files.delete(dir);
        String pyproject = new String(files.get("pyproject.toml"), java.nio.charset.StandardCharsets.UTF_8)
                + "\n[project]\nname = \"" + name + "\"\nversion = \"" + version + "\"\nrequires-python = \">=3.7\"\n";
        files.put("pyproject.toml", pyproject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    private static void git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessResult r = Processes.run(dir, env -> {
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("HOME", dir.toString());
        }, 60, cmd);
        if (!r.ok()) {
            throw new AssertionError(cmd + " failed:\n" + r.output());
        }
    }
}
