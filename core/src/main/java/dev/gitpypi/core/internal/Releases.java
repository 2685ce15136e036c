package dev.gitpypi.core.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A project's releases as the pages for people show them: the files its pages list, grouped by the version pip
 * reads from each ({@link Project#fileVersion}), newest first in PEP 440 order, each with its date, yanked state and
 * core metadata; versions the project declares without files are releases without files. Stateless.
 */
public final class Releases {
    private Releases() {
    }

    /**
     * One release.
     *
     * @param version the version
     * @param files the files of that version the pages list, in the project's order
     */
    public record Release(Version version, List<Distribution> files) {
        /** @return the earliest upload time among its files: when it was released, if known */
        public Optional<Instant> date() {
            Instant earliest = null;
            for (Distribution d : files) {
                Optional<Instant> uploaded = d.uploadTime();
                if (uploaded.isPresent() && (earliest == null || uploaded.get().isBefore(earliest))) {
                    earliest = uploaded.get();
                }
            }
            return Optional.ofNullable(earliest);
        }

        /** @return whether every file is yanked (PEP 592: a release is yanked as a whole); false without files */
        public boolean yanked() {
            for (Distribution d : files) {
                if (!d.isYanked()) {
                    return false;
                }
            }
            return !files.isEmpty();
        }

        /** @return the yank reason of a yanked release, the first non-empty one its files give */
        public Optional<String> yankReason() {
            if (yanked()) {
                for (Distribution d : files) {
                    Optional<String> reason = d.yankedReason();
                    if (reason.isPresent() && !reason.get().isBlank()) {
                        return reason;
                    }
                }
            }
            return Optional.empty();
        }

        /** @return the core metadata of the release: a wheel's if one has it, else any file's */
        public Optional<CoreMetadata> metadata() {
            Optional<CoreMetadata> first = Optional.empty();
            for (Distribution d : files) {
                Optional<CoreMetadata> metadata = d.metadata();
                if (metadata.isPresent() && d.kind() == Distribution.Kind.WHEEL) {
                    return metadata;
                } else if (first.isEmpty()) {
                    first = metadata;
                }
            }
            return first;
        }
    }

    /**
     * A project with its releases, computed once and shared by the pages that show them.
     *
     * @param project the project
     * @param releases its releases, newest first
     */
    public record OfProject(Project project, List<Release> releases) {
        /**
         * A project's releases.
         *
         * @param project the project
         * @return the project with its releases
         */
        public static OfProject of(Project project) {
            return new OfProject(project, Releases.of(project));
        }
    }

    /**
     * The releases of a project, newest first.
     *
     * @param project the project
     * @return its releases
     */
    public static List<Release> of(Project project) {
        TreeMap<Version, List<Distribution>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        for (Distribution d : Links.listed(project)) {
            Optional<Version> v = project.fileVersion(d);
            if (v.isPresent()) {
                byVersion.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(d);
            }
        }
        for (String declared : project.versions()) {
            Version.tryParse(declared).ifPresent(v -> byVersion.computeIfAbsent(v, k -> new ArrayList<>()));
        }
        List<Release> releases = new ArrayList<>(byVersion.size());
        for (Map.Entry<Version, List<Distribution>> e : byVersion.entrySet()) {
            releases.add(new Release(e.getKey(), List.copyOf(e.getValue())));
        }
        return releases;
    }

    /**
     * The files a project's pages list whose version cannot be read (shown apart from the releases).
     *
     * @param project the project
     * @return those files
     */
    public static List<Distribution> unversioned(Project project) {
        List<Distribution> out = new ArrayList<>();
        for (Distribution d : Links.listed(project)) {
            if (project.fileVersion(d).isEmpty()) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The latest release for people: the highest final release that is not yanked, else the highest release that
     * is not yanked, else the highest release with files, else the highest declared one.
     *
     * @param releases the releases, newest first
     * @return the latest, if there is any release
     */
    public static Optional<Release> latest(List<Release> releases) {
        Release notYanked = null;
        Release withFiles = null;
        for (Release r : releases) {
            if (r.files().isEmpty()) {
                continue;
            }
            boolean yanked = r.yanked();
            if (!yanked && !r.version().isPrerelease()) {
                return Optional.of(r);
            } else if (!yanked && notYanked == null) {
                notYanked = r;
            }
            if (withFiles == null) {
                withFiles = r;
            }
        }
        if (notYanked != null) {
            return Optional.of(notYanked);
        } else if (withFiles != null) {
            return Optional.of(withFiles);
        }
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(0));
    }
}
