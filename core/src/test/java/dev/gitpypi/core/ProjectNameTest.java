package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.testing.Seeds;
import dev.gitpypi.testing.TrickyStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectNameTest {
    private static final Pattern NAME_01 = Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");
    private static final Pattern NORMALIZED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    // ---- NAME-01: validity -------------------------------------------------------------------------------

    @ParameterizedTest(name = "NAME-01 valid: {0}")
    @CsvSource(delimiter = '|', value = {"a", "Z", "7", "requests", "Foo_Bar", "foo.bar", "foo-bar", "a-_.-b",
        "zope.interface", "0x10c-asm", "A1", "x__y", "1-2"})
    void name01Valid(String name) {
        assertThat(ProjectName.isValid(name)).isTrue();
        assertThat(ProjectName.of(name).display()).isEqualTo(name);
        assertThat(ProjectName.tryParse(name)).isPresent();
    }

    static Stream<String> name01Invalid() {
        return Stream.of("", "-foo", "foo_", ".foo", "foo.", "_", "-", "foo bar", "f\u00f6\u00f6", "foo\n", "\nfoo",
                "foo\u0000", "foo/bar", "foo+bar", "foo!", "\u0131", "\u0130stanbul", "caf\u00e9", "\tfoo", "foo\t",
                "\u212aelvin", " foo", "foo ");
    }

    @ParameterizedTest(name = "NAME-01 invalid: {0}")
    @MethodSource("name01Invalid")
    void name01Invalid(String name) {
        assertThat(ProjectName.isValid(name)).isFalse();
        assertThat(ProjectName.tryParse(name)).isEmpty();
        assertThatThrownBy(() -> ProjectName.of(name)).isInstanceOf(InvalidNameException.class)
                .hasMessageStartingWith("invalid project name ")
                .hasMessageContaining(Texts.quote(name)).hasMessageContaining("NAME-01");
    }

    // ---- NAME-02: normalization --------------------------------------------------------------------------

    @ParameterizedTest(name = "NAME-02 normalize({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "FrIeNdLy-._.-bArD|friendly-bard",
        "Foo_Bar|foo-bar",
        "foo.bar|foo-bar",
        "foo--bar|foo-bar",
        "foo__bar|foo-bar",
        "a-_b|a-b",
        "a_-b|a-b",
        "requests|requests",
        "Django|django",
        "oslo.concurrency|oslo-concurrency",
        "-foo_|-foo-",
        "'...'|-",
        "'__x__'|-x-",
        "ABCXYZ|abcxyz",
        "'@['|'@['", // the characters around 'A'..'Z' are not letters
        "'`{'|'`{'",
    })
    void name02Normalize(String in, String expected) {
        assertThat(ProjectName.normalize(in)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NAME-02 ASCII-only lower-casing: {0}")
    @CsvSource(delimiter = '|', value = {"\u0130|\u0130", "\u00c9T\u00c9|\u00c9t\u00c9", "\u212a|\u212a",
        "\u0131I|\u0131i", "\u00df_X|\u00df-x"})
    void name02LowerCasesOnlyAscii(String in, String expected) {
        // Python's str.lower() would give "i\u0307", "\u00e9t\u00e9", "k": NAME-02 lower-cases ASCII only.
        assertThat(ProjectName.normalize(in)).isEqualTo(expected);
    }

    @Test
    void name02NormalizedNamesAreReturnedAsTheSameInstance() {
        for (String s : List.of("requests", "foo-bar", "a", "", "0x10c-asm", "caf\u00e9", "-x-", "x y")) {
            assertThat(ProjectName.normalize(s)).isSameAs(s);
        }
    }

    @Test
    void name02NormalizedMatchesPackagingsForm() {
        assertThat(ProjectName.isNormalized("foo-bar")).isTrue();
        assertThat(ProjectName.isNormalized("a")).isTrue();
        assertThat(ProjectName.isNormalized("0x10c-asm")).isTrue();
        // packaging's is_normalized_name accepts "a--b" (a regex slip); it is not normalized: NAME-02.
        for (String s : List.of("a--b", "ab--cd", "Foo", "foo_bar", "foo.bar", "-foo", "foo-", "", "caf\u00e9",
                "foo bar")) {
            assertThat(ProjectName.isNormalized(s)).as(s).isFalse();
        }
        assertThat(ProjectName.isNormalized(null)).isFalse();
    }

    // ---- NAME-03 / NAME-04: identity by normalized form ------------------------------------------------------

    @Test
    void name03SpellingsOfOneNameAreEqual() {
        ProjectName a = ProjectName.of("Foo_Bar");
        ProjectName b = ProjectName.of("foo.bar");
        ProjectName c = ProjectName.of("FOO--bar");
        assertThat(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(b).hasSameHashCodeAs(c);
        assertThat(a.compareTo(c)).isZero();
        assertThat(a.display()).isEqualTo("Foo_Bar");
        assertThat(a.toString()).isEqualTo("Foo_Bar");
        assertThat(a.normalized()).isEqualTo("foo-bar");
        assertThat(a.hasDisplaySpelling()).isTrue();
        assertThat(ProjectName.of("foo-bar").hasDisplaySpelling()).isFalse();
        assertThat(a).isNotEqualTo(ProjectName.of("foobar"));
        assertThat(a).isNotEqualTo("foo-bar");
    }

    @Test
    void name04FileNamePartComparesByNormalizedForm() {
        // "Foo_Bar-1.0.tar.gz" belongs to project "foo-bar": compare after normalization, never as text.
        ProjectName project = ProjectName.of("foo-bar");
        assertThat(ProjectName.normalize("Foo_Bar")).isEqualTo(project.normalized());
        assertThat(ProjectName.of("Foo_Bar")).isEqualTo(project);
    }

    @Test
    void ordersByNormalizedForm() {
        List<ProjectName> names = new ArrayList<>(List.of(ProjectName.of("b"), ProjectName.of("A_c"),
                ProjectName.of("a-b")));
        names.sort(null);
        assertThat(names).extracting(ProjectName::normalized).containsExactly("a-b", "a-c", "b");
    }

    // ---- NAME-05: file-name form ------------------------------------------------------------------------------

    @ParameterizedTest(name = "NAME-05 {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"Foo.Bar|foo_bar", "foo-bar|foo_bar", "a-_.-b|a_b", "requests|requests",
        "Zope.Interface|zope_interface"})
    void name05FileNameForm(String name, String expected) {
        assertThat(ProjectName.of(name).fileNameForm()).isEqualTo(expected).matches("[a-z0-9]+(_[a-z0-9]+)*");
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    @Test
    void nullIsAClearExceptionOrACleanFalse() {
        assertThatThrownBy(() -> ProjectName.normalize(nullString())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ProjectName.of(nullString())).isInstanceOf(NullPointerException.class)
                .hasMessage("project name must not be null");
        assertThat(ProjectName.isValid(null)).isFalse();
        assertThat(ProjectName.isNormalized(null)).isFalse();
        assertThat(ProjectName.tryParse(null)).isEmpty();
    }

    private static String nullString() {
        return null;
    }

    @Test
    void emptyIsInvalidAndNormalizesToItself() {
        assertThat(ProjectName.isValid("")).isFalse();
        assertThat(ProjectName.normalize("")).isEmpty();
        assertThatThrownBy(() -> ProjectName.of("")).isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("\"\"");
    }

    @Test
    void megabyteStrings() {
        int mb = 1 << 20;
        String valid = "A".repeat(mb - 1) + "b";
        ProjectName big = ProjectName.of(valid);
        assertThat(big.normalized()).hasSize(mb).startsWith("aaa").endsWith("ab");

        String separators = "a" + "-_.".repeat(mb / 3) + "b";
        assertThat(ProjectName.normalize(separators)).isEqualTo("a-b");
        assertThat(ProjectName.isValid(separators)).isTrue();

        String bad = "a".repeat(mb) + "\u0000";
        assertThat(ProjectName.isValid(bad)).isFalse();
        assertThatThrownBy(() -> ProjectName.of(bad)).isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("(" + (mb + 1) + " characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        String normalizedBig = "a-".repeat(mb / 2) + "a";
        assertThat(ProjectName.normalize(normalizedBig)).isSameAs(normalizedBig);
    }

    @Test
    void controlCharactersAreInvalidAndQuotedEscaped() {
        for (char ch = 0; ch < 0x20; ch++) {
            char c = ch;
            String name = "a" + c + "b";
            assertThat(ProjectName.isValid(name)).isFalse();
            assertThatThrownBy(() -> ProjectName.of(name)).isInstanceOf(InvalidNameException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(String.valueOf(c)));
            assertThat(ProjectName.normalize(name)).isEqualTo(name);
        }
        assertThat(ProjectName.isValid("a\u007fb")).isFalse();
    }

    @Test
    void nonAsciiIsInvalid() {
        for (String s : List.of("\u00e9", "a\u00e9", "\u0130", "\u0131", "\u212a", "\uff21", "\u0661", "a\u200bb")) {
            assertThat(ProjectName.isValid(s)).as(s).isFalse();
            assertThat(ProjectName.tryParse(s)).isEmpty();
        }
    }

    // ---- properties over seeded random and enumerated strings ---------------------------------------------------

    static List<String> arbitraryStrings() {
        Random random = Seeds.random("ProjectNameTest.arbitraryStrings");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            out.add(TrickyStrings.random(random, TrickyStrings.ALPHABET, 12));
        }
        out.addAll(TrickyStrings.enumerate(TrickyStrings.ALPHABET, 2));
        return out;
    }

    static List<String> validNames() {
        Random random = Seeds.random("ProjectNameTest.validNames");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            out.add(TrickyStrings.randomValidName(random));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("arbitraryStrings")
    void normalizeIsIdempotentAndReturnsNormalizedInputItself(String s) {
        String once = ProjectName.normalize(s);
        assertThat(ProjectName.normalize(once)).isSameAs(once);
        assertThat(once).isEqualTo(reference(s));
        assertThat(ProjectName.isValid(s)).isEqualTo(NAME_01.matcher(s).matches());
    }

    @Test
    void normalizeIsLocaleIndependent() {
        List<String> inputs = new ArrayList<>(arbitraryStrings());
        inputs.addAll(List.of("TITLE_I", "I", "IIII.iiii", "DIJKSTRA"));
        List<String> root = inputs.stream().map(ProjectName::normalize).toList();
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat("I".toLowerCase()).as("the trap is armed").isEqualTo("\u0131");
            List<String> turkish = inputs.stream().map(ProjectName::normalize).toList();
            assertThat(turkish).isEqualTo(root);
            assertThat(ProjectName.normalize("TITLE_I")).isEqualTo("title-i");
            assertThat(ProjectName.of("IIII.iiii").normalized()).isEqualTo("iiii-iiii");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @MethodSource("validNames")
    void validNamesNormalizeToTheNormalizedForm(String name) {
        ProjectName pn = ProjectName.of(name);
        assertThat(pn.normalized()).matches(NORMALIZED);
        assertThat(ProjectName.isNormalized(pn.normalized())).isTrue();
        assertThat(ProjectName.of(pn.normalized())).isEqualTo(pn);
        assertThat(pn.fileNameForm()).matches("[a-z0-9]+(_[a-z0-9]+)*");
        assertThat(ProjectName.isNormalized(name)).isEqualTo(name.equals(pn.normalized()));
    }

    @Test
    void equalityIffEqualNormalizedForms() {
        List<String> names = validNames();
        // pairs that often collide: the same letters with a different case or separator spelling
        Random random = Seeds.random("ProjectNameTest.equalityIffEqualNormalizedForms");
        for (int i = 0; i + 1 < names.size(); i++) {
            String a = names.get(i);
            String b = random.nextBoolean() ? respell(random, a) : names.get(i + 1);
            ProjectName pa = ProjectName.of(a);
            ProjectName pb = ProjectName.of(b);
            boolean sameForm = ProjectName.normalize(a).equals(ProjectName.normalize(b));
            assertThat(pa.equals(pb)).as("%s vs %s", a, b).isEqualTo(sameForm);
            assertThat(pa.compareTo(pb) == 0).isEqualTo(sameForm);
            if (sameForm) {
                assertThat(pa.hashCode()).isEqualTo(pb.hashCode());
            }
        }
    }

    private static String respell(Random random, String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                int run = 1 + random.nextInt(2);
                for (int r = 0; r < run; r++) {
                    sb.append("-_.".charAt(random.nextInt(3)));
                }
            } else if (Character.isLetter(c) && random.nextBoolean()) {
                sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** NAME-02 written the slow, obvious way: collapse runs, then lower-case ASCII letters. */
    static String reference(String s) {
        String collapsed = s.replaceAll("[-_.]+", "-");
        StringBuilder sb = new StringBuilder(collapsed.length());
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }
}
