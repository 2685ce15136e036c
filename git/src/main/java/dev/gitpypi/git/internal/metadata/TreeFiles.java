package dev.gitpypi.git.internal.metadata;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The files of one project folder of a tree (a Git commit, a GitHub tree, a folder in a test), by path relative to
 * that folder. Paths given to {@link #read(String)} are normalized, {@code /}-separated and never leave the folder
 * ({@link MetadataReader} refuses {@code ..} and absolute paths itself).
 */
@FunctionalInterface
public interface TreeFiles {
    /**
     * Reads a file.
     *
     * @param path a path relative to the folder, such as {@code pyproject.toml} or {@code src/pkg/__init__.py}
     * @return its bytes, or empty if there is no regular file there
     * @throws IOException if the tree cannot be read
     * @throws MetadataException if the file is larger than the reader's bound
     */
    Optional<byte[]> read(String path) throws IOException, MetadataException;

    /**
     * Every file path of the folder (for {@code license-files} globs), or empty when the tree cannot list them
     * (then glob-based {@code License-File} values are declared {@code Dynamic}).
     *
     * @return the paths, relative to the folder
     * @throws IOException if the tree cannot be read
     */
    default Optional<List<String>> list() throws IOException {
        return Optional.empty();
    }
}
