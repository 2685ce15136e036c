package dev.gitpypi.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitpypi.core.internal.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Repository snapshots ({@link RepoData}) and file contents at commits, kept in the cache folder between builds.
 * A commit's files never change, so they are fetched once ever; a snapshot is valid while the repository's
 * {@code pushed_at} is unchanged. Damaged files are ignored (read again). Not thread-safe.
 */
final class Snapshots {
    private static final System.Logger LOG = System.getLogger("dev.gitpypi.github.GitHubSource");

    private final Path repos;
    private final Path files;
    private final String host;

    Snapshots(Path cacheDir, String host) {
        this.repos = cacheDir.resolve("github").resolve("repos-v1");
        this.files = cacheDir.resolve("github").resolve("files-v1");
        this.host = host;
    }

    Optional<RepoData> load(Repo repo) {
        Path f = repoFile(repo);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = GitHubClient.JSON.readTree(f.toFile());
            if (!repo.fullName().equals(n.path("repository").asText())) {
                return Optional.empty();
            }
            List<RepoData.Tag> tags = new ArrayList<>();
            for (JsonNode t : n.path("tags")) {
                tags.add(new RepoData.Tag(t.path("name").asText(), t.path("commit").asText(), text(t, "date")));
            }
            List<RepoData.Release> releases = new ArrayList<>();
            for (JsonNode r : n.path("releases")) {
                releases.add(new RepoData.Release(r.path("tag").asText(), r.path("draft").asBoolean(),
                        r.path("prerelease").asBoolean(), text(r, "published_at")));
            }
            return Optional.of(new RepoData(n.path("pushed_at").asText(), n.path("read_at").asLong(), tags,
                    releases));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring a damaged snapshot of {0}", repo.fullName());
            return Optional.empty();
        }
    }

    void save(Repo repo, RepoData d) {
        ObjectNode n = GitHubClient.JSON.createObjectNode();
        n.put("repository", repo.fullName());
        n.put("pushed_at", d.pushedAt());
        n.put("read_at", d.readAt());
        ArrayNode tags = n.putArray("tags");
        for (RepoData.Tag t : d.tags()) {
            tags.addObject().put("name", t.name()).put("commit", t.commit()).put("date", t.date());
        }
        ArrayNode releases = n.putArray("releases");
        for (RepoData.Release r : d.releases()) {
            releases.addObject().put("tag", r.tag()).put("draft", r.draft()).put("prerelease", r.prerelease())
                    .put("published_at", r.publishedAt());
        }
        try {
            write(repoFile(repo), GitHubClient.JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the snapshot of {0}: {1}", repo.fullName(),
                    e.getMessage());
        }
    }

    /**
     * A file at a commit, as cached.
     *
     * @return empty when not cached; a present empty optional when the commit has no such file
     */
    Optional<Optional<byte[]>> file(String commit, String path) {
        Path f = fileFile(commit, path);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            byte[] b = Files.readAllBytes(f);
            if (b.length == 0) {
                return Optional.empty();
            }
            return Optional.of(b[0] == 'A' ? Optional.empty() : Optional.of(java.util.Arrays.copyOfRange(b, 1,
                    b.length)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void putFile(String commit, String path, @Nullable byte[] bytes) {
        byte[] stored;
        if (bytes == null) {
            stored = new byte[] {'A'};
        } else {
            stored = new byte[bytes.length + 1];
            stored[0] = 'F';
            System.arraycopy(bytes, 0, stored, 1, bytes.length);
        }
        try {
            write(fileFile(commit, path), stored);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cache a file of commit {0}: {1}", commit, e.getMessage());
        }
    }

    private Path repoFile(Repo repo) {
        String key = Digests.sha256((host + "\0" + repo.fullName()).getBytes(StandardCharsets.UTF_8));
        return repos.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    private Path fileFile(String commit, String path) {
        String key = Digests.sha256((commit + "\0" + path).getBytes(StandardCharsets.UTF_8));
        return files.resolve(key.substring(0, 2)).resolve(key);
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Writes a cache file whole: a temporary file beside it, then a move (atomic where the file system can). */
    static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
