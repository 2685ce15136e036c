package dev.gitpypi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs child processes for tests, with a time limit and merged output. */
public final class Processes {
    private Processes() {
    }

    /**
     * Runs a command to completion.
     *
     * @param dir the working directory, or null for the current one
     * @param env changes to the environment (applied to a copy of this process's environment)
     * @param timeoutSeconds the time limit; the process is killed past it
     * @param command the command and its arguments
     * @return the result
     */
    public static ProcessResult run(Path dir, Consumer<Map<String, String>> env, long timeoutSeconds,
            List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        env.accept(pb.environment());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = ("<output lost: " + e + ">").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                reader.join(5000);
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
            }
            reader.join();
            return new ProcessResult(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
