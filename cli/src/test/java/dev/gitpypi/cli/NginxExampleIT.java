package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's nginx configuration ({@code examples/nginx.conf}) really negotiates PEP 691: a real nginx on
 * loopback answers pip's Accept header with the JSON form under its exact media type and a browser with HTML.
 * {@code .ci/run} installs nginx; set {@code -DskipNginxTests=true} to skip where it cannot be installed.
 */
class NginxExampleIT {
    @TempDir
    Path tmp;

    /** The JUnit temp folder is private to its owner: nginx's workers must run as that owner to read it. */
    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void exampleConfigurationNegotiatesAsPipAndUvNeed() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipNginxTests"), "nginx tests skipped");
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            throw new AssertionError("nginx is not installed (.ci/run installs it; or pass -DskipNginxTests=true)");
        }
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("simple/foo"));
        Files.createDirectories(site.resolve("files/foo"));
        Files.writeString(site.resolve("simple/foo/index.html"), "<!DOCTYPE html><html></html>\n");
        Files.writeString(site.resolve("simple/foo/index.json"), "{\"meta\":{\"api-version\":\"1.0\"}}\n");
        Files.writeString(site.resolve("files/foo/foo-1.0-py3-none-any.whl"), "zip");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String example = Files.readString(Path.of("..", "examples", "nginx.conf"));
        Files.writeString(tmp.resolve("gitpypi.conf"), example.replace("/srv/python-index", site.toString())
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";"));
        Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(tmp.resolve("nginx.conf"), "worker_processes 1;\n" + (isRoot() ? "user root;\n" : "")
                + "pid " + tmp.resolve("nginx.pid") + ";\n"
                + "error_log " + tmp.resolve("logs/error.log") + ";\nevents { worker_connections 64; }\n"
                + "http {\n access_log off;\n include /etc/nginx/mime.types;\n"
                + " client_body_temp_path " + tmp + "/body;\n proxy_temp_path " + tmp + "/proxy;\n"
                + " fastcgi_temp_path " + tmp + "/fcgi;\n uwsgi_temp_path " + tmp + "/uwsgi;\n"
                + " scgi_temp_path " + tmp + "/scgi;\n include " + tmp.resolve("gitpypi.conf") + ";\n}\n");
        Process p = new ProcessBuilder(nginx.toString(), "-p", tmp.toString(), "-c",
                tmp.resolve("nginx.conf").toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("logs/stdout.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://127.0.0.1:" + port + "/";
            HttpResponse<String> json = null;
            for (int i = 0; i < 100 && json == null; i++) {
                try {
                    json = http.send(HttpRequest.newBuilder(URI.create(base + "simple/foo/"))
                            .header("Accept", ServeIT.PIP_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.net.ConnectException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(json).as("nginx answered; log: %s", Files.readString(tmp.resolve("logs/stdout.log")))
                    .isNotNull();
            assertThat(json.headers().firstValue("Content-Type")).as("%s %s %s", json.statusCode(), json.headers(),
                    json.body()).hasValue("application/vnd.pypi.simple.v1+json");
            assertThat(json.headers().firstValue("Vary")).hasValue("Accept");
            assertThat(json.body()).startsWith("{\"meta\"");
            HttpResponse<String> uv = http.send(HttpRequest.newBuilder(URI.create(base + "simple/foo/"))
                    .header("Accept", ServeIT.UV_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(uv.headers().firstValue("Content-Type")).hasValue("application/vnd.pypi.simple.v1+json");
            HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(base + "simple/foo/"))
                    .header("Accept", ServeIT.BROWSER_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(html.body()).startsWith("<!DOCTYPE html>");
            HttpResponse<String> noSlash = http.send(HttpRequest.newBuilder(URI.create(base + "simple/foo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noSlash.statusCode()).isEqualTo(301);
            assertThat(noSlash.headers().firstValue("Location")).get().asString().endsWith("/simple/foo/");
            HttpResponse<String> wheel = http.send(HttpRequest.newBuilder(
                    URI.create(base + "files/foo/foo-1.0-py3-none-any.whl")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wheel.headers().firstValue("Content-Type")).hasValue("application/zip");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
