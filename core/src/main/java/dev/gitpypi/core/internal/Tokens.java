package dev.gitpypi.core.internal;

/**
 * Finds text shaped like a GitHub token: {@code gh[pousr]_} and 36 letters or digits, or {@code github_pat_} and 22
 * or more letters, digits or underscores (the same as the regular expression
 * {@code gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}} anywhere in the text). A hand-written scan: the
 * site writer checks every page, and the regular expression cost more than rendering them. The site writer
 * scans each page's bytes as written, without decoding them.
 */
public final class Tokens {
    private static final String PAT = "github_pat_";
    /** The length of the shortest token: {@code github_pat_} and 22 more ({@code gh?_} tokens have 40). */
    private static final int SHORTEST = 33;

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
                if (isKind(text.charAt(i + 2)) && text.charAt(i + 3) == '_' && run(text, i + 4, false) >= 36) {
                    return true;
                }
            } else if (c1 == 'i' && text.startsWith(PAT, i) && run(text, i + PAT.length(), true) >= 22) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether bytes read as ISO-8859-1, one character a byte, contain something shaped like a GitHub token: the
     * answer of {@code containsGitHubToken(new String(bytes, ISO_8859_1))} without the copy. Every character of a
     * token is ASCII, which UTF-8 keeps as it is (and writes no other character with an ASCII byte), so this is
     * also the check for UTF-8 text.
     *
     * <p>Every token is a run of at least {@value #SHORTEST} word characters ({@code [A-Za-z0-9_]}), so the scan
     * looks at every {@value #SHORTEST}th byte after the last one known to be no word character, and searches only
     * the runs that long for a token's start: a page is mostly short words, and most of its bytes are never read.
     *
     * @param bytes the bytes
     * @return true if they do
     */
    public static boolean containsGitHubToken(byte[] bytes) {
        int n = bytes.length;
        int probe = SHORTEST - 1;
        while (probe < n) {
            if (!isWord(bytes[probe])) {
                probe += SHORTEST; // no run of SHORTEST word characters holds this byte
                continue;
            }
            int start = probe;
            while (start > 0 && isWord(bytes[start - 1])) {
                start--;
            }
            int end = probe + 1;
            while (end < n && isWord(bytes[end])) {
                end++;
            }
            for (int i = start; i <= end - SHORTEST; i++) {
                if (bytes[i] == 'g' && startsToken(bytes, i)) {
                    return true;
                }
            }
            probe = end + SHORTEST; // bytes[end] is no word character
        }
        return false;
    }

    /** Whether a token starts at {@code i}, where there is a {@code g} and {@value #SHORTEST} bytes to read. */
    private static boolean startsToken(byte[] bytes, int i) {
        byte c1 = bytes[i + 1];
        if (c1 == 'h') {
            return isKind(latin1(bytes[i + 2])) && bytes[i + 3] == '_' && run(bytes, i + 4, false) >= 36;
        }
        return c1 == 'i' && startsWith(bytes, i, PAT) && run(bytes, i + PAT.length(), true) >= 22;
    }

    private static boolean isWord(byte b) {
        return isTokenChar(latin1(b), true);
    }

    /** Whether {@code c} may follow {@code gh} in a token ({@code ghp_}, {@code gho_}, ...). */
    private static boolean isKind(char c) {
        return c == 'p' || c == 'o' || c == 'u' || c == 's' || c == 'r';
    }

    /** The number of ASCII letters and digits (and underscores, if asked) from {@code from} on, up to 36. */
    private static int run(String text, int from, boolean underscore) {
        int end = Math.min(text.length(), from + 36);
        int i = from;
        while (i < end && isTokenChar(text.charAt(i), underscore)) {
            i++;
        }
        return i - from;
    }

    /** The same for bytes. */
    private static int run(byte[] bytes, int from, boolean underscore) {
        int end = Math.min(bytes.length, from + 36);
        int i = from;
        while (i < end && isTokenChar(latin1(bytes[i]), underscore)) {
            i++;
        }
        return i - from;
    }

    private static boolean isTokenChar(char c, boolean underscore) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (underscore && c == '_');
    }

    private static char latin1(byte b) {
        return (char) (b & 0xff);
    }

    private static boolean startsWith(byte[] bytes, int from, String ascii) {
        if (from + ascii.length() > bytes.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
