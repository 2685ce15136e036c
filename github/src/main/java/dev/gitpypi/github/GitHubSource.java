package dev.gitpypi.github;

import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.git.TagPattern;
import dev.gitpypi.github.internal.Names;
import dev.gitpypi.github.internal.Run;
import dev.gitpypi.github.internal.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The repositories of a GitHub organisation, a user, the token's own account or a list, as a package source: each
 * repository's tags become versions (as {@link dev.gitpypi.git.GitSource} makes them), or its releases' wheels and
 * sdists become file links.
 *
 * <pre>{@code
 * GitHubResult r = GitHubSource.organization("acme")
 *         .topics("python")
 *         .linkStyle(LinkStyle.VCS)
 *         .build()
 *         .readWithUsage();
 * System.out.println(r.usage());   // 4 requests (0 not modified), 3 points (2 REST, 1 GraphQL), 0 downloads
 * }</pre>
 *
 * <p><b>Repositories.</b> Listed through REST ({@code /orgs/ORG/repos}, {@code /users/USER/repos} — public ones —,
 * {@code /user/repos} for the token's account, private ones included; {@code /repos/OWNER/NAME} for a list), then
 * filtered: archived repositories and forks are left out unless asked for; a visibility, topics (a repository with
 * any of them is kept) and a name pattern narrow further. Repositories named in a list are not filtered.
 *
 * <p><b>Link styles.</b> {@link LinkStyle#VCS} (default): every tag that the tag pattern makes a PEP 440 version is
 * a {@code git+CLONE_URL@TAG#egg=NAME-VERSION} link with the release's core metadata, read at the tag by the Git
 * source's metadata reader (no code is run) from files fetched through the API, without cloning; a tag whose files
 * name no project is an error (the name is never guessed from the repository's), unless the tag pattern has a
 * {@code project} group. Private repositories work: pip clones with the installing user's git credentials, and the page holds no
 * secret (the build warns that the site names them, unless it is declared private). {@link LinkStyle#SDIST}: the
 * Git source clones each repository (with the token as an HTTP credential, sent only to the API's own GitHub host)
 * and builds sdists the site hosts; refused for private repositories unless the site is declared private
 * ({@link Builder#privateSite(boolean)}), because the sdists hold their code. {@link LinkStyle#RELEASE}: the wheels
 * and sdists attached to published releases (drafts skipped), with the {@code sha256} GitHub states as the asset's
 * {@code digest} (assets from before GitHub had digests are downloaded once and hashed; the hash is kept); linked at
 * GitHub for public repositories. A private repository's assets cannot be linked (GitHub serves them only with a
 * token header, which pip cannot send): they are refused with that explanation, or copied into a private site with
 * {@link Builder#mirrorAssets(boolean)}. In every style a release GitHub marks as a pre-release whose version pip
 * treats as final is listed, with a warning.
 *
 * <p><b>Cost.</b> REST listings are conditional requests against answers kept in the cache folder: a 304 costs no
 * rate limit. A repository whose listing shows no push since the last build keeps its tags and releases from the
 * cache (re-read at least every {@link Builder#refreshAfter refreshAfter}); the others are read through GraphQL, 74
 * repositories per query of 1 point (GitHub's formula), each tag's {@code pyproject.toml} included; files at a
 * commit are fetched once ever. A rebuild with nothing changed spends 0 points. The release style reads each
 * repository's releases through REST (only REST states digests), conditionally: 0 points when nothing changed. Every
 * read reports the requests and points it spent ({@link #readWithUsage()}).
 *
 * <p><b>Behaviour towards GitHub.</b> One request at a time; {@code User-Agent} and
 * {@code X-GitHub-Api-Version: 2022-11-28}; pagination followed to the end (a list is never silently shortened);
 * retries with backoff after 5xx answers, time-outs and malformed JSON; rate limits waited out (primary:
 * until {@code x-ratelimit-reset}; secondary: {@code retry-after}, or a minute and doubling when only the message
 * says so) up to {@link Builder#maxWait(Duration)}, after which {@link #read()} fails with a
 * {@link GitHubApiException} that says when to try again. GitHub Enterprise Server works with
 * {@link Builder#apiUrl(String)} {@code https://HOST/api/v3} (GraphQL at {@code https://HOST/api/graphql}).
 *
 * <p><b>Tokens.</b> From the supplier, else {@code GITHUB_TOKEN}, else {@code GH_TOKEN}. A fine-grained token needs
 * Metadata: read and Contents: read on the repositories; a classic token {@code repo} for private repositories.
 * The token is sent to the API only, never written to a link, a page, a log line, a problem or an exception
 * message, and never stored in the cache.
 *
 * <p>Immutable and thread-safe; each {@link #read()} reads GitHub afresh (using the cache folder).
 */
public final class GitHubSource implements IndexSource {
    /** github.com's REST API. */
    public static final String GITHUB_API = "https://api.github.com";

    private final Settings settings;
    private final String description;

    private GitHubSource(Settings settings, String description) {
        this.settings = settings;
        this.description = description;
    }

    /**
     * The repositories of an organisation ({@code GET /orgs/ORG/repos}: private ones too when the token sees
     * them).
     *
     * @param login the organisation's login
     * @return a builder
     * @throws IllegalArgumentException if the login is not a GitHub login
     */
    public static Builder organization(String login) {
        return new Builder(new Settings.Target(Settings.Kind.ORGANIZATION, login(login), List.of()),
                "github:org/" + login);
    }

    /**
     * A user's public repositories ({@code GET /users/USER/repos}); for your own private ones, use
     * {@link #authenticatedUser()}.
     *
     * @param login the user's login
     * @return a builder
     * @throws IllegalArgumentException if the login is not a GitHub login
     */
    public static Builder user(String login) {
        return new Builder(new Settings.Target(Settings.Kind.USER, login(login), List.of()), "github:user/" + login);
    }

    /**
     * The repositories the token's own account owns, private ones included ({@code GET /user/repos}).
     *
     * @return a builder
     */
    public static Builder authenticatedUser() {
        return new Builder(new Settings.Target(Settings.Kind.VIEWER, "", List.of()), "github:user/@me");
    }

    /**
     * A list of repositories, each {@code OWNER/NAME} (not filtered).
     *
     * @param ownerSlashNames the repositories
     * @return a builder
     * @throws IllegalArgumentException if one is not {@code OWNER/NAME}, or the list is empty
     */
    public static Builder repositories(Collection<String> ownerSlashNames) {
        Set<String> list = new LinkedHashSet<>();
        for (String r : ownerSlashNames) {
            String v = Objects.requireNonNull(r, "repository").strip();
            if (v.endsWith(".git")) {
                v = v.substring(0, v.length() - 4);
            }
            int slash = v.indexOf('/');
            if (slash <= 0 || !Names.isLogin(v.substring(0, slash)) || !Names.isRepoName(v.substring(slash + 1))) {
                throw new IllegalArgumentException("github repository " + Texts.quote(r) + " is not OWNER/NAME"
                        + " (such as acme/utils)");
            }
            list.add(v);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no github repository given");
        }
        String shown = list.size() == 1 ? list.iterator().next() : list.iterator().next() + " and " + (list.size() - 1)
                + " more";
        return new Builder(new Settings.Target(Settings.Kind.REPOSITORIES, "", List.copyOf(list)),
                "github:" + shown);
    }

    private static String login(String login) {
        Objects.requireNonNull(login, "login");
        if (!Names.isLogin(login)) {
            throw new IllegalArgumentException("github login " + Texts.quote(login) + " is not valid (letters, digits"
                    + " and single hyphens, at most 39 characters)");
        }
        return login;
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Reads the repositories.
     *
     * @return the projects and the problems found
     * @throws GitHubApiException if GitHub cannot be read at all: bad credentials, no such organisation, a rate
     *                            limit that does not reset within the allowed wait, persistent server errors
     * @throws IOException if the cache folder cannot be used or the thread is interrupted
     */
    @Override
    public SourceResult read() throws IOException {
        return readWithUsage().result();
    }

    /**
     * Reads the repositories and says what the API calls cost.
     *
     * @return the projects, problems, requests and points
     * @throws GitHubApiException if GitHub cannot be read at all
     * @throws IOException if the cache folder cannot be used or the thread is interrupted
     */
    public GitHubResult readWithUsage() throws IOException {
        return Run.run(settings, description);
    }

    @Override
    public String toString() {
        return "GitHubSource[" + description + ", " + settings.linkStyle().value() + "]";
    }

    /** Configures a {@link GitHubSource}. Not thread-safe. */
    public static final class Builder {
        private final Settings.Target target;
        private final String description;
        private final Set<String> topics = new LinkedHashSet<>();
        private @Nullable Pattern namePattern;
        private boolean includeArchived;
        private boolean includeForks;
        private Visibility visibility = Visibility.ALL;
        private LinkStyle linkStyle = LinkStyle.VCS;
        private TagPattern tagPattern = TagPattern.defaultPattern();
        private boolean allowVersionMismatch;
        private Supplier<@Nullable String> token = Builder::tokenFromEnvironment;
        private URI apiUrl = URI.create(GITHUB_API);
        private @Nullable URI graphqlUrl;
        private @Nullable Path cacheDir;
        private @Nullable HttpClient httpClient;
        private Consumer<HttpRequest.Builder> customizer = b -> { };
        private Progress progress = Progress.NONE;
        private boolean mirrorAssets;
        private boolean privateSite;
        private @Nullable URI publicIndex;
        private boolean graphql = true;
        private Duration refreshAfter = Duration.ofDays(7);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration maxWait = Duration.ofMinutes(10);
        private int retries = 3;
        private Duration timeout = Duration.ofSeconds(30);
        private long maxMetadataBytes = 1 << 20;

        private Builder(Settings.Target target, String description) {
            this.target = target;
            this.description = description;
        }

        /**
         * Keeps repositories that have at least one of these topics (case-insensitive). Repeatable; default: all.
         *
         * @param values topics, such as {@code python}
         * @return this builder
         */
        public Builder topics(String... values) {
            for (String t : values) {
                String v = Objects.requireNonNull(t, "topic").strip().toLowerCase(Locale.ROOT);
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("a github topic cannot be empty");
                }
                topics.add(v);
            }
            return this;
        }

        /**
         * Keeps repositories whose name (without the owner) matches a regular expression as a whole.
         *
         * @param regex such as {@code py-.*}
         * @return this builder
         * @throws IllegalArgumentException if it is not a regular expression
         */
        public Builder namePattern(String regex) {
            try {
                this.namePattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("repository name pattern " + Texts.quote(regex)
                        + " is not a regular expression: " + e.getDescription(), e);
            }
            return this;
        }

        /**
         * Whether archived repositories are kept (default false).
         *
         * @param value true to keep them
         * @return this builder
         */
        public Builder includeArchived(boolean value) {
            this.includeArchived = value;
            return this;
        }

        /**
         * Whether forks are kept (default false).
         *
         * @param value true to keep them
         * @return this builder
         */
        public Builder includeForks(boolean value) {
            this.includeForks = value;
            return this;
        }

        /**
         * Which repositories by visibility (default {@link Visibility#ALL}).
         *
         * @param value the visibility
         * @return this builder
         */
        public Builder visibility(Visibility value) {
            this.visibility = Objects.requireNonNull(value, "visibility");
            return this;
        }

        /**
         * How releases reach installers: {@link LinkStyle#VCS} (default), {@link LinkStyle#SDIST} or
         * {@link LinkStyle#RELEASE}.
         *
         * @param style the style
         * @return this builder
         * @throws IllegalArgumentException for {@link LinkStyle#FILES}
         */
        public Builder linkStyle(LinkStyle style) {
            if (style == LinkStyle.FILES) {
                throw new IllegalArgumentException("a github source links with the vcs, sdist or release style, not "
                        + style.value());
            }
            this.linkStyle = style;
            return this;
        }

        /**
         * Which tags are versions ({@link TagPattern#defaultPattern()} unless set), in every repository.
         *
         * @param pattern the pattern
         * @return this builder
         */
        public Builder tagPattern(TagPattern pattern) {
            this.tagPattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        /**
         * Indexes a tag whose static version disagrees with the tag under the static version, with a warning
         * (default: such tags are errors).
         *
         * @param value whether to accept mismatches
         * @return this builder
         */
        public Builder allowVersionMismatch(boolean value) {
            this.allowVersionMismatch = value;
            return this;
        }

        /**
         * Where the token comes from (default: {@code GITHUB_TOKEN}, else {@code GH_TOKEN}). The supplier is asked
         * once per read; null or blank means no token (REST only, 60 requests an hour).
         *
         * @param supplier the token supplier
         * @return this builder
         */
        public Builder token(Supplier<@Nullable String> supplier) {
            this.token = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        /**
         * The REST API's base URL: {@code https://api.github.com} (default) or a GitHub Enterprise Server's
         * {@code https://HOST/api/v3}. The GraphQL URL follows: {@code https://api.github.com/graphql}, or
         * {@code https://HOST/api/graphql}.
         *
         * @param url the base URL, http or https, without credentials, query or fragment
         * @return this builder
         * @throws IllegalArgumentException if it is not such a URL (the message holds no credentials)
         */
        public Builder apiUrl(String url) {
            this.apiUrl = httpUrl("api url", url);
            return this;
        }

        /**
         * The GraphQL URL, when it does not follow from the API URL.
         *
         * @param url the URL
         * @return this builder
         * @throws IllegalArgumentException if it is not an http or https URL without credentials
         */
        public Builder graphqlUrl(String url) {
            this.graphqlUrl = httpUrl("graphql url", url);
            return this;
        }

        private static URI httpUrl(String what, String url) {
            Objects.requireNonNull(url, "url");
            URI u;
            try {
                u = new URI(url.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("github " + what + " " + Texts.quote(Redaction.url(url))
                        + " is not a url");
            }
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("https")
                    || u.getScheme().equalsIgnoreCase("http")) || u.getHost() == null) {
                throw new IllegalArgumentException("github " + what + " " + Texts.quote(Redaction.url(url))
                        + " is not an http(s) url such as https://api.github.com or https://HOST/api/v3");
            }
            if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new IllegalArgumentException("github " + what + " " + Texts.quote(Redaction.url(url))
                        + " must not have credentials, a query or a fragment (give the token separately)");
            }
            String s = u.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return URI.create(s);
        }

        /**
         * The cache folder (default: {@code $XDG_CACHE_HOME/gitpypi}, else {@code ~/.cache/gitpypi}); the source
         * keeps the answers of earlier builds (for free 304s), repository snapshots, files at commits, asset hashes
         * and mirrored assets under {@code github/} in it, and the Git source its clones.
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * The HTTP client (default: a new one that does not follow redirects; the source follows them itself so
         * that the token never leaves GitHub). A given client should not follow redirects either.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Changes every request to GitHub before it is sent (after the source's own headers), for example to add a
         * proxy's header.
         *
         * @param value the customizer
         * @return this builder
         */
        public Builder requestCustomizer(Consumer<HttpRequest.Builder> value) {
            this.customizer = Objects.requireNonNull(value, "customizer");
            return this;
        }

        /**
         * Hears the reading: {@code start("repositories", n)}, then one {@code advance(1)} per repository.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progress(Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * With the release style, downloads the assets and lets the site host them (verified against GitHub's
         * digest), instead of linking to GitHub. Needed for private repositories, whose assets pip cannot
         * download from GitHub; together with {@link #privateSite(boolean)}.
         *
         * @param value whether to mirror
         * @return this builder
         */
        public Builder mirrorAssets(boolean value) {
            this.mirrorAssets = value;
            return this;
        }

        /**
         * Declares that the site is readable only by those allowed to read the private repositories, so that their
         * code (sdists, mirrored assets) may go into it. Off by default: such files are refused with an error. Write
         * such a site with {@code SiteWriter.Builder.privateSite(true)}, so that the publisher refuses to push it
         * where anyone can read it ({@code build --private-site} does both).
         *
         * @param value whether the site is private
         * @return this builder
         */
        public Builder privateSite(boolean value) {
            this.privateSite = value;
            return this;
        }

        /**
         * Checks every project that comes from a private repository against a public simple index (such as
         * {@code https://pypi.org/simple/}) and reports an error for each name that exists there (dependency
         * confusion). No credential is sent to it.
         *
         * @param url the simple index root
         * @return this builder
         * @throws IllegalArgumentException if it is not an http(s) URL
         */
        public Builder checkPublicIndex(String url) {
            this.publicIndex = httpUrl("public index url", url);
            return this;
        }

        /**
         * Whether tags, releases and files are read through GraphQL (default, when there is a token) or through
         * REST only (one request per page of tags, per page of releases and per file).
         *
         * @param value true for GraphQL
         * @return this builder
         */
        public Builder useGraphql(boolean value) {
            this.graphql = value;
            return this;
        }

        /**
         * How long a repository's tags and releases, read once, are trusted while its listing shows no push
         * (default 7 days). A push (new or moved tags) always makes the next build read the repository again;
         * this bound catches what a push does not show, such as a release edited to a pre-release.
         *
         * @param value the age, positive
         * @return this builder
         */
        public Builder refreshAfter(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("refresh age must be positive: " + value);
            }
            this.refreshAfter = value;
            return this;
        }

        /**
         * The clock, for rate-limit reset times and snapshot ages (default: the system's, in UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * How waits are done (default: {@link Sleeper#system()}).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * The longest single wait for a rate limit (default 10 minutes); a longer one fails the read with a
         * {@link GitHubApiException} saying when the limit resets.
         *
         * @param value the bound, not negative
         * @return this builder
         */
        public Builder maxWait(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("maximum wait must not be negative: " + value);
            }
            this.maxWait = value;
            return this;
        }

        /**
         * How often a request is retried after a 5xx answer, a time-out, a refused connection or malformed JSON
         * (default 3; waits of 1, 2, 4 s).
         *
         * @param value 0 to 10
         * @return this builder
         */
        public Builder retries(int value) {
            if (value < 0 || value > 10) {
                throw new IllegalArgumentException("retries must be between 0 and 10: " + value);
            }
            this.retries = value;
            return this;
        }

        /**
         * The time-out of one request (default 30 s).
         *
         * @param value positive
         * @return this builder
         */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
            this.timeout = value;
            return this;
        }

        /** @return the source */
        public GitHubSource build() {
            URI graphqlTarget = graphqlUrl != null ? graphqlUrl : defaultGraphqlUrl(apiUrl);
            Path cache = cacheDir != null ? cacheDir : defaultCacheDir();
            Settings s = new Settings(target, topics, namePattern, includeArchived, includeForks, visibility,
                    linkStyle, tagPattern, allowVersionMismatch, token, apiUrl, graphqlTarget, cache, httpClient,
                    customizer, progress, mirrorAssets, privateSite, publicIndex, graphql, refreshAfter, clock,
                    sleeper, maxWait, retries, timeout, maxMetadataBytes);
            String shown = apiUrl.toString().equals(GITHUB_API) ? description
                    : description + " at " + Redaction.url(apiUrl.toString());
            return new GitHubSource(s, shown);
        }

        /** {@code https://api.github.com} → {@code /graphql}; {@code https://HOST/api/v3} → {@code /api/graphql}. */
        static URI defaultGraphqlUrl(URI api) {
            String s = api.toString();
            if (s.endsWith("/api/v3")) {
                return URI.create(s.substring(0, s.length() - "/v3".length()) + "/graphql");
            }
            return URI.create(s + "/graphql");
        }

        private static Path defaultCacheDir() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank()) {
                return Path.of(xdg, "gitpypi");
            }
            return Path.of(System.getProperty("user.home"), ".cache", "gitpypi").toAbsolutePath();
        }

        private static @Nullable String tokenFromEnvironment() {
            String t = System.getenv("GITHUB_TOKEN");
            if (t == null || t.isBlank()) {
                t = System.getenv("GH_TOKEN");
            }
            return t == null || t.isBlank() ? null : t;
        }

        /** @return the source's description so far, for messages */
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>(List.of(description, linkStyle.value()));
            return "GitHubSource.Builder" + parts;
        }
    }
}
