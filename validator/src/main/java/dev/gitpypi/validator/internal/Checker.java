package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Severity;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs every rule over a site: root, project pages, HTTP behaviour and, in deep mode, the files. */
public final class Checker {
    private static final List<String> TYPES = List.of("text/html", "application/vnd.pypi.simple.v1+html",
            "application/vnd.pypi.simple.v1+json");

    private final Site site;
    private final Sink sink;
    private final PageRules rules;
    private final int httpProbes;
    private final @org.jspecify.annotations.Nullable DeepChecks deep;

    /**
     * Creates a checker.
     *
     * @param site the site
     * @param sink where findings go
     * @param httpProbes how many projects get the HTTP behaviour probes
     * @param deep the deep checks, or null
     */
    public Checker(Site site, Sink sink, int httpProbes, @org.jspecify.annotations.Nullable DeepChecks deep) {
        this.site = site;
        this.sink = sink;
        this.rules = new PageRules(sink);
        this.httpProbes = httpProbes;
        this.deep = deep;
    }

    /**
     * Runs the checks.
     *
     * @throws IOException on I/O failure
     */
    public void run() throws IOException {
        boolean keep = site.mode() != Site.Mode.FILE;
        Optional<RawRoot> root;
        if (site.mode() == Site.Mode.HTTP) {
            PageRules.RootEntries entries = rules.rootEntries();
            root = site.root(e -> entries.accept(e, !e.location().pointer().isEmpty()), keep, true);
        } else {
            // Tracking source positions costs about a third of the parse of a large root page, and line numbers
            // are only needed for findings: check without them first, and read again with them only when the
            // entries have findings.
            Sink trial = new Sink(Map.of());
            PageRules.RootEntries quick = new PageRules(trial).rootEntries();
            root = site.root(e -> quick.accept(e, !e.location().pointer().isEmpty()), keep, false);
            if (!trial.findings().isEmpty()) {
                PageRules.RootEntries entries = rules.rootEntries();
                root = site.root(e -> entries.accept(e, !e.location().pointer().isEmpty()), keep, true);
            }
        }
        if (root.isPresent()) {
            RawRoot r = root.get();
            if (r.info().status() >= 400) {
                sink.report(Rule.P503_01, Location.of(r.info().resource()), "the root page answers HTTP "
                        + r.info().status());
            }
            rules.root(r);
            mediaType(r.info(), r.json());
            if (site.mode() == Site.Mode.HTTP && r.info().isHttp()) {
                vary(r.info(), r.json(), r.info().uri());
            }
        } else if (site.mode() == Site.Mode.FOLDER) {
            sink.report(Rule.P503_01, Location.of(site.display()), "the index has no root page (index.html)");
        }
        int probes = 0;
        for (Site.ProjectRef ref : site.projects(root.orElse(null))) {
            String res = ref.uri().toString();
            if (root.isPresent() && !ref.onRoot()) {
                sink.report(Rule.P503_01, Location.of(site.mode() == Site.Mode.FOLDER ? relative(ref) : res),
                        "project page " + Texts.quote(ref.normalized()) + " is not listed on the root page");
            }
            if (!ref.exists()) {
                sink.report(Rule.P503_02, Location.of(root.get().info().resource()), "the root links "
                        + Texts.quote(ref.display()) + " to " + Texts.quote(relative(ref))
                        + ", which is no project page");
                continue;
            }
            List<RawProject> pages = site.project(ref);
            boolean first = true;
            for (RawProject page : pages) {
                if (page.info().status() >= 400) {
                    sink.report(Rule.P503_02, Location.of(page.info().resource()), "the project page of "
                            + Texts.quote(ref.display()) + " answers HTTP " + page.info().status());
                    continue;
                }
                String pathName = site.mode() == Site.Mode.FILE ? ref.normalized() : PageRules.pathName(ref.uri());
                String project = ProjectName.normalize(pathName);
                if (site.mode() != Site.Mode.FILE && !pathName.equals(project) && first) {
                    sink.report(Rule.P503_03, Location.of(page.info().resource()), "the project page is at "
                            + Texts.quote(pathName) + ", not at its normalized name "
                            + Texts.quote(project));
                }
                ModelBuilder.Page parsed = page.html() != null
                        ? ModelBuilder.html(page.html(), page.info().resource(), page.info().uri())
                        : ModelBuilder.json(page.json(), page.info().resource(), page.info().uri());
                if (page.html() != null) {
                    rules.htmlProject(page, project, parsed);
                } else {
                    rules.jsonProject(page, project, parsed);
                }
                mediaType(page.info(), page.json() != null);
                Compat.PageVerdict pv = Compat.page(page, parsed.links());
                if (first) {
                    rules.fileNames(project, parsed.links());
                    for (ReadLink l : parsed.links()) {
                        sink.verdict(Compat.link(project, l, pv));
                        if (deep != null) {
                            deep.check(l, site);
                        }
                    }
                }
                first = false;
            }
            if (pages.size() == 2 && pages.get(0).html() != null && pages.get(1).json() != null) {
                Optional<int[]> html = PageRules.apiVersion(pages.get(0).apiVersion());
                Optional<int[]> json = PageRules.apiVersion(pages.get(1).apiVersion());
                if (html.isPresent() && json.isPresent() && html.get()[0] != json.get()[0]) {
                    sink.report(Rule.P629_06, Location.of(pages.get(1).info().resource()), "the JSON page declares"
                            + " api-version " + pages.get(1).apiVersion() + ", the HTML page "
                            + pages.get(0).apiVersion() + ": their major versions differ");
                }
            }
            if (site.mode() == Site.Mode.HTTP && probes < httpProbes && !pages.isEmpty()
                    && pages.get(0).info().status() < 400) {
                probes++;
                probe(ref, pages.get(0));
            }
        }
    }

    private String relative(Site.ProjectRef ref) {
        return ref.uri().getScheme() != null && ref.uri().getScheme().equals("file")
                ? java.nio.file.Path.of(ref.uri()).getFileName() + "/" : Urls.safe(ref.uri());
    }

    private void mediaType(Fetched.Info info, boolean json) {
        if (!info.isHttp()) {
            return;
        }
        Location loc = Location.of(info.resource());
        String ct = info.contentType();
        if (ct == null) {
            sink.report(Rule.P691_01, loc, "the response has no Content-Type");
            return;
        }
        int semi = ct.indexOf(';');
        String media = semi >= 0 ? ct.substring(0, semi) : ct;
        String lower = media.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/vnd.pypi.simple.latest")) {
            sink.report(Rule.P691_01, loc, "Content-Type " + Texts.quote(ct)
                    + " must name the concrete version (v1), not latest");
        } else if (!TYPES.contains(lower)) {
            sink.report(Rule.P691_01, loc, "Content-Type " + Texts.quote(ct)
                    + " is not a simple-API type; pip skips the page (PIP-02), uv fails (UV-01)");
        } else if (!TYPES.contains(media)) {
            sink.report(Rule.P503_15, loc, "Content-Type " + Texts.quote(ct)
                    + " is not written exactly (lower case, no space before ;); uv rejects it (UV-01)");
        } else if (json != lower.endsWith("json")) {
            sink.report(Rule.P691_01, loc, "Content-Type " + Texts.quote(ct) + " does not match the "
                    + (json ? "JSON" : "HTML") + " body");
        }
    }

    private void vary(Fetched.Info first, boolean firstJson, URI uri) throws IOException {
        HttpAccess http = site.http().orElseThrow();
        String accept = firstJson ? HttpAccess.ACCEPT_HTML : "application/vnd.pypi.simple.v1+json";
        try (Fetched other = http.get(uri, accept, site.limits().maxPageBytes())) {
            String ct = String.valueOf(other.contentType()).toLowerCase(Locale.ROOT);
            boolean otherJson = ct.contains("json");
            if (otherJson != firstJson && other.status() == 200) {
                for (Fetched.Info info : List.of(first, other.info())) {
                    String vary = String.join(",", info.headers().getOrDefault("vary", List.of()))
                            .toLowerCase(Locale.ROOT);
                    if (!vary.contains("accept") && !vary.contains("*")) {
                        sink.report(Rule.P691_02, Location.of(info.resource()), "the server negotiates HTML and"
                                + " JSON on Accept but the response has no Vary: Accept");
                        break;
                    }
                }
            }
        }
    }

    private void probe(Site.ProjectRef ref, RawProject page) throws IOException {
        HttpAccess http = site.http().orElseThrow();
        URI uri = page.info().uri();
        String path = uri.getRawPath();
        if (path != null && path.endsWith("/") && path.length() > 1) {
            URI noSlash = uri.resolve(path.substring(0, path.length() - 1));
            try (Fetched f = http.get(noSlash, HttpAccess.ACCEPT_UV, site.limits().maxPageBytes(), false)) {
                String location = f.header("location").orElse(null);
                boolean redirects = f.status() >= 300 && f.status() < 400 && location != null
                        && noSlash.resolve(location.strip()).getRawPath().equals(path);
                if (!redirects) {
                    sink.report(Rule.P503_04, Severity.WARNING, Location.of(Urls.safe(noSlash)),
                            "a request without the trailing slash answers " + f.status()
                                    + " instead of redirecting to " + Texts.quote(path));
                }
            }
            vary(page.info(), page.json() != null, page.info().uri());
            String normalized = ref.normalized();
            String variant = normalized.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!variant.equals(normalized)) {
                URI other = uri.resolve("../" + variant + "/");
                try (Fetched f = http.get(other, HttpAccess.ACCEPT_UV, site.limits().maxPageBytes(), false)) {
                    if (f.status() >= 400) {
                        sink.report(Rule.P503_05, Location.of(Urls.safe(other)), "a request for the non-normalized"
                                + " name answers " + f.status() + " (a redirect to the normalized URL is allowed)");
                    }
                }
            }
        }
    }

}
