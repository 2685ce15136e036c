package dev.gitpypi.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gitpypi.core.ProjectName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Serves a built site over HTTP as a conformant simple repository (SPEC P691-01..03, P503-04/05, PIP-02, UV-01):
 * PEP 691 content negotiation for {@code /simple/} pages from the {@code index.html} and {@code index.json} files
 * the site holds, {@code Vary: Accept}, ETag and Last-Modified with conditional requests, redirects from
 * {@code /simple/name} to {@code /simple/name/} and from non-normalized names to normalized ones, 404 and 406.
 * Every other file of the site is served as a static file. Nothing outside the site folder is reachable.
 */
final class SiteServer implements AutoCloseable {
    /** Files up to this size are read whole (pages); larger ones are streamed. */
    private static final long SMALL_FILE = 1 << 20;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Path siteRoot;
    private final Path simpleRoot;
    private final HttpServer server;
    private final ExecutorService executor;

    private SiteServer(Path siteRoot, Path simpleRoot, HttpServer server, ExecutorService executor) {
        this.siteRoot = siteRoot;
        this.simpleRoot = simpleRoot;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param site a site folder (holding {@code simple/}) or a simple root itself
     * @param address where to listen
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    static SiteServer start(Path site, InetSocketAddress address) throws IOException {
        Path root = site.toAbsolutePath().normalize();
        Path simple = Files.isDirectory(root.resolve("simple")) ? root.resolve("simple") : root;
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "gitpypi-serve");
            t.setDaemon(true);
            return t;
        });
        SiteServer s = new SiteServer(root, simple, server, executor);
        server.createContext("/", s::handle);
        server.setExecutor(executor);
        server.start();
        return s;
    }

    /** @return the bound port */
    int port() {
        return server.getAddress().getPort();
    }

    /** @return the host part of the listening address, for URLs */
    String host() {
        String h = server.getAddress().getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(ex, 405, "method not allowed\n");
                return;
            }
            URI uri = ex.getRequestURI();
            String rawPath = uri.getRawPath();
            String path;
            try {
                path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                sendText(ex, 400, "bad request path\n");
                return;
            }
            if (path.indexOf('\0') >= 0 || path.contains("\\")) {
                sendText(ex, 404, "not found\n");
                return;
            }
            @Nullable String query = uri.getRawQuery();
            if (path.equals("/simple")) {
                redirect(ex, "/simple/", query);
            } else if (path.startsWith("/simple/")) {
                serveSimple(ex, path.substring("/simple/".length()), query);
            } else if (simpleRoot.equals(siteRoot)) {
                // a bare simple root: serve it at / as well
                serveSimple(ex, path.substring(1), query);
            } else {
                serveStatic(ex, path);
            }
        }
    }

    private void serveSimple(HttpExchange ex, String rest, @Nullable String query) throws IOException {
        if (rest.isEmpty()) {
            servePage(ex, simpleRoot, query);
            return;
        }
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        @Nullable String after = slash < 0 ? null : rest.substring(slash + 1);
        if (after != null && !after.isEmpty()) {
            // files under a project folder (a simple root may host files beside pages)
            serveFile(ex, simpleRoot, name + "/" + after);
            return;
        }
        if (!ProjectName.isValid(name)) {
            sendText(ex, 404, "not found\n");
            return;
        }
        String normalized = ProjectName.normalize(name);
        Path dir = simpleRoot.resolve(normalized);
        if (!Files.isDirectory(dir)) {
            sendText(ex, 404, "no project named " + normalized + "\n");
            return;
        }
        if (!normalized.equals(name) || after == null) {
            redirect(ex, prefix(ex) + normalized + "/", query);
            return;
        }
        servePage(ex, dir, query);
    }

    private static String prefix(HttpExchange ex) {
        return ex.getRequestURI().getRawPath().startsWith("/simple/") ? "/simple/" : "/";
    }

    private void servePage(HttpExchange ex, Path dir, @Nullable String query) throws IOException {
        Path html = dir.resolve("index.html");
        Path json = dir.resolve("index.json");
        if (!Files.isRegularFile(html) && !Files.isRegularFile(json)) {
            sendText(ex, 404, "not found\n");
            return;
        }
        @Nullable String format = queryParameter(query, "format");
        Optional<String> type = MediaNegotiation.choose(ex.getRequestHeaders().getFirst("Accept"), format,
                Files.isRegularFile(json));
        Headers h = ex.getResponseHeaders();
        h.set("Vary", "Accept");
        if (type.isEmpty() || (!type.get().equals(MediaNegotiation.JSON) && !Files.isRegularFile(html))) {
            sendText(ex, 406, "not acceptable: this page is offered as " + MediaNegotiation.JSON + ", "
                    + MediaNegotiation.HTML_V1 + " and " + MediaNegotiation.TEXT_HTML + "\n");
            return;
        }
        String media = type.get();
        Path file = media.equals(MediaNegotiation.JSON) ? json : html;
        String contentType = media.equals(MediaNegotiation.JSON) ? media : media + "; charset=utf-8";
        h.set("Cache-Control", "no-cache");
        sendFile(ex, file, contentType);
    }

    private void serveStatic(HttpExchange ex, String path) throws IOException {
        String rel = path.substring(1);
        Path target = siteRoot.resolve(rel).normalize();
        if (!target.startsWith(siteRoot)) {
            sendText(ex, 404, "not found\n");
            return;
        }
        if (Files.isDirectory(target)) {
            if (!path.endsWith("/")) {
                redirect(ex, path + "/", ex.getRequestURI().getRawQuery());
                return;
            }
            target = target.resolve("index.html");
        }
        serveFile(ex, siteRoot, siteRoot.relativize(target).toString());
    }

    private void serveFile(HttpExchange ex, Path base, String rel) throws IOException {
        Path file = base.resolve(rel).normalize();
        if (!file.startsWith(siteRoot) || !Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
            sendText(ex, 404, "not found\n");
            return;
        }
        sendFile(ex, file, contentType(file.getFileName().toString()));
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

    private static void sendFile(HttpExchange ex, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        // pages are small: their ETag is a digest of the bytes (and the type, so the HTML and JSON forms differ);
        // hosted files can be large: like nginx, size and modification time, without reading them
        boolean small = size <= SMALL_FILE;
        byte @Nullable [] body = small ? Files.readAllBytes(file) : null;
        String etag = "\"" + (body != null ? etag(body, contentType)
                : Long.toHexString(modified.toEpochMilli()) + "-" + Long.toHexString(size)) + "\"";
        Headers h = ex.getResponseHeaders();
        h.set("ETag", etag);
        h.set("Last-Modified", HTTP_DATE.format(modified.truncatedTo(ChronoUnit.SECONDS)));
        h.set("Content-Type", contentType);
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
        boolean notModified;
        if (ifNoneMatch != null) {
            notModified = ifNoneMatch.strip().equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
        } else {
            notModified = ifModifiedSince != null
                    && notModifiedSince(ifModifiedSince, modified.truncatedTo(ChronoUnit.SECONDS));
        }
        if (notModified) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        if (body != null) {
            send(ex, 200, body);
            return;
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", Long.toString(size));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, size);
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
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

    private static void redirect(HttpExchange ex, String location, @Nullable String query) throws IOException {
        ex.getResponseHeaders().set("Location", query == null ? location : location + "?" + query);
        sendText(ex, 301, "moved to " + location + "\n");
    }

    private static void sendText(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(ex, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
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
        server.stop(0);
        executor.shutdownNow();
    }
}
