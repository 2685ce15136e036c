package dev.gitpypi.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx on loopback serving one site with the README's {@code examples/nginx.conf}, as written except for
 * the site folder and the listening address. {@code .ci/run} installs nginx; {@code -DskipNginxTests=true} skips
 * the tests that need it where it cannot be installed.
 */
final class Nginx implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path work;

    private Nginx(Process process, int port, Path work) {
        this.process = process;
        this.port = port;
        this.work = work;
    }

    /** Skips the caller under {@code -DskipNginxTests=true}; fails when nginx is missing. */
    static void assumeAvailable() {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNginxTests"), "nginx tests skipped");
        if (!Files.isExecutable(NGINX)) {
            throw new AssertionError("nginx is not installed (.ci/run installs it; or pass -DskipNginxTests=true)");
        }
    }

    /**
     * Starts nginx with the example configuration.
     *
     * @param site the site folder ({@code /srv/python-index} in the example)
     * @param work an empty folder for nginx's configuration, logs and temporary files
     * @return the running nginx, answering on {@link #baseUrl()}
     */
    static Nginx start(Path site, Path work) throws IOException, InterruptedException {
        assumeAvailable();
        Files.createDirectories(work.resolve("logs"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String example = Files.readString(Path.of("..", "examples", "nginx.conf"));
        Files.writeString(work.resolve("gitpypi.conf"), example.replace("/srv/python-index", site.toString())
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";"));
        // the JUnit temp folder is private to its owner: nginx's workers must run as that owner to read it
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(work.resolve("nginx.conf"), "worker_processes 1;\n" + (root ? "user root;\n" : "")
                + "pid " + work.resolve("nginx.pid") + ";\n"
                + "error_log " + work.resolve("logs/error.log") + ";\nevents { worker_connections 64; }\n"
                + "http {\n access_log " + work.resolve("logs/access.log") + ";\n include /etc/nginx/mime.types;\n"
                + " client_body_temp_path " + work + "/body;\n proxy_temp_path " + work + "/proxy;\n"
                + " fastcgi_temp_path " + work + "/fcgi;\n uwsgi_temp_path " + work + "/uwsgi;\n"
                + " scgi_temp_path " + work + "/scgi;\n include " + work.resolve("gitpypi.conf") + ";\n}\n");
        Process p = new ProcessBuilder(NGINX.toString(), "-p", work.toString(), "-c",
                work.resolve("nginx.conf").toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(work.resolve("logs/stdout.log").toFile()).start();
        Nginx nginx = new Nginx(p, port, work);
        for (int i = 0; i < 200; i++) {
            try {
                new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
                return nginx;
            } catch (java.net.ConnectException e) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new AssertionError("nginx did not start: " + Files.readString(work.resolve("logs/stdout.log"))
                + Files.readString(work.resolve("logs/error.log")));
    }

    /** @return {@code http://127.0.0.1:PORT/} */
    String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** @return the folder with nginx's logs */
    Path logs() {
        return work.resolve("logs");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
