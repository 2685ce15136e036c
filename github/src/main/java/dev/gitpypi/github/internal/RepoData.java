package dev.gitpypi.github.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one repository's tags and releases are, as read at one time: kept between builds and re-read only when the
 * repository's listing shows a push (or the snapshot is older than the source allows).
 *
 * @param pushedAt the repository's {@code pushed_at} when this was read
 * @param readAt when it was read, in epoch seconds
 * @param tags the tags
 * @param releases the releases, drafts included (the assembly skips them)
 */
record RepoData(String pushedAt, long readAt, List<Tag> tags, List<Release> releases) {
    RepoData {
        tags = List.copyOf(tags);
        releases = List.copyOf(releases);
    }

    /**
     * A tag.
     *
     * @param name the tag name
     * @param commit the commit it points to (peeled through an annotated tag)
     * @param date the tagger's date of an annotated tag, else the commit date; null when unknown (REST)
     */
    record Tag(String name, String commit, @Nullable String date) {
    }

    /**
     * A release.
     *
     * @param tag the tag name
     * @param draft whether it is a draft
     * @param prerelease whether GitHub marks it a pre-release
     * @param publishedAt when it was published, or null
     */
    record Release(String tag, boolean draft, boolean prerelease, @Nullable String publishedAt) {
    }
}
