package dev.gitpypi.core.internal;

/**
 * Finds text shaped like a GitHub token: {@code gh[pousr]_} and 36 letters or digits, or {@code github_pat_} and 22
 * or more letters, digits or underscores (the same as the regular expression
 * {@code gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}} anywhere in the text). A hand-written scan: the
 * site writer checks every page, and the regular expression cost more than rendering them.
 */
public final class Tokens {
    private static final String PAT = "github_pat_";

    private Tokens() {
    }

    /**
     * Whether the text contains something shaped like a GitHub token.
     *
     * @param text the text
     * @return true if it does
     */
    public static boolean containsGitHubToken(String text) {
        int n = text.length();
        for (int i = text.indexOf('g'); i >= 0 && i + 4 <= n; i = text.indexOf('g', i + 1)) {
            char c1 = text.charAt(i + 1);
            if (c1 == 'h') {
                char c2 = text.charAt(i + 2);
                if ((c2 == 'p' || c2 == 'o' || c2 == 'u' || c2 == 's' || c2 == 'r') && text.charAt(i + 3) == '_'
                        && run(text, i + 4, false) >= 36) {
                    return true;
                }
            } else if (c1 == 'i' && text.startsWith(PAT, i) && run(text, i + PAT.length(), true) >= 22) {
                return true;
            }
        }
        return false;
    }

    /** The number of ASCII letters and digits (and underscores, if asked) from {@code from} on, up to 36. */
    private static int run(String text, int from, boolean underscore) {
        int end = Math.min(text.length(), from + 36);
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (underscore && c == '_'))) {
                break;
            }
            i++;
        }
        return i - from;
    }
}
