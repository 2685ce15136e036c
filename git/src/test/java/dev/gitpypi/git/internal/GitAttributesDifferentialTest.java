package dev.gitpypi.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of {@link GitAttributes} (and {@link WildMatch} under it) against {@code git check-attr}:
 * seeded random {@code .gitattributes} files (at the root and in a sub-folder; wildcards, {@code **}, classes,
 * escapes, anchors, folder-only patterns, set, unset, unspecified and valued attributes, macros) and random paths,
 * files and folders; every attribute's state must be the one git reports.
 */
class GitAttributesDifferentialTest {
    private static final String[] PIECES = {"a", "b", "ab", "*", "?", "**", "/", "[ab]", "[!a]", "[a-c]", "\\*",
        "[[:alpha:]]", ".", "x.py", "*.py", "c"};
    private static final String[] NAMES = {"a", "b", "ab", "ba", "x.py", "a.py", "c", "*", "b.py", "abc"};

    @TempDir
    Path tmp;

    private static String pattern(Random r) {
        StringBuilder p = new StringBuilder();
        if (r.nextInt(5) == 0) {
            p.append('/');
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            p.append(PIECES[r.nextInt(PIECES.length)]);
        }
        if (r.nextInt(6) == 0) {
            p.append('/');
        }
        return p.toString().replace("//", "/");
    }

    private static String path(Random r) {
        StringBuilder p = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            p.append(i == 0 ? "" : "/").append(NAMES[r.nextInt(NAMES.length)]);
        }
        return p.toString();
    }

    private static String file(Random r, int rules, boolean root) {
        StringBuilder f = new StringBuilder();
        if (root) {
            f.append("[attr]m t0 -t1\n");
        }
        for (int i = 0; i < rules; i++) {
            String attr = "t" + r.nextInt(4);
            String state = switch (r.nextInt(5)) {
                case 0 -> "-" + attr;
                case 1 -> "!" + attr;
                case 2 -> attr + "=v" + i;
                case 3 -> "m";
                default -> attr;
            };
            f.append(pattern(r)).append(' ').append(state).append('\n');
        }
        return f.toString();
    }

    @Test
    void statesEqualGitCheckAttr() throws IOException {
        Random r = Seeds.random("GitAttributesDifferentialTest.statesEqualGitCheckAttr");
        for (int round = 0; round < 12; round++) {
            Path repo = tmp.resolve("r" + round);
            Files.createDirectories(repo.resolve("a"));
            dev.gitpypi.testing.Processes.run(repo, env -> env.put("GIT_CONFIG_NOSYSTEM", "1"), 30,
                    List.of("git", "init", "-q"));
            Map<String, String> files = new TreeMap<>();
            files.put(".gitattributes", file(r, 14, true));
            files.put("a/.gitattributes", file(r, 6, false));
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.writeString(repo.resolve(e.getKey()), e.getValue());
            }
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String p = path(r);
                queries.add(r.nextInt(4) == 0 ? p + "/" : p);
            }
            ProcessResult git = run(repo, queries);
            assertThat(git.ok()).as(git.output()).isTrue();
            Map<String, String> expected = new TreeMap<>();
            for (String line : git.output().split("\n")) {
                if (!line.isBlank()) {
                    int first = line.lastIndexOf(": ", line.lastIndexOf(": ") - 1);
                    expected.put(line.substring(0, first) + "|" + line.substring(first + 2, line.lastIndexOf(": ")),
                            line.substring(line.lastIndexOf(": ") + 2));
                }
            }
            GitAttributes ours = new GitAttributes(p -> Optional.ofNullable(files.get(p))
                    .map(s -> s.getBytes(StandardCharsets.UTF_8)), w -> { });
            Map<String, String> actual = new TreeMap<>();
            for (String q : queries) {
                boolean folder = q.endsWith("/");
                String p = folder ? q.substring(0, q.length() - 1) : q;
                for (String attr : new String[] {"t0", "t1", "t2", "t3", "m"}) {
                    GitAttributes.State s = ours.state(p, folder, attr);
                    if (s != GitAttributes.State.UNSPECIFIED) {
                        actual.put(q + "|" + attr, switch (s) {
                            case SET -> "set";
                            case UNSET -> "unset";
                            default -> "value";
                        });
                    }
                }
            }
            expected.replaceAll((k, v) -> v.equals("set") || v.equals("unset") ? v : "value");
            assertThat(actual).as("round %d with\n%s", round, files).isEqualTo(expected);
        }
    }

    private static ProcessResult run(Path repo, List<String> queries) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("git", "check-attr", "--stdin", "-a").directory(repo.toFile())
                .redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", queries) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new ProcessResult(p.waitFor(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
