package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A project a site has or links to.
 *
 * @param pathName the name its folder or URL gives (the last segment, decoded), or null for a lone page file that is
 *     not an {@code index.html}/{@code index.json} in a folder
 * @param display how messages name it (the root anchor text when valid, else the path name)
 * @param uri the page URI (folder: the directory)
 * @param onRoot whether the root page lists it
 * @param exists whether a page exists (folders only; HTTP pages are assumed to)
 * @param evidence the name the page itself gives (a "Links for NAME" title, the common name of its files), known
 *     for lone page files only, or null
 * @param severalNames whether the page's files name several projects: then a folder name that is not the page's
 *     evidence says nothing (a find-links page in some folder), known for lone pages and project folders only
 */
public record ProjectRef(@Nullable String pathName, String display, URI uri, boolean onRoot, boolean exists,
        @Nullable String evidence, boolean severalNames) {
    /** @return the normalized path name, or null */
    public @Nullable String normalized() {
        return pathName == null ? null : ProjectName.normalize(pathName);
    }

    /**
     * The project a page belongs to, in this order: what the caller says; the page's PEP 691 {@code name}; the name
     * its folder or URL gives; for a lone file, what the page itself says (a "Links for NAME" title, the common name
     * of its files).
     *
     * @param page the page read for this reference
     * @param explicit the name the caller gives, or null
     * @return the normalized name, or null when none of these names a valid project (the name-dependent rules are
     *     then reported as not checked, never as errors against an empty name)
     */
    public @Nullable String projectOf(RawProject page, @Nullable String explicit) {
        return nameOf(page, explicit).map(ProjectName::normalize).orElse(null);
    }

    /**
     * The spelling of the project's name, for the model: as {@link #projectOf} but keeping the display form.
     *
     * @param page the page read for this reference
     * @param explicit the name the caller gives, or null
     * @return the name as written, if any source gives a valid one
     */
    public java.util.Optional<String> nameOf(RawProject page, @Nullable String explicit) {
        String name = null;
        if (explicit != null && ProjectName.isValid(explicit)) {
            name = explicit;
        } else if (page.json() != null && page.json().path("name").isTextual()
                && ProjectName.isValid(page.json().path("name").asText())) {
            name = page.json().path("name").asText();
        } else if (pathName != null && ProjectName.isValid(pathName) && !severalNames) {
            name = pathName;
        } else if (evidence != null && ProjectName.isValid(evidence)) {
            name = evidence;
        }
        if (name != null && ProjectName.isValid(display)
                && ProjectName.normalize(display).equals(ProjectName.normalize(name))) {
            name = display;
        }
        return java.util.Optional.ofNullable(name);
    }

}
