package dev.gitpypi.core.render;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.BaseUrls;
import dev.gitpypi.core.internal.Releases;
import dev.gitpypi.core.internal.Timestamps;
import dev.gitpypi.core.internal.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
    public static final int MAX_ENTRIES = 200;

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

    /** One release of the feed, with the summary to show (the release's, else the project's latest). */
    private record Entry(Project project, Releases.Release release, Instant date, Optional<String> summary) {
    }

    /**
     * The feed of an index.
     *
     * @param index the index
     * @return the feed (UTF-8 XML)
     */
    public String render(Index index) {
        List<Entry> entries = new ArrayList<>();
        for (Project p : index.projects().values()) {
            List<Releases.Release> releases = Releases.of(p);
            Optional<String> latest = Releases.latest(releases).flatMap(Releases.Release::metadata)
                    .flatMap(CoreMetadata::summary);
            for (Releases.Release r : releases) {
                Optional<Instant> date = r.date();
                if (date.isPresent()) {
                    Optional<String> summary = r.metadata().flatMap(CoreMetadata::summary).or(() -> latest)
                            .map(String::strip).filter(x -> !x.isEmpty());
                    entries.add(new Entry(p, r, date.get(), summary));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::date).reversed()
                .thenComparing(e -> e.project().name().normalized())
                .thenComparing(Comparator.comparing((Entry e) -> e.release().version()).reversed()));
        if (entries.size() > MAX_ENTRIES) {
            entries = entries.subList(0, MAX_ENTRIES);
        }
        String updated = Timestamps.uploadTime(entries.isEmpty() ? Instant.EPOCH : entries.get(0).date());
        String root = baseUrl == null ? "" : baseUrl;
        StringBuilder s = new StringBuilder(1024 + 512 * entries.size());
        s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>").append(Xml.escape(title)).append("</title>\n")
                .append("<subtitle>New releases of ").append(Xml.escape(title)).append("</subtitle>\n")
                .append("<id>").append(Xml.escape(baseUrl != null ? baseUrl : uuid("feed\n" + title))).append("</id>\n")
                .append("<updated>").append(updated).append("</updated>\n")
                .append("<author><name>").append(Xml.escape(title)).append("</name></author>\n")
                .append("<generator>gitpypi</generator>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(root))
                .append("index.html\"/>\n");
        if (baseUrl != null) {
            s.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(baseUrl))
                    .append("feed.xml\"/>\n");
        }
        for (Entry e : entries) {
            String name = e.project().name().normalized();
            String version = e.release().version().toString();
            String page = root + "project/" + name + "/index.html#v" + version;
            s.append("<entry>\n<title>").append(Xml.escape(e.project().name().display() + " " + version
                    + (e.release().yanked() ? " (yanked)" : "")))
                    .append("</title>\n<id>").append(Xml.escape(baseUrl != null ? page
                            : uuid("release\n" + title + "\n" + name + "\n" + version)))
                    .append("</id>\n<updated>").append(Timestamps.uploadTime(e.date())).append("</updated>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(page))
                    .append("\"/>\n");
            if (e.summary().isPresent()) {
                s.append("<summary>").append(Xml.escape(e.summary().get())).append("</summary>\n");
            }
            s.append("</entry>\n");
        }
        s.append("</feed>\n");
        return s.toString();
    }

    /** A name-based (version 3) UUID URN: the same text always gives the same id. */
    private static String uuid(String text) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("gitpypi\n" + text).getBytes(StandardCharsets.UTF_8));
    }
}
