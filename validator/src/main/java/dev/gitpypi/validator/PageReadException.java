package dev.gitpypi.validator;

import dev.gitpypi.core.GitpypiException;

/**
 * A page could not be read at all: it is larger than the configured limit, the server redirected too often or
 * in a loop, did not answer or finish in time, or the input is not an HTML or JSON page. The message names the
 * page (without credentials) and the limit that was hit.
 */
public class PageReadException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong
     */
    public PageReadException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong
     * @param cause the cause
     */
    public PageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
