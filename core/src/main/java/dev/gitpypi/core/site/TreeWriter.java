package dev.gitpypi.core.site;

import dev.gitpypi.core.internal.FileBytes;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new site tree into an empty folder. A file whose bytes equal the previous site's file at the same path
 * is hard-linked from it (copied where links are not possible) instead of written, and counted as unchanged.
 */
final class TreeWriter implements SiteSink {
    private final Path root;
    private final @Nullable Path previous;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();

    /**
     * @param root the new tree (an empty folder)
     * @param previous the previous site, or null when there is none
     */
    TreeWriter(Path root, @Nullable Path previous) {
        this.root = root;
        this.previous = previous;
    }

    @Override
    public void folder(String rel) throws IOException {
        Files.createDirectory(SiteLayout.resolve(root, rel));
    }

    @Override
    public void file(String rel, byte[] bytes) throws IOException {
        Path target = SiteLayout.resolve(root, rel);
        Path old = old(rel, bytes.length);
        if (old != null && FileBytes.same(old, bytes)) {
            keep(old, target);
            return;
        }
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        written.incrementAndGet();
    }

    @Override
    public void copy(String rel, Path source) throws IOException {
        Path target = SiteLayout.resolve(root, rel);
        Path old = old(rel, Files.size(source));
        if (old != null && Files.mismatch(old, source) < 0) {
            keep(old, target);
            return;
        }
        Files.copy(source, target);
        written.incrementAndGet();
    }

    /** Files whose bytes are new. */
    long written() {
        return written.get();
    }

    /** Files kept from the previous site. */
    long unchanged() {
        return unchanged.get();
    }

    /** Files of the previous site that the new site has again, kept or rewritten. */
    long matched() {
        return matched.get();
    }

    /** The previous site's regular file at {@code rel} if it has this size (one lstat), else null. */
    private @Nullable Path old(String rel, long size) throws IOException {
        if (previous == null) {
            return null;
        }
        Path p = previous.resolve(rel).normalize();
        if (!p.startsWith(previous)) {
            return null;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        matched.incrementAndGet();
        return attrs.size() == size ? p : null;
    }

    private void keep(Path old, Path target) throws IOException {
        try {
            Files.createLink(target, old);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        unchanged.incrementAndGet();
    }
}
