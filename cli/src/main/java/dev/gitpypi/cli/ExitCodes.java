package dev.gitpypi.cli;

/** The exit codes of every {@code gitpypi} command (DESIGN "Command line"). */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Validation findings at or above {@code --fail-on}, or a build that finished with errors. */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input. */
    public static final int USAGE = 2;
    /** I/O, network or remote-service failure. */
    public static final int IO = 3;

    private ExitCodes() {
    }
}
