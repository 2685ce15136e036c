package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: {@link Version} against {@code packaging.version.Version} on this machine (SPEC VER-01..VER-07).
 * The same inputs go through both; every output must be equal.
 */
class VersionDifferentialIT {
    private static final String DESCRIBE = """
            import sys, json
            from packaging.version import Version
            def n(x):
                return "-" if x is None else str(x)
            for line in sys.stdin:
                s = json.loads(line)
                try:
                    v = Version(s)
                except ValueError:
                    print("!")
                    continue
                pre = "-" if v.pre is None else v.pre[0] + str(v.pre[1])
                flags = "%d%d%d" % (v.is_prerelease, v.is_postrelease, v.is_devrelease)
                print("|".join([str(v), v.public, v.base_version, flags, str(v.epoch),
                    ".".join(map(str, v.release)), pre, n(v.post), n(v.dev), n(v.local)]))
            """;

    private static final String COMPARE = """
            import sys, json
            from packaging.version import Version
            for line in sys.stdin:
                a, b = json.loads(line)
                x, y = Version(a), Version(b)
                print((x > y) - (x < y))
            """;

    static String describe(String s) {
        Version v = Version.tryParse(s).orElse(null);
        if (v == null) {
            return "!";
        }
        String pre = v.pre().map(Version.Pre::toString).orElse("-");
        String flags = (v.isPrerelease() ? "1" : "0") + (v.isPostRelease() ? "1" : "0") + (v.isDevRelease() ? "1" : "0");
        return String.join("|", v.toString(), v.publicVersion(), v.baseVersion(), flags, v.epoch().toString(),
                v.release().stream().map(BigInteger::toString).collect(Collectors.joining(".")), pre,
                v.post().map(BigInteger::toString).orElse("-"), v.dev().map(BigInteger::toString).orElse("-"),
                v.local().orElse("-"));
    }

    private static void assertSameDescriptions(List<String> inputs) {
        List<String> python = Python.mapLines(DESCRIBE, inputs.stream().map(VersionStrings::json).toList());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String java = describe(inputs.get(i));
            if (!java.equals(python.get(i))) {
                mismatches.add(VersionStrings.json(inputs.get(i)) + "\n    java:   " + java + "\n    python: "
                        + python.get(i));
            }
        }
        assertThat(mismatches).as("inputs where Version and packaging disagree (of %d)", inputs.size()).isEmpty();
    }

    @Test
    void realVersionsAgree() {
        assertSameDescriptions(VersionStrings.real());
    }

    @Test
    void seededRandomVersionishStringsAgree() {
        Random r = Seeds.random("VersionDifferentialIT.seededRandomVersionishStringsAgree");
        Set<String> inputs = new LinkedHashSet<>();
        while (inputs.size() < 60_000) {
            inputs.add(VersionStrings.versionish(r));
        }
        List<String> real = VersionStrings.real();
        for (int i = 0; i < 20_000; i++) {
            inputs.add(VersionStrings.mutate(r, real.get(r.nextInt(real.size()))));
        }
        assertSameDescriptions(new ArrayList<>(inputs));
    }

    @Test
    void allShortStringsOverTheTrickyAlphabetAgree() {
        assertSameDescriptions(VersionStrings.exhaustive(VersionStrings.TRICKY, 3));
    }

    @Test
    void allLength4StringsOverTheGrammarAlphabetAgree() {
        List<String> all = VersionStrings.exhaustive(VersionStrings.GRAMMAR, 4);
        assertSameDescriptions(all.stream().filter(s -> s.length() == 4).toList());
    }

    @Test
    void numbersAtPythonsDigitLimitAgree() {
        String limit = "1".repeat(Version.MAX_DIGITS);
        String over = "1".repeat(Version.MAX_DIGITS + 1);
        String zeros = "0".repeat(Version.MAX_DIGITS + 1);
        assertSameDescriptions(List.of(limit, over, zeros, "1." + limit, "1." + over, limit + "!1", over + "!1",
                "1a" + over, "1.post" + over, "1.dev" + over, "1+" + over, "1+a" + over, "1+" + limit, "v" + limit,
                "1.0+" + zeros, " " + over + " ", "1.99999999999999999999999", "1!99999999999999999999.0",
                "18446744073709551616.9223372036854775808rc9223372036854775808"));
    }

    @Test
    void orderingAgrees() {
        Random r = Seeds.random("VersionDifferentialIT.orderingAgrees");
        List<Version> pool = new ArrayList<>();
        for (String s : VersionStrings.real()) {
            Version.tryParse(s).ifPresent(pool::add);
        }
        while (pool.size() < 20_000) {
            Version.tryParse(VersionStrings.versionish(r)).ifPresent(pool::add);
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            Version a = pool.get(r.nextInt(pool.size()));
            Version b = pool.get(r.nextInt(pool.size()));
            pairs.add(new String[] {a.toString(), b.toString()});
        }
        // close neighbours: variants of one version
        String[] suffixes = {"", ".0", ".0.0", "a0", "a1", "b0", "rc0", "rc1", ".post0", ".post1", ".dev0", ".dev1",
            "a1.dev0", "a1.post0", "a1.post0.dev0", ".post0.dev0", ".post1.dev0", "+0", "+a", "+a.0", "+0.a", "+1",
            "+01", "+a.b", "+a.0.0", "+abc", "+abd", "+ab", "+a-b", "+9999999999999999999", "+10000000000000000000"};
        for (int i = 0; i < 20_000; i++) {
            String base = pool.get(r.nextInt(pool.size())).baseVersion();
            String a = base + suffixes[r.nextInt(suffixes.length)];
            String b = base + suffixes[r.nextInt(suffixes.length)];
            pairs.add(new String[] {a, r.nextBoolean() ? b : b.replaceFirst("^([0-9!]*[0-9]+)", "$1.0")});
        }
        List<String> lines = pairs.stream()
                .map(p -> "[" + VersionStrings.json(p[0]) + ", " + VersionStrings.json(p[1]) + "]").toList();
        List<String> python = Python.mapLines(COMPARE, lines);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Version a = Version.parse(pairs.get(i)[0]);
            Version b = Version.parse(pairs.get(i)[1]);
            int java = Integer.signum(a.compareTo(b));
            boolean consistent = (java == 0) == a.equals(b) && (java != 0 || a.hashCode() == b.hashCode());
            if (!python.get(i).equals(Integer.toString(java)) || !consistent) {
                mismatches.add(lines.get(i) + " java " + java + " (equals " + a.equals(b) + ") python " + python.get(i));
            }
        }
        assertThat(mismatches).as("pairs ordered differently (of %d)", pairs.size()).isEmpty();
    }
}
