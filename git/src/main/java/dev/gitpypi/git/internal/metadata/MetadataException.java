package dev.gitpypi.git.internal.metadata;

/**
 * A project file at a tag cannot be used (invalid TOML, wrong types, too large). The message names the file and
 * what is wrong, lower-case; the caller adds the repository and the tag.
 */
public final class MetadataException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public MetadataException(String message) {
        super(message);
    }
}
