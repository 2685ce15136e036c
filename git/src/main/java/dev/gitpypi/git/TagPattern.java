package dev.gitpypi.git;

import dev.gitpypi.core.internal.Texts;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Which Git tags name a release, and which part of the tag is the version. A pattern is a regular expression that
 * must match the whole tag name and has a named group {@code version}; it may have a named group {@code project}
 * that names the project in a monorepo tag such as {@code pkg-a/v1.2}.
 *
 * <p>The text of the {@code version} group is only a candidate: the source parses it as a PEP 440 version and
 * skips, with a warning naming the tag, every tag whose candidate is not one.
 *
 * <p>Presets: {@link #defaultPattern()} ({@code v1.2}, {@code 1.2}), {@link #prefix(String)} ({@code release-1.2},
 * {@code pkg-a/v1.2}), {@link #regex(String)} for anything else. Immutable and thread-safe.
 */
public final class TagPattern {
    private static final TagPattern DEFAULT = new TagPattern(Pattern.compile("v?(?<version>[0-9].*)"));

    private final Pattern pattern;
    private final boolean hasProject;

    private TagPattern(Pattern pattern) {
        this.pattern = pattern;
        this.hasProject = pattern.pattern().contains("(?<project>");
    }

    /**
     * The default: an optional {@code v} followed by a version that starts with a digit, such as {@code v1.2},
     * {@code 1.2}, {@code v2!1.0} or {@code 1.0rc1}.
     *
     * @return the default pattern
     */
    public static TagPattern defaultPattern() {
        return DEFAULT;
    }

    /**
     * Tags that start with a literal prefix, then an optional {@code v}, then the version: {@code prefix("release-")}
     * matches {@code release-1.2}, {@code prefix("pkg-a/")} matches {@code pkg-a/v1.2} and {@code pkg-a/1.2}.
     *
     * @param prefix the literal prefix, may be empty
     * @return the pattern
     */
    public static TagPattern prefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new TagPattern(Pattern.compile(Pattern.quote(prefix) + "v?(?<version>[0-9].*)"));
    }

    /**
     * A regular expression (Java syntax) that must match a whole tag name, with a named group {@code version} and
     * optionally a named group {@code project}, such as {@code (?<project>[^/]+)/v(?<version>.+)}.
     *
     * @param regex the expression
     * @return the pattern
     * @throws IllegalArgumentException if the expression does not compile or has no {@code version} group
     */
    public static TagPattern regex(String regex) {
        Objects.requireNonNull(regex, "regex");
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("tag pattern " + Texts.quote(regex)
                    + " is not a regular expression: " + e.getDescription(), e);
        }
        if (!regex.contains("(?<version>")) {
            throw new IllegalArgumentException("tag pattern " + Texts.quote(regex)
                    + " has no named group (?<version>...)");
        }
        return new TagPattern(p);
    }

    /**
     * The version candidate of a tag.
     *
     * @param tag a tag name (without {@code refs/tags/})
     * @return the text of the {@code version} group if the whole tag matches, else empty
     */
    public Optional<String> version(String tag) {
        Matcher m = pattern.matcher(tag);
        return m.matches() ? Optional.ofNullable(m.group("version")) : Optional.empty();
    }

    /**
     * The project a tag names, for patterns with a {@code project} group.
     *
     * @param tag a tag name
     * @return the text of the {@code project} group if the tag matches and the pattern has one, else empty
     */
    public Optional<String> project(String tag) {
        if (!hasProject) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(tag);
        return m.matches() ? Optional.ofNullable(m.group("project")) : Optional.empty();
    }

    /** @return whether the pattern has a {@code project} group */
    public boolean hasProjectGroup() {
        return hasProject;
    }

    /** @return the regular expression */
    public String regex() {
        return pattern.pattern();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TagPattern t && t.pattern.pattern().equals(pattern.pattern());
    }

    @Override
    public int hashCode() {
        return pattern.pattern().hashCode();
    }

    /** The regular expression. */
    @Override
    public String toString() {
        return pattern.pattern();
    }
}
