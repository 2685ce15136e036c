package dev.gitpypi.github.internal;

import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.internal.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The answers of earlier builds to REST GET requests, kept on disk so that the next build can ask
 * {@code If-None-Match} and get a free {@code 304 Not Modified} (GitHub: "making a conditional request does not
 * count against your primary rate limit if a 304 response is returned"). One entry per URL and media type: the
 * ETag, the {@code link} header and the body. Entries are not keyed by token: GitHub compares the ETag with the
 * answer it would give this token now, so an entry saved under another token is at worst not matched (a 200).
 * The token itself is never stored. A damaged entry is ignored. Thread-safe (writes go through a temporary file
 * and an atomic move).
 */
final class HttpCache {
    private static final System.Logger LOG = System.getLogger("dev.gitpypi.github.GitHubSource");

    /**
     * A stored answer.
     *
     * @param etag the ETag to send back
     * @param link the {@code link} header, or empty
     * @param body the body
     */
    record Entry(String etag, String link, byte[] body) {
    }

    private final Path dir;

    HttpCache(Path dir) {
        this.dir = dir;
    }

    Optional<Entry> get(String url, String accept) {
        String key = key(url, accept);
        Path meta = dir.resolve(key.substring(0, 2)).resolve(key + ".properties");
        Path body = meta.resolveSibling(key + ".body");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(body)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String etag = p.getProperty("etag");
            byte[] bytes = Files.readAllBytes(body);
            if (etag == null || !Digests.sha256(bytes).equals(p.getProperty("sha256"))) {
                return Optional.empty();
            }
            return Optional.of(new Entry(etag, p.getProperty("link", ""), bytes));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring a damaged cache entry for {0}", Redaction.url(url));
            return Optional.empty();
        }
    }

    void put(String url, String accept, String etag, @Nullable String link, byte[] body) {
        String key = key(url, accept);
        Path folder = dir.resolve(key.substring(0, 2));
        try {
            Files.createDirectories(folder);
            Properties p = new Properties();
            p.setProperty("url", Redaction.url(url));
            p.setProperty("accept", accept);
            p.setProperty("etag", etag);
            p.setProperty("link", link == null ? "" : link);
            p.setProperty("sha256", Digests.sha256(body));
            Snapshots.write(folder.resolve(key + ".body"), body);
            java.io.StringWriter w = new java.io.StringWriter();
            p.store(w, null);
            Snapshots.write(folder.resolve(key + ".properties"), w.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the http cache in {0}: {1}", dir, e.getMessage());
        }
    }

    private static String key(String url, String accept) {
        return Digests.sha256(("GET " + url + "\n" + accept).getBytes(StandardCharsets.UTF_8));
    }
}
