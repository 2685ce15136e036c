package dev.gitpypi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Small real Git repositories for CLI tests, made with JGit (fixed author and time). */
final class TestRepos {
    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.invalid",
            Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    private TestRepos() {
    }

    /**
     * A repository whose {@code pyproject.toml} declares {@code name}, with one commit and tag {@code v<version>} per
     * version.
     *
     * @param dir the folder to create
     * @param name the {@code [project] name}, as written
     * @param versions the versions to tag
     * @return the folder
     */
    static Path project(Path dir, String name, String... versions) throws IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            for (String version : versions) {
                commit(git, dir, Map.of("pyproject.toml", "[project]\nname = \"" + name + "\"\nversion = \""
                        + version + "\"\n"));
                git.tag().setName("v" + version).setAnnotated(false).call();
            }
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return dir;
    }

    /** A bare clone of a repository, as a server holds it. */
    static Path bareClone(Path from, Path to) throws IOException {
        try {
            Git.cloneRepository().setURI(from.toUri().toString()).setDirectory(to.toFile()).setBare(true).call()
                    .close();
            return to;
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
    }

    private static void commit(Git git, Path dir, Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        git.add().addFilepattern(".").call();
        git.commit().setMessage("release").setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }
}
