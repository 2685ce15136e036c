package dev.gitpypi.git.internal;

import dev.gitpypi.git.internal.metadata.MetadataException;
import dev.gitpypi.git.internal.metadata.TreeFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one project folder at one commit, for the metadata reader: reads are bounded by the metadata size
 * limit; the listing holds the paths an sdist of the folder would hold (safe paths, not {@code export-ignore}d).
 * Not thread-safe.
 */
final class GitTreeFiles implements TreeFiles {
    private final GitRepository repo;
    private final String commitId;
    private final String folder;
    private final long maxBytes;
    private List<String> listing;

    GitTreeFiles(GitRepository repo, String commitId, String folder, long maxBytes) {
        this.repo = repo;
        this.commitId = commitId;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException, MetadataException {
        if (TreePaths.unsafe(path).isPresent()) {
            return Optional.empty();
        }
        return repo.read(commitId, folder.isEmpty() ? path : folder + "/" + path, maxBytes);
    }

    @Override
    public Optional<List<String>> list() throws IOException {
        if (listing == null) {
            List<String> paths = new ArrayList<>();
            for (GitRepository.Entry e : repo.archiveFiles(commitId, folder, SdistWriter.MAX_ATTRIBUTES_BYTES,
                    warning -> { })) {
                if (e.kind() != GitRepository.EntryKind.SUBMODULE && TreePaths.unsafe(e.path()).isEmpty()) {
                    paths.add(e.path());
                }
            }
            listing = List.copyOf(paths);
        }
        return Optional.of(listing);
    }
}
