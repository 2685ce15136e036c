package dev.gitpypi.core;

/**
 * PLACEHOLDER — replaced by the full implementation (issue 2). Only the public signatures are a contract.
 */
public final class VersionSpecifiers {
    private final String text;

    private VersionSpecifiers(String text) {
        this.text = text;
    }

    /**
     * Parses a specifier set such as {@code >=3.8,!=3.9.*}.
     *
     * @param text the specifier set
     * @return the set
     * @throws InvalidSpecifierException if it is not valid
     */
    public static VersionSpecifiers parse(CharSequence text) {
        return new VersionSpecifiers(text.toString());
    }

    /**
     * Whether the set contains a version.
     *
     * @param version the version
     * @return true if contained
     */
    public boolean contains(Version version) {
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
