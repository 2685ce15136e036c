package dev.gitpypi.core;

/**
 * Thrown when two sources give conflicting content for one index, such as the same file name twice (SPEC NAME-03).
 */
public class IndexConflictException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, quoting the input
     */
    public IndexConflictException(String message) {
        super(message);
    }
}
