package dev.gitpypi.core;

/**
 * Thrown when a string is not a valid version specifier set (PEP 440, SPEC META-03).
 */
public class InvalidSpecifierException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the input
     */
    public InvalidSpecifierException(String message) {
        super(message);
    }
}
