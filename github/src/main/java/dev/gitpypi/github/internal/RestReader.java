package dev.gitpypi.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tags, releases and files through REST only (no token, or GraphQL switched off): {@code /repos/O/R/tags} and
 * {@code /repos/O/R/releases}, 100 to a page, conditional; each file at a commit is one
 * {@code /repos/O/R/contents/PATH?ref=COMMIT} request (kept forever afterwards). REST tags carry no dates.
 */
final class RestReader implements Reader {
    private final Settings s;
    private final GitHubClient client;
    private final Snapshots snapshots;

    RestReader(Settings s, GitHubClient client, Snapshots snapshots) {
        this.s = s;
        this.client = client;
        this.snapshots = snapshots;
    }

    @Override
    public Map<String, RepoData> read(List<Repo> repos, boolean withFiles, List<Problem> problems,
            String description) throws IOException {
        Map<String, RepoData> out = new LinkedHashMap<>();
        long now = s.clock().instant().getEpochSecond();
        for (Repo repo : repos) {
            boolean[] unchanged = {true};
            Optional<List<JsonNode>> tags = client.getAll("/repos/" + repo.fullName() + "/tags?per_page=100",
                    unchanged);
            Optional<List<JsonNode>> releases = tags.isEmpty() ? Optional.empty()
                    : client.getAll("/repos/" + repo.fullName() + "/releases?per_page=100", unchanged);
            if (tags.isEmpty() || releases.isEmpty()) {
                problems.add(Problem.warning(description, "repository " + Texts.quote(repo.fullName())
                        + " was listed but github no longer finds it; skipped"));
                continue;
            }
            List<RepoData.Tag> t = new ArrayList<>();
            for (JsonNode n : tags.get()) {
                String name = n.path("name").asText("");
                String sha = n.path("commit").path("sha").asText("");
                if (!name.isEmpty() && !sha.isEmpty()) {
                    t.add(new RepoData.Tag(name, sha, null));
                }
            }
            out.put(repo.fullName(), new RepoData(repo.pushedAt(), now, t, releases(releases.get())));
        }
        return out;
    }

    static List<RepoData.Release> releases(List<JsonNode> items) {
        List<RepoData.Release> r = new ArrayList<>();
        for (JsonNode n : items) {
            String tag = n.path("tag_name").asText("");
            if (!tag.isEmpty()) {
                JsonNode pub = n.path("published_at");
                r.add(new RepoData.Release(tag, n.path("draft").asBoolean(false), n.path("prerelease").asBoolean(false),
                        pub.isTextual() ? pub.asText() : null));
            }
        }
        return r;
    }

    @Override
    public void fetchFiles(List<FileKey> keys) throws IOException {
        for (FileKey k : keys) {
            Optional<byte[]> b = client.rawFile(k.repo().fullName(), k.path(), k.commit(), s.maxMetadataBytes());
            snapshots.putFile(k.commit(), k.path(), b.orElse(null));
        }
    }
}
