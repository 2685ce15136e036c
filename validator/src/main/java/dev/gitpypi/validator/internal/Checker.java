package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Runs every rule over a site: root, project pages, HTTP behaviour and, in deep mode, the files. */
public final class Checker {
    private static final List<String> TYPES = List.of("text/html", "application/vnd.pypi.simple.v1+html",
            "application/vnd.pypi.simple.v1+json");

    private final Site site;
    private final Sink sink;
    private final RootRules rootRules;
    private final HtmlProjectRules htmlRules;
    private final JsonProjectRules jsonRules;
    private final FileNameRules fileRules;
    private final int httpProbes;
    private final @Nullable DeepChecks deep;
    private final @Nullable String project;

    /**
     * Creates a checker.
     *
     * @param site the site
     * @param sink where findings go
     * @param httpProbes how many projects get the HTTP behaviour probes
     * @param deep the deep checks, or null
     * @param project the project a lone project page belongs to, as the caller says, or null
     */
    public Checker(Site site, Sink sink, int httpProbes, @Nullable DeepChecks deep, @Nullable String project) {
        this.site = site;
        this.sink = sink;
        this.rootRules = new RootRules(sink);
        this.htmlRules = new HtmlProjectRules(sink);
        this.jsonRules = new JsonProjectRules(sink);
        this.fileRules = new FileNameRules(sink);
        this.httpProbes = httpProbes;
        this.deep = deep;
        this.project = project;
    }

    private Consumer<RawRoot.Entry> entries(Sink to, RootIndex index) {
        RootRules.Entries rules = new RootRules(to).entries();
        return e -> {
            rules.accept(e, !e.location().pointer().isEmpty());
            index.add(e).ifPresent(problem -> to.report(Rule.P503_02, e.location(), problem));
        };
    }

    /**
     * Runs the checks.
     *
     * @throws IOException on I/O failure
     */
    public void run() throws IOException {
        RootIndex index = site.rootIndex();
        Optional<RawRoot> root;
        if (site instanceof HttpSite) {
            root = site.root(entries(sink, index), true);
        } else {
            // Tracking source positions costs about a third of the parse of a large root page, and line numbers
            // are only needed for findings: check without them first, and read again with them only when the
            // entries have findings.
            Sink trial = new Sink();
            root = site.root(entries(trial, index), false);
            if (!trial.findings().isEmpty()) {
                index = site.rootIndex();
                root = site.root(entries(sink, index), true);
            }
        }
        if (root.isPresent()) {
            RawRoot r = root.get();
            if (r.info().status() >= 400) {
                sink.report(Rule.P503_01, Location.of(r.info().resource()), "the root page answers HTTP "
                        + r.info().status());
            }
            rootRules.root(r);
            mediaType(r.info(), r.json());
            if (site instanceof HttpSite && r.info().isHttp()) {
                vary(r.info(), r.json(), r.info().uri());
            }
        } else if (site.scope() == Site.Scope.SITE) {
            sink.report(Rule.P503_01, Location.of(site.display()), "the index has no root page (index.html)");
        }
        int probes = 0;
        for (ProjectRef ref : site.projects(index)) {
            if (root.isPresent() && !ref.onRoot()) {
                sink.report(Rule.P503_01, Location.of(site.resourceOf(ref)), "project page "
                        + Texts.quote(String.valueOf(ref.normalized())) + " is not listed on the root page");
            }
            List<RawProject> pages = site.project(ref);
            boolean first = true;
            for (RawProject page : pages) {
                if (page.info().status() >= 400) {
                    sink.report(Rule.P503_02, Location.of(page.info().resource()), "the project page of "
                            + Texts.quote(ref.display()) + " answers HTTP " + page.info().status());
                    continue;
                }
                String name = ref.projectOf(page, project);
                if (first) {
                    pathNames(ref, page);
                }
                ModelBuilder.Page parsed = page.html() != null
                        ? ModelBuilder.html(page.html(), page.info().resource(), page.info().uri())
                        : ModelBuilder.json(page.json(), page.info().resource(), page.info().uri());
                if (page.html() != null) {
                    htmlRules.check(page, name, parsed);
                } else {
                    jsonRules.check(page, name, parsed);
                }
                mediaType(page.info(), page.json() != null);
                Compat.PageVerdict pv = Compat.page(page, parsed.links());
                if (first) {
                    fileRules.check(name, parsed.links());
                    for (ReadLink l : parsed.links()) {
                        sink.verdict(Compat.link(name, l, pv));
                        if (deep != null) {
                            deep.check(l, site);
                        }
                    }
                }
                first = false;
            }
            if (pages.size() == 2 && pages.get(0).html() != null && pages.get(1).json() != null) {
                Optional<int[]> html = RuleSupport.apiVersion(pages.get(0).apiVersion());
                Optional<int[]> json = RuleSupport.apiVersion(pages.get(1).apiVersion());
                if (html.isPresent() && json.isPresent() && html.get()[0] != json.get()[0]) {
                    sink.report(Rule.P629_06, Location.of(pages.get(1).info().resource()), "the JSON page declares"
                            + " api-version " + pages.get(1).apiVersion() + ", the HTML page "
                            + pages.get(0).apiVersion() + ": their major versions differ");
                }
            }
            if (site instanceof HttpSite http && probes < httpProbes && !pages.isEmpty()
                    && pages.get(0).info().status() < 400) {
                probes++;
                probe(http, ref, pages.get(0));
            }
        }
    }

    /** P503-03: the page lives at its normalized name; P691-07: a JSON page's name is the project of its URL. */
    private void pathNames(ProjectRef ref, RawProject page) {
        String pathName = ref.pathName();
        if (pathName == null) {
            return;
        }
        String normalized = ProjectName.normalize(pathName);
        if (!pathName.equals(normalized)) {
            sink.report(Rule.P503_03, Location.of(page.info().resource()), "the project page is at "
                    + Texts.quote(pathName) + ", not at its normalized name " + Texts.quote(normalized));
        }
        if (page.json() != null && page.json().path("name").isTextual() && project == null) {
            String name = page.json().path("name").asText();
            if (ProjectName.isValid(name) && !ProjectName.normalize(name).equals(normalized)) {
                sink.report(Rule.P691_07, Location.pointer(page.info().resource(), "/name"), "name "
                        + Texts.quote(name) + " is not the project of this page's "
                        + (site instanceof HttpSite ? "URL" : "folder") + " (" + Texts.quote(pathName) + ")");
            }
        }
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

    private void probe(HttpSite http, ProjectRef ref, RawProject page) throws IOException {
        HttpAccess access = http.http().orElseThrow();
        URI uri = page.info().uri();
        String path = uri.getRawPath();
        if (path != null && path.endsWith("/") && path.length() > 1) {
            URI noSlash = uri.resolve(path.substring(0, path.length() - 1));
            try (Fetched f = access.get(noSlash, HttpAccess.ACCEPT_UV, site.limits().maxPageBytes(), false)) {
                String location = f.header("location").orElse(null);
                boolean redirects = f.status() >= 300 && f.status() < 400 && location != null
                        && Urls.resolve(noSlash, location.strip()).map(u -> path.equals(u.getRawPath()))
                                .orElse(false);
                if (!redirects) {
                    sink.report(Rule.P503_04, Severity.WARNING, Location.of(Urls.safe(noSlash)),
                            "a request without the trailing slash answers " + f.status()
                                    + " instead of redirecting to " + Texts.quote(path));
                }
            }
            vary(page.info(), page.json() != null, page.info().uri());
            String normalized = ref.normalized();
            if (normalized == null) {
                return;
            }
            String variant = normalized.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!variant.equals(normalized)) {
                URI other = uri.resolve("../" + variant + "/");
                try (Fetched f = access.get(other, HttpAccess.ACCEPT_UV, site.limits().maxPageBytes(), false)) {
                    if (f.status() >= 400) {
                        sink.report(Rule.P503_05, Location.of(Urls.safe(other)), "a request for the non-normalized"
                                + " name answers " + f.status() + " (a redirect to the normalized URL is allowed)");
                    }
                }
            }
        }
    }
}
