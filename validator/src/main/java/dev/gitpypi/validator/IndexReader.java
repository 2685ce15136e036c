package dev.gitpypi.validator;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.internal.Limits;
import dev.gitpypi.validator.internal.ModelBuilder;
import dev.gitpypi.validator.internal.RawProject;
import dev.gitpypi.validator.internal.RawRoot;
import dev.gitpypi.validator.internal.HttpAccess;
import dev.gitpypi.validator.internal.ProjectRef;
import dev.gitpypi.validator.internal.RootIndex;
import dev.gitpypi.validator.internal.Site;
import dev.gitpypi.validator.internal.Targets;
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

    private IndexReader(Builder b) {
        this.limits = new Limits(b.maxPageBytes, b.maxRootPageBytes, b.maxRedirects, b.connectTimeout,
                b.requestTimeout, b.maxProjects, b.maxRootProjects);
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
        return new HttpAccess(limits);
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

        private Builder() {
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
