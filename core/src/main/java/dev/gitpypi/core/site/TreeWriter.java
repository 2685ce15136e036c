package dev.gitpypi.core.site;

import dev.gitpypi.core.internal.FileBytes;
import dev.gitpypi.core.internal.LocalFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new site tree into an empty folder. A file whose bytes equal the previous site's file at the same path
 * (and the site's permissions) is hard-linked from it (copied where links are not possible) instead of written,
 * and counted as unchanged. Folders and files are created with the site's {@link Permissions}.
 */
final class TreeWriter implements SiteSink {
    private static final Set<OpenOption> NEW_FILE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path root;
    private final @Nullable Path previous;
    private final Permissions permissions;
    private boolean filesFolder;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();

    /**
     * @param root the new tree (an empty folder)
     * @param previous the previous site, or null when there is none
     * @param permissions what the folders and files get
     */
    TreeWriter(Path root, @Nullable Path previous, Permissions permissions) throws IOException {
        this.root = root;
        this.previous = previous;
        this.permissions = permissions;
        permissions.applyToFolder(root);
    }

    @Override
    public void folder(String rel) throws IOException {
        if (rel.equals(SiteLayout.FILES)) {
            if (filesFolder) {
                return;
            }
            filesFolder = true;
        }
        Files.createDirectory(SiteLayout.resolve(root, rel), permissions.folder());
    }

    @Override
    public boolean inOrder() {
        return true;
    }

    @Override
    public void file(String rel, byte[] bytes) throws IOException {
        Path target = SiteLayout.resolve(root, rel);
        Path old = old(rel, bytes.length);
        if (old != null && FileBytes.same(old, bytes)) {
            keep(old, target);
            return;
        }
        try (SeekableByteChannel out = Files.newByteChannel(target, NEW_FILE, permissions.file())) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        written.incrementAndGet();
    }

    @Override
    public void copy(String rel, Path source) throws IOException {
        Path target = SiteLayout.resolve(root, rel);
        Path old = old(rel, Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size());
        if (old != null && Files.mismatch(old, source) < 0) {
            keep(old, target);
            return;
        }
        try (InputStream in = LocalFiles.open(source);
                OutputStream out = Channels.newOutputStream(Files.newByteChannel(target, NEW_FILE,
                        permissions.file()))) {
            in.transferTo(out);
        }
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

    /**
     * The previous site's regular file at {@code rel} if it has this size and the site's permissions (one lstat),
     * else null.
     */
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
            attrs = permissions.posix() ? Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        matched.incrementAndGet();
        boolean permitted = !(attrs instanceof PosixFileAttributes posix) || permissions.fileHas(posix.permissions());
        return attrs.size() == size && permitted ? p : null;
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
