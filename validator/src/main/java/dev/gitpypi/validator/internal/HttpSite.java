package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.NotAnIndexException;
import dev.gitpypi.validator.PageReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An http(s) URL: a root page, a project page, or a site whose landing page links to its index (or that has one at
 * {@code simple/} below it). Pages are requested with uv's {@code Accept} header (JSON preferred), so a server that
 * negotiates is read as installers read it.
 */
public final class HttpSite extends SiteBase implements Site {
    private final URI url;
    private final boolean projectPage;
    private final @Nullable String resolved;
    private final HttpAccess http;
    private Fetched.@Nullable Info cachedInfo;
    private byte @Nullable [] cachedBody;

    private HttpSite(Limits limits, String display, URI url, boolean projectPage, @Nullable String resolved,
            HttpAccess http, Fetched.@Nullable Info cachedInfo, byte @Nullable [] cachedBody) {
        super(limits, display);
        this.url = url;
        this.projectPage = projectPage;
        this.resolved = resolved;
        this.http = http;
        this.cachedInfo = cachedInfo;
        this.cachedBody = cachedBody;
    }

    private record Head(Fetched.Info info, byte[] bytes, boolean complete) {
    }

    /**
     * Opens a URL and judges what it is.
     *
     * @param url the URL, http or https
     * @param http the accessor (carrying the credentials for this index, if any)
     * @param limits the bounds
     * @return the site
     * @throws IOException on a network failure
     * @throws NotAnIndexException when neither the URL nor {@code simple/} below it is an index page
     */
    static HttpSite open(URI url, HttpAccess http, Limits limits) throws IOException {
        String display = Redaction.url(url.toString());
        Head head = head(http, url);
        PageKinds.Verdict v = PageKinds.judge(head.bytes(), head.complete(), head.info().contentType(),
                url.getPath() == null ? "" : url.getPath(), undecided(url));
        switch (v.kind()) {
            case ROOT, PROJECT -> {
                return site(limits, display, url, v.kind() == PageKinds.Kind.PROJECT, null, http, head);
            }
            case LANDING -> {
                Optional<URI> target = Urls.resolve(head.info().uri(), String.valueOf(v.landingHref()));
                if (target.isPresent() && web(target.get())) {
                    Head h = head(http, target.get());
                    PageKinds.Verdict tv = PageKinds.judge(h.bytes(), h.complete(), h.info().contentType(), "",
                            PageKinds.Kind.ROOT);
                    if (tv.kind() == PageKinds.Kind.ROOT) {
                        return site(limits, display, target.get(), false, "the index " + Texts.quote(Redaction.url(
                                target.get().toString())) + " that the landing page links to", http, h);
                    }
                }
            }
            default -> {
            }
        }
        URI below = belowSimple(head.info().uri());
        if (!below.equals(url)) {
            try {
                Head h = head(http, below);
                PageKinds.Verdict bv = PageKinds.judge(h.bytes(), h.complete(), h.info().contentType(), "",
                        PageKinds.Kind.ROOT);
                if (bv.kind() == PageKinds.Kind.ROOT) {
                    return site(limits, display, below, false, "the index found at " + Texts.quote(Redaction.url(
                            below.toString())), http, h);
                }
            } catch (PageReadException e) {
                // nothing there either
            }
        }
        throw new NotAnIndexException("not an index: " + Texts.quote(display) + ": " + (v.kind()
                == PageKinds.Kind.LANDING ? "its link to the index leads to no project list" : v.why())
                + " (looked for a project list, a project page, and an index at simple/ below it)");
    }

    private static PageKinds.Kind undecided(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return PageKinds.lastNonEmptySegment(path).equals("simple") || path.isEmpty() || path.equals("/")
                ? PageKinds.Kind.ROOT : PageKinds.Kind.PROJECT;
    }

    private static HttpSite site(Limits limits, String display, URI url, boolean project, @Nullable String resolved,
            HttpAccess http, Head head) {
        return new HttpSite(limits, display, url, project, resolved, http, head.complete() ? head.info() : null,
                head.complete() ? head.bytes() : null);
    }

    private static boolean web(URI u) {
        String s = String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https");
    }

    private static URI belowSimple(URI page) {
        String path = page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return page.resolve(path + "simple/");
    }

    private static Head head(HttpAccess http, URI u) throws IOException {
        try (Fetched f = http.get(u, HttpAccess.ACCEPT_UV, Long.MAX_VALUE)) {
            if (f.status() >= 500) {
                throw new IOException(Texts.quote(Urls.safe(f.uri())) + " answers HTTP " + f.status()
                        + " (a server error)");
            }
            if (f.status() == 401 || f.status() == 403) {
                throw new PageReadException("cannot read " + Texts.quote(Urls.safe(f.uri())) + ": it answers HTTP "
                        + f.status() + " and needs credentials (user-info in the URL, a ~/.netrc login, or the"
                        + " reader's basic auth, bearer token or header)");
            }
            if (f.status() >= 400) {
                throw new PageReadException("not an index: " + Texts.quote(Urls.safe(f.uri())) + " answers HTTP "
                        + f.status());
            }
            try (InputStream in = f.body()) {
                byte[] bytes = in.readNBytes(PageKinds.HEAD);
                boolean complete = in.read() < 0;
                return new Head(f.info(), bytes, complete);
            }
        }
    }

    @Override
    public Scope scope() {
        return projectPage ? Scope.PROJECT : Scope.SITE;
    }

    @Override
    public Optional<String> resolved() {
        return Optional.ofNullable(resolved);
    }

    @Override
    public Optional<HttpAccess> http() {
        return Optional.of(http);
    }

    /**
     * The remote-index policy (SECURITY): http(s) URLs only, https only when the index is https, and no loopback,
     * private or link-local address unless the index itself is on one.
     */
    @Override
    public Optional<String> refusal(URI uri) {
        return remoteRefusal(uri, url);
    }

    @Override
    public String resourceOf(ProjectRef ref) {
        return Urls.safe(ref.uri());
    }

    private Fetched fetch(URI u, long max) throws IOException {
        if (cachedInfo != null && cachedBody != null && u.equals(url)) {
            Fetched.Info i = cachedInfo;
            return new Fetched(i.resource(), i.uri(), i.status(), i.contentType(), i.headers(), i.redirects(),
                    new ByteArrayInputStream(cachedBody), true);
        }
        return http.get(u, HttpAccess.ACCEPT_UV, max);
    }

    @Override
    public Optional<RawRoot> root(@Nullable Consumer<RawRoot.Entry> sink, boolean lines) throws IOException {
        if (projectPage) {
            return Optional.empty();
        }
        return Optional.of(Pages.root(fetch(url, limits().maxRootPageBytes()), sink, lines));
    }

    @Override
    public RootIndex rootIndex() {
        return new Index();
    }

    /** The root's links, kept compactly up to the limits: the project pages to fetch afterwards. */
    private final class Index implements RootIndex {
        private final TreeMap<String, String[]> links = new TreeMap<>();
        private int count;

        @Override
        public Optional<java.util.function.Supplier<String>> add(RawRoot.Entry e) {
            String href = e.href();
            if (href == null || href.isBlank()) {
                return Optional.empty();
            }
            Optional<URI> target = Urls.resolve(e.base(), href.strip());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            String segment = PageKinds.lastNonEmptySegment(target.get().getRawPath() == null ? ""
                    : target.get().getRawPath());
            String normalized = ProjectName.normalize(segment);
            if (links.containsKey(normalized)) {
                return Optional.empty();
            }
            count++;
            if (limits().maxProjects() < 0 && count > limits().maxRootProjects()) {
                throw new PageReadException("the root page " + Texts.quote(e.location().resource()) + " is too large: it"
                        + " lists more than " + limits().maxRootProjects() + " projects (read fewer with a limit on"
                        + " the projects)");
            }
            links.put(normalized, new String[] {ProjectName.isValid(e.text()) ? e.text() : segment, segment,
                target.get().toString()});
            if (limits().maxProjects() >= 0 && links.size() > limits().maxProjects()) {
                links.pollLastEntry();
            }
            return Optional.empty();
        }
    }

    @Override
    public List<ProjectRef> projects(RootIndex index) {
        if (projectPage) {
            String segment = PageKinds.lastNonEmptySegment(url.getRawPath() == null ? "" : url.getRawPath());
            return List.of(new ProjectRef(segment, segment, url, false, true, null, false));
        }
        List<ProjectRef> out = new ArrayList<>();
        if (index instanceof Index idx) {
            for (Map.Entry<String, String[]> e : idx.links.entrySet()) {
                String[] v = e.getValue();
                out.add(new ProjectRef(v[1], v[0], URI.create(v[2]), true, true, null, false));
            }
        }
        return out;
    }

    @Override
    public List<RawProject> project(ProjectRef ref) throws IOException {
        Fetched f = fetch(ref.uri(), limits().maxPageBytes());
        return List.of(Pages.project(f, ref.pathName(), f.uri()));
    }

    /**
     * Fetches a project page with another Accept header, for the negotiation probes.
     *
     * @param uri the URL
     * @param accept the Accept header
     * @param pathName the name the URL gives
     * @return the page
     * @throws IOException on a network failure
     */
    public RawProject fetchProject(URI uri, String accept, String pathName) throws IOException {
        Fetched f = http.get(uri, accept, limits().maxPageBytes());
        return Pages.project(f, pathName, f.uri());
    }

    /** @return the URL whose pages are read */
    public URI url() {
        return url;
    }
}
