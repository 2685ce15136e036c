package dev.gitpypi.git.publish;

import dev.gitpypi.core.internal.Texts;
import java.util.regex.Pattern;

/**
 * A path pattern of files a publish keeps from the branch: a {@code /}-separated path relative to the branch root
 * where {@code *} matches within one path segment, {@code **} across segments and {@code ?} one character; a
 * pattern that matches a folder keeps everything under it ({@code docs} keeps {@code docs/a/b.html}).
 */
record KeepPattern(String text, Pattern regex) {

    static KeepPattern parse(String text) {
        String t = text.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.startsWith("/") || t.contains("\\") || t.indexOf(0) >= 0
                || ("/" + t + "/").contains("/../") || ("/" + t + "/").contains("/./")) {
            throw new IllegalArgumentException("keep pattern " + Texts.quote(text)
                    + " must be a relative path inside the branch, such as CNAME or docs/**");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '*' && i + 1 < t.length() && t.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new KeepPattern(t, Pattern.compile(re + "(?:/.*)?", Pattern.DOTALL));
    }

    /** @return whether the pattern is a plain path (no wildcard), found without walking the whole tree */
    boolean isLiteral() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
