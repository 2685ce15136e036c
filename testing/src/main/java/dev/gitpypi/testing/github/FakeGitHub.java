package dev.gitpypi.testing.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers as GitHub does, for the GitHub adapter's tests: the REST endpoints the
 * adapter uses (repository listings of organisations, users and the token's own account, tags, releases with their
 * assets, file contents, asset downloads through the API and through browser URLs) with GitHub's JSON shapes (the
 * OpenAPI examples of github/rest-api-description), GitHub's headers ({@code etag}, {@code x-ratelimit-*},
 * {@code link}), conditional requests ({@code if-none-match} → 304, which costs no rate limit), {@code link}
 * pagination with {@code per_page} up to 100; and the GraphQL endpoint, which validates every query against
 * GitHub's public schema and charges GitHub's documented cost ({@link GraphQlCost}).
 *
 * <p>Counts what a client spends: requests, 304s, REST points (every answered REST request but a 304) and GraphQL
 * points. Misbehaves on demand ({@link Fault}). Base URLs are GitHub Enterprise Server's:
 * {@code http://127.0.0.1:PORT/api/v3} and {@code http://127.0.0.1:PORT/api/graphql}; browser URLs are
 * {@code http://127.0.0.1:PORT/OWNER/REPO/...}. The model is changed by the test between builds; every change is
 * seen by the next request. Thread-safe (requests are answered one at a time).
 */
public final class FakeGitHub implements AutoCloseable {
    /** The API version the stand-in accepts in {@code X-GitHub-Api-Version}. */
    public static final String API_VERSION = "2022-11-28";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAGE = Pattern.compile("(^|&)page=(\\d+)");
    private static final Pattern PER_PAGE = Pattern.compile("(^|&)per_page=(\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Owner> owners = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> graphqlQueries = new CopyOnWriteArrayList<>();
    private final List<String> graphqlProblems = new CopyOnWriteArrayList<>();
    private final List<String> clientProblems = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final FakeGraphQl graphql = new FakeGraphQl(this);
    private String token;
    private String viewer = "octocat";
    private Instant now = Instant.parse("2026-01-05T10:00:00Z");
    private long nextId = 1000;
    private int restRemaining = 5000;
    private Instant restReset = now.plusSeconds(3600);
    private int graphqlRemaining = 5000;
    private long restPoints;
    private long graphqlPoints;
    private long notModified;
    private long downloads;
    private boolean countDownloads;

    static {
        // JDK's server leaves Nagle's algorithm on: with the client's delayed ACKs every exchange then waits about
        // 40 ms. Read once, when the first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts an empty stand-in.
     *
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static FakeGitHub start() throws IOException {
        return new FakeGitHub();
    }

    // ---- configuration and model

    /**
     * A new random token shaped like GitHub's ({@code PREFIX_} and 36 letters or digits), made at run time so that
     * no token-shaped literal is in the repository. Site writers refuse output that contains one.
     *
     * @param prefix such as {@code ghp} (classic personal access token) or {@code ghs} (Actions, GitHub Apps)
     * @return the token
     */
    public static String randomToken(String prefix) {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.security.SecureRandom r = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 36; i++) {
            b.append(alnum.charAt(r.nextInt(alnum.length())));
        }
        return b.toString();
    }

    /**
     * Accepts only this token ({@code Authorization: Bearer TOKEN} or {@code token TOKEN}); other tokens get 401,
     * requests without one are anonymous (public data only, no GraphQL).
     *
     * @param value the token
     * @param login the login of the token's account (the viewer)
     */
    public void token(String value, String login) {
        synchronized (lock) {
            this.token = value;
            this.viewer = login;
        }
    }

    /** @return the REST base URL, {@code http://127.0.0.1:PORT/api/v3} (GitHub Enterprise Server's form) */
    public String apiUrl() {
        return webUrl() + "api/v3";
    }

    /** @return the GraphQL URL, {@code http://127.0.0.1:PORT/api/graphql} */
    public String graphqlUrl() {
        return webUrl() + "api/graphql";
    }

    /** @return the browser base URL, {@code http://127.0.0.1:PORT/} */
    public String webUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** @return a clock that reads the stand-in's time (which moves only with {@link #advance}) */
    public Clock clock() {
        FakeGitHub self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                synchronized (self.lock) {
                    return self.now;
                }
            }
        };
    }

    /**
     * Moves the stand-in's time on (rate limits reset when their time comes).
     *
     * @param d how far
     */
    public void advance(Duration d) {
        synchronized (lock) {
            now = now.plus(d);
        }
    }

    /**
     * Sets the stand-in's time (for tests whose client reads the real clock).
     *
     * @param t the time
     */
    public void time(Instant t) {
        synchronized (lock) {
            now = t;
            restReset = t.plusSeconds(3600);
        }
    }

    /**
     * Whether downloads of assets raise their {@code download_count} (as on GitHub, which changes the release
     * listing and so its ETag). Off by default.
     *
     * @param value whether to count
     */
    public void countDownloads(boolean value) {
        synchronized (lock) {
            countDownloads = value;
        }
    }

    /**
     * An organisation, created on first use.
     *
     * @param login its login
     * @return the organisation
     */
    public Owner organization(String login) {
        return owner(login, "Organization");
    }

    /**
     * A user, created on first use.
     *
     * @param login the login
     * @return the user
     */
    public Owner user(String login) {
        return owner(login, "User");
    }

    private Owner owner(String login, String type) {
        synchronized (lock) {
            return owners.computeIfAbsent(login, l -> new Owner(l, type, nextId++));
        }
    }

    /**
     * Adds a fault.
     *
     * @param fault the fault
     */
    public void fault(Fault fault) {
        synchronized (lock) {
            faults.add(fault);
        }
    }

    // ---- what clients did

    /** @return every request so far, as {@code METHOD /path?query -> STATUS} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** @return the GraphQL queries received, in order */
    public List<String> graphqlQueries() {
        return List.copyOf(graphqlQueries);
    }

    /** @return every validation or limit error a GraphQL query had: empty when all were valid */
    public List<String> graphqlProblems() {
        return List.copyOf(graphqlProblems);
    }

    /**
     * What clients did that GitHub's best practices say not to, or that leaks a credential: an API request without
     * {@code X-GitHub-Api-Version}, a REST request that does not accept GitHub's JSON (or a raw or octet-stream
     * type), an {@code Authorization} header sent anywhere but the API (browser URLs, signed storage).
     *
     * @return the problems seen so far: empty for a well-behaved client
     */
    public List<String> clientProblems() {
        return List.copyOf(clientProblems);
    }

    /** @return REST points spent: answered REST requests other than 304s */
    public long restPoints() {
        synchronized (lock) {
            return restPoints;
        }
    }

    /** @return GraphQL points spent, by GitHub's formula */
    public long graphqlPoints() {
        synchronized (lock) {
            return graphqlPoints;
        }
    }

    /** @return how many requests were answered 304 Not Modified */
    public long notModified() {
        synchronized (lock) {
            return notModified;
        }
    }

    /** @return how many asset bodies were served */
    public long downloads() {
        synchronized (lock) {
            return downloads;
        }
    }

    /** Forgets the requests and counters (not the model, not the faults). */
    public void resetCounters() {
        synchronized (lock) {
            requests.clear();
            graphqlQueries.clear();
            restPoints = 0;
            graphqlPoints = 0;
            notModified = 0;
            downloads = 0;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- model types

    /** An organisation or a user and its repositories. */
    public final class Owner {
        final String login;
        final String type;
        final long id;
        final List<Repo> repos = new ArrayList<>();

        Owner(String login, String type, long id) {
            this.login = login;
            this.type = type;
            this.id = id;
        }

        /**
         * A repository, created on first use (public, not a fork, not archived).
         *
         * @param name the name
         * @return the repository
         */
        public Repo repository(String name) {
            synchronized (lock) {
                for (Repo r : repos) {
                    if (r.name.equalsIgnoreCase(name)) {
                        return r;
                    }
                }
                Repo r = new Repo(this, name, nextId++);
                repos.add(r);
                return r;
            }
        }

        /** @return the login */
        public String login() {
            return login;
        }
    }

    /** A repository: visibility, topics, commits with files, tags, releases. Setters return this. */
    public final class Repo {
        final Owner owner;
        final String name;
        final long id;
        final Instant created;
        boolean isPrivate;
        String visibility = "public";
        boolean fork;
        boolean archived;
        List<String> topics = List.of();
        Instant pushed;
        Instant updated;
        String cloneUrl;
        final Map<String, Commit> commits = new LinkedHashMap<>();
        final List<TagRef> tags = new ArrayList<>();
        final List<Release> releases = new ArrayList<>();

        Repo(Owner owner, String name, long id) {
            this.owner = owner;
            this.name = name;
            this.id = id;
            this.created = now.minusSeconds(1_000_000 - id);
            this.pushed = created;
            this.updated = created;
        }

        /** @return {@code owner/name} */
        public String fullName() {
            return owner.login + "/" + name;
        }

        /**
         * Makes the repository private ({@code visibility: private}) or public.
         *
         * @param value whether private
         * @return this
         */
        public Repo privateRepo(boolean value) {
            synchronized (lock) {
                isPrivate = value;
                visibility = value ? "private" : "public";
                return this;
            }
        }

        /**
         * Makes the repository internal (an enterprise's repositories: private to outsiders).
         *
         * @return this
         */
        public Repo internal() {
            synchronized (lock) {
                isPrivate = true;
                visibility = "internal";
                return this;
            }
        }

        /**
         * Marks the repository a fork.
         *
         * @return this
         */
        public Repo fork() {
            synchronized (lock) {
                fork = true;
                return this;
            }
        }

        /**
         * Archives the repository.
         *
         * @return this
         */
        public Repo archived() {
            synchronized (lock) {
                archived = true;
                return this;
            }
        }

        /**
         * Sets the topics.
         *
         * @param values the topics
         * @return this
         */
        public Repo topics(String... values) {
            synchronized (lock) {
                topics = List.of(values);
                updated = now;
                return this;
            }
        }

        /**
         * The URL the API reports as {@code clone_url} (default {@code WEB/OWNER/NAME.git}), for tests that let
         * git or pip clone a real repository.
         *
         * @param url the URL
         * @return this
         */
        public Repo cloneUrl(String url) {
            synchronized (lock) {
                cloneUrl = url;
                return this;
            }
        }

        /**
         * Pushes a commit with these files and a lightweight tag on it.
         *
         * @param tag the tag name
         * @param files path to UTF-8 text
         * @return the commit
         */
        public Commit tag(String tag, Map<String, String> files) {
            return tag(tag, files, false);
        }

        /**
         * Pushes a commit with these files and a tag on it.
         *
         * @param tag the tag name
         * @param files path to UTF-8 text
         * @param annotated whether the tag is an annotated tag object
         * @return the commit
         */
        public Commit tag(String tag, Map<String, String> files, boolean annotated) {
            synchronized (lock) {
                Map<String, byte[]> bytes = new LinkedHashMap<>();
                files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
                Commit c = new Commit(sha1("commit " + fullName() + " " + (nextId++)), now, bytes);
                commits.put(c.oid, c);
                tags.removeIf(t -> t.name.equals(tag));
                tags.add(new TagRef(tag, c.oid, annotated ? sha1("tag " + tag + c.oid) : null));
                pushed = now;
                return c;
            }
        }

        /**
         * Moves a tag to a new commit with these files (a force push).
         *
         * @param tag the tag name
         * @param files path to text
         * @return the commit
         */
        public Commit moveTag(String tag, Map<String, String> files) {
            return tag(tag, files, false);
        }

        /**
         * Creates a published release for a tag (the tag should exist).
         *
         * @param tag the tag name
         * @return the release
         */
        public Release release(String tag) {
            synchronized (lock) {
                Release r = new Release(this, nextId++, tag, now);
                releases.add(r);
                return r;
            }
        }

        /** @return the name */
        public String name() {
            return name;
        }
    }

    /**
     * A commit and the files of its tree.
     *
     * @param oid the commit id
     * @param date the committed date
     * @param files path to bytes
     */
    public record Commit(String oid, Instant date, Map<String, byte[]> files) {
    }

    record TagRef(String name, String commit, String tagObject) {
    }

    /** A release and its assets. Setters return this. */
    public final class Release {
        final Repo repo;
        final long id;
        final String tag;
        final Instant created;
        Instant published;
        boolean draft;
        boolean prerelease;
        final List<Asset> assets = new ArrayList<>();

        Release(Repo repo, long id, String tag, Instant created) {
            this.repo = repo;
            this.id = id;
            this.tag = tag;
            this.created = created;
            this.published = created;
        }

        /**
         * Makes it a draft (unpublished: {@code published_at} null).
         *
         * @return this
         */
        public Release draft() {
            synchronized (lock) {
                draft = true;
                published = null;
                return this;
            }
        }

        /**
         * Marks it a pre-release.
         *
         * @return this
         */
        public Release prerelease() {
            synchronized (lock) {
                prerelease = true;
                return this;
            }
        }

        /**
         * Attaches an asset whose {@code digest} is {@code sha256:HEX} (assets uploaded since June 2025).
         *
         * @param name the file name
         * @param bytes the content
         * @return this
         */
        public Release asset(String name, byte[] bytes) {
            return asset(name, bytes, true);
        }

        /**
         * Attaches an asset.
         *
         * @param name the file name
         * @param bytes the content
         * @param withDigest whether the API states its digest (false: {@code digest: null}, as for older assets)
         * @return this
         */
        public Release asset(String name, byte[] bytes, boolean withDigest) {
            synchronized (lock) {
                assets.add(new Asset(this, nextId++, name, bytes.clone(), withDigest, now));
                return this;
            }
        }
    }

    /** A release asset. */
    public final class Asset {
        final Release release;
        final long id;
        final String name;
        byte[] bytes;
        final boolean withDigest;
        final String sha256;
        final int size;
        final Instant created;
        long downloadCount;

        Asset(Release release, long id, String name, byte[] bytes, boolean withDigest, Instant created) {
            this.release = release;
            this.id = id;
            this.name = name;
            this.bytes = bytes;
            this.sha256 = sha256Hex(bytes);
            this.size = bytes.length;
            this.withDigest = withDigest;
            this.created = created;
        }

        /** @return the sha256 of the content as uploaded, lower-case hex */
        public String sha256() {
            return sha256;
        }
    }

    /**
     * Serves other bytes for an asset from now on, with nothing else changed (its digest, size and dates stay): a
     * file tampered with after the index was built, for tests of the installer's hash check.
     *
     * @param name the asset's file name
     * @param bytes the new content
     */
    public void replaceAssetBytes(String name, byte[] bytes) {
        synchronized (lock) {
            for (Owner o : owners.values()) {
                for (Repo r : o.repos) {
                    for (Release rel : r.releases) {
                        for (Asset a : rel.assets) {
                            if (a.name.equals(name)) {
                                a.bytes = bytes.clone();
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String raw = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String pathAndQuery = raw + (query == null ? "" : "?" + query);
            byte[] requestBody = ex.getRequestBody().readAllBytes();
            Response r;
            Fault fault;
            synchronized (lock) {
                fault = takeFault(method, pathAndQuery);
            }
            if (fault != null && fault.kind == Fault.Kind.DELAY) {
                try {
                    Thread.sleep(fault.seconds);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                fault = null;
            }
            synchronized (lock) {
                if (!restReset.isAfter(now)) {
                    restRemaining = 5000;
                    restReset = now.plusSeconds(3600);
                }
                r = fault != null ? faultResponse(fault, raw) : route(ex, method, raw, query, requestBody);
                requests.add(method + " " + pathAndQuery + " -> " + r.status);
            }
            send(ex, r);
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private Fault takeFault(String method, String pathAndQuery) {
        for (Fault f : faults) {
            if (f.matches(method, pathAndQuery)) {
                f.times--;
                return f;
            }
        }
        return null;
    }

    /** An answer: status, headers, body. */
    static final class Response {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final byte[] body;

        Response(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    private Response faultResponse(Fault f, String path) {
        boolean gql = path.endsWith("/graphql");
        return switch (f.kind) {
            case STATUS -> json(f.status, Map.of("message", f.status >= 500 ? "Server Error" : "Error"));
            case PRIMARY_RATE_LIMIT -> rateHeaders(json(403, Map.of("message", "API rate limit exceeded for user ID 1."
                    + " If you reach out to GitHub Support for help, please include the request ID.",
                    "documentation_url", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                    "status", "403")), gql ? "graphql" : "core", 0, now.plusSeconds(f.seconds));
            case RETRY_AFTER -> json(429, Map.of("message", "You have exceeded a secondary rate limit. Please wait a"
                    + " few minutes before you try again.")).header("retry-after", Long.toString(f.seconds));
            case SECONDARY_BODY -> json(403, Map.of("message", "You have exceeded a secondary rate limit and have been"
                    + " temporarily blocked from content creation. Please retry your request again later.",
                    "documentation_url", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
                            + "#about-secondary-rate-limits"));
            case MALFORMED_JSON -> new Response(200, "[{\"id\": 1, \"name\": \"trunc".getBytes(StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json; charset=utf-8");
            case GRAPHQL_ERRORS -> {
                Response r = json(200, Map.of("errors", List.of(Map.of("type", f.type, "message",
                        "RATE_LIMITED".equals(f.type) ? "API rate limit exceeded for user ID 1."
                                : "Something went wrong while executing your query."))));
                yield "RATE_LIMITED".equals(f.type) ? rateHeaders(r, "graphql", 0, now.plusSeconds(60)) : r;
            }
            case DELAY -> throw new IllegalStateException();
        };
    }

    private Response route(HttpExchange ex, String method, String path, String query, byte[] body) {
        Headers h = ex.getRequestHeaders();
        String ua = h.getFirst("User-Agent");
        if (ua == null || ua.isBlank() || ua.startsWith("Java-http-client")) {
            return json(403, Map.of("message", "Request forbidden by administrative rules. Please make sure your"
                    + " request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the"
                    + "-rest-api#user-agent-required). Check https://developer.github.com for other possible causes."));
        }
        String auth = h.getFirst("Authorization");
        if (auth != null && !path.startsWith("/api/")) {
            clientProblems.add("Authorization sent outside the API: " + method + " " + path);
        }
        if (path.startsWith("/api/")) {
            if (h.getFirst("X-GitHub-Api-Version") == null) {
                clientProblems.add("no X-GitHub-Api-Version: " + method + " " + path);
            }
            String accept = String.valueOf(h.getFirst("Accept"));
            if (!path.equals("/api/graphql") && !accept.contains("application/vnd.github")
                    && !accept.contains("application/octet-stream")) {
                clientProblems.add("Accept " + accept + " is not GitHub's media type: " + method + " " + path);
            }
        }
        boolean authenticated = false;
        if (auth != null) {
            String presented = auth.startsWith("Bearer ") ? auth.substring(7)
                    : auth.startsWith("token ") ? auth.substring(6) : null;
            if (token == null || !token.equals(presented)) {
                return json(401, Map.of("message", "Bad credentials", "documentation_url",
                        "https://docs.github.com/rest", "status", "401"));
            }
            authenticated = true;
        }
        if (path.startsWith("/storage/")) {
            return storage(ex, path);
        }
        if (!path.startsWith("/api/")) {
            return browserDownload(path, authenticated);
        }
        String version = h.getFirst("X-GitHub-Api-Version");
        if (version != null && !version.equals(API_VERSION)) {
            return json(400, Map.of("message", "Unsupported 'X-GitHub-Api-Version': '" + version + "'"));
        }
        if (path.equals("/api/graphql")) {
            if (!method.equals("POST")) {
                return json(404, Map.of("message", "Not Found"));
            }
            if (!authenticated) {
                return json(401, Map.of("message", "This endpoint requires you to be authenticated."));
            }
            return graphql(body);
        }
        if (!method.equals("GET")) {
            return json(404, Map.of("message", "Not Found"));
        }
        String p = path.substring("/api/v3".length());
        Response r = rest(ex, p, query == null ? "" : query, authenticated);
        if (r == null) {
            r = json(404, Map.of("message", "Not Found", "documentation_url", "https://docs.github.com/rest"));
        }
        if (restRemaining <= 0 && r.status != 304) {
            return rateHeaders(json(403, Map.of("message", "API rate limit exceeded for user ID 1.")), "core", 0,
                    restReset);
        }
        if (r.status != 304 && !p.equals("/rate_limit")) {
            restRemaining--;
            restPoints++;
        }
        return rateHeaders(r, "core", restRemaining, restReset);
    }

    private Response rateHeaders(Response r, String resource, int remaining, Instant reset) {
        int limit = 5000;
        return r.header("x-ratelimit-limit", Integer.toString(limit))
                .header("x-ratelimit-remaining", Integer.toString(remaining))
                .header("x-ratelimit-used", Integer.toString(limit - remaining))
                .header("x-ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .header("x-ratelimit-resource", resource);
    }

    private Response rest(HttpExchange ex, String p, String query, boolean authenticated) {
        String[] s = p.split("/", -1);
        List<Object> items;
        if (p.equals("/rate_limit")) {
            return json(200, Map.of("resources", Map.of("core", Map.of("limit", 5000, "remaining", restRemaining,
                    "reset", restReset.getEpochSecond(), "used", 5000 - restRemaining, "resource", "core"),
                    "graphql", Map.of("limit", 5000, "remaining", graphqlRemaining, "reset",
                            restReset.getEpochSecond(), "used", 5000 - graphqlRemaining, "resource", "graphql"))));
        }
        if (p.equals("/user")) {
            if (!authenticated) {
                return json(401, Map.of("message", "Requires authentication"));
            }
            return conditional(ex, json(200, ownerJson(user(viewer))));
        }
        if (s.length == 4 && s[1].equals("orgs") && s[3].equals("repos")) {
            Owner o = owners.get(decode(s[2]));
            if (o == null || !o.type.equals("Organization")) {
                return null;
            }
            items = repoList(o, authenticated, query, false);
        } else if (s.length == 4 && s[1].equals("users") && s[3].equals("repos")) {
            Owner o = owners.get(decode(s[2]));
            if (o == null) {
                return null;
            }
            items = repoList(o, false, query, false);
        } else if (p.equals("/user/repos")) {
            if (!authenticated) {
                return json(401, Map.of("message", "Requires authentication"));
            }
            items = repoList(user(viewer), true, query, true);
        } else if (s.length >= 4 && s[1].equals("repos")) {
            Repo repo = visibleRepo(decode(s[2]), decode(s[3]), authenticated);
            if (repo == null) {
                return null;
            }
            if (s.length == 4) {
                return conditional(ex, json(200, repoJson(repo)));
            }
            switch (s[4]) {
                case "tags" -> {
                    List<TagRef> sorted = new ArrayList<>(repo.tags);
                    sorted.sort(Comparator.comparing(TagRef::name).reversed());
                    items = new ArrayList<>();
                    for (TagRef t : sorted) {
                        items.add(tagJson(repo, t));
                    }
                }
                case "releases" -> {
                    if (s.length == 7 && s[5].equals("assets")) {
                        return asset(ex, repo, s[6]);
                    }
                    if (s.length != 5) {
                        return null;
                    }
                    List<Release> sorted = new ArrayList<>(repo.releases);
                    sorted.sort(Comparator.comparing((Release r) -> r.created).thenComparing(r -> r.id).reversed());
                    items = new ArrayList<>();
                    for (Release r : sorted) {
                        items.add(releaseJson(r));
                    }
                }
                case "contents" -> {
                    return contents(ex, repo, String.join("/", List.of(s).subList(5, s.length)), query);
                }
                default -> {
                    return null;
                }
            }
        } else {
            return null;
        }
        return page(ex, p, query, items);
    }

    private Repo visibleRepo(String owner, String name, boolean authenticated) {
        Owner o = owners.get(owner);
        if (o == null) {
            return null;
        }
        for (Repo r : o.repos) {
            if (r.name.equalsIgnoreCase(name) && (authenticated || !r.isPrivate)) {
                return r;
            }
        }
        return null;
    }

    private List<Object> repoList(Owner o, boolean seesPrivate, String query, boolean viewerList) {
        List<Repo> repos = new ArrayList<>();
        for (Repo r : o.repos) {
            if (!r.isPrivate || seesPrivate) {
                repos.add(r);
            }
        }
        String sort = param(query, "sort");
        if ("full_name".equals(sort)) {
            repos.sort(Comparator.comparing(r -> r.name.toLowerCase(java.util.Locale.ROOT)));
        } else if ("pushed".equals(sort)) {
            repos.sort(Comparator.comparing((Repo r) -> r.pushed).reversed());
        } else {
            repos.sort(Comparator.comparing((Repo r) -> r.created));
            if (!"asc".equals(param(query, "direction")) && !viewerList) {
                java.util.Collections.reverse(repos);
            }
        }
        List<Object> items = new ArrayList<>();
        for (Repo r : repos) {
            items.add(repoJson(r));
        }
        return items;
    }

    private static String param(String query, String name) {
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return decode(kv.substring(eq + 1));
            }
        }
        return null;
    }

    private Response page(HttpExchange ex, String p, String query, List<Object> items) {
        int perPage = 30;
        Matcher pp = PER_PAGE.matcher(query);
        if (pp.find()) {
            perPage = Math.max(1, Math.min(100, Integer.parseInt(pp.group(2))));
        }
        int page = 1;
        Matcher pg = PAGE.matcher(query);
        if (pg.find()) {
            page = Math.max(1, Integer.parseInt(pg.group(2)));
        }
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        int from = Math.min(items.size(), (page - 1) * perPage);
        int to = Math.min(items.size(), from + perPage);
        Response r = json(200, items.subList(from, to));
        if (last > 1) {
            String base = apiUrl() + p + "?" + PAGE.matcher(query).replaceAll("").replaceAll("^&", "");
            if (!base.endsWith("?")) {
                base += "&";
            }
            List<String> links = new ArrayList<>();
            if (page > 1) {
                links.add("<" + base + "page=" + (page - 1) + ">; rel=\"prev\"");
            }
            if (page < last) {
                links.add("<" + base + "page=" + (page + 1) + ">; rel=\"next\"");
                links.add("<" + base + "page=" + last + ">; rel=\"last\"");
            }
            if (page > 1) {
                links.add("<" + base + "page=1>; rel=\"first\"");
            }
            r.header("Link", String.join(", ", links));
        }
        return conditional(ex, r);
    }

    /** Adds the ETag (a hash of the body, as GitHub's weak ETags are) and answers 304 when the client has it. */
    private Response conditional(HttpExchange ex, Response r) {
        if (r.status != 200) {
            return r;
        }
        String etag = "W/\"" + sha256Hex(r.body) + "\"";
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null && (inm.equals(etag) || inm.equals(etag.substring(2)))) {
            notModified++;
            Response nm = new Response(304, new byte[0]).header("ETag", etag);
            nm.headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
            return nm;
        }
        r.header("ETag", etag).header("Cache-Control", "private, max-age=60, s-maxage=60")
                .header("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        return r;
    }

    private Response contents(HttpExchange ex, Repo repo, String path, String query) {
        String ref = param(query, "ref");
        Commit c = resolve(repo, ref);
        if (c == null) {
            return json(404, Map.of("message", "No commit found for the ref " + ref));
        }
        byte[] bytes = c.files.get(path);
        if (bytes == null) {
            return json(404, Map.of("message", "Not Found"));
        }
        String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
        if (accept.contains("raw")) {
            return conditional(ex, new Response(200, bytes).header("Content-Type", "application/vnd.github.raw"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "file");
        m.put("encoding", "base64");
        m.put("size", bytes.length);
        m.put("name", path.substring(path.lastIndexOf('/') + 1));
        m.put("path", path);
        m.put("content", Base64.getMimeEncoder().encodeToString(bytes));
        m.put("sha", blobOid(bytes));
        return conditional(ex, json(200, m));
    }

    /** A commit by tag name, commit id or {@code HEAD} (the newest commit). */
    Commit resolve(Repo repo, String rev) {
        if (rev == null || rev.equals("HEAD")) {
            Commit last = null;
            for (Commit c : repo.commits.values()) {
                last = c;
            }
            return last;
        }
        for (TagRef t : repo.tags) {
            if (t.name.equals(rev)) {
                return repo.commits.get(t.commit);
            }
        }
        return repo.commits.get(rev);
    }

    private Response asset(HttpExchange ex, Repo repo, String id) {
        for (Release rel : repo.releases) {
            for (Asset a : rel.assets) {
                if (Long.toString(a.id).equals(id)) {
                    String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
                    if (accept.contains("application/octet-stream")) {
                        return new Response(302, new byte[0]).header("Location", storageUrl(a));
                    }
                    return conditional(ex, json(200, assetJson(a)));
                }
            }
        }
        return null;
    }

    private String storageUrl(Asset a) {
        return webUrl() + "storage/" + a.id + "/" + a.name + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300"
                + "&X-Amz-Signature=" + sha256Hex((a.id + "signed").getBytes(StandardCharsets.UTF_8));
    }

    /** Signed storage URLs: bytes for anyone, but refused when the request also carries Authorization. */
    private Response storage(HttpExchange ex, String path) {
        if (ex.getRequestHeaders().getFirst("Authorization") != null) {
            return new Response(400, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument"
                    + "</Code><Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter,"
                    + " Signature query string parameter or the Authorization header should be specified"
                    + "</Message></Error>").getBytes(StandardCharsets.UTF_8)).header("Content-Type", "application/xml");
        }
        String[] s = path.split("/");
        for (Owner o : owners.values()) {
            for (Repo r : o.repos) {
                for (Release rel : r.releases) {
                    for (Asset a : rel.assets) {
                        if (s.length >= 3 && Long.toString(a.id).equals(s[2])) {
                            downloads++;
                            if (countDownloads) {
                                a.downloadCount++;
                            }
                            return new Response(200, a.bytes).header("Content-Type", "application/octet-stream");
                        }
                    }
                }
            }
        }
        return new Response(404, new byte[0]);
    }

    /** {@code /OWNER/REPO/releases/download/TAG/NAME}: public repositories only, as on github.com. */
    private Response browserDownload(String path, boolean authenticated) {
        String[] s = path.split("/", -1);
        if (s.length == 7 && s[3].equals("releases") && s[4].equals("download")) {
            Repo repo = visibleRepo(decode(s[1]), decode(s[2]), false);
            if (repo != null) {
                for (Release rel : repo.releases) {
                    if (!rel.draft && rel.tag.equals(decode(s[5]))) {
                        for (Asset a : rel.assets) {
                            if (a.name.equals(decode(s[6]))) {
                                return new Response(302, new byte[0]).header("Location", storageUrl(a));
                            }
                        }
                    }
                }
            }
        }
        return new Response(404, "Not Found".getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain");
    }

    private Response graphql(byte[] body) {
        Map<String, Object> request;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(body, Map.class);
            request = m;
        } catch (IOException e) {
            return json(400, Map.of("message", "Problems parsing JSON"));
        }
        String query = String.valueOf(request.get("query"));
        graphqlQueries.add(query);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = request.get("variables") instanceof Map<?, ?> v
                ? (Map<String, Object>) v : Map.of();
        FakeGraphQl.Answer a = graphql.execute(query, variables, graphqlRemaining);
        if (a.problem() != null) {
            graphqlProblems.add(a.problem() + "\n" + query);
        }
        graphqlRemaining -= a.points();
        graphqlPoints += a.points();
        return rateHeaders(json(200, a.body()), "graphql", Math.max(0, graphqlRemaining), restReset);
    }

    // ---- JSON shapes (GitHub's OpenAPI examples)

    private Response json(int status, Object value) {
        try {
            return new Response(status, JSON.writeValueAsBytes(value))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-GitHub-Media-Type", "github.v3; format=json")
                    .header("X-GitHub-Api-Version-Selected", API_VERSION);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> ownerJson(Owner o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", o.login);
        m.put("id", o.id);
        m.put("node_id", nodeId(o.type.equals("User") ? "04:User" : "012:Organization", o.id));
        m.put("avatar_url", webUrl() + "avatars/" + o.login);
        m.put("url", apiUrl() + "/users/" + o.login);
        m.put("html_url", webUrl() + o.login);
        m.put("repos_url", apiUrl() + "/users/" + o.login + "/repos");
        m.put("type", o.type);
        m.put("site_admin", false);
        return m;
    }

    Map<String, Object> repoJson(Repo r) {
        String api = apiUrl() + "/repos/" + r.fullName();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("node_id", nodeId("010:Repository", r.id));
        m.put("name", r.name);
        m.put("full_name", r.fullName());
        m.put("owner", ownerJson(r.owner));
        m.put("private", r.isPrivate);
        m.put("html_url", webUrl() + r.fullName());
        m.put("description", "Repository " + r.name);
        m.put("fork", r.fork);
        m.put("url", api);
        m.put("releases_url", api + "/releases{/id}");
        m.put("tags_url", api + "/tags");
        m.put("contents_url", api + "/contents/{+path}");
        m.put("git_url", "git:" + webUrl().substring(5) + r.fullName() + ".git");
        m.put("ssh_url", "git@127.0.0.1:" + r.fullName() + ".git");
        m.put("clone_url", r.cloneUrl != null ? r.cloneUrl : webUrl() + r.fullName() + ".git");
        m.put("homepage", null);
        m.put("size", 108);
        m.put("stargazers_count", 80);
        m.put("watchers_count", 80);
        m.put("language", "Python");
        m.put("forks_count", 9);
        m.put("archived", r.archived);
        m.put("disabled", false);
        m.put("open_issues_count", 0);
        m.put("license", null);
        m.put("topics", r.topics);
        m.put("visibility", r.visibility);
        m.put("default_branch", "main");
        m.put("pushed_at", r.pushed.toString());
        m.put("created_at", r.created.toString());
        m.put("updated_at", r.updated.toString());
        m.put("permissions", Map.of("admin", false, "maintain", false, "push", true, "triage", true, "pull", true));
        return m;
    }

    private Map<String, Object> tagJson(Repo repo, TagRef t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name);
        m.put("commit", Map.of("sha", t.commit, "url", apiUrl() + "/repos/" + repo.fullName() + "/commits/"
                + t.commit));
        m.put("zipball_url", apiUrl() + "/repos/" + repo.fullName() + "/zipball/" + t.name);
        m.put("tarball_url", apiUrl() + "/repos/" + repo.fullName() + "/tarball/" + t.name);
        m.put("node_id", nodeId("03:Ref", t.name.hashCode() & 0xffffff));
        return m;
    }

    private Map<String, Object> releaseJson(Release r) {
        String api = apiUrl() + "/repos/" + r.repo.fullName();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", api + "/releases/" + r.id);
        m.put("html_url", webUrl() + r.repo.fullName() + "/releases/tag/" + r.tag);
        m.put("assets_url", api + "/releases/" + r.id + "/assets");
        m.put("upload_url", webUrl() + "api/uploads/repos/" + r.repo.fullName() + "/releases/" + r.id
                + "/assets{?name,label}");
        m.put("tarball_url", api + "/tarball/" + r.tag);
        m.put("zipball_url", api + "/zipball/" + r.tag);
        m.put("id", r.id);
        m.put("node_id", nodeId("07:Release", r.id));
        m.put("tag_name", r.tag);
        m.put("target_commitish", "main");
        m.put("name", r.tag);
        m.put("body", "Description of the release");
        m.put("draft", r.draft);
        m.put("prerelease", r.prerelease);
        m.put("immutable", false);
        m.put("created_at", r.created.toString());
        m.put("published_at", r.published == null ? null : r.published.toString());
        m.put("author", ownerJson(r.repo.owner));
        List<Object> assets = new ArrayList<>();
        for (Asset a : r.assets) {
            assets.add(assetJson(a));
        }
        m.put("assets", assets);
        return m;
    }

    private Map<String, Object> assetJson(Asset a) {
        Repo repo = a.release.repo;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", apiUrl() + "/repos/" + repo.fullName() + "/releases/assets/" + a.id);
        m.put("browser_download_url", webUrl() + repo.fullName() + "/releases/download/" + a.release.tag + "/"
                + a.name);
        m.put("id", a.id);
        m.put("node_id", nodeId("012:ReleaseAsset", a.id));
        m.put("name", a.name);
        m.put("label", "");
        m.put("state", "uploaded");
        m.put("content_type", a.name.endsWith(".whl") ? "application/zip" : "application/gzip");
        m.put("size", a.size);
        m.put("digest", a.withDigest ? "sha256:" + a.sha256 : null);
        m.put("download_count", a.downloadCount);
        m.put("created_at", a.created.toString());
        m.put("updated_at", a.created.toString());
        m.put("uploader", ownerJson(repo.owner));
        return m;
    }

    String viewerLogin() {
        return viewer;
    }

    Owner ownerOrNull(String login) {
        return owners.get(login);
    }

    static String nodeId(String prefix, long id) {
        return Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        Headers out = ex.getResponseHeaders();
        r.headers.forEach(out::add);
        out.add("X-GitHub-Request-Id", "CAFE:" + Integer.toHexString(Objects.hashCode(r)));
        boolean empty = r.body.length == 0 || r.status == 304;
        ex.sendResponseHeaders(r.status, empty ? -1 : r.body.length);
        if (!empty) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(r.body);
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }

    static String sha1(String s) {
        return HexFormat.of().formatHex(digest("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Git blob id: SHA-1 of {@code "blob LEN\0"} and the bytes. */
    static String blobOid(byte[] bytes) {
        MessageDigest md = digest("SHA-1");
        md.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(md.digest(bytes));
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return now;
    }

    /** @return the URI of the REST base, for tests that build URLs */
    public URI apiUri() {
        return URI.create(apiUrl());
    }
}
