package dev.gitpypi.testing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's {@code python3} (with {@code packaging} and {@code pip}), the reference implementation for
 * differential tests. Tests that need it fail when it is missing, unless {@code -DskipPythonTests=true} is given:
 * a differential test that silently skips proves nothing.
 */
public final class Python {
    private Python() {
    }

    /** @return the python executable: {@code $GITPYPI_PYTHON} or {@code python3} */
    public static String executable() {
        String configured = System.getenv("GITPYPI_PYTHON");
        return configured == null || configured.isBlank() ? "python3" : configured;
    }

    /** Skips the calling test when {@code -DskipPythonTests=true}; otherwise does nothing. */
    public static void assumeEnabled() {
        Assumptions.assumeFalse(Boolean.getBoolean("skipPythonTests"), "python tests skipped by -DskipPythonTests");
    }

    /**
     * Feeds lines through one Python process: the script reads {@code sys.stdin} line by line and writes exactly
     * one line to {@code sys.stdout} per input line. Inputs must not contain {@code \n} or {@code \r}; encode them
     * (for example as JSON strings) when they might.
     *
     * @param script the Python source
     * @param inputs the input lines
     * @return one output line per input line
     */
    public static List<String> mapLines(String script, List<String> inputs) {
        assumeEnabled();
        ProcessBuilder pb = new ProcessBuilder(executable(), "-c", script);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONUTF8", "1");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            List<String> out = new ArrayList<>(inputs.size());
            Thread writer = new Thread(() -> {
                try (BufferedWriter w = new BufferedWriter(
                        new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                    for (String line : inputs) {
                        w.write(line);
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            }
            writer.join();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("python exited with " + (p.isAlive() ? "a time-out" : p.exitValue()));
            }
            if (out.size() != inputs.size()) {
                throw new AssertionError("python wrote " + out.size() + " lines for " + inputs.size() + " inputs");
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + executable() + " (install python3 with packaging, or pass"
                    + " -DskipPythonTests=true)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
