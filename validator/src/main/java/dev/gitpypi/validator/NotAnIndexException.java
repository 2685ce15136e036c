package dev.gitpypi.validator;

/**
 * The target is not a Python package index: a folder with neither a {@code simple/} folder, nor an
 * {@code index.html} or {@code index.json} page, nor project folders; a page with neither project links nor
 * distribution files (and no PEP 503/691 markers); a binary file; a JSON document of another shape; a site whose
 * landing page links to no index. The message names the target and what was looked for.
 */
public class NotAnIndexException extends PageReadException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message {@code not an index: <target>: <what it is> (looked for …)}
     */
    public NotAnIndexException(String message) {
        super(message);
    }
}
