package dev.gitpypi.validator.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** URL helpers: credential stripping, resolution, last path segment. */
public final class Urls {
    private Urls() {
    }

    /**
     * A URL without user info, for messages and reports.
     *
     * @param uri the URL
     * @return the text without credentials
     */
    public static String safe(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath() == null ? null
                    : uri.getPath(), uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }

    /**
     * A URL text without user info.
     *
     * @param url the text
     * @return the text without credentials
     */
    public static String safe(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? url.substring(0, start) + url.substring(at + 1) : url;
    }

    /**
     * Parses a link leniently: spaces and other characters browsers accept are percent-encoded first.
     *
     * @param href the link
     * @return the URI, or empty if it cannot be parsed
     */
    public static Optional<URI> parse(String href) {
        String h = href.strip();
        try {
            return Optional.of(new URI(h));
        } catch (URISyntaxException e) {
            StringBuilder out = new StringBuilder(h.length() + 16);
            for (byte b : h.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                        || c == '{' || c == '|' || c == '}') {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                } else {
                    out.append((char) c);
                }
            }
            try {
                return Optional.of(new URI(out.toString()));
            } catch (URISyntaxException e2) {
                return Optional.empty();
            }
        }
    }

    /**
     * Resolves a link against a base.
     *
     * @param base the base
     * @param href the link
     * @return the absolute URI, or empty if the link cannot be parsed
     */
    public static Optional<URI> resolve(URI base, String href) {
        Optional<URI> parsed = parse(href);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI rel = parsed.get();
            if (base.getScheme() != null && base.getScheme().equals("file") && rel.getScheme() == null
                    && rel.getRawPath() != null && rel.getRawPath().isEmpty() && rel.getRawQuery() == null) {
                return Optional.of(base);
            }
            return Optional.of(dropLeadingDotDot(base.resolve(rel)));
        } catch (IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes {@code ..} segments above the root, as RFC 3986 resolution does ({@link URI#resolve} keeps them):
     * {@code https://h/../a} becomes {@code https://h/a}.
     */
    private static URI dropLeadingDotDot(URI u) throws URISyntaxException {
        String path = u.getRawPath();
        if (path == null || u.getRawAuthority() == null || !(path.startsWith("/../") || path.equals("/.."))) {
            return u;
        }
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        if (path.equals("/..")) {
            path = "/";
        }
        StringBuilder sb = new StringBuilder().append(u.getScheme()).append("://").append(u.getRawAuthority())
                .append(path);
        if (u.getRawQuery() != null) {
            sb.append('?').append(u.getRawQuery());
        }
        if (u.getRawFragment() != null) {
            sb.append('#').append(u.getRawFragment());
        }
        return new URI(sb.toString());
    }

    /**
     * The last path segment of a link, query and fragment removed, percent-decoded (SPEC P503-07, PIP-05, UV-03).
     *
     * @param href the link
     * @return the segment, possibly empty
     */
    public static String lastSegment(String href) {
        String h = href;
        int hash = h.indexOf('#');
        if (hash >= 0) {
            h = h.substring(0, hash);
        }
        int q = h.indexOf('?');
        if (q >= 0) {
            h = h.substring(0, q);
        }
        int slash = h.lastIndexOf('/');
        return percentDecode(slash >= 0 ? h.substring(slash + 1) : h);
    }

    /**
     * Percent-decodes UTF-8; invalid escapes stay as written.
     *
     * @param s the text
     * @return the decoded text
     */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out[n++] = (byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out[n++] = b;
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A URL without its user-info, for sending (the credentials travel in a header instead).
     *
     * @param uri the URL
     * @return the URL without user-info
     */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority()
                    .lastIndexOf('@') + 1) + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
