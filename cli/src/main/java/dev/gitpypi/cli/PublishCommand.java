package dev.gitpypi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gitpypi.git.publish.PublishResult;
import dev.gitpypi.git.publish.SiteChanges;
import dev.gitpypi.git.publish.SitePublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitpypi publish}: commits a built site to a branch (GitHub Pages) and pushes it. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Publishes a built site to a branch of a Git repository (default gh-pages).",
            "It fetches the branch's last commit (or starts the branch), replaces its",
            "files with the site's (keeping CNAME and the --keep files), adds .nojekyll",
            "and pushes one commit whose message lists the projects and versions added",
            "and removed and the files yanked. An unchanged site makes no commit.",
            "If someone else pushed meanwhile, it fetches again and retries on top of",
            "their commit; it never force-pushes unless --force.",
            "Credentials: those in the URL, else $GITHUB_TOKEN or $GH_TOKEN (sent to",
            "github.com, or the --github-api-url host, only), else your ssh setup."},
        footer = {"", "Examples:",
            "  gitpypi publish site --repo https://github.com/your-org/python-index.git",
            "  gitpypi publish site --repo git@github.com:your-org/python-index.git --keep 'docs/**'",
            "  gitpypi publish site --repo ../index.git --branch main --message 'Release 2.0'"})
final class PublishCommand implements Callable<Integer> {
    private static final Pattern AUTHOR = Pattern.compile("\\s*([^<>]*?)\\s*<([^<>]+)>\\s*");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private OutputOptions output = new OutputOptions();

    @Parameters(index = "0", paramLabel = "SITE", description = "The site folder that gitpypi build --out wrote.")
    private Path site;

    @CommandLine.Mixin
    private Target target = new Target();

    @Option(names = "--message", paramLabel = "TEXT",
            description = "The commit's subject (the listing of the changes follows it). Default: a generated one.")
    private @Nullable String message;

    @Option(names = "--keep", paramLabel = "PATTERN",
            description = "Files of the branch to keep when the site has none of that path (glob: * within a"
                    + " folder, ** across folders; a folder keeps all it holds). Repeatable. CNAME is always kept.")
    private List<String> keep = new ArrayList<>();

    @Option(names = "--force",
            description = "Push even if the branch moved after it was fetched, replacing what others pushed.")
    private boolean force;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "How often to fetch again and retry when someone else pushed first"
                    + " (default: ${DEFAULT-VALUE}).")
    private int retries;

    @Option(names = "--author", paramLabel = "'NAME <EMAIL>'",
            description = "The commits' author and committer (default: gitpypi <gitpypi@localhost>).")
    private @Nullable String author;

    @Option(names = "--json", description = "Print what was published as JSON on standard output.")
    private boolean json;

    /** The options that say where a site goes; shared by {@code publish} and {@code build --publish}. */
    static final class Target {
        @Option(names = "--repo", paramLabel = "URL_OR_PATH", required = true,
                description = "The repository: https://, ssh://, git@host:path, file:// or a local (bare) repository.")
        @Nullable String repo;

        @Option(names = "--branch", paramLabel = "BRANCH", defaultValue = SitePublisher.DEFAULT_BRANCH,
                description = "The branch to publish to (default: ${DEFAULT-VALUE}); created when absent.")
        String branch = SitePublisher.DEFAULT_BRANCH;

        @Option(names = "--ssh-dir", paramLabel = "DIR",
                description = "Where ssh keys, config and known_hosts are for ssh remotes (default: ~/.ssh).")
        @Nullable Path sshDir;

        @Option(names = "--github-api-url", paramLabel = "URL",
                description = "The GitHub API for GitHub Enterprise (https://HOST/api/v3); the token goes to its"
                        + " host only. Default: https://api.github.com.")
        @Nullable String githubApiUrl;
    }

    @Override
    public Integer call() throws IOException {
        SitePublisher.Builder b = builder(target.repo, target);
        List<String> patterns = new ArrayList<>(SitePublisher.DEFAULT_KEEP);
        patterns.addAll(keep);
        b.keep(patterns).force(force).message(message);
        if (retries < 0 || retries > 20) {
            throw new UsageException("--retries must be 0 to 20, not " + retries);
        }
        b.retries(retries);
        if (author != null) {
            Matcher m = AUTHOR.matcher(author);
            if (!m.matches() || m.group(1).isEmpty()) {
                throw new UsageException("invalid --author '" + author + "': give 'Name <email@example.org>'");
            }
            b.author(m.group(1), m.group(2));
        }
        try (Reporter reporter = output.reporter(spec)) {
            PublishResult r = publish(b, site, reporter);
            if (json) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(r)));
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    /**
     * A publisher for a target, with the token of {@code GITHUB_TOKEN} or {@code GH_TOKEN}.
     *
     * @param repo the repository URL or path
     * @param target the target options
     * @return the builder
     */
    static SitePublisher.Builder builder(@Nullable String repo, Target target) {
        if (repo == null || repo.isBlank()) {
            throw new UsageException("missing --repo URL_OR_PATH: the repository to publish to");
        }
        SitePublisher.Builder b = SitePublisher.builder(repo).branch(target.branch).githubToken(token());
        if (target.githubApiUrl != null) {
            b.githubApiUrl(target.githubApiUrl);
        }
        if (target.sshDir != null) {
            if (!Files.isDirectory(target.sshDir)) {
                throw new UsageException("--ssh-dir: no such folder: " + target.sshDir);
            }
            b.sshDirectory(target.sshDir);
        }
        return b;
    }

    private static @Nullable String token() {
        String token = System.getenv("GITHUB_TOKEN");
        if (token == null || token.isBlank()) {
            token = System.getenv("GH_TOKEN");
        }
        return token == null || token.isBlank() ? null : token;
    }

    /**
     * Publishes and tells the person running it what happened, on standard error.
     *
     * @param b the configured publisher
     * @param site the site folder
     * @param reporter where progress and results go
     * @return the result
     * @throws IOException if the remote fails (the message holds no credential)
     */
    static PublishResult publish(SitePublisher.Builder b, Path site, Reporter reporter) throws IOException {
        SitePublisher publisher = b.progress(reporter).build();
        reporter.begin("publishing " + site + " to " + publisher.remote() + " branch "
                + publisher.branch(), -1);
        PublishResult r;
        try {
            r = publisher.publish(site);
        } catch (IOException | RuntimeException e) {
            reporter.end("failed");
            throw e;
        }
        if (r.pushed()) {
            reporter.end((r.outcome() == PublishResult.Outcome.CREATED ? "created the branch with commit "
                    : "pushed commit ") + r.headId().substring(0, 12) + ": " + r.changes().summary()
                    + (r.attempts() > 1 ? " (" + r.attempts() + " attempts: someone else pushed meanwhile)" : ""));
            r.message().lines().forEach(line -> reporter.detail(line.isEmpty() ? "" : "  " + line));
        } else {
            reporter.end("unchanged: the branch already holds this site, no commit made");
        }
        for (String w : r.warnings()) {
            reporter.warning(w);
        }
        r.pagesUrl().ifPresent(url -> reporter.info("if GitHub Pages serves " + r.branch() + ", install with: pip"
                + " install --index-url " + url + "simple/ NAME"));
        return r;
    }

    /**
     * The JSON form of a result ({@code --json}; schema version 1).
     *
     * @param r the result
     * @return ordered keys and values
     */
    static Map<String, Object> json(PublishResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema-version", 1);
        m.put("remote", r.remote());
        m.put("branch", r.branch());
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("commit", r.commitId().orElse(null));
        m.put("head", r.headId());
        m.put("previous", r.previousId().orElse(null));
        m.put("attempts", r.attempts());
        m.put("pages-url", r.pagesUrl().orElse(null));
        SiteChanges c = r.changes();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("summary", c.summary());
        changes.put("versions-added", c.versionsAddedCount());
        changes.put("versions-removed", c.versionsRemovedCount());
        changes.put("projects-added", versions(c.projectsAdded()));
        changes.put("projects-removed", versions(c.projectsRemoved()));
        changes.put("project-versions-added", versions(c.versionsAdded()));
        changes.put("project-versions-removed", versions(c.versionsRemoved()));
        changes.put("yanked", yanks(c.yanked()));
        changes.put("unyanked", yanks(c.unyanked()));
        changes.put("files-added", c.filesAdded());
        changes.put("files-modified", c.filesModified());
        changes.put("files-removed", c.filesRemoved());
        m.put("changes", changes);
        m.put("warnings", r.warnings());
        return m;
    }

    private static List<Map<String, Object>> versions(List<SiteChanges.ProjectVersions> list) {
        return list.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.project());
            m.put("versions", p.versions());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> yanks(List<SiteChanges.Yank> list) {
        return list.stream().map(y -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", y.project());
            m.put("filename", y.filename());
            m.put("version", y.version());
            m.put("reason", y.reason());
            return m;
        }).toList();
    }
}
