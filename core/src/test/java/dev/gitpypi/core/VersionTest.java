package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.testing.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    // ---- VER-01: canonical public versions are accepted and are their own normal form

    @ParameterizedTest(name = "VER-01 canonical {0}")
    @ValueSource(strings = {"0", "1.0", "1.2.3", "2012.10", "1!1.0", "1.0a1", "1.0b2", "1.0rc3", "1.0.post1",
        "1.0.dev1", "1.0a1.post2.dev3", "1!2.0rc1.post0.dev0", "0.0.0.0.1", "10.20.30"})
    void ver01CanonicalVersionsAreTheirOwnNormalForm(String s) {
        assertThat(Version.parse(s).toString()).isEqualTo(s);
        assertThat(s).matches("^([1-9][0-9]*!)?(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?"
                + "(\\.post(0|[1-9][0-9]*))?(\\.dev(0|[1-9][0-9]*))?$");
    }

    @Test
    void ver01NumbersAreUnboundedAndComparedNumerically() {
        Version v = Version.parse("1.99999999999999999999999");
        assertThat(v.release()).containsExactly(BigInteger.ONE, new BigInteger("99999999999999999999999"));
        assertThat(v).isGreaterThan(Version.parse("1.9223372036854775807"));
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
        assertThat(Version.parse("99999999999999999999!1").epoch()).isEqualTo(new BigInteger("99999999999999999999"));
    }

    // ---- VER-02: local version labels

    @ParameterizedTest(name = "VER-02 local {0} -> {1}")
    @CsvSource({"1.0+ubuntu-1, 1.0+ubuntu.1", "1.0+Ubuntu_1.ABC, 1.0+ubuntu.1.abc", "1.0+007, 1.0+7",
        "1.0+0a.01, 1.0+0a.1", "1.0+abc.5, 1.0+abc.5", "1.0+1.2.3, 1.0+1.2.3"})
    void ver02LocalLabelsNormalize(String in, String normal) {
        Version v = Version.parse(in);
        assertThat(v.toString()).isEqualTo(normal);
        assertThat(v.local()).contains(normal.substring(normal.indexOf('+') + 1));
        assertThat(v.publicVersion()).isEqualTo("1.0");
    }

    @ParameterizedTest(name = "VER-02 bad local {0}")
    @ValueSource(strings = {"1.0+", "1.0+.abc", "1.0+abc_", "1.0+abc..d", "1.0++a", "1.0+a+b", "1.0+\u00e9",
        "1.0+a b", "+1.0"})
    void ver02BadLocalLabelsAreRejected(String s) {
        assertThat(Version.isValid(s)).isFalse();
    }

    // ---- VER-03: normalization of alternative spellings

    @ParameterizedTest(name = "VER-03 {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.0-alpha|1.0a0", "1.0.0-rc.1|1.0.0rc1", "1.1RC1|1.1rc1", "09000|9000", "1.1-a1|1.1a1", "1.1.a1|1.1a1",
        "1.0a.1|1.0a1", "1.0alpha1|1.0a1", "1.0beta2|1.0b2", "1.0c1|1.0rc1", "1.0pre1|1.0rc1",
        "1.0preview1|1.0rc1", "1.2a|1.2a0", "1.2-post2|1.2.post2", "1.2post2|1.2.post2", "1.2.rev3|1.2.post3",
        "1.2r4|1.2.post4", "1.2.post|1.2.post0", "1.0-1|1.0.post1", "1.2-dev2|1.2.dev2", "1.2.dev|1.2.dev0",
        "1.2dev|1.2.dev0", "v1.0|1.0", "V1.0|1.0", "0!1.0|1.0", "007!01.002|7!1.2", "1.0_RC_1|1.0rc1",
        "1.0a1_post_3-DEV_4|1.0a1.post3.dev4", "1.0a.|1.0a0", "1.0.post-|1.0.post0", "1.0POST.DEV|1.0.post0.dev0",
        "1.0.post1.dev2+A-b_C|1.0.post1.dev2+a.b.c", "1.0-r|1.0.post0", "1.0a-1|1.0a1"})
    void ver03AlternativeSpellingsNormalize(String in, String normal) {
        assertThat(Version.parse(in).toString()).isEqualTo(normal);
        assertThat(Version.parse(in)).isEqualTo(Version.parse(normal));
    }

    @ParameterizedTest(name = "VER-03 whitespace {0}")
    @ValueSource(strings = {" 1.0", "1.0 ", "\t1.0\n", "\u000b1.0\u000c", "\u00a01.0\u3000", "\u20031.0\u2028",
        "\u001c1.0\u001f", "\u00851.0"})
    void ver03SurroundingPythonWhitespaceIsStripped(String s) {
        assertThat(Version.parse(s).toString()).isEqualTo("1.0");
    }

    @ParameterizedTest(name = "VER-03 not whitespace {0}")
    @ValueSource(strings = {"\u200b1.0", "1.0\u200b", "\u00001.0", "1.0\ufeff", "1 .0", "1. 0", "v 1.0"})
    void ver03OtherCharactersAreNotStripped(String s) {
        assertThat(Version.isValid(s)).isFalse();
    }

    @ParameterizedTest(name = "VER-03 invalid {0}")
    @ValueSource(strings = {"", " ", "1.0-", "1.", ".1", "1..0", "1.0.", "a1", "1.0a1b1", "1.0.post1.post2",
        "1.0dev1a1", "1.0-dev-1-", "1.0.0-SNAPSHOT", "latest", "1!", "!1", "1!2!3", "vv1", "1,0", "1.0/2",
        "1.0\u0131", "1.0prev\u0131ew", "1.0po\u017ft", "\u0661.\u0660", "\uff11.\uff10", "1.0-\u0661",
        "1.0\u0000", "1.0\n1.0", "1.0+\u212a", "1-", "1_", "1.0a1-"})
    void ver03InvalidSpellingsAreRejected(String s) {
        assertThat(Version.isValid(s)).isFalse();
        assertThat(Version.tryParse(s)).isEmpty();
        assertThatThrownBy(() -> Version.parse(s)).isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("invalid version " + Texts.quote(s))
                .hasMessageContaining("VER-01");
    }

    @Test
    void ver03MessageSaysWhereAndWhat() {
        assertThatThrownBy(() -> Version.parse("1.0-SNAPSHOT")).hasMessageContaining("unexpected '-' at index 3");
        assertThatThrownBy(() -> Version.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Version.parse("1.0+")).hasMessageContaining("local label");
    }

    @Test
    void ver03NumbersBeyondPythonsDigitLimitAreRejectedLikePackaging() {
        assertThat(Version.isValid("1".repeat(4300))).isTrue();
        assertThat(Version.isValid("1".repeat(4301))).isFalse();
        assertThat(Version.isValid("1.0+" + "1".repeat(4301))).isFalse();
        assertThat(Version.isValid("1.0+a" + "1".repeat(4301))).isTrue();
        assertThatThrownBy(() -> Version.parse("1.0.post" + "2".repeat(5000))).hasMessageContaining("4300 digits");
    }

    // ---- VER-04: equality pads release segments

    @Test
    void ver04ReleasePaddingMakesSpellingsEqual() {
        Version a = Version.parse("1.0");
        Version b = Version.parse("1.0.0");
        Version c = Version.parse("1");
        assertThat(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(b).hasSameHashCodeAs(c);
        assertThat(a.compareTo(b)).isZero();
        assertThat(b.toString()).isEqualTo("1.0.0");
        assertThat(Version.parse("1.0+1")).isEqualTo(Version.parse("1.0.0+01")).isNotEqualTo(a);
        assertThat(Version.parse("1.99999999999999999999.0")).isEqualTo(Version.parse("1.099999999999999999999"))
                .hasSameHashCodeAs(Version.parse("1.099999999999999999999"));
    }

    // ---- VER-05: non-compliant versions found in the wild

    @ParameterizedTest(name = "VER-05 {0}")
    @ValueSource(strings = {"latest", "1.0.0-SNAPSHOT", "dev", "1.0-beta-2-x", "2.0.0-final", "0.0-", "1.0.0.x"})
    void ver05NonCompliantVersionsDoNotParse(String s) {
        assertThat(Version.isValid(s)).isFalse();
    }

    // ---- VER-06: rc and c are the same label

    @Test
    void ver06RcAndCAreTheSameLabel() {
        Version c = Version.parse("1.0c1");
        assertThat(c).isEqualTo(Version.parse("1.0rc1"));
        assertThat(c.pre()).contains(new Version.Pre(Version.PreLabel.RC, BigInteger.ONE));
    }

    // ---- VER-07: ordering

    /** The PEP 440 example sequence (spec "Summary of permitted suffixes and relative ordering"), ascending. */
    static final List<String> PEP440_ORDER = List.of("1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456",
            "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345",
            "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34",
            "1.0.post456", "1.0.15", "1.1.dev1", "1.1", "1.1+a", "1.1+a.b", "1.1+a.0", "1.1+0", "1.1+0.0", "1.1+1",
            "1.1+10", "1.1.post0.dev0", "1.1.post0", "2.0", "1!0.0.dev0", "1!0.1", "2!0");

    @Test
    void ver07ThePep440ExampleSequenceIsAscending() {
        List<Version> versions = PEP440_ORDER.stream().map(Version::parse).toList();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
                        .as("%s vs %s", versions.get(i), versions.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @ParameterizedTest(name = "VER-07 {0} < {1}")
    @CsvSource({"1.0.dev0, 1.0a0", "1.0a0, 1.0b0", "1.0b0, 1.0rc0", "1.0rc0, 1.0", "1.0, 1.0.post0",
        "1.0a1.dev0, 1.0a1", "1.0.post1.dev0, 1.0.post1", "1.0a1, 1.0a1.post0", "99.0, 1!0.0",
        "1.0+zzz, 1.0+0", "1.0+a, 1.0+aa", "1.0+a.b, 1.0+a.b.c", "1.0+9, 1.0+10", "1.0, 1.0+a",
        "1.0.post0.dev0, 1.0.post0", "1.0rc9, 1.0c10"})
    void ver07Ordering(String lower, String higher) {
        assertThat(Version.parse(lower)).isLessThan(Version.parse(higher));
        assertThat(Version.parse(higher)).isGreaterThan(Version.parse(lower));
    }

    @Test
    void ver07PrereleaseFlags() {
        assertThat(Version.parse("1.0.dev1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0.post1.dev1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0rc1").isPrerelease()).isTrue();
        assertThat(Version.parse("1.0.post1").isPrerelease()).isFalse();
        assertThat(Version.parse("1.0.post1").isPostRelease()).isTrue();
        assertThat(Version.parse("1.0.dev1").isDevRelease()).isTrue();
        assertThat(Version.parse("1.0").isDevRelease()).isFalse();
    }

    // ---- accessors

    @Test
    void accessorsMatchPackagingsDocumentedExamples() {
        Version v = Version.parse("1!1.2.3dev1+abc");
        assertThat(v.epoch()).isEqualTo(BigInteger.ONE);
        assertThat(v.release()).containsExactly(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
        assertThat(v.pre()).isEmpty();
        assertThat(v.post()).isEmpty();
        assertThat(v.dev()).contains(BigInteger.ONE);
        assertThat(v.local()).contains("abc");
        assertThat(v.publicVersion()).isEqualTo("1!1.2.3.dev1");
        assertThat(v.baseVersion()).isEqualTo("1!1.2.3");
        Version w = Version.parse("2.0b3.post4");
        assertThat(w.pre()).contains(new Version.Pre(Version.PreLabel.B, BigInteger.valueOf(3)));
        assertThat(w.pre().orElseThrow().toString()).isEqualTo("b3");
        assertThat(w.post()).contains(BigInteger.valueOf(4));
        assertThat(w.baseVersion()).isEqualTo("2.0");
        assertThat(Version.parse("1.0.0").release()).hasSize(3);
    }

    @Test
    void parseTakesAnyCharSequence() {
        assertThat(Version.parse(new StringBuilder("V1.0-Final".substring(0, 4)))).hasToString("1.0");
        assertThat(Version.parse(new StringBuilder("1.0")).toString()).isEqualTo("1.0");
    }

    // ---- bad input

    @Test
    void nullIsAClearFailureOrAnEmptyResult() {
        assertThatThrownBy(() -> Version.parse(nullText())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null");
        assertThat(Version.tryParse(null)).isEmpty();
        assertThat(Version.isValid(null)).isFalse();
    }

    private static CharSequence nullText() {
        return (CharSequence) (Object) null;
    }

    static Stream<Arguments> megabyteInputs() {
        int mb = 1 << 20;
        return Stream.of(
                Arguments.of("digits", "1".repeat(mb), false),
                Arguments.of("dotted digits", "1.".repeat(mb / 2) + "1", true),
                Arguments.of("dots", ".".repeat(mb), false),
                Arguments.of("separators then junk", "1" + "-_.".repeat(mb / 3) + "x", false),
                Arguments.of("local segments", "1+" + "a.".repeat(mb / 2) + "a", true),
                Arguments.of("local then bad end", "1+" + "a-".repeat(mb / 2) + "-", false),
                Arguments.of("whitespace", " ".repeat(mb), false),
                Arguments.of("whitespace around", " ".repeat(mb / 2) + "1.0" + "\t".repeat(mb / 2), true),
                Arguments.of("letters", "a".repeat(mb), false),
                Arguments.of("nested pre", "1" + "a1".repeat(mb / 2), false),
                Arguments.of("control chars", "\u0001".repeat(mb), false),
                Arguments.of("non-ASCII digits", "\u0661".repeat(mb), false));
    }

    @ParameterizedTest(name = "1 MB input: {0}")
    @MethodSource("megabyteInputs")
    void megabyteInputsCompleteWithACleanAnswer(String what, String input, boolean valid) {
        assertThat(Version.isValid(input)).as(what).isEqualTo(valid);
        if (!valid) {
            assertThatThrownBy(() -> Version.parse(input)).isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("characters)");
        }
    }

    @Test
    void messagesQuoteControlCharactersEscaped() {
        assertThatThrownBy(() -> Version.parse("1.0\u0007")).hasMessageContaining("\\u0007");
    }

    // ---- properties over seeded random inputs

    static Stream<String> randomValidVersions() {
        Random r = Seeds.random("VersionTest.randomValidVersions");
        List<String> out = new ArrayList<>();
        while (out.size() < 3000) {
            String s = VersionStrings.versionish(r);
            if (Version.isValid(s)) {
                out.add(s);
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("randomValidVersions")
    void normalFormRoundTripsAndIsIdempotent(String s) {
        Version v = Version.parse(s);
        String normal = v.toString();
        Version again = Version.parse(normal);
        assertThat(again).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(again.toString()).isEqualTo(normal);
        assertThat(again.compareTo(v)).isZero();
        assertThat(Version.parse(new StringBuilder(s))).hasToString(normal);
    }

    @Test
    void orderingIsATotalOrderConsistentWithEquals() {
        Random r = Seeds.random("VersionTest.orderingIsATotalOrderConsistentWithEquals");
        List<Version> pool = new ArrayList<>();
        for (String s : PEP440_ORDER) {
            pool.add(Version.parse(s));
            pool.add(Version.parse(s.replaceFirst("^([0-9!]*[0-9]+)", "$1.0")));
        }
        while (pool.size() < 400) {
            Version.tryParse(VersionStrings.versionish(r)).ifPresent(pool::add);
        }
        for (Version a : pool) {
            assertThat(a.compareTo(a)).isZero();
            for (Version b : pool) {
                int ab = Integer.signum(a.compareTo(b));
                assertThat(Integer.signum(b.compareTo(a))).as("antisymmetric %s %s", a, b).isEqualTo(-ab);
                assertThat(a.equals(b)).as("consistent with equals %s %s", a, b).isEqualTo(ab == 0);
                if (ab == 0) {
                    assertThat(a.hashCode()).as("hash %s %s", a, b).isEqualTo(b.hashCode());
                }
            }
        }
        for (int k = 0; k < 200_000; k++) {
            Version a = pool.get(r.nextInt(pool.size()));
            Version b = pool.get(r.nextInt(pool.size()));
            Version c = pool.get(r.nextInt(pool.size()));
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertThat(a.compareTo(c)).as("transitive %s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
            }
        }
        List<Version> sorted = new ArrayList<>(pool);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i - 1)).isLessThanOrEqualTo(sorted.get(i));
        }
    }

    @Test
    void allShortStringsEitherParseToARoundTrippingVersionOrFailCleanly() {
        for (String s : VersionStrings.exhaustive(VersionStrings.TRICKY, 3)) {
            if (Version.isValid(s)) {
                Version v = Version.parse(s);
                assertThat(Version.parse(v.toString())).isEqualTo(v);
            } else {
                assertThatThrownBy(() -> Version.parse(s)).isInstanceOf(InvalidVersionException.class);
            }
        }
    }
}
