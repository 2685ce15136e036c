package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.Location;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reading fetched pages, the same way for every kind of target: the character set from the media type (UTF-8
 * otherwise, malformed bytes replaced), HTML or JSON by media type, file name or first byte, project pages read
 * whole (bounded by the page limit), root pages streamed.
 */
final class Pages {
    private Pages() {
    }

    /**
     * Reads a project page.
     *
     * @param f the fetched page (closed here)
     * @param pathName the name the page's folder or URL gives, or null
     * @param base the base for relative links
     * @return the page
     * @throws IOException on I/O failure
     */
    static RawProject project(Fetched f, @Nullable String pathName, URI base) throws IOException {
        try (f) {
            BufferedInputStream in = new BufferedInputStream(f.body(), 1 << 16);
            Fetched.Info info = new Fetched.Info(f.resource(), base, f.status(), f.contentType(), f.headers(),
                    f.redirects(), f.http());
            if (isJson(f, in)) {
                return new RawProject(info, pathName, null, JsonPages.readTree(in, f.resource()));
            }
            String text = readAll(reader(f.contentType(), in));
            return new RawProject(info, pathName, HtmlParser.parse(new StringReader(text), text, null), null);
        }
    }

    /**
     * Streams a root page: each entry goes to the sink as it is read, nothing is kept.
     *
     * @param f the fetched page (closed here)
     * @param sink receives each entry, or null
     * @param lines whether to track line numbers (for findings)
     * @return the root without entries
     * @throws IOException on I/O failure
     */
    static RawRoot root(Fetched f, @Nullable Consumer<RawRoot.Entry> sink, boolean lines) throws IOException {
        try (f) {
            BufferedInputStream in = new BufferedInputStream(f.body(), 1 << 16);
            boolean json = isJson(f, in);
            RawRoot root = new RawRoot(f.info(), json);
            Consumer<RawRoot.Entry> consumer = sink == null ? e -> { } : sink;
            if (json) {
                JsonPages.readRoot(in, root, consumer);
            } else {
                String res = f.resource();
                HtmlPage page = new HtmlPage();
                root.html = page;
                URI uri = f.uri();
                Object[] base = {null, uri};
                HtmlParser.parse(reader(f.contentType(), in), null, a -> {
                    if (page.baseHref != null && base[0] != page.baseHref) {
                        base[0] = page.baseHref;
                        base[1] = Urls.resolve(uri, page.baseHref).orElse(uri);
                    }
                    consumer.accept(new RawRoot.Entry(a.text(), a.href(), Location.line(res, a.line()), (URI) base[1]));
                }, lines, page);
            }
            return root;
        }
    }

    static String readAll(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) >= 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    /**
     * A reader for a body: the media type's charset, else UTF-8; malformed bytes become U+FFFD.
     *
     * @param contentType the Content-Type, or null
     * @param in the bytes
     * @return the characters
     */
    static Reader reader(@Nullable String contentType, InputStream in) {
        return new InputStreamReader(in, charset(contentType).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    static Charset charset(@Nullable String contentType) {
        if (contentType != null) {
            int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (i >= 0) {
                String name = contentType.substring(i + 8).strip().replace("\"", "");
                int semi = name.indexOf(';');
                if (semi >= 0) {
                    name = name.substring(0, semi).strip();
                }
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Whether a response is JSON: by media type when it names one, else by file name, else by its first byte. */
    static boolean isJson(Fetched f, BufferedInputStream in) throws IOException {
        Boolean byName = isJson(f.contentType(), f.resource());
        if (byName != null) {
            return byName;
        }
        int c = firstNonBlank(in, 4096);
        return c == '{' || c == '[';
    }

    /**
     * Whether a page is JSON by its media type or name.
     *
     * @param contentType the Content-Type, or null
     * @param resource the page's name
     * @return true or false when they say, null when they do not
     */
    static @Nullable Boolean isJson(@Nullable String contentType, String resource) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                return true;
            }
            if (type.contains("html")) {
                return false;
            }
        }
        String lower = resource.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return false;
        }
        return null;
    }

    private static int firstNonBlank(BufferedInputStream in, int max) throws IOException {
        in.mark(max);
        try {
            for (int i = 0; i < max; i++) {
                int c = in.read();
                if (c < 0) {
                    return -1;
                }
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0xef && c != 0xbb && c != 0xbf) {
                    return c;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }
}
