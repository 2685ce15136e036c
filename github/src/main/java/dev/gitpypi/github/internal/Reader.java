package dev.gitpypi.github.internal;

import dev.gitpypi.core.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reads repositories' tags, releases and files at commits, through GraphQL or REST. */
interface Reader {
    /**
     * A file wanted at a commit of a repository.
     *
     * @param repo the repository
     * @param commit the commit id
     * @param path the path in the tree
     */
    record FileKey(Repo repo, String commit, String path) {
    }

    /**
     * Reads tags and releases of repositories.
     *
     * @param repos the repositories
     * @param withFiles whether to also fetch the metadata files at every tag (into the snapshots' files) where that is free
     * @param problems where repository-level problems go
     * @param description the source's description, for problem locations
     * @return the data by {@code owner/name}; a repository that vanished is missing, with a problem
     * @throws IOException if GitHub cannot be read
     */
    Map<String, RepoData> read(List<Repo> repos, boolean withFiles, List<Problem> problems, String description)
            throws IOException;

    /**
     * Fetches files into the snapshots' file cache (absent files are cached as absent).
     *
     * @param keys the files
     * @throws IOException if GitHub cannot be read
     */
    void fetchFiles(List<FileKey> keys) throws IOException;
}
