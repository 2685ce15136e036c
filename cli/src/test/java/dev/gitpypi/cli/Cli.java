package dev.gitpypi.cli;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the built {@code cli/target/gitpypi.jar} as a separate process, as a user would. */
final class Cli {
    private Cli() {
    }

    static Path jar() {
        Path jar = Path.of("target", "gitpypi.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("missing " + jar + ": run the integration tests through 'mvn verify'");
        }
        return jar;
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static ProcessResult run(Path dir, String... args) {
        return run(dir, env -> { }, args);
    }

    static ProcessResult run(Path dir, Consumer<Map<String, String>> env, String... args) {
        return Processes.run(dir, env, 600, command(args));
    }

    /** A long-running command (serve): started, its first output line read, the rest collected. */
    static final class Running implements AutoCloseable {
        final Process process;
        final String firstLine;
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        Running(Path dir, String... args) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true).directory(dir.toFile());
            process = pb.start();
            BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = r.readLine();
            firstLine = line == null ? "" : line;
            Thread drain = new Thread(() -> {
                try {
                    for (String l; (l = r.readLine()) != null;) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
        }

        /** Waits until a line of output (after the first) satisfies the condition, and returns it. */
        String awaitLine(java.util.function.Predicate<String> condition) throws InterruptedException {
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                for (String l : lines) {
                    if (condition.test(l)) {
                        return l;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no such line in: " + lines);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
