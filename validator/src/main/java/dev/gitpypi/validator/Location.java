package dev.gitpypi.validator;

import java.util.Objects;

/**
 * Where a finding applies: a resource (a file path relative to the validated folder, or a URL without
 * credentials), and within it a 1-based line (HTML) or a JSON pointer (JSON), or neither.
 *
 * @param resource the file or URL
 * @param line the 1-based line, or 0 when not known
 * @param pointer an RFC 6901 JSON pointer such as {@code /files/3/hashes}, or empty
 */
public record Location(String resource, int line, String pointer) implements Comparable<Location> {
    /**
     * Creates a location.
     *
     * @param resource the file or URL
     * @param line the line, or 0
     * @param pointer a JSON pointer, or empty
     */
    public Location {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    /**
     * A whole resource.
     *
     * @param resource the file or URL
     * @return the location
     */
    public static Location of(String resource) {
        return new Location(resource, 0, "");
    }

    /**
     * A line of a resource.
     *
     * @param resource the file or URL
     * @param line the 1-based line, or 0
     * @return the location
     */
    public static Location line(String resource, int line) {
        return new Location(resource, line, "");
    }

    /**
     * A value inside a JSON resource.
     *
     * @param resource the file or URL
     * @param pointer the JSON pointer
     * @return the location
     */
    public static Location pointer(String resource, String pointer) {
        return new Location(resource, 0, pointer);
    }

    @Override
    public int compareTo(Location o) {
        int c = resource.compareTo(o.resource);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        return c != 0 ? c : pointer.compareTo(o.pointer);
    }

    /** @return {@code resource}, {@code resource:line} or {@code resource#pointer} */
    @Override
    public String toString() {
        if (line > 0) {
            return resource + ":" + line;
        }
        return pointer.isEmpty() ? resource : resource + "#" + pointer;
    }
}
