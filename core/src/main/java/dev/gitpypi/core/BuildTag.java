package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The optional build tag of a wheel file name (SPEC WHL-04): it starts with a digit and sorts as the pair
 * (number of its leading digits, the rest), as packaging's {@code parse_wheel_filename} returns it. A wheel without
 * a build tag sorts before every wheel with one (packaging's empty tuple).
 *
 * <p>{@link #equals(Object)} agrees with {@link #compareTo(BuildTag)}: {@code 01a} equals {@code 1a}; {@link
 * #toString()} keeps the spelling of the file name. Instances are immutable.
 */
public final class BuildTag implements Comparable<BuildTag> {
    private final String text;
    /** The leading digits without leading zeros ("" for zero). */
    private final String significantDigits;
    private final String rest;

    private BuildTag(String text, String significantDigits, String rest) {
        this.text = text;
        this.significantDigits = significantDigits;
        this.rest = rest;
    }

    /**
     * Parses a build tag as packaging does: one or more ASCII digits, then anything but {@code -}. The rest
     * of the pair is what follows the digits up to a line break (packaging's {@code (\d+)(.*)}).
     *
     * @param text the build tag as it appears in a file name
     * @return the build tag
     * @throws InvalidFilenameException if it does not start with a digit or contains {@code -} (WHL-04)
     */
    public static BuildTag parse(String text) {
        Objects.requireNonNull(text, "build tag must not be null");
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || text.indexOf('-') >= 0) {
            throw new InvalidFilenameException("invalid build tag " + Texts.quote(text)
                    + ": a build tag starts with a digit and contains no '-' (WHL-04)");
        }
        int zeros = 0;
        while (zeros < digits && text.charAt(zeros) == '0') {
            zeros++;
        }
        int newline = text.indexOf('\n', digits);
        String rest = text.substring(digits, newline < 0 ? text.length() : newline);
        return new BuildTag(text, text.substring(zeros, digits), rest);
    }

    /**
     * Parses a build tag, or empty.
     *
     * @param text the candidate, may be null
     * @return the build tag, or empty if {@link #parse(String)} would throw
     */
    public static Optional<BuildTag> tryParse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (InvalidFilenameException e) {
            return Optional.empty();
        }
    }

    /**
     * The number formed by the leading digits.
     *
     * @return the build number
     */
    public BigInteger number() {
        return significantDigits.isEmpty() ? BigInteger.ZERO : new BigInteger(significantDigits);
    }

    /**
     * What follows the leading digits (up to a line break), the second element of the sort key.
     *
     * @return the rest, possibly empty
     */
    public String rest() {
        return rest;
    }

    /**
     * Whether the tag also satisfies uv, which allows only ASCII letters, digits, {@code _} and {@code .} (SPEC
     * WHL-04, INTEROP).
     *
     * @return true if uv accepts it
     */
    public boolean isPortable() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares the build tags of two wheels, either of which may have none: no build tag sorts first (packaging's
     * empty tuple), then by {@link #compareTo(BuildTag)} (WHL-04).
     *
     * @param a one wheel's build tag, or null for none
     * @param b the other's, or null for none
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compare(@Nullable BuildTag a, @Nullable BuildTag b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /** Orders by number, then by the rest compared by code point (Python's order). */
    @Override
    public int compareTo(BuildTag other) {
        int byLength = Integer.compare(significantDigits.length(), other.significantDigits.length());
        if (byLength != 0) {
            return byLength;
        }
        int byDigits = significantDigits.compareTo(other.significantDigits);
        return byDigits != 0 ? byDigits : PythonText.compareCodePoints(rest, other.rest);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BuildTag other && significantDigits.equals(other.significantDigits)
                && rest.equals(other.rest);
    }

    @Override
    public int hashCode() {
        return significantDigits.hashCode() * 31 + rest.hashCode();
    }

    /** The build tag as spelled in the file name. */
    @Override
    public String toString() {
        return text;
    }
}
