package dev.gitpypi.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reading local files that a site will host, without following links (DESIGN "Security rules", issue: a symlink
 * to a system file must never be published, a FIFO or {@code /dev/zero} must never hang a build). The type is
 * checked with {@code lstat} first, because opening a FIFO blocks; the file is then opened with
 * {@code O_NOFOLLOW}, so a link put in its place after the check is refused rather than followed, and reading
 * stops at a size bound. (A FIFO put in place between the check and the open would still block the open: the
 * folder is expected not to change while a build reads it.)
 */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** What a local path is, read without following a link. */
    public enum Type {
        /** A regular file. */
        REGULAR,
        /** A folder. */
        FOLDER,
        /** A symbolic link (never followed). */
        LINK,
        /** A FIFO, a device, a socket. */
        OTHER
    }

    /**
     * The type of a path, without following a link.
     *
     * @param path the path
     * @return its type
     * @throws IOException if it cannot be read
     */
    public static Type type(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isSymbolicLink() ? Type.LINK : a.isRegularFile() ? Type.REGULAR : a.isDirectory() ? Type.FOLDER
                : Type.OTHER;
    }

    /**
     * Opens a regular file for reading, never through a link.
     *
     * @param file the file
     * @return its bytes
     * @throws IOException if it is not a regular file (a link, a FIFO, a device) or cannot be opened
     */
    public static InputStream open(Path file) throws IOException {
        Type type = type(file);
        if (type != Type.REGULAR) {
            throw new FileSystemException(file.toString(), null, "not a regular file (" + describe(type)
                    + "); only regular files are hosted");
        }
        return Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The SHA-256 and size of a regular file, read once, never through a link, refused beyond a size.
     *
     * @param file the file
     * @param maxBytes the largest size accepted
     * @return the digest and size
     * @throws IOException if it is not a regular file, cannot be read, or is larger than {@code maxBytes}
     */
    public static Digest digest(Path file, long maxBytes) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = open(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new FileSystemException(file.toString(), null, "larger than " + maxBytes + " bytes");
                }
                md.update(buffer, 0, n);
            }
        }
        return new Digest(HexFormat.of().formatHex(md.digest()), size);
    }

    /**
     * A file's SHA-256 and size.
     *
     * @param sha256 lower-case hex
     * @param size bytes
     */
    public record Digest(String sha256, long size) {
    }

    /**
     * Words for a type in messages.
     *
     * @param type the type
     * @return such as {@code a symbolic link}
     */
    public static String describe(Type type) {
        return switch (type) {
            case REGULAR -> "a regular file";
            case FOLDER -> "a folder";
            case LINK -> "a symbolic link";
            case OTHER -> "a FIFO, device or socket";
        };
    }
}
