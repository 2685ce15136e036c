package dev.gitpypi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Serves a folder on 127.0.0.1 the way a static host does (GitHub Pages, nginx): a folder answers with its
 * {@code index.html}, a folder without the trailing slash redirects to it, file types by extension. With JSON
 * negotiation on, a folder that also has {@code index.json} answers with it as
 * {@code application/vnd.pypi.simple.v1+json} when the {@code Accept} header asks for that type. A server started
 * {@linkplain #startUnder under a base path} serves the folder there only, as GitHub Pages serves a project site
 * at {@code /REPO/} (and without negotiation, which Pages cannot do). Every request path is recorded, so tests can
 * assert what a client fetched.
 */
public final class StaticSiteServer implements AutoCloseable {
    private final Path root;
    private final boolean negotiateJson;
    private final String basePath;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private StaticSiteServer(Path root, boolean negotiateJson, String basePath) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.negotiateJson = negotiateJson;
        this.basePath = basePath;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server.
     *
     * @param root the folder to serve
     * @param negotiateJson whether to answer {@code index.json} to clients that accept the JSON type
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static StaticSiteServer start(Path root, boolean negotiateJson) throws IOException {
        return new StaticSiteServer(root, negotiateJson, "/");
    }

    /**
     * Starts a server that serves a folder under a base path only, as GitHub Pages serves a project site: HTML
     * only (no content negotiation), {@code /REPO} redirects to {@code /REPO/}, anything outside is 404.
     *
     * @param root the folder to serve
     * @param basePath such as {@code /python-index/}
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static StaticSiteServer startUnder(Path root, String basePath) throws IOException {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and end with /: " + basePath);
        }
        return new StaticSiteServer(root, false, basePath);
    }

    /** @return {@code http://127.0.0.1:PORT/} followed by the base path ({@code /} unless started under another) */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    /** @return the request paths seen so far, with the method, such as {@code GET /simple/foo/} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String rawPath = ex.getRequestURI().getRawPath();
            requests.add(ex.getRequestMethod() + " " + rawPath);
            String full = URI.create(rawPath).getPath();
            if ((full + "/").equals(basePath)) {
                ex.getResponseHeaders().add("Location", basePath);
                send(ex, 301, "text/plain", new byte[0]);
                return;
            }
            if (!full.startsWith(basePath)) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = full.substring(basePath.length() - 1);
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root)) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    ex.getResponseHeaders().add("Location", full + "/");
                    send(ex, 301, "text/plain", new byte[0]);
                    return;
                }
                String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
                Path json = file.resolve("index.json");
                if (negotiateJson && accept.contains("application/vnd.pypi.simple.v1+json") && Files.isRegularFile(json)) {
                    ex.getResponseHeaders().add("Vary", "Accept");
                    send(ex, 200, "application/vnd.pypi.simple.v1+json", Files.readAllBytes(json));
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, contentType(file.getFileName().toString()), Files.readAllBytes(file));
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".xml")) {
            return "application/xml";
        }
        if (name.endsWith(".metadata")) {
            return "application/octet-stream";
        }
        if (name.endsWith(".whl") || name.endsWith(".zip")) {
            return "application/zip";
        }
        if (name.endsWith(".tar.gz")) {
            return "application/gzip";
        }
        return "application/octet-stream";
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
