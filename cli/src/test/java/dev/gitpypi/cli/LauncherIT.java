package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gitpypi} launcher users run, with the class-data archive the build writes beside the jar
 * ({@link ClassArchive}): the classes come from the archive, and an archive the JVM cannot use (another jar,
 * another JVM, not an archive at all) changes nothing a user sees.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "gitpypi").toAbsolutePath().normalize();
    private static final Path ARCHIVE = Path.of("target", "gitpypi.jsa").toAbsolutePath();

    @TempDir
    Path tmp;

    private static ProcessResult run(Path launcher, Path dir, Consumer<Map<String, String>> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        return Processes.run(dir, e -> {
            e.remove("GITPYPI_JAVA_OPTS");
            e.put("JAVA", Cli.javaExecutable());
            env.accept(e);
        }, 120, command);
    }

    /** What {@code java -jar gitpypi.jar --version} prints, with no archive and no launcher. */
    private String version() {
        ProcessResult r = Cli.run(tmp, "--version");
        assertThat(r.output()).startsWith("gitpypi ");
        return r.output();
    }

    @Test
    void theBuildWritesTheArchiveAndTheLauncherLoadsGitpypisClassesFromIt() throws IOException {
        assertThat(ARCHIVE).as("the class-data archive 'mvn package' writes beside the jar").isRegularFile();
        assertThat(Path.of("target", "class-archive-training")).doesNotExist();
        try (var siblings = Files.list(ARCHIVE.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        Path classes = tmp.resolve("classes.log");
        // -Xshare:on: the JVM exits with an error instead of running without an archive it cannot use
        ProcessResult r = run(LAUNCHER, tmp, e -> e.put("GITPYPI_JAVA_OPTS",
                "-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xshare:on -Xlog:class+load=info:file=" + classes),
                "build", "--help");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("--package-list");
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("dev.gitpypi.cli.Main source: shared objects file",
                "dev.gitpypi.cli.BuildCommand source: shared objects file",
                "picocli.CommandLine source: shared objects file");
    }

    @Test
    void anArchiveTheJvmCannotUseIsIgnoredWithoutAWord() throws IOException {
        // a copy of the install elsewhere: the archive records the jar's path, so the JVM refuses it here
        Path install = tmp.resolve("elsewhere");
        Files.createDirectories(install.resolve("cli/target"));
        Path launcher = Files.copy(LAUNCHER, install.resolve("gitpypi"));
        Files.copy(Cli.jar(), install.resolve("cli/target/gitpypi.jar"));
        Path archive = Files.copy(ARCHIVE, install.resolve("cli/target/gitpypi.jsa"));
        ProcessResult moved = run(launcher, tmp, e -> { }, "--version");
        assertThat(moved.exitCode()).as(moved.output()).isZero();
        assertThat(moved.output()).isEqualTo(version());

        Files.delete(archive);
        Files.writeString(archive, "not a class-data archive");
        ProcessResult garbage = run(launcher, tmp, e -> { }, "--version");
        assertThat(garbage.exitCode()).as(garbage.output()).isZero();
        assertThat(garbage.output()).isEqualTo(version());

        Files.delete(archive);
        ProcessResult none = run(launcher, tmp, e -> { }, "--version");
        assertThat(none.exitCode()).as(none.output()).isZero();
        assertThat(none.output()).isEqualTo(version());
    }

    @Test
    void aBuildThroughTheLauncherWithTheArchiveWritesTheSameSiteAsWithout() throws IOException {
        Path list = Files.writeString(tmp.resolve("list.txt"),
                "hello-1.0.tar.gz\nhello-1.1-py3-none-any.whl\nworld-2.0.zip\n");
        String[] build = {"build", "-q", "--package-list", list.toString(), "--packages-url",
            "https://example.invalid/packages/", "--out"};
        ProcessResult with = run(LAUNCHER, tmp, e -> { }, concat(build, tmp.resolve("with").toString()));
        ProcessResult without = Processes.run(tmp, e -> { }, 120,
                Cli.command(concat(build, tmp.resolve("without").toString())));
        assertThat(with.exitCode()).as(with.output()).isZero();
        assertThat(with.output()).isEqualTo(without.output());
        assertThat(Files.readString(tmp.resolve("with/simple/hello/index.html")))
                .isEqualTo(Files.readString(tmp.resolve("without/simple/hello/index.html")));
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
