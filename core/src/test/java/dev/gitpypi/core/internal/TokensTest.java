package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Seeds;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TokensTest {
    /** The definition the scan must agree with. */
    private static final Pattern TOKEN = Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}");
    private static final String ALNUM36 = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ghp_" + ALNUM36 + "|true",
        "x ghs_" + ALNUM36 + "xyz|true",
        "gho_" + ALNUM36 + "|true",
        "ghu_" + ALNUM36 + "|true",
        "ghr_" + ALNUM36 + "|true",
        "ghx_" + ALNUM36 + "|false",
        "ghp-" + ALNUM36 + "|false",
        "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r" + "|false",
        "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r_8|false",
        "gghp_" + ALNUM36 + "|true",
        "github_pat_" + "abcdefghij_ABCDEFGHIJ_|true",
        "github_pat_" + "abcdefghij_ABCDEFGHIJ|false",
        "github_pat_" + "abcdefghij-ABCDEFGHIJ_xyz|false",
        "githu|false",
        "g|false",
        "gh|false",
        "gh_p|false",
    })
    void table(String text, boolean expected) {
        assertThat(Tokens.containsGitHubToken(text)).isEqualTo(expected);
        assertThat(TOKEN.matcher(text).find()).as("the regular expression agrees").isEqualTo(expected);
        assertThat(Tokens.containsGitHubToken(text.getBytes(StandardCharsets.UTF_8))).as("as bytes")
                .isEqualTo(expected);
    }

    /** {@code count} runs of fewer than {@code max} pieces, each drawn at random (seeded, printed). */
    private static <T> Stream<List<T>> runs(String what, List<T> pieces, int count, int max) {
        Random random = Seeds.random(what);
        return IntStream.range(0, count).mapToObj(i -> IntStream.range(0, random.nextInt(max))
                .mapToObj(k -> pieces.get(random.nextInt(pieces.size()))).toList());
    }

    static Stream<String> randomTexts() {
        List<String> pieces = List.of("g", "h", "gh", "p", "o", "u", "s", "r", "x", "_", "github_pat_", "ghp_", "A",
                "z", "9", "-", "\u00e9", " ", "\n", ALNUM36.substring(0, 10), ALNUM36.substring(0, 20), ALNUM36);
        return runs("tokens", pieces, 1000, 12).map(run -> String.join("", run));
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void agreesWithTheRegularExpression(String text) {
        assertThat(Tokens.containsGitHubToken(text)).as("%s", text).isEqualTo(TOKEN.matcher(text).find());
    }

    /**
     * Bytes with ASCII token pieces, text in UTF-8 and single high bytes, among them {@code g} and {@code h} with the
     * high bit set (a scan that dropped that bit would see a token).
     */
    static Stream<byte[]> randomBytes() {
        List<byte[]> pieces = Stream.of("g", "h", "gh", "i", "p", "_", "github_pat_", "gh\u00e9_", "ghp_", "A", "9",
                "-", "\u00e9", "\u00b7", "\ud83d\ude00", "x".repeat(32), "_".repeat(11), ALNUM36.substring(0, 21),
                ALNUM36.substring(0, 22), ALNUM36.substring(0, 35), ALNUM36)
                .map(p -> p.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toCollection(ArrayList::new));
        for (int b : new int[] {0x00, 0x80, 0xe7, 0xe8, 0xdf, 0xf0, 0xff}) {
            pieces.add(new byte[] {(byte) b});
        }
        return runs("token-bytes", pieces, 2000, 10).map(run -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @ParameterizedTest
    @MethodSource("randomBytes")
    void bytesGiveTheAnswerOfTheirLatin1Text(byte[] bytes) {
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        boolean expected = Tokens.containsGitHubToken(latin1);
        assertThat(Tokens.containsGitHubToken(bytes)).as("%s", latin1).isEqualTo(expected);
        assertThat(TOKEN.matcher(latin1).find()).as("the regular expression agrees").isEqualTo(expected);
    }

    /**
     * The byte scan skips ahead by the length of the shortest token: a token, or one character too short, at every
     * offset after and before fillers of word characters, other characters and mixes of both.
     */
    @Test
    void tokensAreFoundAtEveryOffset() {
        List<String> tokens = List.of("ghp_" + ALNUM36, "github_pat_" + ALNUM36.substring(0, 22), "github_pat__"
                + "_".repeat(30), "ghp_" + ALNUM36.substring(1), "github_pat_" + ALNUM36.substring(0, 21));
        List<String> fillers = List.of("a", " ", "_", "-", "ab ", "abcdefghij.", "\u00e9", "g", "gh",
                "x".repeat(31) + "/");
        int checked = 0;
        for (String token : tokens) {
            for (String filler : fillers) {
                for (int before = 0; before <= 80; before++) {
                    for (int after = 0; after <= 3; after++) {
                        String text = filler.repeat(80).substring(0, before) + token + filler.repeat(after);
                        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                        boolean expected = TOKEN.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find();
                        assertThat(Tokens.containsGitHubToken(bytes)).as("%s", text).isEqualTo(expected);
                        assertThat(Tokens.containsGitHubToken(text)).as("%s", text).isEqualTo(expected);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(5 * 10 * 81 * 4);
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void utf8BytesGiveTheAnswerOfTheText(String text) {
        assertThat(Tokens.containsGitHubToken(text.getBytes(StandardCharsets.UTF_8))).as("%s", text)
                .isEqualTo(Tokens.containsGitHubToken(text));
    }
}
