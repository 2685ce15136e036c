package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    static Path tmp;

    static Path site;
    static Path outside;

    static Cli.Running server;
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        outside = Files.createDirectories(tmp.resolve("outside"));
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
        server = new Cli.Running(tmp, "serve", "site", "--port", "0", "--access-log");
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)simple/").matcher(server.firstLine);
        assertThat(m.find()).as("first line: %s", server.firstLine).isTrue();
        base = m.group(1);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static int port() {
        return URI.create(base).getPort();
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
        "anything|*/*|text/html; charset=utf-8",
        "curl|*/*|text/html; charset=utf-8",
        "any application type|application/*|application/vnd.pypi.simple.v1+html; charset=utf-8",
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
    void noAcceptHeaderGetsHtmlAsFromPypiOrg() throws Exception {
        HttpResponse<String> r = get("simple/", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port())) {
            // no Accept header at all (java.net.http adds none either, but be explicit on the wire)
            s.getOutputStream().write("GET /simple/foo-bar/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).contains("Content-Type: text/html; charset=utf-8").contains("<!DOCTYPE html>");
        }
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
        HttpResponse<String> typo = get("simple/foo-baz/", PIP_ACCEPT);
        assertThat(typo.statusCode()).isEqualTo(404);
        assertThat(typo.body()).isEqualTo("no project named foo-baz (did you mean foo-bar?)\n");
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

    /** Item 4 of "Security first": links out of the site are not followed, for pages and files alike. */
    @Test
    void symbolicLinksOutOfTheSiteAreNotFollowed() throws Exception {
        String secret = "outside-secret-" + System.nanoTime();
        Files.writeString(outside.resolve("secret.txt"), secret);
        Files.writeString(outside.resolve("index.html"), "<!DOCTYPE html>" + secret);
        Files.writeString(outside.resolve("index.json"), "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\""
                + secret + "\",\"files\":[]}");
        Files.createDirectories(outside.resolve("linked-project"));
        Files.writeString(outside.resolve("linked-project/index.html"), "<!DOCTYPE html>" + secret);
        // a folder link under files/, a file link, a linked project folder, a linked page in a real project folder
        Files.createSymbolicLink(site.resolve("files/linkdir"), outside);
        Files.createSymbolicLink(site.resolve("files/foo-bar/leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("simple/linked"), outside.resolve("linked-project"));
        Path evil = Files.createDirectories(site.resolve("simple/evil"));
        Files.createSymbolicLink(evil.resolve("index.html"), outside.resolve("index.html"));
        Files.createSymbolicLink(evil.resolve("index.json"), outside.resolve("index.json"));
        Path other = Files.createDirectories(site.resolve("other"));
        Files.createSymbolicLink(other.resolve("index.html"), outside.resolve("index.html"));
        // a link that stays inside the site still works
        Files.createSymbolicLink(site.resolve("files/foo-bar/alias.tar.gz"), site.resolve(
                "files/foo-bar/foo_bar-1.0.tar.gz"));
        for (String path : new String[] {"files/linkdir/secret.txt", "files/linkdir/index.html", "files/linkdir/",
            "files/foo-bar/leak.txt", "simple/linked/", "simple/evil/", "other/", "other/index.html"}) {
            for (String accept : new String[] {null, PIP_ACCEPT}) {
                HttpResponse<String> r = get(path, accept);
                assertThat(r.statusCode()).as(path).isIn(404, 406);
                assertThat(r.body()).as(path).doesNotContain(secret);
            }
        }
        HttpResponse<String> inside = get("files/foo-bar/alias.tar.gz", null);
        assertThat(inside.statusCode()).isEqualTo(200);
    }

    /**
     * Item 5 of "Security first": hundreds of idle sockets and slow-loris heads from the same address, and clients
     * that never read, do not keep normal requests from being answered.
     */
    @Test
    void idleAndSlowClientsDoNotStopTheServer() throws Exception {
        List<Socket> attack = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                attack.add(new Socket(InetAddress.getLoopbackAddress(), port()));
            }
            for (int i = 0; i < 100; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
                s.getOutputStream().write("GET /simple/ HTTP/1.1\r\nHost: x\r\nX-Slow: a"
                        .getBytes(StandardCharsets.US_ASCII));
                attack.add(s);
            }
            for (int i = 0; i < 10; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
                s.setReceiveBufferSize(4096);
                s.getOutputStream().write("GET /files/foo-bar/foo_bar-2.0-py3-none-any.whl HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                attack.add(s);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "simple/foo-bar/"))
                        .header("Accept", PIP_ACCEPT).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        } finally {
            for (Socket s : attack) {
                s.close();
            }
        }
    }

    @Test
    void accessLogHasALinePerRequestWithTheAcceptHeaderAndNothingForged() throws Exception {
        get("simple/foo-bar/", PIP_ACCEPT);
        server.awaitLine(l -> l.contains("\"GET /simple/foo-bar/ HTTP/1.1\" 200 ") && l.endsWith("\"" + PIP_ACCEPT
                + "\""));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port())) {
            s.getOutputStream().write(("GET /simple/nope/?x=\"forged HTTP/1.1\r\nHost: x\r\n"
                    + "User-Agent: evil\u001b[31m\"\r\nReferer: http://user:s3cr3t@example.org/\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getInputStream().readAllBytes();
        }
        String line = server.awaitLine(l -> l.contains("/simple/nope/"));
        assertThat(line).contains("\"GET /simple/nope/?x=\\\"forged HTTP/1.1\" 404 ")
                .contains("\"evil\\x1b[31m\\\"\"").contains("\"http://example.org/\"")
                .doesNotContain("s3cr3t").doesNotContain("\u001b");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        ProcessResult r = Cli.run(tmp, "serve", "site", "--port", Integer.toString(port()));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains("port " + port() + " is already in use").doesNotContain("\tat ");
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
