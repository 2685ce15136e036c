package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReporterTest {
    @Test
    void onATerminalTheStatusLineBecomesABarOnceTheTotalIsKnownAndIsClearedAtTheEnd() {
        StringWriter sink = new StringWriter();
        try (Reporter r = new Reporter(new PrintWriter(sink), Reporter.Level.NORMAL, true)) {
            r.begin("reading git:repo", -1);
            r.start("tags", 300);
            r.advance(150);
            r.redraw();
            assertThat(sink.toString()).contains("\r[############            ] 150/300 tags reading git:repo");
            r.end("1 project");
        }
        assertThat(sink.toString()).contains("\r\u001b[Kreading git:repo: 1 project (");
    }

    @Test
    void withoutATerminalOnlyPlainLinesAndQuietKeepsOnlyWarnings() {
        StringWriter plain = new StringWriter();
        try (Reporter r = new Reporter(new PrintWriter(plain), Reporter.Level.NORMAL, false)) {
            r.begin("writing site", -1);
            r.advance(5);
            r.end("3 files");
            r.detail("hidden");
        }
        assertThat(plain.toString()).doesNotContain("\r").doesNotContain("\u001b").contains("writing site ...\n")
                .contains("writing site: 3 files").doesNotContain("hidden");
        StringWriter quiet = new StringWriter();
        try (Reporter r = new Reporter(new PrintWriter(quiet), Reporter.Level.QUIET, true)) {
            r.begin("writing site", -1);
            r.end("3 files");
            r.info("said");
            r.warning("careful");
        }
        assertThat(quiet.toString()).isEqualTo("warning: careful\n");
    }
}
