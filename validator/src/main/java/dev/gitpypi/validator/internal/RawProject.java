package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A project page as read: HTML (parsed, with line numbers) or JSON (a tree), the name the site gives it (the
 * directory or URL segment), and what the transport said.
 *
 * @param info where it came from
 * @param pathName the page's directory or last URL segment (decoded), the name the URL says; null for a lone page
 *     file that is not an {@code index.html} or {@code index.json} in a folder
 * @param html the page, when HTML
 * @param json the document, when JSON
 */
public record RawProject(Fetched.Info info, @Nullable String pathName, @Nullable HtmlPage html, @Nullable JsonNode json) {
    /** @return the declared API version, if any */
    public @Nullable String apiVersion() {
        if (html != null) {
            return html.meta("pypi:repository-version").map(HtmlPage.Meta::content).orElse(null);
        }
        if (json != null) {
            JsonNode v = json.path("meta").path("api-version");
            return v.isTextual() ? v.asText() : null;
        }
        return null;
    }
}
