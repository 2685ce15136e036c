package dev.gitpypi.core;

import java.io.IOException;

/**
 * Anything that produces projects for an index: a folder of distributions, a Git repository, a GitHub
 * organisation, an existing index. Bad input inside the source is reported as {@link Problem}s in the result, not
 * thrown, so the rest of the index still builds; an {@link IOException} means the source as a whole could not be
 * read.
 */
public interface IndexSource {
    /**
     * A short description for messages and progress, without credentials, such as {@code files:dist/}.
     *
     * @return the description
     */
    String description();

    /**
     * Reads the source.
     *
     * @return its projects and problems
     * @throws IOException if the source as a whole cannot be read
     */
    SourceResult read() throws IOException;
}
