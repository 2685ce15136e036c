package dev.gitpypi.git.internal;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.git.TagPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a Git source was configured with.
 *
 * @param localPath the local repository, or null for a remote one
 * @param remote the remote URL, or null for a local one
 * @param linkStyle {@link LinkStyle#VCS} or {@link LinkStyle#SDIST}
 * @param tagPattern the tags of the root project (and of discovered projects)
 * @param projects configured project folders, empty for the root project only
 * @param discoverProjects whether to find projects by their {@code pyproject.toml}
 * @param cacheDir the cache folder
 * @param sdistDir where sdists are written
 * @param pinCommits whether links use commit ids kept from the first build
 * @param acceptVersionMismatch whether a tag whose static version disagrees is used (with the static version)
 * @param publicUrl the URL written into links, or null to derive it
 * @param maxMetadataBytes the largest metadata file read
 * @param timeout the network time-out
 * @param shallow whether fetches are shallow
 * @param progress hears the reading of the tags
 * @param sshDirectory the ssh folder (keys, config, known_hosts) instead of {@code ~/.ssh}, or null
 */
public record Settings(@Nullable Path localPath, @Nullable RemoteUrl remote, LinkStyle linkStyle,
        TagPattern tagPattern, List<Folder> projects, boolean discoverProjects, Path cacheDir, Path sdistDir,
        boolean pinCommits, boolean acceptVersionMismatch, @Nullable String publicUrl,
        long maxMetadataBytes, Duration timeout, boolean shallow, dev.gitpypi.core.Progress progress,
        @Nullable Path sshDirectory) {
    /**
     * A configured project folder.
     *
     * @param folder the folder, {@code /}-separated, {@code ""} for the root
     * @param tagPattern its tags
     */
    public record Folder(String folder, TagPattern tagPattern) {
    }

    /**
     * Creates settings.
     *
     * @param localPath local
     * @param remote remote
     * @param linkStyle style
     * @param tagPattern pattern
     * @param projects folders
     * @param discoverProjects discover
     * @param cacheDir cache
     * @param sdistDir sdists
     * @param pinCommits pin
     * @param acceptVersionMismatch accept
     * @param publicUrl public URL
     * @param maxMetadataBytes bound
     * @param timeout time-out
     * @param shallow shallow
     * @param progress progress
     * @param sshDirectory ssh folder
     */
    public Settings {
        projects = List.copyOf(projects);
    }
}
