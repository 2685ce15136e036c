package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A whole index: projects by normalized name (SPEC NAME-03), in normalized-name order.
 *
 * <p>{@link #of(Collection)} and {@link #merge(Index)} combine projects that share a normalized name (two
 * spellings of one project are one project; the first spelling seen is its display name). Two distributions with
 * the same file name in one project are an {@link IndexConflictException} naming both origins, unless they are equal.
 *
 * <p>Immutable.
 */
public final class Index {
    private static final Index EMPTY = new Index(new TreeMap<>(), null);

    private final Map<String, Project> projects;
    private final @Nullable String apiVersion;

    private Index(TreeMap<String, Project> projects, @Nullable String apiVersion) {
        this.projects = Collections.unmodifiableMap(projects);
        this.apiVersion = apiVersion;
    }

    /** @return the empty index */
    public static Index empty() {
        return EMPTY;
    }

    /**
     * An index of projects, merging those with the same normalized name.
     *
     * @param projects the projects
     * @return the index
     * @throws IndexConflictException if one file name appears twice in a project with different content
     */
    public static Index of(Collection<Project> projects) {
        return EMPTY.mergeAll(projects);
    }

    /**
     * The same projects with a declared API version (as read from a page; renderers derive their own).
     *
     * @param version the declared {@code Major.Minor}, or null
     * @return the index
     */
    public Index withApiVersion(@Nullable String version) {
        return new Index(new TreeMap<>(projects), version);
    }

    /**
     * This index and another, merged.
     *
     * @param other the other index
     * @return the merged index
     * @throws IndexConflictException if one file name appears twice in a project with different content
     */
    public Index merge(Index other) {
        return mergeAll(other.projects.values());
    }

    private Index mergeAll(Collection<Project> more) {
        TreeMap<String, Project> merged = new TreeMap<>(projects);
        for (Project p : more) {
            merged.merge(p.name().normalized(), p, Index::mergeProjects);
        }
        return new Index(merged, apiVersion);
    }

    private static Project mergeProjects(Project a, Project b) {
        Map<String, Distribution> byFile = new HashMap<>();
        List<Distribution> all = new ArrayList<>(a.distributions());
        for (Distribution d : a.distributions()) {
            byFile.put(d.filename(), d);
        }
        for (Distribution d : b.distributions()) {
            Distribution seen = byFile.putIfAbsent(d.filename(), d);
            if (seen == null) {
                all.add(d);
            } else if (!seen.equals(d)) {
                throw new IndexConflictException("project " + Texts.quote(a.name().normalized())
                        + " has two files named " + Texts.quote(d.filename()) + ": from "
                        + seen.origin() + " and from " + d.origin());
            }
        }
        Set<String> versions = new LinkedHashSet<>(a.versions());
        versions.addAll(b.versions());
        Project.Builder builder = Project.builder(a.name()).addAll(all)
                .status(a.status().isDefault() ? b.status() : a.status())
                .sourceUrl(a.sourceUrl().or(b::sourceUrl).orElse(null));
        versions.forEach(builder::version);
        return builder.build();
    }

    /** @return the projects, by normalized name, in normalized-name order */
    public Map<String, Project> projects() {
        return projects;
    }

    /**
     * A project by any spelling of its name.
     *
     * @param name a name (normalized before lookup)
     * @return the project, if present
     */
    public Optional<Project> project(String name) {
        return Optional.ofNullable(projects.get(ProjectName.normalize(name)));
    }

    /** @return the API version the index declares, if it was read from a page that declares one */
    public Optional<String> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    /** @return the number of projects */
    public int size() {
        return projects.size();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Index i && projects.equals(i.projects) && java.util.Objects.equals(apiVersion,
                i.apiVersion);
    }

    @Override
    public int hashCode() {
        return projects.hashCode() * 31 + java.util.Objects.hashCode(apiVersion);
    }

    @Override
    public String toString() {
        return "Index[" + projects.size() + " projects" + (apiVersion == null ? "" : ", api-version " + apiVersion)
                + "]";
    }
}
