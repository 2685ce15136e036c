package dev.gitpypi.core;

/**
 * Thrown when a file name is not a valid wheel or sdist file name (SPEC WHL-*, SD-*).
 */
public class InvalidFilenameException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the input
     */
    public InvalidFilenameException(String message) {
        super(message);
    }
}
