package dev.gitpypi.core.site;

import dev.gitpypi.core.GitpypiException;

/**
 * Thrown when writing a site would be unsafe: a name or file name that could reach outside the output folder, an
 * output folder that holds something other than a site, or output that matches a credential pattern (DESIGN
 * security rules). Nothing of the new site is kept; the previous site is untouched.
 */
public class UnsafeOutputException extends GitpypiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why
     */
    public UnsafeOutputException(String message) {
        super(message);
    }
}
