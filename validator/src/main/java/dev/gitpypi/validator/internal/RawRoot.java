package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.Location;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A root page (project list) as read: HTML or JSON and what the transport said. Its entries are streamed to a
 * consumer while the page is read and never kept, so a root page of any length is read in bounded memory.
 */
public final class RawRoot {
    /**
     * One project entry of the root page.
     *
     * @param text the anchor text (HTML) or the {@code name} (JSON)
     * @param href the link as written, or null when the anchor has none
     * @param location where the entry is
     * @param base what the link is relative to: the page's URI, or its {@code <base href>} when one came before
     */
    public record Entry(String text, @Nullable String href, Location location, java.net.URI base) {
    }

    /** A shape problem noticed while streaming JSON: the rule, where, and what. */
    public record Issue(dev.gitpypi.validator.Rule rule, Location location, String message) {
    }

    final Fetched.Info info;
    final boolean json;
    @Nullable HtmlPage html;
    @Nullable String jsonApiVersion;
    boolean jsonApiVersionPresent;
    final List<Issue> issues = new ArrayList<>();

    RawRoot(Fetched.Info info, boolean json) {
        this.info = info;
        this.json = json;
    }

    /** @return where it came from */
    public Fetched.Info info() {
        return info;
    }

    /** @return whether it is a JSON page */
    public boolean json() {
        return json;
    }

    /** @return the HTML page (metas, doctype), or null for JSON */
    public @Nullable HtmlPage html() {
        return html;
    }

    /** @return the JSON {@code meta.api-version} text when it is a string, else null */
    public @Nullable String jsonApiVersion() {
        return jsonApiVersion;
    }

    /** @return shape problems found while streaming */
    public List<Issue> issues() {
        return issues;
    }

    /** @return the declared API version of the page, if any */
    public @Nullable String apiVersion() {
        if (json) {
            return jsonApiVersion;
        }
        HtmlPage h = html;
        return h == null ? null : h.meta("pypi:repository-version").map(HtmlPage.Meta::content).orElse(null);
    }
}
