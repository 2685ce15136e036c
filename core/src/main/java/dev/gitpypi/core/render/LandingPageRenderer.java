package dev.gitpypi.core.render;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.Links;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Renders a site's landing page for people ({@code index.html} beside {@code simple/}): the projects with their
 * latest versions and the {@code pip install} line of each. Links inside the site are relative.
 *
 * <p>Immutable and thread-safe.
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
     * @param title the page's title
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
     * The landing page of an index.
     *
     * @param index the index
     * @return the page
     */
    public String render(Index index) {
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
}
