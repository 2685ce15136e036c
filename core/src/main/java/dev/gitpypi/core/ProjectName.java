package dev.gitpypi.core;

import java.util.Optional;

/**
 * A Python project name: the spelling it was given (its display form) and its PEP 503 normalized form
 * side by side. Two names are equal when their normalized forms are equal (SPEC NAME-03), so
 * {@code ProjectName.of("Foo_Bar").equals(ProjectName.of("foo.bar"))}.
 *
 * <p>{@link #normalize(String)} is the pure PEP 503 function for any string (SPEC NAME-02); {@link #of(String)}
 * additionally requires a valid name (SPEC NAME-01). Only ASCII letters are lower-cased, never by the
 * default locale. A normalized valid name matches {@code [a-z0-9]+(-[a-z0-9]+)*}, so it never contains a path
 * separator, {@code ..} or NUL and is safe as a single path segment.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ProjectName implements Comparable<ProjectName> {
    private final String display;
    private final String normalized;

    private ProjectName(String display, String normalized) {
        this.display = display;
        this.normalized = normalized;
    }

    /**
     * The PEP 503 normalization of any string: every run of {@code -}, {@code _} and {@code .} becomes one
     * {@code -}, ASCII letters are lower-cased, every other character stays as it is (SPEC NAME-02). This is
     * {@code re.sub(r"[-_.]+", "-", s).lower()} restricted to ASCII lower-casing. A string that is already
     * normalized is returned itself, without allocation.
     *
     * @param name any string
     * @return its normalized form
     */
    public static String normalize(String name) {
        int n = name.length();
        boolean previousDash = false;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '-') {
                if (previousDash) {
                    return normalizeFrom(name, i);
                }
                previousDash = true;
            } else if (c == '_' || c == '.' || (c >= 'A' && c <= 'Z')) {
                return normalizeFrom(name, i);
            } else {
                previousDash = false;
            }
        }
        return name;
    }

    private static String normalizeFrom(String name, int start) {
        int n = name.length();
        char[] out = new char[n];
        name.getChars(0, start, out, 0);
        int len = start;
        boolean previousSeparator = start > 0 && name.charAt(start - 1) == '-';
        for (int i = start; i < n; i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!previousSeparator) {
                    out[len++] = '-';
                    previousSeparator = true;
                }
            } else {
                out[len++] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
                previousSeparator = false;
            }
        }
        return new String(out, 0, len);
    }

    /**
     * Whether a string is a valid project name (SPEC NAME-01): ASCII letters, digits, {@code .}, {@code _} and
     * {@code -}, starting and ending with a letter or digit. {@code null} is not valid.
     *
     * @param name the candidate, may be null
     * @return true if it is a valid name
     */
    public static boolean isValid(@org.jspecify.annotations.Nullable String name) {
        if (name == null) {
            return false;
        }
        int n = name.length();
        if (n == 0 || !isAsciiAlnum(name.charAt(0)) || !isAsciiAlnum(name.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = name.charAt(i);
            if (!isAsciiAlnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string is a valid name already in normalized form: it matches
     * {@code [a-z0-9]+(-[a-z0-9]+)*} (SPEC NAME-02), as packaging's {@code is_normalized_name}.
     *
     * @param name the candidate, may be null
     * @return true if valid and normalized
     */
    public static boolean isNormalized(@org.jspecify.annotations.Nullable String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        int n = name.length();
        boolean previousDash = true; // a leading dash is not allowed
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '-') {
                if (previousDash) {
                    return false;
                }
                previousDash = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                previousDash = false;
            } else {
                return false;
            }
        }
        return !previousDash;
    }

    /**
     * A valid project name.
     *
     * @param name the name as written (kept as the display form)
     * @return the name
     * @throws InvalidNameException if {@code name} is not a valid name (SPEC NAME-01); the message quotes it
     */
    public static ProjectName of(String name) {
        if (!isValid(name)) {
            throw new InvalidNameException("invalid project name " + GitpypiException.quote(String.valueOf(name))
                    + ": a name has only ASCII letters, digits, '.', '_' and '-', and starts and ends with a letter"
                    + " or digit (NAME-01)");
        }
        return new ProjectName(name, normalize(name));
    }

    /**
     * A valid project name, or empty.
     *
     * @param name the candidate, may be null
     * @return the name, or empty if it is not valid
     */
    public static Optional<ProjectName> tryParse(@org.jspecify.annotations.Nullable String name) {
        return isValid(name) ? Optional.of(new ProjectName(name, normalize(name))) : Optional.empty();
    }

    /**
     * The spelling this name was created with, such as {@code Foo_Bar}.
     *
     * @return the display form
     */
    public String display() {
        return display;
    }

    /**
     * The PEP 503 normalized form, such as {@code foo-bar}: the project's URL path segment.
     *
     * @return the normalized form
     */
    public String normalized() {
        return normalized;
    }

    /**
     * The form used in wheel and sdist file names (SPEC NAME-05): the normalized form with {@code -} replaced by
     * {@code _}, such as {@code foo_bar}.
     *
     * @return the file-name form
     */
    public String fileNameForm() {
        return normalized.replace('-', '_');
    }

    /**
     * Whether this name's display form differs from its normalized form.
     *
     * @return true if the display spelling is not normalized
     */
    public boolean hasDisplaySpelling() {
        return !display.equals(normalized);
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Orders by normalized form. */
    @Override
    public int compareTo(ProjectName other) {
        return normalized.compareTo(other.normalized);
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object o) {
        return o instanceof ProjectName other && normalized.equals(other.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** The display form. */
    @Override
    public String toString() {
        return display;
    }
}
