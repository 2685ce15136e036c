package dev.gitpypi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Creates the demo's Git repositories from the example projects bundled in the jar: one repository per project,
 * one commit and one annotated tag {@code v<version>} per release, with fixed authors and times so that every run
 * gives the same commits (and so the same sdists and hashes).
 */
final class DemoRepositories {
    /** A bundled example project and the versions to tag. */
    record Example(String name, List<String> versions, List<String> files) {
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("world", List.of("1.0.0", "1.1.0"), List.of("pyproject.toml", "world/__init__.py")),
            new Example("hello", List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0"),
                    List.of("pyproject.toml", "hello/__init__.py")));

    private static final Instant EPOCH = Instant.parse("2026-01-01T12:00:00Z");

    private DemoRepositories() {
    }

    /**
     * Creates one repository per example under {@code root}.
     *
     * @param root an empty or absent folder
     * @return the repository folders, in {@link #EXAMPLES} order
     * @throws IOException if a file cannot be written or Git fails
     */
    static List<Path> create(Path root) throws IOException {
        Files.createDirectories(root);
        return EXAMPLES.stream().map(e -> {
            try {
                return create(root.resolve(e.name()), e);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }).toList();
    }

    private static Path create(Path dir, Example example) throws IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.write(dir.resolve("backend.py"), resource("backend.py"));
            int release = 0;
            for (String version : example.versions()) {
                for (String file : example.files()) {
                    String text = new String(resource(example.name() + "/" + file), StandardCharsets.UTF_8)
                            .replace("@VERSION@", version);
                    Path target = dir.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                }
                PersonIdent who = new PersonIdent("gitpypi demo", "demo@gitpypi.invalid",
                        EPOCH.plusSeconds(86_400L * release++), ZoneOffset.UTC);
                git.add().addFilepattern(".").call();
                git.commit().setMessage(example.name() + " " + version).setAuthor(who).setCommitter(who)
                        .setSign(false).call();
                git.tag().setName("v" + version).setAnnotated(true).setTagger(who)
                        .setMessage(example.name() + " " + version).setSigned(false).call();
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot create the demo repository " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DemoRepositories.class.getResourceAsStream("demo/" + path)) {
            if (in == null) {
                throw new IOException("the jar lacks the demo resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
