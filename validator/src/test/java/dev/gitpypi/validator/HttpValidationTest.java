package dev.gitpypi.validator;

import static dev.gitpypi.validator.Fixtures.CLEAN_FILE;
import static dev.gitpypi.validator.Fixtures.CLEAN_JSON_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Severity;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader and validator against a loopback server: media types, negotiation, Vary, slashes, redirects. */
class HttpValidationTest {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/vnd.pypi.simple.v1+json";

    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A well-behaved host: slash and name redirects, HTML only. */
    private void goodSite(String prefix, String projectType) {
        server.page(prefix + "/simple/", HTML, Fixtures.root("<a href=\"foo/\">foo</a>"))
                .page(prefix + "/simple/foo/", projectType, Fixtures.page(CLEAN_FILE))
                .redirect(prefix + "/simple/foo", prefix + "/simple/foo/")
                .redirect(prefix + "/simple/FOO/", prefix + "/simple/foo/");
    }

    private static Set<String> ids(Report r) {
        return r.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void conformingHostHasNoFinding() throws IOException {
        goodSite("/a", HTML);
        Report r = Validator.defaults().validate(server.url("/a/simple/"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.links()).singleElement().satisfies(l -> {
            assertThat(l.pip().usability()).isEqualTo(Usability.USABLE);
            assertThat(l.uv().usability()).isEqualTo(Usability.USABLE);
        });
        Index index = IndexReader.defaults().read(server.url("/a/simple/"));
        assertThat(index.project("foo")).isPresent();
        assertThat(index.project("foo").get().distributions().get(0).url())
                .isEqualTo("https://files.example/foo-1.0.tar.gz");
    }

    @Test
    void textPlainMakesBothInstallersSkipThePage() throws IOException {
        goodSite("/b", "text/plain");
        Report r = Validator.defaults().validate(server.url("/b/simple/"));
        assertThat(ids(r)).containsExactly("P691-01");
        assertThat(r.links()).singleElement().satisfies(l -> {
            assertThat(l.pip().ruleIds()).containsExactly("PIP-02");
            assertThat(l.uv().ruleIds()).containsExactly("UV-01");
            assertThat(l.pip().usable()).isFalse();
        });
    }

    @Test
    void mixedCaseMediaTypeFailsOnlyForUv() throws IOException {
        goodSite("/c", "Text/HTML");
        Report r = Validator.defaults().validate(server.url("/c/simple/"));
        assertThat(ids(r)).containsExactly("P503-15");
        LinkVerdict l = r.links().get(0);
        assertThat(l.pip().usable()).isTrue();
        assertThat(l.uv().ruleIds()).containsExactly("UV-01");
    }

    @Test
    void missingContentTypeIsAnError() throws IOException {
        goodSite("/d", null);
        Report r = Validator.defaults().validate(server.url("/d/simple/"));
        assertThat(ids(r)).containsExactly("P691-01");
    }

    @Test
    void jsonAsApplicationJsonIsAnError() throws IOException {
        server.page("/e/simple/", HTML, Fixtures.root("<a href=\"foo/\">foo</a>"))
                .page("/e/simple/foo/", "application/json", Fixtures.json("1.0", ",\"files\":[" + CLEAN_JSON_FILE
                        + "]"))
                .redirect("/e/simple/foo", "/e/simple/foo/").redirect("/e/simple/FOO/", "/e/simple/foo/");
        Report r = Validator.defaults().validate(server.url("/e/simple/"));
        assertThat(ids(r)).containsExactly("P691-01");
    }

    @Test
    void negotiationWithoutVaryIsAWarningAndJsonIsPreferred() throws IOException {
        String json = Fixtures.json("1.0", ",\"files\":[" + CLEAN_JSON_FILE + "]");
        String html = Fixtures.page(CLEAN_FILE);
        server.page("/f/simple/", HTML, Fixtures.root("<a href=\"foo/\">foo</a>"))
                .on("/f/simple/foo/", ex -> {
                    boolean wantsJson = String.valueOf(ex.getRequestHeaders().getFirst("Accept")).startsWith(JSON);
                    LoopbackServer.send(ex, 200, wantsJson ? JSON : HTML, wantsJson ? json : html, Map.of());
                })
                .redirect("/f/simple/foo", "/f/simple/foo/").redirect("/f/simple/FOO/", "/f/simple/foo/");
        Report r = Validator.defaults().validate(server.url("/f/simple/"));
        assertThat(ids(r)).containsExactly("P691-02");
        assertThat(r.links().get(0).location().pointer()).isEqualTo("/files/0");
    }

    @Test
    void projectWithoutSlashRedirectAndNameRedirectAreReported() throws IOException {
        server.page("/g/simple/", HTML, Fixtures.root("<a href=\"foo-bar/\">foo-bar</a>"))
                .page("/g/simple/foo-bar/", HTML, Fixtures.page("<a href=\"https://files.example/foo_bar-1.0.tar.gz"
                        + "#sha256=" + Fixtures.H + "\">foo_bar-1.0.tar.gz</a>"))
                .page("/g/simple/foo-bar", HTML, "");
        Report r = Validator.defaults().validate(server.url("/g/simple/"));
        assertThat(ids(r)).containsExactly("P503-04", "P503-05");
        assertThat(r.findings("P503-04").get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(r.findings("P503-05").get(0).severity()).isEqualTo(Severity.NOTE);
    }

    @Test
    void redirectsAreFollowedAndRelativeLinksResolveAgainstTheFinalUrl() throws IOException {
        server.redirect("/h/old/", "/h/simple/");
        goodSite("/h", HTML);
        server.page("/h/simple/foo/", HTML, Fixtures.html("1.0", "<base href=\"https://mirror.example/x/\">\n",
                "<a href=\"foo-1.0.tar.gz#sha256=" + Fixtures.H + "\">foo-1.0.tar.gz</a>"));
        Index index = IndexReader.defaults().read(server.url("/h/old/"));
        assertThat(index.project("foo").get().distributions().get(0).url())
                .isEqualTo("https://mirror.example/x/foo-1.0.tar.gz");
    }

    @Test
    void missingProjectPageIsReported() throws IOException {
        goodSite("/i", HTML);
        server.page("/i/simple/", HTML, Fixtures.root("<a href=\"foo/\">foo</a>\n<a href=\"gone/\">gone</a>"));
        Report r = Validator.defaults().validate(server.url("/i/simple/"));
        assertThat(ids(r)).containsExactly("P503-02");
        assertThat(r.findings().get(0).message()).contains("HTTP 404");
    }

    @Test
    void redirectLoopIsAClearError() {
        server.on("/loop/a/", ex -> LoopbackServer.send(ex, 302, "text/plain", "", Map.of("Location", "/loop/b/")))
                .on("/loop/b/", ex -> LoopbackServer.send(ex, 302, "text/plain", "", Map.of("Location", "/loop/a/")));
        assertThatThrownBy(() -> Validator.defaults().validate(server.url("/loop/a/")))
                .isInstanceOf(IOException.class).isNotInstanceOf(PageReadException.class)
                .hasMessageContaining("redirect loop").hasMessageContaining("/loop/a/");
    }

    @Test
    void tooManyRedirectsIsAClearError() {
        for (int i = 0; i < 5; i++) {
            server.redirect("/many/" + i + "/", "/many/" + (i + 1) + "/");
        }
        IndexReader reader = IndexReader.builder().maxRedirects(3).build();
        assertThatThrownBy(() -> reader.read(server.url("/many/0/")))
                .isInstanceOf(IOException.class).isNotInstanceOf(PageReadException.class)
                .hasMessageContaining("more than 3 redirects");
    }
}
