package dev.gitpypi.git;

import dev.gitpypi.core.GitpypiException;

/**
 * A local path given as a Git source is not a Git repository (neither a work tree, nor a folder inside one, nor a
 * bare repository). Bad input, not an I/O failure: the CLI exits with 2.
 */
public final class NotARepositoryException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the path
     */
    public NotARepositoryException(String message) {
        super(message);
    }
}
