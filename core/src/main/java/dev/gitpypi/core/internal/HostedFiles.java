package dev.gitpypi.core.internal;

import dev.gitpypi.core.ProjectName;

/**
 * Where a file that a gitpypi site hosts lives, and which file names may become paths there (DESIGN "Output
 * layout", security rules). Shared by the site writer and the sources that make hosted distributions (local
 * folders, Git sdists); not API.
 */
public final class HostedFiles {
    /** The longest hosted file name: well under every file system's limit of 255 bytes, with room for a suffix. */
    public static final int MAX_FILENAME = 200;

    private HostedFiles() {
    }

    /**
     * The relative URL, from a project page ({@code simple/NAME/}), of a file the site hosts:
     * {@code ../../files/NAME/FILE} with the file name percent-encoded where a static host could misread it
     * ({@code +} as {@code %2B}).
     *
     * @param name the project
     * @param filename a file name that passes {@link #isSafeFileName(String)}
     * @return the URL
     */
    public static String url(ProjectName name, String filename) {
        return "../../files/" + name.normalized() + "/" + filename.replace("+", "%2B");
    }

    /**
     * Whether a file name may become a path in the site: 1 to {@value #MAX_FILENAME} characters from
     * {@code A-Z a-z 0-9 . _ + ! -}, starting with a letter or digit, not ending with {@code .metadata} (reserved for
     * sidecars). This excludes {@code /}, {@code \}, NUL, {@code %}, {@code ..} as a whole name and absolute paths.
     *
     * @param filename the candidate
     * @return true if safe
     */
    public static boolean isSafeFileName(String filename) {
        int n = filename.length();
        if (n == 0 || n > MAX_FILENAME || !Character.isLetterOrDigit(filename.charAt(0)) || filename.charAt(0) > 'z'
                || filename.endsWith(".metadata")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = filename.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '+' || c == '!' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
