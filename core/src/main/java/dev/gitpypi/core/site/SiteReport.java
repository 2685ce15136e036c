package dev.gitpypi.core.site;

import java.nio.file.Path;

/**
 * What one {@link SiteWriter#write} did.
 *
 * @param output the site folder
 * @param projects the number of projects in the site
 * @param filesWritten files whose bytes are new or changed (written)
 * @param filesUnchanged files whose bytes equal those of the previous site (kept, not rewritten)
 * @param filesDeleted files of the previous site that the new site no longer has
 */
public record SiteReport(Path output, int projects, long filesWritten, long filesUnchanged, long filesDeleted) {
    /** @return the number of files in the site */
    public long files() {
        return filesWritten + filesUnchanged;
    }

    /** @return true if the rebuild changed nothing */
    public boolean unchanged() {
        return filesWritten == 0 && filesDeleted == 0;
    }
}
