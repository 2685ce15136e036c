package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table tests for {@link VersionSpecifiers}; every expected value was computed with packaging 26.2. */
class VersionSpecifiersTest {

    /** Columns: set | version | contains with prereleases None, True, False. */
    @ParameterizedTest(name = "META-03 {0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "~=2.2 | 2.3 | 111",
        "~=2.2 | 3.0 | 000",
        "~=2.2 | 2.2a1 | 000",
        "~=2.2.0 | 2.3 | 000",
        "~=1.4.5a4 | 1.4.5 | 111",
        "~=1.4.5a4 | 1.5 | 000",
        "~=v1.0 | 1.5 | 000",
        "~=1.2.0c1 | 1.2.5 | 000",
        "~=1.2.0c1 | 1.2.0.5 | 111",
        "~=1.0c1.r1 | 1.0rc1.post5 | 110",
        "~=1!1.0 | 1!1.5 | 111",
        "~=1!1.0 | 1.5 | 000",
        "==1.0 | 1.0.0 | 111",
        "==1.0 | 1.0+local | 111",
        "==1.0+local | 1.0 | 000",
        "==1.0+local | 1.0+LOCAL | 111",
        "==1.* | 1.5a1 | 110",
        "==1.0.* | 1 | 111",
        "==1.1.* | 1 | 000",
        "!=1.* | 2.0 | 111",
        "!=1.0 | 1.0+x | 000",
        "<2.0 | 2.0a1 | 000",
        "<2.0 | 1.9 | 111",
        "<2.0a2 | 2.0a1 | 110",
        "<2.0.post1 | 2.0.post1.dev0 | 000",
        "<2.0.post1 | 2.0 | 111",
        ">1.0 | 1.0.post1 | 000",
        ">1.0 | 1.0+local | 000",
        ">1.0 | 1.1 | 111",
        ">1.0.post1 | 1.0.post2 | 111",
        ">1.0a1 | 1.0a1.post1 | 000",
        ">1.0a1 | 1.0a2+local | 110",
        ">1.0.dev1 | 1.0.post1 | 111",
        "<=1.0 | 1.0+local | 111",
        ">=1.0 | 1.0+local | 111",
        ">=1.0 | 1.0.dev1 | 000",
        "===1.0 | 1.0 | 111",
        "===1.0 | 1.0.0 | 000",
        "===1.0+K | 1.0+k | 111",
        "===1.0+\u212a | 1.0+k | 111",
        "'' | 1.0a1 | 110",
        "'' | 1.0 | 111",
        ">=1.0,<2 | 1.5a1 | 110",
        ">=1.0a1,<2 | 1.5a1 | 110",
        ">=1.0,!=1.5.* | 1.5.1 | 000",
        "==1.0.*,!=1.0.1 | 1.0.2 | 111",
    })
    void containsMatchesPackaging(String set, String version, String expected) {
        VersionSpecifiers s = VersionSpecifiers.parse(set);
        Version v = Version.parse(version);
        String actual = (s.contains(v) ? "1" : "0") + (s.contains(v, true) ? "1" : "0")
                + (s.contains(v, false) ? "1" : "0");
        assertThat(actual).isEqualTo(expected);
        if (s.specifiers().size() == 1) {
            VersionSpecifier one = s.specifiers().get(0);
            assertThat(one.contains(v)).isEqualTo(expected.charAt(0) == '1');
            assertThat(one.contains(v, false)).isEqualTo(expected.charAt(2) == '1');
        }
    }

    @ParameterizedTest(name = "META-03 normal form {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "' >= 1.0 , <2 ' | '<2,>=1.0'",
        "'>=1.0,>=1.0.0' | '>=1.0'",
        "'>=1.0.0,>=1.0' | '>=1.0'",
        "'~=1.0,~=1.0.0' | '~=1.0,~=1.0.0'",
        "'==1.0.*,==1.0.0.*' | '==1.0.*,==1.0.0.*'",
        "'=== a' | '===a'",
        "'===' | '==='",
        "'====1' | '====1'",
        "'== v1.0' | '==v1.0'",
        "'==V1.0' | '==V1.0'",
        "'~=1.0_post1' | '~=1.0_post1'",
        "'<2,>=1,!=1.5,==1.*,~=1.1,===foo' | '!=1.5,<2,==1.*,===foo,>=1,~=1.1'",
        "'' | ''",
        "' , ,, ' | ''",
        "'==1.0+ab' | '==1.0+ab'",
    })
    void normalFormMatchesPackaging(String in, String normal) {
        assertThat(VersionSpecifiers.parse(in).toString()).isEqualTo(normal);
        assertThat(VersionSpecifiers.parse(normal)).isEqualTo(VersionSpecifiers.parse(in))
                .hasSameHashCodeAs(VersionSpecifiers.parse(in));
    }

    @ParameterizedTest(name = "META-03 invalid {0}")
    @ValueSource(strings = {"<=1.0+ab", "~=1", "~=1.0.*", "==1.*+a", "!=1.0a1.*", ">1.0.*", ">=", "==1.0 .*",
        "3.8", ">=3.8;", ">=3.8 <4", "python>=3.8", "=1.0", "=>1.0", "<>1.0", "~1.0", ">=1.0.0-SNAPSHOT",
        "==1.0)", ">=\u0661", "~=1.0prev\u0131ew1", "~=1.0po\u017ft1", "=== a b", "===a;b", ">=1.0,foo"})
    void invalidSetsAreRejected(String s) {
        assertThat(VersionSpecifiers.isValid(s)).isFalse();
        assertThatThrownBy(() -> VersionSpecifiers.parse(s)).isInstanceOf(InvalidSpecifierException.class)
                .hasMessageStartingWith("invalid version specifier ")
                .hasMessageContaining("META-03");
    }

    @Test
    void messagesQuoteTheClauseAndTheSet() {
        assertThatThrownBy(() -> VersionSpecifiers.parse(">=3.8, =<4"))
                .hasMessageContaining("\"=<4\" in \">=3.8, =<4\"")
                .hasMessageContaining("expected an operator");
        assertThatThrownBy(() -> VersionSpecifiers.parse("~=3")).hasMessageContaining("at least two parts");
    }

    @Test
    void clausesExposeTheirParts() {
        VersionSpecifiers s = VersionSpecifiers.parse(">= 3.8, !=3.9.*");
        assertThat(s.specifiers()).hasSize(2);
        VersionSpecifier first = s.specifiers().get(0);
        assertThat(first.operator()).isEqualTo(VersionSpecifier.Operator.GREATER_EQUAL);
        assertThat(first.version()).isEqualTo("3.8");
        assertThat(first.isWildcard()).isFalse();
        assertThat(first).hasToString(">=3.8");
        VersionSpecifier second = s.specifiers().get(1);
        assertThat(second.operator().symbol()).isEqualTo("!=");
        assertThat(second.isWildcard()).isTrue();
        assertThat(VersionSpecifier.parse("== 1.0.0")).isEqualTo(VersionSpecifier.parse("==1"));
        assertThat(VersionSpecifier.parse("~=1.0.0")).isNotEqualTo(VersionSpecifier.parse("~=1.0"));
        assertThat(VersionSpecifiers.empty().isEmpty()).isTrue();
        assertThat(VersionSpecifiers.empty().contains(Version.parse("1.0a1"), false)).isFalse();
    }

    @Test
    void badInputIsAClearFailureOrAnEmptyResult() {
        assertThat(VersionSpecifiers.tryParse(null)).isEmpty();
        assertThat(VersionSpecifiers.isValid(null)).isFalse();
        assertThat(VersionSpecifier.tryParse(null)).isEmpty();
        int mb = 1 << 20;
        assertThat(VersionSpecifiers.isValid(",".repeat(mb))).isTrue();
        assertThat(VersionSpecifiers.isValid(">=1.0,".repeat(mb / 6))).isTrue();
        assertThat(VersionSpecifiers.isValid(">=" + "1.".repeat(mb / 2) + "x")).isFalse();
        assertThat(VersionSpecifiers.isValid("===" + "a".repeat(mb))).isTrue();
        assertThat(VersionSpecifiers.isValid("\u0000>=1")).isFalse();
        assertThatThrownBy(() -> VersionSpecifiers.parse(">=" + "9".repeat(mb)))
                .isInstanceOf(InvalidSpecifierException.class).hasMessageContaining("characters)");
    }
}
