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
}
