package dev.gitpypi.validator;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.internal.Limits;
import dev.gitpypi.validator.internal.ModelBuilder;
import dev.gitpypi.validator.internal.RawProject;
import dev.gitpypi.validator.internal.RawRoot;
import dev.gitpypi.validator.internal.Access;
import dev.gitpypi.validator.internal.HttpAccess;
import dev.gitpypi.validator.internal.Netrc;
import dev.gitpypi.validator.internal.ProjectRef;
import dev.gitpypi.validator.internal.RootIndex;
import dev.gitpypi.validator.internal.Site;
import dev.gitpypi.validator.internal.Targets;
import dev.gitpypi.validator.internal.TextSite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an existing index into the core model: from a site folder (one holding {@code simple/}, or the simple
 * root itself), from a single page file (HTML or JSON), or from an http(s) URL with PEP 691 content negotiation
 * (the {@code Accept} header uv sends, JSON preferred).
 *
 * <p>HTML is parsed with jsoup, JSON with Jackson; the root page is streamed, so a project list of PyPI's size
 * (about 700,000 anchors) is read in bounded memory. Relative URLs resolve against the page (or its
 * {@code <base href>}); values are kept as written, so an index that breaks the rules still reads (the
 * {@link Validator} then says what is wrong). Remote input is bounded: page sizes, redirects, time-outs.
 *
 * <p>Immutable and thread-safe. {@code IndexReader.defaults()} or {@link #builder()}.
 */
public final class IndexReader {
    private static final IndexReader DEFAULTS = builder().build();

    private final Limits limits;
    private final Access access;

    private IndexReader(Builder b) {
        this.limits = new Limits(b.maxPageBytes, b.maxRootPageBytes, b.maxRedirects, b.connectTimeout,
                b.requestTimeout, b.maxProjects, b.maxRootProjects);
        String authorization = b.bearerToken != null ? "Bearer " + b.bearerToken : b.basicAuth;
        Netrc netrc;
        try {
            netrc = b.netrcFile != null ? Netrc.of(b.netrcFile) : b.netrc ? Netrc.ofUser() : Netrc.EMPTY;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the netrc file " + Texts.quote(b.netrcFile.toString()), e);
        }
        this.access = new Access(b.client, b.customizer, b.headers, authorization, netrc);
    }

    /** @return a reader with the default limits */
    public static IndexReader defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the default limits */
    public static Builder builder() {
        return new Builder();
    }

    Limits limits() {
        return limits;
    }

    /**
     * Reads an index.
     *
     * @param target a folder (a site folder, a simple root or a project folder), a page file, or an http(s) URL (of
     *     a root, a project page, or a site above {@code simple/}); paths relative or absolute
     * @return the index; its {@link Index#apiVersion()} is the root page's declared version
     * @throws IOException on an I/O or network failure
     * @throws PageReadException when a page breaks a limit, or the target does not exist
     * @throws NotAnIndexException when the target is not an index
     */
    public Index read(String target) throws IOException {
        return read(Targets.open(Objects.requireNonNull(target, "target"), http(), limits), null);
    }

    /**
     * Reads an index from a folder or a page file.
     *
     * @param path the folder or file
     * @return the index
     * @throws IOException on an I/O failure
     * @throws PageReadException when a page breaks a limit, or nothing is there
     * @throws NotAnIndexException when the path is not an index
     */
    public Index read(Path path) throws IOException {
        return read(Targets.open(path, path.toString(), limits), null);
    }

    /**
     * Reads an index over HTTP.
     *
     * @param url an http(s) URL of a root page, a project page, or a site above {@code simple/}
     * @return the index
     * @throws IOException on a network failure
     * @throws PageReadException when a page breaks a limit
     * @throws NotAnIndexException when the URL leads to no index
     */
    public Index read(URI url) throws IOException {
        return read(Targets.open(url.toString(), http(), limits), null);
    }

    /**
     * Reads one page given as text (a root page or a project page, HTML or PEP 691 JSON) into the model: a root
     * page gives every project it lists, without files; a project page gives its project with every file. The
     * project of a page is its PEP 691 {@code name}, else the last segment of its URL, else what the page says (a
     * "Links for NAME" title, the common name of its files).
     *
     * @param page the page
     * @return the index; its {@link Index#apiVersion()} is a root page's declared version
     * @throws IOException on an I/O failure
     * @throws PageReadException when the page breaks a limit, or its project cannot be told
     * @throws NotAnIndexException when the page is no index page
     */
    public Index read(PageText page) throws IOException {
        return read(TextSite.open(page.raw(), page.url(), page.decodingType(), limits), null);
    }

    /**
     * Reads one project page given as text, whose project the caller names.
     *
     * @param page the page
     * @param project the project's name, valid (NAME-01)
     * @return the project with every file of the page
     * @throws IOException on an I/O failure
     * @throws PageReadException when the page breaks a limit
     * @throws NotAnIndexException when the page is no project page
     * @throws IllegalArgumentException if the name is not a valid project name
     */
    public Project readProject(PageText page, String project) throws IOException {
        ProjectName name = ProjectName.of(project);
        Site site = TextSite.open(page.raw(), page.url(), page.decodingType(), limits);
        if (site.scope() != Site.Scope.PROJECT) {
            throw new NotAnIndexException("not a project page: " + Texts.quote(site.display()) + " is a project list");
        }
        return read(site, name.toString()).project(name.normalized()).orElseThrow();
    }

    /**
     * Reads only the root page: the project names it lists, in page order, as written (invalid names skipped).
     *
     * @param target a folder, a root page file or URL
     * @return the names
     * @throws IOException on an I/O failure
     */
    public List<ProjectName> readProjectNames(String target) throws IOException {
        Site site = Targets.open(target, http(), limits);
        List<ProjectName> names = new ArrayList<>();
        site.root(e -> ProjectName.tryParse(e.text()).ifPresent(names::add), false);
        return names;
    }

    HttpAccess http() {
        return new HttpAccess(limits, access);
    }

    static Index read(Site site, @Nullable String explicit) throws IOException {
        List<Project> projects = new ArrayList<>();
        if (site.scope() == Site.Scope.ROOT_PAGE) {
            // A root page on its own: every listed project, without files; streamed, nothing else kept.
            Optional<RawRoot> root = site.root(e -> ProjectName.tryParse(e.text())
                    .ifPresent(n -> projects.add(Project.builder(n).build())), false);
            return Index.of(projects).withApiVersion(root.map(RawRoot::apiVersion).orElse(null));
        }
        RootIndex index = site.rootIndex();
        Optional<RawRoot> root = site.root(index::add, false);
        for (ProjectRef ref : site.projects(index)) {
            // A folder may hold both forms of a page: the JSON one carries every field (PEP 700), the HTML one
            // the source-URL meta; the model takes the former and the latter's source URL.
            List<RawProject> pages = site.project(ref);
            if (pages.isEmpty()) {
                continue;
            }
            RawProject page = pages.get(pages.size() - 1);
            ModelBuilder.Page parsed = parse(page);
            String sourceUrl = parse(pages.get(0)).sourceUrl();
            Optional<String> name = ref.nameOf(page, explicit);
            if (name.isEmpty() && site.scope() == Site.Scope.PROJECT) {
                throw new PageReadException("cannot tell which project " + Texts.quote(site.display())
                        + " belongs to: it has no PEP 691 name, no project folder, no \"Links for\" title and no"
                        + " common file name; name the project");
            }
            name.flatMap(ProjectName::tryParse).ifPresent(n -> projects.add(ModelBuilder.project(n, parsed,
                    sourceUrl)));
        }
        Index result = Index.of(projects);
        return result.withApiVersion(root.map(RawRoot::apiVersion).orElse(null));
    }

    static ModelBuilder.Page parse(RawProject page) {
        if (page.html() != null) {
            return ModelBuilder.html(page.html(), page.info().resource(), page.info().uri());
        }
        return ModelBuilder.json(Objects.requireNonNull(page.json()), page.info().resource(), page.info().uri());
    }

    /** Builds an {@link IndexReader}. Not thread-safe. */
    public static final class Builder {
        private long maxPageBytes = 64L * 1024 * 1024;
        private long maxRootPageBytes = 1024L * 1024 * 1024;
        private int maxRedirects = 10;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxProjects = -1;
        private int maxRootProjects = 2_000_000;
        private java.net.http.@Nullable HttpClient client;
        private java.util.function.@Nullable BiConsumer<URI, java.net.http.HttpRequest.Builder> customizer;
        private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        private @Nullable String basicAuth;
        private @Nullable String bearerToken;
        private boolean netrc = true;
        private @Nullable Path netrcFile;

        private Builder() {
        }

        /**
         * The HTTP client to send requests with (default: one of the reader's own). Its proxy, TLS and authenticator
         * settings apply. The reader follows redirects itself, to bound and check them: give a client that does not
         * follow redirects ({@code HttpClient.Redirect.NEVER}), or the redirect checks are bypassed.
         *
         * @param value the client
         * @return this builder
         */
        public Builder httpClient(java.net.http.HttpClient value) {
            this.client = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * Called for every request, with its URL, after the reader has set its own headers and credentials: for
         * credentials the reader does not know (a signed header, a token that expires). SECURITY: the customizer sees
         * every URL a page makes the reader fetch; add credentials only for the hosts they belong to.
         *
         * @param value the customizer
         * @return this builder
         */
        public Builder requestCustomizer(java.util.function.BiConsumer<URI, java.net.http.HttpRequest.Builder> value) {
            this.customizer = Objects.requireNonNull(value, "requestCustomizer");
            return this;
        }

        /**
         * A header for requests to the index's own origin (the scheme, host and port of the URL read), such as
         * {@code X-Api-Key}. Never sent to another origin. Repeatable.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the name is not a header name or the value holds a line break
         */
        public Builder header(String name, String value) {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid header " + Texts.quote(name));
            }
            headers.put(name, value);
            return this;
        }

        /**
         * Basic authentication for the index's own origin. A URL with user-info ({@code https://user:pass@host/})
         * does the same for that URL, as pip does.
         *
         * @param user the user
         * @param password the password
         * @return this builder
         */
        public Builder basicAuth(String user, String password) {
            this.basicAuth = "Basic " + java.util.Base64.getEncoder().encodeToString((Objects.requireNonNull(user,
                    "user") + ":" + Objects.requireNonNull(password, "password"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return this;
        }

        /**
         * A bearer token for the index's own origin ({@code Authorization: Bearer TOKEN}); it takes precedence over
         * {@link #basicAuth}.
         *
         * @param token the token
         * @return this builder
         */
        public Builder bearerToken(String token) {
            this.bearerToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * Whether to read {@code $NETRC} or {@code ~/.netrc} for logins, as pip does (default true). A machine's login
         * goes to that host only; the {@code default} entry to the index's own host only.
         *
         * @param value whether to read it
         * @return this builder
         */
        public Builder netrc(boolean value) {
            this.netrc = value;
            this.netrcFile = null;
            return this;
        }

        /**
         * Reads logins from this {@code .netrc} file instead of {@code ~/.netrc}.
         *
         * @param file the file
         * @return this builder
         */
        public Builder netrc(Path file) {
            this.netrcFile = Objects.requireNonNull(file, "file");
            this.netrc = true;
            return this;
        }

        /**
         * The most projects a root page read over HTTP may list (default 2,000,000; PyPI lists about 700,000): its
         * links are kept until the project pages are read, so this bounds memory. A larger root page is a
         * {@link PageReadException} ("too large"), unless {@link #maxProjects(int)} limits the pages read anyway.
         * Folders and page files are streamed and need no such bound.
         *
         * @param count the limit, positive
         * @return this builder
         */
        public Builder maxRootProjects(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("maximum root projects must be positive: " + count);
            }
            this.maxRootProjects = count;
            return this;
        }

        /**
         * The largest project page read (default 64 MiB); larger pages are a {@link PageReadException}.
         *
         * @param bytes the limit, positive
         * @return this builder
         */
        public Builder maxPageBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maximum page size must be positive: " + bytes);
            }
            this.maxPageBytes = bytes;
            return this;
        }

        /**
         * The largest root page read (default 1 GiB; it is streamed, so memory does not grow with it).
         *
         * @param bytes the limit, positive
         * @return this builder
         */
        public Builder maxRootPageBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maximum root page size must be positive: " + bytes);
            }
            this.maxRootPageBytes = bytes;
            return this;
        }

        /**
         * Redirects followed per request (default 10).
         *
         * @param count the limit, not negative
         * @return this builder
         */
        public Builder maxRedirects(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maximum redirects must not be negative: " + count);
            }
            this.maxRedirects = count;
            return this;
        }

        /**
         * The connect time-out (default 10 s).
         *
         * @param timeout the time-out, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect time-out");
            return this;
        }

        /**
         * The time a whole response (headers and body) may take (default 60 s); a server that trickles forever
         * ends in a {@link PageReadException} after it.
         *
         * @param timeout the time-out, positive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request time-out");
            return this;
        }

        /**
         * The most project pages read, in normalized-name order (default: all).
         *
         * @param count the limit, not negative
         * @return this builder
         */
        public Builder maxProjects(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maximum projects must not be negative: " + count);
            }
            this.maxProjects = count;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        /** @return the reader */
        public IndexReader build() {
            return new IndexReader(this);
        }
    }
}
