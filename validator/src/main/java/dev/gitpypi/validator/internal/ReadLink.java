package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.validator.Location;
import org.jspecify.annotations.Nullable;

/**
 * One link of a project page: the distribution it becomes in the model, where it is, and what was written.
 *
 * @param distribution the model value
 * @param location the anchor's line or the file object's pointer
 * @param href the link target as written (HTML href, JSON url), fragment included
 * @param resolved the absolute link target, or null when it cannot be resolved
 * @param anchor the HTML anchor, or null
 * @param node the JSON file object, or null
 */
public record ReadLink(Distribution distribution, Location location, String href, java.net.@Nullable URI resolved,
        HtmlPage.@Nullable Anchor anchor, @Nullable JsonNode node) {
}
