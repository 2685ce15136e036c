package dev.gitpypi.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.github.GitHubApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tags, releases and files of many repositories per GraphQL request, sized by GitHub's documented cost formula
 * (each connection costs the product of the page sizes above it; the sum over the query, divided by 100 and
 * rounded, is the query's points, at least 1). One repository alias asks for {@code refs(first: 100)} and
 * {@code releases(first: 100)}: 2 requests, so up to 74 repositories fit in one query of 1 point, and the
 * {@code pyproject.toml}, {@code setup.cfg} and {@code setup.py} of every tag come with it for nothing
 * ({@code Commit.file} is not a connection). Pages
 * beyond the first are asked for in the same way, only for the repositories that have more. Files the metadata
 * reader asks for later come as {@code object(expression: "COMMIT:PATH")} aliases, 200 to a query of 1 point.
 * A query that GitHub cannot answer in time (502, 504) is split in two and retried.
 */
final class GraphQlReader implements Reader {
    /** The cost target of one query: at most 149 requests round to 1 point. */
    static final int MAX_REQUESTS_PER_QUERY = 149;
    static final int MAX_ALIASES = 100;
    static final int MAX_FILES_PER_QUERY = 200;
    private static final String BLOB = "... on Blob { text isBinary isTruncated byteSize }";
    /**
     * The files asked for at every tag, by alias: the three the metadata reader reads first. {@code Commit.file} is
     * not a connection, so they cost no points; a file that is not there costs nothing but a {@code null}.
     */
    private static final Map<String, String> PREFETCHED = new LinkedHashMap<>();

    static {
        PREFETCHED.put("pyproject", "pyproject.toml");
        PREFETCHED.put("setupCfg", "setup.cfg");
        PREFETCHED.put("setupPy", "setup.py");
    }

    private final Settings s;
    private final GitHubClient client;
    private final Snapshots snapshots;

    GraphQlReader(Settings s, GitHubClient client, Snapshots snapshots) {
        this.s = s;
        this.client = client;
        this.snapshots = snapshots;
    }

    /** One repository being read: cursors and what has come so far. */
    private static final class Pending {
        final Repo repo;
        @Nullable String tagsCursor;
        boolean tagsDone;
        @Nullable String releasesCursor;
        boolean releasesDone;
        final List<RepoData.Tag> tags = new ArrayList<>();
        final List<RepoData.Release> releases = new ArrayList<>();
        boolean gone;

        Pending(Repo repo) {
            this.repo = repo;
        }

        int requests() {
            return (tagsDone ? 0 : 1) + (releasesDone ? 0 : 1);
        }
    }

    @Override
    public Map<String, RepoData> read(List<Repo> repos, boolean withFiles, List<Problem> problems,
            String description) throws IOException {
        List<Pending> all = new ArrayList<>();
        for (Repo r : repos) {
            all.add(new Pending(r));
        }
        while (true) {
            List<Pending> todo = all.stream().filter(p -> !p.gone && p.requests() > 0).toList();
            if (todo.isEmpty()) {
                break;
            }
            List<Pending> batch = new ArrayList<>();
            int requests = 0;
            for (Pending p : todo) {
                if (!batch.isEmpty() && (requests + p.requests() > MAX_REQUESTS_PER_QUERY
                        || batch.size() >= MAX_ALIASES)) {
                    run(batch, withFiles, problems, description);
                    batch = new ArrayList<>();
                    requests = 0;
                }
                batch.add(p);
                requests += p.requests();
            }
            run(batch, withFiles, problems, description);
        }
        Map<String, RepoData> out = new LinkedHashMap<>();
        long now = s.clock().instant().getEpochSecond();
        for (Pending p : all) {
            if (!p.gone) {
                out.put(p.repo.fullName(), new RepoData(p.repo.pushedAt(), now, p.tags, p.releases));
            }
        }
        return out;
    }

    private void run(List<Pending> batch, boolean withFiles, List<Problem> problems, String description)
            throws IOException {
        StringBuilder vars = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Map<String, Object> values = new LinkedHashMap<>();
        boolean anyTags = false;
        boolean anyReleases = false;
        int requests = 0;
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            requests += p.requests();
            vars.append(i == 0 ? "" : ", ").append("$o").append(i).append(": String!, $n").append(i)
                    .append(": String!");
            values.put("o" + i, p.repo.owner());
            values.put("n" + i, p.repo.name());
            body.append("  r").append(i).append(": repository(owner: $o").append(i).append(", name: $n").append(i)
                    .append(") {\n");
            if (!p.tagsDone) {
                anyTags = true;
                vars.append(", $t").append(i).append(": String");
                values.put("t" + i, p.tagsCursor);
                body.append("    refs(refPrefix: \"refs/tags/\", first: 100, after: $t").append(i)
                        .append(", orderBy: {field: ALPHABETICAL, direction: ASC}) { ...Tags }\n");
            }
            if (!p.releasesDone) {
                anyReleases = true;
                vars.append(", $d").append(i).append(": String");
                values.put("d" + i, p.releasesCursor);
                body.append("    releases(first: 100, after: $d").append(i)
                        .append(", orderBy: {field: CREATED_AT, direction: DESC}) { ...Releases }\n");
            }
            body.append("  }\n");
        }
        StringBuilder q = new StringBuilder("query GitpypiRepositories(").append(vars).append(") {\n")
                .append("  rateLimit { cost remaining resetAt }\n").append(body).append("}\n");
        if (anyTags) {
            q.append("fragment Tags on RefConnection { pageInfo { hasNextPage endCursor } nodes { name target {"
                    + " __typename oid ...Peeled ... on Tag { tagger { date } target { __typename oid ...Peeled } }"
                    + " } } }\n");
            q.append("fragment Peeled on GitObject { ... on Commit { committedDate");
            if (withFiles) {
                for (Map.Entry<String, String> f : PREFETCHED.entrySet()) {
                    q.append(' ').append(f.getKey()).append(": file(path: \"").append(f.getValue())
                            .append("\") { object { ").append(BLOB).append(" } }");
                }
            }
            q.append(" } }\n");
        }
        if (anyReleases) {
            q.append("fragment Releases on ReleaseConnection { pageInfo { hasNextPage endCursor } nodes { tagName"
                    + " isDraft isPrerelease publishedAt } }\n");
        }
        GitHubClient.GraphQlAnswer a;
        try {
            a = client.graphql(q.toString(), values, Math.max(1, (int) Math.round(requests / 100.0)));
        } catch (GitHubApiException e) {
            if (batch.size() > 1 && isTooSlow(e)) {
                run(new ArrayList<>(batch.subList(0, batch.size() / 2)), withFiles, problems, description);
                run(new ArrayList<>(batch.subList(batch.size() / 2, batch.size())), withFiles, problems,
                        description);
                return;
            }
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            JsonNode r = a.data().path("r" + i);
            if (r.isMissingNode() || r.isNull()) {
                p.gone = true;
                problems.add(Problem.warning(description, "repository " + Texts.quote(p.repo.fullName())
                        + " was listed but github no longer finds it; skipped"));
                continue;
            }
            if (!p.tagsDone) {
                JsonNode refs = r.path("refs");
                for (JsonNode n : refs.path("nodes")) {
                    tag(p, n, problems, description);
                }
                p.tagsCursor = refs.path("pageInfo").path("endCursor").asText(null);
                p.tagsDone = !refs.path("pageInfo").path("hasNextPage").asBoolean(false) || p.tagsCursor == null;
            }
            if (!p.releasesDone) {
                JsonNode rels = r.path("releases");
                for (JsonNode n : rels.path("nodes")) {
                    String tag = n.path("tagName").asText("");
                    if (!tag.isEmpty()) {
                        JsonNode pub = n.path("publishedAt");
                        p.releases.add(new RepoData.Release(tag, n.path("isDraft").asBoolean(false),
                                n.path("isPrerelease").asBoolean(false), pub.isTextual() ? pub.asText() : null));
                    }
                }
                p.releasesCursor = rels.path("pageInfo").path("endCursor").asText(null);
                p.releasesDone = !rels.path("pageInfo").path("hasNextPage").asBoolean(false)
                        || p.releasesCursor == null;
            }
        }
    }

    private void tag(Pending p, JsonNode n, List<Problem> problems, String description) {
        String name = n.path("name").asText("");
        JsonNode target = n.path("target");
        String date = null;
        if (target.path("__typename").asText().equals("Tag")) {
            date = textOrNull(target.path("tagger").path("date"));
            target = target.path("target");
        }
        if (!target.path("__typename").asText().equals("Commit")) {
            problems.add(Problem.warning(description + " tag " + Texts.quote(name), "the tag points to a "
                    + target.path("__typename").asText("missing object").toLowerCase(java.util.Locale.ROOT)
                    + ", not a commit; skipped"));
            return;
        }
        String commit = target.path("oid").asText("");
        if (name.isEmpty() || commit.isEmpty()) {
            return;
        }
        p.tags.add(new RepoData.Tag(name, commit, date != null ? date : textOrNull(target.path("committedDate"))));
        for (Map.Entry<String, String> f : PREFETCHED.entrySet()) {
            JsonNode file = target.path(f.getKey());
            if (file.isNull()) {
                snapshots.putFile(commit, f.getValue(), null);
            } else if (!file.isMissingNode()) {
                blob(commit, f.getValue(), file.path("object"));
            }
        }
    }

    /** Caches a blob's text; a binary or truncated blob is left for the REST fallback. */
    private boolean blob(String commit, String path, JsonNode blob) {
        if (blob.isNull() || blob.isMissingNode()) {
            snapshots.putFile(commit, path, null);
            return true;
        }
        if (blob.path("isBinary").asBoolean(false) || blob.path("isTruncated").asBoolean(false)
                || !blob.path("text").isTextual()) {
            return false;
        }
        snapshots.putFile(commit, path, blob.path("text").asText().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    @Override
    public void fetchFiles(List<FileKey> keys) throws IOException {
        List<FileKey> fallback = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_FILES_PER_QUERY) {
            List<FileKey> batch = keys.subList(from, Math.min(keys.size(), from + MAX_FILES_PER_QUERY));
            Map<String, List<Integer>> byRepo = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                byRepo.computeIfAbsent(batch.get(i).repo().fullName(), k -> new ArrayList<>()).add(i);
            }
            StringBuilder vars = new StringBuilder();
            StringBuilder body = new StringBuilder();
            Map<String, Object> values = new LinkedHashMap<>();
            int r = 0;
            for (List<Integer> idx : byRepo.values()) {
                Repo repo = batch.get(idx.get(0)).repo();
                vars.append(r == 0 ? "" : ", ").append("$o").append(r).append(": String!, $n").append(r)
                        .append(": String!");
                values.put("o" + r, repo.owner());
                values.put("n" + r, repo.name());
                body.append("  r").append(r).append(": repository(owner: $o").append(r).append(", name: $n")
                        .append(r).append(") {");
                for (int i : idx) {
                    vars.append(", $e").append(i).append(": String!");
                    values.put("e" + i, batch.get(i).commit() + ":" + batch.get(i).path());
                    body.append(" f").append(i).append(": object(expression: $e").append(i).append(") { ")
                            .append(BLOB).append(" }");
                }
                body.append(" }\n");
                r++;
            }
            String q = "query GitpypiFiles(" + vars + ") {\n  rateLimit { cost remaining resetAt }\n" + body + "}\n";
            GitHubClient.GraphQlAnswer a = client.graphql(q, values, 1);
            r = 0;
            for (List<Integer> idx : byRepo.values()) {
                JsonNode repoNode = a.data().path("r" + r++);
                for (int i : idx) {
                    FileKey k = batch.get(i);
                    if (repoNode.isNull() || repoNode.isMissingNode()) {
                        snapshots.putFile(k.commit(), k.path(), null);
                    } else if (!blob(k.commit(), k.path(), repoNode.path("f" + i))) {
                        fallback.add(k);
                    }
                }
            }
        }
        for (FileKey k : fallback) {
            Optional<byte[]> b = client.rawFile(k.repo().fullName(), k.path(), k.commit(), s.maxMetadataBytes());
            snapshots.putFile(k.commit(), k.path(), b.orElse(null));
        }
    }

    private static boolean isTooSlow(GitHubApiException e) {
        return e.statusCode() == 502 || e.statusCode() == 504 || e.statusCode() == 0;
    }

    private static @Nullable String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
