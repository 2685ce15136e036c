package dev.gitpypi.core;

/**
 * The root of gitpypi's own unchecked exceptions. Messages are lower-case, quote the offending value
 * (shortened when long) and never contain a credential or a whole document.
 */
public class GitpypiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, quoting the offending input
     */
    public GitpypiException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, quoting the offending input
     * @param cause the underlying failure
     */
    public GitpypiException(String message, Throwable cause) {
        super(message, cause);
    }
}
