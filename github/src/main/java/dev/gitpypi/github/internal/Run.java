package dev.gitpypi.github.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.git.GitSource;
import dev.gitpypi.github.GitHubResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One read of a GitHub source: discovery, the repositories' data (from the snapshots of earlier builds where the
 * repository was not pushed to since), the projects by link style, the private-code rules and the dependency
 * confusion check. One instance per read; not thread-safe.
 */
public final class Run {
    private static final System.Logger LOG = System.getLogger("dev.gitpypi.github.GitHubSource");

    private final Settings s;
    private final String description;
    private final Usage usage = new Usage();
    private final List<Problem> problems = new ArrayList<>();
    /** Projects by normalized name. */
    private final Map<String, Acc> projects = new TreeMap<>();

    /** A project being built and the repository it came from. */
    private static final class Acc {
        final Project.Builder builder;
        final Repo repo;
        final java.util.Set<String> files = new java.util.HashSet<>();

        Acc(Project.Builder builder, Repo repo) {
            this.builder = builder;
            this.repo = repo;
        }
    }

    private Run(Settings s, String description) {
        this.s = s;
        this.description = description;
    }

    /**
     * Reads a source.
     *
     * @param settings the configuration
     * @param description the source's description
     * @return the projects, problems and what the API calls cost
     * @throws IOException if GitHub cannot be read at all (the message holds no credentials)
     */
    public static GitHubResult run(Settings settings, String description) throws IOException {
        return new Run(settings, description).read();
    }

    private GitHubResult read() throws IOException {
        GitHubClient client = new GitHubClient(s, usage);
        List<Repo> repos = new ArrayList<>(Discovery.repositories(s, client, problems, description));
        repos.sort(Comparator.comparing(r -> r.fullName().toLowerCase(Locale.ROOT)));
        LOG.log(System.Logger.Level.INFO, "{0}: {1} repositories", description, repos.size());
        if (repos.isEmpty()) {
            problems.add(Problem.warning(description, "no repository is left after the filters"));
        }
        s.progress().start("repositories", repos.size());
        if (s.linkStyle() == LinkStyle.RELEASE) {
            ReleaseAssets assets = new ReleaseAssets(s, client);
            for (Repo repo : repos) {
                for (ReleaseAssets.Found f : assets.read(repo, problems, description)) {
                    add(repo, f.name(), f.distribution(), null);
                }
                s.progress().advance(1);
            }
        } else {
            tagged(client, repos);
        }
        if (s.linkStyle() == LinkStyle.VCS && !s.privateSite()) {
            long priv = repos.stream().filter(Repo::isPrivate).count();
            if (priv > 0) {
                problems.add(Problem.warning(description, priv + " private repositor" + (priv == 1 ? "y is" : "ies are")
                        + " listed: the site shows their project names, versions and repository urls (no code);"
                        + " publish it only where your team can read it (declaring the site private silences this)"));
            }
        }
        List<Project> built = new ArrayList<>();
        Map<ProjectName, String> privateProjects = new LinkedHashMap<>();
        for (Acc a : projects.values()) {
            Project p = a.builder.build();
            if (p.distributions().isEmpty()) {
                continue;
            }
            built.add(p);
            if (a.repo.isPrivate()) {
                privateProjects.put(p.name(), a.repo.fullName());
            }
        }
        URI publicIndex = s.publicIndex();
        if (publicIndex != null && !privateProjects.isEmpty()) {
            HttpClient http = s.httpClient() != null ? s.httpClient() : HttpClient.newBuilder()
                    .connectTimeout(s.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
            PublicIndexCheck.check(publicIndex, privateProjects, http, s.timeout(), "gitpypi", problems);
        }
        LOG.log(System.Logger.Level.INFO, "{0}: {1}", description, usage.snapshot());
        return new GitHubResult(new SourceResult(Index.of(built), problems), usage.snapshot());
    }

    /** vcs and sdist: tags (and releases) from snapshots or the API; metadata through the API for vcs. */
    private void tagged(GitHubClient client, List<Repo> repos) throws IOException {
        Snapshots snapshots = new Snapshots(s.cacheDir(), s.apiUrl().toString());
        boolean graphql = s.graphql() && client.hasToken();
        if (s.graphql() && !client.hasToken()) {
            problems.add(Problem.warning(description, "no github token: reading through the REST api only, which"
                    + " allows 60 requests an hour without one (set GITHUB_TOKEN or GH_TOKEN)"));
        }
        Reader reader = graphql ? new GraphQlReader(s, client, snapshots) : new RestReader(s, client, snapshots);
        Map<Repo, RepoData> data = new LinkedHashMap<>();
        List<Repo> dirty = new ArrayList<>();
        long now = s.clock().instant().getEpochSecond();
        for (Repo repo : repos) {
            Optional<RepoData> snap = snapshots.load(repo);
            if (snap.isPresent() && snap.get().pushedAt().equals(repo.pushedAt()) && !repo.pushedAt().isEmpty()
                    && now - snap.get().readAt() < s.refreshAfter().toSeconds()) {
                data.put(repo, snap.get());
            } else {
                dirty.add(repo);
            }
        }
        LOG.log(System.Logger.Level.INFO, "{0}: {1} repositories to read, {2} unchanged since the last build",
                description, dirty.size(), repos.size() - dirty.size());
        if (!dirty.isEmpty()) {
            Map<String, RepoData> fresh = reader.read(dirty, s.linkStyle() == LinkStyle.VCS, problems, description);
            for (Repo repo : dirty) {
                RepoData d = fresh.get(repo.fullName());
                if (d != null) {
                    snapshots.save(repo, d);
                    data.put(repo, d);
                }
            }
        }
        TagVersions versions = new TagVersions(s, snapshots);
        if (s.linkStyle() == LinkStyle.VCS) {
            versions.prefetch(data, reader);
        }
        for (Repo repo : repos) {
            RepoData d = data.get(repo);
            if (d != null) {
                if (s.linkStyle() == LinkStyle.VCS) {
                    for (TagVersions.Tagged t : versions.versions(repo, d, problems, description)) {
                        Distribution link = VcsLinks.link(t, problems);
                        if (link != null) {
                            add(repo, t.name(), link, t.version().toString());
                        }
                    }
                } else {
                    versions.notes(repo, d, problems, description);
                    sdists(client, repo);
                }
            }
            s.progress().advance(1);
        }
    }

    /** sdist: the Git source clones the repository (the token as an HTTP credential) and builds the sdists. */
    private void sdists(GitHubClient client, Repo repo) throws IOException {
        String where = "github:" + repo.fullName();
        if (repo.isPrivate() && !s.privateSite()) {
            problems.add(Problem.error(where, "refusing to build sdists of private repository " + repo.fullName()
                    + " into the site: they hold its code, and the site is not declared private (declare it with"
                    + " --private-site / privateSite(true) if only your team can read it, or use the vcs link"
                    + " style)"));
            return;
        }
        String clone = Redaction.url(repo.cloneUrl());
        String fetchUrl = withToken(clone, client.token());
        GitSource source = GitSource.remote(fetchUrl).linkUrl(clone).linkStyle(LinkStyle.SDIST)
                .tagPattern(s.tagPattern()).allowVersionMismatch(s.allowVersionMismatch()).cacheDir(s.cacheDir())
                .timeout(s.timeout().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : s.timeout())
                .build();
        SourceResult r;
        try {
            r = source.read();
        } catch (IOException e) {
            problems.add(Problem.error(where, "cannot clone " + clone + ": " + Redaction.text(String.valueOf(
                    e.getMessage())) + "; skipped"));
            return;
        }
        problems.addAll(r.problems());
        for (Project p : r.index().projects().values()) {
            for (Distribution d : p.distributions()) {
                add(repo, p.name(), d, null);
            }
        }
    }

    /** The clone URL with the token as user-info, when the clone host is the API's GitHub host. */
    private String withToken(String clone, @org.jspecify.annotations.Nullable String token) {
        if (token == null) {
            return clone;
        }
        URI c;
        try {
            c = URI.create(clone);
        } catch (IllegalArgumentException e) {
            return clone;
        }
        URI api = s.apiUrl();
        String host = c.getHost();
        boolean trusted = host != null && api.getHost() != null && (host.equalsIgnoreCase(api.getHost())
                || api.getHost().equalsIgnoreCase("api." + host))
                && ("https".equalsIgnoreCase(c.getScheme()) || String.valueOf(c.getScheme())
                        .equalsIgnoreCase(api.getScheme()));
        if (!trusted) {
            return clone;
        }
        return c.getScheme() + "://x-access-token:" + token + "@" + c.getRawAuthority() + c.getRawPath();
    }

    private void add(Repo repo, ProjectName name, Distribution d, @org.jspecify.annotations.Nullable String version) {
        Acc a = projects.get(name.normalized());
        if (a == null) {
            a = new Acc(Project.builder(name).sourceUrl(repo.htmlUrl()), repo);
            projects.put(name.normalized(), a);
        } else if (!a.repo.fullName().equals(repo.fullName())) {
            problems.add(Problem.warning("github:" + repo.fullName(), "project " + Texts.quote(name.normalized())
                    + " also comes from repository " + a.repo.fullName() + "; " + d.filename() + " from "
                    + repo.fullName() + " skipped"));
            return;
        }
        if (!a.files.add(d.filename())) {
            problems.add(Problem.warning("github:" + repo.fullName(), "file " + Texts.quote(d.filename())
                    + " appears twice; the second is skipped"));
            return;
        }
        a.builder.add(d);
        if (version != null) {
            a.builder.version(version);
        }
    }
}
