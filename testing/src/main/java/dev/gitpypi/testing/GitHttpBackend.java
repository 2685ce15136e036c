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
 * Git's smart HTTP protocol on 127.0.0.1: a JDK HTTP server that runs the real {@code git http-backend} as a CGI
 * program for every request (fetches and pushes; server-side hooks such as {@code pre-receive} run), with no system
 * or global git configuration, optionally behind HTTP basic authentication (a request without the right
 * {@code Authorization} gets 401 with a {@code WWW-Authenticate} challenge, as GitHub answers). Records every
 * request (method and path) and every {@code Authorization} header it receives. Tests can run an action just before each push is handed to Git ({@link #beforeReceivePack}), which
 * makes "someone else pushed in between" deterministic, and answer other paths of the same host with fixed JSON
 * ({@link #answerJson}), as a forge's API on the Git host does (GitHub Enterprise Server serves {@code /api/v3/}
 * beside its repositories); an unknown path under {@code /api/} answers GitHub's 404.
 */
public final class GitHttpBackend implements AutoCloseable {
    private final Path root;
    private final String authorization;
    private final String user;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeReceivePack = () -> { };
    private final Map<String, Object[]> json = new java.util.concurrent.ConcurrentHashMap<>();

    private GitHttpBackend(Path root, String user, String password) throws IOException {
        this.root = root.toAbsolutePath();
        this.user = user;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Serves a folder of repositories without authentication (pushes allowed).
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
     * @param root the folder that holds the repositories
     * @param user the user name
     * @param password the password or token
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

    /** @return every {@code Authorization} header received so far, on any route */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /**
     * Runs an action before each push ({@code POST …/git-receive-pack}) reaches Git, on the server's thread.
     *
     * @param action the action
     */
    public void beforeReceivePack(Runnable action) {
        this.beforeReceivePack = action;
    }

    /**
     * Answers requests for one path (no authentication asked) with a status and a JSON body.
     *
     * @param path such as {@code /api/v3/repos/acme/index}
     * @param status the HTTP status
     * @param body the JSON text
     */
    public void answerJson(String path, int status, String body) {
        json.put(path, new Object[] {status, body});
    }

    private void answer(HttpExchange ex, Object[] answer) throws IOException {
        byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders((Integer) answer[0], body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            String path = ex.getRequestURI().getPath();
            Object[] fixed = json.get(path);
            if (fixed != null || path.startsWith("/api/")) {
                answer(ex, fixed != null ? fixed : new Object[] {404, "{\"message\":\"Not Found\","
                        + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}"});
                return;
            }
            if (authorization != null && !authorization.equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().endsWith("/git-receive-pack")) {
                beforeReceivePack.run();
            }
            ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("GIT_"));
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            env.put("LC_ALL", "C");
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("PATH_INFO", ex.getRequestURI().getRawPath());
            env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            env.put("REQUEST_METHOD", ex.getRequestMethod());
            env.put("REMOTE_ADDR", "127.0.0.1");
            // http-backend accepts pushes only from an authenticated user
            env.put("REMOTE_USER", user == null ? "anonymous" : user);
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
                if (c == '\n' && prev == '\n') {
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
