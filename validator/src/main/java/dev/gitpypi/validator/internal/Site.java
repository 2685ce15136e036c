package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.PageReadException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Access to an index to read: a site folder (one holding {@code simple/}, or the simple root itself), a single
 * page file, or an http(s) URL. Pages are parsed here (HTML with jsoup, JSON with Jackson); what they mean is
 * decided by the reader and the rules.
 */
public final class Site {
    /** The kind of target. */
    public enum Mode {
        /** A folder. */
        FOLDER,
        /** One page file. */
        FILE,
        /** An http(s) URL. */
        HTTP
    }

    /**
     * A project the site has or links to.
     *
     * @param normalized the normalized name
     * @param display the display name (root anchor text when valid, else the path name)
     * @param uri the page URI (folder: the directory)
     * @param onRoot whether the root page lists it
     * @param exists whether a page exists (folders only; HTTP pages are assumed to)
     */
    public record ProjectRef(String normalized, String display, URI uri, boolean onRoot, boolean exists) {
    }

    private final Mode mode;
    private final Limits limits;
    private final @Nullable Path folder;
    private final @Nullable URI url;
    private final @Nullable HttpAccess http;
    private final String display;

    private Site(Mode mode, Limits limits, @Nullable Path folder, @Nullable URI url, String display) {
        this.mode = mode;
        this.limits = limits;
        this.folder = folder;
        this.url = url;
        this.http = mode == Mode.HTTP ? new HttpAccess(limits) : null;
        this.display = display;
    }

    /**
     * Opens a target.
     *
     * @param target a folder or file path, or an http(s) URL
     * @param limits the bounds
     * @return the site
     * @throws PageReadException if the target does not exist
     */
    public static Site open(String target, Limits limits) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI u = Urls.parse(target).orElseThrow(() -> new PageReadException("invalid URL "
                    + Texts.quote(Urls.safe(target))));
            return new Site(Mode.HTTP, limits, null, u, Urls.safe(u));
        }
        return open(Path.of(target), limits);
    }

    /**
     * Opens a folder or a page file.
     *
     * @param path the path
     * @param limits the bounds
     * @return the site
     * @throws PageReadException if nothing is there
     */
    public static Site open(Path path, Limits limits) {
        if (Files.isDirectory(path)) {
            Path simple = path.resolve("simple");
            Path root = Files.isDirectory(simple) ? simple : path;
            return new Site(Mode.FOLDER, limits, root, null, path.toString());
        }
        if (Files.isRegularFile(path)) {
            return new Site(Mode.FILE, limits, path, null, path.toString());
        }
        throw new PageReadException("no such folder or file: " + Texts.quote(path.toString()));
    }

    /** @return the kind of target */
    public Mode mode() {
        return mode;
    }

    /** @return the target for reports */
    public String display() {
        return display;
    }

    /** @return the HTTP accessor, for HTTP sites */
    public Optional<HttpAccess> http() {
        return Optional.ofNullable(http);
    }

    /** @return the limits */
    public Limits limits() {
        return limits;
    }

    private String rel(Path p) {
        Path base = mode == Mode.FOLDER ? folder : null;
        if (base == null) {
            return p.toString();
        }
        String r = base.relativize(p).toString().replace('\\', '/');
        String prefix = base.getFileName() != null && base.getFileName().toString().equals("simple") ? "simple/" : "";
        return prefix + r;
    }

    private Fetched openFile(Path file, long max) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new PageReadException("no such file: " + Texts.quote(rel(file)), e);
        }
        if (size > max) {
            throw new PageReadException("page " + rel(file) + " is larger than the limit of " + max + " bytes");
        }
        InputStream in = new BoundedInputStream(Files.newInputStream(file), max, rel(file));
        return new Fetched(rel(file), file.toUri(), 200, null, Map.of(), List.of(), in);
    }

    /**
     * Reads the root page, streaming its anchors.
     *
     * @param sink receives each root entry as it is read (in page order), in addition to the returned list when
     *     {@code keep} is true
     * @param keep whether to keep the entries in the result
     * @return the root, or empty when the target has none (a single project page, or a folder without one)
     * @throws IOException on I/O failure
     */
    public Optional<RawRoot> root(java.util.function.@Nullable Consumer<RawRoot.Entry> sink, boolean keep)
            throws IOException {
        return root(sink, keep, true);
    }

    /**
     * Reads the root page, streaming its anchors, optionally without line numbers.
     *
     * @param sink receives each root entry as it is read
     * @param keep whether to keep the entries in the result
     * @param lines whether to track line numbers
     * @return the root, or empty when the target has none
     * @throws IOException on I/O failure
     */
    public Optional<RawRoot> root(java.util.function.@Nullable Consumer<RawRoot.Entry> sink, boolean keep,
            boolean lines) throws IOException {
        Fetched f;
        switch (mode) {
            case FOLDER -> {
                Path html = folder.resolve("index.html");
                Path json = folder.resolve("index.json");
                if (Files.isRegularFile(html)) {
                    f = openFile(html, limits.maxRootPageBytes());
                } else if (Files.isRegularFile(json)) {
                    f = openFile(json, limits.maxRootPageBytes());
                } else {
                    return Optional.empty();
                }
            }
            case FILE -> f = openFile(folder, limits.maxRootPageBytes());
            default -> f = http.get(url, HttpAccess.ACCEPT_UV, limits.maxRootPageBytes());
        }
        try (f) {
            BufferedInputStream in = new BufferedInputStream(f.body(), 1 << 16);
            boolean json = isJson(f, in);
            if (mode != Mode.FOLDER && !looksLikeRoot(f, in, json)) {
                return Optional.empty();
            }
            RawRoot root = new RawRoot(f.info(), json);
            java.util.function.Consumer<RawRoot.Entry> consumer = e -> {
                if (sink != null) {
                    sink.accept(e);
                }
                if (keep) {
                    root.entries.add(e);
                }
            };
            if (json) {
                RawRoot tmp = new RawRoot(f.info(), true);
                JsonPages.readRoot(in, tmp);
                root.jsonApiVersion = tmp.jsonApiVersion;
                root.jsonApiVersionPresent = tmp.jsonApiVersionPresent;
                root.issues.addAll(tmp.issues);
                tmp.entries.forEach(consumer);
            } else {
                String res = f.resource();
                root.html = HtmlParser.parse(reader(f, in), null, a -> consumer.accept(
                        new RawRoot.Entry(a.text(), a.href(), dev.gitpypi.validator.Location.line(res, a.line()))),
                        lines);
            }
            return Optional.of(root);
        }
    }

    /**
     * The projects to read: those the root lists and, for folders, those present as directories; sorted by
     * normalized name; at most {@code maxProjects}.
     *
     * @param root the root, if any
     * @return the project references
     */
    public List<ProjectRef> projects(@Nullable RawRoot root) {
        TreeMap<String, ProjectRef> refs = new TreeMap<>();
        if (mode == Mode.FILE && root == null) {
            String name = folder.getParent() == null || folder.getParent().getFileName() == null ? "" :
                    folder.getParent().getFileName().toString();
            refs.put(ProjectName.normalize(name), new ProjectRef(ProjectName.normalize(name), name, folder.toUri(),
                    false, true));
        } else if (mode == Mode.HTTP && root == null) {
            String name = Urls.lastSegment(url.getRawPath().endsWith("/") && url.getRawPath().length() > 1
                    ? url.getRawPath().substring(0, url.getRawPath().length() - 1) : url.getRawPath());
            refs.put(ProjectName.normalize(name), new ProjectRef(ProjectName.normalize(name), name, url, false,
                    true));
        }
        if (root != null && mode == Mode.FILE) {
            return List.of();
        }
        if (root != null) {
            URI base = root.info.uri();
            if (root.html != null && root.html.baseHref != null) {
                base = Urls.resolve(base, root.html.baseHref).orElse(base);
            }
            for (RawRoot.Entry e : root.entries) {
                if (e.href() == null) {
                    continue;
                }
                Optional<URI> target = Urls.resolve(base, e.href());
                if (target.isEmpty()) {
                    continue;
                }
                URI t = target.get();
                String path = t.getPath() == null ? "" : t.getPath();
                String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
                String normalized = ProjectName.normalize(segment);
                String displayName = ProjectName.isValid(e.text()) ? e.text() : segment;
                boolean exists = true;
                if (mode == Mode.FOLDER) {
                    if (!"file".equals(t.getScheme())) {
                        continue;
                    }
                    t = mapLocal(t);
                    Path dir = Path.of(t);
                    exists = dir.normalize().startsWith(folder.normalize()) && hasPage(dir);
                }
                refs.putIfAbsent(normalized, new ProjectRef(normalized, displayName, t, true, exists));
            }
        }
        if (mode == Mode.FOLDER) {
            try (Stream<Path> dirs = Files.list(folder)) {
                dirs.filter(Files::isDirectory).filter(Site::hasPage).sorted().forEach(d -> {
                    String name = d.getFileName().toString();
                    String normalized = ProjectName.normalize(name);
                    ProjectRef known = refs.get(normalized);
                    if (known == null || !known.exists()) {
                        refs.put(normalized, new ProjectRef(normalized, known == null ? name : known.display(),
                                d.toUri(), known != null, true));
                    }
                });
            } catch (IOException e) {
                throw new PageReadException("cannot list " + Texts.quote(folder.toString()), e);
            }
        }
        List<ProjectRef> out = new ArrayList<>(refs.values());
        if (limits.maxProjects() >= 0 && out.size() > limits.maxProjects()) {
            return List.copyOf(out.subList(0, limits.maxProjects()));
        }
        return out;
    }

    /**
     * For a folder site, maps a {@code file:} URI that a root-relative link ({@code /simple/foo/},
     * {@code /files/x.whl}) produced to the same path under the site root, the way a web server serving the
     * folder at its root would: the site root is the folder holding {@code simple/}, or the folder itself.
     *
     * @param uri a resolved link
     * @return the URI inside the site when it was outside and the mapped file exists, else {@code uri}
     */
    public URI mapLocal(URI uri) {
        if (mode != Mode.FOLDER || !"file".equals(uri.getScheme()) || folder == null) {
            return uri;
        }
        Path p = Path.of(uri).normalize();
        Path simple = folder.toAbsolutePath().normalize();
        Path siteRoot = simple.getFileName() != null && simple.getFileName().toString().equals("simple")
                && simple.getParent() != null ? simple.getParent() : simple;
        if (p.startsWith(siteRoot) || p.getRoot() == null) {
            return uri;
        }
        Path mapped = siteRoot.resolve(p.getRoot().relativize(p).toString()).normalize();
        boolean dir = uri.getPath() != null && uri.getPath().endsWith("/");
        if (mapped.startsWith(siteRoot) && Files.exists(mapped)) {
            URI m = mapped.toUri();
            return dir && !m.toString().endsWith("/") ? URI.create(m + "/") : m;
        }
        return uri;
    }

    private static boolean hasPage(Path dir) {
        return Files.isRegularFile(dir.resolve("index.html")) || Files.isRegularFile(dir.resolve("index.json"));
    }

    /**
     * Reads the pages of one project: for a folder its {@code index.html} and {@code index.json} (whichever
     * exist), for HTTP the page the server negotiates for uv's Accept header.
     *
     * @param ref the project
     * @return the pages, HTML first
     * @throws IOException on I/O failure
     */
    public List<RawProject> project(ProjectRef ref) throws IOException {
        List<RawProject> pages = new ArrayList<>();
        switch (mode) {
            case FOLDER -> {
                Path dir = Path.of(ref.uri());
                String name = dir.getFileName().toString();
                for (String file : List.of("index.html", "index.json")) {
                    Path p = dir.resolve(file);
                    if (Files.isRegularFile(p)) {
                        pages.add(readProject(openFile(p, limits.maxPageBytes()), name, dir.toUri()));
                    }
                }
            }
            case FILE -> {
                pages.add(readProject(openFile(folder, limits.maxPageBytes()), ref.display(), folder.toUri()));
            }
            default -> pages.add(fetchProject(ref.uri(), HttpAccess.ACCEPT_UV, ref.display()));
        }
        return pages;
    }

    /**
     * Fetches a project page over HTTP with a given Accept header.
     *
     * @param uri the URL
     * @param accept the Accept header
     * @param pathName the name the URL gives
     * @return the page
     * @throws IOException on I/O failure
     */
    public RawProject fetchProject(URI uri, String accept, String pathName) throws IOException {
        Fetched f = http.get(uri, accept, limits.maxPageBytes());
        return readProject(f, pathName, f.uri());
    }

    private RawProject readProject(Fetched f, String pathName, URI base) throws IOException {
        try (f) {
            BufferedInputStream in = new BufferedInputStream(f.body(), 1 << 16);
            Fetched.Info info = new Fetched.Info(f.resource(), base, f.status(), f.contentType(), f.headers(),
                    f.redirects());
            if (isJson(f, in)) {
                return new RawProject(info, pathName, null, JsonPages.readTree(in, f.resource()));
            }
            String text = readAll(reader(f, in));
            return new RawProject(info, pathName, HtmlParser.parse(new java.io.StringReader(text), text, null), null);
        }
    }

    private static String readAll(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) >= 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    private static Reader reader(Fetched f, InputStream in) {
        Charset cs = StandardCharsets.UTF_8;
        String ct = f.contentType();
        if (ct != null) {
            int i = ct.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                String name = ct.substring(i + 8).strip().replace("\"", "");
                int semi = name.indexOf(';');
                if (semi >= 0) {
                    name = name.substring(0, semi).strip();
                }
                try {
                    cs = Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    cs = StandardCharsets.UTF_8;
                }
            }
        }
        return new InputStreamReader(in, cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    }

    /**
     * Whether a response is JSON: by media type when it names one, else by its first non-blank byte.
     */
    private static boolean isJson(Fetched f, BufferedInputStream in) throws IOException {
        String ct = f.contentType();
        if (ct != null) {
            String type = ct.toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                return true;
            }
            if (type.contains("html")) {
                return false;
            }
        }
        if (f.resource().endsWith(".json")) {
            return true;
        }
        if (f.resource().endsWith(".html")) {
            return false;
        }
        int c = firstNonBlank(in, 4096);
        return c == '{' || c == '[';
    }

    private static int firstNonBlank(BufferedInputStream in, int max) throws IOException {
        in.mark(max);
        try {
            for (int i = 0; i < max; i++) {
                int c = in.read();
                if (c < 0) {
                    return -1;
                }
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0xef && c != 0xbb && c != 0xbf) {
                    return c;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /**
     * For a single file or URL: whether the page is a root page. JSON: it has {@code projects}. HTML: no anchor
     * in the first 64 KiB links to a file (hash fragment, data- attributes, archive suffixes) and some anchor
     * links to a directory ({@code /} at the end).
     */
    private static boolean looksLikeRoot(Fetched f, BufferedInputStream in, boolean json) throws IOException {
        int max = 1 << 16;
        in.mark(max);
        byte[] head = in.readNBytes(max);
        in.reset();
        String s = new String(head, StandardCharsets.UTF_8);
        if (json) {
            return s.contains("\"projects\"") && !s.contains("\"files\"");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("data-requires-python") || lower.contains("data-yanked") || lower.contains("data-core-metadata")
                || lower.contains("data-dist-info-metadata") || lower.contains("#sha256=") || lower.contains(".whl")
                || lower.contains(".tar.gz") || lower.contains("pypi:project-status") || lower.contains("git+")) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href\\s*=\\s*[\"']?[^\"'\\s>]*/[\"'\\s>]")
                .matcher(lower);
        return m.find();
    }
}
