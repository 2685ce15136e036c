package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.SdistFilename.Extension;
import dev.gitpypi.core.internal.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SdistFilenameTest {
    private static final ProjectName FOO = ProjectName.of("foo");
    private static final ProjectName FOO_BAR = ProjectName.of("foo-bar");

    // ---- SD-01: the canonical form ---------------------------------------------------------------------------------

    @Test
    void sd01CanonicalForm() {
        SdistFilename s = SdistFilename.of(ProjectName.of("Foo.Bar"), Version.parse("1.0"));
        assertThat(s.filename()).isEqualTo("foo_bar-1.0.tar.gz").isEqualTo(s.toString());
        assertThat(s.extension()).isEqualTo(Extension.TAR_GZ);
        assertThat(s.isCanonical()).isTrue();
        assertThat(s.filename().chars().filter(c -> c == '-').count()).isEqualTo(1);
        assertThat(SdistFilename.parse(s.filename())).isEqualTo(s);
        assertThat(SdistFilename.of(FOO, Version.parse("1.0-alpha")).filename()).isEqualTo("foo-1.0a0.tar.gz");
    }

    @ParameterizedTest(name = "SD-01 parses, not canonical: {0}")
    @ValueSource(strings = {"Foo-Bar-1.0.tar.gz", "foo-1.0.zip", "Foo_Bar-1.0.tar.gz", "foo_bar-1.0_rc1.tar.gz",
        "foo_bar-v1.0.tar.gz"})
    void sd01NotCanonical(String filename) {
        assertThat(SdistFilename.parse(filename).isCanonical()).isFalse();
    }

    @ParameterizedTest(name = "SD-01 invalid: {0}")
    @CsvSource(delimiter = '|', value = {"foo-1.0.tgz|SD-05", "foo-1.0.tar.bz2|SD-05", "foo-1.0.TAR.GZ|SD-05",
        "foo.tar.gz|SD-01", "foo-bar.tar.gz|SD-01", "foo-1.0-.tar.gz|SD-01", "foo-.zip|SD-01", "''|SD-01",
        "foo-1.0.whl|SD-01"})
    void sd01Invalid(String filename, String rule) {
        assertThat(SdistFilename.tryParse(filename)).isEmpty();
        assertThatThrownBy(() -> SdistFilename.parse(filename)).isInstanceOf(InvalidFilenameException.class)
                .hasMessageStartingWith("invalid sdist file name " + Texts.quote(filename))
                .hasMessageContaining(rule);
    }

    // ---- SD-02 / SD-03: name and version from the file name -------------------------------------------------------

    @Test
    void sd03NameAndVersionFromTheFileName() {
        SdistFilename s = SdistFilename.parse("foo_bar-1.0.tar.gz");
        assertThat(s.distribution()).isEqualTo("foo_bar");
        assertThat(s.normalizedName()).isEqualTo("foo-bar");
        assertThat(s.name()).contains(FOO_BAR);
        assertThat(s.versionText()).isEqualTo("1.0");
        assertThat(s.version()).isEqualTo(Version.parse("1.0"));
        // packaging splits at the last '-': the name part may hold '-' and anything else
        SdistFilename legacy = SdistFilename.parse("Foo-Bar-1.0.tar.gz");
        assertThat(legacy.normalizedName()).isEqualTo("foo-bar");
        assertThat(SdistFilename.parse("foo bar!-1.0.zip").name()).isEmpty();
        assertThat(SdistFilename.parse("-1.0.zip").normalizedName()).isEmpty();
    }

    @Test
    void sd02ComparesWithMetadataAfterNormalization() {
        SdistFilename s = SdistFilename.parse("Foo.Bar-1.0.tar.gz");
        assertThat(s.isFor(ProjectName.of("FOO_BAR"))).isTrue();
        assertThat(s.isFor(FOO)).isFalse();
        assertThat(s.version()).isNotEqualTo(Version.parse("1.0rc1"));
    }

    // ---- SD-05 and PIP-05: pip's legacy acceptance ------------------------------------------------------------------

    @ParameterizedTest(name = "SD-05 pip accepts {0}")
    @EnumSource(Extension.class)
    void sd05PipAcceptsEveryArchiveExtension(Extension extension) {
        String filename = "foo-1.0" + extension.suffix();
        assertThat(SdistFilename.acceptedByPip(filename, FOO)).isTrue();
        SdistFilename s = SdistFilename.parseForProject(filename, FOO).orElseThrow();
        assertThat(s.extension()).isEqualTo(extension);
        assertThat(s.version()).isEqualTo(Version.parse("1.0"));
        assertThat(SdistFilename.acceptedByUv(filename, FOO)).as("uv: .tar.gz and .zip only")
                .isEqualTo(extension.usableByUv());
    }

    @ParameterizedTest(name = "PIP-05 {0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "Foo.Bar-1.0.tar.gz|foo-bar|1.0",
        "foo__bar-1.0.tar.gz|foo-bar|1.0",
        "FOO_BAR-1.0.zip|foo-bar|1.0",
        "foo-bar-1.0.tar.gz|foo-bar|1.0",
        "foo-bar-1.0.tar.gz|foo|",            // version "bar-1.0" is not PEP 440
        "a-1-1.tar.gz|a|1.post1",             // the first matching '-' wins; "1-1" is a valid version
        "foo-1.0.TAR.GZ|foo|",                // extensions are case-sensitive
        "foo-1.0.tar.GZ|foo|",
        "foo-1.0.tar.gz.asc|foo|",
        "foo-1.0-py3-none-any.whl|foo|",      // wheels are not sdists
        "foo-1.0.egg|foo|",
        "foo-1.0|foo|",
        "foo-.tar.gz|foo|",                   // empty version
        "foo.tar.gz|foo|",
        "foo-1.0-py2.7.tar.gz|foo|",          // legacy -pyX.Y marker never matches Python 3.10+
        "foo-1.0+a-py3.tar.gz|foo|",
        "foo-macosx10-1.0.zip|foo-macosx10|", // pip skips macosx10 zips
        "foo-macosx10-1.0.tar.gz|foo-macosx10|1.0",
        "foo-v1.0.tar.gz|foo|1.0",
        "foo- 1.0.tar.gz|foo|1.0",
        "\u212aafka-1.0.tar.gz|kafka|1.0",    // Python lower-cases the Kelvin sign to k
        "caf\u00e9-1.0.tar.gz|cafe|",
        "foo.tar-1.0.tar.gz|foo-tar|1.0",
    })
    void pip05LegacyAcceptance(String filename, String project, String version) {
        ProjectName p = ProjectName.of(project);
        assertThat(SdistFilename.parseForProject(filename, p).map(s -> s.version().toString()).orElse(null))
                .isEqualTo(version);
        assertThat(SdistFilename.acceptedByPip(filename, p)).isEqualTo(version != null);
    }

    @Test
    void pip05ParseForProjectKeepsTheSpelling() {
        SdistFilename s = SdistFilename.parseForProject("Foo.Bar-1.0_rc1.tar.bz2", FOO_BAR).orElseThrow();
        assertThat(s.distribution()).isEqualTo("Foo.Bar");
        assertThat(s.normalizedName()).isEqualTo("foo-bar");
        assertThat(s.versionText()).isEqualTo("1.0_rc1");
        assertThat(s.extension()).isEqualTo(Extension.TAR_BZ2);
        assertThat(s.isFor(FOO_BAR)).isTrue();
        assertThat(s.isCanonical()).isFalse();
    }

    // ---- UV-06: uv's stricter rule --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "UV-06 {0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "foo_bar-1.0.tar.gz|foo-bar|true",
        "Foo.Bar-1.0.tar.gz|foo-bar|true",
        "FOO-BAR-1.0.zip|foo-bar|true",
        "foo-bar-1.0.TAR.gz|foo-bar|true",   // uv compares the 'tar' case-insensitively
        "foo-bar-1.0.tar.GZ|foo-bar|false",
        "foo__bar-1.0.tar.gz|foo-bar|false", // runs are not collapsed (pip accepts it)
        "foo_-bar-1.0.tar.gz|foo-bar|false",
        "foox1.0.tar.gz|foo|false",          // the separator must be '-'
        "foo-1.0.tgz|foo|false",             // not PEP 625 (SD-05)
        "foo-1.0.tar.bz2|foo|false",
        "foo-.tar.gz|foo|false",
        "foo-latest.tar.gz|foo|false",
        "foo.tar.gz|foo|false",
        "a-1-1.tar.gz|a|true",
        "\u212aafka-1.0.tar.gz|kafka|false",
    })
    void uv06(String filename, String project, boolean accepted) {
        assertThat(SdistFilename.acceptedByUv(filename, ProjectName.of(project))).isEqualTo(accepted);
    }

    @Test
    void distributionFilenameDispatchesOnTheExtension() {
        assertThat(DistributionFilename.tryParseAny("foo-1.0-py3-none-any.whl")).get()
                .isInstanceOf(WheelFilename.class);
        assertThat(DistributionFilename.tryParseAny("foo-1.0.zip")).get().isInstanceOf(SdistFilename.class)
                .isNotEqualTo(SdistFilename.parse("foo-1.0.tar.gz"));
        assertThat(DistributionFilename.tryParseAny("foo-1.0.tar.gz")).contains(SdistFilename.parse("foo-1.0.tar.gz"));
        assertThat(DistributionFilename.tryParseAny("foo-1.0.whl")).isEmpty();
        assertThat(DistributionFilename.tryParseAny("foo-1.0.egg")).isEmpty();
        assertThat(DistributionFilename.tryParseAny(null)).isEmpty();
    }

    // ---- bad input ------------------------------------------------------------------------------------------------------

    @Test
    void badInput() {
        assertThatThrownBy(() -> SdistFilename.parse(nullString())).isInstanceOf(NullPointerException.class);
        assertThat(SdistFilename.tryParse(null)).isEmpty();
        String many = "foo" + "-".repeat(1 << 20) + "1.0.tar.gz";
        assertThat(SdistFilename.acceptedByPip(many, FOO)).isFalse();
        String long1 = "x".repeat(1 << 20) + "-1.0.tar.gz";
        assertThat(SdistFilename.parse(long1).normalizedName()).hasSize(1 << 20);
        assertThat(SdistFilename.acceptedByPip(long1, FOO)).isFalse();
        assertThat(SdistFilename.acceptedByUv(long1, FOO)).isFalse();
        String dashes = "a-".repeat(1 << 19) + "1.0.tar.gz";
        assertThat(SdistFilename.acceptedByPip(dashes, ProjectName.of("a"))).isFalse();
        assertThat(SdistFilename.parseForProject("foo-1.0\u0000.tar.gz", FOO)).isEmpty();
        assertThatThrownBy(() -> SdistFilename.parse("foo-1\u0000.tar.gz")).isInstanceOf(
                InvalidFilenameException.class).hasMessageContaining("\\u0000");
    }

    private static String nullString() {
        return null;
    }
}
