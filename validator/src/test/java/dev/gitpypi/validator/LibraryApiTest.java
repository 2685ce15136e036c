package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's library API as a Java caller uses it, through the exported package only: pages read from text,
 * a private index behind credentials, typed findings, rules switched off, network failures as
 * {@link IOException}s, and reports that parse whatever the index holds.
 */
class LibraryApiTest {
    private static final String H = "#sha256=" + "a".repeat(64);
    private static final String PROJECT_PAGE = "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\""
            + " content=\"1.0\"><title>Links for foo</title></head><body>\n"
            + "<a href=\"../../files/foo-1.0.tar.gz" + H + "\">foo-1.0.tar.gz</a>\n"
            + "<a href=\"https://files.example/foo-1.1-py3-none-any.whl" + H + "\" data-requires-python=\"&gt;=3.8\">"
            + "foo-1.1-py3-none-any.whl</a>\n</body></html>";

    @TempDir
    Path tmp;

    @Test
    void aProjectPageGivenAsTextIsReadAndValidated() throws IOException {
        URI url = URI.create("https://example.org/simple/foo/");
        Index index = IndexReader.defaults().read(PageText.of(PROJECT_PAGE, url, "text/html"));
        Project foo = index.project("foo").orElseThrow();
        // URLs are kept as written, as for every target (read(render(index)) equals index); the page's URL is
        // the base to resolve relative ones against
        assertThat(foo.distributions()).extracting(d -> url.resolve(d.url()).toString()).containsExactly(
                "https://example.org/files/foo-1.0.tar.gz", "https://files.example/foo-1.1-py3-none-any.whl");
        assertThat(foo.distributions().get(1).requiresPython()).contains(">=3.8");

        Report report = Validator.defaults().validate(PageText.of(PROJECT_PAGE, url, null));
        assertThat(report.findings()).isEmpty();
        assertThat(report.links()).hasSize(2).allSatisfy(l -> {
            assertThat(l.project()).isEqualTo("foo");
            assertThat(l.verdict(Installer.PIP).usable()).isTrue();
            assertThat(l.verdict(Installer.UV).usable()).isTrue();
        });

        // the same page from a stream, at a URL that names no project: the title says it
        PageText streamed = PageText.read(new ByteArrayInputStream(PROJECT_PAGE.getBytes(StandardCharsets.UTF_8)),
                URI.create("https://example.org/pages/saved.html"), "text/html; charset=utf-8");
        assertThat(IndexReader.defaults().read(streamed).project("foo")).isPresent();
    }

    @Test
    void jsonAndRootPagesGivenAsText() throws IOException {
        String json = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"bar\", \"versions\": [\"2.0\"], \"files\":"
                + " [{\"filename\": \"bar-2.0.tar.gz\", \"url\": \"bar-2.0.tar.gz\", \"hashes\": {\"sha256\": \""
                + "b".repeat(64) + "\"}, \"size\": 10}]}";
        Index index = IndexReader.defaults().read(PageText.of(json, URI.create("https://example.org/simple/x/"),
                "application/vnd.pypi.simple.v1+json"));
        // PEP 691's name wins over the URL's last segment
        assertThat(index.project("bar").orElseThrow().distributions().get(0).filename()).isEqualTo("bar-2.0.tar.gz");
        Report r = Validator.defaults().validate(PageText.of(json, URI.create("https://example.org/simple/bar/"),
                null));
        assertThat(r.findings()).isEmpty();

        String root = "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\"></head>"
                + "<body><a href=\"foo/\">foo</a><a href=\"Bar_Baz/\">Bar_Baz</a></body></html>";
        Index listed = IndexReader.defaults().read(PageText.of(root, URI.create("https://example.org/simple/"), null));
        assertThat(listed.projects()).containsOnlyKeys("foo", "bar-baz");
        Report rootReport = Validator.defaults().validate(PageText.of(root, URI.create("https://example.org/simple/"),
                null));
        assertThat(rootReport.findings(Rule.P503_03)).singleElement().satisfies(f ->
                assertThat(f.message()).contains("Bar_Baz/"));
    }

    @Test
    void aPageThatCannotSayItsProjectIsNamedByTheCaller() throws IOException {
        String page = "<!DOCTYPE html><a href=\"a-1.0.tar.gz" + H + "\">a-1.0.tar.gz</a><a href=\"b-1.0.tar.gz" + H
                + "\">b-1.0.tar.gz</a>";
        URI url = URI.create("https://example.org/find-links.html");
        assertThatThrownBy(() -> IndexReader.defaults().read(PageText.of(page, url, null)))
                .isInstanceOf(PageReadException.class).hasMessageContaining("cannot tell which project");
        Project a = IndexReader.defaults().readProject(PageText.of(page, url, null), "a");
        assertThat(a.distributions()).hasSize(2);
        Report unknown = Validator.defaults().validate(PageText.of(page, url, null));
        assertThat(unknown.findings()).extracting(Finding::rule).containsOnly(Rule.PIP_05, Rule.P629_01);
        assertThat(unknown.findings(Rule.PIP_05)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.message()).startsWith("not checked:");
        });
        Report named = Validator.builder().project("a").build().validate(PageText.of(page, url, null));
        assertThat(named.findings(Rule.PIP_05)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("b-1.0.tar.gz");
        });
        assertThatThrownBy(() -> Validator.defaults().validate(PageText.of("<p>hello</p>", url, "text/html")))
                .isInstanceOf(NotAnIndexException.class).hasMessageContaining("find-links.html");
        assertThatThrownBy(() -> PageText.of("x", URI.create("simple/foo/"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A loopback index that answers only with the right credentials, and records every Authorization it gets. */
    private static final class PrivateIndex implements AutoCloseable {
        final LoopbackServer server = new LoopbackServer();
        final LoopbackServer files = new LoopbackServer();
        final List<String> seenByIndex = new CopyOnWriteArrayList<>();
        final List<String> seenByFiles = new CopyOnWriteArrayList<>();

        PrivateIndex(String expected) throws IOException {
            String page = Fixtures.page("<a href=\"" + files.url("/foo-1.0.tar.gz") + "#sha256="
                    + DeepValidationTest.sha256("x".getBytes(StandardCharsets.UTF_8)) + "\">foo-1.0.tar.gz</a>");
            guard(server, "/simple/", Fixtures.root("<a href=\"foo/\">foo</a>"), expected);
            guard(server, "/simple/foo/", page, expected);
            files.on("/foo-1.0.tar.gz", ex -> {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                seenByFiles.add(String.valueOf(auth));
                LoopbackServer.send(ex, 200, "application/octet-stream", "x", Map.of());
            });
        }

        private void guard(LoopbackServer s, String path, String body, String expected) {
            s.on(path, (HttpExchange ex) -> {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                String key = ex.getRequestHeaders().getFirst("X-Api-Key");
                seenByIndex.add(auth + "|" + key);
                if (expected.equals(auth) || expected.equals("key:" + key)) {
                    LoopbackServer.send(ex, 200, "text/html", body, Map.of());
                } else {
                    LoopbackServer.send(ex, 401, "text/plain", "no", Map.of("WWW-Authenticate", "Basic realm=x"));
                }
            });
        }

        @Override
        public void close() {
            server.close();
            files.close();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPrivateIndexIsReachedWithTheCallersCredentialsWhichGoNowhereElse() throws IOException {
        String secret = "pa55-" + Long.toHexString(System.nanoTime());
        try (PrivateIndex index = new PrivateIndex(basic("me", secret))) {
            String url = index.server.url("/simple/");
            assertThatThrownBy(() -> Validator.defaults().validate(url)).isInstanceOf(PageReadException.class)
                    .hasMessageContaining("answers HTTP 401").hasMessageContaining("credentials");

            // user-info in the URL, as pip takes it
            String withInfo = url.replace("http://", "http://me:" + secret + "@");
            Report r = Validator.builder().deep(true).httpProbes(0).build().validate(withInfo);
            // the file was fetched and judged (it is no tar.gz): deep mode went through with the credentials
            assertThat(r.findings()).extracting(Finding::rule).containsOnly(Rule.SD_04);
            assertThat(r.links()).hasSize(1);
            assertThat(ReportFormat.TEXT.render(r) + ReportFormat.JSON.render(r) + ReportFormat.SARIF.render(r)
                    + ReportFormat.JUNIT.render(r) + r).doesNotContain(secret);
            // the files host is another origin: it got no credentials
            assertThat(index.seenByFiles).containsOnly("null");

            // the builder's basic auth, a bearer token, a header, a netrc file, a customizer
            IndexReader basic = IndexReader.builder().basicAuth("me", secret).netrc(false).build();
            assertThat(Validator.builder().reader(basic).build().validate(url).links()).hasSize(1);
            Path netrc = Files.writeString(tmp.resolve("netrc"), "machine 127.0.0.1 login me password " + secret
                    + "\n");
            IndexReader fromNetrc = IndexReader.builder().netrc(netrc).build();
            assertThat(fromNetrc.read(url).project("foo")).isPresent();
            IndexReader custom = IndexReader.builder().netrc(false).httpClient(HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER).build())
                    .requestCustomizer((u, b) -> b.setHeader("Authorization", basic("me", secret))).build();
            assertThat(custom.read(url).project("foo")).isPresent();
        }
        try (PrivateIndex index = new PrivateIndex("Bearer tok-123")) {
            IndexReader bearer = IndexReader.builder().bearerToken("tok-123").netrc(false).build();
            assertThat(bearer.read(index.server.url("/simple/")).project("foo")).isPresent();
        }
        try (PrivateIndex index = new PrivateIndex("key:k-456")) {
            IndexReader header = IndexReader.builder().header("X-Api-Key", "k-456").netrc(false).build();
            assertThat(header.read(index.server.url("/simple/")).project("foo")).isPresent();
        }
    }

    @Test
    void typedFindingsAndRulesSwitchedOff() throws IOException {
        String page = "<a href=\"https://f.example/foo-1.0.tar.gz\">foo-1.0.tar.gz</a>";
        URI url = URI.create("https://example.org/simple/foo/");
        Report all = Validator.defaults().validate(PageText.of(page, url, null));
        assertThat(all.findings()).extracting(Finding::rule).contains(Rule.P503_14, Rule.P503_08);
        assertThat(all.findings(Rule.P503_08)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("P503-08");
            assertThat(f.toString()).contains("warning P503-08");
        });
        Report tuned = Validator.builder().disable(Rule.P503_14).severity(Rule.P503_08, Severity.ERROR)
                .disable("P629-01").build().validate(PageText.of(page, url, null));
        assertThat(tuned.findings()).extracting(Finding::rule).containsExactly(Rule.P503_08);
        assertThat(tuned.findings().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThatThrownBy(() -> Validator.builder().severity("P503-8", Severity.NOTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean P503-08?");
        assertThatThrownBy(() -> Validator.builder().disable("UV-5"))
                .hasMessageContaining("did you mean UV-05?");
    }

    @Test
    void networkFailuresAreIoExceptionsNotBadInput() {
        assertThatThrownBy(() -> Validator.defaults().validate("http://127.0.0.1:9/simple/"))
                .isInstanceOf(ConnectException.class).hasMessageContaining("127.0.0.1:9");
    }

    @Test
    void reportsParseWhateverTheMessagesHold() throws Exception {
        String hostile = "lone \uD800 surrogate, \u0001\u001b[31m controls, ]]> end of CDATA, \uDC00 and & < > \" '";
        Report r = new Report("site \uDBFF", List.of(new Finding(Rule.P503_07, Severity.ERROR,
                Location.line("simple/f\u0000oo/index.html", 3), hostile), new Finding(Rule.P503_05, Severity.NOTE,
                Location.of("x"), hostile)), List.of());
        String junit = ReportFormat.JUNIT.render(r);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(strictUtf8(junit)));
        assertThat(junit).contains("]]&gt; end of CDATA").contains("\\u001b[31m");
        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.SARIF)) {
            String text = f.render(r);
            new ObjectMapper().readTree(strictUtf8(text));
            assertThat(text).as(f.name()).contains("\uFFFD surrogate").doesNotContain("\uD800");
        }
    }

    /** The text as UTF-8, failing on what UTF-8 cannot encode (a lone surrogate) instead of writing a '?'. */
    private static byte[] strictUtf8(String text) throws IOException {
        ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
