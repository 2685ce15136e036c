package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
     * {@code re.sub(r"[-_.]+", "-", s)} followed by ASCII-only lower-casing: unlike Python's Unicode-aware
     * {@code str.lower()} it leaves {@code İ}, {@code É} and the Kelvin sign as they are, which only matters for
     * strings that are not valid names anyway (NAME-01 admits ASCII only), and it never depends on the default
     * locale. A string that is already normalized is returned itself, without allocation.
     *
     * @param name any string
     * @return its normalized form
     * @throws NullPointerException if {@code name} is null
     */
    public static String normalize(String name) {
        int n = name.length(); // implicit null check
        boolean previousDash = false;
        // Tests ordered so that a lower-case letter, the common character, costs two comparisons.
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c > 'Z') {
                if (c == '_') {
                    return normalizeFrom(name, i);
                }
                previousDash = false;
            } else if (c >= 'A') {
                return normalizeFrom(name, i);
            } else if (c == '-') {
                if (previousDash) {
                    return normalizeFrom(name, i);
                }
                previousDash = true;
            } else if (c == '.') {
                return normalizeFrom(name, i);
            } else {
                previousDash = false;
            }
        }
        return name;
    }

    /** Normalizes {@code name}, whose first {@code start} characters are already normalized. */
    private static String normalizeFrom(String name, int start) {
        int n = name.length();
        boolean previousSeparator = start > 0 && name.charAt(start - 1) == '-';
        // Latin-1 strings (all valid names) are built as bytes: the String then copies them without re-encoding.
        byte[] bytes = new byte[n];
        for (int i = 0; i < start; i++) {
            char c = name.charAt(i);
            if (c > 0xff) {
                return normalizeWide(name, start);
            }
            bytes[i] = (byte) c;
        }
        int len = start;
        for (int i = start; i < n; i++) {
            char c = name.charAt(i);
            if (c > 'Z') {
                if (c == '_') {
                    if (!previousSeparator) {
                        bytes[len++] = '-';
                        previousSeparator = true;
                    }
                    continue;
                } else if (c > 0xff) {
                    return normalizeWide(name, start);
                }
            } else if (c >= 'A') {
                c += 'a' - 'A';
            } else if (c == '-' || c == '.') {
                if (!previousSeparator) {
                    bytes[len++] = '-';
                    previousSeparator = true;
                }
                continue;
            }
            bytes[len++] = (byte) c;
            previousSeparator = false;
        }
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    private static String normalizeWide(String name, int start) {
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
    public static boolean isValid(@Nullable String name) {
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
     * {@code [a-z0-9]+(-[a-z0-9]+)*} (SPEC NAME-02), that is {@code isValid(name) && normalize(name).equals(name)}.
     * packaging's {@code is_normalized_name} agrees except that its regular expression also accepts a double
     * dash after the first character ({@code a--b}), which is not normalized; this method says false there.
     *
     * @param name the candidate, may be null
     * @return true if valid and normalized
     */
    public static boolean isNormalized(@Nullable String name) {
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
     * @throws NullPointerException if {@code name} is null
     */
    public static ProjectName of(String name) {
        Objects.requireNonNull(name, "project name must not be null");
        if (!isValid(name)) {
            throw new InvalidNameException("invalid project name " + Texts.quote(name)
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
    public static Optional<ProjectName> tryParse(@Nullable String name) {
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
    public boolean equals(@Nullable Object o) {
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
