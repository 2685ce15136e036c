package dev.gitpypi.core;

import java.util.Optional;

/**
 * PLACEHOLDER — replaced by the full PEP 440 implementation (issue 2). Only the public signatures below are a
 * contract; the parsing here is deliberately trivial.
 */
public final class Version implements Comparable<Version> {
    private final String text;

    private Version(String text) {
        this.text = text;
    }

    /**
     * Parses a version.
     *
     * @param text the version
     * @return the version
     * @throws InvalidVersionException if it is not valid
     */
    public static Version parse(CharSequence text) {
        String s = text.toString().strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException("invalid version " + GitpypiException.quote(text));
        }
        return new Version(s);
    }

    /**
     * Parses a version, or empty.
     *
     * @param text the candidate
     * @return the version or empty
     */
    public static Optional<Version> tryParse(@org.jspecify.annotations.Nullable CharSequence text) {
        try {
            return text == null ? Optional.empty() : Optional.of(parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(Version o) {
        return text.compareTo(o.text);
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object o) {
        return o instanceof Version v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The normal form. */
    @Override
    public String toString() {
        return text;
    }
}
