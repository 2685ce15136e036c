package dev.gitpypi.validator;

import static dev.gitpypi.validator.DeepValidationTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page decides which URLs deep mode follows, so the page's author must not be able to make gitpypi read the
 * validating machine's files, run git on local repositories or other transports, or print anything of what it
 * should not have read (issue "Security first", item 3 and part of item 1). Each test performs the attack on
 * loopback and asserts that nothing was read, nothing was echoed, and the report names the refused input.
 */
class SecurityTest {
    private static final String SECRET = "secret-marker-7f3a9c";

    @TempDir
    Path tmp;

    private static String text(Report r) {
        return ReportFormat.TEXT.render(r) + ReportFormat.JSON.render(r);
    }

    @Test
    void fileLinksOnAnHttpPageAreNeverRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("foo-1.0.tar.gz"), SECRET, StandardCharsets.UTF_8);
        Path json = Files.writeString(tmp.resolve("prov.json"), "{\"version\": \"" + SECRET + "\"}",
                StandardCharsets.UTF_8);
        String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).strip()
                : "no-hostname-here";
        try (LoopbackServer server = new LoopbackServer()) {
            server.page("/simple/", "text/html", Fixtures.root("<a href=\"foo/\">foo</a>"))
                    .page("/simple/foo/", "text/html", Fixtures.html("1.3", "",
                            "<a href=\"" + secret.toUri() + "#sha256=" + "0".repeat(64) + "\">foo-1.0.tar.gz</a>\n"
                            + "<a href=\"file:///etc/hostname#sha256=" + "0".repeat(64) + "\">foo-2.0.tar.gz</a>\n"
                            + "<a href=\"file:///proc/self/environ#sha256=" + "0".repeat(64)
                            + "\">foo-3.0.tar.gz</a>\n"
                            + "<a href=\"" + server.url("/files/foo-4.0.tar.gz") + "#sha256=" + "0".repeat(64)
                            + "\" data-provenance=\"" + json.toUri() + "\">foo-4.0.tar.gz</a>"))
                    .page("/files/foo-4.0.tar.gz", "application/octet-stream", "x");
            Report r = Validator.builder().deep(true).httpProbes(0).build().validate(server.url("/simple/"));
            String out = text(r);
            assertThat(out).doesNotContain(SECRET).doesNotContain(sha256(SECRET.getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(sha256((hostname + "\n").getBytes(StandardCharsets.UTF_8)));
            if (!hostname.equals("no-hostname-here") && hostname.length() > 6) {
                assertThat(out).doesNotContain(hostname);
            }
            assertThat(r.findings(Rule.P503_08)).filteredOn(f -> f.severity() == Severity.NOTE)
                    .extracting(Finding::message).hasSize(3)
                    .allSatisfy(m -> assertThat(m).startsWith("the file was not checked: ")
                            .contains("is a local file, and gitpypi reads no local file for a remote index"))
                    .anySatisfy(m -> assertThat(m).contains("/etc/hostname"))
                    .anySatisfy(m -> assertThat(m).contains("/proc/self/environ"));
            assertThat(r.findings(Rule.P740_03)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.NOTE);
                assertThat(f.message()).contains("prov.json").contains("is a local file");
            });
            // the one http file was fetched and judged: its wrong hash is an error
            assertThat(r.findings(Rule.P503_08)).filteredOn(f -> f.severity() == Severity.ERROR).hasSize(1);
        }
    }

    @Test
    void aLocalSiteReadsNothingOutsideItsFolder() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("foo-1.0.tar.gz"), SECRET, StandardCharsets.UTF_8);
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("files"));
        Files.createSymbolicLink(site.resolve("files/foo-2.0.tar.gz"), secret);
        String h = "#sha256=" + "0".repeat(64);
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").page("foo", Fixtures.page(
                "<a href=\"../../../outside/foo-1.0.tar.gz" + h + "\">foo-1.0.tar.gz</a>\n"
                + "<a href=\"../../files/foo-2.0.tar.gz" + h + "\">foo-2.0.tar.gz</a>\n"
                + "<a href=\"file:///etc/hostname" + h + "\">foo-3.0.tar.gz</a>")).write(site);
        Report r = Validator.builder().deep(true).build().validate(site);
        assertThat(text(r)).doesNotContain(SECRET).doesNotContain(sha256(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.findings(Rule.P503_08)).extracting(Finding::message).hasSize(3)
                .allSatisfy(m -> assertThat(m).startsWith("the file was not checked: ").contains("lies outside"));
    }

    @Test
    void vcsLinksOfARemotePageNeverReachLocalRepositoriesOrOtherTransports() throws IOException {
        Path marker = tmp.resolve("ran");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        try (LoopbackServer server = new LoopbackServer()) {
            List<String> links = List.of(
                    "git+" + repo.toUri() + "@v1#egg=foo-1.0",
                    "git+" + repo + "@v1#egg=foo-1.1",
                    "git+ext::sh -c touch% " + marker + "@v1#egg=foo-1.2",
                    "git+fd::3@v1#egg=foo-1.3");
            StringBuilder anchors = new StringBuilder();
            for (int i = 0; i < links.size(); i++) {
                anchors.append("<a href=\"").append(links.get(i)).append("\">foo-1.").append(i).append("</a>\n");
            }
            server.page("/simple/", "text/html", Fixtures.root("<a href=\"foo/\">foo</a>"))
                    .page("/simple/foo/", "text/html", Fixtures.page(anchors.toString()));
            Report r = Validator.builder().deep(true).httpProbes(0).build().validate(server.url("/simple/"));
            assertThat(marker).doesNotExist();
            assertThat(r.findings(Rule.PIP_07)).hasSize(4).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.NOTE);
                assertThat(f.message()).startsWith("not checked: ");
            });
            assertThat(r.findings(Rule.PIP_07)).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains(repo.toUri().toString()).contains("local repository"))
                    .anySatisfy(m -> assertThat(m).contains("ext::sh").contains("not an http, https, ssh or git URL"))
                    .anySatisfy(m -> assertThat(m).contains("fd::3"));
        }
    }

    @Test
    void controlCharactersFromTheIndexCannotForgeLinesOrReachTheTerminal() throws IOException {
        String forged = "\n::error file=x.py,line=1::forged\u001b[31mred\u0007\r";
        // a project folder and a file whose names hold a newline, an escape sequence, a bell and a carriage return:
        // paths and file names are printed as they are, not quoted, so only escaping keeps them on their line
        Path site = tmp.resolve("site");
        String enc = forged.replace("\n", "%0A").replace("\u001b", "%1B").replace("\u0007", "%07")
                .replace("\r", "%0D").replace(" ", "%20");
        String json = "{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"bar\", \"files\": [{\"filename\": \"bar-1.0-x"
                + forged.replace("\n", "\\n").replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
                        .replace("\r", "\\r") + ".whl\", \"url\": \"https://f.example/bar-1.0-x" + enc
                + ".whl\", \"hashes\": {}}]}";
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").page("foo" + forged, Fixtures.page(
                "<a href=\"https://f.example/foo-1.0.tar.gz\">foo-1.0.tar.gz</a>")).json("bar", json).write(site);
        Report r = Validator.defaults().validate(site);
        String text = ReportFormat.TEXT.render(r);
        assertThat(r.findings()).extracting(f -> f.location().resource()).anySatisfy(res ->
                assertThat(res).contains(forged));
        assertThat(r.links()).anySatisfy(l -> assertThat(l.filename()).contains(forged));
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
        for (String line : text.split("\n")) {
            assertThat(line).doesNotStartWith("::");
        }
        assertThat(text).contains("foo\\n::error file=x.py,line=1::forged\\u001b[31mred\\u0007\\r/index.html");
        // the machine-readable forms keep the value, escaped by their own syntax
        assertThat(ReportFormat.JSON.render(r)).doesNotContain("\u001b");
        assertThat(ReportFormat.SARIF.render(r)).doesNotContain("\u001b");
    }
}
