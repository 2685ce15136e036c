package dev.gitpypi.validator;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Installer compatibility of one link of a project page: would each {@link Installer} — pip, uv, poetry 1.x, pdm 2.2 —
 * use it, and if not, why (SPEC §15, §16; {@code POETRY-*} and {@code PDM-*} from their sources, checked against the
 * real clients).
 *
 * @param project the normalized project name (empty when the page's project is not known and the file name gives
 *     none)
 * @param filename the file name the link names
 * @param url the link target as written, without credentials
 * @param location where the link is
 * @param verdicts what each installer would do, for every {@link Installer}
 */
public record LinkVerdict(String project, String filename, String url, Location location,
        Map<Installer, InstallerVerdict> verdicts) implements Comparable<LinkVerdict> {
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
     * @param verdicts a verdict for every installer
     * @throws IllegalArgumentException if an installer has no verdict
     */
    public LinkVerdict {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        EnumMap<Installer, InstallerVerdict> copy = new EnumMap<>(Installer.class);
        copy.putAll(verdicts);
        for (Installer i : Installer.values()) {
            if (!copy.containsKey(i)) {
                throw new IllegalArgumentException("no verdict for " + i.label());
            }
        }
        verdicts = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Creates a verdict from one verdict per installer.
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
    public LinkVerdict(String project, String filename, String url, Location location, InstallerVerdict pip,
            InstallerVerdict uv, InstallerVerdict poetry, InstallerVerdict pdm) {
        this(project, filename, url, location, Map.of(Installer.PIP, pip, Installer.UV, uv, Installer.POETRY, poetry,
                Installer.PDM, pdm));
    }

    /**
     * What one installer would do.
     *
     * @param installer the installer
     * @return its verdict
     */
    public InstallerVerdict verdict(Installer installer) {
        return verdicts.get(installer);
    }

    /** @return what pip would do */
    public InstallerVerdict pip() {
        return verdicts.get(Installer.PIP);
    }

    /** @return what uv would do */
    public InstallerVerdict uv() {
        return verdicts.get(Installer.UV);
    }

    /** @return what poetry 1.x would do */
    public InstallerVerdict poetry() {
        return verdicts.get(Installer.POETRY);
    }

    /** @return what pdm 2.2 would do */
    public InstallerVerdict pdm() {
        return verdicts.get(Installer.PDM);
    }

    /**
     * The verdicts by installer label ({@code pip}, {@code uv}, {@code poetry}, {@code pdm}), in {@link Installer}
     * order.
     *
     * @return label to verdict
     */
    public Map<String, InstallerVerdict> installers() {
        Map<String, InstallerVerdict> m = new java.util.LinkedHashMap<>();
        verdicts.forEach((i, v) -> m.put(i.label(), v));
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public int compareTo(LinkVerdict o) {
        return ORDER.compare(this, o);
    }
}
