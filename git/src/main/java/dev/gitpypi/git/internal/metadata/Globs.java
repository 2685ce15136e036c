package dev.gitpypi.git.internal.metadata;

import java.util.regex.Pattern;

/**
 * PEP 639 {@code license-files} globs over {@code /}-separated relative paths: {@code *} and {@code ?} within one
 * path component, {@code [...]} character classes, {@code **} for any number of components. Stateless.
 */
final class Globs {
    private Globs() {
    }

    /**
     * Compiles a glob.
     *
     * @param glob the glob, such as {@code LICEN[CS]E*} or {@code licenses/**}
     * @return a pattern that matches whole relative paths
     */
    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:[^/]*/)*" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
