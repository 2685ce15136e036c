package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClassArchive#create} when it cannot make an archive: it says why, leaves no archive (not the previous one,
 * not a part of a new one) and no training folder, and does not fail the build. The archive it makes from the real
 * jar is checked by {@code LauncherIT}.
 */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private boolean create(String java, Path jar) throws IOException {
        Path list = Files.writeString(tmp.resolve("list.txt"), "hello-1.0.tar.gz\n");
        return ClassArchive.create(java, jar, tmp.resolve("gitpypi.jsa"), tmp.resolve("training"), list,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutTheJarThereIsNoArchiveAndThePreviousOneIsGone() throws IOException {
        Files.writeString(tmp.resolve("gitpypi.jsa"), "an archive of an earlier jar");
        assertThat(create(Cli.javaExecutable(), tmp.resolve("missing.jar"))).isFalse();
        assertThat(tmp.resolve("gitpypi.jsa")).doesNotExist();
        assertThat(log()).contains("no class-data archive", "no jar at " + tmp.resolve("missing.jar"),
                "the launcher starts without one");
    }

    @Test
    void aTrainingRunThatFailsLeavesNoArchiveNoPartAndNoTrainingFolder() throws IOException {
        Path jar = Files.writeString(tmp.resolve("gitpypi.jar"), "not a jar");
        Files.writeString(tmp.resolve("gitpypi.jsa"), "an archive of an earlier jar");
        assertThat(create(Cli.javaExecutable(), jar)).isFalse();
        assertThat(log()).contains("the training run exited with 1");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("gitpypi.jar",
                    "list.txt");
        }
    }

    @Test
    void aJvmThatCannotRunSaysSoInsteadOfFailingTheBuild() throws IOException {
        Path jar = Files.writeString(tmp.resolve("gitpypi.jar"), "not a jar");
        assertThat(create(tmp.resolve("no-such-java").toString(), jar)).isFalse();
        assertThat(log()).contains("no class-data archive", "no-such-java");
        assertThat(tmp.resolve("gitpypi.jsa")).doesNotExist();
    }
}
