package dev.gitpypi.validator;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.validator.internal.Limits;
import dev.gitpypi.validator.internal.ModelBuilder;
import dev.gitpypi.validator.internal.RawProject;
import dev.gitpypi.validator.internal.RawRoot;
import dev.gitpypi.validator.internal.Site;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    private IndexReader(Builder b) {
        this.limits = new Limits(b.maxPageBytes, b.maxRootPageBytes, b.maxRedirects, b.connectTimeout,
                b.requestTimeout, b.maxProjects);
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
     * @param target a folder, a page file, or an http(s) URL
     * @return the index; its {@link Index#apiVersion()} is the root page's declared version
     * @throws IOException on an I/O or network failure
     * @throws PageReadException when a page breaks a limit or is not a page
     */
    public Index read(String target) throws IOException {
        return read(Site.open(Objects.requireNonNull(target, "target"), limits));
    }

    /**
     * Reads an index from a folder or a page file.
     *
     * @param path the folder or file
     * @return the index
     * @throws IOException on an I/O failure
     * @throws PageReadException when a page breaks a limit
     */
    public Index read(Path path) throws IOException {
        return read(Site.open(path, limits));
    }

    /**
     * Reads an index over HTTP.
     *
     * @param url an http(s) URL of a root page or a project page
     * @return the index
     * @throws IOException on a network failure
     * @throws PageReadException when a page breaks a limit
     */
    public Index read(URI url) throws IOException {
        return read(Site.open(url.toString(), limits));
    }

    /**
     * Reads only the root page: the project names it lists, in page order, as written (invalid names skipped).
     *
     * @param target a folder, a root page file or URL
     * @return the names
     * @throws IOException on an I/O failure
     */
    public List<ProjectName> readProjectNames(String target) throws IOException {
        Site site = Site.open(target, limits);
        List<ProjectName> names = new ArrayList<>();
        site.root(e -> ProjectName.tryParse(e.text()).ifPresent(names::add), false, false);
        return names;
    }

    private static Index read(Site site) throws IOException {
        List<Project> projects = new ArrayList<>();
        Optional<RawRoot> root;
        if (site.mode() == Site.Mode.FILE) {
            // A root page on its own: every listed project, without files; streamed, nothing else kept.
            root = site.root(e -> ProjectName.tryParse(e.text())
                    .ifPresent(n -> projects.add(Project.builder(n).build())), false, false);
            if (root.isPresent()) {
                return Index.of(projects).withApiVersion(root.get().apiVersion());
            }
        } else {
            root = site.root(null, true, false);
        }
        for (Site.ProjectRef ref : site.projects(root.orElse(null))) {
            if (!ref.exists()) {
                continue;
            }
            // A folder may hold both forms of a page: the JSON one carries every field (PEP 700), the HTML one
            // the source-URL meta; the model takes the former and the latter's source URL.
            List<RawProject> pages = site.project(ref);
            if (pages.isEmpty()) {
                continue;
            }
            RawProject page = pages.get(pages.size() - 1);
            ModelBuilder.Page parsed = parse(page);
            String sourceUrl = parse(pages.get(0)).sourceUrl();
            Optional<ProjectName> name = ProjectName.tryParse(ref.display());
            if (name.isEmpty() && page.json() != null && page.json().path("name").isTextual()) {
                name = ProjectName.tryParse(page.json().path("name").asText());
            }
            name.ifPresent(n -> projects.add(ModelBuilder.project(n, parsed, sourceUrl)));
        }
        Index index = Index.of(projects);
        return index.withApiVersion(root.map(RawRoot::apiVersion).orElse(null));
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

        private Builder() {
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
