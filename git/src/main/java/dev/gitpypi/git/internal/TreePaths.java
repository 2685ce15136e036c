package dev.gitpypi.git.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Which paths of a Git tree may be written into an archive (SPEC SD-04: no entry escapes the top folder). A Git
 * tree is untrusted input: a tree object written with {@code git hash-object -t tree --literally} can hold any
 * bytes as an entry name, including {@code ..}, names with {@code /}, {@code .git} and control characters, none of
 * which {@code git} itself would ever check out. A path is accepted only if it is a normalized relative path:
 *
 * <ul>
 *   <li>non-empty components separated by single {@code /}; no leading or trailing {@code /};</li>
 *   <li>no component {@code .} or {@code ..};</li>
 *   <li>no NUL, no C0 or C1 control character, no DEL, no backslash (a separator on Windows);</li>
 *   <li>no component that a file system may take for {@code .git}, the aliases {@code git} itself refuses with
 *       {@code core.protectNTFS} and {@code core.protectHFS} (both on by default since Git 2.24.1):
 *       case-insensitive {@code .git}, with trailing spaces or dots ({@code .git.}, {@code .GIT }), with an NTFS
 *       stream suffix ({@code .git::$INDEX_ALLOCATION}), the NTFS short name {@code git~1}, and {@code .git} with
 *       code points that HFS+ ignores ({@code .g\u200Cit}).</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class TreePaths {
    private TreePaths() {
    }

    /**
     * Why a path cannot be written into an archive.
     *
     * @param path a path from a tree, {@code /}-separated, relative to the folder archived
     * @return the reason (lower-case, for a warning), or empty when the path is safe
     */
    public static Optional<String> unsafe(String path) {
        if (path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (path.startsWith("/")) {
            return Optional.of("the path is absolute");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                return Optional.of("the path has a NUL character");
            }
            if (isControl(c)) {
                return Optional.of("the path has control characters");
            }
            if (c == '\\') {
                return Optional.of("the path has a backslash (a folder separator on Windows)");
            }
        }
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String component = path.substring(start, end);
            if (component.isEmpty()) {
                return Optional.of("the path has an empty component");
            }
            if (component.equals(".") || component.equals("..")) {
                return Optional.of("the path has a " + component + " component");
            }
            if (isDotGit(component)) {
                return Optional.of("the path has a .git component (git's own folder)");
            }
            if (slash < 0) {
                return Optional.empty();
            }
            start = slash + 1;
        }
    }

    /**
     * Whether a character is a C0 or C1 control character or DEL.
     *
     * @param c the character
     * @return true for U+0000..U+001F, U+007F..U+009F
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /**
     * Whether a path component names {@code .git} on some file system (the rules of {@code git}'s
     * {@code is_ntfs_dotgit} and {@code is_hfs_dotgit}, and the NTFS stream suffix).
     *
     * @param component one path component
     * @return true for {@code .git} and its aliases
     */
    static boolean isDotGit(String component) {
        String c = component;
        int colon = c.indexOf(':');
        if (colon >= 0) {
            c = c.substring(0, colon);
        }
        StringBuilder kept = new StringBuilder(c.length());
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!isHfsIgnorable(ch)) {
                kept.append(ch);
            }
        }
        int end = kept.length();
        while (end > 0 && (kept.charAt(end - 1) == ' ' || kept.charAt(end - 1) == '.')) {
            end--;
        }
        String base = kept.substring(0, end).toLowerCase(Locale.ROOT);
        return base.equals(".git") || base.equals("git~1");
    }

    /** The code points HFS+ ignores when it compares names (git's {@code next_hfs_char}). */
    private static boolean isHfsIgnorable(char c) {
        return (c >= '\u200c' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u206a' && c <= '\u206f') || c == '\ufeff';
    }
}
