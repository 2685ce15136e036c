package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PEP 440 version (SPEC §11), parsed exactly as {@code packaging.version.Version} parses it and ordered exactly
 * as it orders.
 *
 * <p>{@link #parse(CharSequence)} accepts every permitted spelling (SPEC VER-03: case-insensitive letters,
 * alternative pre/post/dev spellings and separators, implicit numbers, a leading {@code v}, surrounding
 * whitespace) and {@link #toString()} is the normal form ({@code 1.0-alpha} becomes {@code 1.0a0}). Numbers are
 * unbounded, as in Python, up to Python's default limit of 4300 digits per number, beyond which
 * {@code packaging} rejects the version too.
 *
 * <p>Ordering (SPEC VER-04, VER-07): epoch, then release (padded with zeros, so {@code 1.0} equals
 * {@code 1.0.0}), then {@code .devN} &lt; {@code aN} &lt; {@code bN} &lt; {@code rcN} &lt; final &lt;
 * {@code .postN}, then the local label (no label first; segment by segment, numeric segments above alphanumeric
 * ones, a shorter label before a longer one it prefixes). {@link #equals(Object)} and {@link #hashCode()} agree
 * with {@link #compareTo(Version)}.
 *
 * <p>Instances are immutable and thread-safe. Parsing is a single linear pass without regular expressions.
 */
public final class Version implements Comparable<Version> {

    /** Python's default {@code sys.get_int_max_str_digits()}: {@code int()} rejects longer digit strings. */
    static final int MAX_DIGITS = 4300;

    /** Encoded number meaning "absent". Values >= 0 are the number; values <= -2 index {@link #bigs}. */
    private static final long ABSENT = -1;

    /** Numbers with at most this many significant digits are kept as a long. */
    private static final int LONG_DIGITS = 18;

    /** The label of a pre-release (SPEC VER-03: {@code alpha}, {@code beta}, {@code c}, ... normalize to these). */
    public enum PreLabel {
        /** Alpha, spelled {@code a} in the normal form. */
        A("a"),
        /** Beta, spelled {@code b} in the normal form. */
        B("b"),
        /** Release candidate, spelled {@code rc} in the normal form. */
        RC("rc");

        private final String text;

        PreLabel(String text) {
            this.text = text;
        }

        /**
         * The normal-form spelling.
         *
         * @return {@code a}, {@code b} or {@code rc}
         */
        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The pre-release segment of a version, such as {@code rc1}.
     *
     * @param label the label
     * @param number the number ({@code 0} when the input had none)
     */
    public record Pre(PreLabel label, BigInteger number) {
        /**
         * Validates the parts.
         *
         * @param label the label
         * @param number the number, not negative
         */
        public Pre {
            Objects.requireNonNull(label, "label");
            if (number.signum() < 0) {
                throw new IllegalArgumentException("pre-release number must not be negative: " + number);
            }
        }

        @Override
        public String toString() {
            return label.text + number;
        }
    }

    private final long epoch;
    private final long[] release;
    /** -1 when absent, else the ordinal of the {@link PreLabel}. */
    private final int preLabel;
    private final long preNumber;
    private final long post;
    private final long dev;
    private final @Nullable String local;
    private final BigInteger @Nullable [] bigs;
    /** The normal form, computed on demand (racy single-check; Strings are safely published). */
    private @Nullable String text;
    private int hash;

    private Version(long epoch, long[] release, int preLabel, long preNumber, long post, long dev,
            @Nullable String local, BigInteger @Nullable [] bigs, @Nullable String text) {
        this.epoch = epoch;
        this.release = release;
        this.preLabel = preLabel;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.bigs = bigs;
        this.text = text;
    }

    /**
     * Parses a version in any spelling PEP 440 permits (SPEC VER-01..VER-03).
     *
     * @param text the version, for example {@code 1.0}, {@code v2.1-RC.1} or {@code 1!2.0.post1.dev3+ubuntu-1}
     * @return the version
     * @throws InvalidVersionException if the text is not a valid version; the message quotes it and says what
     *     was expected where
     */
    public static Version parse(CharSequence text) {
        Objects.requireNonNull(text, "version text must not be null");
        Version simple = parseSimple(text);
        if (simple != null) {
            return simple;
        }
        Parser parser = new Parser(text);
        Version v = parser.run();
        if (v == null) {
            throw new InvalidVersionException(parser.message());
        }
        return v;
    }

    /**
     * Parses a version, or returns empty if the text is not a valid version (or is null).
     *
     * @param text the candidate
     * @return the version, or empty
     */
    public static Optional<Version> tryParse(@Nullable CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        Version simple = parseSimple(text);
        return Optional.ofNullable(simple != null ? simple : new Parser(text).run());
    }

    /**
     * Whether a string is a valid version in any permitted spelling (SPEC VER-01..VER-03).
     *
     * @param text the candidate (null is not valid)
     * @return true if {@link #parse(CharSequence)} would accept it
     */
    public static boolean isValid(@Nullable CharSequence text) {
        return text != null && (parseSimple(text) != null || new Parser(text).run() != null);
    }

    /**
     * The fast path for the commonest spelling, a normal-form release of digits and dots ({@code 1.2.3}) with
     * parts of at most 18 digits; returns null for anything else (the general parser then decides).
     */
    private static @Nullable Version parseSimple(CharSequence s) {
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
                if (digits == 0 || digits > LONG_DIGITS || digits > 1 && s.charAt(start) == '0') {
                    return null;
                }
                release[k++] = value;
                value = 0;
                start = i + 1;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return new Version(0, release, -1, 0, ABSENT, ABSENT, null, null, s instanceof String str ? str : null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Parser

    /** A single left-to-right pass mirroring packaging's possessive VERSION_PATTERN. */
    private static final class Parser {
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

        Parser(CharSequence s) {
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
            if (firstEnd - first > MAX_DIGITS) {
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
                if (firstEnd - first > MAX_DIGITS) {
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
                if (b - a > MAX_DIGITS) {
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
            long post = ABSENT;
            {
                int j = pos;
                if (at(j) == '-' && isDigit(at(j + 1))) {
                    normal = false;
                    int b = digits(j + 1);
                    if (b - j - 1 > MAX_DIGITS) {
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
            long dev = ABSENT;
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
                    if (j - segStart > MAX_DIGITS) {
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
            if (dev != ABSENT) {
                return "a local label ('+...') or the end";
            }
            if (post != ABSENT) {
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
            if (b - j > MAX_DIGITS) {
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
            if (b - z <= LONG_DIGITS) {
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
                why = "the number at index " + errorAt + " has more than " + MAX_DIGITS
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
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSep(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    private static boolean isAlnum(char c) {
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

    // ---------------------------------------------------------------------------------------------------------
    // Accessors

    private BigInteger big(long encoded) {
        if (encoded >= 0) {
            return BigInteger.valueOf(encoded);
        }
        return Objects.requireNonNull(bigs)[(int) (-encoded - 2)];
    }

    /**
     * The epoch ({@code 0} when the version has none).
     *
     * @return the epoch
     */
    public BigInteger epoch() {
        return big(epoch);
    }

    /**
     * The release segment, as written (trailing zeros kept: {@code 1.0.0} has three parts).
     *
     * @return the release numbers, at least one
     */
    public List<BigInteger> release() {
        List<BigInteger> out = new ArrayList<>(release.length);
        for (long r : release) {
            out.add(big(r));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The pre-release segment, if any.
     *
     * @return the pre-release, or empty
     */
    public Optional<Pre> pre() {
        return preLabel < 0 ? Optional.empty() : Optional.of(new Pre(PreLabel.values()[preLabel], big(preNumber)));
    }

    /**
     * The post-release number, if any.
     *
     * @return the number, or empty
     */
    public Optional<BigInteger> post() {
        return post == ABSENT ? Optional.empty() : Optional.of(big(post));
    }

    /**
     * The development release number, if any.
     *
     * @return the number, or empty
     */
    public Optional<BigInteger> dev() {
        return dev == ABSENT ? Optional.empty() : Optional.of(big(dev));
    }

    /**
     * The local label in normal form (lower case, segments joined by {@code .}, numeric segments without leading
     * zeros), if any (SPEC VER-02).
     *
     * @return the local label, or empty
     */
    public Optional<String> local() {
        return Optional.ofNullable(local);
    }

    /**
     * The public version: the normal form without the local label.
     *
     * @return for example {@code 1!1.2.3.dev1} for {@code 1!1.2.3dev1+abc}
     */
    public String publicVersion() {
        String t = toString();
        int plus = t.indexOf('+');
        return plus < 0 ? t : t.substring(0, plus);
    }

    /**
     * The base version: epoch and release only.
     *
     * @return for example {@code 1!1.2.3} for {@code 1!1.2.3rc1.post2+abc}
     */
    public String baseVersion() {
        StringBuilder out = new StringBuilder(16);
        appendBase(out);
        return out.toString();
    }

    /**
     * Whether this is a pre-release: it has a pre-release or a dev segment (SPEC VER-07).
     *
     * @return true for {@code 1.0a1}, {@code 1.0.dev1}, {@code 1.0.post1.dev1}
     */
    public boolean isPrerelease() {
        return preLabel >= 0 || dev != ABSENT;
    }

    /**
     * Whether this is a development release.
     *
     * @return true if there is a dev segment
     */
    public boolean isDevRelease() {
        return dev != ABSENT;
    }

    /**
     * Whether this is a post-release.
     *
     * @return true if there is a post segment
     */
    public boolean isPostRelease() {
        return post != ABSENT;
    }

    boolean hasLocal() {
        return local != null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Derived versions used by specifiers

    /** This version with {@code dev=0} and no local label (packaging's {@code _earliest_prerelease}). */
    Version withDev0() {
        return new Version(epoch, release, preLabel, preNumber, post, 0, null, bigs, null);
    }

    /** This version without post, dev and local (packaging's {@code _post_base}). */
    Version postBase() {
        return new Version(epoch, release, preLabel, preNumber, ABSENT, ABSENT, null, bigs, null);
    }

    /** Whether the epochs are equal. */
    boolean sameEpoch(Version o) {
        return compareNumber(epoch, o, o.epoch) == 0;
    }

    /** Number of release parts. */
    int releaseLength() {
        return release.length;
    }

    /** Compares release part {@code i} of this (0 beyond its length) with part {@code j} of o. */
    int compareReleasePart(int i, Version o, int j) {
        long a = i < release.length ? release[i] : 0;
        long b = j < o.release.length ? o.release[j] : 0;
        return compareNumber(a, o, b);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ordering

    /** Compares encoded numbers a (of this) and b (of o); both present. */
    private int compareNumber(long a, Version o, long b) {
        if (a >= 0 && b >= 0) {
            return Long.compare(a, b);
        }
        if (a >= 0) {
            return -1; // b is big: at least 10^18
        }
        if (b >= 0) {
            return 1;
        }
        return big(a).compareTo(o.big(b));
    }

    /**
     * Compares in PEP 440 order (SPEC VER-04, VER-07), exactly as {@code packaging} does.
     *
     * @param o the other version
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(Version o) {
        int c = comparePublic(o);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    /** Compares ignoring the local labels. */
    int comparePublic(Version o) {
        if (epoch != o.epoch || epoch < 0) {
            int c = compareNumber(epoch, o, o.epoch);
            if (c != 0) {
                return c;
            }
        }
        long[] a = release;
        long[] b = o.release;
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            if (x != y || x < 0) {
                int c = compareNumber(x, o, y);
                if (c != 0) {
                    return c;
                }
            }
        }
        int c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (preLabel >= 0) {
            c = compareNumber(preNumber, o, o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        if (post == ABSENT || o.post == ABSENT) {
            c = Boolean.compare(post != ABSENT, o.post != ABSENT);
        } else {
            c = compareNumber(post, o, o.post);
        }
        if (c != 0) {
            return c;
        }
        if (dev == ABSENT || o.dev == ABSENT) {
            return Boolean.compare(dev == ABSENT, o.dev == ABSENT);
        }
        return compareNumber(dev, o, o.dev);
    }

    private int preRank() {
        if (preLabel >= 0) {
            return preLabel;
        }
        return post == ABSENT && dev != ABSENT ? -1 : 3;
    }

    /** Compares normal-form local labels: absent first; numeric segments above alphanumeric; shorter first. */
    private static int compareLocal(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (i < n && j < m) {
            int ie = a.indexOf('.', i);
            if (ie < 0) {
                ie = n;
            }
            int je = b.indexOf('.', j);
            if (je < 0) {
                je = m;
            }
            boolean an = allDigits(a, i, ie);
            boolean bn = allDigits(b, j, je);
            int c;
            if (an != bn) {
                return an ? 1 : -1;
            }
            if (an && ie - i != je - j) {
                return Integer.compare(ie - i, je - j);
            }
            c = compareRegion(a, i, ie, b, j, je);
            if (c != 0) {
                return c;
            }
            i = ie + 1;
            j = je + 1;
        }
        return Boolean.compare(i < n, j < m);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int compareRegion(String a, int i, int ie, String b, int j, int je) {
        int len = Math.min(ie - i, je - j);
        for (int k = 0; k < len; k++) {
            char x = a.charAt(i + k);
            char y = b.charAt(j + k);
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(ie - i, je - j);
    }

    /**
     * Equal in PEP 440 order: {@code 1.0} equals {@code 1.0.0} and {@code 1.0+Ubuntu-01} equals
     * {@code 1.0+ubuntu.1} (SPEC VER-04).
     *
     * @param o another object
     * @return true if it is a version comparing equal to this one
     */
    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || o instanceof Version v && compareTo(v) == 0;
    }

    /**
     * A hash consistent with {@link #equals(Object)}: trailing zero release parts are ignored.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hashNumber(epoch);
            int last = release.length;
            while (last > 0 && release[last - 1] == 0) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                h = h * 31 + hashNumber(release[i]);
            }
            h = h * 31 + preRank();
            h = h * 31 + (preLabel >= 0 ? hashNumber(preNumber) : 0);
            h = h * 31 + (post == ABSENT ? -1 : hashNumber(post));
            h = h * 31 + (dev == ABSENT ? -1 : hashNumber(dev));
            h = h * 31 + (local == null ? 0 : local.hashCode());
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    private int hashNumber(long encoded) {
        return encoded >= 0 ? Long.hashCode(encoded) : big(encoded).hashCode();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Normal form

    private void appendBase(StringBuilder out) {
        appendBase(out, release.length);
    }

    private void appendBase(StringBuilder out, int parts) {
        if (epoch != 0) {
            appendNumber(out, epoch).append('!');
        }
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                out.append('.');
            }
            appendNumber(out, release[i]);
        }
    }

    private StringBuilder appendNumber(StringBuilder out, long encoded) {
        return encoded >= 0 ? out.append(encoded) : out.append(big(encoded));
    }

    /**
     * The normal form (SPEC VER-03): {@code 1.0-alpha} gives {@code 1.0a0}, {@code v1.0} gives {@code 1.0},
     * {@code 1.0+ubuntu-1} gives {@code 1.0+ubuntu.1}; equal to {@code str(packaging.version.Version(...))}.
     *
     * @return the normal form
     */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = format(release.length);
            text = t;
        }
        return t;
    }

    /**
     * The normal form with trailing zero release parts removed (one part stays), as packaging's
     * {@code canonicalize_version(v)} writes it: {@code 1.0.0} gives {@code 1}.
     */
    String toTrimmedString() {
        int parts = release.length;
        while (parts > 1 && release[parts - 1] == 0) {
            parts--;
        }
        return parts == release.length ? toString() : format(parts);
    }

    private String format(int parts) {
        StringBuilder out = new StringBuilder(24);
        appendBase(out, parts);
        if (preLabel >= 0) {
            out.append(PreLabel.values()[preLabel].text);
            appendNumber(out, preNumber);
        }
        if (post != ABSENT) {
            appendNumber(out.append(".post"), post);
        }
        if (dev != ABSENT) {
            appendNumber(out.append(".dev"), dev);
        }
        if (local != null) {
            out.append('+').append(local);
        }
        return out.toString();
    }
}
