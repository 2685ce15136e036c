package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Json;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.Seeds;
import dev.gitpypi.testing.TrickyStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectName} against Python and {@code packaging} on the same inputs (SPEC NAME-01, NAME-02).
 *
 * <p>The normalization reference is {@code re.sub(r"[-_.]+", "-", s)} followed by ASCII-only lower-casing, which
 * is what NAME-02 specifies. packaging's {@code canonicalize_name} lower-cases with Python's Unicode-aware
 * {@code str.lower()} instead; the two differ exactly on strings with non-ASCII upper-case letters (such as
 * {@code İ} or the Kelvin sign), none of which is a valid name, and the test checks that this is the only
 * divergence. For valid names the result must equal {@code canonicalize_name(s, validate=True)} exactly.
 */
class NameDifferentialIT {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, re",
            "from packaging.utils import canonicalize_name, InvalidName",
            "upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'",
            "table = str.maketrans(upper, upper.lower())",
            "for line in sys.stdin:",
            "    s = json.loads(line)",
            "    collapsed = re.sub(r'[-_.]+', '-', s)",
            "    try:",
            "        canonical = canonicalize_name(s, validate=True)",
            "    except InvalidName:",
            "        canonical = None",
            "    print(json.dumps([collapsed.translate(table), canonical, canonicalize_name(s)]))",
            "");

    @Test
    void exhaustiveShortStringsOverTheTrickyAlphabet() {
        List<String> inputs = TrickyStrings.enumerate(TrickyStrings.ALPHABET, 4);
        int divergences = compare(inputs);
        // İ and the Kelvin sign are in the alphabet: the documented divergence must actually have been exercised.
        assertThat(divergences).isPositive();
    }

    @Test
    void seededRandomStrings() {
        Random random = Seeds.random("NameDifferentialIT.seededRandomStrings");
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            inputs.add(i % 2 == 0 ? TrickyStrings.random(random, TrickyStrings.ALPHABET, 24)
                    : TrickyStrings.randomValidName(random));
        }
        compare(inputs);
    }

    /** Compares every input; returns how many showed the documented Unicode lower-casing divergence. */
    private static int compare(List<String> inputs) {
        List<String> lines = inputs.stream().map(Json::quote).toList();
        List<String> outputs = Python.mapLines(SCRIPT, lines);
        SoftAssertions soft = new SoftAssertions();
        int divergences = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String s = inputs.get(i);
            List<?> out = (List<?>) Json.parse(outputs.get(i));
            String asciiReference = (String) out.get(0);
            String canonical = (String) out.get(1);
            String unicodeLowered = (String) out.get(2);
            String normalized = ProjectName.normalize(s);
            String label = Json.quote(s);
            soft.assertThat(normalized).as("NAME-02 normalize(%s)", label).isEqualTo(asciiReference);
            soft.assertThat(ProjectName.isValid(s)).as("NAME-01 isValid(%s)", label).isEqualTo(canonical != null);
            if (canonical != null) {
                soft.assertThat(normalized).as("canonicalize_name(%s, validate=True)", label).isEqualTo(canonical);
                soft.assertThat(ProjectName.of(s).normalized()).isEqualTo(canonical);
            }
            soft.assertThat(ProjectName.isNormalized(s)).as("isNormalized(%s)", label)
                    .isEqualTo(canonical != null && canonical.equals(s));
            if (!normalized.equals(unicodeLowered)) {
                divergences++;
                soft.assertThat(canonical).as("divergence only for invalid names: %s", label).isNull();
                soft.assertThat(s.chars().anyMatch(c -> c > 0x7f)).as("divergence only with non-ASCII: %s", label)
                        .isTrue();
            }
        }
        soft.assertAll();
        return divergences;
    }
}
