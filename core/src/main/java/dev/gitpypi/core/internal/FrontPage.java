package dev.gitpypi.core.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Project;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The front page for people; see {@code dev.gitpypi.core.render.LandingPageRenderer}. Stateless. */
public final class FrontPage {
    private FrontPage() {
    }

    /**
     * The front page.
     *
     * @param title the site's title
     * @param baseUrl the site's public URL ending with {@code /}, or null
     * @param projects the projects with their releases, in name order
     * @return the page
     */
    public static String render(String title, @Nullable String baseUrl, List<Releases.OfProject> projects) {
        StringBuilder s = new StringBuilder(2048 + 256 * projects.size());
        String feed = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + Html.escape(title)
                + ": releases\" href=\"feed.xml\">\n";
        PeoplePages.open(s, title, title, "", feed);
        s.append("<h1>").append(Html.escape(title)).append("</h1>\n<p>A Python package index with ")
                .append(projects.size()).append(projects.size() == 1 ? " project" : " projects")
                .append(". New releases are in the <a href=\"feed.xml\">release feed</a>.</p>\n");
        if (!projects.isEmpty()) {
            PeoplePages.install(s, baseUrl, "", projects.get(0).project().name().normalized());
        }
        s.append("<h2 id=\"projects-heading\">Projects</h2>\n")
                .append("<form id=\"filter\" class=\"filter\" role=\"search\" hidden><label for=\"filter-input\">"
                        + "Filter projects</label> <input id=\"filter-input\" type=\"search\" autocomplete=\"off\""
                        + " spellcheck=\"false\"> <span id=\"filter-status\" aria-live=\"polite\"></span></form>\n")
                .append("<table id=\"projects\" class=\"projects\" aria-labelledby=\"projects-heading\">\n<thead><tr>"
                        + "<th scope=\"col\">Project</th><th scope=\"col\">Latest version</th>"
                        + "<th scope=\"col\">Summary</th><th scope=\"col\">Released</th></tr></thead>\n<tbody>\n");
        for (Releases.OfProject p : projects) {
            row(s, p.project(), p.releases());
        }
        s.append("</tbody>\n</table>\n");
        PeoplePages.close(s, "");
        return s.toString();
    }

    private static void row(StringBuilder s, Project p, List<Releases.Release> releases) {
        Optional<Releases.Release> latest = Releases.latest(releases);
        Optional<CoreMetadata> metadata = latest.flatMap(Releases.Release::metadata);
        s.append("<tr><td><a href=\"project/").append(p.name().normalized()).append("/index.html\">")
                .append(Html.escape(p.name().display())).append("</a>");
        if (!p.status().isDefault()) {
            s.append(" <span class=\"badge status\">").append(p.status().marker().value()).append("</span>");
        }
        s.append("</td><td>").append(latest.map(r -> Html.escape(r.version().toString())).orElse(""))
                .append("</td><td>").append(metadata.flatMap(CoreMetadata::summary).map(x -> Html.escape(x.strip()))
                        .orElse(""))
                .append("</td><td class=\"date\">")
                .append(latest.flatMap(Releases.Release::date).map(PeoplePages::date).orElse(""))
                .append("</td></tr>\n");
    }
}
