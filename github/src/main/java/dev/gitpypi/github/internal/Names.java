package dev.gitpypi.github.internal;

import java.util.regex.Pattern;

/** What GitHub allows in logins and repository names (so that a name can stand in a URL path as it is). */
public final class Names {
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private Names() {
    }

    /**
     * Whether a text is a GitHub user or organisation login: letters, digits and single hyphens, not at either end,
     * at most 39 characters. (GitHub Enterprise Server allows underscores too; they are accepted.)
     *
     * @param s the text
     * @return true if it is
     */
    public static boolean isLogin(String s) {
        return LOGIN.matcher(s.replace('_', '-')).matches() || (s.contains("_")
                && s.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,38}"));
    }

    /**
     * Whether a text is a repository name: letters, digits, {@code .}, {@code _}, {@code -}; not {@code .} or
     * {@code ..}.
     *
     * @param s the text
     * @return true if it is
     */
    public static boolean isRepoName(String s) {
        return REPO.matcher(s).matches() && !s.equals(".") && !s.equals("..");
    }
}
