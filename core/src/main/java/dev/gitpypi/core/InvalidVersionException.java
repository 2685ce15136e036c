package dev.gitpypi.core;

/**
 * Thrown when a string is not a valid PEP 440 version (SPEC VER-01..VER-03).
 */
public class InvalidVersionException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the input
     */
    public InvalidVersionException(String message) {
        super(message);
    }
}
