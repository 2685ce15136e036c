package dev.gitpypi.core.site;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Receives the folders and files of a site as a {@link SiteBuild} makes them, each path relative to the site folder
 * ({@link SiteLayout}). Two kinds exist: a {@link TreeWriter} that writes a new tree, and a {@link Comparer} that
 * only compares with the previous site. Calls for different projects may come from different threads at once,
 * unless the sink {@linkplain #inOrder() asks for them in order}; a folder is announced before the files in it, and
 * {@code files/} once per project that hosts files (the sink creates it once).
 */
interface SiteSink {
    /** A folder of the site. */
    void folder(String rel) throws IOException;

    /** A file of the site with these bytes. */
    void file(String rel, byte[] bytes) throws IOException;

    /** A file of the site with the bytes of {@code source} (a hosted distribution). */
    void copy(String rel, Path source) throws IOException;

    /**
     * Whether the sink wants every call from one thread, in the site's order: a writer does, because creating
     * entries in one folder from several threads makes them wait for each other in the kernel; the pages are still
     * rendered in parallel, and their writes replayed in order.
     */
    default boolean inOrder() {
        return false;
    }

    /** Whether the sink needs no more files: a comparer that has found a difference. */
    default boolean finished() {
        return false;
    }
}
