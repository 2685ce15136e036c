package dev.gitpypi.core.render;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.PeoplePages;
import dev.gitpypi.core.internal.Releases;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Renders a site's front page for people ({@code index.html} beside {@code simple/}): every project with its latest
 * version, summary and release date, linking to its {@linkplain ProjectPageRenderer project page}; a filter box
 * that narrows the list as one types (a small script; without JavaScript the page is the plain list); and the
 * {@code pip install --index-url …} line for this site — with absolute URLs when the public base URL is known,
 * otherwise a sentence saying where the index is (the script then fills in the address the page was loaded from),
 * never a placeholder.
 *
 * <p>Links inside the site are relative and name {@code index.html} explicitly, so the pages work under any base
 * path and from {@code file://}. Output is deterministic. Immutable and thread-safe.
 */
public final class LandingPageRenderer {
    private final String title;
    private final @Nullable String baseUrl;

    private LandingPageRenderer(String title, @Nullable String baseUrl) {
        this.title = title;
        this.baseUrl = baseUrl;
    }

    /**
     * A renderer.
     *
     * @param title the site's title
     * @param baseUrl the public URL the site is served from (an absolute http or https URL without credentials,
     *     query or fragment), or null when it is not known
     * @return the renderer
     * @throws IllegalArgumentException if the base URL is not such a URL
     */
    public static LandingPageRenderer of(String title, @Nullable String baseUrl) {
        return new LandingPageRenderer(Objects.requireNonNull(title, "title"),
                baseUrl == null ? null : BaseUrls.check(baseUrl));
    }

    /**
     * The front page of an index.
     *
     * @param index the index
     * @return the page
     */
    public String render(Index index) {
        StringBuilder s = new StringBuilder(2048 + 256 * index.size());
        String feed = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + Html.escape(title)
                + ": releases\" href=\"feed.xml\">\n";
        PeoplePages.open(s, title, title, "", feed);
        s.append("<h1>").append(Html.escape(title)).append("</h1>\n<p>A Python package index with ")
                .append(index.size()).append(index.size() == 1 ? " project" : " projects")
                .append(". New releases are in the <a href=\"feed.xml\">release feed</a>.</p>\n");
        if (!index.projects().isEmpty()) {
            PeoplePages.install(s, baseUrl, "", index.projects().keySet().iterator().next());
        }
        s.append("<h2 id=\"projects-heading\">Projects</h2>\n")
                .append("<form id=\"filter\" class=\"filter\" role=\"search\" hidden><label for=\"filter-input\">"
                        + "Filter projects</label> <input id=\"filter-input\" type=\"search\" autocomplete=\"off\""
                        + " spellcheck=\"false\"> <span id=\"filter-status\" aria-live=\"polite\"></span></form>\n")
                .append("<table id=\"projects\" class=\"projects\" aria-labelledby=\"projects-heading\">\n<thead><tr>"
                        + "<th scope=\"col\">Project</th><th scope=\"col\">Latest version</th>"
                        + "<th scope=\"col\">Summary</th><th scope=\"col\">Released</th></tr></thead>\n<tbody>\n");
        for (Project p : index.projects().values()) {
            row(s, p);
        }
        s.append("</tbody>\n</table>\n");
        PeoplePages.close(s, "");
        return s.toString();
    }

    private static void row(StringBuilder s, Project p) {
        List<Releases.Release> releases = Releases.of(p);
        Optional<Releases.Release> latest = Releases.latest(releases);
        Optional<CoreMetadata> metadata = latest.flatMap(Releases.Release::metadata);
        s.append("<tr><td><a href=\"project/").append(p.name().normalized()).append("/index.html\">")
                .append(Html.escape(p.name().display())).append("</a>");
        if (!p.status().isDefault()) {
            s.append(" <span class=\"badge status\">").append(p.status().marker().value()).append("</span>");
        }
        s.append("</td><td>").append(latest.map(r -> Html.escape(r.version().toString())).orElse(""))
                .append("</td><td>").append(metadata.flatMap(CoreMetadata::summary).map(Html::escape).orElse(""))
                .append("</td><td class=\"date\">")
                .append(latest.flatMap(Releases.Release::date).map(PeoplePages::date).orElse(""))
                .append("</td></tr>\n");
    }
}
