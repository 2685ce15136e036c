package dev.gitpypi.core.site;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Archives;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.render.HtmlRenderer;
import dev.gitpypi.core.render.JsonRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * failure leaves the previous site untouched. Output is byte-for-byte deterministic. Only normalized project names
 * and validated file names become paths, and a site whose text matches a GitHub token pattern is refused
 * ({@link UnsafeOutputException}).
 *
 * <p>Immutable and thread-safe; one {@link #write} per output folder at a time.
 */
public final class SiteWriter {
    private static final System.Logger LOG = System.getLogger(SiteWriter.class.getName());
    private static final Pattern TOKEN = Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}");
    private static final int MAX_FILENAME = 200;

    private final @Nullable String baseUrl;
    private final boolean json;
    private final String title;

    private SiteWriter(Builder b) {
        this.baseUrl = b.baseUrl;
        this.json = b.json;
        this.title = b.title;
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
            throw new UnsafeOutputException("refusing to write a site to the root folder " + GitpypiException.quote(
                    out.toString()));
        }
        Files.createDirectories(parent);
        @Nullable Path previous = checkPrevious(out);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
        try {
            Build build = new Build(tmp, previous);
            build.site(index);
            long deleted = previous == null ? 0 : build.countDeleted(previous);
            swap(tmp, out, previous != null);
            SiteReport report = new SiteReport(out, index.size(), build.written, build.unchanged, deleted);
            LOG.log(Level.INFO, "wrote site {0}: {1} projects, {2} files written, {3} unchanged, {4} deleted",
                    out, String.valueOf(report.projects()), String.valueOf(report.filesWritten()),
                    String.valueOf(report.filesUnchanged()), String.valueOf(report.filesDeleted()));
            return report;
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static @Nullable Path checkPrevious(Path out) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeOutputException("output " + GitpypiException.quote(out.toString())
                    + " exists and is not a folder");
        }
        if (Files.isRegularFile(out.resolve("simple").resolve("index.html"), LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            if (entries.iterator().hasNext()) {
                throw new UnsafeOutputException("output folder " + GitpypiException.quote(out.toString())
                        + " is not empty and holds no site (no simple/index.html); refusing to replace it");
            }
        }
        return null;
    }

    private static void swap(Path tmp, Path out, boolean hadSite) throws IOException {
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
        if (backup != null) {
            deleteTree(backup);
        }
        LOG.log(Level.DEBUG, "swapped in new site at {0} (previous site: {1})", out, hadSite);
    }

    private static void deleteTree(@Nullable Path root) throws IOException {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One build into a temporary folder. */
    private final class Build {
        private final Path tmp;
        private final @Nullable Path previous;
        private final java.util.Set<Path> directories = new java.util.HashSet<>();
        private long written;
        private long unchanged;

        Build(Path tmp, @Nullable Path previous) {
            this.tmp = tmp;
            this.previous = previous;
        }

        void site(Index index) throws IOException {
            emit(".nojekyll", new byte[0]);
            List<Project> projects = new ArrayList<>(index.size());
            for (Project p : index.projects().values()) {
                projects.add(host(p));
            }
            Index hosted = Index.of(projects);
            StringWriter root = new StringWriter();
            HtmlRenderer.create().writeRoot(hosted, root);
            emitText("simple/index.html", root.toString());
            if (json) {
                emitText("simple/index.json", new String(JsonRenderer.create().renderRoot(hosted),
                        StandardCharsets.UTF_8));
            }
            for (Project p : hosted.projects().values()) {
                String dir = "simple/" + safeName(p.name());
                emitText(dir + "/index.html", HtmlRenderer.create().renderProject(p));
                if (json) {
                    emitText(dir + "/index.json", new String(JsonRenderer.create().renderProject(p),
                            StandardCharsets.UTF_8));
                }
            }
            emitText("index.html", landingPage(hosted));
        }

        /** Copies a project's local files into the site and points its links at them. */
        private Project host(Project p) throws IOException {
            String name = safeName(p.name());
            List<Distribution> listed = Links.listed(p);
            Project.Builder b = p.toBuilder();
            List<Distribution> distributions = new ArrayList<>(p.distributions().size());
            for (Distribution d : p.distributions()) {
                Optional<Path> local = d.localFile();
                if (local.isEmpty() || !listed.contains(d)) {
                    distributions.add(d);
                    continue;
                }
                String filename = d.filename();
                if (!isSafeFileName(filename)) {
                    throw new UnsafeOutputException("refusing to host file " + GitpypiException.quote(filename)
                            + " of project " + GitpypiException.quote(name) + ": a hosted file name has only"
                            + " letters, digits, '.', '_', '+', '!' and '-', and starts with a letter or digit");
                }
                String rel = "files/" + name + "/" + filename;
                emitCopy(rel, local.get());
                distributions.add(hosted(p.name(), d, local.get(), rel));
            }
            return rebuild(b, distributions);
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
                        "wheel " + GitpypiException.quote(d.filename()) + " has no .dist-info/METADATA to publish"
                                + " as its core-metadata file (P658-02)"));
                String sha = Digests.sha256(bytes);
                String stated = metadata.get().get("sha256");
                if (stated != null && !stated.equals(sha)) {
                    throw new GitpypiException("core-metadata hash of " + GitpypiException.quote(d.filename())
                            + " is " + GitpypiException.quote(stated) + " but its METADATA hashes to " + sha
                            + " (P658-02)");
                }
                emitText(rel + ".metadata", bytes);
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
                throw new UnsafeOutputException("refusing to use " + GitpypiException.quote(n) + " as a path:"
                        + " not a normalized project name (NAME-02)");
            }
            return n;
        }

        private Path target(String rel) {
            Path p = tmp.resolve(rel).normalize();
            if (!p.startsWith(tmp) || p.equals(tmp)) {
                throw new UnsafeOutputException("refusing to write " + GitpypiException.quote(rel)
                        + ": outside the output folder");
            }
            return p;
        }

        private @Nullable Path old(String rel) {
            if (previous == null) {
                return null;
            }
            Path p = previous.resolve(rel).normalize();
            return p.startsWith(previous) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
        }

        private void emitText(String rel, String text) throws IOException {
            checkTokens(rel, text);
            emit(rel, text.getBytes(StandardCharsets.UTF_8));
        }

        private void emitText(String rel, byte[] bytes) throws IOException {
            checkTokens(rel, new String(bytes, StandardCharsets.ISO_8859_1));
            emit(rel, bytes);
        }

        private void emit(String rel, byte[] bytes) throws IOException {
            Path target = target(rel);
            directory(target.getParent());
            Path old = old(rel);
            if (old != null && Files.size(old) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(old),
                    bytes)) {
                keep(old, target);
                return;
            }
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            written++;
        }

        private void emitCopy(String rel, Path source) throws IOException {
            Path target = target(rel);
            directory(target.getParent());
            Path old = old(rel);
            if (old != null && Files.size(old) == Files.size(source) && Files.mismatch(old, source) < 0) {
                keep(old, target);
                return;
            }
            Files.copy(source, target);
            written++;
        }

        /** Creates a folder of the new tree once (a failed mkdir per file costs more than the file on some disks). */
        private void directory(Path dir) throws IOException {
            if (directories.add(dir)) {
                Files.createDirectories(dir);
            }
        }

        private void keep(Path old, Path target) throws IOException {
            try {
                Files.createLink(target, old);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            unchanged++;
        }

        long countDeleted(Path prev) throws IOException {
            long[] deleted = {0};
            try (Stream<Path> paths = Files.walk(prev)) {
                paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                    if (!Files.exists(tmp.resolve(prev.relativize(p).toString()), LinkOption.NOFOLLOW_LINKS)) {
                        deleted[0]++;
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return deleted[0];
        }
    }

    private static void checkTokens(String rel, String text) {
        if (TOKEN.matcher(text).find()) {
            throw new UnsafeOutputException("refusing to write the site: " + GitpypiException.quote(rel)
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

        private Builder() {
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
                throw new IllegalArgumentException("base url " + GitpypiException.quote(url) + " is not a URL");
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("base url " + GitpypiException.quote(url) + " must be an absolute"
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

        /** @return the writer */
        public SiteWriter build() {
            return new SiteWriter(this);
        }
    }
}
