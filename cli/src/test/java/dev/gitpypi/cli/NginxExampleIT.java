package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void exampleConfigurationNegotiatesAsPipAndUvNeed() throws Exception {
        Nginx.assumeAvailable();
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("simple/foo"));
        Files.createDirectories(site.resolve("files/foo"));
        Files.writeString(site.resolve("simple/foo/index.html"), "<!DOCTYPE html><html></html>\n");
        Files.writeString(site.resolve("simple/foo/index.json"), "{\"meta\":{\"api-version\":\"1.0\"}}\n");
        Files.writeString(site.resolve("files/foo/foo-1.0-py3-none-any.whl"), "zip");
        try (Nginx nginx = Nginx.start(site, tmp.resolve("nginx"))) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = nginx.baseUrl();
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "simple/foo/"))
                    .header("Accept", ServeIT.PIP_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
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
        }
    }
}
