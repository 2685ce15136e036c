package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Severity;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A report written to a file the caller opened and closes (validate --output FILE) is whole: no format closes it. */
class ReportFileTest {
    private static final Report REPORT = new Report("site", List.of(
            new Finding(Rule.P503_07, Severity.ERROR, Location.line("simple/foo/index.html", 3), "text differs")),
            List.of());

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatWritesToAWriterItDoesNotOwn(ReportFormat format, @TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("report");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            format.write(REPORT, w);
            w.write("");   // the writer is still open
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(format.render(REPORT));
    }
}
