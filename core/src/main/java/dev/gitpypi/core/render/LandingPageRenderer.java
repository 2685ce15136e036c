package dev.gitpypi.core.render;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.FrontPage;
import dev.gitpypi.core.internal.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
        List<Releases.OfProject> projects = new ArrayList<>(index.size());
        for (Project p : index.projects().values()) {
            projects.add(Releases.OfProject.of(p));
        }
        return FrontPage.render(title, baseUrl, projects);
    }
}
