package dev.gitpypi.validator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server answering scripted responses per path, for the reader's and validator's HTTP tests. */
final class LoopbackServer implements AutoCloseable {
    /** A scripted answer. */
    interface Answer {
        void answer(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                Answer a = answers.get(ex.getRequestURI().getRawPath());
                if (a == null) {
                    send(ex, 404, "text/plain", "not found", Map.of());
                } else {
                    a.answer(ex);
                }
            } catch (IOException | RuntimeException e) {
                // the client went away (time-out tests); nothing to do
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    LoopbackServer on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    LoopbackServer page(String path, String contentType, String body) {
        return on(path, ex -> send(ex, 200, contentType, body, Map.of()));
    }

    LoopbackServer redirect(String path, String location) {
        return on(path, ex -> send(ex, 301, "text/plain", "", Map.of("Location", location)));
    }

    static void send(HttpExchange ex, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
