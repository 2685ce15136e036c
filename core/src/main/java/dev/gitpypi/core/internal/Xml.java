package dev.gitpypi.core.internal;

/**
 * Text as XML 1.0 character data or attribute values (the Atom feed). XML 1.0 cannot carry most control characters
 * or unpaired surrogates at all, not even as character references, so those become U+FFFD; {@code &}, {@code <},
 * {@code >}, {@code "} and {@code '} become references; tab, line feed and carriage return are written as
 * references so attribute-value normalization keeps them.
 */
public final class Xml {
    private Xml() {
    }

    /**
     * The escaped form.
     *
     * @param s any text
     * @return text that an XML 1.0 parser reads back as {@code s} (with U+FFFD for what XML cannot hold)
     */
    public static String escape(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t' -> b.append("&#9;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
