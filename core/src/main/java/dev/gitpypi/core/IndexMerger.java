package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Combines the projects of several sources into one index, so that no source can add releases to another
 * source's project (dependency confusion inside one's own index).
 *
 * <p><b>Ownership.</b> A project belongs to the first source that declares it, in the order the sources are
 * {@linkplain #add added} (the order of the configuration). When another source declares a project of the same
 * normalized name (SPEC NAME-02), its releases of that project are left out and reported as an error
 * {@link Problem} that names both sources; the rest of that source is merged. A project that several sources
 * really publish (a monorepo and its split repositories, wheels from a folder beside sdists from Git) is
 * {@linkplain Builder#sharedProject declared shared}: then every source may add releases to it.
 *
 * <p><b>Files.</b> Two files of the same name in one project (from two sources of a shared project, or from a source
 * added twice) are merged when they are equal; when they differ, the first is kept and the other reported as an
 * error, instead of the {@link IndexConflictException} that {@link Index#merge} throws. So {@link #add} never
 * throws for what the sources hold: one hostile input costs its own releases, never the whole index.
 *
 * <pre>{@code
 * IndexMerger merger = IndexMerger.builder().sharedProject("hello").build();
 * for (IndexSource s : sources) {
 *     problems.addAll(merger.add(s.description(), s.read().index()));
 * }
 * Index index = merger.index();
 * }</pre>
 *
 * <p>Not thread-safe: one merger per build, fed by one thread.
 */
public final class IndexMerger {
    private final Set<String> shared;
    private final Map<String, String> owners = new HashMap<>();
    private Index index = Index.empty();

    private IndexMerger(Builder b) {
        this.shared = Set.copyOf(b.shared);
    }

    /** @return a builder: no project is shared */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Merges what one source produced, after the sources added before it.
     *
     * @param source the source, as it is named in messages (such as {@link IndexSource#description()}, without
     *     credentials); the same name added again counts as the same source
     * @param projects the source's projects
     * @return the errors found while merging: releases of a project another source owns, files that differ from a
     *     file of the same name already merged; empty if everything was merged
     */
    public List<Problem> add(String source, Index projects) {
        List<Problem> problems = new ArrayList<>();
        List<Project> accepted = new ArrayList<>(projects.size());
        for (Project p : projects.projects().values()) {
            String name = p.name().normalized();
            String owner = owners.putIfAbsent(name, source);
            if (owner != null && !owner.equals(source) && !shared.contains(name)) {
                List<String> versions = p.releaseVersions();
                problems.add(Problem.error(source, "project " + Texts.quote(name) + " belongs to " + owner
                        + ", the first source that declares it; left out " + count(versions.size(), "release")
                        + " of it from this source" + (versions.isEmpty() ? "" : " (" + String.join(", ",
                                versions.size() > 10 ? versions.subList(0, 10) : versions)
                                + (versions.size() > 10 ? ", …" : "") + ")")
                        + ". A project that several sources publish must be declared shared"));
                continue;
            }
            Optional<Project> merged = index.project(name);
            accepted.add(merged.isEmpty() ? p : withoutConflicts(source, merged.get(), p, problems));
        }
        if (index.size() == 0 && accepted.size() == projects.size() && projects.apiVersion().isEmpty()) {
            index = projects; // the first source, whole: its index as it is (the same projects, not copied)
        } else {
            index = index.merge(Index.of(accepted));
        }
        return problems;
    }

    /** {@code next} without the files whose names {@code merged} has with other content (each an error). */
    private static Project withoutConflicts(String source, Project merged, Project next, List<Problem> problems) {
        Map<String, Distribution> byFile = new HashMap<>();
        for (Distribution d : merged.distributions()) {
            byFile.put(d.filename(), d);
        }
        List<Distribution> keep = new ArrayList<>(next.distributions().size());
        for (Distribution d : next.distributions()) {
            Distribution seen = byFile.get(d.filename());
            if (seen == null || seen.equals(d)) {
                keep.add(d);
            } else {
                problems.add(Problem.error(source, "project " + Texts.quote(merged.name().normalized())
                        + " already has a file named " + Texts.quote(d.filename()) + " (from " + seen.origin()
                        + ") with other content; kept that one and left this one out (P503-06)"));
            }
        }
        if (keep.size() == next.distributions().size()) {
            return next;
        }
        Project.Builder b = Project.builder(next.name()).addAll(keep).status(next.status())
                .sourceUrl(next.sourceUrl().orElse(null));
        next.versions().forEach(b::version);
        return b.build();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** @return everything merged so far */
    public Index index() {
        return index;
    }

    /**
     * The source that owns a project.
     *
     * @param name any spelling of the project's name
     * @return the first source that declared it, if any did
     */
    public Optional<String> owner(String name) {
        return Optional.ofNullable(owners.get(ProjectName.normalize(name)));
    }

    /** Configures an {@link IndexMerger}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> shared = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Lets every source publish releases of a project, instead of only the first source that declares it.
         *
         * @param name the project, any spelling
         * @return this builder
         * @throws InvalidNameException if the name is not a valid project name (NAME-01)
         */
        public Builder sharedProject(String name) {
            shared.add(ProjectName.of(name).normalized());
            return this;
        }

        /**
         * {@link #sharedProject} for each name.
         *
         * @param names the projects
         * @return this builder
         * @throws InvalidNameException if a name is not a valid project name (NAME-01)
         */
        public Builder sharedProjects(Collection<String> names) {
            names.forEach(this::sharedProject);
            return this;
        }

        /** @return the merger */
        public IndexMerger build() {
            return new IndexMerger(this);
        }
    }
}
