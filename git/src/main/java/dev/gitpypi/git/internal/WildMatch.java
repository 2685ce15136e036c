package dev.gitpypi.git.internal;

import java.nio.charset.StandardCharsets;

/**
 * Git's {@code wildmatch} (the glob matcher of {@code .gitignore}, {@code .gitattributes} and pathspecs), over
 * UTF-8 bytes as git matches them: {@code *}, {@code ?}, {@code [...]} classes (ranges, {@code !} or {@code ^}
 * negation, {@code [:alpha:]} and the other POSIX classes), backslash escapes, and with {@link #PATHNAME}
 * {@code *} and {@code ?} stop at {@code /} while {@code **} between slashes matches any number of folders. Case
 * sensitive (git's default {@code core.ignoreCase=false}). Stateless.
 */
final class WildMatch {
    /** {@code WM_PATHNAME}: {@code /} is only matched by a {@code /} or by {@code **}. */
    static final int PATHNAME = 1;

    private static final int MATCH = 0;
    private static final int NOMATCH = 1;
    private static final int ABORT_ALL = -1;
    private static final int ABORT_TO_STARSTAR = -2;

    private WildMatch() {
    }

    /**
     * Whether a text matches a pattern.
     *
     * @param pattern the glob
     * @param text the text (a path or a name)
     * @param flags 0 or {@link #PATHNAME}
     * @return true on a match
     */
    static boolean matches(String pattern, String text, int flags) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return dowild(p, 0, t, 0, flags) == MATCH;
    }

    private static int at(byte[] a, int i) {
        return i < a.length ? a[i] & 0xff : 0;
    }

    private static boolean isGlobSpecial(int c) {
        return c == '*' || c == '?' || c == '[' || c == '\\';
    }

    @SuppressWarnings("checkstyle:CyclomaticComplexity")
    private static int dowild(byte[] pat, int pStart, byte[] text, int tStart, int flags) {
        int p = pStart;
        int t = tStart;
        for (; at(pat, p) != 0; t++, p++) {
            int pCh = at(pat, p);
            int tCh = at(text, t);
            if (tCh == 0 && pCh != '*') {
                return ABORT_ALL;
            }
            switch (pCh) {
                case '\\' -> {
                    pCh = at(pat, ++p);
                    if (tCh != pCh) {
                        return NOMATCH;
                    }
                }
                case '?' -> {
                    if ((flags & PATHNAME) != 0 && tCh == '/') {
                        return NOMATCH;
                    }
                }
                case '*' -> {
                    boolean matchSlash;
                    if (at(pat, ++p) == '*') {
                        int prev = p - 2;
                        while (at(pat, ++p) == '*') {
                            // skip the run of stars
                        }
                        if ((prev < pStart || at(pat, prev) == '/')
                                && (at(pat, p) == 0 || at(pat, p) == '/'
                                        || (at(pat, p) == '\\' && at(pat, p + 1) == '/'))) {
                            if (at(pat, p) == '/' && dowild(pat, p + 1, text, t, flags) == MATCH) {
                                return MATCH;
                            }
                            matchSlash = true;
                        } else {
                            matchSlash = false;
                        }
                    } else {
                        matchSlash = (flags & PATHNAME) == 0;
                    }
                    if (at(pat, p) == 0) {
                        if (!matchSlash) {
                            for (int i = t; i < text.length; i++) {
                                if (text[i] == '/') {
                                    return NOMATCH;
                                }
                            }
                        }
                        return MATCH;
                    } else if (!matchSlash && at(pat, p) == '/') {
                        int slash = -1;
                        for (int i = t; i < text.length; i++) {
                            if (text[i] == '/') {
                                slash = i;
                                break;
                            }
                        }
                        if (slash < 0) {
                            return NOMATCH;
                        }
                        t = slash;
                        continue;
                    }
                    while (true) {
                        if (tCh == 0) {
                            break;
                        }
                        if (!isGlobSpecial(at(pat, p))) {
                            int literal = at(pat, p);
                            while ((tCh = at(text, t)) != 0 && (matchSlash || tCh != '/')) {
                                if (tCh == literal) {
                                    break;
                                }
                                t++;
                            }
                            if (tCh != literal) {
                                return NOMATCH;
                            }
                        }
                        int matched = dowild(pat, p, text, t, flags);
                        if (matched != NOMATCH) {
                            if (!matchSlash || matched != ABORT_TO_STARSTAR) {
                                return matched;
                            }
                        } else if (!matchSlash && tCh == '/') {
                            return ABORT_TO_STARSTAR;
                        }
                        tCh = at(text, ++t);
                    }
                    return ABORT_ALL;
                }
                case '[' -> {
                    int r = bracket(pat, p, tCh, flags);
                    if (r < 0) {
                        return r == -2 ? NOMATCH : ABORT_ALL;
                    }
                    p = r;
                }
                default -> {
                    if (tCh != pCh) {
                        return NOMATCH;
                    }
                }
            }
        }
        return at(text, t) != 0 ? NOMATCH : MATCH;
    }

    /**
     * A bracket expression starting at {@code pat[open] == '['}.
     *
     * @return the index of its closing {@code ]} on a match, -2 on no match, -1 for a malformed expression
     */
    private static int bracket(byte[] pat, int open, int tCh, int flags) {
        int p = open;
        int pCh = at(pat, ++p);
        if (pCh == '^') {
            pCh = '!';
        }
        boolean negated = pCh == '!';
        if (negated) {
            pCh = at(pat, ++p);
        }
        int prevCh = 0;
        boolean matched = false;
        do {
            if (pCh == 0) {
                return -1;
            }
            if (pCh == '\\') {
                pCh = at(pat, ++p);
                if (pCh == 0) {
                    return -1;
                }
                if (tCh == pCh) {
                    matched = true;
                }
            } else if (pCh == '-' && prevCh != 0 && at(pat, p + 1) != 0 && at(pat, p + 1) != ']') {
                pCh = at(pat, ++p);
                if (pCh == '\\') {
                    pCh = at(pat, ++p);
                    if (pCh == 0) {
                        return -1;
                    }
                }
                if (tCh <= pCh && tCh >= prevCh) {
                    matched = true;
                }
                pCh = 0;
            } else if (pCh == '[' && at(pat, p + 1) == ':') {
                int s = p + 2;
                p = s;
                while ((pCh = at(pat, p)) != 0 && pCh != ']') {
                    p++;
                }
                if (pCh == 0) {
                    return -1;
                }
                int len = p - s - 1;
                if (len < 0 || at(pat, p - 1) != ':') {
                    p = s - 2;
                    pCh = '[';
                    if (tCh == pCh) {
                        matched = true;
                    }
                    prevCh = pCh;
                    pCh = at(pat, ++p);
                    continue;
                }
                String cls = new String(pat, s, len, StandardCharsets.US_ASCII);
                Boolean in = classMatch(cls, tCh);
                if (in == null) {
                    return -1;
                }
                matched |= in;
                pCh = 0;
            } else if (tCh == pCh) {
                matched = true;
            }
            prevCh = pCh;
            pCh = at(pat, ++p);
        } while (pCh != ']');
        if (matched == negated || ((flags & PATHNAME) != 0 && tCh == '/')) {
            return -2;
        }
        return p;
    }

    /** A POSIX character class on one byte (ASCII rules, as git's {@code sane_ctype}); null if unknown. */
    private static Boolean classMatch(String cls, int c) {
        boolean upper = c >= 'A' && c <= 'Z';
        boolean lower = c >= 'a' && c <= 'z';
        boolean digit = c >= '0' && c <= '9';
        boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
        boolean punct = c > 0x20 && c < 0x7f && !upper && !lower && !digit;
        return switch (cls) {
            case "alnum" -> upper || lower || digit;
            case "alpha" -> upper || lower;
            case "blank" -> c == ' ' || c == '\t';
            case "cntrl" -> c < 0x20 || c == 0x7f;
            case "digit" -> digit;
            case "graph" -> c > 0x20 && c < 0x7f;
            case "lower" -> lower;
            case "print" -> c >= 0x20 && c < 0x7f;
            case "punct" -> punct;
            case "space" -> space;
            case "upper" -> upper;
            case "xdigit" -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> null;
        };
    }
}
