package dev.gitpypi.validator;

import java.util.Comparator;
import java.util.Objects;

/**
 * Installer compatibility of one link of a project page: would pip use it, would uv use it, and if not, why
 * (SPEC §15, §16).
 *
 * @param project the normalized project name
 * @param filename the file name the link names
 * @param url the link target as written, without credentials
 * @param location where the link is
 * @param pip what pip would do
 * @param uv what uv would do
 */
public record LinkVerdict(String project, String filename, String url, Location location, InstallerVerdict pip,
        InstallerVerdict uv) implements Comparable<LinkVerdict> {
    private static final Comparator<LinkVerdict> ORDER = Comparator.comparing(LinkVerdict::project)
            .thenComparing(LinkVerdict::filename).thenComparing(LinkVerdict::url)
            .thenComparing(LinkVerdict::location);

    /**
     * Creates a verdict.
     *
     * @param project the project
     * @param filename the file name
     * @param url the URL
     * @param location the location
     * @param pip pip's verdict
     * @param uv uv's verdict
     */
    public LinkVerdict {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pip, "pip");
        Objects.requireNonNull(uv, "uv");
    }

    @Override
    public int compareTo(LinkVerdict o) {
        return ORDER.compare(this, o);
    }
}
