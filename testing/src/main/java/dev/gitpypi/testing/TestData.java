package dev.gitpypi.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data files the tests read, kept in the repository's top-level {@code testdata/} folder with their provenance
 * ({@code testdata/README.md}). Tests run with a module folder as working directory; this looks upward from there
 * for the repository root (the folder holding {@code mvnw} and {@code testdata/}) and never above it, so a test
 * cannot depend on anything outside the clone.
 */
public final class TestData {
    private TestData() {
    }

    /**
     * A file of {@code testdata/}.
     *
     * @param name a file name inside {@code testdata/}, such as {@code package-list-huge.txt}
     * @return its absolute path
     * @throws AssertionError if the repository root or the file cannot be found
     */
    public static Path file(String name) {
        Path root = repositoryRoot();
        Path file = root.resolve("testdata").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("test data " + file + " is missing (see testdata/README.md)");
        }
        return file;
    }

    /**
     * The repository root: the nearest folder at or above the working directory holding {@code mvnw} and
     * {@code testdata/}.
     *
     * @return its absolute path
     * @throws AssertionError if there is none
     */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("testdata"))) {
                return dir;
            }
        }
        throw new AssertionError("no repository root (a folder with mvnw and testdata/) at or above " + start);
    }
}
