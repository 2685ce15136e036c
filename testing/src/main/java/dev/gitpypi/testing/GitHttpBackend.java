package dev.gitpypi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Smart HTTP on 127.0.0.1: a JDK HTTP server that runs {@code git http-backend} as a CGI program for every request,
 * optionally behind HTTP basic authentication (a request without the right {@code Authorization} gets 401 with a
 * {@code WWW-Authenticate} challenge, as GitHub answers). Records every request (method and path). The backend runs
 * with no system or global git configuration.
 */
public final class GitHttpBackend implements AutoCloseable {
    private final Path root;
    private final String authorization;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private GitHttpBackend(Path root, String user, String password) throws IOException {
        this.root = root;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Serves a folder of repositories without authentication.
     *
     * @param root the folder ({@code GIT_PROJECT_ROOT}): {@code URL/name.git} is {@code root/name.git}
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static GitHttpBackend start(Path root) throws IOException {
        return new GitHttpBackend(root, null, null);
    }

    /**
     * Serves a folder of repositories to one user with one password (HTTP basic authentication).
     *
     * @param root the folder
     * @param user the user name
     * @param password the password
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static GitHttpBackend startWithAuth(Path root, String user, String password) throws IOException {
        return new GitHttpBackend(root, user, password);
    }

    /** @return {@code http://127.0.0.1:PORT/} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** @return the requests seen so far, such as {@code GET /hello.git/info/refs?service=git-upload-pack} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            if (authorization != null && !authorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("GIT_"));
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("PATH_INFO", ex.getRequestURI().getRawPath());
            env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            env.put("REQUEST_METHOD", ex.getRequestMethod());
            env.put("REMOTE_ADDR", "127.0.0.1");
            env.put("REMOTE_USER", authorization == null ? "" : "user");
            putIfPresent(env, "CONTENT_TYPE", ex.getRequestHeaders().getFirst("Content-Type"));
            putIfPresent(env, "CONTENT_LENGTH", ex.getRequestHeaders().getFirst("Content-Length"));
            putIfPresent(env, "HTTP_CONTENT_ENCODING", ex.getRequestHeaders().getFirst("Content-Encoding"));
            putIfPresent(env, "GIT_PROTOCOL", ex.getRequestHeaders().getFirst("Git-Protocol"));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            Thread feeder = new Thread(() -> {
                try (OutputStream in = p.getOutputStream(); InputStream body = ex.getRequestBody()) {
                    body.transferTo(in);
                } catch (IOException ignored) {
                    // the backend may stop reading early; its answer says what happened
                }
            });
            feeder.start();
            InputStream out = p.getInputStream();
            ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
            int prev = -1;
            int c;
            while ((c = out.read()) >= 0) {
                if (c == '\n' && (prev == '\n')) {
                    break;
                }
                if (c != '\r') {
                    headerBytes.write(c);
                    prev = c;
                }
            }
            int status = 200;
            for (String line : headerBytes.toString(StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    ex.getResponseHeaders().add(name, value);
                }
            }
            ex.sendResponseHeaders(status, 0);
            try (OutputStream body = ex.getResponseBody()) {
                out.transferTo(body);
            }
            feeder.join(10_000);
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putIfPresent(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
