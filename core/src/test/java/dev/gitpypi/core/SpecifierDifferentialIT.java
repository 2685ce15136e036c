package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: {@link VersionSpecifiers} against {@code packaging.specifiers.SpecifierSet} on this machine —
 * validity, normal form and {@code contains} with {@code prereleases} None, True and False.
 *
 * <p>Validity: packaging accepts a few clauses whose version it cannot parse (non-ASCII letters in {@code ~=}
 * labels, numbers over Python's 4300-digit limit) and fails on them later; the Python side reports those as
 * {@code !?}, which must match a rejection here (see {@link VersionSpecifiers}).
 */
class SpecifierDifferentialIT {
    private static final String NORMALIZE = """
            import sys, json
            from packaging.specifiers import SpecifierSet, InvalidSpecifier
            from packaging.version import Version
            def parses(ss):
                for sp in ss:
                    if sp.operator == "===":
                        continue
                    v = sp.version[:-2] if sp.version.endswith(".*") else sp.version
                    try:
                        Version(v)
                    except ValueError:
                        return False
                return True
            for line in sys.stdin:
                s = json.loads(line)
                try:
                    ss = SpecifierSet(s)
                except InvalidSpecifier:
                    print("!")
                    continue
                print(json.dumps(str(ss)) if parses(ss) else "!?")
            """;

    private static final String CONTAINS = """
            import sys, json
            from packaging.specifiers import SpecifierSet
            from packaging.version import Version
            for line in sys.stdin:
                s, v = json.loads(line)
                ss, ver = SpecifierSet(s), Version(v)
                print("".join("1" if ss.contains(ver, prereleases=p) else "0" for p in (None, True, False)))
            """;

    private static final String[] OPERATORS = {"~=", "==", "!=", "<=", ">=", "<", ">", "===", "==", ">=", "<",
        "=", "=>", "~", "<>", "====", "", " ", "!==", "=<", "= ="};

    static final List<String> REAL = List.of(">=3.8", ">=3.6, <4", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*",
            "~=3.7", ">=3.9,<3.13", "==3.*", ">3.5", "<=3.11", "!=3.9.1", ">=3.10.0a1", "===3.8.0", ">= 3.8",
            ">=3", "<3.10,>=3.8", "~=2.7.0", "==2.7.*", ">=3.7.0, <3.12.0", ">=3.8.1,<4.0", "", " ", ",",
            ">=3.6.*", ">=3.8;", "3.8", ">=3.8 <4", ">=3.8,", ">=3.8,,<4", "python>=3.8", ">=3.8.0rc1",
            "==3.8.0+local", "<=3.8+local", "~=3", "~=3.8.*", "===foo", "=== foo bar", "!=3.0.*,>=2.7");

    private static final String[] SUFFIXES = {"", ".0", ".0.0", ".1", "a0", "a1", "b0", "rc0", "rc1", ".post0",
        ".post1", ".dev0", ".dev1", "a1.dev0", "a1.post0", ".post0.dev0", ".post1.dev0", "+0", "+a", "+local.1",
        ".5", ".0.1", "c1", ".r1"};

    static String spec(Random r, List<String> versions) {
        String op = OPERATORS[r.nextInt(OPERATORS.length)];
        String version = r.nextInt(3) == 0 ? VersionStrings.versionish(r) : versions.get(r.nextInt(versions.size()));
        if (r.nextInt(5) == 0) {
            version = version.strip() + ".*";
        }
        String ws = r.nextInt(4) == 0 ? " " : "";
        String s = ws + op + (r.nextInt(4) == 0 ? " " : "") + version + ws;
        return r.nextInt(8) == 0 ? VersionStrings.mutate(r, s) : s;
    }

    static String specSet(Random r, List<String> versions) {
        int n = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(r.nextInt(3) + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(r.nextInt(10) == 0 ? ", ," : r.nextBoolean() ? "," : ", ");
            }
            b.append(spec(r, versions));
        }
        return b.toString();
    }

    static String java(String s) {
        return VersionSpecifiers.tryParse(s).map(v -> VersionStrings.json(v.toString())).orElse("!");
    }

    private static void assertSameNormalForms(List<String> inputs) {
        List<String> python = Python.mapLines(NORMALIZE, inputs.stream().map(VersionStrings::json).toList());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String java = java(inputs.get(i));
            String expected = python.get(i).equals("!?") ? "!" : python.get(i);
            if (!java.equals(expected)) {
                mismatches.add(VersionStrings.json(inputs.get(i)) + "\n    java:   " + java + "\n    python: "
                        + python.get(i));
            }
        }
        assertThat(mismatches).as("specifier sets parsed differently (of %d)", inputs.size()).isEmpty();
    }

    private static List<String> versionPool(Random r) {
        List<String> out = new ArrayList<>();
        for (String s : VersionStrings.real()) {
            if (Version.isValid(s) && r.nextInt(4) == 0) {
                out.add(s);
            }
        }
        out.addAll(List.of("1", "1.0", "1.0.0", "2.2", "2.2.0", "1!1.0", "1.0a1", "1.0.post1", "1.0.dev1",
                "3.8", "3.10", "0.0", "0", "1.0+local", "v1.0", "1.0-1", "1.2.0c1", "1.0.r1", "1.0c1.r1", "V1.0"));
        return out;
    }

    @Test
    void realAndHandWrittenSetsAgree() {
        assertSameNormalForms(REAL);
    }

    @Test
    void seededRandomSetsAgree() {
        Random r = Seeds.random("SpecifierDifferentialIT.seededRandomSetsAgree");
        List<String> versions = versionPool(r);
        Set<String> inputs = new LinkedHashSet<>();
        while (inputs.size() < 40_000) {
            inputs.add(specSet(r, versions));
        }
        assertSameNormalForms(new ArrayList<>(inputs));
    }

    @Test
    void allShortStringsAgree() {
        assertSameNormalForms(VersionStrings.exhaustive(VersionStrings.TRICKY + "=<>~,*;)", 3));
    }

    @Test
    void allLength4StringsOverTheOperatorAlphabetAgree() {
        List<String> all = VersionStrings.exhaustive("=<>~!.*,1 0vc+a\u0131", 4);
        assertSameNormalForms(all.stream().filter(s -> s.length() == 4).toList());
    }

    @Test
    void containsAgreesForEveryPrereleaseSetting() {
        Random r = Seeds.random("SpecifierDifferentialIT.containsAgreesForEveryPrereleaseSetting");
        List<String> versions = versionPool(r);
        List<String[]> pairs = new ArrayList<>();
        while (pairs.size() < 60_000) {
            String set = specSet(r, versions);
            if (!VersionSpecifiers.isValid(set)) {
                continue;
            }
            VersionSpecifiers parsed = VersionSpecifiers.parse(set);
            for (int k = 0; k < 4; k++) {
                String candidate;
                if (!parsed.isEmpty() && r.nextInt(4) != 0) {
                    // a close neighbour of one clause's version
                    VersionSpecifier clause = parsed.specifiers().get(r.nextInt(parsed.specifiers().size()));
                    String base = Version.tryParse(clause.version().replace(".*", "")).map(Version::baseVersion)
                            .orElse("1.0");
                    candidate = base + SUFFIXES[r.nextInt(SUFFIXES.length)];
                    if (r.nextInt(3) == 0) {
                        candidate = Version.parse(candidate).toString();
                    }
                } else {
                    candidate = versions.get(r.nextInt(versions.size()));
                }
                if (Version.isValid(candidate)) {
                    pairs.add(new String[] {set, candidate});
                }
            }
        }
        List<String> lines = pairs.stream()
                .map(p -> "[" + VersionStrings.json(p[0]) + ", " + VersionStrings.json(p[1]) + "]").toList();
        List<String> python = Python.mapLines(CONTAINS, lines);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            VersionSpecifiers set = VersionSpecifiers.parse(pairs.get(i)[0]);
            Version v = Version.parse(pairs.get(i)[1]);
            String java = (set.contains(v) ? "1" : "0") + (set.contains(v, true) ? "1" : "0")
                    + (set.contains(v, false) ? "1" : "0");
            if (!java.equals(python.get(i))) {
                mismatches.add(lines.get(i) + " java " + java + " python " + python.get(i));
            }
        }
        assertThat(mismatches).as("contains disagreements (of %d)", pairs.size()).isEmpty();
    }
}
