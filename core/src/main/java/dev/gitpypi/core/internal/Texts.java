package dev.gitpypi.core.internal;

/**
 * Text helpers shared by gitpypi's modules for messages. Not API: exported only to gitpypi's own modules.
 */
public final class Texts {
    private Texts() {
    }

    /**
     * Quotes a value for an exception message: Java-escaped, in double quotes, shortened to at most
     * 80 characters so that a megabyte of bad input does not become a megabyte of message.
     *
     * @param value the offending value
     * @return the quoted form
     */
    public static String quote(CharSequence value) {
        int limit = 80;
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit) + 16).append('"');
        int n = Math.min(value.length(), limit);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (value.length() > limit) {
            out.append("… (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Text from outside (a file name, a URL, a message quoting them) made safe to print on one line of a terminal
     * or a CI log: line breaks, tabs and other C0/C1 control characters, DEL, the Unicode line and paragraph
     * separators and the bidirectional controls become {@code \n}, {@code \t} or {@code \\uXXXX}. A name
     * holding a newline then cannot start a line of its own (a forged GitHub Actions {@code ::error} command), and
     * an escape sequence cannot reach the terminal. Everything else, backslashes included, is kept as it is.
     *
     * @param value the text
     * @return the text with those characters escaped
     */
    public static String printable(CharSequence value) {
        int n = value.length();
        int i = 0;
        while (i < n && !unprintable(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder(n + 16).append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (!unprintable(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unprintable(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
