package dev.gitpypi.core.internal;

import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A project's README (the core metadata's {@code Description}) as HTML for its page. The README is untrusted input
 * published on the organisation's own domain, so whatever it says becomes only inert markup:
 *
 * <ul>
 *   <li>{@code text/markdown} is rendered by commonmark-java (CommonMark with GFM tables; raw HTML in it passes to
 *       the next step) and the result is cleaned with jsoup's {@link Safelist#relaxed() relaxed} safelist plus a few
 *       harmless tags: no {@code script}, {@code style}, {@code iframe}, {@code object}, {@code form} or {@code svg}
 *       element, no event handler or {@code style} attribute, links only to {@code http}, {@code https} and
 *       {@code mailto} (so no {@code javascript:} or {@code data:} URL), images only from {@code http(s)}, every link
 *       {@code rel="nofollow noopener noreferrer"}; relative links (to files of the source repository, which the
 *       site does not have) are dropped, their text kept, and images without a source left out; headings move one level down under the page's own;
 *   <li>reStructuredText, plain text and a README without a content type (PyPI reads those as reStructuredText)
 *       are shown as preformatted text, escaped;
 *   <li>a README over {@value #MAX_CHARS} characters is shown as preformatted text, cut there.
 * </ul>
 *
 * <p>The output is deterministic (no pretty printing, sorted nothing, no ids). Stateless and thread-safe.
 */
public final class Readme {
    /** Longer READMEs are not rendered as Markdown but shown cut as preformatted text. */
    public static final int MAX_CHARS = 512 * 1024;

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "del", "ins", "s", "kbd", "samp", "var", "abbr", "details", "summary", "mark")
            .addAttributes("abbr", "title")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private Readme() {
    }

    /**
     * The README as HTML to put inside an element of the page.
     *
     * @param description the description, as written
     * @param contentType its {@code Description-Content-Type}, or null when none is given
     * @return safe HTML
     */
    public static String html(String description, @org.jspecify.annotations.Nullable String contentType) {
        if (isMarkdown(contentType) && description.length() <= MAX_CHARS) {
            return clean(RENDERER.render(PARSER.parse(description)));
        }
        String text = description.length() <= MAX_CHARS ? description
                : description.substring(0, MAX_CHARS) + "\n\n[… the description is longer than " + MAX_CHARS
                        + " characters and was cut here]";
        return "<pre class=\"readme-text\">" + Html.escape(text) + "</pre>";
    }

    /** Whether a {@code Description-Content-Type} names Markdown ({@code text/markdown}, any parameters). */
    static boolean isMarkdown(@org.jspecify.annotations.Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.toLowerCase(Locale.ROOT).equals("text/markdown");
    }

    /** Untrusted HTML made inert with the safelist, headings moved one level down. */
    static String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.body().select("img:not([src])").remove();
        clean.body().select("a:not([href])").unwrap();
        for (Element h : clean.body().select("h1, h2, h3, h4, h5")) {
            h.tagName("h" + (h.tagName().charAt(1) - '0' + 1));
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return clean.body().html();
    }
}
