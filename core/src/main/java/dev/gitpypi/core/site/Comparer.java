package dev.gitpypi.core.site;

import dev.gitpypi.core.internal.FileBytes;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Compares the files a build makes with the previous site, writing nothing: {@link #finished()} turns true at the
 * first file whose bytes (or permissions) differ or that the previous site lacks, and every later file is ignored.
 * When no file differed, {@link #sameAsPrevious()} also checks that the previous site holds nothing else (no other
 * file, folder or link) and that its folders have the site's permissions; then a write has nothing to do.
 */
final class Comparer implements SiteSink {
    private final Path previous;
    private final Permissions permissions;
    /** The folders (relative, "" for the root) that hold the compared files. */
    private final Set<String> folders = ConcurrentHashMap.newKeySet();
    private final AtomicLong same = new AtomicLong();
    private volatile boolean differs;

    /**
     * @param previous the previous site
     * @param permissions what its folders and files must have to count as the same
     */
    Comparer(Path previous, Permissions permissions) {
        this.previous = previous;
        this.permissions = permissions;
    }

    @Override
    public void folder(String rel) {
        // a folder counts once a file in it matches; an empty folder of the previous site then makes a difference
    }

    @Override
    public void file(String rel, byte[] bytes) throws IOException {
        if (!differs && !differs(rel, bytes)) {
            matched(rel);
        } else {
            differs = true;
        }
    }

    @Override
    public void copy(String rel, Path source) throws IOException {
        if (differs) {
            return;
        }
        Path old = old(rel);
        if (old != null && Files.size(old) == Files.readAttributes(source, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).size() && Files.mismatch(old, source) < 0) {
            matched(rel);
        } else {
            differs = true;
        }
    }

    @Override
    public boolean finished() {
        return differs;
    }

    /** The number of files found equal so far. */
    long unchanged() {
        return same.get();
    }

    /**
     * Whether the previous site's file at {@code rel} is missing or differs from {@code bytes} (a lookup that
     * counts nothing: the writer's hint before the whole comparison).
     */
    boolean differs(String rel, byte[] bytes) throws IOException {
        Path p = SiteLayout.resolve(previous, rel);
        BasicFileAttributes attrs = attributes(p);
        return attrs == null || !attrs.isRegularFile() || !permitted(attrs) || attrs.size() != bytes.length
                || !FileBytes.same(p, bytes);
    }

    /**
     * After a whole build compared equal: whether the previous site holds exactly the compared files and their
     * folders, and nothing else.
     */
    boolean sameAsPrevious() throws IOException {
        if (differs) {
            return false;
        }
        long[] counts = new long[3]; // regular files, folders, anything else (or a folder without the permissions)
        Files.walkFileTree(previous, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                BasicFileAttributes a = attributes(dir);
                counts[a != null && permitted(a) ? 1 : 2]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                counts[attrs.isRegularFile() ? 0 : 2]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        return counts[0] == same.get() && counts[1] == folders.size() && counts[2] == 0;
    }

    private @Nullable Path old(String rel) throws IOException {
        Path p = SiteLayout.resolve(previous, rel);
        BasicFileAttributes attrs = attributes(p);
        return attrs != null && attrs.isRegularFile() && permitted(attrs) ? p : null;
    }

    /** A path's attributes without following a link (POSIX ones where permissions count), or null if it is absent. */
    private @Nullable BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return permissions.posix() ? Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
    }

    private boolean permitted(BasicFileAttributes attrs) {
        if (!(attrs instanceof PosixFileAttributes posix)) {
            return true;
        }
        return attrs.isDirectory() ? permissions.folderHas(posix.permissions())
                : permissions.fileHas(posix.permissions());
    }

    private void matched(String rel) {
        for (int i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
            folders.add(rel.substring(0, i));
        }
        folders.add("");
        same.incrementAndGet();
    }
}
