package dev.gitpypi.core.site;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The permissions of a site's folders and files: {@code rwxr-xr-x} and {@code rw-r--r--} under the process umask,
 * so a web server running as another user can read the site (DESIGN "Output layout"), whatever the temporary
 * folder it was built in had. Folders and files are created with their mode (the kernel applies the umask, as for
 * any program); the umask is also read once per write, to recognise previous files and folders that already have
 * those permissions.
 * On a file system without POSIX permissions nothing is set.
 */
final class Permissions {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final FileAttribute<?>[] NO_ATTRIBUTES = {};

    private final @Nullable Set<PosixFilePermission> folder;
    private final @Nullable Set<PosixFilePermission> file;
    private final FileAttribute<?>[] folderAttributes;
    private final FileAttribute<?>[] fileAttributes;

    private Permissions(@Nullable Set<PosixFilePermission> folder, @Nullable Set<PosixFilePermission> file) {
        this.folder = folder;
        this.file = file;
        this.folderAttributes = folder == null ? NO_ATTRIBUTES
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(folder)};
        this.fileAttributes = file == null ? NO_ATTRIBUTES
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(file)};
    }

    /**
     * The permissions for a site whose folders live in {@code dir}'s file system. The umask comes from
     * {@code /proc/self/status} where the kernel reports it (Linux 4.7 and later); elsewhere a probe folder is created
     * with the default mode in {@code dir} and removed.
     */
    static Permissions of(Path dir) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                || !Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return new Permissions(null, null);
        }
        Set<PosixFilePermission> allowed = allowedByUmask().orElse(null);
        if (allowed == null) {
            Path probe = Files.createTempDirectory(dir, ".umask-probe-");
            try {
                Path inner = Files.createDirectory(probe.resolve("p"));
                allowed = Files.getPosixFilePermissions(inner);
                Files.delete(inner);
            } finally {
                Files.delete(probe);
            }
        }
        Set<PosixFilePermission> folder = EnumSet.copyOf(FOLDER);
        folder.retainAll(allowed);
        Set<PosixFilePermission> file = EnumSet.copyOf(FILE);
        file.retainAll(allowed);
        return new Permissions(folder, file);
    }

    /** The permissions the umask leaves, from the kernel's {@code Umask:} line, if it gives one. */
    private static java.util.Optional<Set<PosixFilePermission>> allowedByUmask() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status, java.nio.charset.StandardCharsets.US_ASCII)) {
                if (line.startsWith("Umask:")) {
                    int umask = Integer.parseInt(line.substring(6).strip(), 8);
                    Set<PosixFilePermission> allowed = EnumSet.noneOf(PosixFilePermission.class);
                    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) … OTHERS_EXECUTE (01)
                    for (int i = 0; i < bits.length; i++) {
                        if ((umask & (0400 >> i)) == 0) {
                            allowed.add(bits[i]);
                        }
                    }
                    return java.util.Optional.of(allowed);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an older kernel: the caller probes
        }
        return java.util.Optional.empty();
    }

    /** Attributes that create a folder with the site's folder permissions. */
    FileAttribute<?>[] folder() {
        return folderAttributes;
    }

    /** Attributes that create a file with the site's file permissions. */
    FileAttribute<?>[] file() {
        return fileAttributes;
    }

    /** Gives a folder that was created otherwise (the temporary root) the site's folder permissions. */
    void applyToFolder(Path dir) throws IOException {
        if (folder != null) {
            Files.setPosixFilePermissions(dir, folder);
        }
    }

    /** Whether an existing file has the site's file permissions (always, without POSIX permissions). */
    boolean fileHas(@Nullable Set<PosixFilePermission> permissions) {
        return file == null || file.equals(permissions);
    }

    /** Whether an existing folder has the site's folder permissions (always, without POSIX permissions). */
    boolean folderHas(@Nullable Set<PosixFilePermission> permissions) {
        return folder == null || folder.equals(permissions);
    }

    /** Whether permissions are set at all (a POSIX file system). */
    boolean posix() {
        return file != null;
    }
}
