package dev.gitpypi.core;

/**
 * Thrown when a string is not a valid project name (SPEC NAME-01).
 */
public class InvalidNameException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the input
     */
    public InvalidNameException(String message) {
        super(message);
    }
}
