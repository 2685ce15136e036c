package dev.gitpypi.core.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Project;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Atom feed of releases; see {@code dev.gitpypi.core.render.FeedRenderer}. Stateless. */
public final class ReleaseFeed {
    /** The most entries a feed holds (the newest releases). */
    public static final int MAX_ENTRIES = 200;

    private ReleaseFeed() {
    }

    /** One release of the feed, with the summary to show (the release's, else the project's latest). */
    private record Entry(Project project, Releases.Release release, Instant date, Optional<String> summary) {
    }

    /**
     * The feed.
     *
     * @param title the site's title
     * @param baseUrl the site's public URL ending with {@code /}, or null
     * @param projects the projects with their releases
     * @return the feed (UTF-8 XML)
     */
    public static String render(String title, @Nullable String baseUrl, List<Releases.OfProject> projects) {
        List<Entry> entries = new ArrayList<>();
        for (Releases.OfProject of : projects) {
            Project p = of.project();
            List<Releases.Release> releases = of.releases();
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
