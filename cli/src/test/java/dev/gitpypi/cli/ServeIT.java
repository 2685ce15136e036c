package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gitpypi serve} run as a separate process and asked over loopback as pip, uv and browsers ask. */
class ServeIT {
    /** pip's Accept header (SPEC PIP-01). */
    static final String PIP_ACCEPT =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";
    /** uv's Accept header (SPEC UV-01). */
    static final String UV_ACCEPT =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";
    /** A browser's Accept header. */
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @TempDir
    static Path site;

    static Cli.Running server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Path simple = Files.createDirectories(site.resolve("simple/foo-bar"));
        Files.writeString(site.resolve("simple/index.html"), "<!DOCTYPE html><html><body>"
                + "<a href=\"foo-bar/\">Foo_Bar</a></body></html>\n");
        Files.writeString(site.resolve("simple/index.json"),
                "{\"meta\":{\"api-version\":\"1.0\"},\"projects\":[{\"name\":\"Foo_Bar\"}]}\n");
        Files.writeString(simple.resolve("index.html"), "<!DOCTYPE html><html><body>"
                + "<a href=\"../../files/foo-bar/foo_bar-1.0.tar.gz\">foo_bar-1.0.tar.gz</a></body></html>\n");
        Files.writeString(simple.resolve("index.json"), "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"foo-bar\","
                + "\"files\":[]}\n");
        Files.createDirectories(site.resolve("files/foo-bar"));
        Files.write(site.resolve("files/foo-bar/foo_bar-1.0.tar.gz"), new byte[] {31, -117, 8, 0});
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>landing</title>\n");
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        Files.write(site.resolve("files/foo-bar/foo_bar-2.0-py3-none-any.whl"), big);
        server = new Cli.Running(site, "serve", site.toString(), "--port", "0");
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)simple/").matcher(server.firstLine);
        assertThat(m.find()).as("first line: %s", server.firstLine).isTrue();
        base = m.group(1);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "pip|" + PIP_ACCEPT + "|application/vnd.pypi.simple.v1+json",
        "uv|" + UV_ACCEPT + "|application/vnd.pypi.simple.v1+json",
        "browser|" + BROWSER_ACCEPT + "|text/html; charset=utf-8",
        "html only|text/html|text/html; charset=utf-8",
        "v1+html preferred|application/vnd.pypi.simple.v1+html, application/vnd.pypi.simple.v1+json;q=0.5"
                + "|application/vnd.pypi.simple.v1+html; charset=utf-8",
        "latest json alias|application/vnd.pypi.simple.latest+json|application/vnd.pypi.simple.v1+json",
        "anything|*/*|application/vnd.pypi.simple.v1+json",
        "json refused|application/vnd.pypi.simple.v1+json;q=0, text/html;q=0.5|text/html; charset=utf-8",
    })
    void negotiatesTheProjectPage(String client, String accept, String expectedType) throws Exception {
        HttpResponse<String> r = get("simple/foo-bar/", accept);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(expectedType);
        assertThat(r.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Last-Modified")).isPresent();
        if (expectedType.contains("json")) {
            assertThat(r.body()).startsWith("{\"meta\"");
        } else {
            assertThat(r.body()).startsWith("<!DOCTYPE html>");
        }
    }

    @Test
    void noAcceptHeaderIsAnythingAndGetsTheMostExpressiveForm() throws Exception {
        HttpResponse<String> r = get("simple/", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.pypi.simple.v1+json");
    }

    @Test
    void unacceptableIs406() throws Exception {
        HttpResponse<String> r = get("simple/foo-bar/", "application/json");
        assertThat(r.statusCode()).isEqualTo(406);
    }

    @ParameterizedTest
    @CsvSource({
        "text/html,text/html; charset=utf-8",
        "application/vnd.pypi.simple.v1+json,application/vnd.pypi.simple.v1+json",
        "application/vnd.pypi.simple.latest+html,application/vnd.pypi.simple.v1+html; charset=utf-8"})
    void formatParameterOverridesAccept(String format, String expected) throws Exception {
        HttpResponse<String> r = get("simple/foo-bar/?format=" + format.replace("+", "%2B"), PIP_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(expected);
    }

    @Test
    void unknownFormatIs406() throws Exception {
        assertThat(get("simple/foo-bar/?format=application/xml", null).statusCode()).isEqualTo(406);
    }

    @Test
    void redirectsToTheTrailingSlashAndTheNormalizedName() throws Exception {
        HttpResponse<String> r = get("simple/foo-bar", PIP_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/simple/foo-bar/");
        r = get("simple/Foo_Bar/", PIP_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/simple/foo-bar/");
        r = get("simple/FOO.bar", PIP_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/simple/foo-bar/");
        assertThat(get("simple", null).headers().firstValue("Location")).hasValue("/simple/");
    }

    @Test
    void unknownProjectAndTraversalAre404() throws Exception {
        assertThat(get("simple/nope/", PIP_ACCEPT).statusCode()).isEqualTo(404);
        assertThat(get("simple/..%2F..%2Fetc/", PIP_ACCEPT).statusCode()).isEqualTo(404);
        assertThat(get("files/../../../etc/passwd", null).statusCode()).isEqualTo(404);
        assertThat(get("files/%2e%2e/%2e%2e/etc/passwd", null).statusCode()).isEqualTo(404);
    }

    @Test
    void conditionalRequestsAnswer304() throws Exception {
        HttpResponse<String> first = get("simple/foo-bar/", PIP_ACCEPT);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(base + "simple/foo-bar/"))
                .header("Accept", PIP_ACCEPT).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        // the HTML variant has another ETag, so a cache cannot mix the two
        HttpResponse<String> html = get("simple/foo-bar/", "text/html");
        assertThat(html.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        HttpResponse<String> since = HTTP.send(HttpRequest.newBuilder(URI.create(base + "simple/foo-bar/"))
                .header("Accept", PIP_ACCEPT)
                .header("If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(since.statusCode()).isEqualTo(304);
    }

    @Test
    void largeFilesAreStreamedWholeWithAnEtagAndRevalidate() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "files/foo-bar/foo_bar-2.0-py3-none-any.whl")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(site.resolve("files/foo-bar/foo_bar-2.0-py3-none-any.whl")));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "files/foo-bar/foo_bar-2.0-py3-none-any.whl")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void filesAndLandingPageAreStatic() throws Exception {
        HttpResponse<String> r = get("files/foo-bar/foo_bar-1.0.tar.gz", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/gzip");
        HttpResponse<String> landing = get("", BROWSER_ACCEPT);
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("landing");
    }
}
