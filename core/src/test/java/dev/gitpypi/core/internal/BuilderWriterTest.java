package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Seeds;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuilderWriterTest {
    private static final List<String> PIECES = List.of("", "a", "<a href=\"", "\u00b7", "\u00e9t\u00e9",
            "\ud83d\ude00", "\ud800", "\r\n", "x".repeat(40));

    /** Every kind of call a Writer takes, as {@code HtmlRenderer} and {@code Html.escape} make them. */
    private static void write(Writer w, List<Integer> calls) throws IOException {
        for (int call : calls) {
            String s = PIECES.get(call % PIECES.size());
            int from = s.isEmpty() ? 0 : (call / 7) % s.length();
            switch ((call / PIECES.size()) % 8) {
                case 0 -> w.write(s);
                case 1 -> w.write(s, from, s.length() - from);
                case 2 -> w.write(s.toCharArray(), from, s.length() - from);
                case 3 -> w.write(s.isEmpty() ? 'z' : s.charAt(from));
                case 4 -> w.append(s);
                case 5 -> w.append(new StringBuilder(s), from, s.length());
                case 6 -> w.append(s.isEmpty() ? 'z' : s.charAt(from));
                default -> w.write(s.toCharArray());
            }
        }
        w.flush();
    }

    static Stream<List<Integer>> randomCalls() {
        Random random = Seeds.random("builder-writer");
        return IntStream.range(0, 300).mapToObj(i -> random.ints(random.nextInt(30), 0, 1000).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("randomCalls")
    void writesWhatAStringWriterWrites(List<Integer> calls) throws IOException {
        StringWriter expected = new StringWriter();
        write(expected, calls);
        StringBuilder b = new StringBuilder("kept:");
        BuilderWriter w = new BuilderWriter(b);
        write(w, calls);
        w.close();
        assertThat(b.toString()).isEqualTo("kept:" + expected);
        assertThat(w.toString()).isEqualTo(b.toString());
    }

    @Test
    void escapingThroughItEqualsEscapingIntoAString() throws IOException {
        String raw = "a&b<c>\"d'\r\0\ud800 \ud83d\ude00 \uffff";
        StringBuilder b = new StringBuilder();
        Html.escape(raw, new BuilderWriter(b));
        assertThat(b.toString()).isEqualTo(Html.escape(raw));
    }
}
