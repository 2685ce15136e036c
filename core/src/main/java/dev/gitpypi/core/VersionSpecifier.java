package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One clause of a version specifier set, such as {@code >=3.8} or {@code ==1.2.*} (PEP 440 "Version specifiers";
 * SPEC META-03), with exactly the matching rules of {@code packaging.specifiers.Specifier}.
 *
 * <p>The version text is kept as written (only stripped of surrounding whitespace), as {@code packaging} keeps
 * it: {@code ==V1.0} stays {@code ==V1.0}. Equality compares the canonical form: the normalized version with
 * trailing zeros removed (except for {@code ~=}); wildcard and {@code ===} versions compare as written.
 */
public final class VersionSpecifier {

    /** The comparison operators of PEP 440. */
    public enum Operator {
        /** {@code ~=}: compatible release. */
        COMPATIBLE("~="),
        /** {@code ==}: version matching, with an optional {@code .*} prefix wildcard. */
        EQUAL("=="),
        /** {@code !=}: version exclusion, with an optional {@code .*} prefix wildcard. */
        NOT_EQUAL("!="),
        /** {@code <=}: inclusive ordered comparison. */
        LESS_EQUAL("<="),
        /** {@code >=}: inclusive ordered comparison. */
        GREATER_EQUAL(">="),
        /** {@code <}: exclusive ordered comparison; excludes pre-releases of the given final version. */
        LESS("<"),
        /** {@code >}: exclusive ordered comparison; excludes post-releases and local versions of it. */
        GREATER(">"),
        /** {@code ===}: arbitrary equality, a case-insensitive string comparison. */
        ARBITRARY("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The operator as written.
         *
         * @return for example {@code >=}
         */
        public String symbol() {
            return symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private final Operator operator;
    private final String version;
    private final boolean wildcard;
    /** The parsed version (for a wildcard: its prefix); null only for {@code ===}. */
    private final @Nullable Version parsed;
    /**
     * For {@code ~=}: packaging's {@code _version_split} of the canonicalized prefix, when it is not purely
     * numeric (then matching compares strings, exactly as packaging does); null when the numeric fast path applies.
     */
    private final @Nullable List<String> oddPrefix;
    /** For {@code ~=} with a numeric prefix: the prefix as a version; for wildcards: {@link #parsed}. */
    private final @Nullable Version prefix;
    private final String canonical;

    private VersionSpecifier(Operator operator, String version, boolean wildcard, @Nullable Version parsed,
            @Nullable Version prefix, @Nullable List<String> oddPrefix) {
        this.operator = operator;
        this.version = version;
        this.wildcard = wildcard;
        this.parsed = parsed;
        this.prefix = prefix;
        this.oddPrefix = oddPrefix;
        if (parsed == null || wildcard) {
            this.canonical = operator.symbol + version;
        } else {
            this.canonical = operator.symbol
                    + (operator == Operator.COMPATIBLE ? parsed.toString() : parsed.toTrimmedString());
        }
    }

    /**
     * Parses one specifier clause such as {@code >= 3.8}, {@code !=3.9.*} or {@code ===foobar}.
     *
     * @param text the clause; surrounding whitespace is ignored
     * @return the specifier
     * @throws InvalidSpecifierException if it is not a valid specifier; the message quotes it
     */
    public static VersionSpecifier parse(CharSequence text) {
        Objects.requireNonNull(text, "specifier text must not be null");
        String s = text.toString();
        return parseClause(strip(s, 0, s.length()), s);
    }

    /**
     * Parses one specifier clause, or returns empty if it is not valid (or is null).
     *
     * @param text the candidate
     * @return the specifier, or empty
     */
    public static Optional<VersionSpecifier> tryParse(@Nullable CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (InvalidSpecifierException e) {
            return Optional.empty();
        }
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s, int from, int to) {
        while (from < to && VersionParser.isPythonSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && VersionParser.isPythonSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Parses a clause already stripped of surrounding whitespace; {@code whole} is quoted in messages. */
    static VersionSpecifier parseClause(String clause, String whole) {
        Operator op;
        if (clause.startsWith("===")) {
            op = Operator.ARBITRARY;
        } else if (clause.startsWith("~=")) {
            op = Operator.COMPATIBLE;
        } else if (clause.startsWith("==")) {
            op = Operator.EQUAL;
        } else if (clause.startsWith("!=")) {
            op = Operator.NOT_EQUAL;
        } else if (clause.startsWith("<=")) {
            op = Operator.LESS_EQUAL;
        } else if (clause.startsWith(">=")) {
            op = Operator.GREATER_EQUAL;
        } else if (clause.startsWith("<")) {
            op = Operator.LESS;
        } else if (clause.startsWith(">")) {
            op = Operator.GREATER;
        } else {
            throw invalid(clause, whole, "expected an operator (~=, ==, !=, <=, >=, <, >, ===) at the start");
        }
        String version = strip(clause, op.symbol.length(), clause.length());
        if (op == Operator.ARBITRARY) {
            for (int i = 0; i < version.length(); i++) {
                char c = version.charAt(i);
                if (c == ';' || c == ')' || VersionParser.isPythonSpace(c)) {
                    throw invalid(clause, whole, "the version of '===' must not contain whitespace, ';' or ')'");
                }
            }
            return new VersionSpecifier(op, version, false, null, null, null);
        }
        if (version.isEmpty()) {
            throw invalid(clause, whole, "expected a version after '" + op.symbol + "'");
        }
        if (version.endsWith(".*")) {
            if (op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
                throw invalid(clause, whole, "a '.*' wildcard is only allowed with '==' and '!='");
            }
            String head = version.substring(0, version.length() - 2);
            if (!isWildcardPrefix(head)) {
                throw invalid(clause, whole, "a '.*' wildcard must follow a release such as 1.2 (no pre, post, dev"
                        + " or local part)");
            }
            Version base = parseVersion(head, clause, whole);
            return new VersionSpecifier(op, version, true, base, base, null);
        }
        Version v = parseVersion(version, clause, whole);
        if (v.hasLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
            throw invalid(clause, whole, "a local version label is only allowed with '==' and '!='");
        }
        if (op != Operator.COMPATIBLE) {
            return new VersionSpecifier(op, version, false, v, null, null);
        }
        if (v.releaseLength() < 2) {
            throw invalid(clause, whole, "'~=' needs a release of at least two parts, such as ~=2.2");
        }
        // packaging: prefix = _version_join(takewhile(_is_not_suffix, _version_split(spec))[:-1]) + ".*"
        List<String> parts = versionSplit(version);
        int keep = 0;
        while (keep < parts.size() && isNotSuffix(parts.get(keep))) {
            keep++;
        }
        List<String> kept = parts.subList(0, keep - 1);
        String joined = kept.get(0) + "!" + String.join(".", kept.subList(1, kept.size()));
        Optional<Version> canonicalPrefix = Version.tryParse(joined);
        List<String> split = versionSplit(canonicalPrefix.map(Version::toString).orElse(joined));
        if (numericPrefixLength(split) == split.size() && canonicalPrefix.isPresent()) {
            return new VersionSpecifier(op, version, false, v, canonicalPrefix.get(), null);
        }
        return new VersionSpecifier(op, version, false, v, null, List.copyOf(split));
    }

    private static Version parseVersion(String version, String clause, String whole) {
        Optional<Version> v = Version.tryParse(version);
        if (v.isEmpty()) {
            throw invalid(clause, whole, "the version " + Texts.quote(version) + " is not a valid PEP 440"
                    + " version (SPEC VER-01)");
        }
        return v.get();
    }

    /** {@code v? ([0-9]+!)? [0-9]+(\.[0-9]+)*}. */
    private static boolean isWildcardPrefix(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
            i++;
        }
        int d = digitsFrom(s, i);
        if (d == i) {
            return false;
        }
        i = d;
        if (i < n && s.charAt(i) == '!') {
            d = digitsFrom(s, i + 1);
            if (d == i + 1) {
                return false;
            }
            i = d;
        }
        while (i < n && s.charAt(i) == '.') {
            d = digitsFrom(s, i + 1);
            if (d == i + 1) {
                return false;
            }
            i = d;
        }
        return i == n;
    }

    private static int digitsFrom(String s, int i) {
        while (i < s.length() && VersionParser.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static InvalidSpecifierException invalid(String clause, String whole, String why) {
        String where = clause.equals(whole) ? Texts.quote(clause)
                : Texts.quote(clause) + " in " + Texts.quote(whole);
        return new InvalidSpecifierException("invalid version specifier " + where + ": " + why + " (SPEC META-03)");
    }

    // packaging's string helpers for ~=, reproduced literally so that odd spellings behave identically

    /** packaging's {@code _version_split}. */
    static List<String> versionSplit(String version) {
        List<String> out = new ArrayList<>();
        int bang = version.lastIndexOf('!');
        String epoch = bang < 0 ? "" : version.substring(0, bang);
        out.add(epoch.isEmpty() ? "0" : epoch);
        String rest = version.substring(bang + 1);
        int from = 0;
        while (true) {
            int dot = rest.indexOf('.', from);
            String item = rest.substring(from, dot < 0 ? rest.length() : dot);
            int digits = digitsFrom(item, 0);
            if (digits > 0 && isPreSuffix(item, digits)) {
                out.add(item.substring(0, digits));
                out.add(item.substring(digits));
            } else {
                out.add(item);
            }
            if (dot < 0) {
                return out;
            }
            from = dot + 1;
        }
    }

    /** {@code (?:a|b|c|rc)[0-9]+} matches {@code item[from..]} entirely. */
    private static boolean isPreSuffix(String item, int from) {
        int i = from;
        if (item.startsWith("rc", i)) {
            i += 2;
        } else if (i < item.length() && "abc".indexOf(item.charAt(i)) >= 0) {
            i++;
        } else {
            return false;
        }
        return i < item.length() && digitsFrom(item, i) == item.length();
    }

    private static boolean isNotSuffix(String segment) {
        return !(segment.startsWith("dev") || segment.startsWith("a") || segment.startsWith("b")
                || segment.startsWith("rc") || segment.startsWith("post"));
    }

    private static int numericPrefixLength(List<String> split) {
        int count = 0;
        for (String segment : split) {
            if (segment.isEmpty() || digitsFrom(segment, 0) != segment.length()) {
                break;
            }
            count++;
        }
        return count;
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The operator.
     *
     * @return the operator
     */
    public Operator operator() {
        return operator;
    }

    /**
     * The version as written (stripped of whitespace), including a trailing {@code .*}.
     *
     * @return for example {@code 3.9.*}
     */
    public String version() {
        return version;
    }

    /**
     * Whether the version ends with the prefix wildcard {@code .*}.
     *
     * @return true for {@code ==1.2.*}
     */
    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Whether a version matches, with {@code packaging}'s default pre-release handling for a single candidate: a
     * matching pre-release is contained.
     *
     * @param candidate the version
     * @return true if it matches
     */
    public boolean contains(Version candidate) {
        return matches(candidate);
    }

    /**
     * Whether a version matches; when {@code prereleases} is false, pre-releases (and dev releases) never do.
     *
     * @param candidate the version
     * @param prereleases whether pre-releases may match
     * @return true if it matches
     */
    public boolean contains(Version candidate, boolean prereleases) {
        return (prereleases || !candidate.isPrerelease()) && matches(candidate);
    }

    /** The operator's test, exactly as packaging's {@code Specifier._compare_*}. */
    boolean matches(Version v) {
        Version spec = parsed;
        if (spec == null) {
            return arbitraryEquals(v.toString(), version);
        }
        switch (operator) {
            case EQUAL:
                return equal(v, spec);
            case NOT_EQUAL:
                return !equal(v, spec);
            case LESS_EQUAL:
                return v.comparePublic(spec) <= 0;
            case GREATER_EQUAL:
                return v.comparePublic(spec) >= 0;
            case LESS:
                if (v.compareTo(spec) >= 0) {
                    return false;
                }
                return spec.isPrerelease() || !v.isPrerelease() || v.compareTo(spec.withDev0()) < 0;
            case GREATER:
                if (v.compareTo(spec) <= 0) {
                    return false;
                }
                if (!spec.isPostRelease() && v.isPostRelease() && v.postBase().equals(spec)) {
                    return false;
                }
                return !(v.hasLocal() && v.comparePublic(spec) == 0);
            case COMPATIBLE:
                if (v.comparePublic(spec) < 0) {
                    return false;
                }
                return prefix != null ? prefixMatches(v, prefix) : oddPrefixMatches(v, Objects.requireNonNull(oddPrefix));
            default:
                throw new AssertionError(operator);
        }
    }

    private boolean equal(Version v, Version spec) {
        if (wildcard) {
            return prefixMatches(v, spec);
        }
        return spec.hasLocal() ? v.compareTo(spec) == 0 : v.comparePublic(spec) == 0;
    }

    /** {@code ==P.*}: same epoch, and the release (padded with zeros) starts with P's release. */
    private static boolean prefixMatches(Version v, Version p) {
        if (!v.sameEpoch(p)) {
            return false;
        }
        for (int i = 0; i < p.releaseLength(); i++) {
            if (v.compareReleasePart(i, p, i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** packaging's string comparison of {@code _version_split} lists, for ~= prefixes that are not numeric. */
    private static boolean oddPrefixMatches(Version v, List<String> split) {
        List<String> prospective = versionSplit(v.publicVersion());
        int numeric = numericPrefixLength(prospective);
        int target = numericPrefixLength(split);
        List<String> padded = new ArrayList<>(prospective.subList(0, numeric));
        for (int i = numeric; i < target; i++) {
            padded.add("0");
        }
        padded.addAll(prospective.subList(numeric, prospective.size()));
        return padded.subList(0, Math.min(padded.size(), split.size())).equals(split);
    }

    /**
     * {@code str(v).lower() == spec.lower()} where {@code str(v)} is a normal form (lower-case ASCII). The only
     * non-ASCII character whose Python lower-case form is ASCII is the Kelvin sign (to {@code k}).
     */
    private static boolean arbitraryEquals(String normal, String spec) {
        if (normal.length() != spec.length()) {
            return false;
        }
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            char lower = c == '\u212a' ? 'k' : VersionParser.lower(c);
            if (lower != normal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical form used for equality and de-duplication (packaging's {@code _canonical_spec}). */
    String canonical() {
        return canonical;
    }

    /**
     * Equal when the canonical forms are: {@code ==1.0} equals {@code == 1.0.0}; {@code ~=1.0} differs from
     * {@code ~=1.0.0}.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VersionSpecifier s && s.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /**
     * The operator followed by the version as written: {@code >= 1.0} gives {@code >=1.0}.
     *
     * @return the specifier
     */
    @Override
    public String toString() {
        return operator.symbol + version;
    }
}
