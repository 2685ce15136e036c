package dev.gitpypi.cli;

import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.ReportFormat;
import dev.gitpypi.validator.Severity;
import dev.gitpypi.validator.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitpypi validate}: checks an index against the conformance catalog. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Checks an index against the standards (PEP 503, 592, 629, 658, 691, 700, 714, 740, 792, PEP 440,",
            "wheel and sdist file names) and says for each link whether pip and uv would use it, and why not.",
            "Each finding names its rule; the rules are documented in docs/rules/."},
        footer = {"", "Examples:",
            "  gitpypi validate site/",
            "  gitpypi validate https://example.org/simple/ --format sarif --output results.sarif",
            "  gitpypi validate site/simple/foo/index.html --fail-on warning"})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "A site folder (holding simple/, or the simple root itself), a page file (HTML or JSON),"
                    + " or an http(s) URL.")
    private String target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif (GitHub code scanning) or junit (CI dashboards). Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit with 1 when a finding is at or above LEVEL: error, warning, note, or never."
                    + " Default: ${DEFAULT-VALUE}.")
    private String failOn;

    @Option(names = "--deep", description = "Also fetch the files: hashes, sizes, .metadata files and VCS refs.")
    private boolean deep;

    @Option(names = "--severity", paramLabel = "RULE=LEVEL",
            description = "Override a rule's severity, such as P503-08=error. Repeatable.")
    private List<String> severities = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of"
            + " standard output.")
    private @Nullable Path output;

    @Override
    public Integer call() throws IOException {
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --format '" + format + "': use text, json, sarif or junit");
        }
        @Nullable Severity threshold = failOn.equalsIgnoreCase("never") ? null : severity("--fail-on", failOn);
        boolean url = target.startsWith("http://") || target.startsWith("https://");
        if (!url && !Files.exists(Path.of(target))) {
            throw new UsageException("no such file or folder: " + target);
        }
        if (!url && Files.isDirectory(Path.of(target)) && !isSite(Path.of(target))) {
            throw new UsageException("not an index: " + target + " holds neither simple/ nor an index.html or"
                    + " index.json page");
        }
        Validator.Builder b = Validator.builder().deep(deep);
        for (String s : severities) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("invalid --severity '" + s + "': use RULE=LEVEL such as P503-08=error");
            }
            b.severity(s.substring(0, eq), severity("--severity", s.substring(eq + 1)));
        }
        Report report = b.build().validate(target);
        if (output != null) {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                reportFormat.write(report, w);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            reportFormat.write(report, out);
            out.flush();
        }
        if (output != null || reportFormat != ReportFormat.TEXT) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(summary(report));
            err.flush();
        }
        return threshold != null && report.exceeds(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static boolean isSite(Path dir) {
        return Files.isDirectory(dir.resolve("simple")) || Files.isRegularFile(dir.resolve("index.html"))
                || Files.isRegularFile(dir.resolve("index.json"));
    }

    private static String summary(Report report) {
        return String.format(Locale.ROOT, "%s: %d errors, %d warnings, %d notes", report.target(),
                report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.NOTE));
    }

    private static Severity severity(String option, String value) {
        try {
            return Severity.fromLabel(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid " + option + " level '" + value + "': use error, warning or note");
        }
    }
}
