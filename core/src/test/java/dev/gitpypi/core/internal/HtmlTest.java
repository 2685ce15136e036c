package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Html#escape} and {@link Html#parsedForm} on every UTF-16 code unit, alone and between plain text. */
class HtmlTest {
    /** What one code unit that is not half of a surrogate pair becomes. */
    private static String expected(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\r' -> "&#13;";
            case '\0' -> "\uFFFD";
            case '\uFFFE' -> "&#xfffe;";
            case '\uFFFF' -> "&#xffff;";
            default -> Character.isSurrogate(c) ? "\uFFFD" : String.valueOf(c);
        };
    }

    @Test
    void everyCodeUnitAloneAndInText() throws IOException {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String text = "ab" + c + "cd";
            String escaped = "ab" + expected(c) + "cd";
            assertThat(Html.escape(String.valueOf(c))).as("U+%04X", i).isEqualTo(expected(c));
            assertThat(Html.escape(text)).as("U+%04X in text", i).isEqualTo(escaped);
            StringBuilder out = new StringBuilder();
            Html.escape(new StringBuilder(text), out);
            assertThat(out.toString()).as("U+%04X from a builder", i).isEqualTo(escaped);
            String parsed = c == '\0' || Character.isSurrogate(c) ? "ab\uFFFDcd" : text;
            assertThat(Html.parsedForm(text)).as("U+%04X parsed", i).isEqualTo(parsed);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\ud83d\ude00|\ud83d\ude00",
        "a\ud83d\ude00'|a\ud83d\ude00&#39;",
        "\ude00\ud83d|\uFFFD\uFFFD",
        "\ud83d\ud83d\ude00|\uFFFD\ud83d\ude00",
        "x\ud83d|x\uFFFD",
    })
    void surrogatePairsStayAndHalvesGo(String raw, String escaped) {
        assertThat(Html.escape(raw)).isEqualTo(escaped);
        assertThat(Html.parsedForm(raw)).isEqualTo(escaped.replace("&#39;", "'"));
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String plain = "https://files.example/foo_bar-1.0.tar.gz#sha256=00 \u00b7 \u00e9";
        assertThat(Html.escape(plain)).isSameAs(plain);
        assertThat(Html.parsedForm(plain)).isSameAs(plain);
    }
}
