package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

    @Test
    void problemsArePrintedInOrderWithTheirSeverityRedactedAndNotesOnlyWhenVerbose() {
        List<Problem> problems = List.of(Problem.warning("list:3", "fetched https://user:SECRET@files.example/a"),
                Problem.note("list:4", "skipped b.egg"), Problem.error("list:5", "bad line"));
        StringWriter normal = new StringWriter();
        try (Reporter r = new Reporter(new PrintWriter(normal), Reporter.Level.QUIET, false)) {
            r.problems(problems);
        }
        String nl = System.lineSeparator();
        assertThat(normal.toString()).isEqualTo("warning: list:3: fetched https://files.example/a" + nl
                + "error: list:5: bad line" + nl);
        StringWriter verbose = new StringWriter();
        try (Reporter r = new Reporter(new PrintWriter(verbose), Reporter.Level.VERBOSE, false)) {
            r.problems(problems);
            r.problems(List.of());
        }
        assertThat(verbose.toString()).isEqualTo("warning: list:3: fetched https://files.example/a" + nl
                + "note: list:4: skipped b.egg" + nl + "error: list:5: bad line" + nl);
    }
}
