package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.core.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The report forms carry every finding, deterministically, in the shapes their consumers expect. */
class ReportFormatTest {
    private static final Report REPORT = new Report("site", List.of(
            new Finding(Rule.UV_04, Severity.WARNING, Location.line("simple/foo/index.html", 7), "uv fails \"x\" <&>"),
            new Finding(Rule.P503_07, Severity.ERROR, Location.line("simple/foo/index.html", 3), "text differs"),
            new Finding(Rule.P700_04, Severity.ERROR, Location.pointer("simple/foo/index.json", "/files/0/upload-time"),
                    "bad time"),
            new Finding(Rule.P503_05, Severity.NOTE, Location.of("http://127.0.0.1/simple/FOO/"), "no redirect")),
            List.of(new LinkVerdict("foo", "foo-1.0.tar.gz", "https://f.example/foo-1.0.tar.gz",
                    Location.line("simple/foo/index.html", 3), InstallerVerdict.USABLE,
                    new InstallerVerdict(Usability.UNUSABLE, List.of(Rule.UV_04), "uv fails on the page"),
                    InstallerVerdict.USABLE,
                    new InstallerVerdict(Usability.UNUSABLE, List.of(Rule.PDM_03), "pdm fails on the page"))));

    @Test
    void findingsAreSortedAndCountedAndTheThresholdWorks() {
        assertThat(REPORT.findings()).extracting(Finding::ruleId)
                .containsExactly("P503-05", "P503-07", "UV-04", "P700-04");
        assertThat(REPORT.count(Severity.ERROR)).isEqualTo(2);
        assertThat(REPORT.exceeds(Severity.ERROR)).isTrue();
        Report onlyNotes = new Report("t", List.of(REPORT.findings().get(0)), List.of());
        assertThat(onlyNotes.exceeds(Severity.WARNING)).isFalse();
        assertThat(onlyNotes.exceeds(Severity.NOTE)).isTrue();
        assertThat(new Report("t", List.of(), List.of()).exceeds(Severity.NOTE)).isFalse();
    }

    @Test
    void text() {
        String text = ReportFormat.TEXT.render(REPORT);
        assertThat(text).contains("simple/foo/index.html:3: error P503-07: text differs\n")
                .contains("uv does not use foo-1.0.tar.gz (UV-04)")
                .contains("pdm does not use foo-1.0.tar.gz (PDM-03)")
                .endsWith("site: 2 errors, 1 warning, 1 note; 1 link, pip uses 1, uv uses 0, poetry uses 1, pdm uses 0\n");
        assertThat(ReportFormat.TEXT.render(REPORT)).isEqualTo(text);
    }

    @Test
    void jsonHasASchemaVersion() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(REPORT));
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(ReportFormat.JSON_SCHEMA_VERSION);
        assertThat(json.path("summary").path("errors").asInt()).isEqualTo(2);
        assertThat(json.path("findings")).hasSize(4);
        assertThat(json.path("findings").get(3).path("location").path("pointer").asText())
                .isEqualTo("/files/0/upload-time");
        assertThat(json.path("links").get(0).path("uv").path("rules").get(0).asText()).isEqualTo("UV-04");
        assertThat(json.path("links").get(0).path("poetry").path("usability").asText()).isEqualTo("usable");
        assertThat(json.path("links").get(0).path("pdm").path("rules").get(0).asText()).isEqualTo("PDM-03");
    }

    @Test
    void sarifHasRulesWithHelpAndResultsWithLocations() throws Exception {
        String base = "https://example.org/docs/rules/";
        java.io.StringWriter w = new java.io.StringWriter();
        ReportFormat.SARIF.write(REPORT, w, base);
        JsonNode sarif = new ObjectMapper().readTree(w.toString());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(4);
        for (JsonNode result : run.path("results")) {
            JsonNode rule = rules.get(result.path("ruleIndex").asInt());
            assertThat(rule.path("id").asText()).isEqualTo(result.path("ruleId").asText());
            assertThat(rule.path("helpUri").asText()).isEqualTo(base + rule.path("id").asText() + ".md");
            assertThat(result.path("level").asText()).isIn("error", "warning", "note");
            assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation")
                    .path("uri").asText()).isNotEmpty();
        }
        assertThat(run.path("results").get(1).path("locations").get(0).path("physicalLocation").path("region")
                .path("startLine").asInt()).isEqualTo(3);
    }

    @Test
    void junitIsWellFormedXml() throws Exception {
        String xml = ReportFormat.JUNIT.render(REPORT);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void namesAndSeverityOverrides() throws Exception {
        assertThat(ReportFormat.fromName("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThatThrownBy(() -> ReportFormat.fromName("xml")).hasMessageContaining("\"xml\"");
        assertThatThrownBy(() -> Validator.builder().severity("NOPE-1", Severity.NOTE))
                .hasMessageContaining("unknown rule id");
        assertThat(Severity.fromLabel("Warning")).isEqualTo(Severity.WARNING);
    }
}
