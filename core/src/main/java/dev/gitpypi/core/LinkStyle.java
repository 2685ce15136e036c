package dev.gitpypi.core;

import java.util.Locale;
import java.util.Optional;

/**
 * How a release reaches the installer: what a project page links to (DESIGN "Link styles").
 */
public enum LinkStyle {
    /** {@code git+https://host/o/r@tag#egg=name-version}: pip only (SPEC PIP-07, UV-05), no hashes. */
    VCS,
    /** A PEP 625 sdist gitpypi builds from the tag's tree and hosts in the site, with its sha256. */
    SDIST,
    /** Wheels and sdists attached to GitHub releases. */
    RELEASE,
    /** Distributions from a local folder, hosted in the site, with PEP 658 metadata for wheels. */
    FILES;

    /** @return the spelling on the command line and in configuration: lower-case */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The style for its spelling, case-insensitively.
     *
     * @param value such as {@code vcs}
     * @return the style, or empty
     */
    public static Optional<LinkStyle> fromValue(String value) {
        for (LinkStyle s : values()) {
            if (s.value().equalsIgnoreCase(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
