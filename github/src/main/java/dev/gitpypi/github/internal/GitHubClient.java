package dev.gitpypi.github.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.github.GitHubApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's REST and GraphQL APIs over {@code java.net.http}, as GitHub's best practices ask: one request at a time;
 * {@code User-Agent}, {@code Accept: application/vnd.github+json} and {@code X-GitHub-Api-Version: 2022-11-28} on
 * every request; the token ({@code Authorization: Bearer}) sent only to the API's own origin; conditional GETs from
 * the {@link HttpCache} (a 304 is free); {@code link} pagination followed to the end, never truncated silently.
 *
 * <p>Failures: 5xx answers, time-outs, refused connections and malformed JSON are retried with exponential backoff
 * (1 s, 2 s, 4 s, … through the {@link dev.gitpypi.github.Sleeper}); the primary rate limit (403/429 with
 * {@code x-ratelimit-remaining: 0}, or a GraphQL {@code RATE_LIMITED} error) waits until {@code x-ratelimit-reset};
 * a secondary limit waits {@code retry-after} seconds, or, when only the body says so, a minute and then twice as
 * long each time. A wait longer than the allowed maximum, or more retries than allowed, ends in a
 * {@link GitHubApiException} whose message says what happened and when to try again. Messages never hold the token:
 * they name the request by its path and pass GitHub's text through {@link Redaction#text}.
 *
 * <p>One instance per read; not thread-safe.
 */
public final class GitHubClient {
    private static final System.Logger LOG = System.getLogger("dev.gitpypi.github.GitHubSource");
    /** The REST API version this client was written against (GitHub docs, "API versions"). */
    public static final String API_VERSION = "2022-11-28";
    private static final String JSON_TYPE = "application/vnd.github+json";
    private static final int MAX_JSON_BYTES = 64 << 20;
    private static final int MAX_PAGES = 2_000;
    private static final int MAX_RATE_WAITS = 5;
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\",]+)\"?");
    private static final Pattern SECONDARY = Pattern.compile("(?i)\\bsecondary rate\\b|\\babuse\\b");
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One REST answer.
     *
     * @param status the HTTP status (200, or 304 when the cached body was used, or 404)
     * @param body the JSON body (for 404, GitHub's error document)
     * @param link the {@code link} header, or empty
     */
    public record Answer(int status, JsonNode body, String link) {
        /** @return whether GitHub said nothing changed since the cached answer */
        public boolean notModified() {
            return status == 304;
        }
    }

    /**
     * A GraphQL answer: the data and the aliases GitHub could not resolve ({@code NOT_FOUND}).
     *
     * @param data the {@code data} object
     * @param notFound the paths of {@code NOT_FOUND} errors, such as {@code r3}
     */
    public record GraphQlAnswer(JsonNode data, List<String> notFound) {
    }

    private final Settings s;
    private final Usage usage;
    private final HttpCache cache;
    private final HttpClient http;
    private final @Nullable String token;
    private final String userAgent;

    /**
     * Creates a client.
     *
     * @param settings the source's settings
     * @param usage where to count requests and points
     */
    public GitHubClient(Settings settings, Usage usage) {
        this.s = settings;
        this.usage = usage;
        this.cache = new HttpCache(settings.cacheDir().resolve("github").resolve("http-v1"));
        HttpClient given = settings.httpClient();
        this.http = given != null ? given : HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.token = checkedToken(settings.token().get());
        String v = GitHubClient.class.getPackage().getImplementationVersion();
        this.userAgent = "gitpypi/" + (v == null ? "dev" : v) + " (java.net.http)";
    }

    private static @Nullable String checkedToken(@Nullable String t) {
        if (t == null || t.isBlank()) {
            return null;
        }
        String token = t.strip();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("the github token has a character a token cannot have (a space,"
                        + " a control character or a non-ascii letter at position " + (i + 1) + ")");
            }
        }
        return token;
    }

    /** @return whether a token was given (GraphQL needs one) */
    public boolean hasToken() {
        return token != null;
    }

    /** @return the token, for cloning over HTTPS; null if none */
    @Nullable String token() {
        return token;
    }

    // ---- REST

    /**
     * A REST GET, conditional on an earlier answer to the same URL.
     *
     * @param pathOrUrl a path below the API base ({@code /orgs/acme/repos?per_page=100}) or an absolute URL on the
     *                  API's origin (a {@code link} URL)
     * @return the answer: 200 or 304 with the body, or 404 with GitHub's error document
     * @throws GitHubApiException if GitHub cannot answer (after retries and bounded waits) or refuses
     * @throws IOException if interrupted
     */
    public Answer get(String pathOrUrl) throws IOException {
        URI uri = resolve(pathOrUrl);
        String what = "GET " + shown(uri);
        String url = uri.toString();
        Optional<HttpCache.Entry> cached = cache.get(url, JSON_TYPE);
        for (int malformed = 0; ; malformed++) {
            HttpResponse<byte[]> r = send(() -> {
                HttpRequest.Builder b = request(uri).header("Accept", JSON_TYPE).GET();
                cached.ifPresent(e -> b.header("If-None-Match", e.etag()));
                return b;
            }, what, true);
            int status = r.statusCode();
            if (status == 304 && cached.isPresent()) {
                usage.notModified();
                return new Answer(304, parse(cached.get().body(), what), cached.get().link());
            }
            if (status == 404) {
                return new Answer(404, parseOrEmpty(r.body()), "");
            }
            if (status != 200) {
                throw refused(r, what);
            }
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (JacksonException e) {
                if (malformed < s.retries()) {
                    backoff(malformed + 1, what + " answered malformed json");
                    continue;
                }
                throw new GitHubApiException("github answered " + what + " with malformed json " + (malformed + 1)
                        + " times (" + Redaction.text(Texts.quote(String.valueOf(e.getOriginalMessage()))) + ")",
                        200, null);
            }
            if (body == null || body.isMissingNode()) {
                throw new GitHubApiException("github answered " + what + " with an empty body", 200, null);
            }
            String link = r.headers().firstValue("link").orElse("");
            r.headers().firstValue("etag").ifPresent(etag -> cache.put(url, JSON_TYPE, etag, link, r.body()));
            return new Answer(200, body, link);
        }
    }

    /**
     * Every page of a REST list, following {@code link: rel="next"} to the end.
     *
     * @param path the first page's path, with {@code per_page=100}
     * @param unchanged set to false when any page was not a 304 (pass an array of one {@code true})
     * @return the items of every page, in order; empty for a 404 on the first page
     * @throws GitHubApiException if a page cannot be read, a page is not a list, a {@code next} link leaves the API,
     *                            or there are more pages than the bound (never a silently shortened list)
     * @throws IOException if interrupted
     */
    public Optional<List<JsonNode>> getAll(String path, boolean[] unchanged) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) {
                throw new GitHubApiException("github lists more than " + MAX_PAGES + " pages for GET "
                        + shown(resolve(path)) + "; refusing to read a list that long", 200, null);
            }
            Answer a = get(next);
            if (a.status() == 404) {
                if (page == 1) {
                    return Optional.empty();
                }
                throw new GitHubApiException("github lost page " + page + " of GET " + shown(resolve(path))
                        + " while it was being read (404); try again", 404, null);
            }
            if (!a.notModified()) {
                unchanged[0] = false;
            }
            if (!a.body().isArray()) {
                throw new GitHubApiException("github answered GET " + shown(resolve(next))
                        + " with json that is not a list", a.status(), null);
            }
            a.body().forEach(items::add);
            next = nextLink(a.link());
            if (next != null && !underApi(URI.create(next))) {
                throw new GitHubApiException("github's link header points outside the api ("
                        + Texts.quote(Redaction.url(next)) + "); not followed", a.status(), null);
            }
        }
        return Optional.of(items);
    }

    static @Nullable String nextLink(String header) {
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if (m.group(2).strip().equalsIgnoreCase("next")) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * A file at a commit, raw ({@code GET /repos/O/R/contents/PATH?ref=SHA}, {@code Accept:
     * application/vnd.github.raw+json}). Not cached here: file contents at a commit never change, so callers keep
     * them.
     *
     * @param repo {@code owner/name}
     * @param path the file's path in the repository
     * @param ref a commit id
     * @param maxBytes a bound: a larger file is returned cut to {@code maxBytes + 1} bytes
     * @return the bytes, or empty when there is no such file
     * @throws IOException if GitHub cannot answer
     */
    public Optional<byte[]> rawFile(String repo, String path, String ref, long maxBytes) throws IOException {
        URI uri = resolve("/repos/" + repo + "/contents/" + encodePath(path) + "?ref=" + encode(ref));
        String what = "GET " + shown(uri);
        HttpResponse<byte[]> r = send(() -> request(uri).header("Accept", "application/vnd.github.raw+json").GET(),
                what, true);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw refused(r, what);
        }
        byte[] b = r.body();
        return Optional.of(b.length > maxBytes ? java.util.Arrays.copyOf(b, (int) maxBytes + 1) : b);
    }

    // ---- GraphQL

    /**
     * A GraphQL query.
     *
     * @param query the query text (with {@code rateLimit { cost }} so the points spent are known)
     * @param variables its variables
     * @param estimate the points GitHub's formula gives, counted when the answer does not state its cost
     * @return the data and the aliases GitHub could not resolve
     * @throws GitHubApiException on an {@code errors} array (other than {@code NOT_FOUND}), after bounded waits for
     *                            {@code RATE_LIMITED}, or when GitHub cannot answer
     * @throws IOException if interrupted
     */
    public GraphQlAnswer graphql(String query, Map<String, Object> variables, int estimate) throws IOException {
        if (token == null) {
            throw new GitHubApiException("github's graphql api needs a token (set GITHUB_TOKEN or GH_TOKEN)", 401,
                    null);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", query);
        payload.put("variables", variables);
        byte[] bytes = JSON.writeValueAsBytes(payload);
        URI uri = s.graphqlUrl();
        String what = "POST " + shown(uri);
        int rateWaits = 0;
        for (int malformed = 0; ; ) {
            HttpResponse<byte[]> r = send(() -> request(uri).header("Accept", "application/json")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                    what, false);
            if (r.statusCode() != 200) {
                throw refused(r, what);
            }
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (JacksonException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                if (malformed++ < s.retries()) {
                    backoff(malformed, what + " answered malformed json");
                    continue;
                }
                throw new GitHubApiException("github answered " + what + " with malformed json " + malformed
                        + " times", 200, null);
            }
            JsonNode errors = body.path("errors");
            List<String> notFound = new ArrayList<>();
            List<String> other = new ArrayList<>();
            boolean rateLimited = false;
            for (JsonNode e : errors) {
                String type = e.path("type").asText("");
                if (type.equals("RATE_LIMITED")) {
                    rateLimited = true;
                } else if (type.equals("NOT_FOUND") && e.path("path").size() > 0) {
                    notFound.add(e.path("path").get(0).asText());
                } else {
                    other.add((type.isEmpty() ? "" : type + ": ") + e.path("message").asText("no message"));
                }
            }
            if (rateLimited) {
                Instant reset = resetTime(r).orElse(s.clock().instant().plusSeconds(60));
                Duration wait = untilReset(reset);
                rateWait(wait, rateWaits++, "github's graphql rate limit is exhausted", reset, 200);
                continue;
            }
            JsonNode cost = body.path("data").path("rateLimit").path("cost");
            usage.graphqlPoints(cost.isNumber() ? cost.asLong() : estimate);
            if (!other.isEmpty() || !body.path("data").isObject()) {
                throw new GitHubApiException("github's graphql api answered with errors: "
                        + Redaction.text(Texts.quote(String.join("; ", other.isEmpty() ? List.of("no data") : other)
                                .lines().findFirst().orElse(""))), 200, null);
            }
            return new GraphQlAnswer(body.path("data"), notFound);
        }
    }

    // ---- downloads

    /**
     * Downloads a release asset to a file, hashing it on the way. A URL on the API's origin (an asset's API
     * {@code url}) is asked for {@code application/octet-stream} with the token; GitHub answers with the bytes or
     * a redirect to a short-lived signed storage URL, which is followed without the token (the storage refuses a
     * second credential, and the token must not leave GitHub). Other URLs (a public asset's browser URL) get no
     * token.
     *
     * @param url where the bytes are
     * @param target the file to write (replaced)
     * @param maxBytes a bound on the size
     * @return the sha256 of the bytes, lower-case hex
     * @throws IOException if the download fails or is larger than the bound
     */
    public String download(URI url, Path target, long maxBytes) throws IOException {
        URI current = url;
        String what = "download " + shown(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI u = current;
            boolean api = underApi(u);
            HttpRequest.Builder b = (api ? request(u) : HttpRequest.newBuilder(u).timeout(s.timeout())
                    .header("User-Agent", userAgent)).header("Accept", "application/octet-stream").GET();
            HttpResponse<InputStream> r;
            try {
                if (api) {
                    usage.request();
                }
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(what + " interrupted");
            } catch (IOException e) {
                throw new IOException("cannot " + what + ": " + describe(e));
            }
            if (api) {
                usage.restPoint();
            }
            int status = r.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                r.body().close();
                Optional<String> location = r.headers().firstValue("location");
                if (location.isEmpty()) {
                    throw new IOException(what + ": redirect without a location");
                }
                current = u.resolve(location.get());
                continue;
            }
            try (InputStream in = r.body()) {
                if (status != 200) {
                    throw new IOException("cannot " + what + ": http " + status);
                }
                usage.download();
                Files.createDirectories(target.toAbsolutePath().getParent());
                Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", "");
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                        byte[] buf = new byte[64 * 1024];
                        long total = 0;
                        for (int n; (n = in.read(buf)) > 0; ) {
                            total += n;
                            if (total > maxBytes) {
                                throw new IOException(what + ": larger than " + maxBytes + " bytes");
                            }
                            out.write(buf, 0, n);
                        }
                    }
                    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return HexFormat.of().formatHex(md.digest());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
        throw new IOException(what + ": more than " + MAX_REDIRECTS + " redirects");
    }

    // ---- the request loop

    private interface RequestFactory {
        HttpRequest.Builder build();
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(s.timeout()).header("User-Agent", userAgent)
                .header("X-GitHub-Api-Version", API_VERSION);
        if (token != null && (underApi(uri) || uri.equals(s.graphqlUrl()))) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /**
     * Sends until GitHub answers with something other than a server error or a rate limit, within the bounds.
     *
     * @param rest whether the answer counts as a REST point (not for 304s, not for rate-limit refusals)
     */
    private HttpResponse<byte[]> send(RequestFactory factory, String what, boolean rest) throws IOException {
        int failures = 0;
        int rateWaits = 0;
        while (true) {
            HttpRequest.Builder b = factory.build();
            s.customizer().accept(b);
            HttpResponse<byte[]> r;
            usage.request();
            try {
                HttpResponse<InputStream> streamed = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                r = bounded(streamed, what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(what + " interrupted");
            } catch (HttpTimeoutException e) {
                if (failures++ < s.retries()) {
                    backoff(failures, what + " timed out");
                    continue;
                }
                throw new GitHubApiException("github did not answer " + what + " within " + s.timeout().toSeconds()
                        + " s, " + failures + " times; try again later", 0, null);
            } catch (IOException e) {
                if (failures++ < s.retries()) {
                    backoff(failures, what + " failed");
                    continue;
                }
                throw new GitHubApiException("cannot reach github for " + what + " (" + failures + " attempts): "
                        + describe(e), 0, null);
            }
            int status = r.statusCode();
            LOG.log(System.Logger.Level.DEBUG, "{0} -> {1}", what, status);
            warnDeprecation(r);
            if (status == 304) {
                return r;
            }
            if (status >= 500) {
                if (rest) {
                    usage.restPoint();
                }
                if (failures++ < s.retries()) {
                    backoff(failures, what + " answered " + status);
                    continue;
                }
                throw new GitHubApiException("github answered " + what + " with " + status + " " + failures
                        + " times" + message(r).map(m -> " (" + m + ")").orElse("") + "; try again later", status,
                        null);
            }
            if (status == 403 || status == 429) {
                Optional<Instant> reset = resetTime(r);
                boolean primary = r.headers().firstValue("x-ratelimit-remaining").map(String::strip)
                        .filter("0"::equals).isPresent();
                Optional<Duration> retryAfter = retryAfter(r);
                boolean secondary = SECONDARY.matcher(new String(r.body(), StandardCharsets.UTF_8)).find();
                if (retryAfter.isPresent()) {
                    rateWait(retryAfter.get(), rateWaits++, "github's secondary rate limit asks to wait "
                            + retryAfter.get().toSeconds() + " s", null, status);
                    continue;
                }
                if (primary) {
                    Instant at = reset.orElse(s.clock().instant().plusSeconds(60));
                    String resource = r.headers().firstValue("x-ratelimit-resource").orElse("core");
                    rateWait(untilReset(at), rateWaits++, "github's rate limit (" + resource + ") is exhausted",
                            at, status);
                    continue;
                }
                if (secondary || status == 429) {
                    Duration wait = Duration.ofSeconds(60L << Math.min(rateWaits, 10));
                    rateWait(wait, rateWaits++, "github's secondary rate limit was hit", null, status);
                    continue;
                }
            }
            if (rest) {
                usage.restPoint();
            }
            return r;
        }
    }

    private HttpResponse<byte[]> bounded(HttpResponse<InputStream> r, String what) throws IOException {
        byte[] body;
        try (InputStream in = r.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > MAX_JSON_BYTES) {
                    throw new GitHubApiException("github's answer to " + what + " is larger than "
                            + (MAX_JSON_BYTES >> 20) + " MiB; refusing it", r.statusCode(), null);
                }
                out.write(buf, 0, n);
            }
            body = out.toByteArray();
        }
        return new Buffered(r, body);
    }

    private void warnDeprecation(HttpResponse<?> r) {
        Optional<String> sunset = r.headers().firstValue("sunset");
        if (sunset.isPresent() || r.headers().firstValue("deprecation").isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "github says API version {0} is deprecated{1}", API_VERSION,
                    sunset.map(v -> " (sunset " + v + ")").orElse(""));
        }
    }

    private void rateWait(Duration wait, int waitsSoFar, String why, @Nullable Instant reset, int status)
            throws IOException {
        String when = reset == null ? "" : " until " + DateTimeFormatter.ISO_INSTANT.format(reset);
        if (wait.compareTo(s.maxWait()) > 0) {
            throw new GitHubApiException(why + when + " (" + minutes(wait) + "), longer than the allowed wait of "
                    + minutes(s.maxWait()) + "; try again " + (reset == null ? "later" : "after "
                    + DateTimeFormatter.ISO_INSTANT.format(reset)) + ", or allow a longer wait", status, reset);
        }
        if (waitsSoFar >= MAX_RATE_WAITS) {
            throw new GitHubApiException(why + " again after " + MAX_RATE_WAITS + " waits; giving up, try again later",
                    status, reset);
        }
        LOG.log(System.Logger.Level.WARNING, "{0}; waiting {1}", why + when, minutes(wait));
        sleep(wait);
    }

    private void backoff(int attempt, String why) throws IOException {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt - 1, 6));
        LOG.log(System.Logger.Level.INFO, "{0}; retrying in {1} s", why, wait.toSeconds());
        sleep(wait);
    }

    private void sleep(Duration d) throws IOException {
        Duration wait = d.isNegative() ? Duration.ZERO : d;
        try {
            s.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for github");
        }
        usage.waited(wait);
    }

    private Duration untilReset(Instant reset) {
        Duration d = Duration.between(s.clock().instant(), reset).plusSeconds(1);
        return d.isNegative() ? Duration.ofSeconds(1) : d;
    }

    private static String minutes(Duration d) {
        long sec = d.toSeconds();
        return sec < 120 ? sec + " s" : (sec + 59) / 60 + " min";
    }

    private static Optional<Instant> resetTime(HttpResponse<?> r) {
        try {
            return r.headers().firstValue("x-ratelimit-reset").map(v -> Instant.ofEpochSecond(Long.parseLong(
                    v.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> v = r.headers().firstValue("retry-after").map(String::strip);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.get()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(s.clock().instant(), at));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private GitHubApiException refused(HttpResponse<byte[]> r, String what) {
        int status = r.statusCode();
        String msg = message(r).orElse("");
        String detail = msg.isEmpty() ? "" : " (" + msg + ")";
        if (status == 401) {
            return new GitHubApiException(token == null
                    ? "github requires a token for " + what + detail + "; set GITHUB_TOKEN or GH_TOKEN"
                    : "github rejected the token for " + what + detail + "; check GITHUB_TOKEN or GH_TOKEN (expired,"
                            + " revoked, or not authorized for this organisation's SSO)", status, null);
        }
        StringBuilder m = new StringBuilder("github refused " + what + " with " + status + detail);
        r.headers().firstValue("x-accepted-github-permissions").ifPresent(p -> m.append("; the token needs the ")
                .append("permissions ").append(Texts.quote(p)));
        r.headers().firstValue("x-github-sso").ifPresent(p -> m.append("; the token is not authorized for the")
                .append(" organisation's single sign-on (").append(Texts.quote(Redaction.text(p))).append(")"));
        return new GitHubApiException(m.toString(), status, null);
    }

    /** What went wrong with a connection, in words: JDK exceptions often have no message of their own. */
    static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "tls failed: " + Redaction.text(String.valueOf(t.getMessage()));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
                return "connection refused";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return Redaction.text(t.getMessage());
            }
        }
        return e.getClass().getSimpleName();
    }

    private static Optional<String> message(HttpResponse<byte[]> r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n != null && n.path("message").isTextual()) {
                String t = Redaction.text(n.path("message").asText());
                return Optional.of(t.length() > 200 ? t.substring(0, 200) + "…" : t);
            }
        } catch (IOException e) {
            // not json: no message
        }
        return Optional.empty();
    }

    private static JsonNode parse(byte[] body, String what) throws GitHubApiException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new GitHubApiException("the cached answer to " + what + " is damaged", 304, null);
        }
    }

    private static JsonNode parseOrEmpty(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            ObjectNode o = JSON.createObjectNode();
            return o;
        }
    }

    URI resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return URI.create(pathOrUrl);
        }
        return URI.create(s.apiUrl() + pathOrUrl);
    }

    /** The request's path and query relative to the API base, for messages (no credentials, no host). */
    String shown(URI uri) {
        String u = Redaction.url(uri.toString());
        String base = s.apiUrl().toString();
        return u.startsWith(base) ? u.substring(base.length()) : u;
    }

    /**
     * Whether a URL is the API's: on its origin and below its path ({@code https://HOST/api/v3/...} on GitHub
     * Enterprise Server, where browser URLs share the origin but not the path). Only these get the token.
     */
    boolean underApi(URI u) {
        String base = s.apiUrl().getRawPath() == null ? "" : s.apiUrl().getRawPath();
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return sameOrigin(u, s.apiUrl()) && (base.isEmpty() || path.equals(base) || path.startsWith(base + "/"));
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (String seg : path.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(encode(seg));
        }
        return b.toString();
    }

    /** Lower-case for comparisons. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A response whose body was read (bounded) into memory. */
    private record Buffered(HttpResponse<InputStream> original, byte[] body) implements HttpResponse<byte[]> {
        @Override
        public int statusCode() {
            return original.statusCode();
        }

        @Override
        public HttpRequest request() {
            return original.request();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return original.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return original.sslSession();
        }

        @Override
        public URI uri() {
            return original.uri();
        }

        @Override
        public HttpClient.Version version() {
            return original.version();
        }
    }
}
