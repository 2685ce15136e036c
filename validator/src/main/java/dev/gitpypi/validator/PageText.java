package dev.gitpypi.validator;

import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One index page given as text, as jsoup and pypi-simple read pages: its bytes, the URL it came from (the base of its
 * relative links, and where its project's name may be read), and its media type when known. A root page (project
 * list) or a project page, HTML (PEP 503) or JSON (PEP 691): which one is judged from the page, as for any target.
 * Read it with {@link IndexReader#read(PageText)}, validate it with {@link Validator#validate(PageText)}. As for
 * every target, the model keeps link URLs as written: resolve relative ones against {@link #url()}.
 *
 * <p>SECURITY: a page from text is trusted no more than one from the network: in deep mode it makes gitpypi fetch
 * http(s) URLs only (https only when its URL is https), never read a local file.
 *
 * <p>Immutable and thread-safe.
 */
public final class PageText {
    /** The most bytes {@link #read(InputStream, URI, String)} takes from a stream (the default page limit). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final byte[] bytes;
    private final URI url;
    private final @Nullable String contentType;
    private final boolean utf8;

    private PageText(byte[] bytes, URI url, @Nullable String contentType, boolean utf8) {
        if (!url.isAbsolute() || url.isOpaque()) {
            throw new IllegalArgumentException("the URL of a page must be absolute and hierarchical: "
                    + Texts.quote(String.valueOf(url)));
        }
        this.bytes = bytes;
        this.url = url;
        this.contentType = contentType;
        this.utf8 = utf8;
    }

    /**
     * A page given as a string.
     *
     * @param text the page
     * @param url the URL it came from, absolute: the base of its relative links
     * @param contentType its media type ({@code text/html}, {@code application/vnd.pypi.simple.v1+json}), or null to
     *     judge from the URL's file name and the first character; a charset it names is ignored (the text is
     *     already characters)
     * @return the page
     * @throws IllegalArgumentException if the URL is not absolute
     */
    public static PageText of(String text, URI url, @Nullable String contentType) {
        return new PageText(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8),
                Objects.requireNonNull(url, "url"), mediaType(contentType), true);
    }

    /**
     * A page given as bytes.
     *
     * @param bytes the page; the array is copied
     * @param url the URL it came from, absolute
     * @param contentType its media type, whose charset decodes the bytes (UTF-8 otherwise), or null to judge
     * @return the page
     * @throws IllegalArgumentException if the URL is not absolute
     */
    public static PageText of(byte[] bytes, URI url, @Nullable String contentType) {
        return new PageText(bytes.clone(), Objects.requireNonNull(url, "url"), contentType, false);
    }

    /**
     * A page read from a stream, to its end, at most {@link #MAX_BYTES}.
     *
     * @param in the stream (not closed)
     * @param url the URL it came from, absolute
     * @param contentType its media type, or null to judge
     * @return the page
     * @throws IOException if the stream cannot be read
     * @throws PageReadException if it holds more than {@link #MAX_BYTES}
     */
    public static PageText read(InputStream in, URI url, @Nullable String contentType) throws IOException {
        byte[] b = in.readNBytes((int) MAX_BYTES + 1);
        if (b.length > MAX_BYTES) {
            throw new PageReadException("page " + Texts.quote(String.valueOf(url)) + " is too large: more than "
                    + MAX_BYTES + " bytes");
        }
        return new PageText(b, Objects.requireNonNull(url, "url"), contentType, false);
    }

    private static @Nullable String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return semi >= 0 ? contentType.substring(0, semi).strip() : contentType.strip();
    }

    /** @return the URL the page came from */
    public URI url() {
        return url;
    }

    /** @return the media type as given, if any */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the page's bytes (a copy) */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] raw() {
        return bytes;
    }

    /** @return the content type to decode with: the given one, with UTF-8 forced for text given as a string */
    @Nullable String decodingType() {
        if (!utf8) {
            return contentType;
        }
        return (contentType == null ? "text/plain" : contentType) + "; charset=utf-8";
    }

    @Override
    public String toString() {
        return "PageText[" + dev.gitpypi.core.internal.Redaction.url(url.toString()) + ", " + bytes.length
                + " bytes]";
    }
}
