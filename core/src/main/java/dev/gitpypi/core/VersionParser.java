package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PEP 440 version parser behind {@link Version#parse}: a fast path for the commonest spelling (a normal-form
 * release of digits and dots) and a single left-to-right pass mirroring packaging's possessive
 * {@code VERSION_PATTERN} for everything else, which builds the normal form only when the input was not already
 * normal (SPEC VER-01..VER-03). No regular expressions. Also the character classes Python's {@code re} and
 * {@code str} use, shared with {@link VersionSpecifier}. One instance parses one string; not thread-safe.
 */
final class VersionParser {
    private final CharSequence s;
    private int pos;
    private int end;
    private boolean normal = true;
    private long lastNumber;
    private @Nullable List<BigInteger> bigs;
    private int errorAt;
    private String errorExpected = "";
    private boolean errorTooLong;
    private @Nullable String errorWhy;

    VersionParser(CharSequence s) {
        this.s = s;
    }

    /** Returns the version, or null (then {@link #message()} says why). */
    @Nullable Version run() {
        int n = s.length();
        int start = 0;
        while (start < n && isPythonSpace(s.charAt(start))) {
            start++;
        }
        end = n;
        while (end > start && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        if (start != 0 || end != n) {
            normal = false;
        }
        pos = start;
        if (pos == end) {
            return fail(n == 0 ? "it is empty" : "it is only whitespace");
        }
        if (s.charAt(pos) == 'v' || s.charAt(pos) == 'V') {
            normal = false;
            pos++;
        }
        if (!isDigit(at(pos))) {
            return unexpected("a release number");
        }
        int first = pos;
        int firstEnd = digits(pos);
        if (firstEnd - first > Version.MAX_DIGITS) {
            return tooLong(first);
        }
        long epoch = 0;
        pos = firstEnd;
        if (at(pos) == '!') {
            epoch = number(first, firstEnd);
            if (epoch == 0) {
                normal = false; // "0!" is omitted in the normal form
            }
            pos++;
            if (!isDigit(at(pos))) {
                return unexpected("a release number after the epoch");
            }
            first = pos;
            firstEnd = digits(pos);
            if (firstEnd - first > Version.MAX_DIGITS) {
                return tooLong(first);
            }
            pos = firstEnd;
        }
        int parts = 1;
        for (int j = pos; at(j) == '.' && isDigit(at(j + 1)); j = digits(j + 1)) {
            parts++;
        }
        long[] release = new long[parts];
        release[0] = number(first, firstEnd);
        for (int k = 1; k < parts; k++) {
            int a = pos + 1;
            int b = digits(a);
            if (b - a > Version.MAX_DIGITS) {
                return tooLong(a);
            }
            release[k] = number(a, b);
            pos = b;
        }

        // pre-release: [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? [0-9]*
        int preLabel = -1;
        long preNumber = 0;
        {
            int j = pos;
            boolean sep = isSep(at(j));
            if (sep) {
                j++;
            }
            int label = -1;
            int len = 0;
            char c = lower(at(j));
            if (c == 'a') {
                label = 0;
                len = matches(j, "alpha") ? 5 : 1;
            } else if (c == 'b') {
                label = 1;
                len = matches(j, "beta") ? 4 : 1;
            } else if (c == 'p' && matches(j, "pre")) {
                label = 2;
                len = matches(j, "preview") ? 7 : 3;
            } else if (c == 'c') {
                label = 2;
                len = 1;
            } else if (c == 'r' && lower(at(j + 1)) == 'c') {
                label = 2;
                len = 2;
            }
            if (label >= 0) {
                if (sep || !(isExactly(j, len, "a") || isExactly(j, len, "b") || isExactly(j, len, "rc"))) {
                    normal = false;
                }
                j = labelNumber(j + len);
                if (j < 0) {
                    return tooLong(-j - 1);
                }
                preNumber = lastNumber;
                preLabel = label;
                pos = j;
            }
        }

        // post-release: -N | [._-]? (post|rev|r) [._-]? [0-9]*
        long post = Version.ABSENT;
        {
            int j = pos;
            if (at(j) == '-' && isDigit(at(j + 1))) {
                normal = false;
                int b = digits(j + 1);
                if (b - j - 1 > Version.MAX_DIGITS) {
                    return tooLong(j + 1);
                }
                post = number(j + 1, b);
                pos = b;
            } else {
                char sepChar = at(j);
                boolean sep = isSep(sepChar);
                if (sep) {
                    j++;
                }
                int len = 0;
                char c = lower(at(j));
                if (c == 'p' && matches(j, "post")) {
                    len = 4;
                } else if (c == 'r') {
                    len = matches(j, "rev") ? 3 : 1;
                }
                if (len > 0) {
                    if (sepChar != '.' || !isExactly(j, len, "post")) {
                        normal = false;
                    }
                    j = labelNumber(j + len);
                    if (j < 0) {
                        return tooLong(-j - 1);
                    }
                    post = lastNumber;
                    pos = j;
                }
            }
        }

        // dev release: [._-]? dev [._-]? [0-9]*
        long dev = Version.ABSENT;
        {
            int j = pos;
            char sepChar = at(j);
            if (isSep(sepChar)) {
                j++;
            }
            if (lower(at(j)) == 'd' && matches(j, "dev")) {
                if (sepChar != '.' || !isExactly(j, 3, "dev")) {
                    normal = false;
                }
                j = labelNumber(j + 3);
                if (j < 0) {
                    return tooLong(-j - 1);
                }
                dev = lastNumber;
                pos = j;
            }
        }

        // local: \+ [a-z0-9]+ ([._-][a-z0-9]+)*
        String local = null;
        if (at(pos) == '+' && isAlnum(at(pos + 1))) {
            Object l = local(pos + 1);
            if (l instanceof Integer) {
                return tooLong((Integer) l);
            }
            local = (String) l;
        }
        if (pos != end) {
            return unexpected(expectedAfter(preLabel, post, dev, local));
        }
        BigInteger[] big = bigs == null ? null : bigs.toArray(new BigInteger[0]);
        String text = normal && s instanceof String str ? str : null;
        return new Version(epoch, release, preLabel, preNumber, post, dev, local, big, text);
    }

    /** Parses the local label starting at {@code from}; returns its normal form or the index of a too long number. */
    private Object local(int from) {
        int j = from;
        boolean localNormal = true;
        while (true) {
            int segStart = j;
            boolean allDigits = true;
            while (isAlnum(at(j))) {
                char c = s.charAt(j);
                if (c >= 'A' && c <= 'Z') {
                    localNormal = false;
                }
                if (!isDigit(c)) {
                    allDigits = false;
                }
                j++;
            }
            if (allDigits) {
                if (j - segStart > Version.MAX_DIGITS) {
                    return segStart;
                }
                if (j - segStart > 1 && s.charAt(segStart) == '0') {
                    localNormal = false;
                }
            }
            char c = at(j);
            if (isSep(c) && isAlnum(at(j + 1))) {
                if (c != '.') {
                    localNormal = false;
                }
                j++;
            } else {
                break;
            }
        }
        pos = j;
        if (localNormal) {
            return s.subSequence(from, j).toString();
        }
        normal = false;
        StringBuilder out = new StringBuilder(j - from);
        int k = from;
        while (k < j) {
            int segStart = k;
            boolean allDigits = true;
            while (k < j && !isSep(s.charAt(k))) {
                if (!isDigit(s.charAt(k))) {
                    allDigits = false;
                }
                k++;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            if (allDigits) {
                int z = segStart;
                while (z < k - 1 && s.charAt(z) == '0') {
                    z++;
                }
                out.append(s, z, k);
            } else {
                for (int q = segStart; q < k; q++) {
                    out.append(lower(s.charAt(q)));
                }
            }
            k++;
        }
        return out.toString();
    }

    private String expectedAfter(int preLabel, long post, long dev, @Nullable String local) {
        if (local != null) {
            return "the end after the local label";
        }
        if (at(pos) == '+') {
            return "a local label of letters and digits after '+'";
        }
        if (dev != Version.ABSENT) {
            return "a local label ('+...') or the end";
        }
        if (post != Version.ABSENT) {
            return "a dev release ('.devN'), a local label ('+...') or the end";
        }
        if (preLabel >= 0) {
            return "a post release ('.postN'), a dev release ('.devN'), a local label ('+...') or the end";
        }
        return "a digit, a pre-release ('aN', 'bN', 'rcN'), a post release ('.postN'), a dev release"
                + " ('.devN'), a local label ('+...') or the end";
    }

    /**
     * Parses {@code [._-]? [0-9]*} after a pre, post or dev label starting at {@code j}: stores the number (0
     * when implicit) in {@link #lastNumber} and returns the index after it, or {@code -1 - start} when the
     * number starting at {@code start} is too long.
     */
    private int labelNumber(int j) {
        if (isSep(at(j))) {
            normal = false;
            j++;
        }
        if (!isDigit(at(j))) {
            normal = false;
            lastNumber = 0;
            return j;
        }
        int b = digits(j);
        if (b - j > Version.MAX_DIGITS) {
            return -1 - j;
        }
        lastNumber = number(j, b);
        return b;
    }

    private int digits(int from) {
        int j = from;
        while (j < end && isDigit(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Encodes the number in {@code s[a, b)} (all ASCII digits). */
    private long number(int a, int b) {
        int z = a;
        while (z < b - 1 && s.charAt(z) == '0') {
            z++;
        }
        if (z != a) {
            normal = false;
        }
        if (b - z <= Version.LONG_DIGITS) {
            long v = 0;
            for (int k = z; k < b; k++) {
                v = v * 10 + (s.charAt(k) - '0');
            }
            return v;
        }
        if (bigs == null) {
            bigs = new ArrayList<>(2);
        }
        bigs.add(new BigInteger(s.subSequence(z, b).toString()));
        return -1L - bigs.size();
    }

    private char at(int i) {
        return i < end ? s.charAt(i) : '\uffff';
    }

    /** Whether {@code s[j..]} starts with the lower-case ASCII word, ignoring ASCII case only. */
    private boolean matches(int j, String word) {
        if (end - j < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lower(s.charAt(j + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[j, j+len)} is exactly the (normal-form) word. */
    private boolean isExactly(int j, int len, String word) {
        if (len != word.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (s.charAt(j + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Records an unexpected character (or end) at {@link #pos}; returns null. */
    private @Nullable Version unexpected(String expected) {
        errorAt = pos;
        errorExpected = expected;
        return null;
    }

    private @Nullable Version tooLong(int at) {
        errorAt = at;
        errorTooLong = true;
        return null;
    }

    private @Nullable Version fail(String why) {
        errorWhy = why;
        return null;
    }

    /** The message for the failure that {@link #run()} recorded; built only when asked for. */
    String message() {
        String why = errorWhy;
        if (why == null && errorTooLong) {
            why = "the number at index " + errorAt + " has more than " + Version.MAX_DIGITS
                    + " digits (Python's int() limit, which packaging inherits)";
        } else if (why == null && errorAt >= end) {
            why = "expected " + errorExpected + " at the end";
        } else if (why == null) {
            char c = s.charAt(errorAt);
            String shown = c < 0x20 || c == 0x7f ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c)
                    : String.valueOf(c);
            why = "unexpected '" + shown + "' at index " + errorAt + ", expected " + errorExpected;
        }
        return "invalid version " + Texts.quote(s) + ": " + why
                + "; a PEP 440 version looks like 1.2.3, 1.0rc1, 2!1.0.post1.dev2 or 1.0+local.1 (SPEC VER-01,"
                + " VER-03)";
    }

    /**
     * The fast path for the commonest spelling, a normal-form release of digits and dots ({@code 1.2.3}) with
     * parts of at most 18 digits; returns null for anything else (the general parser then decides).
     */
    static @Nullable Version simple(CharSequence s) {
        int n = s.length();
        int parts = 1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                parts++;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        long[] release = new long[parts];
        int k = 0;
        int start = 0;
        long value = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c == '.') {
                int digits = i - start;
                if (digits == 0 || digits > Version.LONG_DIGITS || digits > 1 && s.charAt(start) == '0') {
                    return null;
                }
                release[k++] = value;
                value = 0;
                start = i + 1;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return new Version(0, release, -1, 0, Version.ABSENT, Version.ABSENT, null, null, s instanceof String str ? str : null);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSep(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    static boolean isAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** ASCII-only lower-casing (Python's re with the ASCII flag); any other char is returned unchanged. */
    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * Python's {@code str.isspace()}, which is also what its {@code re} module's {@code \s} and
     * {@code str.strip()} use for strings.
     *
     * @param c a char
     * @return true if Python treats it as whitespace
     */
    static boolean isPythonSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f;
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || c >= 0x2000 && c <= 0x200a || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }
}
