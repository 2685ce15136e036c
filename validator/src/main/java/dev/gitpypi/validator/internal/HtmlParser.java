package dev.gitpypi.validator.internal;

import java.io.Reader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jspecify.annotations.Nullable;

/**
 * Parses HTML pages with jsoup's {@link StreamParser}: elements are handed over as they close and then removed,
 * so a root page of any length is read in bounded memory. Positions are tracked for line numbers.
 */
public final class HtmlParser {
    private static final int MAX_DEPTH = 512;

    private HtmlParser() {
    }

    /**
     * Parses a page.
     *
     * @param reader the characters
     * @param source the whole text when known (for raw-attribute checks), or null when streaming
     * @param anchorSink receives each anchor; null keeps them in {@link HtmlPage#anchors()}
     * @return the page
     */
    public static HtmlPage parse(Reader reader, @Nullable String source, @Nullable Consumer<HtmlPage.Anchor> anchorSink) {
        return parse(reader, source, anchorSink, true);
    }

    /**
     * Parses a page, optionally without line numbers (tracking source positions costs about a third of the
     * parse time; a reader that only builds the model does not need them).
     *
     * @param reader the characters
     * @param source the whole text when known, or null when streaming
     * @param anchorSink receives each anchor; null keeps them in {@link HtmlPage#anchors()}
     * @param lines whether to track line numbers (0 otherwise)
     * @return the page
     */
    public static HtmlPage parse(Reader reader, @Nullable String source, @Nullable Consumer<HtmlPage.Anchor> anchorSink,
            boolean lines) {
        return parse(reader, source, anchorSink, lines, new HtmlPage());
    }

    /**
     * Parses a page into a given page object, so that a sink can see what was read before each anchor (the
     * {@code <base href>}).
     *
     * @param reader the characters
     * @param source the whole text when known, or null when streaming
     * @param anchorSink receives each anchor; null keeps them in {@link HtmlPage#anchors()}
     * @param lines whether to track line numbers (0 otherwise)
     * @param page the page to fill
     * @return the page
     */
    static HtmlPage parse(Reader reader, @Nullable String source, @Nullable Consumer<HtmlPage.Anchor> anchorSink,
            boolean lines, HtmlPage page) {
        Parser parser = Parser.htmlParser().setTrackPosition(lines || source != null).setMaxDepth(MAX_DEPTH);
        try (StreamParser streamer = new StreamParser(parser)) {
            streamer.parse(new NoncharacterReader(reader), "");
            Iterator<Element> it = streamer.iterator();
            boolean sawDoctype = false;
            while (it.hasNext()) {
                Element el = it.next();
                if (!sawDoctype) {
                    sawDoctype = true;
                    page.doctype = streamer.document().documentType() != null;
                }
                String tag = el.normalName();
                switch (tag) {
                    case "a" -> {
                        HtmlPage.Anchor a = anchor(el, source);
                        page.anchorCount++;
                        if (anchorSink == null) {
                            page.anchors.add(a);
                        } else {
                            anchorSink.accept(a);
                        }
                    }
                    case "meta" -> {
                        if (el.hasAttr("name")) {
                            Element parent = el.parent();
                            page.metas.add(new HtmlPage.Meta(el.attr("name").strip().toLowerCase(Locale.ROOT),
                                    el.hasAttr("content") ? el.attr("content") : null, line(el),
                                    parent != null && parent.normalName().equals("head")));
                        }
                    }
                    case "title" -> {
                        if (page.title == null) {
                            page.title = el.text().strip();
                        }
                    }
                    case "base" -> {
                        if (page.baseHref == null && el.hasAttr("href")) {
                            page.baseHref = el.attr("href");
                            page.baseLine = line(el);
                        }
                    }
                    default -> {
                    }
                }
                if (!tag.equals("html") && !tag.equals("body") && !tag.equals("head")) {
                    Node previous;
                    while ((previous = el.previousSibling()) != null) {
                        previous.remove();
                    }
                    el.remove();
                }
            }
            if (!sawDoctype) {
                page.doctype = streamer.document().documentType() != null;
            }
        }
        return page;
    }

    private static int line(Element el) {
        Range r = el.sourceRange();
        return r.isTracked() ? r.start().lineNumber() : 0;
    }

    private static HtmlPage.Anchor anchor(Element el, @Nullable String source) {
        Map<String, @Nullable String> attrs = new LinkedHashMap<>();
        boolean rawAngle = false;
        for (Attribute at : el.attributes()) {
            String key = at.getKey().toLowerCase(Locale.ROOT);
            if (attrs.containsKey(key)) {
                continue;
            }
            attrs.put(key, at.hasDeclaredValue() ? at.getValue() : null);
            if (source != null && key.equals("data-requires-python") && at.hasDeclaredValue()) {
                Range value = at.sourceRange().valueRange();
                if (value.isTracked()) {
                    int from = value.startPos();
                    int to = Math.min(value.endPos(), source.length());
                    for (int i = from; i < to; i++) {
                        char c = source.charAt(i);
                        if (c == '<' || c == '>') {
                            rawAngle = true;
                            break;
                        }
                    }
                }
            }
        }
        String href = attrs.get("href");
        return new HtmlPage.Anchor(line(el), href, el.wholeText().strip(), attrs, rawAngle);
    }

    /**
     * Reads U+FFFF as U+FFFD. jsoup uses U+FFFF as its end-of-input mark: a page with a raw U+FFFF at the start of a
     * text run ended there for jsoup, so every later link was invisible to the validator while pip (whose
     * {@code html.parser} keeps the character) used them. The replacement keeps every offset; U+FFFF is not
     * allowed in a file name or URL pip could use anyway.
     */
    private static final class NoncharacterReader extends java.io.FilterReader {
        NoncharacterReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int c = super.read();
            return c == 0xFFFF ? 0xFFFD : c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\uFFFF') {
                    buffer[i] = '\uFFFD';
                }
            }
            return n;
        }
    }
}
