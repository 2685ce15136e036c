package dev.gitpypi.cli;

import dev.gitpypi.core.Severity;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.IndexReader;
import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.ReportFormat;
import dev.gitpypi.validator.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            "Checks an index against the standards (PEP 503, 592, 629, 658, 691, 700, 714, 740, 792, PEP 440, wheel"
                    + " and sdist file names) and says for each link whether pip and uv would use it, and why not."
                    + " Each finding names its rule; the rules are documented in docs/rules/.",
            "",
            "TARGET is what you have: a site folder (holding simple/), the simple root itself, one project's folder,"
                    + " one page file (HTML or PEP 691 JSON), or an http(s) URL of a root, of a project page, or of a"
                    + " site whose landing page links to its index. Paths may be relative. What is not an index is"
                    + " said in one line (exit 2).",
            ""},
        footer = {"", "Examples:",
            "  gitpypi validate site/",
            "  gitpypi validate site/simple/foo/",
            "  gitpypi validate attrs.json --project attrs",
            "  gitpypi validate https://example.org/simple/ --format sarif --output results.sarif",
            "  gitpypi validate site/ --deep --fail-on warning"})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private OutputOptions output = new OutputOptions();

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "A site folder, a simple root, a project folder, a page file (HTML or JSON), or an http(s)"
                    + " URL.")
    private String target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif (GitHub code scanning) or junit (CI dashboards). Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit with 1 when a finding is at or above LEVEL: error, warning, note, or never."
                    + " Default: ${DEFAULT-VALUE}.")
    private String failOn;

    @Option(names = "--project", paramLabel = "NAME",
            description = "The project a lone page belongs to, when the page cannot say it (no PEP 691 name, no"
                    + " project folder, no \"Links for NAME\" title, files of several names).")
    private @Nullable String project;

    @Option(names = "--deep", description = "Also fetch the files: hashes, sizes, .metadata files and VCS refs."
            + " A remote index only ever makes gitpypi fetch http(s) URLs (https for an https index), a local one"
            + " only read files inside its folder; git checks VCS refs with no credentials and no configuration.")
    private boolean deep;

    @Option(names = "--git-credentials-host", paramLabel = "HOST",
            description = "With --deep: let git use your credentials (credential helpers, ssh keys, ~/.netrc) for"
                    + " VCS links to HOST, to check your own private index. Never name a host you do not trust:"
                    + " any page can link to any host. Repeatable.")
    private List<String> gitCredentialHosts = new ArrayList<>();

    @Option(names = "--git-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --deep: how long one git ls-remote may take; a ref not checked in time is reported"
                    + " as not checked. Default: ${DEFAULT-VALUE}.")
    private int gitTimeout;

    @Option(names = "--header", paramLabel = "NAME:VALUE",
            description = "A header for requests to the index's own host (scheme, host and port of TARGET), such as"
                    + " X-Api-Key:VALUE; never sent to another host. Repeatable. User-info in the URL"
                    + " (https://user:pass@host/simple/) and ~/.netrc logins work as in pip.")
    private List<String> headers = new ArrayList<>();

    @Option(names = "--token-env", paramLabel = "VARIABLE",
            description = "Send the token in this environment variable as 'Authorization: Bearer TOKEN' to the"
                    + " index's own host (kept off the command line).")
    private @Nullable String tokenEnv;

    @Option(names = "--netrc", paramLabel = "FILE",
            description = "Read logins from FILE instead of $NETRC or ~/.netrc.")
    private @Nullable Path netrc;

    @Option(names = "--severity", paramLabel = "RULE=LEVEL",
            description = "Override a rule's severity (error, warning, note), or switch the rule off (off), such as"
                    + " P503-08=error. Repeatable.")
    private List<String> severities = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of"
            + " standard output.")
    private @Nullable Path outputFile;

    @Override
    public Integer call() throws IOException {
        output.reporter(spec);
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --format " + Texts.quote(format) + ": use text, json, sarif or junit");
        }
        @Nullable Severity threshold = failOn.equalsIgnoreCase("never") ? null : severity("--fail-on", failOn);
        if (gitTimeout <= 0) {
            throw new UsageException("invalid --git-timeout " + gitTimeout + ": use a number of seconds above 0");
        }
        Validator.Builder b = Validator.builder().deep(deep).gitTimeout(Duration.ofSeconds(gitTimeout))
                .reader(reader());
        if (project != null) {
            try {
                b.project(project);
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --project: " + e.getMessage());
            }
        }
        for (String host : gitCredentialHosts) {
            try {
                b.gitCredentialsHost(host);
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --git-credentials-host: " + e.getMessage());
            }
        }
        for (String s : severities) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("invalid --severity " + Texts.quote(s)
                        + ": use RULE=LEVEL such as P503-08=error");
            }
            String rule = s.substring(0, eq).strip();
            String level = s.substring(eq + 1).strip();
            try {
                if (level.equalsIgnoreCase("off")) {
                    b.disable(rule);
                } else {
                    b.severity(rule, severity("--severity", level));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --severity " + Texts.quote(s) + ": " + e.getMessage());
            }
        }
        Report report = b.build().validate(target);
        if (outputFile != null) {
            try (Writer w = Files.newBufferedWriter(outputFile, StandardCharsets.UTF_8)) {
                reportFormat.write(report, w);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            reportFormat.write(report, out);
            out.flush();
        }
        if ((outputFile != null || reportFormat != ReportFormat.TEXT) && !output.quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(Texts.printable(report.target() + ": " + report.summary()));
            err.flush();
        }
        return threshold != null && report.exceeds(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private IndexReader reader() {
        IndexReader.Builder r = IndexReader.builder();
        for (String h : headers) {
            int colon = h.indexOf(':');
            try {
                if (colon <= 0) {
                    throw new IllegalArgumentException("use NAME:VALUE");
                }
                r.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --header " + Texts.quote(h.substring(0, Math.max(0, colon)))
                        + ": " + e.getMessage());
            }
        }
        if (tokenEnv != null) {
            String token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new UsageException("--token-env " + Texts.quote(tokenEnv) + ": the environment variable is not"
                        + " set");
            }
            r.bearerToken(token.strip());
        }
        if (netrc != null) {
            if (!Files.isRegularFile(netrc)) {
                throw new UsageException("--netrc: no such file " + Texts.quote(netrc.toString()));
            }
            r.netrc(netrc);
        }
        return r.build();
    }

    private static Severity severity(String option, String value) {
        try {
            return Severity.fromLabel(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid " + option + " level " + Texts.quote(value)
                    + ": use error, warning or note");
        }
    }
}
