package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Seeds;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
    }

    static Stream<String> randomTexts() {
        Random random = Seeds.random("tokens");
        List<String> pieces = List.of("g", "h", "gh", "p", "o", "u", "s", "r", "x", "_", "github_pat_", "ghp_", "A",
                "z", "9", "-", "\u00e9", " ", "\n", ALNUM36.substring(0, 10), ALNUM36.substring(0, 20), ALNUM36);
        return IntStream.range(0, 1000).mapToObj(i -> {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                s.append(pieces.get(random.nextInt(pieces.size())));
            }
            return s.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void agreesWithTheRegularExpression(String text) {
        assertThat(Tokens.containsGitHubToken(text)).as("%s", text).isEqualTo(TOKEN.matcher(text).find());
    }
}
