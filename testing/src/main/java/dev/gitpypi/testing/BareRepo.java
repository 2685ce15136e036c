package dev.gitpypi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real bare repository for tests that push (the site publisher), made and inspected with the {@code git} program
 * (isolated from the user's and the system's Git configuration), and "someone else" who pushes to it.
 */
public final class BareRepo {
    private final Path dir;
    private final AtomicInteger others = new AtomicInteger();

    private BareRepo(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates an empty bare repository (its default branch is {@code main}).
     *
     * @param dir an absent or empty folder
     * @return the repository
     */
    public static BareRepo init(Path dir) {
        BareRepo r = new BareRepo(dir.toAbsolutePath());
        run(null, "init", "-q", "--bare", "-b", "main", r.dir.toString());
        return r;
    }

    /** @return the repository folder, absolute */
    public Path dir() {
        return dir;
    }

    /** @return its {@code file://} URL */
    public String fileUrl() {
        return dir.toUri().toString();
    }

    /**
     * Removes the machine's Git settings from an environment and sets a fixed author and committer.
     *
     * @param env the environment to change
     */
    public static void env(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Someone Else");
        env.put("GIT_AUTHOR_EMAIL", "else@example.invalid");
        env.put("GIT_COMMITTER_NAME", "Someone Else");
        env.put("GIT_COMMITTER_EMAIL", "else@example.invalid");
        env.put("LC_ALL", "C");
    }

    /**
     * Runs {@code git ARGS} isolated from the machine's Git settings; fails the test if it fails.
     *
     * @param cwd the working folder, or null
     * @param args git's arguments
     * @return the output, stripped
     */
    public static String run(Path cwd, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessResult r = Processes.run(cwd, BareRepo::env, 60, cmd);
        if (!r.ok()) {
            throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + r.output());
        }
        return r.output().strip();
    }

    /**
     * Runs {@code git --git-dir DIR ARGS}.
     *
     * @param args git's arguments
     * @return the output, stripped
     */
    public String git(String... args) {
        List<String> all = new ArrayList<>(List.of("--git-dir", dir.toString()));
        all.addAll(List.of(args));
        return run(null, all.toArray(String[]::new));
    }

    /** @return the branch's commit, or null when there is no such branch */
    public String head(String branch) {
        ProcessResult r = Processes.run(null, BareRepo::env, 60, List.of("git", "--git-dir", dir.toString(),
                "rev-parse", "--verify", "-q", "refs/heads/" + branch));
        return r.ok() ? r.output().strip() : null;
    }

    /** @return the commits of the branch, newest first */
    public List<String> log(String branch) {
        return List.of(git("rev-list", "refs/heads/" + branch).split("\n"));
    }

    /** @return every file of the branch's tree, sorted */
    public List<String> files(String branch) {
        return List.of(git("ls-tree", "-r", "--name-only", "refs/heads/" + branch).split("\n"));
    }

    /** @return a file of the branch */
    public String show(String branch, String path) {
        return git("show", "refs/heads/" + branch + ":" + path);
    }

    /** @return the full message of a commit */
    public String message(String commit) {
        return git("log", "-1", "--format=%B", commit);
    }

    /** @return every object of the repository as text (blobs, trees, commits), for leak checks */
    public String everything() {
        StringBuilder all = new StringBuilder();
        for (String line : git("cat-file", "--batch-all-objects", "--batch-check").split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length >= 2 && (parts[1].equals("blob") || parts[1].equals("commit"))) {
                all.append(git("cat-file", "-p", parts[0])).append('\n');
            }
        }
        return all.toString();
    }

    /**
     * Someone else pushes one commit to the branch (creating it when absent) that writes a file.
     *
     * @param branch the branch
     * @param path the file's path in the branch
     * @param content the file's new content (must differ from the current one)
     * @return the commit pushed
     */
    public String pushFromElsewhere(String branch, String path, String content) {
        Path work;
        try {
            work = Files.createTempDirectory("gitpypi-other-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run(null, "init", "-q", "-b", branch, work.toString());
            if (head(branch) != null) {
                run(work, "fetch", "-q", dir.toString(), "refs/heads/" + branch);
                run(work, "reset", "-q", "--hard", "FETCH_HEAD");
            }
            Path f = work.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
            run(work, "add", "-A");
            run(work, "commit", "-q", "-m", "someone else's commit " + others.incrementAndGet());
            run(work, "push", "-q", dir.toString(), "HEAD:refs/heads/" + branch);
            return run(work, "rev-parse", "HEAD");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Processes.run(null, env -> { }, 60, List.of("rm", "-rf", work.toString()));
        }
    }

    /**
     * Installs a server-side hook (run by {@code git receive-pack}: over HTTP, ssh and git://, not JGit's file://).
     *
     * @param name such as {@code pre-receive}
     * @param script the shell script's body
     */
    public void hook(String name, String script) {
        try {
            Path hook = dir.resolve("hooks").resolve(name);
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, "#!/bin/sh\n" + script + "\n", StandardCharsets.UTF_8);
            hook.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
