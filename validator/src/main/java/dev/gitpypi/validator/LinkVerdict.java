package dev.gitpypi.validator;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Installer compatibility of one link of a project page: would pip, uv, poetry and pdm use it, and if not, why
 * (SPEC §15, §16; {@code POETRY-*} for poetry 1.x, {@code PDM-*} for pdm 2.2, from their sources and checked
 * against the real clients).
 *
 * @param project the normalized project name
 * @param filename the file name the link names
 * @param url the link target as written, without credentials
 * @param location where the link is
 * @param pip what pip would do
 * @param uv what uv would do
 * @param poetry what poetry 1.x would do
 * @param pdm what pdm 2.2 would do
 */
public record LinkVerdict(String project, String filename, String url, Location location, InstallerVerdict pip,
        InstallerVerdict uv, InstallerVerdict poetry, InstallerVerdict pdm) implements Comparable<LinkVerdict> {
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
     * @param poetry poetry's verdict
     * @param pdm pdm's verdict
     */
    public LinkVerdict {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pip, "pip");
        Objects.requireNonNull(uv, "uv");
        Objects.requireNonNull(poetry, "poetry");
        Objects.requireNonNull(pdm, "pdm");
    }

    /**
     * The verdicts by installer, in a fixed order: {@code pip}, {@code uv}, {@code poetry}, {@code pdm}.
     *
     * @return installer name to verdict
     */
    public Map<String, InstallerVerdict> installers() {
        Map<String, InstallerVerdict> m = new LinkedHashMap<>();
        m.put("pip", pip);
        m.put("uv", uv);
        m.put("poetry", poetry);
        m.put("pdm", pdm);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public int compareTo(LinkVerdict o) {
        return ORDER.compare(this, o);
    }
}
