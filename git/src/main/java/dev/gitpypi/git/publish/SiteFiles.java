package dev.gitpypi.git.publish;

import dev.gitpypi.core.Progress;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.core.internal.Tokens;
import dev.gitpypi.core.site.UnsafeOutputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * The files of a site folder as they go into the branch: regular files only (a symbolic link is refused: it could
 * publish a file from outside the site), {@code .git} folders skipped, every file stored as {@code 100644}. Files
 * whose text could hold a credential are scanned before anything is stored: for the secrets the publish itself
 * holds, and for GitHub-token-shaped text.
 */
final class SiteFiles {
    /** A site file: its path in the tree and on disk. */
    record Entry(String path, Path file, long size) {
    }

    /** Files up to this size are read whole and scanned; larger ones (archives) are streamed. */
    private static final long READ_WHOLE = 32L << 20;
    /** Extensions of files that are scanned for token-shaped text (the pages and text a site holds). */
    private static final List<String> TEXT = List.of(".html", ".htm", ".json", ".xml", ".txt", ".css", ".js",
            ".md", ".metadata", ".svg", ".csv", ".toml", ".yml", ".yaml");

    private final Path root;
    private final List<Entry> entries;

    private SiteFiles(Path root, List<Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    /**
     * Lists a site folder.
     *
     * @param site the folder; it must hold {@code simple/index.html}
     * @return its files, sorted by path
     * @throws dev.gitpypi.core.GitpypiException if it is not a site, or holds a symbolic link or a special file
     * @throws IOException if it cannot be read
     */
    static SiteFiles scan(Path site) throws IOException {
        if (!Files.isDirectory(site)) {
            throw new dev.gitpypi.core.GitpypiException("no site folder " + Texts.quote(site.toString())
                    + ": build one first (gitpypi build --out " + site + ")");
        }
        Path root = site.toRealPath();
        if (!Files.isRegularFile(root.resolve("simple").resolve("index.html"))) {
            throw new dev.gitpypi.core.GitpypiException("not a site: " + Texts.quote(site.toString())
                    + " has no simple/index.html (publish the folder gitpypi build --out wrote)");
        }
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attrs.isSymbolicLink()) {
                    throw new UnsafeOutputException("site file " + Texts.quote(rel) + " is a symbolic link:"
                            + " publish stores regular files only (a link could publish a file from outside the site)");
                }
                if (!attrs.isRegularFile()) {
                    throw new UnsafeOutputException("site entry " + Texts.quote(rel) + " is not a regular file");
                }
                if (file.getFileName().toString().equals(".git")) {
                    return FileVisitResult.CONTINUE; // a work tree's pointer to its repository: Git cannot store it
                }
                entries.add(new Entry(rel, file, attrs.size()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        entries.sort(Comparator.comparing(Entry::path));
        return new SiteFiles(root, List.copyOf(entries));
    }

    /** @return the site folder, absolute */
    Path root() {
        return root;
    }

    /** @return the files, sorted by path */
    List<Entry> entries() {
        return entries;
    }

    /** @return whether the site holds a file at this path */
    boolean has(String path) {
        return entries.stream().anyMatch(e -> e.path().equals(path));
    }

    /**
     * Stores every site file as a blob, after scanning it for credentials.
     *
     * @param inserter where objects go
     * @param secrets secrets that must not appear in any file (each at least 8 characters)
     * @param progress hears {@code start("files", n)}, then one advance per file stored
     * @return the blob id of each file, by path, in path order
     * @throws UnsafeOutputException if a file holds a secret or token-shaped text
     * @throws IOException if a file cannot be read or stored
     */
    java.util.SortedMap<String, ObjectId> store(ObjectInserter inserter, List<String> secrets, Progress progress)
            throws IOException {
        java.util.SortedMap<String, ObjectId> blobs = new java.util.TreeMap<>();
        progress.start("files", entries.size());
        for (Entry e : entries) {
            blobs.put(e.path(), store(inserter, e, secrets));
            progress.advance(1);
        }
        return blobs;
    }

    /**
     * The tree of a publish: the site's files, the kept files of the branch's tree that the site does not have, and
     * an empty {@code .nojekyll} if the site lacks one (so GitHub Pages serves every file as it is).
     *
     * @param inserter where objects go
     * @param reader reads the branch's tree
     * @param blobs the site's stored files ({@link #store})
     * @param branchTree the branch's tree, or null for a new branch
     * @param keep what to keep from the branch
     * @return the tree id
     * @throws UnsafeOutputException if a kept file conflicts with the site, or a path cannot be stored in Git
     * @throws IOException if the branch's tree cannot be read or the tree stored
     */
    static ObjectId tree(ObjectInserter inserter, ObjectReader reader, java.util.SortedMap<String, ObjectId> blobs,
            @Nullable ObjectId branchTree, List<KeepPattern> keep) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        java.util.Set<String> paths = new java.util.HashSet<>(blobs.keySet());
        for (java.util.Map.Entry<String, ObjectId> e : blobs.entrySet()) {
            builder.add(entry(e.getKey(), FileMode.REGULAR_FILE, e.getValue()));
        }
        if (branchTree != null && !keep.isEmpty()) {
            List<KeepPattern> globs = keep.stream().filter(k -> !k.isLiteral()).toList();
            for (KeepPattern k : keep) {
                if (k.isLiteral()) {
                    // CNAME, docs: looked up directly, so a large branch is not walked for them
                    try (TreeWalk tw = TreeWalk.forPath(reader, k.text(), branchTree)) {
                        if (tw != null) {
                            keepEntries(tw, k.text(), builder, paths, List.of());
                        }
                    }
                }
            }
            if (!globs.isEmpty()) {
                try (TreeWalk tw = new TreeWalk(reader)) {
                    tw.addTree(branchTree);
                    keepEntries(tw, null, builder, paths, globs);
                }
            }
        }
        if (!paths.contains(".nojekyll")) {
            builder.add(entry(".nojekyll", FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, new byte[0])));
        }
        try {
            builder.finish();
        } catch (IllegalStateException e) {
            // a kept file where the site has a folder, or the reverse: one tree cannot hold both
            throw new UnsafeOutputException("a kept file of the branch conflicts with a folder of the site ("
                    + e.getMessage() + ")");
        }
        return index.writeTree(inserter);
    }

    /**
     * Adds the kept files a walk finds: everything at and under {@code at} (a walk positioned on one path), or the
     * files of the whole tree that a glob matches.
     */
    private static void keepEntries(TreeWalk tw, @Nullable String at, DirCacheBuilder builder,
            java.util.Set<String> paths, List<KeepPattern> globs) throws IOException {
        if (at != null && !tw.isSubtree()) {
            add(builder, paths, tw.getPathString(), tw.getFileMode(0), tw.getObjectId(0));
            return;
        }
        if (at != null) {
            tw.enterSubtree();
        }
        tw.setRecursive(true);
        while (tw.next()) {
            String path = tw.getPathString();
            if (at != null ? path.startsWith(at + "/") : globs.stream().anyMatch(k -> k.matches(path))) {
                add(builder, paths, path, tw.getFileMode(0), tw.getObjectId(0));
            } else if (at != null) {
                break;
            }
        }
    }

    private static void add(DirCacheBuilder builder, java.util.Set<String> paths, String path, FileMode mode,
            ObjectId id) {
        if (paths.add(path)) {
            builder.add(entry(path, mode, id));
        }
    }

    private static DirCacheEntry entry(String path, FileMode mode, ObjectId id) {
        DirCacheEntry e;
        try {
            e = new DirCacheEntry(path);
        } catch (IllegalArgumentException invalid) {
            throw new UnsafeOutputException("site path " + Texts.quote(path) + " cannot be stored in Git");
        }
        e.setFileMode(mode);
        e.setObjectId(id);
        return e;
    }

    private ObjectId store(ObjectInserter inserter, Entry e, List<String> secrets) throws IOException {
        if (e.size() > READ_WHOLE) {
            try (InputStream in = Files.newInputStream(e.file())) {
                return inserter.insert(Constants.OBJ_BLOB, e.size(), in);
            }
        }
        byte[] bytes = Files.readAllBytes(e.file());
        String latin = null;
        for (String secret : secrets) {
            if (latin == null) {
                latin = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            if (latin.contains(secret) || latin.contains(new String(secret.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1))) {
                throw new UnsafeOutputException("refusing to publish: site file " + Texts.quote(e.path())
                        + " contains a credential this publish uses; rebuild the site");
            }
        }
        if (isText(e.path())) {
            if (latin == null) {
                latin = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            if (Tokens.containsGitHubToken(latin)) {
                throw new UnsafeOutputException("refusing to publish: site file " + Texts.quote(e.path())
                        + " contains text shaped like a GitHub token");
            }
        }
        return inserter.insert(Constants.OBJ_BLOB, bytes);
    }

    private static boolean isText(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return !name.contains(".") || name.startsWith(".") || TEXT.stream().anyMatch(name::endsWith);
    }
}
