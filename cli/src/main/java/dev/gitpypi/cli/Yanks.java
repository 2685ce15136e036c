package dev.gitpypi.cli;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Releases to mark yanked (PEP 592), from {@code --yank NAME==VERSION[:REASON]} and the {@code yanked} table of
 * {@code gitpypi.toml}, applied to the merged index of every source: each file of a matching release gets
 * {@code data-yanked} (HTML) and {@code yanked} (JSON) with the reason. Not thread-safe.
 */
final class Yanks {
    /** Normalized name to (version to reason), in the order given. */
    private final Map<String, Map<Version, String>> yanked = new LinkedHashMap<>();
    private final Map<String, String> spelled = new LinkedHashMap<>();

    /**
     * Adds {@code NAME==VERSION[:REASON]}.
     *
     * @param spec the option value
     * @throws UsageException if it is not of that form or the name or version is invalid
     */
    void add(String spec) {
        int eq = spec.indexOf("==");
        if (eq <= 0) {
            throw new UsageException("invalid --yank " + Texts.quote(spec) + ": expected NAME==VERSION[:REASON],"
                    + " such as hello==1.2.0:broken wheel");
        }
        String rest = spec.substring(eq + 2);
        int colon = rest.indexOf(':');
        add(spec.substring(0, eq).strip(), colon < 0 ? rest.strip() : rest.substring(0, colon).strip(),
                colon < 0 ? "" : rest.substring(colon + 1).strip(), "--yank " + Texts.quote(spec));
    }

    /**
     * Adds one release.
     *
     * @param name the project name
     * @param version the version
     * @param reason why (may be empty)
     * @param where the option or file that gave it, for messages
     * @throws UsageException if the name or version is invalid
     */
    void add(String name, String version, String reason, String where) {
        ProjectName n;
        Version v;
        try {
            n = ProjectName.of(name);
            v = Version.parse(version);
        } catch (GitpypiException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
        yanked.computeIfAbsent(n.normalized(), k -> new LinkedHashMap<>()).put(v, reason);
        spelled.putIfAbsent(n.normalized(), name);
    }

    boolean isEmpty() {
        return yanked.isEmpty();
    }

    /**
     * Marks the releases yanked.
     *
     * @param index the merged index
     * @param problems receives a warning for each yanked release that no source has
     * @return the index with the releases' files yanked
     */
    Index apply(Index index, List<Problem> problems) {
        if (yanked.isEmpty()) {
            return index;
        }
        List<Project> projects = new ArrayList<>();
        Map<String, Map<Version, String>> unused = new LinkedHashMap<>();
        yanked.forEach((k, v) -> unused.put(k, new LinkedHashMap<>(v)));
        for (Project p : index.projects().values()) {
            Map<Version, String> releases = yanked.get(p.name().normalized());
            if (releases == null) {
                projects.add(p);
                continue;
            }
            List<Distribution> files = new ArrayList<>();
            for (Distribution d : p.distributions()) {
                Optional<Version> v = p.fileVersion(d);
                String reason = v.isPresent() ? releases.get(v.get()) : null;
                if (reason != null) {
                    files.add(d.toBuilder().yanked(reason).build());
                    unused.get(p.name().normalized()).remove(v.get());
                } else {
                    files.add(d);
                }
            }
            Project.Builder rebuilt = Project.builder(p.name()).addAll(files).status(p.status())
                    .sourceUrl(p.sourceUrl().orElse(null));
            p.versions().forEach(rebuilt::version);
            projects.add(rebuilt.build());
        }
        unused.forEach((name, versions) -> versions.keySet().forEach(v -> problems.add(Problem.warning("yank "
                + spelled.get(name) + "==" + v, "no source has this release; nothing yanked"))));
        return Index.of(projects);
    }
}
