package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.NotAnIndexException;
import dev.gitpypi.validator.PageReadException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A folder: a site folder (one holding {@code simple/}), a simple root (a folder of project folders, with or without
 * its own root page), or one project's folder (its {@code index.html} is a project page). Which one is judged from
 * the pages themselves, so pip's test layout, where {@code simple/} is the folder of a project named "simple", reads
 * right. Paths in findings start with the folder as the user typed it.
 */
public final class FolderSite extends SiteBase implements Site {
    private static final int MAX_NESTED = 10_000;
    /** Display spellings kept from the root (only those that differ from the normalized name). */
    private static final int MAX_SPELLINGS = 1_000_000;

    private final String prefix;
    private final Path base;
    private final Path simple;
    private final Path siteRoot;
    private final boolean projectFolder;
    private final boolean severalNames;
    private final @Nullable String evidence;
    private @Nullable URI rootPage;

    private FolderSite(Limits limits, String display, Path base, Path simple, boolean projectFolder) {
        this(limits, display, base, simple, projectFolder, null, false);
    }

    private FolderSite(Limits limits, String display, Path base, Path simple, boolean projectFolder,
            @Nullable String evidence, boolean severalNames) {
        super(limits, display);
        this.prefix = LocalFiles.prefix(display);
        this.base = base;
        this.simple = simple;
        this.projectFolder = projectFolder;
        this.severalNames = severalNames;
        this.evidence = evidence;
        this.siteRoot = LocalFiles.siteRoot(simple);
    }

    /**
     * Opens a folder and judges what it is.
     *
     * @param folder the folder, absolute and normalized
     * @param display the target as typed
     * @param limits the bounds
     * @return the site
     * @throws IOException on I/O failure
     * @throws NotAnIndexException when the folder holds no index
     */
    static FolderSite open(Path folder, String display, Limits limits) throws IOException {
        Path simple = folder.resolve("simple");
        if (Files.isDirectory(simple)) {
            Optional<Path> page = page(simple);
            if (page.isPresent() && judge(page.get(), hasProjectFolders(simple)).kind() == PageKinds.Kind.PROJECT) {
                // pip's test indexes: "simple" is a project of the index that this folder is the root of
                return new FolderSite(limits, display, folder, folder, false);
            }
            return new FolderSite(limits, display, folder, simple, false);
        }
        Optional<Path> page = page(folder);
        if (page.isPresent()) {
            PageKinds.Verdict v = judge(page.get(), hasProjectFolders(folder));
            switch (v.kind()) {
                case PROJECT -> {
                    return new FolderSite(limits, display, folder, folder, true, v.name(), v.severalNames());
                }
                case ROOT -> {
                    return new FolderSite(limits, display, folder, folder, false);
                }
                case LANDING -> {
                    if (!hasProjectFolders(folder)) {
                        throw new NotAnIndexException("not an index: " + Texts.quote(display) + ": its "
                                + page.get().getFileName() + " is a site's page for people; validate the index it"
                                + " links to: " + Texts.quote(LocalFiles.linkTarget(display,
                                        String.valueOf(v.landingHref()))));
                    }
                }
                default -> {
                    if (!hasProjectFolders(folder)) {
                        throw new NotAnIndexException("not an index: " + Texts.quote(display) + ": its "
                                + page.get().getFileName() + " is no index page (" + v.why() + "), and it holds no"
                                + " simple/ folder and no project folders");
                    }
                }
            }
            return new FolderSite(limits, display, folder, folder, false);
        }
        if (hasProjectFolders(folder)) {
            return new FolderSite(limits, display, folder, folder, false);
        }
        List<String> sites = siteFolders(folder);
        throw new NotAnIndexException("not an index: " + Texts.quote(display) + " (looked for a simple/ folder, an"
                + " index.html or index.json page, and project folders holding one)" + (sites.isEmpty() ? ""
                : "; it holds " + (sites.size() == 1 ? "a site: validate " : "sites: validate one of ")
                + String.join(", ", sites.stream().map(x -> Texts.quote(LocalFiles.prefix(display) + x)).toList())));
    }

    private static PageKinds.Verdict judge(Path page, boolean projectFolders) throws IOException {
        return PageKinds.judge(LocalFiles.head(page), Files.size(page) <= PageKinds.HEAD, null,
                page.getFileName().toString(), projectFolders ? PageKinds.Kind.ROOT : PageKinds.Kind.PROJECT);
    }

    private static Optional<Path> page(Path dir) {
        for (String name : List.of("index.html", "index.json")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean hasPage(Path dir) {
        return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve("index.html"))
                || Files.isRegularFile(dir.resolve("index.json")));
    }

    /**
     * The folder a root link names when it is the usual {@code name/} relative to the root page itself: found
     * without parsing a URL, which is most of the cost of a root page of a million entries.
     *
     * @return the folder, or null when the link needs real resolution
     */
    private @Nullable Path plainFolder(String href, URI base) {
        int n = href.length();
        if (n < 2 || href.charAt(n - 1) != '/' || !base.equals(rootPage)) {
            return null;
        }
        for (int i = 0; i < n - 1; i++) {
            char c = href.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' && i > 0)) {
                return null;
            }
        }
        String name = href.substring(0, n - 1);
        return name.equals(".") || name.equals("..") ? null : simple.resolve(name);
    }

    /** Whether a folder holds a folder whose page is a project page (judged from the page, not only its name). */
    static boolean hasProjectFolders(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.list(dir)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Optional<Path> page = Files.isDirectory(d) ? page(d) : Optional.empty();
                if (page.isPresent() && judge(page.get(), false).kind() == PageKinds.Kind.PROJECT) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The folders of a folder that are sites themselves (they hold {@code simple/}), for a hint. */
    private static List<String> siteFolders(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("simple"))).map(d -> d.getFileName() + "/")
                    .sorted().limit(5).toList();
        }
    }

    @Override
    public Scope scope() {
        return projectFolder ? Scope.PROJECT : Scope.SITE;
    }

    @Override
    public Optional<Path> localRoot() {
        return Optional.of(siteRoot);
    }

    @Override
    public Optional<String> refusal(URI uri) {
        return LocalFiles.refusal(uri, siteRoot);
    }

    /** How messages name a path inside the folder: the folder as typed, then the path inside it. */
    String rel(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String r = abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
        return abs.startsWith(base) ? prefix + r : r;
    }

    @Override
    public String resourceOf(ProjectRef ref) {
        if ("file".equals(ref.uri().getScheme())) {
            String r = rel(Path.of(ref.uri()));
            return r.isEmpty() ? "./" : r.endsWith("/") ? r : r + "/";
        }
        return dev.gitpypi.core.internal.Redaction.url(ref.uri().toString());
    }

    @Override
    public Optional<RawRoot> root(@Nullable Consumer<RawRoot.Entry> sink, boolean lines) throws IOException {
        if (projectFolder) {
            return Optional.empty();
        }
        Optional<Path> page = page(simple);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        rootPage = page.get().toUri();
        return Optional.of(Pages.root(LocalFiles.open(page.get(), limits().maxRootPageBytes(), rel(page.get())), sink,
                lines));
    }

    @Override
    public RootIndex rootIndex() {
        return new Index();
    }

    /** The root's entries as a folder needs them: hashes of the linked names, and the few links to nested folders. */
    private final class Index implements RootIndex {
        private final NameSet linked = new NameSet();
        private final List<ProjectRef> nested = new ArrayList<>();
        private final java.util.Map<String, String> spellings = new java.util.HashMap<>();

        @Override
        public Optional<java.util.function.Supplier<String>> add(RawRoot.Entry e) {
            String href = e.href();
            if (href == null || href.isBlank()) {
                return Optional.empty();
            }
            Path dir = plainFolder(href.strip(), e.base());
            if (dir == null) {
                Optional<URI> target = Urls.resolve(e.base(), href.strip());
                if (target.isEmpty() || !"file".equals(target.get().getScheme())) {
                    return Optional.empty();
                }
                URI t = mapLocal(target.get());
                try {
                    dir = Path.of(t).normalize();
                } catch (IllegalArgumentException ex) {
                    return Optional.empty();
                }
            }
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            boolean exists = dir.startsWith(simple) && hasPage(dir);
            if (!exists) {
                Path missing = dir;
                return Optional.of(() -> "the root links " + Texts.quote(e.text()) + " to "
                        + Texts.quote(rel(missing) + "/") + ", which is no project page");
            }
            if (dir.getParent() != null && dir.getParent().equals(simple)) {
                String normalized = ProjectName.normalize(name);
                linked.add(normalized, name);
                if (!e.text().equals(normalized) && ProjectName.isValid(e.text())
                        && ProjectName.normalize(e.text()).equals(normalized) && spellings.size() < MAX_SPELLINGS) {
                    spellings.putIfAbsent(normalized, e.text());
                }
            } else if (!dir.equals(simple)) {
                if (nested.size() >= MAX_NESTED) {
                    throw new PageReadException("the root page " + Texts.quote(rel(simple)) + " links more than "
                            + MAX_NESTED + " project folders outside its own folder");
                }
                String display = ProjectName.isValid(e.text()) ? e.text() : name;
                nested.add(new ProjectRef(name, display, dir.toUri(), true, true, null, false));
            }
            return Optional.empty();
        }
    }

    @Override
    public List<ProjectRef> projects(RootIndex index) throws IOException {
        if (projectFolder) {
            return List.of(new ProjectRef(simple.getFileName() == null ? "" : simple.getFileName().toString(),
                    simple.getFileName() == null ? display() : simple.getFileName().toString(), simple.toUri(), false,
                    true, evidence, severalNames));
        }
        Index idx = index instanceof Index i ? i : new Index();
        TreeMap<String, ProjectRef> refs = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(simple)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!hasPage(d)) {
                    continue;
                }
                String name = d.getFileName().toString();
                String normalized = ProjectName.normalize(name);
                refs.putIfAbsent(normalized, new ProjectRef(name, idx.spellings.getOrDefault(normalized, name),
                        d.toUri(), idx.linked.contains(normalized), true, null, false));
            }
        } catch (IOException e) {
            throw new PageReadException("cannot list " + Texts.quote(rel(simple)), e);
        }
        for (ProjectRef n : idx.nested) {
            refs.putIfAbsent(ProjectName.normalize(n.pathName()), n);
        }
        List<ProjectRef> out = new ArrayList<>(refs.values());
        if (limits().maxProjects() >= 0 && out.size() > limits().maxProjects()) {
            return List.copyOf(out.subList(0, limits().maxProjects()));
        }
        return out;
    }

    @Override
    public List<RawProject> project(ProjectRef ref) throws IOException {
        List<RawProject> pages = new ArrayList<>();
        Path dir = Path.of(ref.uri());
        String name = dir.getFileName() == null ? ref.display() : dir.getFileName().toString();
        for (String file : List.of("index.html", "index.json")) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                pages.add(Pages.project(LocalFiles.open(p, limits().maxPageBytes(), rel(p)), name, dir.toUri()));
            }
        }
        return pages;
    }

    /**
     * Maps a {@code file:} URI that a root-relative link ({@code /simple/foo/}, {@code /files/x.whl}) produced to
     * the same path under the site root, the way a web server serving the folder at its root would.
     *
     * @param uri a resolved link
     * @return the URI inside the site when it was outside and the mapped file exists, else {@code uri}
     */
    @Override
    public URI mapLocal(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return uri;
        }
        Path p;
        try {
            p = Path.of(uri).normalize();
        } catch (IllegalArgumentException e) {
            return uri;
        }
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
}
