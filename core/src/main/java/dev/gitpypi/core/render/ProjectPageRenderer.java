package dev.gitpypi.core.render;

import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.ProjectPage;
import dev.gitpypi.core.internal.Releases;
import java.util.Objects;
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
        return ProjectPage.render(title, baseUrl, project, Releases.of(project));
    }
}
