package dev.gitpypi.git.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the string literals the reader decodes, against Python's own {@code ast.literal_eval}: for
 * seeded random literals (every prefix that gives a {@code str}, single, double and triple quotes, implicit
 * concatenation, escapes of every kind, line continuations, comments and {@code #} inside strings), whenever Python
 * accepts the literal, the tokenizer gives exactly Python's value. {@code \N{NAME}} escapes are not generated: the
 * reader keeps them as written (no Unicode name table), which only matters for a name spelled that way.
 */
class PythonLiteralDifferentialIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PIECES = {"a", "Z", "0", " ", "#", "é", "日", "'", "\"", "\\n", "\\t", "\\\\",
        "\\'", "\\\"", "\\x41", "\\x4", "\\u00e9", "\\U0001F600", "\\101", "\\0", "\\q", "\\\n", "\n", "{", "}",
        "\\N", "\t", "\\r", "\\a", "\\b", "\\f", "\\v", "''", "\"\"", "\\u12"};
    private static final String[] PREFIXES = {"", "r", "u", "R", "U", "f", "b", "rb", "Rb", "fr"};
    private static final String[] QUOTES = {"'", "\"", "'''", "\"\"\""};

    @Test
    void decodedStringsEqualPythons() throws Exception {
        Random random = Seeds.random("PythonLiteralDifferentialIT.decodedStringsEqualPythons");
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            StringBuilder lit = new StringBuilder();
            int parts = 1 + random.nextInt(3);
            for (int k = 0; k < parts; k++) {
                String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
                String quote = QUOTES[random.nextInt(QUOTES.length)];
                lit.append(k == 0 ? "" : random.nextBoolean() ? " " : " # c'\"\n  ").append(prefix).append(quote);
                int n = random.nextInt(8);
                for (int j = 0; j < n; j++) {
                    lit.append(PIECES[random.nextInt(PIECES.length)]);
                }
                lit.append(quote);
            }
            literals.add(lit.toString());
        }
        String script = String.join("\n",
                "import ast, json, sys, warnings",
                "warnings.simplefilter('ignore')",
                "for line in sys.stdin:",
                "    src = json.loads(line)",
                "    try:",
                "        v = ast.literal_eval('(' + src + '\\n)')",
                "        print(json.dumps(v) if isinstance(v, str) else json.dumps(None))",
                "    except Exception:",
                "        print(json.dumps(None))");
        List<String> inputs = new ArrayList<>();
        for (String l : literals) {
            inputs.add(JSON.writeValueAsString(l));
        }
        List<String> expected = Python.mapLines(script, inputs);
        int compared = 0;
        for (int i = 0; i < literals.size(); i++) {
            String python = JSON.readValue(expected.get(i), String.class);
            if (python == null) {
                continue;
            }
            compared++;
            String source = "x = (" + literals.get(i) + "\n)\n";
            List<PythonTokenizer.Line> lines = PythonTokenizer.lines(source);
            PythonParser.Located stmt = PythonParser.parse(lines).get(0);
            PythonParser.Assign assign = (PythonParser.Assign) stmt.stmt();
            assertThat(((PythonParser.Str) assign.value()).value()).as("%s", literals.get(i)).isEqualTo(python);
        }
        assertThat(compared).as("literals Python accepts").isGreaterThan(500);
    }
}
