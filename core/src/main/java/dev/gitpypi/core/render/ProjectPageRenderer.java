package dev.gitpypi.core.render;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.internal.PeoplePages;
import dev.gitpypi.core.internal.Readme;
import dev.gitpypi.core.internal.Releases;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Renders a project's page for people, {@code project/NAME/index.html} (PyPI's {@code /project/NAME/}): the latest
 * version with its summary, the install line, requires-python, licence, dependencies, the source repository, the
 * README rendered from the latest release's core metadata (Markdown through commonmark-java, other formats as
 * preformatted text, everything sanitized: a README is untrusted input on the organisation's domain), and the
 * release history — every version newest first in PEP 440 order with its date, pre-release and yanked marks, and
 * its files with sizes and SHA-256 hashes. Only {@code http(s)} and relative links become anchors.
 *
 * <p>The page sits two folders deep, as the simple API's project page does, so the file links the model holds
 * (relative to {@code simple/NAME/}) work here as they are. Output is deterministic. Immutable and thread-safe.
 */
public final class ProjectPageRenderer {
    private static final String ROOT = "../../";

    private final String title;
    private final @Nullable String baseUrl;

    private ProjectPageRenderer(String title, @Nullable String baseUrl) {
        this.title = title;
        this.baseUrl = baseUrl;
    }

    /**
     * A renderer.
     *
     * @param title the site's title
     * @param baseUrl the public URL the site is served from, or null when it is not known
     * @return the renderer
     * @throws IllegalArgumentException if the base URL is not an absolute http or https URL without credentials,
     *     query or fragment
     */
    public static ProjectPageRenderer of(String title, @Nullable String baseUrl) {
        return new ProjectPageRenderer(Objects.requireNonNull(title, "title"),
                baseUrl == null ? null : BaseUrls.check(baseUrl));
    }

    /**
     * A project's page.
     *
     * @param project the project (as hosted: its files' links relative to {@code simple/NAME/})
     * @return the page
     */
    public String render(Project project) {
        List<Releases.Release> releases = Releases.of(project);
        Optional<Releases.Release> latest = Releases.latest(releases);
        Optional<CoreMetadata> metadata = latest.flatMap(Releases.Release::metadata);
        String name = project.name().display();
        String normalized = project.name().normalized();
        StringBuilder s = new StringBuilder(4096 + 512 * project.distributions().size());
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
        return s.toString();
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
        s.append("<h2>Release history</h2>\n");
        if (releases.isEmpty() && unversioned.isEmpty()) {
            s.append("<p>No files are listed.</p>\n");
        }
        for (Releases.Release r : releases) {
            String version = Html.escape(r.version().toString());
            s.append("<section id=\"v").append(version).append("\">\n<h3>").append(version);
            if (r.version().isDevRelease()) {
                s.append(" <span class=\"badge\">development release</span>");
            } else if (r.version().isPrerelease()) {
                s.append(" <span class=\"badge\">pre-release</span>");
            }
            if (r.yanked()) {
                s.append(" <span class=\"badge yanked\">yanked</span>");
            }
            r.date().ifPresent(d -> s.append(" <span class=\"muted\">").append(PeoplePages.date(d)).append("</span>"));
            s.append("</h3>\n");
            r.yankReason().ifPresent(reason -> s.append("<p class=\"yanked\">Yanked: ").append(Html.escape(reason))
                    .append("</p>\n"));
            if (r.files().isEmpty()) {
                s.append("<p class=\"muted\">No files listed for this version.</p>\n");
            } else {
                files(s, r.files());
            }
            s.append("</section>\n");
        }
        if (!unversioned.isEmpty()) {
            s.append("<section id=\"other-files\">\n<h3>Other files</h3>\n");
            files(s, unversioned);
            s.append("</section>\n");
        }
    }

    private static void files(StringBuilder s, List<Distribution> files) {
        s.append("<table class=\"files\">\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Size</th>"
                + "<th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n");
        for (Distribution d : files) {
            s.append("<tr><td>");
            String url = d.kind() == Distribution.Kind.VCS ? d.url() : Links.jsonUrl(d);
            if (d.kind() != Distribution.Kind.VCS && PeoplePages.linkable(url)) {
                s.append("<a href=\"").append(Html.escape(Links.href(d))).append("\">")
                        .append(Html.escape(d.filename())).append("</a>");
            } else if (d.kind() == Distribution.Kind.VCS) {
                s.append("<code>").append(Html.escape(url)).append("</code>");
            } else {
                s.append(Html.escape(d.filename()));
            }
            if (d.isYanked()) {
                s.append(" <span class=\"badge yanked\">yanked</span>");
            }
            s.append("</td><td class=\"size\">").append(d.size().isPresent() ? PeoplePages.size(d.size().getAsLong())
                    : "").append("</td><td class=\"hash\">")
                    .append(d.sha256().filter(Links::isHex).map(Html::escape).orElse("")).append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }
}
