package dev.gitpypi.git.internal;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.Version;
import dev.gitpypi.git.TagPattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param projectName the name of the project(s) when the metadata at a tag does not say, or null
 * @param cacheDir the cache folder
 * @param sdistDir where sdists are written
 * @param pinCommits whether links use commit ids kept from the first build
 * @param allowVersionMismatch whether a tag whose static version disagrees is used (with the static version)
 * @param linkUrl the URL written into links, or null to derive it
 * @param maxMetadataBytes the largest metadata file read
 * @param timeout the network time-out
 * @param shallow whether fetches are shallow
 * @param progress hears the reading of the tags
 * @param sshDirectory the ssh folder (keys, config, known_hosts) instead of {@code ~/.ssh}, or null
 * @param yanked normalized project name to (version to reason) of releases to mark yanked (PEP 592)
 * @param build how to ask a project's build backend for metadata, or null to never run project code
 */
public record Settings(@Nullable Path localPath, @Nullable RemoteUrl remote, LinkStyle linkStyle,
        TagPattern tagPattern, List<Folder> projects, boolean discoverProjects, @Nullable String projectName,
        Path cacheDir, Path sdistDir, boolean pinCommits, boolean allowVersionMismatch, @Nullable String linkUrl,
        long maxMetadataBytes, Duration timeout, boolean shallow, Progress progress, @Nullable Path sshDirectory,
        Map<String, Map<Version, String>> yanked, @Nullable BuildBackendSettings build) {
    /**
     * A configured project folder.
     *
     * @param folder the folder, {@code /}-separated, {@code ""} for the root
     * @param tagPattern its tags
     * @param name its project name when the metadata at a tag does not say, or null
     */
    public record Folder(String folder, TagPattern tagPattern, @Nullable String name) {
    }

    /**
     * How metadata is asked of a project's own build backend ({@code --metadata-from-build}).
     *
     * @param python the Python interpreter to run
     * @param timeout the longest one backend call may take
     */
    public record BuildBackendSettings(String python, Duration timeout) {
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
     * @param projectName name
     * @param cacheDir cache
     * @param sdistDir sdists
     * @param pinCommits pin
     * @param allowVersionMismatch accept
     * @param linkUrl link URL
     * @param maxMetadataBytes bound
     * @param timeout time-out
     * @param shallow shallow
     * @param progress progress
     * @param sshDirectory ssh folder
     * @param yanked yanked releases
     * @param build build backend settings
     */
    public Settings {
        projects = List.copyOf(projects);
        Map<String, Map<Version, String>> copy = new LinkedHashMap<>();
        yanked.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        yanked = Map.copyOf(copy);
    }
}
