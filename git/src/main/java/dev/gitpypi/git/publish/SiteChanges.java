package dev.gitpypi.git.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a publish changes on the branch, from comparing the branch's tree before and after: which projects and
 * versions appear or disappear, which files are yanked or un-yanked (read from the {@code simple/NAME/} pages of
 * both trees, JSON where present, else HTML), and how many files are added, modified and removed. Projects are
 * named by their normalized names, versions in PEP 440 normal form, ascending. Immutable.
 */
public final class SiteChanges {
    /**
     * Versions of one project.
     *
     * @param project the normalized project name
     * @param versions the versions, ascending in PEP 440 order (empty when the pages list none that parse)
     */
    public record ProjectVersions(String project, List<String> versions) {
        /** Copies the list. */
        public ProjectVersions {
            Objects.requireNonNull(project, "project");
            versions = List.copyOf(versions);
        }
    }

    /**
     * A file whose yank state changed (PEP 592).
     *
     * @param project the normalized project name
     * @param filename the file
     * @param version the file's version, or {@code ""} when its name does not say
     * @param reason the yank reason, {@code ""} when none is given (or for an un-yank)
     */
    public record Yank(String project, String filename, String version, String reason) {
        /** Checks the parts. */
        public Yank {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static final SiteChanges NONE = new SiteChanges(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), 0, 0, 0);

    private final List<ProjectVersions> projectsAdded;
    private final List<ProjectVersions> projectsRemoved;
    private final List<ProjectVersions> versionsAdded;
    private final List<ProjectVersions> versionsRemoved;
    private final List<Yank> yanked;
    private final List<Yank> unyanked;
    private final long filesAdded;
    private final long filesModified;
    private final long filesRemoved;

    SiteChanges(List<ProjectVersions> projectsAdded, List<ProjectVersions> projectsRemoved,
            List<ProjectVersions> versionsAdded, List<ProjectVersions> versionsRemoved, List<Yank> yanked,
            List<Yank> unyanked, long filesAdded, long filesModified, long filesRemoved) {
        this.projectsAdded = List.copyOf(projectsAdded);
        this.projectsRemoved = List.copyOf(projectsRemoved);
        this.versionsAdded = List.copyOf(versionsAdded);
        this.versionsRemoved = List.copyOf(versionsRemoved);
        this.yanked = List.copyOf(yanked);
        this.unyanked = List.copyOf(unyanked);
        this.filesAdded = filesAdded;
        this.filesModified = filesModified;
        this.filesRemoved = filesRemoved;
    }

    /** @return no change at all */
    public static SiteChanges none() {
        return NONE;
    }

    /** @return projects the branch did not have, with all their versions */
    public List<ProjectVersions> projectsAdded() {
        return projectsAdded;
    }

    /** @return projects the branch had and the site no longer has, with the versions they had */
    public List<ProjectVersions> projectsRemoved() {
        return projectsRemoved;
    }

    /** @return new versions of projects the branch already had */
    public List<ProjectVersions> versionsAdded() {
        return versionsAdded;
    }

    /** @return versions gone from projects that remain */
    public List<ProjectVersions> versionsRemoved() {
        return versionsRemoved;
    }

    /** @return files that were listed and are now yanked */
    public List<Yank> yanked() {
        return yanked;
    }

    /** @return files that were yanked and no longer are */
    public List<Yank> unyanked() {
        return unyanked;
    }

    /** @return files of the new tree the branch did not have */
    public long filesAdded() {
        return filesAdded;
    }

    /** @return files whose bytes changed */
    public long filesModified() {
        return filesModified;
    }

    /** @return files of the branch the new tree no longer has */
    public long filesRemoved() {
        return filesRemoved;
    }

    /** @return whether no file changed at all */
    public boolean isEmpty() {
        return filesAdded == 0 && filesModified == 0 && filesRemoved == 0;
    }

    /** @return every version that appears: those of added projects and those added to existing ones */
    public int versionsAddedCount() {
        return count(projectsAdded) + count(versionsAdded);
    }

    /** @return every version that disappears: those of removed projects and those removed from remaining ones */
    public int versionsRemovedCount() {
        return count(projectsRemoved) + count(versionsRemoved);
    }

    private static int count(List<ProjectVersions> list) {
        return list.stream().mapToInt(p -> p.versions().size()).sum();
    }

    /**
     * One line for people: {@code 1 project added, 3 versions added, 1 file yanked}, or
     * {@code no project or version changed (2 files changed)} when only other files changed, or
     * {@code no change}.
     *
     * @return the line
     */
    public String summary() {
        if (isEmpty()) {
            return "no change";
        }
        List<String> parts = new ArrayList<>();
        part(parts, projectsAdded.size(), "project", "added");
        part(parts, projectsRemoved.size(), "project", "removed");
        part(parts, versionsAddedCount(), "version", "added");
        part(parts, versionsRemovedCount(), "version", "removed");
        part(parts, yanked.size(), "file", "yanked");
        part(parts, unyanked.size(), "file", "un-yanked");
        long files = filesAdded + filesModified + filesRemoved;
        if (parts.isEmpty()) {
            return "no project or version changed (" + files + " file" + (files == 1 ? "" : "s") + " changed)";
        }
        return String.join(", ", parts);
    }

    private static void part(List<String> parts, long n, String noun, String verb) {
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s") + " " + verb);
        }
    }

    @Override
    public String toString() {
        return "SiteChanges[" + summary() + "]";
    }
}
