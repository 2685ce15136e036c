package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.Location;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A root page (project list) as read: HTML or JSON, its entries and what the transport said.
 */
public final class RawRoot {
    /** One project entry of the root page. */
    public record Entry(String text, @Nullable String href, Location location) {
    }

    /** A shape problem noticed while streaming JSON: the rule id, where, and what. */
    public record Issue(String ruleId, Location location, String message) {
    }

    final Fetched.Info info;
    final boolean json;
    @Nullable HtmlPage html;
    @Nullable String jsonApiVersion;
    boolean jsonApiVersionPresent;
    final List<Entry> entries = new ArrayList<>();
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

    /** @return the entries */
    public List<Entry> entries() {
        return entries;
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
