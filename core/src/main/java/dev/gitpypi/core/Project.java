package dev.gitpypi.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One project of an index: its name, its distributions (sorted by file name, so equal content gives equal values
 * and deterministic pages), the versions it declares (PEP 700 {@code versions}, as written) and its PEP 792
 * status.
 *
 * <p>Immutable; build with {@link #builder(ProjectName)}.
 */
public final class Project {
    private static final Comparator<Distribution> ORDER = Project::compare;

    private final ProjectName name;
    private final List<Distribution> distributions;
    private final List<String> versions;
    private final ProjectStatus status;
    private final @Nullable String sourceUrl;
    // derived from the fields above, worked out on first use (a race only computes the same value twice)
    private volatile @Nullable List<Optional<Version>> fileVersions;
    private volatile @Nullable List<String> releaseVersions;

    private Project(Builder b) {
        this.name = b.name;
        List<Distribution> sorted = new ArrayList<>(b.distributions);
        sorted.sort(ORDER);
        this.distributions = List.copyOf(sorted);
        this.versions = List.copyOf(b.versions);
        this.status = b.status;
        this.sourceUrl = b.sourceUrl;
    }

    /**
     * Starts a project.
     *
     * @param name the project name
     * @return a builder
     */
    public static Builder builder(ProjectName name) {
        return new Builder(name);
    }

    /** @return a builder with every field of this project */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.distributions.addAll(distributions);
        b.versions.addAll(versions);
        b.status = status;
        b.sourceUrl = sourceUrl;
        return b;
    }

    /** @return the name (its display spelling as first given) */
    public ProjectName name() {
        return name;
    }

    /** @return the distributions, sorted by file name */
    public List<Distribution> distributions() {
        return distributions;
    }

    /**
     * The versions the project declares (PEP 700 {@code versions}), as written; may list versions without files.
     * Empty when none were declared; renderers then derive them from the file names.
     *
     * @return the declared versions
     */
    public List<String> versions() {
        return versions;
    }

    /**
     * The versions of this project: those it {@linkplain #versions() declares}, else those of its files (from the
     * wheel and sdist file names, or the egg fragments of VCS links), in normal form and PEP 440 order, without
     * duplicates. This is what the JSON page lists as {@code versions} (PEP 700).
     *
     * @return the versions
     */
    public List<String> releaseVersions() {
        List<String> known = releaseVersions;
        if (known == null) {
            known = dev.gitpypi.core.internal.Links.versions(this, dev.gitpypi.core.internal.Links.listed(this));
            releaseVersions = known;
        }
        return known;
    }

    /**
     * The version of one of this project's files as pip reads it: from a wheel's or sdist's file name (PIP-05), or
     * from the egg fragment of a VCS link (PIP-07). Read once per project and kept, because the summary, the pages
     * and the feed all ask for it.
     *
     * @param d one of this project's {@linkplain #distributions() distributions} (another file is read on the spot)
     * @return the version, or empty if none can be read from the file's name
     */
    public Optional<Version> fileVersion(Distribution d) {
        List<Optional<Version>> known = fileVersions;
        if (known == null) {
            List<Optional<Version>> read = new ArrayList<>(distributions.size());
            for (Distribution each : distributions) {
                read.add(dev.gitpypi.core.internal.Links.versionOf(name, each));
            }
            known = Collections.unmodifiableList(read);
            fileVersions = known;
        }
        // a binary search by file name and URL (as Collections.binarySearch with ORDER, without its indirections:
        // the pages ask once for every file of every project)
        int low = 0;
        int high = distributions.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Distribution m = distributions.get(mid);
            int c = m == d ? 0 : compare(m, d);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else if (m == d || m.equals(d)) {
                return known.get(mid);
            } else {
                break;
            }
        }
        return dev.gitpypi.core.internal.Links.versionOf(name, d);
    }

    /** The order of {@link #distributions()}: by file name, then by URL. */
    private static int compare(Distribution a, Distribution b) {
        int c = a.filename().compareTo(b.filename());
        return c != 0 ? c : a.url().compareTo(b.url());
    }

    /** @return the PEP 792 status, {@link ProjectStatus#ACTIVE} by default */
    public ProjectStatus status() {
        return status;
    }

    /** @return the URL of the project's source repository, if known (credentials stripped) */
    public Optional<String> sourceUrl() {
        return Optional.ofNullable(sourceUrl);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Project p && name.display().equals(p.name.display())
                && distributions.equals(p.distributions) && versions.equals(p.versions) && status.equals(p.status)
                && Objects.equals(sourceUrl, p.sourceUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name.display(), distributions, versions, status, sourceUrl);
    }

    @Override
    public String toString() {
        return "Project[" + name.display() + ", " + distributions.size() + " distributions, versions=" + versions
                + ", status=" + status.marker().value() + "]";
    }

    /** Builds a {@link Project}. Not thread-safe. */
    public static final class Builder {
        private final ProjectName name;
        private final List<Distribution> distributions = new ArrayList<>();
        private final List<String> versions = new ArrayList<>();
        private ProjectStatus status = ProjectStatus.ACTIVE;
        private @Nullable String sourceUrl;

        private Builder(ProjectName name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds a distribution.
         *
         * @param distribution the distribution
         * @return this builder
         */
        public Builder add(Distribution distribution) {
            distributions.add(Objects.requireNonNull(distribution, "distribution"));
            return this;
        }

        /**
         * Adds distributions.
         *
         * @param more the distributions
         * @return this builder
         */
        public Builder addAll(Iterable<Distribution> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * Replaces the distributions added so far.
         *
         * @param all the distributions
         * @return this builder
         */
        public Builder distributions(Iterable<Distribution> all) {
            distributions.clear();
            return addAll(all);
        }

        /**
         * Declares a version (PEP 700), as written.
         *
         * @param version the version text
         * @return this builder
         */
        public Builder version(String version) {
            versions.add(Objects.requireNonNull(version, "version"));
            return this;
        }

        /**
         * Sets the status.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(ProjectStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            return this;
        }

        /**
         * Sets the source repository URL (must not hold credentials), or null.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder sourceUrl(@Nullable String url) {
            this.sourceUrl = url;
            return this;
        }

        /** @return the project */
        public Project build() {
            return new Project(this);
        }
    }
}
