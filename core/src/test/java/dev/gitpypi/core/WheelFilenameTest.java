package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.internal.Texts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WheelFilenameTest {
    private static void assertInvalid(String filename, String rule) {
        assertThat(WheelFilename.tryParse(filename)).isEmpty();
        assertThatThrownBy(() -> WheelFilename.parse(filename)).isInstanceOf(InvalidFilenameException.class)
                .hasMessageStartingWith("invalid wheel file name " + Texts.quote(filename))
                .hasMessageContaining(rule);
    }

    // ---- WHL-01: shape ---------------------------------------------------------------------------------------

    @Test
    void whl01FourOrFiveDashes() {
        WheelFilename plain = WheelFilename.parse("foo-1.0-py3-none-any.whl");
        assertThat(plain.distribution()).isEqualTo("foo");
        assertThat(plain.versionText()).isEqualTo("1.0");
        assertThat(plain.buildTag()).isEmpty();
        assertThat(plain.pythonTags()).containsExactly("py3");
        assertThat(plain.abiTags()).containsExactly("none");
        assertThat(plain.platformTags()).containsExactly("any");
        assertThat(plain.filename()).isEqualTo("foo-1.0-py3-none-any.whl").isEqualTo(plain.toString());

        WheelFilename built = WheelFilename.parse("foo-1.0-1-py3-none-any.whl");
        assertThat(built.buildTag()).map(BuildTag::toString).contains("1");
    }

    @ParameterizedTest(name = "WHL-01 invalid: {0}")
    @ValueSource(strings = {"foo-1.0-py3-none.whl", "foo-bar-1.0-1-py3-none-any.whl", "foo-1.0-py3-none-any.zip",
        "foo-1.0-py3-none-any.WHL", "foo-1.0-py3-none-any.whl.metadata", "", ".whl", "foo.whl",
        "foo-1.0-py3-none-any-x-y.whl"})
    void whl01Invalid(String filename) {
        assertInvalid(filename, "WHL-01");
    }

    // ---- WHL-02: name part -------------------------------------------------------------------------------------

    @Test
    void whl02NamePart() {
        WheelFilename legacy = WheelFilename.parse("Foo.Bar-1.0-py3-none-any.whl");
        assertThat(legacy.distribution()).isEqualTo("Foo.Bar");
        assertThat(legacy.normalizedName()).isEqualTo("foo-bar");
        assertThat(legacy.name()).contains(ProjectName.of("foo-bar"));
        assertThat(legacy.isCanonical()).as("accepted, but not NAME-05 form").isFalse();
        assertThat(WheelFilename.parse("foo_bar-1.0-py3-none-any.whl").isCanonical()).isTrue();
        assertThat(WheelFilename.parse("foo._bar-1.0-py3-none-any.whl").normalizedName()).isEqualTo("foo-bar");
    }

    @ParameterizedTest(name = "WHL-02 invalid: {0}")
    @ValueSource(strings = {"foo__bar-1.0-py3-none-any.whl", "foo bar-1.0-py3-none-any.whl",
        "foo+bar-1.0-py3-none-any.whl", "foo/bar-1.0-py3-none-any.whl", "foo!-1.0-py3-none-any.whl",
        "foo\tbar-1.0-py3-none-any.whl", "foo\n\n-1.0-py3-none-any.whl", "___-1.0-py3-none-any.whl"})
    void whl02Invalid(String filename) {
        assertInvalid(filename, "WHL-02");
    }

    @Test
    void whl02OdditiesPackagingTolerates() {
        // packaging's \w is Unicode-aware and its '$' matches before a final newline: these parse, but name no
        // project (NAME-01), except the Kelvin sign, which Python lower-cases to an ASCII k.
        WheelFilename accented = WheelFilename.parse("Caf\u00e9-1.0-py3-none-any.whl");
        assertThat(accented.normalizedName()).isEqualTo("caf\u00e9");
        assertThat(accented.name()).isEmpty();
        assertThat(accented.isCanonical()).isFalse();
        assertThat(WheelFilename.parse("\u0130-1.0-py3-none-any.whl").normalizedName()).isEqualTo("i\u0307");
        WheelFilename kelvin = WheelFilename.parse("\u212aafka-1.0-py3-none-any.whl");
        assertThat(kelvin.isFor(ProjectName.of("kafka"))).isTrue();
        assertThat(kelvin.name()).isEmpty();
        assertThat(WheelFilename.parse("-1.0-py3-none-any.whl").normalizedName()).isEmpty();
        assertThat(WheelFilename.parse("_foo.-1.0-py3-none-any.whl").normalizedName()).isEqualTo("-foo-");
        assertThat(WheelFilename.parse("foo\n-1.0-py3-none-any.whl").normalizedName()).isEqualTo("foo\n");
    }

    // ---- WHL-03: version part ----------------------------------------------------------------------------------

    @Test
    void whl03Version() {
        WheelFilename rc = WheelFilename.parse("foo-1.0_rc1-py3-none-any.whl");
        assertThat(rc.versionText()).isEqualTo("1.0_rc1");
        assertThat(rc.version()).isEqualTo(Version.parse("1.0rc1"));
        assertThat(rc.isCanonical()).as("non-normal version").isFalse();
        assertThat(WheelFilename.parse("foo-1.0rc1-py3-none-any.whl").isCanonical()).isTrue();
        assertThat(WheelFilename.parse("foo-1.0+local.1-py3-none-any.whl").isCanonical()).isTrue();
    }

    @ParameterizedTest(name = "WHL-03 invalid: {0}")
    @ValueSource(strings = {"foo-latest-py3-none-any.whl", "foo--py3-none-any.whl", "foo-1.0+-py3-none-any.whl",
        "foo-1..0-py3-none-any.whl"})
    void whl03Invalid(String filename) {
        assertInvalid(filename, "WHL-03");
    }

    // ---- WHL-04: build tag ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "WHL-04 invalid: {0}")
    @ValueSource(strings = {"foo-1.0-abc-py3-none-any.whl", "foo-1.0.0-SNAPSHOT-py3-none-any.whl",
        "foo-1.0--py3-none-any.whl", "foo-1.0-\u0661-py3-none-any.whl"})
    void whl04Invalid(String filename) {
        assertInvalid(filename, "WHL-04");
    }

    @Test
    void whl04BuildTagParts() {
        BuildTag tag = WheelFilename.parse("foo-1.0-0042abc-py3-none-any.whl").buildTag().orElseThrow();
        assertThat(tag.number()).isEqualTo(BigInteger.valueOf(42));
        assertThat(tag.rest()).isEqualTo("abc");
        assertThat(tag.toString()).isEqualTo("0042abc");
        assertThat(tag.isPortable()).isTrue();
        assertThat(BuildTag.parse("123456789012345678901234567890").number())
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(BuildTag.parse("1a\nb").rest()).as("packaging's (.*) stops at a line break").isEqualTo("a");

        WheelFilename odd = WheelFilename.parse("foo-1.0-1/../x-py3-none-any.whl");
        assertThat(odd.buildTag().orElseThrow().isPortable()).as("uv rejects it (WHL-04 INTEROP)").isFalse();
        assertThat(odd.isCanonical()).isFalse();
    }

    @Test
    void whl04BuildTagOrder() {
        // sorted as (int(leading digits), rest); no build tag sorts first (an empty tuple)
        List<BuildTag> tags = new ArrayList<>();
        for (String s : List.of("10", "2", "1b", "1", "1a", "0", "9z", "01a")) {
            tags.add(BuildTag.parse(s));
        }
        tags.sort(null);
        assertThat(tags).extracting(BuildTag::toString).containsExactly("0", "1", "1a", "01a", "1b", "2", "9z", "10");
        assertThat(BuildTag.parse("01a")).isEqualTo(BuildTag.parse("1a")).hasSameHashCodeAs(BuildTag.parse("1a"));
        assertThat(BuildTag.parse("1a")).isNotEqualTo(BuildTag.parse("1b"));
        assertThat(BuildTag.compare(null, BuildTag.parse("0"))).isNegative();
        assertThat(BuildTag.compare(BuildTag.parse("0"), null)).isPositive();
        assertThat(BuildTag.compare(null, null)).isZero();
        assertThat(BuildTag.compare(BuildTag.parse("2"), BuildTag.parse("10"))).isNegative();
        assertThat(BuildTag.tryParse("x1")).isEmpty();
        assertThat(BuildTag.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> BuildTag.parse("a")).isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("\"a\"").hasMessageContaining("WHL-04");
    }

    // ---- WHL-05: tags ------------------------------------------------------------------------------------------------

    @Test
    void whl05CompressedTagSetsExpand() {
        WheelFilename w = WheelFilename.parse("foo-1.0-cp311.cp312-abi3.none-manylinux1_x86_64.win32.whl");
        assertThat(w.pythonTags()).containsExactly("cp311", "cp312");
        assertThat(w.tags()).hasSize(8).contains(new WheelTag("cp312", "none", "win32"));
        assertThat(w.tags().first()).hasToString("cp311-abi3-manylinux1_x86_64");
        assertThat(w.tagSetsSorted()).isTrue();
        assertThat(w.isCanonical()).isTrue();
    }

    @Test
    void whl05UnsortedSetsParseButAreNotCanonical() {
        WheelFilename w = WheelFilename.parse("foo-1.0-py3.py2-none-any.whl");
        assertThat(w.tagSetsSorted()).isFalse();
        assertThat(w.isCanonical()).isFalse();
        assertThat(w.tags()).extracting(WheelTag::toString).containsExactly("py2-none-any", "py3-none-any");
    }

    @Test
    void whl05TagsAreLowerCasedLikePackaging() {
        WheelFilename w = WheelFilename.parse("foo-1.0-PY3-NONE-Any.whl");
        assertThat(w.pythonTags()).containsExactly("PY3");
        assertThat(w.tags()).extracting(WheelTag::toString).containsExactly("py3-none-any");
        assertThat(w.isCanonical()).isFalse();
    }

    @Test
    void whl05EmptyMembersArePackaging262sBehaviour() {
        // SPEC WHL-05 calls an empty member an error (packaging 26.3 rejects it); packaging 26.2, our reference,
        // accepts it, so parse does too, and isCanonical says no.
        WheelFilename w = WheelFilename.parse("foo-1.0-py3..py2-none-any.whl");
        assertThat(w.pythonTags()).containsExactly("py3", "", "py2");
        assertThat(w.isCanonical()).isFalse();
        assertThat(WheelFilename.parse("foo-1.0-py3--any.whl").abiTags()).containsExactly("");
    }

    // ---- WHL-06: file name against metadata ------------------------------------------------------------------------

    @Test
    void whl06NameAndVersionCompareAfterNormalization() {
        WheelFilename w = WheelFilename.parse("Foo.Bar-1.0-py3-none-any.whl");
        assertThat(w.isFor(ProjectName.of("foo_bar"))).isTrue();
        assertThat(w.isFor(ProjectName.of("foobar"))).isFalse();
        assertThat(w.version()).isEqualTo(Version.parse("1.0"));
        assertThat(w.version()).isNotEqualTo(Version.parse("1.0.1"));
    }

    // ---- of: the canonical form ------------------------------------------------------------------------------------

    @Test
    void ofBuildsTheCanonicalForm() {
        WheelFilename w = WheelFilename.of(ProjectName.of("Foo.Bar"), Version.parse("1.0"), null,
                List.of("py3", "py2", "py3"), List.of("none"), List.of("ANY"));
        assertThat(w.filename()).isEqualTo("foo_bar-1.0-py2.py3-none-any.whl");
        assertThat(w.isCanonical()).isTrue();
        assertThat(WheelFilename.parse(w.filename())).isEqualTo(w);
        WheelFilename b = WheelFilename.of(ProjectName.of("x"), Version.parse("2"), BuildTag.parse("1a"),
                List.of("cp312"), List.of("cp312"), List.of("manylinux_2_17_x86_64", "manylinux2014_x86_64"));
        assertThat(b.filename()).isEqualTo("x-2-1a-cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.whl");
        assertThat(b.isCanonical()).isTrue();
    }

    @ParameterizedTest(name = "of rejects tag {0}")
    @CsvSource(delimiter = '|', value = {"''", "py-3", "py.3", "py 3", "p\u00ff"})
    void ofRejectsBadTags(String tag) {
        assertThatThrownBy(() -> WheelFilename.of(ProjectName.of("x"), Version.parse("1"), null, List.of(tag),
                List.of("none"), List.of("any"))).isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("WHL-05");
        assertThatThrownBy(() -> WheelFilename.of(ProjectName.of("x"), Version.parse("1"), null, List.of(),
                List.of("none"), List.of("any"))).isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("WHL-05");
    }

    @Test
    void ofRejectsBuildTagsUvRejects() {
        assertThatThrownBy(() -> WheelFilename.of(ProjectName.of("x"), Version.parse("1"), BuildTag.parse("1+x"),
                List.of("py3"), List.of("none"), List.of("any"))).isInstanceOf(InvalidFilenameException.class)
                .hasMessageContaining("WHL-04");
    }

    // ---- bad input ---------------------------------------------------------------------------------------------------

    @Test
    void badInput() {
        assertThatThrownBy(() -> WheelFilename.parse(nullString())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("must not be null");
        assertThat(WheelFilename.tryParse(null)).isEmpty();
        String huge = "a".repeat(1 << 20) + "-1.0-py3-none-any.whl";
        assertThat(WheelFilename.parse(huge).normalizedName()).hasSize(1 << 20);
        String hugeBad = "a-".repeat(1 << 19) + ".whl";
        assertThatThrownBy(() -> WheelFilename.parse(hugeBad)).isInstanceOf(InvalidFilenameException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        assertInvalid("foo\u0000-1.0-py3-none-any.whl", "WHL-02");
        assertThat(WheelFilename.tryParse("foo-1.0-py3-none-any.whl\n")).isEmpty();
    }

    private static String nullString() {
        return null;
    }
}
