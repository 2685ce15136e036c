package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Seeds;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PeoplePages#linkable}: the hand-written scan agrees with the definition by regular expression. */
class PeoplePagesLinkableTest {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

    /** The definition: the URL as a browser reads it, then an http(s) scheme or none. */
    private static boolean reference(String url) {
        StringBuilder b = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r' && !(b.length() == 0 && c <= ' ')) {
                b.append(c);
            }
        }
        Matcher scheme = SCHEME.matcher(b);
        if (!scheme.lookingAt()) {
            return true;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("https") || name.equals("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://files.example/a.whl", "HTTP://x", "hTTpS:x", " \t\n https://x", "files/a.whl",
        "../../files/a/a.whl", "//host/a.whl", "a.whl#sha256=00", "#x:y", "a/b:c", "?x:y", "",
        "ht\ttps://x"})
    void linksThatStayOnTheWeb(String url) {
        assertThat(PeoplePages.linkable(url)).isTrue();
        assertThat(reference(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " \u0000javascript:x", "java\tscript:x", "java\nscr\ript:x",
        "JAVASCRIPT:x", "data:text/html,x", "file:///etc/passwd", "ftp://x", "httpss://x", "htt:x", "h:x", "http1:x",
        "x+y.z-w:a", "s3:x", "http+x:y", "https.:x"})
    void linksWithAnotherScheme(String url) {
        assertThat(PeoplePages.linkable(url)).isFalse();
        assertThat(reference(url)).isFalse();
    }

    @Test
    void everyShortStringOverTheSchemeAlphabet() {
        char[] alphabet = {'h', 't', 'p', 's', 'T', 'x', ':', '1', '+', ' ', '\t', '#'};
        int checked = 0;
        for (int length = 0; length <= 5; length++) {
            int[] digits = new int[length];
            char[] chars = new char[length];
            for (long k = 0, n = (long) Math.pow(alphabet.length, length); k < n; k++) {
                for (int i = 0; i < length; i++) {
                    chars[i] = alphabet[digits[i]];
                }
                String url = new String(chars);
                assertThat(PeoplePages.linkable(url)).as("%s", url).isEqualTo(reference(url));
                checked++;
                for (int i = 0; i < length && ++digits[i] == alphabet.length; i++) {
                    digits[i] = 0;
                }
            }
        }
        assertThat(checked).isEqualTo(271_453);
    }

    static Stream<String> randomUrls() {
        Random random = Seeds.random("linkable");
        List<String> pieces = List.of("http", "https", "HTTPS", "s", ":", "//", "javascript", "data", "x", "1", "+",
                ".", "-", "#", "?", "/", " ", "\t", "\n", "\r", "\u0000", "\u00e9", "\u017f", "\u212a", "\ud83d\ude00");
        return IntStream.range(0, 3000).mapToObj(i -> {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                s.append(pieces.get(random.nextInt(pieces.size())));
            }
            return s.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomUrls")
    void agreesWithTheDefinition(String url) {
        assertThat(PeoplePages.linkable(url)).as("%s", url).isEqualTo(reference(url));
    }
}
