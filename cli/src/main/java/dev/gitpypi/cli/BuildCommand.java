package dev.gitpypi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.IndexMerger;
import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.ExternalLinks;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.core.site.SiteReport;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.core.source.LocalFilesSource;
import dev.gitpypi.core.source.PackageListSource;
import dev.gitpypi.git.GitSource;
import dev.gitpypi.git.NotARepositoryException;
import dev.gitpypi.git.TagPattern;
import dev.gitpypi.git.publish.PublishResult;
import dev.gitpypi.git.publish.SitePublisher;
import dev.gitpypi.github.ApiUsage;
import dev.gitpypi.github.GitHubResult;
import dev.gitpypi.github.GitHubSource;
import dev.gitpypi.validator.IndexReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitpypi build}: reads sources and writes a static site. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Builds a static index from Git repositories, GitHub organisations, folders of distributions, package"
                    + " lists and existing indexes, and writes it to --out (simple/ pages in HTML and JSON for"
                    + " installers, hosted files, and pages for people: a searchable project list, a page per project"
                    + " with its README, a release feed).",
            "The site is swapped in whole: on any failure the previous site is left as it was.",
            "Options may also come from a gitpypi.toml file (--config; ./gitpypi.toml is read when present)."},
        footer = {"", "Examples:",
            "  gitpypi build --git https://github.com/org/hello.git --git ../world --out site",
            "  gitpypi build --github-org acme --github-topic python --out site",
            "  gitpypi build --github-org acme --link-style release --out site",
            "  gitpypi build --git . --link-style sdist --out site --base-url https://org.github.io/index/",
            "  gitpypi build --files dist/ --out site",
            "  gitpypi build --git https://github.com/org/hello.git --out site \\",
            "      --publish https://github.com/org/python-index.git"})
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private OutputOptions output = new OutputOptions();

    @Option(names = "--git", paramLabel = "PATH_OR_URL",
            description = "A Git repository: a local checkout or a remote URL (https, ssh, git://, file://). Repeatable.")
    private List<String> git = new ArrayList<>();

    @Option(names = "--files", paramLabel = "DIR", description = "A folder of wheels and sdists to host. Repeatable.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--from-index", paramLabel = "URL_OR_DIR",
            description = "An existing index (site folder, page or http(s) URL) to import. Repeatable.")
    private List<String> fromIndex = new ArrayList<>();

    @Option(names = "--package-list", paramLabel = "FILE",
            description = "A list of distribution file names, one per line (dumb-pypi's input); needs --packages-url.")
    private List<Path> packageList = new ArrayList<>();

    @Option(names = "--package-list-json", paramLabel = "FILE",
            description = "A list of JSON objects, one per line (dumb-pypi's JSON input); needs --packages-url"
                    + " unless every entry has a url.")
    private List<Path> packageListJson = new ArrayList<>();

    @Option(names = "--packages-url", paramLabel = "URL", description = "Where the files of package lists are served.")
    private @Nullable String packagesUrl;

    @CommandLine.Mixin
    private GitHubOptions github = new GitHubOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "The site folder to write.")
    private @Nullable Path out;

    @Option(names = "--link-style", paramLabel = "STYLE",
            description = "How Git tags reach installers: vcs (git+ links; pip only, the site holds no code),"
                    + " sdist (sdists built from each tag and hosted, with hashes; pip and uv), or, for GitHub"
                    + " sources, release (the wheels and sdists of GitHub releases, with hashes). Default: vcs.")
    private @Nullable String linkStyle;

    @Option(names = "--tag-pattern", paramLabel = "REGEX",
            description = "Which tags are releases: a regular expression with a named group 'version' (and optionally"
                    + " 'project'). Default: v? followed by a PEP 440 version.")
    private @Nullable String tagPattern;

    @Option(names = "--subdirectory", paramLabel = "DIR",
            description = "A project folder inside the repositories (monorepo); a tag where it does not exist is an"
                    + " error for that tag. Repeatable.")
    private List<String> subdirectories = new ArrayList<>();

    @Option(names = "--discover-projects",
            description = "Find projects by their pyproject.toml or setup.py inside each tag. A tag applies to the project its"
                    + " 'project' group names, or, without one, only when exactly one project is found.")
    private boolean discoverProjects;

    @Option(names = "--project", paramLabel = "NAME",
            description = "The project name of the --git repositories at tags whose metadata names none (a setup.py"
                    + " that computes its name). Metadata that names another project wins: such tags are skipped.")
    private @Nullable String project;

    @Option(names = "--pin-commits",
            description = "Link VCS releases by the commit id a tag had when first indexed (tags can move).")
    private boolean pinCommits;

    @Option(names = "--allow-version-mismatch",
            description = "Keep tags whose static version (pyproject.toml, setup.cfg, setup.py) disagrees with the"
                    + " tag, under the static version (reported anyway).")
    private boolean allowVersionMismatch;

    @Option(names = "--yank", paramLabel = "NAME==VERSION[:REASON]",
            description = "Mark a release yanked (PEP 592): pip then installs it only when pinned with ==. Repeatable.")
    private List<String> yank = new ArrayList<>();

    @Option(names = "--metadata-from-build",
            description = "RUNS THE PROJECTS' CODE: where the metadata at a tag cannot be read without running code,"
                    + " ask the project's own PEP 517 build backend (in a separate python3 process with a time limit,"
                    + " in a temporary copy of the tree). Off by default; only for repositories you trust.")
    private boolean metadataFromBuild;

    @Option(names = "--allow-empty",
            description = "Write the site even when the sources give no project at all (by default an empty result"
                    + " never replaces a site that has projects: exit 1, nothing to publish).")
    private boolean allowEmpty;

    @Option(names = "--link-url", paramLabel = "URL",
            description = "The repository URL to write in VCS links of a local --git checkout (default: its origin).")
    private @Nullable String linkUrl;

    @Option(names = "--ssh-dir", paramLabel = "DIR",
            description = "Where ssh keys, config and known_hosts are for ssh:// and user@host:path remotes"
                    + " (default: ~/.ssh).")
    private @Nullable Path sshDir;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The public URL of the site: absolute pip commands on the pages for people, absolute links"
                    + " in the release feed.")
    private @Nullable String baseUrl;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many threads render the site's pages (1 to 64; default: 2, measured best on a 2-core"
                    + " machine); two more write the files.")
    private @Nullable Integer threads;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache of fetched repositories and built sdists (default: $XDG_CACHE_HOME/gitpypi).")
    private @Nullable Path cache;

    @Option(names = "--config", paramLabel = "FILE", description = "A gitpypi.toml file with build options.")
    private @Nullable Path config;

    @Option(names = "--shared-project", paramLabel = "NAME",
            description = "A project that several sources may publish releases of. Without it a project belongs to"
                    + " the first source that declares it (Git sources, then --files, --from-index and package lists,"
                    + " each in the order given), and another source declaring it is an error. Repeatable.")
    private List<String> sharedProjects = new ArrayList<>();

    @Option(names = "--json", description = "Print a machine-readable summary of the build on standard output.")
    private boolean json;

    @Option(names = "--keep-going",
            description = "When a source cannot be read at all (an unreachable repository), build the rest and exit"
                    + " with 3. Without it nothing is written and the previous site stays, so a passing outage"
                    + " cannot unpublish packages.")
    private boolean keepGoing;

    @Option(names = "--publish", paramLabel = "URL_OR_PATH",
            description = "After a successful build, publish the site to this repository's --publish-branch, as"
                    + " 'gitpypi publish' does (not when a source failed under --keep-going).")
    private @Nullable String publish;

    @Option(names = "--publish-branch", paramLabel = "BRANCH", defaultValue = SitePublisher.DEFAULT_BRANCH,
            description = "The branch --publish pushes to (default: ${DEFAULT-VALUE}).")
    private String publishBranch = SitePublisher.DEFAULT_BRANCH;

    private SitePublisher.@Nullable Builder publisher;

    @Override
    public Integer call() throws IOException {
        BuildConfig c = loadConfig();
        merge(c);
        if (out == null) {
            throw new UsageException("missing --out DIR (or 'out' in gitpypi.toml)");
        }
        if (publish != null) {
            // checked before anything is read, so a mistyped branch or --ssh-dir costs no build
            PublishCommand.Target target = new PublishCommand.Target();
            target.branch = publishBranch;
            target.sshDir = sshDir;
            publisher = PublishCommand.builder(publish, target);
        }
        LinkStyle style = LinkStyle.fromValue(linkStyle == null ? "vcs" : linkStyle)
                .filter(s -> s == LinkStyle.VCS || s == LinkStyle.SDIST || (s == LinkStyle.RELEASE && github.any()))
                .orElseThrow(() -> new UsageException("invalid --link-style '" + linkStyle
                        + "': Git sources link as vcs or sdist, GitHub sources also as release (folders of files are"
                        + " always hosted)"));
        if (style == LinkStyle.RELEASE && !git.isEmpty()) {
            throw new UsageException("--link-style release links GitHub release assets: --git sources have none"
                    + " (build them with vcs or sdist in another run)");
        }
        try (Reporter reporter = output.reporter(spec)) {
            this.reporter = reporter;
            List<IndexSource> sources = sources(c, style);
            if (sources.isEmpty()) {
                throw new UsageException("no source: give --git, --github-org, --github-user, --github-repo, --files,"
                        + " --from-index or --package-list (or a gitpypi.toml with them)");
            }
            return build(sources, style, reporter);
        }
    }

    /**
     * Reads the sources in configuration order and merges them: what a source cannot have (a project another source
     * owns, a file that conflicts with one merged before, a name the site cannot be written with) is left out with an
     * error naming it, and the rest is built (exit 1).
     */
    private int build(List<IndexSource> sources, LinkStyle style, Reporter reporter) throws IOException {
        IndexMerger merger = IndexMerger.builder().sharedProjects(sharedProjects).build();
        SiteWriter.Builder site = SiteWriter.builder();
        if (threads != null) {
            site.threads(threads);
        }
        SiteWriter writer = site.progress(reporter).baseUrl(baseUrl)
                .json(jsonPages == null || jsonPages).privateSite(github.privateSite)
                .title(title == null ? "Python package index" : title).build();
        List<Problem> problems = new ArrayList<>();
        int failedSources = 0;
        boolean ownership = false;
        for (IndexSource source : sources) {
            reporter.begin("reading " + source.description(), -1);
            SourceResult result;
            try {
                if (source instanceof GitHubSource g) {
                    GitHubResult r = g.readWithUsage();
                    githubUsage = githubUsage == null ? r.usage() : githubUsage.plus(r.usage());
                    result = r.result();
                } else {
                    result = source.read();
                }
            } catch (IOException e) {
                if (!keepGoing) {
                    reporter.end("failed");
                    throw e;
                }
                failedSources++;
                reporter.end("failed, skipped (--keep-going)");
                problems.add(report(reporter, Problem.error(source.description(), GitpypiCommand.describe(e))));
                continue;
            } catch (NotARepositoryException e) {
                // a --git folder that is no repository is bad usage, not hostile input: exit 2, nothing written
                reporter.end("failed");
                throw e;
            } catch (GitpypiException e) {
                // input the source cannot make an index of: that source is left out, the others are built
                reporter.end("failed, left out");
                problems.add(report(reporter, Problem.error(source.description(), GitpypiCommand.describe(e)
                        + "; this source is left out")));
                continue;
            }
            long notes = result.problems().stream().filter(p -> p.severity() == Severity.NOTE).count();
            long shown = result.problems().size() - notes;
            // the summary reads every file's version: not worked out when --quiet does not show it
            reporter.end(reporter.quiet() ? "" : summary(result.index()) + (shown == 0 ? "" : ", " + shown
                    + " problem" + (shown == 1 ? "" : "s")) + (notes == 0 ? "" : ", " + notes + " file"
                    + (notes == 1 ? "" : "s") + " skipped"));
            reporter.problems(result.problems());
            if (notes > 0 && !reporter.verbose()) {
                reporter.info("(--verbose names each of the " + notes + " skipped file" + (notes == 1 ? "" : "s")
                        + ")");
            }
            problems.addAll(result.problems());
            if (source == sources.get(sources.size() - 1)) {
                writer.warmUp(); // while this thread screens and merges what was read
            }
            ProjectScreen.Result screened = ProjectScreen.screen(source.description(), result.index());
            for (Problem p : screened.problems()) {
                problems.add(report(reporter, p));
            }
            for (Problem p : merger.add(source.description(), screened.index())) {
                ownership |= p.message().contains("declared shared");
                problems.add(report(reporter, p));
            }
        }
        if (ownership) {
            reporter.info("hint: a project that several sources publish is declared with --shared-project NAME"
                    + " (or shared-projects = [\"NAME\"] in gitpypi.toml)");
        }
        Index index = merger.index();
        List<Problem> yankProblems = new ArrayList<>();
        index = yanks.apply(index, yankProblems);
        for (Problem p : yankProblems) {
            problems.add(report(reporter, p));
        }
        if (index.size() == 0 && !allowEmpty && hasProjects(out)) {
            reporter.error("nothing to publish: the sources gave no project, and " + out + " holds a site with"
                    + " projects; it is left as it was (--allow-empty replaces it with an empty site)");
            return ExitCodes.FINDINGS;
        }
        reporter.begin("writing " + out, -1);
        SiteReport report = writer.write(index, out);
        reporter.end(report.filesWritten() + " files written, " + report.filesUnchanged() + " unchanged, "
                + report.filesDeleted() + " deleted");
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
        if (!reporter.quiet()) {
            reporter.info("built " + out + ": " + summary(index) + ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s") + ", " + errors + " error" + (errors == 1 ? "" : "s"));
        }
        if (githubUsage != null) {
            reporter.info("github api: " + githubUsage);
        }
        PublishResult published = null;
        if (publish != null && failedSources > 0) {
            reporter.warning("not published: " + failedSources + " source" + (failedSources == 1 ? "" : "s")
                    + " could not be read, and publishing the rest would remove their packages from the index");
        } else if (publisher != null) {
            published = PublishCommand.publish(publisher, out, reporter);
        }
        if (json) {
            printJson(index, report, problems, style, published);
        }
        return failedSources > 0 ? ExitCodes.IO : errors > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Problem report(Reporter reporter, Problem p) {
        reporter.problems(List.of(p));
        return p;
    }

    private void printJson(Index index, SiteReport report, List<Problem> problems, LinkStyle style,
            @Nullable PublishResult published) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema-version", 1);
        m.put("out", String.valueOf(out));
        m.put("link-style", style.value());
        m.put("projects", index.size());
        m.put("versions", versions(index));
        m.put("distributions", index.projects().values().stream().mapToInt(p -> p.distributions().size()).sum());
        m.put("files-written", report.filesWritten());
        m.put("files-unchanged", report.filesUnchanged());
        m.put("files-deleted", report.filesDeleted());
        m.put("warnings", problems.stream().filter(p -> p.severity() == Severity.WARNING).count());
        m.put("errors", problems.stream().filter(p -> p.severity() == Severity.ERROR).count());
        m.put("notes", problems.stream().filter(p -> p.severity() == Severity.NOTE).count());
        if (githubUsage != null) {
            m.put("github", GitHubOptions.json(githubUsage));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Project p : index.projects().values()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name().normalized());
            pm.put("display-name", p.name().display());
            pm.put("versions", p.releaseVersions());
            pm.put("files", p.distributions().stream().map(Distribution::filename).toList());
            list.add(pm);
        }
        m.put("project-list", list);
        m.put("problems", problems.stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("severity", p.severity().label());
            pm.put("location", Redaction.text(p.location()));
            pm.put("message", Redaction.text(p.message()));
            return pm;
        }).toList());
        if (published != null) {
            m.put("publish", PublishCommand.json(published));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        stdout.flush();
    }

    /** Whether a folder holds a site with at least one project page. */
    private static boolean hasProjects(Path site) throws IOException {
        Path simple = site.resolve("simple");
        if (!Files.isRegularFile(simple.resolve("index.html"))) {
            return false;
        }
        try (java.util.stream.Stream<Path> children = Files.list(simple)) {
            return children.anyMatch(p -> Files.isRegularFile(p.resolve("index.html")));
        }
    }

    /** The number of versions of all projects, as their pages list them. */
    static int versions(Index index) {
        // each project reads its files' versions once and keeps them for the pages: in parallel, on all cores
        return index.projects().values().parallelStream().mapToInt(p -> p.releaseVersions().size()).sum();
    }

    private static String summary(Index index) {
        int projects = index.size();
        int versions = versions(index);
        return projects + " project" + (projects == 1 ? "" : "s") + ", " + versions + " version"
                + (versions == 1 ? "" : "s");
    }

    // ---- options and configuration

    private @Nullable String title;
    private @Nullable Boolean jsonPages;
    private @Nullable ApiUsage githubUsage;
    private final Yanks yanks = new Yanks();
    private dev.gitpypi.core.Progress reporter = dev.gitpypi.core.Progress.NONE;

    private BuildConfig loadConfig() throws IOException {
        Path file = config;
        if (file == null) {
            Path implicit = Path.of("gitpypi.toml");
            if (!Files.isRegularFile(implicit)) {
                return new BuildConfig();
            }
            file = implicit;
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such configuration file: " + file);
        }
        return BuildConfig.read(file);
    }

    private void merge(BuildConfig c) {
        out = out != null ? out : c.out;
        linkStyle = linkStyle != null ? linkStyle : c.linkStyle;
        baseUrl = baseUrl != null ? baseUrl : c.baseUrl;
        cache = cache != null ? cache : c.cache;
        packagesUrl = packagesUrl != null ? packagesUrl : c.packagesUrl;
        tagPattern = tagPattern != null ? tagPattern : c.tagPattern;
        pinCommits = pinCommits || Boolean.TRUE.equals(c.pinCommits);
        metadataFromBuild = metadataFromBuild || Boolean.TRUE.equals(c.metadataFromBuild);
        allowEmpty = allowEmpty || Boolean.TRUE.equals(c.allowEmpty);
        allowVersionMismatch = allowVersionMismatch || Boolean.TRUE.equals(c.allowVersionMismatch);
        discoverProjects = discoverProjects || Boolean.TRUE.equals(c.discoverProjects);
        title = c.title;
        jsonPages = c.jsonPages;
        github.merge(c);
        c.yanked.forEach((name, versions) -> versions.forEach((version, reason) -> yanks.add(name, version, reason,
                "gitpypi.toml yanked." + name)));
        for (String spec : yank) {
            yanks.add(spec);
        }
        List<String> shared = new ArrayList<>(c.sharedProjects);
        shared.addAll(sharedProjects);
        for (String name : shared) {
            if (!ProjectName.isValid(name)) {
                throw new UsageException("--shared-project: invalid project name " + Texts.quote(name) + " (NAME-01)");
            }
        }
        sharedProjects = shared;
    }

    private List<IndexSource> sources(BuildConfig c, LinkStyle style) {
        List<IndexSource> sources = new ArrayList<>();
        List<BuildConfig.GitEntry> gitEntries = new ArrayList<>(c.git);
        for (String g : git) {
            gitEntries.add(new BuildConfig.GitEntry(g, null, linkUrl, subdirectories, project));
        }
        for (BuildConfig.GitEntry e : gitEntries) {
            sources.add(gitSource(e, style));
        }
        sources.addAll(github.sources(style, cache, tagPattern, allowVersionMismatch, reporter));
        List<Path> folders = new ArrayList<>(c.files);
        folders.addAll(files);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("--files: no such folder: " + folder);
            }
            sources.add(LocalFilesSource.of(folder));
        }
        List<String> indexes = new ArrayList<>(c.fromIndex);
        indexes.addAll(fromIndex);
        for (String target : indexes) {
            sources.add(importedIndex(target));
        }
        List<Path> lists = new ArrayList<>(c.packageList);
        lists.addAll(packageList);
        List<Path> jsonLists = new ArrayList<>(c.packageListJson);
        jsonLists.addAll(packageListJson);
        for (Path list : lists) {
            requireFile("--package-list", list);
            if (packagesUrl == null) {
                throw new UsageException("--package-list needs --packages-url: the URL the files are served from");
            }
            sources.add(PackageListSource.plain(list, packagesUrl));
        }
        for (Path list : jsonLists) {
            requireFile("--package-list-json", list);
            sources.add(PackageListSource.json(list, packagesUrl));
        }
        return sources;
    }

    private static void requireFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + ": no such file: " + file);
        }
    }

    private IndexSource gitSource(BuildConfig.GitEntry e, LinkStyle style) {
        String location = e.location();
        boolean local = !location.contains("://") && !location.matches("[^/]+@[^/:]+:.*");
        if (local && !Files.isDirectory(Path.of(location))) {
            throw new UsageException("--git: no such folder: " + location
                    + " (give a local checkout or a URL: https://, ssh://, git://, file://)");
        }
        GitSource.Builder b = local ? GitSource.local(Path.of(location)) : GitSource.remote(withToken(location));
        if (!local && !withToken(location).equals(location) && e.linkUrl() == null) {
            b.linkUrl(location);
        }
        b.progress(reporter).linkStyle(style).pinCommits(pinCommits).allowVersionMismatch(allowVersionMismatch)
                .discoverProjects(discoverProjects);
        if (e.project() != null) {
            b.projectName(e.project());
        }
        if (metadataFromBuild) {
            String python = System.getenv("GITPYPI_PYTHON");
            b.metadataFromBuild(python == null || python.isBlank() ? "python3" : python, Duration.ofSeconds(120));
        }
        String pattern = e.tagPattern() != null ? e.tagPattern() : tagPattern;
        TagPattern tags = pattern == null ? TagPattern.defaultPattern() : TagPattern.regex(pattern);
        if (pattern != null) {
            b.tagPattern(tags);
        }
        for (String folder : e.folders()) {
            b.project(folder, tags);
        }
        if (e.linkUrl() != null) {
            b.linkUrl(e.linkUrl());
        }
        if (cache != null) {
            b.cacheDir(cache);
        }
        if (sshDir != null) {
            if (!Files.isDirectory(sshDir)) {
                throw new UsageException("--ssh-dir: no such folder: " + sshDir);
            }
            b.sshDirectory(sshDir);
        }
        return b.build();
    }

    /**
     * For {@code https://github.com/…} URLs without credentials, the token of {@code GITHUB_TOKEN} or
     * {@code GH_TOKEN} (as GitHub Actions provides it) is used to fetch; it is sent to github.com only and, like any
     * credential in a URL, never written to links, logs or messages.
     */
    static String withToken(String url) {
        if (!url.startsWith("https://github.com/")) {
            return url;
        }
        String token = System.getenv("GITHUB_TOKEN");
        if (token == null || token.isBlank()) {
            token = System.getenv("GH_TOKEN");
        }
        if (token == null || token.isBlank() || !token.matches("[A-Za-z0-9_]+")) {
            return url;
        }
        return "https://x-access-token:" + token + "@github.com/" + url.substring("https://github.com/".length());
    }

    /** An index to import: an http(s) URL, or a folder or page file that exists. */
    private static IndexSource importedIndex(String target) {
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            String s = target.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                throw new UsageException("--from-index: unsupported URL scheme " + Texts.quote(s) + " in "
                        + Texts.quote(Redaction.url(target)) + ": give an http(s) URL, a site folder or a page file");
            }
        } else if (!Files.exists(Path.of(target))) {
            throw new UsageException("--from-index: no such folder or file: " + Texts.quote(target));
        }
        return new ImportedIndexSource(target);
    }

    /** An existing index read back into the model (links become absolute). */
    private static final class ImportedIndexSource implements IndexSource {
        private final String target;

        ImportedIndexSource(String target) {
            this.target = target;
        }

        /** The index's location without credentials (they are used to read it, never shown). */
        @Override
        public String description() {
            return "index " + Redaction.url(target);
        }

        /**
         * Reads the index (a local folder or file by its absolute path) and makes its links safe to republish:
         * credentials left out, {@code javascript:}, {@code data:} and {@code file:} links refused.
         */
        @Override
        public SourceResult read() throws IOException {
            boolean remote = target.startsWith("http://") || target.startsWith("https://");
            String where = remote ? target : Path.of(target).toAbsolutePath().normalize().toString();
            return ExternalLinks.republish(IndexReader.defaults().read(where), Redaction.url(target));
        }
    }
}
