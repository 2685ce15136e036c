package dev.gitpypi.core.render;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.ReleaseFeed;
import dev.gitpypi.core.internal.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders the site's release feed, {@code feed.xml}: an Atom 1.0 feed (RFC 4287) of the index's releases, newest
 * first, so people can subscribe to a private index's releases. Each entry is one release (project and version) with
 * a date — the earliest upload time of its files; releases whose files carry no upload time are left out, since
 * an Atom entry must have one — linking to its section of the project's page, with the release's summary (else the
 * project's); a yanked release says so in its title.
 *
 * <p>The feed has every element RFC 4287 requires ({@code feed}: {@code id}, {@code title}, {@code updated},
 * {@code author}; {@code entry}: {@code id}, {@code title}, {@code updated}, a link). Ids are the pages' absolute
 * URLs when the site's base URL is known, otherwise {@code urn:uuid:} ids derived from the title, project and
 * version, so they stay the same from build to build; links are then relative to the feed. {@code updated} is the
 * newest entry's date (the Unix epoch for a feed without entries), never the build time, so the bytes are
 * deterministic. At most {@value #MAX_ENTRIES} entries. Immutable and thread-safe.
 */
public final class FeedRenderer {
    /** The most entries a feed holds (the newest releases). */
    public static final int MAX_ENTRIES = ReleaseFeed.MAX_ENTRIES;

    private final String title;
    private final @Nullable String baseUrl;

    private FeedRenderer(String title, @Nullable String baseUrl) {
        this.title = title;
        this.baseUrl = baseUrl;
    }

    /**
     * A renderer.
     *
     * @param title the site's title (the feed's title and author)
     * @param baseUrl the public URL the site is served from, or null when it is not known
     * @return the renderer
     * @throws IllegalArgumentException if the base URL is not an absolute http or https URL without credentials,
     *     query or fragment
     */
    public static FeedRenderer of(String title, @Nullable String baseUrl) {
        return new FeedRenderer(Objects.requireNonNull(title, "title"),
                baseUrl == null ? null : BaseUrls.check(baseUrl));
    }

    /**
     * The feed of an index.
     *
     * @param index the index
     * @return the feed (UTF-8 XML)
     */
    public String render(Index index) {
        List<Releases.OfProject> projects = new ArrayList<>(index.size());
        for (Project p : index.projects().values()) {
            projects.add(Releases.OfProject.of(p));
        }
        return ReleaseFeed.render(title, baseUrl, projects);
    }
}
