package dev.gitpypi.cli;

import dev.gitpypi.cli.HttpService.Request;
import dev.gitpypi.cli.HttpService.Response;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.validator.internal.Suggestions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Serves a built site over HTTP as a conformant simple repository (SPEC P691-01..03, P503-04/05, PIP-02, UV-01):
 * PEP 691 content negotiation for {@code /simple/} pages from the {@code index.html} and {@code index.json} files
 * the site holds, {@code Vary: Accept}, ETag and Last-Modified with conditional requests, redirects from
 * {@code /simple/name} to {@code /simple/name/} and from non-normalized names to normalized ones, 404 and 406.
 * Every other file of the site is served as a static file.
 *
 * <p>Nothing outside the site is reachable: a request path is decoded once and normalized, and the file it names is
 * served only if its real path (every symbolic link resolved, folders included) is a regular file inside the real
 * path of the site folder. A link that stays inside the site is followed; one that leaves it is a 404. Connections
 * are handled by {@link HttpService}, which idle and slow clients cannot exhaust.
 */
final class SiteServer implements AutoCloseable {
    /** Files up to this size are read whole (pages); larger ones are streamed. */
    private static final long SMALL_FILE = 1 << 20;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Path siteRoot;
    private final Path simpleRoot;
    private final Path realRoot;
    private @Nullable HttpService http;

    private SiteServer(Path siteRoot, Path simpleRoot, Path realRoot) {
        this.siteRoot = siteRoot;
        this.simpleRoot = simpleRoot;
        this.realRoot = realRoot;
    }

    /**
     * Starts serving.
     *
     * @param site a site folder (holding {@code simple/}) or a simple root itself
     * @param address where to listen
     * @param limits connection bounds
     * @param accessLog hears about every request, or null
     * @return the running server
     * @throws java.net.BindException if the address is in use or not this machine's
     * @throws IOException if the site folder cannot be resolved or the server cannot start
     */
    static SiteServer start(Path site, InetSocketAddress address, HttpService.Limits limits,
            @Nullable Consumer<HttpService.Exchange> accessLog) throws IOException {
        Path root = site.toAbsolutePath().normalize();
        Path simple = Files.isDirectory(root.resolve("simple")) ? root.resolve("simple") : root;
        SiteServer s = new SiteServer(root, simple, root.toRealPath());
        s.http = HttpService.start(address, s::handle, limits, accessLog);
        return s;
    }

    /** @return the bound port */
    int port() {
        return Objects.requireNonNull(http).address().getPort();
    }

    /** @return the host part of the listening address, for URLs */
    String host() {
        String h = Objects.requireNonNull(http).address().getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    Response handle(Request request) throws IOException {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return text(405, "method not allowed\n").header("Allow", "GET, HEAD");
        }
        String rawPath = request.rawPath();
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text(400, "bad request path\n");
        }
        if (path.indexOf('\0') >= 0 || path.contains("\\")) {
            return notFound();
        }
        @Nullable String query = request.rawQuery();
        if (path.equals("/simple")) {
            return redirect("/simple/", query);
        } else if (path.startsWith("/simple/")) {
            return serveSimple(request, path, path.substring("/simple/".length()), query);
        } else if (simpleRoot.equals(siteRoot)) {
            // a bare simple root: serve it at / as well
            return serveSimple(request, path, path.substring(1), query);
        }
        return serveStatic(request, path);
    }

    private Response serveSimple(Request request, String path, String rest, @Nullable String query)
            throws IOException {
        if (rest.isEmpty()) {
            return servePage(request, simpleRoot, query);
        }
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        @Nullable String after = slash < 0 ? null : rest.substring(slash + 1);
        if (after != null && !after.isEmpty()) {
            // files under a project folder (a simple root may host files beside pages)
            return serveFile(request, simpleRoot.resolve(name).resolve(after));
        }
        if (!ProjectName.isValid(name)) {
            return notFound();
        }
        String normalized = ProjectName.normalize(name);
        Path dir = simpleRoot.resolve(normalized);
        if (!Files.isDirectory(dir)) {
            return text(404, "no project named " + normalized + Suggestions.didYouMean(normalized,
                    projectNames()) + "\n");
        }
        if (!normalized.equals(name) || after == null) {
            return redirect((path.startsWith("/simple/") ? "/simple/" : "/") + normalized + "/", query);
        }
        return servePage(request, dir, query);
    }

    private Response servePage(Request request, Path dir, @Nullable String query) throws IOException {
        @Nullable Path html = inside(dir.resolve("index.html"));
        @Nullable Path json = inside(dir.resolve("index.json"));
        if (html == null && json == null) {
            return notFound();
        }
        @Nullable String format = queryParameter(query, "format");
        Optional<String> type = MediaNegotiation.choose(request.header("Accept"), format, json != null);
        if (type.isEmpty() || (!type.get().equals(MediaNegotiation.JSON) && html == null)) {
            return text(406, "not acceptable: this page is offered as " + MediaNegotiation.JSON + ", "
                    + MediaNegotiation.HTML_V1 + " and " + MediaNegotiation.TEXT_HTML + "\n").header("Vary", "Accept");
        }
        String media = type.get();
        Path file = Objects.requireNonNull(media.equals(MediaNegotiation.JSON) ? json : html);
        String contentType = media.equals(MediaNegotiation.JSON) ? media : media + "; charset=utf-8";
        return sendFile(request, file, contentType).header("Vary", "Accept").header("Cache-Control", "no-cache");
    }

    private Response serveStatic(Request request, String path) throws IOException {
        Path target = siteRoot.resolve(path.substring(1)).normalize();
        if (!target.startsWith(siteRoot)) {
            return notFound();
        }
        if (Files.isDirectory(target)) {
            if (!path.endsWith("/")) {
                return redirect(path + "/", request.rawQuery());
            }
            target = target.resolve("index.html");
        }
        return serveFile(request, target);
    }

    private Response serveFile(Request request, Path candidate) throws IOException {
        @Nullable Path file = inside(candidate);
        if (file == null) {
            return notFound();
        }
        return sendFile(request, file, contentType(file.getFileName().toString()));
    }

    /**
     * The real path of a regular file inside the site, or null: the candidate must be inside the site folder as
     * written ({@code ..} removed) and, with every link resolved, inside its real path (item 4 of "Security first": a
     * link to a folder or a file outside the site is not followed out of it).
     */
    private @Nullable Path inside(Path candidate) {
        Path lexical = candidate.normalize();
        if (!lexical.startsWith(siteRoot)) {
            return null;
        }
        try {
            Path real = lexical.toRealPath();
            if (!real.startsWith(realRoot)
                    || !Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .isRegularFile()) {
                return null;
            }
            return real;
        } catch (IOException e) {
            return null;
        }
    }

    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (n.endsWith(".json")) {
            return "application/json";
        }
        if (n.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (n.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (n.endsWith(".xml")) {
            return "application/atom+xml; charset=utf-8";
        }
        if (n.endsWith(".whl") || n.endsWith(".zip")) {
            return "application/zip";
        }
        if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
            return "application/gzip";
        }
        if (n.endsWith(".metadata") || n.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static Response sendFile(Request request, Path file, String contentType) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long size = attrs.size();
        Instant modified = attrs.lastModifiedTime().toInstant();
        // pages are small: their ETag is a digest of the bytes (and the type, so the HTML and JSON forms differ);
        // hosted files can be large: like nginx, size and modification time, without reading them
        boolean small = size <= SMALL_FILE;
        byte @Nullable [] body = small ? Files.readAllBytes(file) : null;
        String etag = "\"" + (body != null ? etag(body, contentType)
                : Long.toHexString(modified.toEpochMilli()) + "-" + Long.toHexString(size)) + "\"";
        String lastModified = HTTP_DATE.format(modified.truncatedTo(ChronoUnit.SECONDS));
        @Nullable String ifNoneMatch = request.header("If-None-Match");
        @Nullable String ifModifiedSince = request.header("If-Modified-Since");
        boolean notModified;
        if (ifNoneMatch != null) {
            notModified = ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
        } else {
            notModified = ifModifiedSince != null
                    && notModifiedSince(ifModifiedSince, modified.truncatedTo(ChronoUnit.SECONDS));
        }
        Response r;
        if (notModified) {
            r = Response.empty(304);
        } else if (body != null) {
            r = Response.bytes(200, contentType, body);
        } else if (request.method().equals("HEAD")) {
            r = Response.file(contentType, null, size);
        } else {
            r = Response.file(contentType, FileChannel.open(file, StandardOpenOption.READ), size);
        }
        return r.header("ETag", etag).header("Last-Modified", lastModified);
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        try {
            return !modified.isAfter(Instant.from(HTTP_DATE.parse(header.strip())));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String etag(byte[] body, String contentType) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(contentType.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(body);
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response redirect(String location, @Nullable String query) {
        return text(301, "moved to " + location + "\n").header("Location",
                query == null ? location : location + "?" + query);
    }

    /** The site's project names (its simple root's folders), for a did-you-mean on a 404; bounded for big sites. */
    private List<String> projectNames() throws IOException {
        try (java.util.stream.Stream<Path> dirs = Files.list(simpleRoot)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(ProjectName::isNormalized).limit(100_000).toList();
        }
    }

    private static Response notFound() {
        return text(404, "not found\n");
    }

    private static Response text(int status, String text) {
        return Response.text(status, text);
    }

    static @Nullable String queryParameter(@Nullable String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }
}
