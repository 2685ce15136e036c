package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.validator.internal.Compat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule an installer verdict can cite has a fixture in which the verdict cites it: one page with one link
 * that pip or uv skips, sees as yanked, or fails on, and the verdict of the named installer for the named file,
 * with its usability and the rule. {@link #everyVerdictRuleHasAFixture()} keeps the table complete as models grow.
 */
class VerdictFixturesTest {
    private static final String H = "#sha256=" + "a".repeat(64);
    private static LoopbackServer server;

    @TempDir
    static Path tmp;

    /**
     * One fixture.
     *
     * @param name a label
     * @param project the project folder
     * @param page the page (HTML, or JSON when it starts with {@code {})
     * @param contentType null for a folder site, else the Content-Type a loopback server sends the page with
     * @param file the file whose verdict is asserted (the link's file name)
     * @param installer whose verdict
     * @param usability what it does
     * @param rule the rule the verdict cites
     */
    record Case(String name, String project, String page, String contentType, String file, Installer installer,
            Usability usability, Rule rule) {
        @Override
        public String toString() {
            return name + " " + installer.label() + " " + rule.id();
        }
    }

    private static String a(String href, String text, String attrs) {
        return Fixtures.page("<a href=\"" + href + "\"" + attrs + ">" + text + "</a>");
    }

    private static String a(String file) {
        return a("https://f.example/" + file + H, file, "");
    }

    private static String json(String files) {
        return "{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"foo\", \"files\": [" + files + "]}";
    }

    static Stream<Case> cases() {
        Installer pip = Installer.PIP;
        Installer uv = Installer.UV;
        Installer poetry = Installer.POETRY;
        Installer pdm = Installer.PDM;
        String badRp = " data-requires-python=\"3.8+\"";
        Usability no = Usability.UNUSABLE;
        Usability yes = Usability.USABLE;
        Usability yanked = Usability.YANKED;
        String plain = "text/plain";
        return Stream.of(
                new Case("four dashes", "foo", a("foo-1.0-py3-none.whl"), null, "foo-1.0-py3-none.whl", pip, no,
                        Rule.WHL_01),
                new Case("four dashes", "foo", a("foo-1.0-py3-none.whl"), null, "foo-1.0-py3-none.whl", uv, no,
                        Rule.WHL_01),
                new Case("double underscore", "foo-bar", a("foo__bar-1.0-py3-none-any.whl"), null,
                        "foo__bar-1.0-py3-none-any.whl", pip, no, Rule.WHL_02),
                new Case("other project's wheel", "foo", a("bar-1.0-py3-none-any.whl"), null,
                        "bar-1.0-py3-none-any.whl", uv, no, Rule.WHL_02),
                new Case("no version", "foo", a("foo-latest-py3-none-any.whl"), null,
                        "foo-latest-py3-none-any.whl", pip, no, Rule.VER_05),
                new Case("no version", "foo", a("foo-latest.tar.gz"), null, "foo-latest.tar.gz", uv, no,
                        Rule.VER_05),
                new Case("letter build tag", "foo", a("foo-1.0-abc-py3-none-any.whl"), null,
                        "foo-1.0-abc-py3-none-any.whl", pip, no, Rule.WHL_04),
                new Case("build tag with +", "foo", a("foo-1.0-1+x-py3-none-any.whl"), null,
                        "foo-1.0-1+x-py3-none-any.whl", uv, no, Rule.WHL_04),
                new Case("empty tag member", "foo", a("foo-1.0-py3..py2-none-any.whl"), null,
                        "foo-1.0-py3..py2-none-any.whl", pip, no, Rule.WHL_05),
                new Case("empty tag member", "foo", a("foo-1.0-py3..py2-none-any.whl"), null,
                        "foo-1.0-py3..py2-none-any.whl", uv, no, Rule.WHL_05),
                new Case("installer", "foo", a("foo-1.0.exe"), null, "foo-1.0.exe", pip, no, Rule.PIP_05),
                new Case("installer", "foo", a("foo-1.0.exe"), null, "foo-1.0.exe", uv, no, Rule.UV_05),
                new Case("other project's sdist", "foo", a("bar-1.0.tar.gz"), null, "bar-1.0.tar.gz", pip, no,
                        Rule.PIP_05),
                new Case("other project's sdist", "foo", a("bar-1.0.tar.gz"), null, "bar-1.0.tar.gz", uv, no,
                        Rule.UV_06),
                new Case("bzip2 sdist", "foo", a("foo-1.0.tar.bz2"), null, "foo-1.0.tar.bz2", uv, no, Rule.SD_05),
                new Case("uncollapsed sdist name", "foo-bar", a("foo__bar-1.0.tar.gz"), null, "foo__bar-1.0.tar.gz",
                        uv, no, Rule.UV_06),
                new Case("invalid requires-python", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        " data-requires-python=\"3.8+\""), null, "foo-1.0.tar.gz", uv, no, Rule.UV_07),
                new Case("invalid requires-python", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        " data-requires-python=\"3.8+\""), null, "foo-1.0.tar.gz", pip, yes, Rule.PIP_08),
                new Case("bare data-yanked", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        " data-yanked"), null, "foo-1.0.tar.gz", uv, yanked, Rule.UV_08),
                new Case("bare data-yanked", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        " data-yanked"), null, "foo-1.0.tar.gz", pip, yes, Rule.PIP_09),
                new Case("empty JSON yanked", "foo", json("{\"filename\": \"foo-1.0.tar.gz\", \"url\":"
                        + " \"https://f.example/foo-1.0.tar.gz\", \"hashes\": {}, \"yanked\": \"\"}"), null,
                        "foo-1.0.tar.gz", uv, yanked, Rule.UV_08),
                new Case("core-metadata false", "foo", a("https://f.example/foo-1.0-py3-none-any.whl" + H,
                        "foo-1.0-py3-none-any.whl", " data-core-metadata=\"false\""), null,
                        "foo-1.0-py3-none-any.whl", pip, yes, Rule.PIP_11),
                new Case("invalid egg fragment", "foo", Fixtures.page("<a href=\"https://f.example/foo-1.0.tar.gz"
                        + "#egg=foo-1.0+local\">foo-1.0.tar.gz</a>\n<a href=\"https://f.example/foo-2.0.tar.gz" + H
                        + "\">foo-2.0.tar.gz</a>"), null, "foo-2.0.tar.gz", pip, no, Rule.PIP_06),
                new Case("VCS link without egg", "foo", a("git+https://g.example/o/foo@v1", "foo-1.0", ""), null,
                        "foo-1.0", pip, no, Rule.PIP_07),
                new Case("VCS link", "foo", a("git+https://g.example/o/foo@v1#egg=foo-1.0", "foo-1.0", ""), null,
                        "foo-1.0", pip, yes, Rule.PIP_07),
                new Case("VCS link", "foo", a("git+https://g.example/o/foo@v1#egg=foo-1.0", "foo-1.0", ""), null,
                        "foo-1.0", uv, no, Rule.UV_05),
                new Case("sha1 fragment", "foo", Fixtures.page("<a href=\"https://f.example/foo-1.0.tar.gz#sha1="
                        + "a".repeat(40) + "\">foo-1.0.tar.gz</a>\n<a href=\"https://f.example/foo-2.0.tar.gz" + H
                        + "\">foo-2.0.tar.gz</a>"), null, "foo-2.0.tar.gz", uv, no, Rule.UV_04),
                new Case("JSON file without hashes", "foo", json("{\"filename\": \"foo-1.0.tar.gz\", \"url\":"
                        + " \"https://f.example/foo-1.0.tar.gz\"}, {\"filename\": \"foo-2.0.tar.gz\", \"url\":"
                        + " \"https://f.example/foo-2.0.tar.gz\", \"hashes\": {}}"), null, "foo-2.0.tar.gz", uv, no,
                        Rule.UV_09),
                new Case("served as text/plain", "foo", a("foo-1.0.tar.gz"), plain, "foo-1.0.tar.gz", pip, no,
                        Rule.PIP_02),
                new Case("served as text/plain", "foo", a("foo-1.0.tar.gz"), plain, "foo-1.0.tar.gz", uv, no,
                        Rule.UV_01),
                new Case("served as Text/HTML", "foo", a("foo-1.0.tar.gz"), "Text/HTML", "foo-1.0.tar.gz", uv, no,
                        Rule.UV_01),
                new Case("JSON page", "foo", json("{\"filename\": \"foo-1.0.tar.gz\", \"url\":"
                        + " \"https://f.example/foo-1.0.tar.gz\", \"hashes\": {}}"), null, "foo-1.0.tar.gz", poetry, no,
                        Rule.POETRY_01),
                new Case("installer", "foo", a("foo-1.0.exe"), null, "foo-1.0.exe", poetry, no, Rule.POETRY_02),
                new Case("no version", "foo", a("foo-latest.tar.gz"), null, "foo-latest.tar.gz", poetry, no,
                        Rule.POETRY_03),
                new Case("bare data-yanked", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        " data-yanked"), null, "foo-1.0.tar.gz", poetry, yanked, Rule.POETRY_04),
                new Case("invalid requires-python", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        badRp), null, "foo-1.0.tar.gz", poetry, yes, Rule.POETRY_05),
                new Case("file: link", "foo", a("file:///srv/files/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz", ""), null,
                        "foo-1.0.tar.gz", poetry, no, Rule.POETRY_06),
                new Case("bare data-yanked", "foo", a("https://f.example/foo-1.0.tar.gz" + H, "foo-1.0.tar.gz",
                        " data-yanked"), null, "foo-1.0.tar.gz", pdm, yes, Rule.PDM_01),
                new Case("VCS link without egg", "foo", a("git+https://g.example/o/foo@v1", "foo-1.0", ""), null,
                        "foo-1.0", pdm, no, Rule.PDM_02),
                new Case("invalid requires-python", "foo", Fixtures.page("<a href=\"https://f.example/foo-1.0.tar.gz"
                        + H + "\"" + badRp + ">foo-1.0.tar.gz</a>\n<a href=\"https://f.example/foo-2.0.tar.gz" + H
                        + "\">foo-2.0.tar.gz</a>"), null, "foo-2.0.tar.gz", pdm, no, Rule.PDM_03),
                new Case("md5 fragment only", "foo", a("https://f.example/foo-1.0.tar.gz#md5=" + "a".repeat(32),
                        "foo-1.0.tar.gz", ""), null, "foo-1.0.tar.gz", pdm, yes, Rule.PDM_04),
                new Case("git+file link", "foo", a("git+file:///srv/git/foo@v1#egg=foo-1.0", "foo-1.0", ""), null,
                        "foo-1.0", pdm, no, Rule.PDM_05));
    }

    @BeforeAll
    static void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Report validate(Case c) throws IOException {
        if (c.contentType() != null) {
            String path = "/" + Integer.toHexString(c.hashCode()) + "/" + c.project() + "/";
            server.page(path, c.contentType(), c.page());
            return Validator.builder().httpProbes(0).build().validate(server.url(path));
        }
        Path site = tmp.resolve(c.name().replace(' ', '-') + "-" + c.installer().label());
        Fixtures.Site s = new Fixtures.Site().root("<a href=\"" + c.project() + "/\">" + c.project() + "</a>");
        if (c.page().startsWith("{")) {
            s.json(c.project(), c.page().replace("\"name\": \"foo\"", "\"name\": \"" + c.project() + "\""));
        } else {
            s.page(c.project(), c.page());
        }
        return Validator.defaults().validate(s.write(site));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theVerdictCitesTheRule(Case c) throws IOException {
        Report r = validate(c);
        assertThat(r.links()).filteredOn(l -> l.filename().equals(c.file())).as(r.links().toString())
                .singleElement().satisfies(l -> {
                    InstallerVerdict v = l.verdict(c.installer());
                    assertThat(v.usability()).as(v.toString()).isEqualTo(c.usability());
                    assertThat(v.rules()).as(v.toString()).contains(c.rule());
                    if (c.usability() == Usability.UNUSABLE) {
                        assertThat(v.reason()).isNotBlank();
                    }
                });
    }

    @Test
    void everyVerdictRuleHasAFixture() {
        Set<Rule> covered = cases().map(Case::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Compat.VERDICT_RULES);
        assertThat(Compat.VERDICT_RULES).hasSizeGreaterThanOrEqualTo(20);
        for (Installer i : Installer.values()) {
            assertThat(cases().filter(c -> c.installer() == i).map(Case::rule).toList()).as(i.label())
                    .isNotEmpty();
        }
    }
}
