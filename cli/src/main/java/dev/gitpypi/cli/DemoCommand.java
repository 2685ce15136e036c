package dev.gitpypi.cli;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.FileTrees;
import dev.gitpypi.core.site.SiteReport;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.git.GitSource;
import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitpypi demo}: the whole story offline, from the example projects bundled with gitpypi. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Runs gitpypi end to end, offline: creates Git repositories with tags from two bundled example",
            "projects (hello depends on world), builds an index from them in both link styles (vcs and sdist),",
            "validates both, and prints the pip command that installs from it."})
final class DemoCommand implements Callable<Integer> {
    static final String MARKER = ".gitpypi-demo";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private OutputOptions output = new OutputOptions();

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "gitpypi-demo",
            description = "The work folder: repos/, site-vcs/, site-sdist/, cache/ (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        Path work = dir.toAbsolutePath().normalize();
        prepare(work);
        try (Reporter reporter = output.reporter(spec)) {
            reporter.begin("creating example repositories in " + work.resolve("repos"), -1);
            List<Path> repos = DemoRepositories.create(work.resolve("repos"));
            reporter.end(repos.size() + " repositories, tags " + DemoRepositories.EXAMPLES.stream()
                    .map(e -> e.name() + " " + String.join(" ", e.versions().stream().map(v -> "v" + v).toList()))
                    .reduce((a, b) -> a + "; " + b).orElse(""));
            Report vcs = buildAndValidate(reporter, repos, work, LinkStyle.VCS);
            Report sdist = buildAndValidate(reporter, repos, work, LinkStyle.SDIST);
            PrintWriter out = spec.commandLine().getOut();
            Path sdistSite = work.resolve("site-sdist");
            out.println();
            out.println("Demo index built in " + work + ":");
            out.println("  " + work.resolve("site-sdist") + "  link style sdist: pip and uv, with hashes ("
                    + counts(sdist) + ")");
            out.println("  " + work.resolve("site-vcs") + "    link style vcs: pip only, git+ links ("
                    + counts(vcs) + ")");
            out.println();
            out.println("Install from it with pip (file:// index, no server):");
            out.println("  python3 -m venv " + work.resolve("venv") + " && " + work.resolve("venv/bin/pip")
                    + " install --index-url " + sdistSite.resolve("simple").toUri() + " 'hello>=1.1,<2'");
            out.println("Or serve it over HTTP (PEP 691 negotiation) for pip and uv:");
            out.println("  gitpypi serve " + sdistSite + " --port 8000");
            out.println("  pip install --index-url http://127.0.0.1:8000/simple/ 'hello>=1.1,<2'");
            out.flush();
            return sdist.exceeds(Severity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    private Report buildAndValidate(Reporter reporter, List<Path> repos, Path work, LinkStyle style)
            throws IOException {
        Index index = Index.empty();
        for (Path repo : repos) {
            GitSource source = GitSource.local(repo).linkStyle(style).cacheDir(work.resolve("cache")).build();
            reporter.begin("reading " + source.description() + " (" + style.value() + ")", -1);
            SourceResult result = source.read();
            reporter.end(result.index().size() + " project, " + BuildCommand.versions(result.index()) + " versions");
            for (Problem p : result.problems()) {
                reporter.detail(p.toString());
            }
            index = index.merge(result.index());
        }
        Path site = work.resolve("site-" + style.value());
        reporter.begin("writing " + site, -1);
        SiteReport written = SiteWriter.builder().title("gitpypi demo index (" + style.value() + " links)").build()
                .write(index, site);
        reporter.end(written.filesWritten() + " files written, " + written.filesUnchanged() + " unchanged");
        reporter.begin("validating " + site, -1);
        Report report = Validator.defaults().validate(site.toString());
        reporter.end(counts(report));
        report.findings().forEach(f -> reporter.detail(f.toString()));
        return report;
    }

    private static String counts(Report r) {
        return String.format(Locale.ROOT, "validate: %d errors, %d warnings, %d notes", r.count(Severity.ERROR),
                r.count(Severity.WARNING), r.count(Severity.NOTE));
    }

    /** An absent or empty folder, or one an earlier demo made (its repositories are made anew). */
    private static void prepare(Path work) throws IOException {
        if (Files.exists(work) && !Files.isDirectory(work)) {
            throw new UsageException("--dir: " + work + " is a file, not a folder");
        }
        if (Files.isDirectory(work)) {
            boolean empty;
            try (Stream<Path> s = Files.list(work)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.isRegularFile(work.resolve(MARKER))) {
                throw new UsageException("--dir: " + work + " is not empty and not an earlier demo's folder;"
                        + " give an empty or new folder");
            }
            FileTrees.delete(work.resolve("repos"));
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve(MARKER), "made by gitpypi demo\n");
    }
}
