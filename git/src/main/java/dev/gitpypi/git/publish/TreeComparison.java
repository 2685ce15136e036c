package dev.gitpypi.git.publish;

import dev.gitpypi.core.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * Compares the branch's tree with the tree about to be committed: counts changed files, then reads the project
 * pages that changed (in both trees) to say which projects, versions and yank states changed. Only changed paths
 * are visited; unchanged subtrees are skipped by id.
 */
final class TreeComparison {
    /** Pages larger than this are not read for the summary (PyPI's largest project pages are a few MB). */
    private static final int MAX_PAGE = 64 << 20;

    private TreeComparison() {
    }

    static SiteChanges compare(ObjectReader reader, @Nullable ObjectId oldTree, ObjectId newTree)
            throws IOException {
        long added = 0;
        long modified = 0;
        long removed = 0;
        TreeSet<String> projects = new TreeSet<>();
        try (TreeWalk tw = both(reader, oldTree, newTree)) {
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                boolean before = tw.getRawMode(0) != FileMode.TYPE_MISSING;
                boolean after = tw.getRawMode(1) != FileMode.TYPE_MISSING;
                if (before && after) {
                    modified++;
                } else if (after) {
                    added++;
                } else {
                    removed++;
                }
                String path = tw.getPathString();
                int slash = path.lastIndexOf('/');
                if (path.startsWith("simple/") && slash > "simple/".length()
                        && (path.endsWith("/index.html") || path.endsWith("/index.json"))) {
                    String project = path.substring("simple/".length(), slash);
                    if (!project.contains("/")) {
                        projects.add(project);
                    }
                }
            }
        }
        List<SiteChanges.ProjectVersions> projectsAdded = new ArrayList<>();
        List<SiteChanges.ProjectVersions> projectsRemoved = new ArrayList<>();
        List<SiteChanges.ProjectVersions> versionsAdded = new ArrayList<>();
        List<SiteChanges.ProjectVersions> versionsRemoved = new ArrayList<>();
        List<SiteChanges.Yank> yanked = new ArrayList<>();
        List<SiteChanges.Yank> unyanked = new ArrayList<>();
        Map<String, ObjectId[]> pages = pages(reader, oldTree, newTree, projects);
        for (String project : projects) {
            ObjectId[] ids = pages.getOrDefault(project, new ObjectId[4]);
            ProjectPage before = page(reader, project, ids[0], ids[1]);
            ProjectPage after = page(reader, project, ids[2], ids[3]);
            if (before == null && after == null) {
                continue;
            }
            if (before == null) {
                projectsAdded.add(versions(project, after.versions()));
                continue;
            }
            if (after == null) {
                projectsRemoved.add(versions(project, before.versions()));
                continue;
            }
            TreeSet<Version> gained = new TreeSet<>(after.versions());
            gained.removeAll(before.versions());
            TreeSet<Version> lost = new TreeSet<>(before.versions());
            lost.removeAll(after.versions());
            if (!gained.isEmpty()) {
                versionsAdded.add(versions(project, gained));
            }
            if (!lost.isEmpty()) {
                versionsRemoved.add(versions(project, lost));
            }
            Map<String, ProjectPage.File> sorted = new TreeMap<>(after.files());
            for (ProjectPage.File now : sorted.values()) {
                ProjectPage.File was = before.files().get(now.filename());
                if (was == null || was.yanked() == now.yanked()) {
                    continue;
                }
                String version = now.version() == null ? "" : now.version();
                if (now.yanked()) {
                    yanked.add(new SiteChanges.Yank(project, now.filename(), version, now.reason()));
                } else {
                    unyanked.add(new SiteChanges.Yank(project, now.filename(), version, ""));
                }
            }
        }
        return new SiteChanges(projectsAdded, projectsRemoved, versionsAdded, versionsRemoved, yanked, unyanked,
                added, modified, removed);
    }

    /** A recursive walk over the branch's tree (empty for a new branch) and the new tree side by side. */
    private static TreeWalk both(ObjectReader reader, @Nullable ObjectId oldTree, ObjectId newTree)
            throws IOException {
        TreeWalk tw = new TreeWalk(reader);
        if (oldTree == null) {
            tw.addTree(new EmptyTreeIterator());
        } else {
            tw.addTree(oldTree);
        }
        tw.addTree(newTree);
        tw.setRecursive(true);
        return tw;
    }

    private static SiteChanges.ProjectVersions versions(String project, TreeSet<Version> versions) {
        return new SiteChanges.ProjectVersions(project, versions.stream().map(Version::toString).toList());
    }

    /**
     * The page blobs of the changed projects in both trees, in one walk over their folders only: for each project
     * {old JSON, old HTML, new JSON, new HTML}, null where absent.
     */
    private static Map<String, ObjectId[]> pages(ObjectReader reader, @Nullable ObjectId oldTree, ObjectId newTree,
            TreeSet<String> projects) throws IOException {
        Map<String, ObjectId[]> out = new TreeMap<>();
        if (projects.isEmpty()) {
            return out;
        }
        try (TreeWalk tw = both(reader, oldTree, newTree)) {
            tw.setFilter(PathFilterGroup.createFromStrings(projects.stream().map(p -> "simple/" + p).toList()));
            while (tw.next()) {
                String path = tw.getPathString();
                int slash = path.lastIndexOf('/');
                String name = path.substring(slash + 1);
                int kind = name.equals("index.json") ? 0 : name.equals("index.html") ? 1 : -1;
                String project = path.substring("simple/".length(), slash);
                if (kind < 0 || project.contains("/")) {
                    continue;
                }
                ObjectId[] ids = out.computeIfAbsent(project, p -> new ObjectId[4]);
                for (int t = 0; t < 2; t++) {
                    if ((tw.getRawMode(t) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                        ids[t * 2 + kind] = tw.getObjectId(t);
                    }
                }
            }
        }
        return out;
    }

    /** A project's page: the JSON page where present, else the HTML page; null when neither is. */
    private static @Nullable ProjectPage page(ObjectReader reader, String project, @Nullable ObjectId json,
            @Nullable ObjectId html) throws IOException {
        ObjectId id = json != null ? json : html;
        if (id == null) {
            return null;
        }
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        if (loader.getSize() > MAX_PAGE) {
            return ProjectPage.empty();
        }
        return ProjectPage.read(project, loader.getCachedBytes(MAX_PAGE), json != null);
    }
}
