package dev.gitpypi.core.internal;

import java.io.IOException;

/**
 * The one place where text becomes HTML (DESIGN security rules, SPEC REN-06, P503-13). Every attribute value and
 * every text node that gitpypi writes goes through {@link #escape(CharSequence, Appendable)}.
 *
 * <p>The escaped form, parsed by any HTML5 parser (pip's {@code html.parser}, jsoup, browsers), gives back the
 * original string, with two exceptions the HTML syntax cannot carry and parsers replace anyway: NUL and unpaired
 * surrogates become U+FFFD. Carriage returns are written as {@code &#13;} because a parser turns a raw CR into LF,
 * and the noncharacters U+FFFE and U+FFFF as references because jsoup (the validator's parser) takes a raw U+FFFF
 * for the end of its input.
 */
public final class Html {
    /** Whether each character up to {@code '>'} is written as it is: all but {@code & < > " ' \r} and NUL. */
    private static final boolean[] PLAIN_UP_TO_GT = new boolean['>' + 1];

    static {
        java.util.Arrays.fill(PLAIN_UP_TO_GT, true);
        for (char c : "&<>\"'\r\0".toCharArray()) {
            PLAIN_UP_TO_GT[c] = false;
        }
    }

    private Html() {
    }

    /**
     * Appends a string escaped for an HTML attribute value in double quotes or for a text node.
     *
     * @param s the raw text
     * @param out where to append
     * @throws IOException if appending fails
     */
    public static void escape(CharSequence s, Appendable out) throws IOException {
        int n = s.length();
        int first = 0;
        while (first < n && isPlain(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            out.append(s); // the common case: nothing to escape, one call, no copy
            return;
        }
        int start = 0;
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            switch (c) {
                case '&' -> replacement = "&amp;";
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '"' -> replacement = "&quot;";
                case '\'' -> replacement = "&#39;";
                case '\r' -> replacement = "&#13;";
                case '\0' -> replacement = "\uFFFD";
                // noncharacters are legal text, but a parser may use one as its end-of-input mark (jsoup stops a
                // text node at a raw U+FFFF): as references they reach every parser as themselves
                case '\uFFFE' -> replacement = "&#xfffe;";
                case '\uFFFF' -> replacement = "&#xffff;";
                default -> {
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            i++;
                            continue;
                        }
                        replacement = "\uFFFD";
                    } else {
                        continue;
                    }
                }
            }
            out.append(s, start, i).append(replacement);
            start = i + 1;
        }
        out.append(s, start, n);
    }

    private static boolean isPlain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (!isPlain(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlain(char c) {
        // small enough for C1 to inline into the loops above (the comparisons in a row were not)
        return c > '>' ? c < Character.MIN_SURROGATE : PLAIN_UP_TO_GT[c];
    }

    /**
     * The escaped form of a string.
     *
     * @param s the raw text
     * @return the escaped text
     */
    public static String escape(CharSequence s) {
        if (s instanceof String plain && isPlain(plain)) {
            return plain; // the common case: nothing to escape, no copy (pages call this for every name and link)
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        try {
            escape(s, b);
        } catch (IOException e) {
            throw new AssertionError(e); // a StringBuilder does not throw
        }
        return b.toString();
    }

    /**
     * What a parser gives back for a string written with {@link #escape(CharSequence, Appendable)}: the string
     * with NUL and unpaired surrogates replaced by U+FFFD. The JSON renderer writes this form too, so both pages
     * carry the same values.
     *
     * @param s the raw text
     * @return the text a parser reads back
     */
    public static String parsedForm(String s) {
        int n = s.length();
        int i0 = 0;
        for (; i0 < n; i0++) {
            char c = s.charAt(i0);
            if (c == '\0' || Character.isSurrogate(c)) {
                break;
            }
        }
        if (i0 == n) {
            return s; // the common case: nothing to replace, no copy
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                b.append('\uFFFD');
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
