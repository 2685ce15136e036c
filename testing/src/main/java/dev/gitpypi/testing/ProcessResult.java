package dev.gitpypi.testing;

/**
 * The outcome of a child process.
 *
 * @param exitCode the exit code
 * @param output standard output and standard error, interleaved
 */
public record ProcessResult(int exitCode, String output) {
    /** @return true if the exit code is 0 */
    public boolean ok() {
        return exitCode == 0;
    }
}
