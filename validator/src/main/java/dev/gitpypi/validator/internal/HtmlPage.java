package dev.gitpypi.validator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an HTML page says, as written (entity-decoded), with line numbers: the raw material for both the reader
 * and the rules. Root pages are streamed: their anchors go to a sink instead of {@link #anchors}.
 */
public final class HtmlPage {
    /** One {@code <meta name=... content=...>}. */
    public record Meta(String name, @Nullable String content, int line, boolean inHead) {
    }

    /**
     * One {@code <a>}.
     *
     * @param line the 1-based line
     * @param href the href as written and entity-decoded, or null when absent
     * @param text the trimmed text
     * @param attributes attribute names (lower case) to values; a null value is an attribute without value
     * @param rawAngleInRequiresPython whether the raw source of {@code data-requires-python} holds {@code <} or
     *     {@code >} unescaped (P503-13)
     */
    public record Anchor(int line, @Nullable String href, String text, Map<String, @Nullable String> attributes,
            boolean rawAngleInRequiresPython) {
        /**
         * An attribute.
         *
         * @param name the lower-case name
         * @return the value, or empty when absent or without value
         */
        public Optional<String> attribute(String name) {
            return Optional.ofNullable(attributes.get(name));
        }

        /**
         * Whether an attribute is present without a value.
         *
         * @param name the lower-case name
         * @return true for {@code <a name>}
         */
        public boolean bare(String name) {
            return attributes.containsKey(name) && attributes.get(name) == null;
        }
    }

    boolean doctype;
    @Nullable String title;
    @Nullable String baseHref;
    int baseLine;
    final List<Meta> metas = new ArrayList<>();
    final List<Anchor> anchors = new ArrayList<>();
    int anchorCount;

    /** @return whether the page starts with a doctype */
    public boolean doctype() {
        return doctype;
    }

    /** @return the text of the first {@code <title>}, if any */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** @return the first {@code <base href>}, if any */
    public Optional<String> baseHref() {
        return Optional.ofNullable(baseHref);
    }

    /** @return the line of the base element */
    public int baseLine() {
        return baseLine;
    }

    /** @return the meta elements with a name */
    public List<Meta> metas() {
        return metas;
    }

    /**
     * The first meta of a name.
     *
     * @param name the name, such as {@code pypi:repository-version}
     * @return the meta
     */
    public Optional<Meta> meta(String name) {
        for (Meta m : metas) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** @return the anchors (empty for a streamed page) */
    public List<Anchor> anchors() {
        return anchors;
    }

    /** @return the number of anchors seen, streamed or kept */
    public int anchorCount() {
        return anchorCount;
    }
}
