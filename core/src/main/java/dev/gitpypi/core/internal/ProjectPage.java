package dev.gitpypi.core.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A project's page for people; see {@code dev.gitpypi.core.render.ProjectPageRenderer}. Stateless. */
public final class ProjectPage {
    private static final String ROOT = "../../";

    private ProjectPage() {
    }

    /**
     * A project's page.
     *
     * @param title the site's title
     * @param baseUrl the site's public URL ending with {@code /}, or null
     * @param project the project (as hosted: its files' links relative to {@code simple/NAME/})
     * @param releases its releases ({@link Releases#of})
     * @return the page
     */
    public static String render(String title, @Nullable String baseUrl, Project project,
            List<Releases.Release> releases) {
        // about 1.3 kB and 250 bytes a file without metadata (dumb-pypi's package list: 3.4 kB on average)
        StringBuilder s = new StringBuilder(2048 + 320 * project.distributions().size());
        render(s, title, baseUrl, project, releases);
        return s.toString();
    }

    /**
     * Appends a project's page to a builder (the site writer reuses one builder for many pages).
     *
     * @param s where to append
     * @param title the site's title
     * @param baseUrl the site's public URL ending with {@code /}, or null
     * @param project the project (as hosted: its files' links relative to {@code simple/NAME/})
     * @param releases its releases ({@link Releases#of})
     */
    public static void render(StringBuilder s, String title, @Nullable String baseUrl, Project project,
            List<Releases.Release> releases) {
        Optional<Releases.Release> latest = Releases.latest(releases);
        Optional<CoreMetadata> metadata = latest.flatMap(Releases.Release::metadata);
        String name = project.name().display();
        String normalized = project.name().normalized();
        PeoplePages.open(s, name + " · " + title, title, ROOT, "");
        s.append("<h1>").append(Html.escape(name));
        if (latest.isPresent()) {
            s.append(" <span class=\"muted\">").append(Html.escape(latest.get().version().toString()))
                    .append("</span>");
        }
        s.append("</h1>\n");
        Optional<String> summary = metadata.flatMap(CoreMetadata::summary);
        if (summary.isPresent()) {
            s.append("<p class=\"summary\">").append(Html.escape(summary.get().strip())).append("</p>\n");
        }
        status(s, project.status());
        PeoplePages.install(s, baseUrl, ROOT, normalized);
        facts(s, project, latest, metadata);
        Optional<String> description = metadata.flatMap(CoreMetadata::description).filter(d -> !d.isBlank());
        if (description.isPresent()) {
            s.append("<h2>Description</h2>\n<div class=\"readme\">\n")
                    .append(Readme.html(description.get(), metadata.get().descriptionContentType().orElse(null)))
                    .append("\n</div>\n");
        }
        history(s, releases, Releases.unversioned(project));
        PeoplePages.close(s, ROOT);
    }

    private static void status(StringBuilder s, ProjectStatus status) {
        if (status.isDefault()) {
            return;
        }
        String marker = status.marker().value();
        s.append("<p class=\"status\"><strong>This project is ").append(marker).append(".</strong>");
        if (status.marker() == ProjectStatus.Marker.QUARANTINED) {
            s.append(" Its files are not offered for installation.");
        }
        Optional<String> reason = status.reasonText();
        if (reason.isPresent()) {
            s.append(' ').append(Html.escape(reason.get()));
        }
        s.append("</p>\n");
    }

    private static void facts(StringBuilder s, Project project, Optional<Releases.Release> latest,
            Optional<CoreMetadata> metadata) {
        s.append("<dl class=\"facts\">\n");
        if (latest.isPresent()) {
            s.append("<dt>Latest version</dt><dd><a href=\"#v").append(Html.escape(latest.get().version().toString()))
                    .append("\">").append(Html.escape(latest.get().version().toString())).append("</a>");
            latest.get().date().ifPresent(d -> s.append(", released ").append(PeoplePages.date(d)));
            s.append("</dd>\n");
        }
        Optional<String> requiresPython = metadata.flatMap(CoreMetadata::requiresPython)
                .or(() -> latest.flatMap(r -> r.files().stream().flatMap(d -> Links.requiresPython(d).stream())
                        .findFirst()));
        requiresPython.ifPresent(rp -> s.append("<dt>Requires Python</dt><dd><code>").append(Html.escape(rp.strip()))
                .append("</code></dd>\n"));
        Optional<String> license = metadata.flatMap(CoreMetadata::licenseExpression)
                .or(() -> metadata.flatMap(CoreMetadata::license).filter(l -> !l.contains("\n") && l.length() <= 120));
        license.ifPresent(l -> s.append("<dt>License</dt><dd>").append(Html.escape(l.strip())).append("</dd>\n"));
        Optional<String> source = PeoplePages.sourceUrl(project, metadata);
        source.ifPresent(url -> s.append("<dt>Source</dt><dd><a href=\"").append(Html.escape(url))
                .append("\" rel=\"nofollow noopener noreferrer\">").append(Html.escape(url)).append("</a></dd>\n"));
        List<String> requires = metadata.map(CoreMetadata::requiresDist).orElse(List.of());
        if (!requires.isEmpty()) {
            s.append("<dt>Dependencies</dt><dd><ul>\n");
            for (String r : requires) {
                s.append("<li><code>").append(Html.escape(r.strip())).append("</code></li>\n");
            }
            s.append("</ul></dd>\n");
        }
        s.append("</dl>\n");
    }

    private static void history(StringBuilder s, List<Releases.Release> releases, List<Distribution> unversioned) {
        s.append("<h2 id=\"history\">Release history</h2>\n");
        if (releases.isEmpty() && unversioned.isEmpty()) {
            s.append("<p>No files are listed.</p>\n");
            return;
        }
        s.append("<table class=\"files\" aria-labelledby=\"history\">\n<thead><tr><th scope=\"col\">File</th>"
                + "<th scope=\"col\">Size</th><th scope=\"col\">SHA-256</th></tr></thead>\n");
        for (Releases.Release r : releases) {
            String version = Html.escape(r.version().toString());
            s.append("<tbody id=\"v").append(version).append("\">\n<tr class=\"release\"><th colspan=\"3\""
                    + " scope=\"rowgroup\"><h3>").append(version);
            if (r.version().isDevRelease()) {
                s.append(" <span class=\"badge\">development release</span>");
            } else if (r.version().isPrerelease()) {
                s.append(" <span class=\"badge\">pre-release</span>");
            }
            if (r.yanked()) {
                s.append(" <span class=\"badge yanked\">yanked</span>");
            }
            Optional<Instant> date = r.date();
            if (date.isPresent()) {
                s.append(" <span class=\"muted\">").append(PeoplePages.date(date.get())).append("</span>");
            }
            s.append("</h3>");
            Optional<String> reason = r.yankReason();
            if (reason.isPresent()) {
                s.append("<p class=\"yanked\">Yanked: ").append(Html.escape(reason.get())).append("</p>");
            }
            if (r.files().isEmpty()) {
                s.append("<p class=\"muted\">No files listed for this version.</p>");
            }
            s.append("</th></tr>\n");
            files(s, r.files());
            s.append("</tbody>\n");
        }
        if (!unversioned.isEmpty()) {
            s.append("<tbody id=\"other-files\">\n<tr class=\"release\"><th colspan=\"3\" scope=\"rowgroup\">"
                    + "<h3>Other files</h3></th></tr>\n");
            files(s, unversioned);
            s.append("</tbody>\n");
        }
        s.append("</table>\n");
    }

    private static void files(StringBuilder s, List<Distribution> files) {
        for (Distribution d : files) {
            s.append("<tr><td>");
            if (d.kind() == Distribution.Kind.VCS) {
                s.append("<code>").append(Html.escape(d.url())).append("</code>");
            } else if (PeoplePages.linkable(d.url())) { // as linkable(Links.jsonUrl(d)): a fragment has no scheme
                s.append("<a href=\"").append(Html.escape(Links.href(d))).append("\">")
                        .append(Html.escape(d.filename())).append("</a>");
            } else {
                s.append(Html.escape(d.filename()));
            }
            if (d.isYanked()) {
                s.append(" <span class=\"badge yanked\">yanked</span>");
            }
            s.append("</td><td class=\"size\">").append(d.size().isPresent() ? PeoplePages.size(d.size().getAsLong())
                    : "").append("</td><td class=\"hash\">");
            Optional<String> sha256 = d.sha256();
            if (sha256.isPresent() && Links.isHex(sha256.get())) {
                s.append(Html.escape(sha256.get()));
            }
            s.append("</td></tr>\n");
        }
    }
}
