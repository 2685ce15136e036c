package dev.gitpypi.core.site;

import dev.gitpypi.core.internal.FileTrees;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The all-or-nothing part of writing a site: a new tree is built in a temporary folder beside the output and
 * swapped in whole with atomic renames, so a failure at any point leaves the previous site as it was.
 */
final class TreeSwap {
    private static final System.Logger LOG = System.getLogger(TreeSwap.class.getName());

    private TreeSwap() {
    }

    /**
     * The previous site in an output folder, after checking that the folder may be replaced.
     *
     * @param out the absolute output folder
     * @return the folder if it holds a site ({@code simple/index.html}); empty if it is absent or empty
     * @throws UnsafeOutputException if it is not a folder, or a folder that holds something other than a site
     */
    static Optional<Path> previousSite(Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeOutputException("output " + Texts.quote(out.toString()) + " exists and is not a folder");
        }
        if (Files.isRegularFile(out.resolve(SiteLayout.ROOT_HTML), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(out);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            if (entries.iterator().hasNext()) {
                throw new UnsafeOutputException("output folder " + Texts.quote(out.toString())
                        + " is not empty and holds no site (no simple/index.html); refusing to replace it");
            }
        }
        return Optional.empty();
    }

    /** A new empty folder beside the output, for the new tree. */
    static Path temporaryFolder(Path out) throws IOException {
        return Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".tmp-");
    }

    /**
     * Swaps the new tree in and deletes the replaced one.
     *
     * @return the number of regular files the replaced tree had (deleted with it)
     */
    static long swap(Path tmp, Path out) throws IOException {
        Path backup = null;
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            backup = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".old-");
            Files.delete(backup);
            Files.move(out, backup, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (backup != null) {
                Files.move(backup, out, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        LOG.log(Level.DEBUG, "swapped in new site at {0} (previous site: {1})", out, backup != null);
        return backup == null ? 0 : deleteTree(backup);
    }

    /** Deletes a tree in one walk, without following links; returns the number of regular files it held. */
    static long deleteTree(Path root) throws IOException {
        return FileTrees.delete(root);
    }
}
