package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gitpypi.core.Index;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input ends in a report or a clear {@link PageReadException} within bounded time and memory (this IT
 * runs with a small heap, see the module pom): never a hang or an out-of-memory error. The time bounds below are
 * generous guards against hangs, not performance assertions.
 */
class HostileInputIT {
    // 8 s of CPU for the biggest case on this 2-core machine; 10 minutes leaves room for a machine under heavy load
    private static final Duration GUARD = Duration.ofMinutes(10);

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void malformedHtmlGivesAReport() throws IOException {
        Path page = write("foo/index.html", "<html><a href=\"https://f.example/foo-1.0.tar.gz#sha256=" + "a".repeat(64)
                + "\" data-yanked <<b><a href='x>foo-1.0.tar.gz</a></p></a><a href=<a href=\"\"></table>&#xffffffff;"
                + "&bogus; <a href=\"foo-2.0.tar.gz\" data-requires-python=\">=3\">foo-2.0.tar.gz");
        Report r = assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(page));
        assertThat(r.findings()).isNotEmpty();
        assertThat(r.findings()).extracting(Finding::ruleId).contains("P503-14");
    }

    @Test
    void binaryGarbageIsNotAnIndex() throws IOException {
        byte[] garbage = new byte[4 << 20];
        new Random(42).nextBytes(garbage);
        Path page = tmp.resolve("garbage/index.html");
        Files.createDirectories(page.getParent());
        Files.write(page, garbage);
        assertThatThrownBy(() -> assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(page)))
                .isInstanceOf(NotAnIndexException.class).hasMessageContaining("garbage/index.html")
                .hasMessageContaining("binary");
        // the same bytes without NULs: text that holds no index links
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == 0 || garbage[i] == '<') {
                garbage[i] = 'x';
            }
        }
        Files.write(page, garbage);
        assertThatThrownBy(() -> Validator.defaults().validate(page)).isInstanceOf(NotAnIndexException.class)
                .hasMessageContaining("holds no links");
        Path json = tmp.resolve("garbage/index.json");
        Files.write(json, "{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Validator.defaults().validate(json)).isInstanceOf(PageReadException.class)
                .hasMessageContaining("not a JSON document");
    }

    @Test
    void hundredMegabyteRootPageIsStreamedInBoundedMemory() throws IOException {
        Path root = tmp.resolve("big/index.html");
        Files.createDirectories(root.getParent());
        long anchors = 0;
        try (BufferedWriter w = Files.newBufferedWriter(root, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.0\"></head><body>\n");
            long bytes = 0;
            while (bytes < 100L * 1024 * 1024) {
                String name = "project-" + Long.toString(anchors, 36) + "-with-a-long-enough-name";
                String line = "<a href=\"" + name + "/\">" + name + "</a>\n";
                w.write(line);
                bytes += line.length();
                anchors++;
            }
            w.write("<a href=\"project-0-with-a-long-enough-name/\">project-0-with-a-long-enough-name</a>\n");
            w.write("</body></html>\n");
        }
        Report r = assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(root));
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("P503-01");
        assertThat(anchors).isGreaterThan(1_000_000);
    }

    /**
     * The root page of a site folder used to be kept whole, entry by entry, with a project reference for each:
     * 124 MB of anchors ended in an OutOfMemoryError under -Xmx512m. Now only a 64-bit hash per linked name is kept
     * and a report keeps 1,000 findings per rule and page: 700,000 anchors to missing project pages (every one a
     * finding) are checked under this IT's 256 MB heap, in which the old code ran out of memory.
     */
    @Test
    void aSiteFoldersHugeRootPageIsCheckedInBoundedMemory() throws IOException {
        Path root = tmp.resolve("bigsite/simple/index.html");
        Files.createDirectories(root.getParent().resolve("present"));
        Files.writeString(root.getParent().resolve("present/index.html"), Fixtures.page(""));
        int anchors = 700_000;
        try (BufferedWriter w = Files.newBufferedWriter(root, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.0\"></head><body>\n");
            w.write("<a href=\"present/\">present</a>\n");
            for (int i = 0; i < anchors; i++) {
                String name = "project-" + Integer.toString(i, 36) + "-with-a-name-long-enough";
                w.write("<a href=\"" + name + "/\">" + name + "</a>\n");
            }
            w.write("</body></html>\n");
        }
        Report r = assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(tmp.resolve("bigsite")));
        List<Finding> missing = r.findings(Rule.P503_02);
        assertThat(missing).hasSize(1001);
        assertThat(missing.get(0).message()).isEqualTo((anchors - 1000) + " more findings of P503-02 on this page are"
                + " not listed (a report keeps 1000 per rule and page)");
        assertThat(r.findings(Rule.P503_01)).isEmpty();
    }

    @Test
    void anHttpRootPageThatListsTooManyProjectsIsTooLarge() throws IOException {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
        for (int i = 0; i < 50; i++) {
            page.append("<a href=\"p").append(i).append("/\">p").append(i).append("</a>\n");
        }
        try (LoopbackServer server = new LoopbackServer()) {
            server.page("/simple/", "text/html", page.toString());
            IndexReader reader = IndexReader.builder().maxRootProjects(20).build();
            assertThatThrownBy(() -> Validator.builder().reader(reader).build().validate(server.url("/simple/")))
                    .isInstanceOf(PageReadException.class).hasMessageContaining("is too large")
                    .hasMessageContaining("more than 20 projects");
        }
    }

    @Test
    void hundredMegabyteProjectPageIsRefusedByTheLimit() throws IOException {
        Path page = tmp.resolve("huge/index.html");
        Files.createDirectories(page.getParent());
        try (OutputStream out = Files.newOutputStream(page)) {
            byte[] chunk = "<a href=\"foo-1.0.tar.gz\">foo-1.0.tar.gz</a>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 100L * 1024 * 1024; n += chunk.length) {
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(page)))
                .isInstanceOf(PageReadException.class).hasMessageContaining("too large");
    }

    @Test
    void deeplyNestedMarkupGivesAReport() throws IOException {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" "
                + "content=\"1.0\"></head><body>");
        sb.append("<div>".repeat(200_000)).append("<a href=\"https://f.example/foo-1.0.tar.gz#sha256=")
                .append("a".repeat(64)).append("\">foo-1.0.tar.gz</a>").append("</div>".repeat(200_000));
        Path page = write("foo/index.html", sb.toString());
        Report r = assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(page));
        assertThat(r.links()).hasSize(1);
        assertThat(r.findings()).isEmpty();

        Path json = write("deep/index.json", "[".repeat(100_000) + "]".repeat(100_000));
        assertThatThrownBy(() -> Validator.defaults().validate(json)).isInstanceOf(PageReadException.class);
    }

    @Test
    void entityDeclarationsAreNotExpanded() throws IOException {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE html [<!ENTITY a0 \"" + "x".repeat(100) + "\">");
        for (int i = 1; i < 30; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        Path page = write("foo/index.html", doctype + "<html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                + "</head><body><a href=\"https://f.example/foo-1.0.tar.gz#sha256=" + "a".repeat(64)
                + "\">&a29;</a></body></html>");
        Report r = assertTimeoutPreemptively(GUARD, () -> Validator.defaults().validate(page));
        assertThat(r.findings()).extracting(Finding::ruleId).contains("P503-07");
        assertThat(r.findings("P503-07").get(0).message()).contains("&a29;");
    }

    @Test
    void neverEndingResponseEndsAtTheTimeout() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/trickle/", ex -> {
                ex.getResponseHeaders().add("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write("<!DOCTYPE html><html><body>".getBytes(StandardCharsets.UTF_8));
                    while (true) {
                        out.write("<a href=\"x/\">x</a>\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.on("/silent/", ex -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            IndexReader reader = IndexReader.builder().requestTimeout(Duration.ofSeconds(2)).build();
            Validator validator = Validator.builder().reader(reader).build();
            // network failures are IOExceptions (exit 3 in the CLI), not bad input
            assertThatThrownBy(() -> assertTimeoutPreemptively(GUARD, () -> validator.validate(server.url("/trickle/"))))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class).hasMessageContaining("time-out")
                    .hasMessageContaining("/trickle/");
            assertThatThrownBy(() -> assertTimeoutPreemptively(GUARD, () -> reader.read(server.url("/silent/"))))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class).hasMessageContaining("no response")
                    .hasMessageContaining("/silent/");
        }
    }

    @Test
    void endlessBodyIsCutAtThePageLimit() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/flood/foo/", ex -> {
                ex.getResponseHeaders().add("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 0);
                byte[] chunk = "<a href=\"foo-1.0.tar.gz\">foo-1.0.tar.gz</a>\n".repeat(10_000)
                        .getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = ex.getResponseBody()) {
                    while (true) {
                        out.write(chunk);
                    }
                }
            });
            IndexReader reader = IndexReader.builder().maxPageBytes(8L << 20).maxRootPageBytes(8L << 20).build();
            assertThatThrownBy(() -> assertTimeoutPreemptively(GUARD, () -> reader.read(server.url("/flood/foo/"))))
                    .isInstanceOf(PageReadException.class).hasMessageContaining("too large");
        }
    }

    @Test
    void readingAHugeRootGivesEveryName() throws IOException {
        Path root = tmp.resolve("names/index.html");
        Files.createDirectories(root.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(root, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html><html><body>\n");
            for (int i = 0; i < 300_000; i++) {
                w.write("<a href=\"p" + i + "/\">p" + i + "</a>\n");
            }
            w.write("</body></html>\n");
        }
        Index index = assertTimeoutPreemptively(GUARD, () -> IndexReader.defaults().read(root));
        assertThat(index.size()).isEqualTo(300_000);
        assertThat(index.project("P123456")).isPresent();
        assertThat(index.project("P123456").get().distributions()).isEmpty();
    }
}
