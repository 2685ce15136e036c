package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagPatternTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "v1.2, 1.2", "1.2, 1.2", "v2!1.0rc1, 2!1.0rc1", "V1.0, -", "latest, -", "release-1.2, -", "v, -",
        "pkg-a/v1.2, -", "v1.0+local, 1.0+local"})
    void defaultPattern(String tag, String version) {
        assertThat(TagPattern.defaultPattern().version(tag).orElse(null)).isEqualTo(version);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "release-, release-1.2, 1.2", "release-, release-v1.2, 1.2", "release-, 1.2, -",
        "pkg-a/, pkg-a/v1.2, 1.2", "pkg-a/, pkg-b/v1.2, -", "a.b/, axb/1.0, -"})
    void prefixIsLiteral(String prefix, String tag, String version) {
        assertThat(TagPattern.prefix(prefix).version(tag).orElse(null)).isEqualTo(version);
    }

    @Test
    void regexWithProjectGroup() {
        TagPattern p = TagPattern.regex("(?<project>[^/]+)/v(?<version>.+)");
        assertThat(p.hasProjectGroup()).isTrue();
        assertThat(p.version("pkg-a/v1.2")).contains("1.2");
        assertThat(p.project("pkg-a/v1.2")).contains("pkg-a");
        assertThat(p.version("v1.2")).isEmpty();
        assertThat(TagPattern.defaultPattern().project("v1.2")).isEmpty();
    }

    @Test
    void regexNeedsAVersionGroupAndValidSyntax() {
        assertThatThrownBy(() -> TagPattern.regex("v(.+)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"v(.+)\"").hasMessageContaining("(?<version>");
        assertThatThrownBy(() -> TagPattern.regex("(?<version>[")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a regular expression");
    }
}
