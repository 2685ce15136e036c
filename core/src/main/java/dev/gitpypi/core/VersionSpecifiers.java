package dev.gitpypi.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A version specifier set such as {@code >=3.8,!=3.9.*} — what {@code Requires-Python} and
 * {@code data-requires-python} hold (SPEC META-03, P503-13) — with exactly the semantics of
 * {@code packaging.specifiers.SpecifierSet} 26.2.
 *
 * <p>Parsing splits on commas, strips whitespace and skips empty clauses, so the empty string is the empty set.
 * {@link #toString()} is {@code str(SpecifierSet)}: clauses de-duplicated by canonical form and sorted by their
 * text ({@code >=1.0,!=1.5} gives {@code !=1.5,>=1.0}).
 *
 * <p>One deliberate difference: {@code packaging} accepts a {@code ~=} clause whose pre-release or post-release
 * label is spelled with the non-ASCII letters {@code ı}, {@code İ} or {@code ſ} (its specifier pattern folds case
 * with Unicode rules there) and then fails with an {@code AssertionError} when matching, because the version does
 * not parse; such a clause, and any clause whose version {@code packaging.version.Version} rejects, is rejected
 * here at parse time.
 */
public final class VersionSpecifiers {
    private static final VersionSpecifiers EMPTY = new VersionSpecifiers(List.of());

    private final List<VersionSpecifier> specifiers;
    /** The canonical forms of the clauses, unique, in the order of their sorted texts. */
    private final List<String> keys;
    private final String text;

    private VersionSpecifiers(List<VersionSpecifier> specifiers) {
        this.specifiers = specifiers;
        List<VersionSpecifier> sorted = new ArrayList<>(specifiers);
        sorted.sort((a, b) -> compareCodePoints(a.toString(), b.toString()));
        Map<String, VersionSpecifier> unique = new LinkedHashMap<>();
        for (VersionSpecifier s : sorted) {
            unique.putIfAbsent(s.canonical(), s);
        }
        StringBuilder out = new StringBuilder();
        for (VersionSpecifier s : unique.values()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(s);
        }
        this.keys = List.copyOf(unique.keySet());
        this.text = out.toString();
    }

    /**
     * Parses a specifier set such as {@code >=3.8,!=3.9.*}.
     *
     * @param text the specifier set; the empty string (or only whitespace and commas) is the empty set
     * @return the set
     * @throws InvalidSpecifierException if a clause is not valid; the message quotes it and the whole set
     */
    public static VersionSpecifiers parse(CharSequence text) {
        Objects.requireNonNull(text, "specifier set text must not be null");
        String s = text.toString();
        List<VersionSpecifier> out = new ArrayList<>();
        int from = 0;
        while (from <= s.length()) {
            int comma = s.indexOf(',', from);
            int to = comma < 0 ? s.length() : comma;
            String clause = VersionSpecifier.strip(s, from, to);
            if (!clause.isEmpty()) {
                out.add(VersionSpecifier.parseClause(clause, s));
            }
            from = to + 1;
        }
        return out.isEmpty() ? EMPTY : new VersionSpecifiers(List.copyOf(out));
    }

    /**
     * Parses a specifier set, or returns empty if it is not valid (or is null).
     *
     * @param text the candidate
     * @return the set, or empty
     */
    public static Optional<VersionSpecifiers> tryParse(@Nullable CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (InvalidSpecifierException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a string is a valid specifier set.
     *
     * @param text the candidate (null is not valid)
     * @return true if {@link #parse(CharSequence)} accepts it
     */
    public static boolean isValid(@Nullable CharSequence text) {
        return tryParse(text).isPresent();
    }

    /**
     * The empty set, which contains every version.
     *
     * @return the empty set
     */
    public static VersionSpecifiers empty() {
        return EMPTY;
    }

    /**
     * The clauses in the order written (duplicates kept).
     *
     * @return the clauses
     */
    public List<VersionSpecifier> specifiers() {
        return specifiers;
    }

    /**
     * Whether the set has no clauses.
     *
     * @return true for the empty set
     */
    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /**
     * Whether every clause matches the version; as {@code SpecifierSet.contains(v)} with
     * {@code prereleases=None}, a pre-release is contained when it matches (for a single candidate
     * {@code packaging} falls back to pre-releases because no final release matched).
     *
     * @param version the version
     * @return true if contained
     */
    public boolean contains(Version version) {
        for (VersionSpecifier s : specifiers) {
            if (!s.matches(version)) {
                return false;
            }
        }
        return true;
    }

    /**
     * As {@code SpecifierSet.contains(v, prereleases=...)}: with {@code false}, pre-releases and dev releases
     * are never contained; with {@code true}, as {@link #contains(Version)}.
     *
     * @param version the version
     * @param prereleases whether pre-releases may be contained
     * @return true if contained
     */
    public boolean contains(Version version, boolean prereleases) {
        return (prereleases || !version.isPrerelease()) && contains(version);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Equal when the de-duplicated canonical clauses are equal ({@code >=1.0,!=1.5} equals
     * {@code !=1.5.0, >=1}).
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VersionSpecifiers s && keys.equals(s.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    /**
     * The normal form, {@code str(SpecifierSet)}: unique clauses sorted by text, joined by commas.
     *
     * @return for example {@code !=3.9.*,>=3.8}
     */
    @Override
    public String toString() {
        return text;
    }
}
