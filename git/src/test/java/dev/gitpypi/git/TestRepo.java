package dev.gitpypi.git;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Git repository made by the {@code git} command for a test, with fixed author, committer and dates (so
 * commit ids are reproducible) and no user or system Git configuration.
 */
final class TestRepo {
    private final Path dir;
    private long time = 1_700_000_000L;

    private TestRepo(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a repository with an initial empty state.
     *
     * @param dir an absent or empty folder
     * @return the repository
     */
    static TestRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestRepo r = new TestRepo(dir);
        r.git("init", "-q", "-b", "main");
        return r;
    }

    Path dir() {
        return dir;
    }

    static void env(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.invalid");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.invalid");
        env.put("LC_ALL", "C");
    }

    String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        String date = time + " +0000";
        ProcessResult r = Processes.run(dir, env -> {
            env(env);
            env.put("GIT_AUTHOR_DATE", date);
            env.put("GIT_COMMITTER_DATE", date);
        }, 60, cmd);
        if (!r.ok()) {
            throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + r.output());
        }
        return r.output().strip();
    }

    /** Writes a file (creating folders). */
    TestRepo write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    TestRepo write(String path, byte[] content) {
        try {
            Path f = dir.resolve(path);
            Files.createDirectories(f.getParent());
            Files.write(f, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestRepo delete(String path) {
        git("rm", "-q", "-r", "--cached", "--ignore-unmatch", path);
        try (java.util.stream.Stream<Path> all = Files.walk(dir.resolve(path))) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Commits everything; returns the commit id. */
    String commit(String message) {
        time += 60;
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD");
    }

    TestRepo tag(String name) {
        git("tag", name);
        return this;
    }

    TestRepo annotatedTag(String name) {
        time += 1;
        git("tag", "-a", "-m", "release " + name, name);
        return this;
    }

    /** Moves a tag to HEAD. */
    TestRepo moveTag(String name) {
        git("tag", "-f", name);
        return this;
    }

    /** The names of the object files (loose objects, packs, indexes) under a folder of repositories, sorted. */
    static List<String> objectFiles(Path repos) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(repos)) {
            return files.filter(f -> f.toString().contains("/objects/") && Files.isRegularFile(f))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A pyproject.toml with a static version and dependencies. */
    static String pyproject(String name, String version, String... dependencies) {
        StringBuilder deps = new StringBuilder();
        for (String d : dependencies) {
            deps.append(deps.length() == 0 ? "" : ", ").append('"').append(d).append('"');
        }
        return "[project]\nname = \"" + name + "\"\n" + (version == null ? "dynamic = [\"version\"]\n"
                : "version = \"" + version + "\"\n") + "requires-python = \">=3.8\"\ndependencies = [" + deps
                + "]\n";
    }

    /** Adds a ref directly to packed-refs (for names git itself refuses to create). */
    void packedRef(String refName, String commit) {
        try {
            Path packed = dir.resolve(".git/packed-refs");
            String existing = Files.exists(packed) ? Files.readString(packed) : "# pack-refs with: peeled \n";
            Files.writeString(packed, existing + commit + " " + refName + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of a tree object: mode ({@code 100644}, {@code 100755}, {@code 120000}, {@code 40000}), name, id. */
    record TreeItem(String mode, String name, String id) {
    }

    /** Writes a blob; returns its id. */
    String blob(String content) {
        return hashObject("blob", content.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Writes a tree object as given, with {@code git hash-object -t tree --literally}: names may hold {@code /},
     * {@code ..}, {@code .git} and anything else git would refuse. Entries are sorted as git sorts them (a tree's
     * name compares as if followed by {@code /}), so readers that expect sorted trees still walk it.
     */
    String literalTree(TreeItem... items) {
        List<TreeItem> sorted = new ArrayList<>(List.of(items));
        sorted.sort((a, b) -> java.util.Arrays.compareUnsigned(sortKey(a), sortKey(b)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (TreeItem i : sorted) {
            out.writeBytes((i.mode() + " ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(i.name().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(java.util.HexFormat.of().parseHex(i.id()));
        }
        return hashObject("tree", out.toByteArray(), true);
    }

    private static byte[] sortKey(TreeItem i) {
        return (i.name() + (i.mode().equals("40000") ? "/" : "")).getBytes(StandardCharsets.UTF_8);
    }

    private String hashObject(String type, byte[] content, boolean literally) {
        try {
            Path f = Files.createTempFile(dir.resolve(".git"), "object-", ".bin");
            Files.write(f, content);
            String id = literally ? git("hash-object", "-t", type, "--literally", "-w", f.toString())
                    : git("hash-object", "-t", type, "-w", f.toString());
            Files.delete(f);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits a tree object as the child of HEAD (or as a root commit) and moves the branch; returns the id. */
    String commitTree(String tree, String message) {
        time += 60;
        String parent;
        try {
            parent = git("rev-parse", "--verify", "-q", "HEAD^{commit}").strip();
        } catch (AssertionError noCommitYet) {
            parent = "";
        }
        String id = parent.isEmpty() ? git("commit-tree", tree, "-m", message)
                : git("commit-tree", tree, "-p", parent, "-m", message);
        git("update-ref", "HEAD", id);
        return id;
    }
}
