package dev.gitpypi.validator;

import static dev.gitpypi.validator.Fixtures.CLEAN_FILE;
import static dev.gitpypi.validator.Fixtures.CLEAN_JSON_FILE;
import static dev.gitpypi.validator.Fixtures.H;
import static dev.gitpypi.validator.Fixtures.foo;
import static dev.gitpypi.validator.Fixtures.fooJson;
import static dev.gitpypi.validator.Fixtures.html;
import static dev.gitpypi.validator.Fixtures.json;
import static dev.gitpypi.validator.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule that can be read from pages: a site that passes (no finding at all) and a site that fails
 * with exactly that rule (plus, where the rule cannot be broken alone, the named companions).
 */
class RuleFixturesTest {
    record Case(String rule, Fixtures.Site pass, Fixtures.Site fail, Set<String> expected) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static final String F2 = "<a href=\"https://files.example/";

    private static Case c(String rule, Fixtures.Site pass, Fixtures.Site fail, String... companions) {
        Set<String> expected = new TreeSet<>(List.of(companions));
        expected.add(rule);
        return new Case(rule, pass, fail, expected);
    }

    private static Fixtures.Site file(String name) {
        return foo(page(F2 + name + "#sha256=" + H + "\">" + name + "</a>"));
    }

    private static Fixtures.Site anchor(String attrs) {
        return foo(page(F2 + "foo-1.0.tar.gz#sha256=" + H + "\" " + attrs + ">foo-1.0.tar.gz</a>"));
    }

    private static Fixtures.Site jsonFile(String apiVersion, String top, String fileExtra) {
        return fooJson(json(apiVersion, top + ",\"files\":[" + CLEAN_JSON_FILE.substring(0,
                CLEAN_JSON_FILE.length() - 1) + fileExtra + "}]"));
    }

    static Stream<Case> cases() {
        Fixtures.Site clean = foo(page(CLEAN_FILE));
        Fixtures.Site cleanJson = jsonFile("1.0", "", "");
        Fixtures.Site cleanJson11 = jsonFile("1.1", ",\"versions\":[\"1.0\"]", ",\"size\":1");
        return Stream.of(
                c("P503-01", clean, foo(page(CLEAN_FILE)).root("<a href=\"foo/\">foo</a>\n<a href=\"foo/\">foo</a>")),
                c("P503-02", clean, foo(page(CLEAN_FILE)).root("<a href=\"foo/\">foo</a>\n<a href=\"foo/\">bar</a>")),
                c("P503-03", clean, new Fixtures.Site().root("<a href=\"Foo/\">Foo</a>").page("Foo",
                        page(CLEAN_FILE))),
                c("P503-04", clean, foo(page(CLEAN_FILE)).root("<a href=\"foo\">foo</a>")),
                c("P503-06", clean, foo(page(CLEAN_FILE + "\n" + CLEAN_FILE))),
                c("P503-07", clean, foo(page(F2 + "foo-1.0.tar.gz#sha256=" + H + "\">foo 1.0</a>"))),
                c("P503-08", clean, foo(page(F2 + "foo-1.0.tar.gz\">foo-1.0.tar.gz</a>"))),
                c("P503-09", clean, foo(page(F2 + "foo-1.0.tar.gz#blake2b=" + "b".repeat(128)
                        + "\">foo-1.0.tar.gz</a>"))),
                c("P503-12", anchor("data-gpg-sig=\"false\""), anchor("data-gpg-sig=\"yes\"")),
                c("P503-13", anchor("data-requires-python=\"&gt;=3.8\""), anchor("data-requires-python=\">=3.8\"")),
                c("P503-14", clean, foo("<html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                        + "</head><body>" + CLEAN_FILE + "</body></html>")),
                c("P592-01", anchor("data-yanked=\"\""), anchor("data-yanked")),
                c("P592-05", jsonFile("1.0", "", ",\"yanked\":\"broken\""), jsonFile("1.0", "", ",\"yanked\":\"\"")),
                c("P629-01", clean, foo(html(null, "", CLEAN_FILE))),
                c("P629-04", foo(html("1.4", "<meta name=\"pypi:project-status\" content=\"archived\">\n",
                        CLEAN_FILE)), foo(html("1.0", "<meta name=\"pypi:project-status\" content=\"archived\">\n",
                        CLEAN_FILE))),
                c("P629-05", cleanJson11, jsonFile("1.1", "", ",\"size\":1")),
                c("P629-06", foo(html("1.4", "", CLEAN_FILE)), foo(html("1.5", "", CLEAN_FILE))),
                c("P629-06", foo(page(CLEAN_FILE)).json("foo", json("1.0", ",\"files\":[" + CLEAN_JSON_FILE + "]")),
                        foo(page(CLEAN_FILE)).json("foo", json("2.0", ",\"versions\":[\"1.0\"],\"files\":["
                                + CLEAN_JSON_FILE.replace("}}", "},\"size\":1}") + "]"))),
                c("P658-01", anchor("data-core-metadata=\"sha256=" + H + "\""),
                        anchor("data-core-metadata=\"sha256:" + H + "\"")),
                c("P691-05", cleanJson, fooJson("{\"name\":\"foo\",\"files\":[" + CLEAN_JSON_FILE + "]}")),
                c("P691-06", foo(page(CLEAN_FILE)).rootJson("{\"meta\":{\"api-version\":\"1.0\"},\"projects\":[{\"name\":\"foo\"}]}"),
                        foo(page(CLEAN_FILE)).rootJson("{\"meta\":{\"api-version\":\"1.0\"},\"projects\":"
                                + "[{\"name\":\"foo\"},\"bar\"]}")),
                c("P691-07", cleanJson, fooJson("{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"Foo\",\"files\":["
                        + CLEAN_JSON_FILE + "]}")),
                c("P691-08", cleanJson, fooJson(json("1.0", ",\"files\":[{\"filename\":\"foo-1.0.tar.gz\","
                        + "\"url\":\"https://files.example/foo-1.0.tar.gz\"}]"))),
                c("P691-09", jsonFile("1.0", "", ",\"requires-python\":\">=3.8\""),
                        jsonFile("1.0", "", ",\"requires-python\":\"&gt;=3.8\"")),
                c("P691-10", jsonFile("1.0", "", ",\"core-metadata\":{\"sha256\":\"" + H + "\"}"),
                        jsonFile("1.0", "", ",\"core-metadata\":\"sha256=" + H + "\"")),
                c("P691-11", jsonFile("1.0", "", ",\"gpg-sig\":true"), jsonFile("1.0", "", ",\"gpg-sig\":\"true\"")),
                c("P700-02", cleanJson11, jsonFile("1.1", ",\"versions\":[\"1.0\",\"1.0\"]", ",\"size\":1")),
                c("P700-03", cleanJson11, jsonFile("1.1", ",\"versions\":[\"1.0\"]", ",\"size\":\"1\"")),
                c("P700-04", jsonFile("1.1", ",\"versions\":[\"1.0\"]", ",\"size\":1,\"upload-time\":"
                        + "\"2024-01-01T00:00:00.123456Z\""), jsonFile("1.1", ",\"versions\":[\"1.0\"]",
                        ",\"size\":1,\"upload-time\":\"2024-01-01T00:00:00+00:00\"")),
                c("P714-01", anchor("data-core-metadata=\"true\" data-dist-info-metadata=\"true\""),
                        anchor("data-dist-info-metadata=\"true\"")),
                c("P740-01", foo(html("1.3", "", F2 + "foo-1.0.tar.gz#sha256=" + H + "\" data-provenance=\""
                        + "https://files.example/p\">foo-1.0.tar.gz</a>")), foo(html("1.3", "", F2
                        + "foo-1.0.tar.gz#sha256=" + H + "\" data-provenance=\"http://files.example/p\">"
                        + "foo-1.0.tar.gz</a>"))),
                c("P740-02", jsonFile("1.3", ",\"versions\":[\"1.0\"]", ",\"size\":1,\"provenance\":null"),
                        jsonFile("1.3", ",\"versions\":[\"1.0\"]", ",\"size\":1,\"provenance\":{}")),
                c("P792-01", foo(html("1.4", "<meta name=\"pypi:project-status\" content=\"archived\">\n",
                        CLEAN_FILE)), foo(html("1.4", "<meta name=\"pypi:project-status\" content=\"Archived\">\n",
                        CLEAN_FILE))),
                c("P792-02", jsonFile("1.4", ",\"versions\":[\"1.0\"],\"project-status\":{\"status\":\"archived\"}",
                        ",\"size\":1"), fooJson("{\"meta\":{\"api-version\":\"1.4\",\"project-status\":\"archived\"},"
                        + "\"name\":\"foo\",\"versions\":[\"1.0\"],\"files\":[" + CLEAN_JSON_FILE.replace("}}",
                        "},\"size\":1}") + "]}")),
                c("P792-03", foo(html("1.4", "<meta name=\"pypi:project-status\" content=\"quarantined\">\n", "")),
                        foo(html("1.4", "<meta name=\"pypi:project-status\" content=\"quarantined\">\n",
                                CLEAN_FILE))),
                c("NAME-01", clean, foo(page(CLEAN_FILE)).root("<a href=\"foo/\">foo</a>\n<a href=\"-bad/\">-bad</a>")
                        .page("-bad", page(""))),
                c("NAME-03", clean, foo(page(CLEAN_FILE)).root("<a href=\"foo/\">foo</a>\n<a href=\"foo/\">Foo</a>")),
                c("WHL-01", file("foo-1.0-py3-none-any.whl"), file("foo-1.0-py3-none.whl")),
                c("WHL-02", file("foo-1.0-py3-none-any.whl"), file("Foo-1.0-py3-none-any.whl")),
                c("WHL-03", file("foo-1.0rc1-py3-none-any.whl"), file("foo-1.0_rc1-py3-none-any.whl")),
                c("WHL-04", file("foo-1.0-1-py3-none-any.whl"), file("foo-1.0-abc-py3-none-any.whl")),
                c("WHL-05", file("foo-1.0-py2.py3-none-any.whl"), file("foo-1.0-py3..py2-none-any.whl")),
                c("SD-01", file("foo-1.0.tar.gz"), file("Foo-1.0.tar.gz")),
                c("SD-05", file("foo-1.0.tar.gz"), file("foo-1.0.tar.bz2")),
                c("VER-04", file("foo-1.0.tar.gz"), foo(page(CLEAN_FILE + "\n" + F2 + "foo-1.0.0-py3-none-any.whl"
                        + "#sha256=" + H + "\">foo-1.0.0-py3-none-any.whl</a>"))),
                c("VER-05", file("foo-1.0.tar.gz"), file("foo-latest.tar.gz")),
                c("VER-06", file("foo-1.0rc1.tar.gz"), foo(page(F2 + "foo-1.0rc1.tar.gz#sha256=" + H
                        + "\">foo-1.0rc1.tar.gz</a>\n" + F2 + "foo-1.0c2.tar.gz#sha256=" + H
                        + "\">foo-1.0c2.tar.gz</a>")), "SD-01"),
                c("PIP-05", file("foo-1.0.tar.gz"), file("foo-1.0.exe")),
                c("PIP-06", clean,
                        foo(page("<a href=\"git+https://git.example/o/foo@v1.0#egg=foo-1.0%2Blocal\">foo-1.0</a>")),
                        "UV-05"),
                c("UV-04", clean, foo(page(F2 + "foo-1.0.tar.gz#sha1=" + "c".repeat(40) + "\">foo-1.0.tar.gz</a>"))),
                c("UV-05", clean, foo(page("<a href=\"git+https://git.example/o/foo@v1.0#egg=foo-1.0\">foo-1.0</a>"))),
                c("UV-06", new Fixtures.Site().root("<a href=\"foo-bar/\">foo-bar</a>").page("foo-bar",
                        page(F2 + "foo_bar-1.0.tar.gz#sha256=" + H + "\">foo_bar-1.0.tar.gz</a>")),
                        new Fixtures.Site().root("<a href=\"foo-bar/\">foo-bar</a>").page("foo-bar",
                                page(F2 + "foo__bar-1.0.tar.gz#sha256=" + H + "\">foo__bar-1.0.tar.gz</a>"))));
    }

    @TempDir
    Path tmp;

    private Report validate(Fixtures.Site site, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return Validator.defaults().validate(site.write(dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passingSiteHasNoFinding(Case c) throws IOException {
        Report r = validate(c.pass(), "pass");
        assertThat(r.findings()).as(c.rule() + " passing fixture").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failingSiteHasExactlyThatRule(Case c) throws IOException {
        Report r = validate(c.fail(), "fail");
        Set<String> ids = r.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ids).as(r.findings().toString()).isEqualTo(c.expected());
        assertThat(Rule.byId(c.rule())).isPresent();
    }

    @Test
    void rootFindingsCarryTheirLine() throws IOException {
        Report r = validate(foo(page(CLEAN_FILE)).root("<a href=\"foo/\">foo</a>\n<a href=\"foo\">foo</a>"), "lines");
        assertThat(r.findings()).extracting(f -> f.location().toString())
                .allSatisfy(l -> assertThat(l).endsWith("/simple/index.html:9")).hasSize(2);
    }

    @Test
    void everyPageRuleHasAFixture() {
        Set<String> covered = cases().map(Case::rule).collect(Collectors.toSet());
        // Rules checked only over HTTP, in deep mode, or from the root JSON stream are tested elsewhere.
        Set<String> elsewhere = Set.of("P503-05", "P503-15", "P691-01", "P691-02", "P658-02", "P658-03", "WHL-06",
                "META-01", "META-02", "META-03", "SD-02", "SD-04", "P740-03", "PIP-02", "PIP-07", "PIP-09", "PIP-11",
                "UV-01", "UV-07", "UV-08", "UV-09", "PIP-08",
                // poetry's and pdm's verdict rules: checked against the real clients (InstallerRulesIT)
                "POETRY-01", "POETRY-02", "POETRY-03", "POETRY-04", "POETRY-05", "POETRY-06", "PDM-01", "PDM-02",
                "PDM-03", "PDM-04", "PDM-05");
        for (Rule r : Rule.values()) {
            assertThat(covered.contains(r.id()) || elsewhere.contains(r.id())).as(r.id()).isTrue();
        }
    }
}
