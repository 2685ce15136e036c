package dev.gitpypi.core.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/** Folder trees on disk. Stateless and thread-safe. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes a folder and everything in it in one walk, without following symbolic links (a link is deleted, never
     * what it points to). An absent folder is nothing to delete.
     *
     * @param root the folder (or a single file)
     * @return the number of regular files it held
     * @throws IOException if something cannot be deleted; what was deleted stays deleted
     */
    public static long delete(Path root) throws IOException {
        long[] files = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        files[0]++;
                    }
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            if (e.getFile() != null && Path.of(e.getFile()).equals(root)) {
                return 0;
            }
            throw e;
        }
        return files[0];
    }
}
