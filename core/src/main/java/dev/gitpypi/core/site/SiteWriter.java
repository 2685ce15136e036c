package dev.gitpypi.core.site;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Archives;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.internal.FileTrees;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.core.internal.Tokens;
import dev.gitpypi.core.render.HtmlRenderer;
import dev.gitpypi.core.render.JsonRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link Index} as a static site (DESIGN "Output layout"):
 *
 * <pre>
 * OUT/index.html                              a landing page for people: projects, latest versions, pip lines
 * OUT/simple/index.html, OUT/simple/index.json                       root project list (PEP 503, PEP 691)
 * OUT/simple/NAME/index.html, OUT/simple/NAME/index.json             project pages (NAME normalized)
 * OUT/files/NAME/FILE, OUT/files/NAME/FILE.metadata                  hosted files, PEP 658 sidecars of wheels
 * OUT/.nojekyll                                                      GitHub Pages: serve files as they are
 * OUT/.gitpypi-private                                               a private site only ({@link #PRIVATE_MARKER})
 * </pre>
 *
 * <p>Distributions with a {@linkplain Distribution#localFile() local file} are hosted: the file is copied to
 * {@code files/NAME/FILE}, the page links to it relatively ({@link #hostedFileUrl}), a missing sha256 or size is
 * computed, and when the distribution states a core-metadata file, the wheel's {@code .dist-info/METADATA} is
 * published beside it byte for byte (P658-02, P658-03) and its hash checked. Every link inside the site is
 * relative, so the site works under any base path and from {@code file://}.
 *
 * <p>Writing is all-or-nothing and incremental: the new site is built in a temporary folder beside the output
 * (files whose bytes equal the previous site's are hard-linked from it, not rewritten) and swapped in whole; a
 * failure leaves the previous site untouched. When the previous site already holds exactly the files the index
 * makes, byte for byte, and nothing else, nothing is written or swapped at all (a check that renders and compares,
 * stopping at the first difference). Projects are rendered and written by {@link Builder#threads} threads; output
 * is byte-for-byte deterministic whatever their number. Only normalized project names
 * and validated file names become paths, and a site whose text matches a GitHub token pattern is refused
 * ({@link UnsafeOutputException}).
 *
 * <p>Immutable and thread-safe; one {@link #write} per output folder at a time.
 */
public final class SiteWriter {
    private static final System.Logger LOG = System.getLogger(SiteWriter.class.getName());
    private static final int MAX_FILENAME = 200;
    /** Default number of writer threads: measured best on a 2-core machine (more threads contend in the kernel). */
    public static final int DEFAULT_THREADS = 2;
    /**
     * The file at the root of a site that says the site is private: it hosts code of private repositories (built
     * with {@code --private-site}, {@link Builder#privateSite(boolean)}). {@code gitpypi publish} refuses to push
     * such a site where anyone can read it. A one-line text file; its presence is what counts.
     */
    public static final String PRIVATE_MARKER = ".gitpypi-private";
    private static final String PRIVATE_MARKER_TEXT = "This site hosts code of private repositories (gitpypi build"
            + " --private-site): gitpypi publish refuses to push it where anyone can read it.\n";

    private final @Nullable String baseUrl;
    private final boolean json;
    private final String title;
    private final int threads;
    private final boolean privateSite;
    private final dev.gitpypi.core.Progress progress;

    private SiteWriter(Builder b) {
        this.baseUrl = b.baseUrl;
        this.json = b.json;
        this.title = b.title;
        this.threads = b.threads;
        this.privateSite = b.privateSite;
        this.progress = b.progress;
    }

    /** @return a builder with the defaults: no public base URL, JSON pages written, title "Python package index" */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The relative URL, from a project page, of a file the site hosts: {@code ../../files/NAME/FILE} with the file
     * name percent-encoded where a static host could misread it ({@code +} as {@code %2B}).
     *
     * @param name the project
     * @param filename a file name that passes {@link #isSafeFileName(String)}
     * @return the URL
     */
    public static String hostedFileUrl(ProjectName name, String filename) {
        return "../../files/" + name.normalized() + "/" + filename.replace("+", "%2B");
    }

    /**
     * Whether a file name may become a path in the site: 1 to 200 characters from {@code A-Z a-z 0-9 . _ + ! -},
     * starting with a letter or digit, not ending with {@code .metadata} (reserved for sidecars). This excludes
     * {@code /}, {@code \}, NUL, {@code %}, {@code ..} as a whole name and absolute paths.
     *
     * @param filename the candidate
     * @return true if safe
     */
    public static boolean isSafeFileName(String filename) {
        int n = filename.length();
        if (n == 0 || n > MAX_FILENAME || !Character.isLetterOrDigit(filename.charAt(0)) || filename.charAt(0) > 'z'
                || filename.endsWith(".metadata")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = filename.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '+' || c == '!' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
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
        @Nullable Path previous = checkPrevious(out);
        if (previous != null) {
            Build check = new Build(null, previous);
            if (check.sameAsPrevious(index)) {
                return logged(new SiteReport(out, index.size(), 0, check.unchanged.get(), 0));
            }
        }
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
        try {
            Build build = new Build(tmp, previous);
            build.site(index);
            long removed = swap(tmp, out, previous != null);
            long deleted = previous == null ? 0 : removed - build.matched.get();
            return logged(new SiteReport(out, index.size(), build.written.get(), build.unchanged.get(), deleted));
        } catch (IOException | RuntimeException | Error e) {
            try {
                FileTrees.delete(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static SiteReport logged(SiteReport report) {
        LOG.log(Level.INFO, "wrote site {0}: {1} projects, {2} files written, {3} unchanged, {4} deleted",
                report.output(), String.valueOf(report.projects()), String.valueOf(report.filesWritten()),
                String.valueOf(report.filesUnchanged()), String.valueOf(report.filesDeleted()));
        return report;
    }

    private static @Nullable Path checkPrevious(Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeOutputException("output " + Texts.quote(out.toString())
                    + " exists and is not a folder");
        }
        if (Files.isRegularFile(out.resolve("simple").resolve("index.html"), LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            if (entries.iterator().hasNext()) {
                throw new UnsafeOutputException("output folder " + Texts.quote(out.toString())
                        + " is not empty and holds no site (no simple/index.html); refusing to replace it");
            }
        }
        return null;
    }

    /** Swaps the new tree in; returns the number of regular files the replaced tree had (deleted with it). */
    private static long swap(Path tmp, Path out, boolean hadSite) throws IOException {
        Path backup = null;
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            backup = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".old-");
            Files.delete(backup);
            Files.move(out, backup, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (backup != null) {
                Files.move(backup, out, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        LOG.log(Level.DEBUG, "swapped in new site at {0} (previous site: {1})", out, hadSite);
        return backup == null ? 0 : FileTrees.delete(backup);
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result of a task, its failure rethrown as it was thrown. */
    private static <T> T result(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the site");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * One build into a temporary folder. Projects are hosted, rendered and written by up to {@link #threads} tasks
     * (each project owns its folders, so tasks share nothing but counters); results are taken in project order, so
     * the first failure reported is the first failing project's, whatever the timing.
     */
    private final class Build {
        /** The new tree, or null for a check that only compares with the previous site and writes nothing. */
        private final @Nullable Path tmp;
        private final @Nullable Path previous;
        /** In a check: the folders (relative, "" for the root) that hold the compared files. */
        private final java.util.Set<String> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private boolean filesFolder;
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong unchanged = new AtomicLong();
        /** Files of the previous site that the new site has again (kept or rewritten). */
        private final AtomicLong matched = new AtomicLong();

        Build(@Nullable Path tmp, @Nullable Path previous) {
            this.tmp = tmp;
            this.previous = previous;
        }

        void site(Index index) throws IOException {
            emit(".nojekyll", new byte[0]);
            if (privateSite) {
                emit(PRIVATE_MARKER, PRIVATE_MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
            }
            mkdir("simple");
            List<Project> hostedProjects = new ArrayList<>(index.size());
            boolean changed = false;
            progress.start("projects", index.size());
            if (threads == 1 || index.size() < 2) {
                for (Project p : index.projects().values()) {
                    Project h = project(p);
                    changed |= h != p;
                    hostedProjects.add(h);
                    progress.advance(1);
                }
            } else {
                changed = parallel(index.projects().values(), hostedProjects);
            }
            Index hosted = changed ? Index.of(hostedProjects) : index;
            hostedProjects = List.of();
            emitText("simple/index.html", rootHtml(hosted));
            if (json) {
                emitBytes("simple/index.json", JsonRenderer.create().renderRoot(hosted));
            }
            emitText("index.html", landingPage(hosted));
        }

        private String rootHtml(Index index) throws IOException {
            StringWriter root = new StringWriter();
            HtmlRenderer.create().writeRoot(index, root);
            return root.toString();
        }

        /**
         * A hint, before the per-project check: whether the root pages or the landing page, rendered from the index
         * as given (before hosting, which changes no name, status or file name), differ from the previous site's.
         * An added or removed project or a new latest version shows here at once. Only a hint: "same" still goes
         * through the whole check, "differs" only costs a full build that would have found nothing to change.
         */
        private boolean rootPagesDiffer(Index index) throws IOException {
            return differs("simple/index.html", rootHtml(index).getBytes(StandardCharsets.UTF_8))
                    || (json && differs("simple/index.json", JsonRenderer.create().renderRoot(index)))
                    || differs("index.html", landingPage(index).getBytes(StandardCharsets.UTF_8));
        }

        private boolean differs(String rel, byte[] bytes) throws IOException {
            Path p = Objects.requireNonNull(previous).resolve(rel);
            try {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                return !attrs.isRegularFile() || attrs.size() != bytes.length || !sameBytes(p, bytes);
            } catch (NoSuchFileException | NotDirectoryException e) {
                return true;
            }
        }

        /** Runs {@link #project} for every project on a bounded pool, at most a few tasks ahead of the oldest. */
        private boolean parallel(Iterable<Project> projects, List<Project> hostedProjects) throws IOException {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "gitpypi-site-writer");
                t.setDaemon(true);
                return t;
            });
            boolean changed = false;
            try {
                ArrayDeque<Future<Project>> running = new ArrayDeque<>();
                ArrayDeque<Project> inputs = new ArrayDeque<>();
                for (Project p : projects) {
                    if (running.size() == 4 * threads) {
                        Project h = result(running.removeFirst());
                        changed |= h != inputs.removeFirst();
                        hostedProjects.add(h);
                        progress.advance(1);
                    }
                    running.add(pool.submit(() -> project(p)));
                    inputs.add(p);
                }
                while (!running.isEmpty()) {
                    Project h = result(running.removeFirst());
                    changed |= h != inputs.removeFirst();
                    hostedProjects.add(h);
                    progress.advance(1);
                }
            } finally {
                pool.shutdownNow();
                awaitQuietly(pool);
            }
            return changed;
        }

        /** Hosts a project's files and writes its pages; returns the project as hosted (itself if nothing is). */
        private Project project(Project p) throws IOException {
            Project h = host(p);
            String dir = "simple/" + safeName(h.name());
            mkdir(dir);
            emitText(dir + "/index.html", HtmlRenderer.create().renderProject(h));
            if (json) {
                emitBytes(dir + "/index.json", JsonRenderer.create().renderProject(h));
            }
            return h;
        }

        /** Copies a project's local files into the site and points its links at them. */
        private Project host(Project p) throws IOException {
            String name = safeName(p.name());
            List<Distribution> listed = Links.listed(p);
            List<Distribution> distributions = new ArrayList<>(p.distributions().size());
            boolean any = false;
            for (Distribution d : p.distributions()) {
                Optional<Path> local = d.localFile();
                if (local.isEmpty() || !listed.contains(d)) {
                    distributions.add(d);
                    continue;
                }
                String filename = d.filename();
                if (!isSafeFileName(filename)) {
                    throw new UnsafeOutputException("refusing to host file " + Texts.quote(filename)
                            + " of project " + Texts.quote(name) + ": a hosted file name has only"
                            + " letters, digits, '.', '_', '+', '!' and '-', and starts with a letter or digit");
                }
                String rel = "files/" + name + "/" + filename;
                if (!any) {
                    filesFolder();
                    mkdir("files/" + name);
                    any = true;
                }
                emitCopy(rel, local.get());
                distributions.add(hosted(p.name(), d, local.get(), rel));
            }
            return any ? rebuild(p.toBuilder(), distributions) : p;
        }

        private Distribution hosted(ProjectName project, Distribution d, Path local, String rel) throws IOException {
            Distribution.Builder h = copy(d, hostedFileUrl(project, d.filename()));
            if (d.sha256().isEmpty()) {
                h.hash("sha256", Digests.sha256(local));
            }
            if (d.size().isEmpty()) {
                h.size(Files.size(local));
            }
            Optional<Map<String, String>> metadata = d.coreMetadata();
            if (metadata.isPresent() && d.kind() == Distribution.Kind.WHEEL) {
                String[] parts = d.filename().split("-", 3);
                String stem = parts.length >= 2 ? parts[0] + "-" + parts[1] : d.filename();
                byte[] bytes = Archives.wheelMetadata(local, stem).orElseThrow(() -> new GitpypiException(
                        "wheel " + Texts.quote(d.filename()) + " has no .dist-info/METADATA to publish"
                                + " as its core-metadata file (P658-02)"));
                String sha = Digests.sha256(bytes);
                String stated = metadata.get().get("sha256");
                if (stated != null && !stated.equals(sha)) {
                    throw new GitpypiException("core-metadata hash of " + Texts.quote(d.filename())
                            + " is " + Texts.quote(stated) + " but its METADATA hashes to " + sha
                            + " (P658-02)");
                }
                emitBytes(rel + ".metadata", bytes);
                Map<String, String> hashes = new LinkedHashMap<>(metadata.get());
                hashes.put("sha256", sha);
                h.coreMetadata(hashes);
            } else if (metadata.isPresent()) {
                LOG.log(Level.WARNING, "left out core-metadata of {0}: only wheels get a .metadata file (REN-05)",
                        d.filename());
                h.coreMetadata(null);
            }
            return h.build();
        }

        private String safeName(ProjectName name) {
            String n = name.normalized();
            if (!ProjectName.isNormalized(n)) {
                throw new UnsafeOutputException("refusing to use " + Texts.quote(n) + " as a path:"
                        + " not a normalized project name (NAME-02)");
            }
            return n;
        }

        /**
         * Whether the previous site holds exactly the files this index makes, byte for byte, and nothing else: then
         * a write has nothing to do (no folder is created or removed). Stops at the first difference.
         */
        boolean sameAsPrevious(Index index) throws IOException {
            if (rootPagesDiffer(index)) {
                return false;
            }
            try {
                site(index);
            } catch (Changed e) {
                return false;
            }
            long[] counts = new long[3]; // regular files, folders, anything else
            Path root = Objects.requireNonNull(previous);
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    counts[1]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    counts[attrs.isRegularFile() ? 0 : 2]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
            return counts[0] == matched.get() && counts[1] == folders.size() && counts[2] == 0;
        }

        private void mkdir(String rel) throws IOException {
            if (tmp != null) {
                Files.createDirectory(target(rel));
            }
        }

        /** Creates {@code files/} once, when the first project hosts a file. */
        private synchronized void filesFolder() throws IOException {
            if (!filesFolder) {
                mkdir("files");
                filesFolder = true;
            }
        }

        /** A file of the new tree: the same as the previous site's in a check (nothing else is kept). */
        private void same(String rel, Path old, Path target) throws IOException {
            if (tmp != null) {
                keep(old, target);
                return;
            }
            for (int i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
                folders.add(rel.substring(0, i));
            }
            folders.add("");
            unchanged.incrementAndGet();
        }

        private Path target(String rel) {
            Path base = Objects.requireNonNull(tmp != null ? tmp : previous);
            Path p = base.resolve(rel).normalize();
            if (!p.startsWith(base) || p.equals(base)) {
                throw new UnsafeOutputException("refusing to write " + Texts.quote(rel)
                        + ": outside the output folder");
            }
            return p;
        }

        /** The previous site's regular file at {@code rel} and its size (one lstat), or null. */
        private @Nullable Old old(String rel) throws IOException {
            if (previous == null) {
                return null;
            }
            Path p = previous.resolve(rel).normalize();
            if (!p.startsWith(previous)) {
                return null;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException | NotDirectoryException e) {
                return null;
            }
            if (!attrs.isRegularFile()) {
                return null;
            }
            matched.incrementAndGet();
            return new Old(p, attrs.size());
        }

        private void emitText(String rel, String text) throws IOException {
            checkTokens(rel, text);
            emit(rel, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Emits UTF-8 (or binary) bytes; the token check reads them as Latin-1, which keeps ASCII as it is. */
        private void emitBytes(String rel, byte[] bytes) throws IOException {
            checkTokens(rel, new String(bytes, StandardCharsets.ISO_8859_1));
            emit(rel, bytes);
        }

        private void emit(String rel, byte[] bytes) throws IOException {
            Path target = target(rel);
            Old old = old(rel);
            if (old != null && old.size == bytes.length && sameBytes(old.path, bytes)) {
                same(rel, old.path, target);
                return;
            }
            if (tmp == null) {
                throw new Changed();
            }
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            written.incrementAndGet();
        }

        private void emitCopy(String rel, Path source) throws IOException {
            Path target = target(rel);
            Old old = old(rel);
            if (old != null && old.size == Files.size(source) && Files.mismatch(old.path, source) < 0) {
                same(rel, old.path, target);
                return;
            }
            if (tmp == null) {
                throw new Changed();
            }
            Files.copy(source, target);
            written.incrementAndGet();
        }

        private void keep(Path old, Path target) throws IOException {
            try {
                Files.createLink(target, old);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            unchanged.incrementAndGet();
        }
    }

    /** Ends a check at the first file that differs from the previous site's (no stack trace: not an error). */
    private static final class Changed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Changed() {
            super(null, null, false, false);
        }
    }

    /** A regular file of the previous site and its size. */
    private record Old(Path path, long size) {
    }

    /**
     * Whether a file holds exactly {@code bytes}, read in chunks and compared as it goes (no copy of the whole file).
     */
    static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[Math.min(bytes.length + 1, 1 << 16)];
            int at = 0;
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    return at == bytes.length;
                }
                if (at + n > bytes.length || Arrays.mismatch(buffer, 0, n, bytes, at, at + n) >= 0) {
                    return false;
                }
                at += n;
            }
        }
    }

    private static void checkTokens(String rel, String text) {
        if (Tokens.containsGitHubToken(text)) {
            throw new UnsafeOutputException("refusing to write the site: " + Texts.quote(rel)
                    + " contains text that matches a GitHub token pattern (gh?_..., github_pat_...); remove the"
                    + " credential from the input");
        }
    }

    private static Distribution.Builder copy(Distribution d, String url) {
        Distribution.Builder b = Distribution.builder(url, d.filename());
        d.hashes().forEach(b::hash);
        b.requiresPython(d.requiresPython().orElse(null));
        b.yanked(d.yankedReason().orElse(null));
        b.coreMetadata(d.coreMetadata().orElse(null));
        b.gpgSig(d.gpgSig().orElse(null));
        if (d.size().isPresent()) {
            b.size(d.size().getAsLong());
        }
        b.uploadTime(d.uploadTime().orElse(null));
        b.provenance(d.provenance().orElse(null));
        b.localFile(d.localFile().orElse(null));
        b.origin(d.origin());
        return b;
    }

    private static Project rebuild(Project.Builder template, List<Distribution> distributions) {
        Project p = template.build();
        Project.Builder b = Project.builder(p.name()).addAll(distributions).status(p.status())
                .sourceUrl(p.sourceUrl().orElse(null));
        p.versions().forEach(b::version);
        return b.build();
    }

    private String landingPage(Index index) {
        String indexUrl = baseUrl == null ? null : baseUrl + "simple/";
        String shownUrl = indexUrl == null ? "SITE_URL/simple/" : indexUrl;
        StringBuilder s = new StringBuilder(256 + 160 * index.size());
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        s.append(Html.escape(title)).append("</title>\n</head>\n<body>\n<h1>").append(Html.escape(title))
                .append("</h1>\n<p>A Python package index with ").append(index.size())
                .append(index.size() == 1 ? " project" : " projects").append(". Install with pip (or uv):</p>\n");
        s.append("<pre><code>pip install --index-url ").append(Html.escape(shownUrl)).append(" NAME</code></pre>\n");
        if (indexUrl == null) {
            s.append("<p>where SITE_URL is the address this page is served from; the index for installers is"
                    + " the <a href=\"simple/\">simple/</a> folder beside this page.</p>\n");
        } else {
            s.append("<p>The index for installers: <a href=\"simple/\">").append(Html.escape(indexUrl))
                    .append("</a></p>\n");
        }
        s.append("<table>\n<thead><tr><th>Project</th><th>Latest version</th><th>Install</th><th>Source</th></tr>"
                + "</thead>\n<tbody>\n");
        for (Project p : index.projects().values()) {
            String n = p.name().normalized();
            s.append("<tr><td><a href=\"simple/").append(Html.escape(n)).append("/\">")
                    .append(Html.escape(p.name().display())).append("</a></td><td>")
                    .append(latestVersion(p).map(Html::escape).orElse("")).append("</td><td><code>pip install"
                            + " --index-url ").append(Html.escape(shownUrl)).append(' ').append(Html.escape(n))
                    .append("</code></td><td>");
            Optional<String> source = p.sourceUrl();
            if (source.isPresent() && (source.get().startsWith("https://") || source.get().startsWith("http://"))) {
                s.append("<a href=\"").append(Html.escape(source.get())).append("\">source</a>");
            }
            s.append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n</body>\n</html>\n");
        return s.toString();
    }

    /**
     * The latest version of a project for people: the highest final release among its listed files that are not
     * yanked, else the highest non-yanked version, else the highest of any listed file, else of its declared
     * versions.
     */
    static Optional<String> latestVersion(Project p) {
        List<Distribution> listed = Links.listed(p);
        List<Version> live = listed.stream().filter(d -> !d.isYanked())
                .flatMap(d -> Links.versionOf(p.name(), d).stream()).toList();
        Optional<Version> best = live.stream().filter(v -> !v.isPrerelease()).max(Comparator.naturalOrder())
                .or(() -> live.stream().max(Comparator.naturalOrder()))
                .or(() -> listed.stream().flatMap(d -> Links.versionOf(p.name(), d).stream())
                        .max(Comparator.naturalOrder()))
                .or(() -> p.versions().stream().flatMap(v -> Version.tryParse(v).stream())
                        .max(Comparator.naturalOrder()));
        return best.map(Version::toString);
    }

    /** Builds a {@link SiteWriter}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String baseUrl;
        private boolean json = true;
        private String title = "Python package index";
        private int threads = DEFAULT_THREADS;
        private boolean privateSite;
        private dev.gitpypi.core.Progress progress = dev.gitpypi.core.Progress.NONE;

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
         * @param listener the listener (default {@link dev.gitpypi.core.Progress#NONE})
         * @return this builder
         */
        public Builder progress(dev.gitpypi.core.Progress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The public URL the site will be served from, used only in the landing page's {@code pip install} lines
         * (links inside the site stay relative). Without it the landing page tells people to put in the site's
         * address.
         *
         * @param url an absolute http or https URL without credentials, query or fragment, or null
         * @return this builder
         * @throws IllegalArgumentException if the URL is not such a URL
         */
        public Builder baseUrl(@Nullable String url) {
            if (url == null) {
                this.baseUrl = null;
                return this;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("base url " + Texts.quote(url) + " is not a URL");
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("base url " + Texts.quote(url) + " must be an absolute"
                        + " http or https URL without credentials, query or fragment");
            }
            this.baseUrl = url.endsWith("/") ? url : url + "/";
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
         * The landing page's title.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * How many threads host, render and write project pages (default {@value #DEFAULT_THREADS}); 1 writes
         * everything on the calling thread. The site's bytes do not depend on it.
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
