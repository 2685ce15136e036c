package dev.gitpypi.core.site;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Index} as a static site (DESIGN "Output layout"):
 *
 * <pre>
 * OUT/simple/index.html, OUT/simple/index.json                       root project list (PEP 503, PEP 691)
 * OUT/simple/NAME/index.html, OUT/simple/NAME/index.json             project pages for installers (NAME normalized)
 * OUT/files/NAME/FILE, OUT/files/NAME/FILE.metadata                  hosted files, PEP 658 sidecars of wheels
 * OUT/index.html                                    for people: every project, latest version, summary, date, filter
 * OUT/project/NAME/index.html                       for people: a project's metadata, README, releases and files
 * OUT/feed.xml                                      for people: an Atom feed of releases
 * OUT/style.css, OUT/site.js                        the pages' stylesheet and small script
 * OUT/.nojekyll                                                      GitHub Pages: serve files as they are
 * OUT/.gitpypi-private                                               a private site only ({@link #PRIVATE_MARKER})
 * </pre>
 *
 * <p>Distributions with a {@linkplain Distribution#localFile() local file} are hosted: the file is copied to
 * {@code files/NAME/FILE}, the page links to it relatively ({@code ../../files/NAME/FILE}), a missing sha256 or
 * size is computed, and when the distribution states a core-metadata file, the wheel's {@code .dist-info/METADATA}
 * is published beside it byte for byte (P658-02, P658-03) and its hash checked. Every link inside the site is
 * relative, so the site works under any base path and from {@code file://}.
 *
 * <p>Folders are {@code rwxr-xr-x} and files {@code rw-r--r--} under the process umask, whatever the temporary
 * folder had, so a web server running as another user can serve the site.
 *
 * <p>Writing is all-or-nothing and incremental: the new site is built in a temporary folder beside the output
 * (files whose bytes equal the previous site's are hard-linked from it, not rewritten) and swapped in whole; a
 * failure leaves the previous site untouched. When the previous site already holds exactly the files the index
 * makes, byte for byte, and nothing else, nothing is written or swapped at all (a comparison that renders and
 * compares, stopping at the first difference). Projects are hosted and rendered by {@link Builder#threads}
 * threads, and a new tree is written by two more, one for the pages for people and one for the rest of the tree,
 * each in the site's order; output is byte-for-byte deterministic whatever their number. Only normalized project
 * names and validated file names become paths, and a site whose text matches a GitHub token pattern is refused
 * ({@link UnsafeOutputException}).
 *
 * <p>Immutable and thread-safe; one {@link #write} per output folder at a time.
 */
public final class SiteWriter {
    private static final System.Logger LOG = System.getLogger(SiteWriter.class.getName());
    /** Default number of threads that host and render projects: measured best on a 2-core machine. */
    public static final int DEFAULT_THREADS = 2;
    /**
     * The file at the root of a site that says the site is private: it hosts code of private repositories (built
     * with {@code --private-site}, {@link Builder#privateSite(boolean)}). {@code gitpypi publish} refuses to push
     * such a site where anyone can read it. A one-line text file; its presence is what counts.
     */
    public static final String PRIVATE_MARKER = SiteLayout.PRIVATE_MARKER;

    private final boolean json;
    private final SiteBuild.Pages pages;
    private final int threads;
    private final boolean privateSite;
    private final Progress progress;

    private SiteWriter(Builder b) {
        this.json = b.json;
        this.pages = new SiteBuild.Pages(b.title, b.baseUrl);
        this.threads = b.threads;
        this.privateSite = b.privateSite;
        this.progress = b.progress;
    }

    /** @return a builder with the defaults: no public base URL, JSON pages written, title "Python package index" */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the site, replacing the previous one in {@code output} as a whole.
     *
     * @param index the index
     * @param output the site folder: absent, empty, or holding a previous site ({@code simple/index.html})
     * @return what was written
     * @throws IOException if reading a hosted file or writing fails; the previous site is then untouched
     * @throws UnsafeOutputException if a name, a file name or the output itself is unsafe
     * @throws GitpypiException if a hosted wheel's metadata disagrees with the distribution (P658-02)
     */
    public SiteReport write(Index index, Path output) throws IOException {
        Path out = output.toAbsolutePath().normalize();
        Path parent = out.getParent();
        if (parent == null) {
            throw new UnsafeOutputException("refusing to write a site to the root folder " + Texts.quote(
                    out.toString()));
        }
        Files.createDirectories(parent);
        Optional<Path> previous = TreeSwap.previousSite(out);
        Permissions permissions = Permissions.of(parent);
        if (previous.isPresent()) {
            Optional<Long> unchanged = unchanged(index, previous.get(), permissions);
            if (unchanged.isPresent()) {
                return logged(new SiteReport(out, index.size(), 0, unchanged.get(), 0));
            }
        }
        Path tmp = TreeSwap.temporaryFolder(out);
        try {
            TreeWriter tree = new TreeWriter(tmp, previous.orElse(null), permissions);
            build(tree).run(index);
            long removed = TreeSwap.swap(tmp, out);
            long deleted = previous.isEmpty() ? 0 : removed - tree.matched();
            return logged(new SiteReport(out, index.size(), tree.written(), tree.unchanged(), deleted));
        } catch (IOException | RuntimeException | Error e) {
            try {
                TreeSwap.deleteTree(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Starts preparing for a {@link #write} in the background, for a command line that reads its sources first: a
     * daemon thread renders a small example site in memory (nothing is written), so that the classes and code a
     * write runs are loaded and started by the time it begins, instead of on its critical path (measured on
     * dumb-pypi's package list in {@code docs/performance.md}). Optional and harmless: a failure of the example is
     * ignored, and a write does not wait for it.
     */
    public void warmUp() {
        Thread t = new Thread(() -> {
            ProjectName name = ProjectName.of("warm-up");
            Index example = Index.of(List.of(Project.builder(name)
                    .add(Distribution.builder("https://files.invalid/warm_up-1.0.tar.gz", "warm_up-1.0.tar.gz")
                            .build())
                    .add(Distribution.builder("https://files.invalid/warm_up-1.0-py3-none-any.whl",
                            "warm_up-1.0-py3-none-any.whl").hash("sha256", "0".repeat(64)).build())
                    .build()));
            try {
                new SiteBuild(new Discard(), json, pages, 1, privateSite, Progress.NONE).run(example);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "warm-up failed (harmless): {0}", e.toString());
            }
        }, "gitpypi-site-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** A sink that keeps nothing. */
    private static final class Discard implements SiteSink {
        @Override
        public void folder(String rel) {
        }

        @Override
        public void file(String rel, byte[] bytes) {
        }

        @Override
        public void copy(String rel, Path source) {
        }
    }

    private SiteBuild build(SiteSink sink) {
        return new SiteBuild(sink, json, pages, threads, privateSite, progress);
    }

    /**
     * When the previous site holds exactly the files this index makes, byte for byte, and nothing else: the number
     * of those files (a write then has nothing to do). The root pages and the landing page are compared first, as
     * a hint: an added or removed project or a new latest version shows there at once, before any project is
     * rendered. The hint is only that: "same" still goes through the whole comparison, and "differs" only costs a
     * build that finds nothing to change.
     */
    private Optional<Long> unchanged(Index index, Path previous, Permissions permissions) throws IOException {
        Comparer comparer = new Comparer(previous, permissions);
        SiteBuild check = build(comparer);
        for (SiteBuild.Page page : check.rootPages(index)) {
            if (comparer.differs(page.rel(), page.bytes())) {
                return Optional.empty();
            }
        }
        return check.run(index).isPresent() && comparer.sameAsPrevious() ? Optional.of(comparer.unchanged())
                : Optional.empty();
    }

    private static SiteReport logged(SiteReport report) {
        LOG.log(Level.INFO, "wrote site {0}: {1} projects, {2} files written, {3} unchanged, {4} deleted",
                report.output(), String.valueOf(report.projects()), String.valueOf(report.filesWritten()),
                String.valueOf(report.filesUnchanged()), String.valueOf(report.filesDeleted()));
        return report;
    }

    /** Builds a {@link SiteWriter}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String baseUrl;
        private boolean json = true;
        private String title = "Python package index";
        private int threads = DEFAULT_THREADS;
        private boolean privateSite;
        private Progress progress = Progress.NONE;

        private Builder() {
        }

        /**
         * Marks the site as private with the file {@link #PRIVATE_MARKER} at its root: it hosts code that must not
         * be readable by anyone (sdists or release assets of private repositories). {@code SitePublisher} (module
         * {@code gitpypi-git}) then refuses to push it to a public repository or a public GitHub Pages site.
         * Default false.
         *
         * @param value whether the site is private
         * @return this builder
         */
        public Builder privateSite(boolean value) {
            this.privateSite = value;
            return this;
        }

        /**
         * Hears the writing: {@code start("projects", n)} for each pass over the projects (an unchanged-site check,
         * then the build if something changed), then one {@code advance(1)} per project.
         *
         * @param listener the listener (default {@link Progress#NONE})
         * @return this builder
         */
        public Builder progress(Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The public URL the site will be served from, used in the pages for people (absolute {@code pip install}
         * lines) and in the feed (absolute ids and links); links inside the site stay relative. Without it the pages
         * say where the index is (their script fills in the address they were loaded from).
         *
         * @param url an absolute http or https URL without credentials, query or fragment, or null
         * @return this builder
         * @throws IllegalArgumentException if the URL is not such a URL
         */
        public Builder baseUrl(@Nullable String url) {
            this.baseUrl = url == null ? null : BaseUrls.check(url);
            return this;
        }

        /**
         * Whether to write the PEP 691 {@code index.json} pages beside the HTML pages (default true); a host must
         * serve them as {@code application/vnd.pypi.simple.v1+json} for clients to use them (REN-01).
         *
         * @param value true to write them
         * @return this builder
         */
        public Builder json(boolean value) {
            this.json = value;
            return this;
        }

        /**
         * The site's title, on the pages for people and the feed.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * How many threads host and render projects (default {@value #DEFAULT_THREADS}); 1 renders on the calling
         * thread. A new tree is always written by two writer threads (one per part of the tree: entries in one
         * folder are created fastest from one thread). The site's bytes do not depend on it.
         *
         * @param value 1 to 64
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder threads(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("threads must be 1 to 64, not " + value);
            }
            this.threads = value;
            return this;
        }

        /** @return the writer */
        public SiteWriter build() {
            return new SiteWriter(this);
        }
    }
}
