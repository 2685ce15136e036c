package dev.gitpypi.core.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Project;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the pages for people share: the page frame (head, header, footer) with its one stylesheet and one small
 * script, the install line, dates, sizes, and which links from outside may become anchors. Every value goes
 * through {@link Html#escape}. Stateless and thread-safe.
 */
public final class PeoplePages {
    /** The stylesheet's path in the site. */
    public static final String STYLESHEET = "style.css";
    /** The script's path in the site. */
    public static final String SCRIPT = "site.js";
    /**
     * The {@code <meta name="generator">} value of every page for people: what tells a reader (the validator) that
     * a page outside {@code simple/} is no index page even when it links to distribution files. No version, so the
     * bytes stay the same from one gitpypi release to the next.
     */
    public static final String GENERATOR = "gitpypi";

    private static final String HTTPS = "https";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final byte[] STYLE_BYTES = resource(STYLESHEET);
    private static final byte[] SCRIPT_BYTES = resource(SCRIPT);
    /** Labels of {@code Project-URL} entries that name the source repository, best first (lower case). */
    private static final List<String> SOURCE_LABELS = List.of("source", "source code", "repository", "code",
            "github", "gitlab", "homepage", "home");

    private PeoplePages() {
    }

    /** @return the stylesheet's bytes */
    public static byte[] stylesheet() {
        return STYLE_BYTES.clone();
    }

    /** @return the script's bytes */
    public static byte[] script() {
        return SCRIPT_BYTES.clone();
    }

    private static byte[] resource(String name) {
        try (InputStream in = PeoplePages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a page: doctype, head (title, description, stylesheet, script), the header with the site's title.
     *
     * @param s where to write
     * @param pageTitle the page's title (text)
     * @param siteTitle the site's title (text)
     * @param root the relative path from the page to the site root: {@code ""} or {@code "../../"}
     * @param extraHead more head elements (already HTML), or ""
     */
    public static void open(StringBuilder s, String pageTitle, String siteTitle, String root, String extraHead) {
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"").append(GENERATOR).append("\">\n")
                .append("<title>").append(Html.escape(pageTitle)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append(STYLESHEET).append("\">\n")
                .append(extraHead)
                .append("<script src=\"").append(root).append(SCRIPT).append("\" defer></script>\n")
                .append("</head>\n<body>\n<header><p><a href=\"").append(root).append("index.html\">")
                .append(Html.escape(siteTitle)).append("</a></p></header>\n<main>\n");
    }

    /**
     * Ends a page.
     *
     * @param s where to write
     * @param root the relative path to the site root
     */
    public static void close(StringBuilder s, String root) {
        s.append("</main>\n<footer><p>A Python package index (<a href=\"").append(root)
                .append("simple/\">simple API</a>, <a href=\"").append(root)
                .append("feed.xml\">release feed</a>), built with gitpypi.</p></footer>\n</body>\n</html>\n");
    }

    /**
     * The install line: with a base URL, the command with the absolute index URL; without one, a sentence that says
     * where the index is and the command with that URL filled in by the script from the page's address.
     *
     * @param s where to write
     * @param baseUrl the site's public URL ending with {@code /}, or null
     * @param root the relative path from the page to the site root
     * @param project the normalized name to install
     */
    public static void install(StringBuilder s, @Nullable String baseUrl, String root, String project) {
        s.append("<div class=\"install\">\n");
        if (baseUrl != null) {
            s.append("<pre><code>pip install --index-url ").append(Html.escape(baseUrl)).append("simple/ ")
                    .append(Html.escape(project)).append("</code></pre>\n");
        } else {
            s.append("<p>Install with pip (or uv) from this index: its address is that of the <a href=\"")
                    .append(root).append("simple/\">simple/</a> folder of this site, given to <code>pip install"
                            + " --index-url</code>.</p>\n")
                    .append("<pre data-index-url=\"").append(root).append("simple/\" hidden><code>pip install"
                            + " --index-url <span class=\"index-url\"></span> ").append(Html.escape(project))
                    .append("</code></pre>\n");
        }
        s.append("</div>\n");
    }

    /**
     * A date for people.
     *
     * @param time the instant
     * @return {@code <time datetime="…">YYYY-MM-DD</time>} (UTC)
     */
    public static String date(Instant time) {
        return "<time datetime=\"" + Timestamps.uploadTime(time) + "\">" + DAY.format(time) + "</time>";
    }

    /**
     * A size for people, in SI units as PyPI shows them.
     *
     * @param bytes the size
     * @return such as {@code 812 bytes}, {@code 12.3 kB}, {@code 4.0 MB}
     */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * Whether a link from the model may become an anchor on a page for people: an absolute {@code http(s)} URL or a
     * relative reference (no scheme); never {@code javascript:}, {@code data:}, {@code file:} or any other scheme.
     *
     * @param url the link
     * @return true if it may be an {@code href}
     */
    public static boolean linkable(String url) {
        // read as a browser reads it: tabs and line breaks removed, leading spaces and controls ignored; then the
        // scheme is what comes before the first ':' if that is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986)
        int length = 0;
        boolean http = true; // the scheme read so far is a prefix of "https", ignoring case
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (length == 0 && c <= ' ')) {
                continue;
            }
            if (c == ':' && length > 0) {
                return http && length >= 4;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (length == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return true; // no scheme: a relative reference
            }
            http &= length < HTTPS.length() && (c | 0x20) == HTTPS.charAt(length);
            length++;
        }
        return true;
    }

    /**
     * The project's source repository for people: the project's source URL, else a {@code Project-URL} labelled as a
     * source or home page, else {@code Home-page}; only http(s) URLs.
     *
     * @param project the project
     * @param metadata the latest release's metadata, if any
     * @return the URL
     */
    public static Optional<String> sourceUrl(Project project, Optional<CoreMetadata> metadata) {
        Optional<String> own = project.sourceUrl().filter(PeoplePages::isHttp);
        if (own.isPresent() || metadata.isEmpty()) {
            return own;
        }
        Map<String, String> urls = metadata.get().projectUrls();
        for (String label : SOURCE_LABELS) {
            for (Map.Entry<String, String> e : urls.entrySet()) {
                if (e.getKey().strip().toLowerCase(Locale.ROOT).equals(label) && isHttp(e.getValue())) {
                    return Optional.of(e.getValue().strip());
                }
            }
        }
        return metadata.get().homePage().map(String::strip).filter(PeoplePages::isHttp);
    }

    private static boolean isHttp(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !Redaction.hasUserInfo(url);
    }
}
