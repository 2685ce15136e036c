package dev.gitpypi.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link EmbeddingExample} as a user's program runs: a separate JVM with the example's jar and its runtime
 * dependencies on the module path ({@code java -p … -m dev.gitpypi.example.embedding/…}), so the program links
 * only against what the library modules export.
 */
class EmbeddingExampleIT {
    @Test
    void runsOnTheModulePathUsingOnlyExportedPackages(@TempDir Path tmp) throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        TestDistributions.wheel(dist, "hello", "1.0.0", "Requires-Python: >=3.8");
        TestDistributions.wheel(dist, "hello", "1.1.0");
        TestDistributions.wheel(dist, "world", "2.0");
        Path site = tmp.resolve("site");

        ProcessResult run = Processes.run(tmp, env -> { }, 120, List.of(java(), "--module-path", modulePath(), "--module",
                "dev.gitpypi.example.embedding/dev.gitpypi.example.embedding.EmbeddingExample", dist.toString(),
                site.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("project: hello 2 files", "project: world 1 files", "validated: 0 findings")
                .doesNotContain("problem:");
        assertThat(site.resolve("simple/hello/index.html")).isRegularFile();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The example's jar and its runtime dependencies, as the build listed them ({@code target/module-path.txt}). */
    private static String modulePath() throws IOException {
        Path target = Path.of("target");
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target)) {
            jars.filter(p -> p.getFileName().toString().matches("gitpypi-example-embedding-.*\\.jar"))
                    .forEach(p -> entries.add(p.toAbsolutePath().toString()));
        }
        assertThat(entries).as("the example's jar in target/").hasSize(1);
        entries.add(Files.readString(target.resolve("module-path.txt")).strip());
        return String.join(java.io.File.pathSeparator, entries);
    }
}
