package dev.gitpypi.core.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that removes credentials from text gitpypi prints or writes (DESIGN "Security rules": credentials
 * never appear in output, logs or exception messages). Every URL that reaches a page, a report, a log line, a
 * progress line or an exception message goes through {@link #url(String)} (one URL) or {@link #text(String)} (any
 * text that may hold URLs, HTTP headers or tokens). Stateless and thread-safe.
 */
public final class Redaction {
    /** What replaces a secret that cannot simply be dropped. */
    public static final String MASK = "***";

    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|private-token)(\\s*[:=]\\s*)"
                    + "([^\\r\\n,;]+)");

    /** A credential header's name (compiled once: this runs for every line of output). */
    private static final Pattern HEADER_WORD = Pattern.compile("\\b(authorization|cookie|x-api-key|private-token)");

    /**
     * A URL whose {@code //} a path normalization collapsed ({@code ftp:/user:secret@host/x}, as {@code Path.of(url)}
     * prints it): a scheme of two or more characters, one slash, and user-info up to the authority's last {@code @}.
     */
    private static final Pattern COLLAPSED = Pattern.compile(
            "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]+:/)(?!/)[^/?#\\s\"'<>]*@");

    private Redaction() {
    }

    /**
     * A URL without its user-info: {@code https://user:secret@host/x} becomes {@code https://host/x}. Text without
     * {@code scheme://} is returned unchanged; a password that itself contains {@code @} is removed whole (the
     * authority ends at the first {@code /}, {@code ?}, {@code #} or whitespace, the user-info at the last
     * {@code @} before it). A URL that a path normalization wrote with one slash ({@code ftp:/user:secret@host/x})
     * loses its user-info too.
     *
     * @param url a URL, or any text holding one URL
     * @return the URL without credentials
     */
    public static String url(String url) {
        return stripUserInfo(url);
    }

    /**
     * Whether a URL carries user-info ({@code user@} or {@code user:password@}).
     *
     * @param url a URL
     * @return true if it does
     */
    public static boolean hasUserInfo(String url) {
        return !stripUserInfo(url).equals(url);
    }

    /**
     * Text with every secret gitpypi can recognise removed: the user-info of every {@code scheme://} URL in it, the
     * values of credential-bearing HTTP headers ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
     * {@code Set-Cookie}, {@code X-Api-Key}, {@code Private-Token}), and anything shaped like a GitHub token
     * ({@link Tokens}). For log lines, progress lines and messages built from other libraries' text.
     *
     * @param text any text
     * @return the text without those secrets
     */
    public static String text(String text) {
        String out = stripUserInfo(text);
        if (HEADER_WORD.matcher(out.toLowerCase(Locale.ROOT)).find()) {
            Matcher m = HEADER.matcher(out);
            StringBuilder b = new StringBuilder(out.length());
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
            }
            m.appendTail(b);
            out = b.toString();
        }
        if (Tokens.containsGitHubToken(out)) {
            out = out.replaceAll("gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}", MASK);
        }
        return out;
    }

    /** Removes {@code userinfo@} after every {@code ://} in the text (whatever precedes it: err towards removing). */
    private static String stripUserInfo(String text) {
        int from = 0;
        StringBuilder out = null;
        int copied = 0;
        while (true) {
            int sep = text.indexOf("://", from);
            if (sep < 0) {
                break;
            }
            int start = sep + 3;
            int end = start;
            while (end < text.length() && "/?#\\".indexOf(text.charAt(end)) < 0
                    && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"'
                    && text.charAt(end) != '\'' && text.charAt(end) != '<' && text.charAt(end) != '>') {
                end++;
            }
            int at = text.lastIndexOf('@', end - 1);
            if (at >= start) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start);
                copied = at + 1;
            }
            from = Math.max(end, start);
        }
        String result = out == null ? text : out.append(text, copied, text.length()).toString();
        if (result.indexOf('@') >= 0 && result.contains(":/")) {
            result = COLLAPSED.matcher(result).replaceAll("$1");
        }
        return result;
    }
}
