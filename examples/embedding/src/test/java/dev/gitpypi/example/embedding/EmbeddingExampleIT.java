package dev.gitpypi.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link EmbeddingExample} as a user's program runs: a separate JVM with the example's jar and its runtime
 * dependencies on the module path ({@code java -p … -m dev.gitpypi.example.embedding/…}), so the program links
 * only against what the library modules export.
 */
class EmbeddingExampleIT {
    @Test
    void runsOnTheModulePathUsingOnlyExportedPackages(@TempDir Path tmp) throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        TestDistributions.wheel(dist, "hello", "1.0.0", "Requires-Python: >=3.8");
        TestDistributions.wheel(dist, "hello", "1.1.0");
        TestDistributions.wheel(dist, "world", "2.0");
        Path site = tmp.resolve("site");
        String password = "pw-" + Long.toHexString(System.nanoTime());

        // the site the example writes, served on loopback behind basic authentication as a private index would be
        try (PrivateSite server = new PrivateSite(site, "ci", password)) {
            ProcessResult run = Processes.run(tmp, env -> {
                env.put("INDEX_USER", "ci");
                env.put("INDEX_PASSWORD", password);
            }, 120, List.of(java(), "--module-path", modulePath(), "--module",
                    "dev.gitpypi.example.embedding/dev.gitpypi.example.embedding.EmbeddingExample", dist.toString(),
                    site.toString(), server.url() + "simple/"));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("project: hello 2 files", "project: world 1 files",
                    "validated: 0 findings", "page: demo demo-1.0.tar.gz",
                    "private: hello-1.0.0-py3-none-any.whl pip USABLE, uv USABLE", "private: 0 errors")
                    .doesNotContain("problem:").doesNotContain(password);
            assertThat(server.refused).as("requests without the credentials").isZero();
            assertThat(server.served).isPositive();
        }
        assertThat(site.resolve("simple/hello/index.html")).isRegularFile();
    }

    /** A folder served on loopback as a static host does, answering 401 to any request without the credentials. */
    private static final class PrivateSite implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.concurrent.ExecutorService executor =
                java.util.concurrent.Executors.newFixedThreadPool(2);
        volatile int refused;
        volatile int served;

        PrivateSite(Path root, String user, String password) throws IOException {
            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                    java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> {
                try (ex) {
                    if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                        refused++;
                        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
                        ex.sendResponseHeaders(401, -1);
                        return;
                    }
                    Path p = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                    if (Files.isDirectory(p)) {
                        p = p.resolve("index.html");
                    }
                    if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                        ex.sendResponseHeaders(404, -1);
                        return;
                    }
                    served++;
                    byte[] body = Files.readAllBytes(p);
                    ex.getResponseHeaders().add("Content-Type", p.toString().endsWith(".html")
                            ? "text/html; charset=utf-8" : "application/octet-stream");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
            });
            server.setExecutor(executor);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The example's jar and its runtime dependencies, as the build listed them ({@code target/module-path.txt}). */
    private static String modulePath() throws IOException {
        Path target = Path.of("target");
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target)) {
            jars.filter(p -> p.getFileName().toString().matches("gitpypi-example-embedding-.*\\.jar"))
                    .forEach(p -> entries.add(p.toAbsolutePath().toString()));
        }
        assertThat(entries).as("the example's jar in target/").hasSize(1);
        entries.add(Files.readString(target.resolve("module-path.txt")).strip());
        return String.join(java.io.File.pathSeparator, entries);
    }
}
