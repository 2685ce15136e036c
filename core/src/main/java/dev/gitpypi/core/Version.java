package dev.gitpypi.core;

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
    static final long ABSENT = -1;

    /** Numbers with at most this many significant digits are kept as a long. */
    static final int LONG_DIGITS = 18;

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

    Version(long epoch, long[] release, int preLabel, long preNumber, long post, long dev,
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
        Version simple = VersionParser.simple(text);
        if (simple != null) {
            return simple;
        }
        VersionParser parser = new VersionParser(text);
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
        Version simple = VersionParser.simple(text);
        return Optional.ofNullable(simple != null ? simple : new VersionParser(text).run());
    }

    /**
     * Whether a string is a valid version in any permitted spelling (SPEC VER-01..VER-03).
     *
     * @param text the candidate (null is not valid)
     * @return true if {@link #parse(CharSequence)} would accept it
     */
    public static boolean isValid(@Nullable CharSequence text) {
        return text != null && (VersionParser.simple(text) != null || new VersionParser(text).run() != null);
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
            if (!VersionParser.isDigit(s.charAt(k))) {
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
