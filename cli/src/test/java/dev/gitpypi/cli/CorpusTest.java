package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code gitpypi validate} over index pages and folders that other projects saved for their own tests (pip, poetry,
 * pdm, pypi-simple, unearth; {@code testdata/indexes/}, provenance in {@code testdata/README.md}), every page file
 * and every folder as a target, typed as a relative path: each one ends in a report (exit 0 or 1) or in one line
 * saying it is not an index (exit 2) — never a crash, an internal error or a JDK message. pypi.org's own PEP 691
 * pages have no error. The outcome of every target is pinned in {@code testdata/indexes/outcomes.tsv} (rewrite it
 * with {@code -Dgitpypi.writeGolden=true} after a deliberate change and review the diff).
 */
class CorpusTest {
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome validate(String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"validate", target}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Path> targets(Path corpus) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".html") || p.toString().endsWith(".json"))
                    .sorted().forEach(all::add);
        }
        return all;
    }

    @Test
    void everyPageAndFolderEndsInAReportOrOneLineSayingItIsNotAnIndex() throws IOException {
        Path root = TestData.repositoryRoot();
        Path corpus = root.resolve("testdata").resolve("indexes");
        Path here = Path.of("").toAbsolutePath();
        StringBuilder golden = new StringBuilder("# exit\ttarget (relative to testdata/indexes)\tlast line\n");
        List<Path> targets = targets(corpus);
        assertThat(targets).hasSizeGreaterThan(100);
        for (Path t : targets) {
            String relative = here.relativize(t).toString().replace('\\', '/');
            assertThat(relative).startsWith("..");
            Outcome o = validate(relative);
            String all = o.out() + o.err();
            assertThat(o.exit()).as(relative + "\n" + all).isIn(0, 1, 2);
            assertThat(all).as(relative).doesNotContain("internal error").doesNotContain("\tat ")
                    .doesNotContain("Exception");
            String last;
            if (o.exit() == 2) {
                assertThat(o.out()).as(relative).isEmpty();
                assertThat(o.err().strip().lines()).as(relative).singleElement()
                        .satisfies(line -> assertThat(line).startsWith("gitpypi: not an index: "));
                last = o.err().strip();
            } else {
                List<String> lines = o.out().strip().lines().toList();
                last = lines.get(lines.size() - 1);
                assertThat(last).as(relative).startsWith(relative + ": ").contains(" error").contains(" link");
            }
            String name = corpus.relativize(t).toString().replace('\\', '/');
            if (name.matches("poetry/pypi\\.org/json/[^/]+\\.json") && !name.endsWith("/isort-metadata.json")) {
                // pypi.org's own PEP 691 pages (isort-metadata is one of poetry's mock projects)
                assertThat(o.exit()).as(all).isZero();
                assertThat(last).as(name).contains(": 0 errors, ");
            }
            String prefix = here.relativize(corpus).toString().replace('\\', '/') + "/";
            golden.append(o.exit()).append('\t').append(name.isEmpty() ? "." : name).append('\t')
                    .append(last.replace(prefix, "").replace(prefix.substring(0, prefix.length() - 1), "."))
                    .append('\n');
        }
        Path expected = corpus.resolve("outcomes.tsv");
        if (Boolean.getBoolean("gitpypi.writeGolden")) {
            Files.writeString(expected, golden.toString(), StandardCharsets.UTF_8);
        }
        assertThat(golden.toString()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
