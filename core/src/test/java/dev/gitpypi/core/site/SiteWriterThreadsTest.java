package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.testing.Seeds;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer's thread pool changes nothing but speed: same bytes, same counts, same failures. */
class SiteWriterThreadsTest {
    @TempDir
    Path tmp;

    /** A seeded index of 40 to 80 projects, some hosting local wheels (with metadata) and sdists. */
    private Index randomIndex(Random random) throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        int n = 40 + random.nextInt(41);
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "p%03d-%s", i, Integer.toString(random.nextInt(1000), 36));
            Project.Builder p = Project.builder(ProjectName.of(name.toUpperCase(Locale.ROOT)));
            int files = random.nextInt(6);
            for (int f = 0; f < files; f++) {
                String version = "1." + f;
                if (random.nextInt(4) == 0) {
                    Path wheel = TestDistributions.wheel(dist.resolve(name), name, version, "Requires-Python: >=3."
                            + random.nextInt(13));
                    p.add(Distribution.builder("ignored", wheel.getFileName().toString()).localFile(wheel)
                            .coreMetadata(Map.of()).build());
                } else if (random.nextInt(3) == 0) {
                    Path sdist = TestDistributions.sdist(dist.resolve(name), name, version);
                    p.add(Distribution.builder("ignored", sdist.getFileName().toString()).localFile(sdist).build());
                } else {
                    String filename = name.replace('-', '_') + "-" + version + ".tar.gz";
                    p.add(Distribution.builder("https://files.example/" + filename, filename)
                            .hash("sha256", String.format(Locale.ROOT, "%08x", random.nextInt()).repeat(8))
                            .size(random.nextInt(100_000)).build());
                }
            }
            projects.add(p.build());
        }
        return Index.of(projects);
    }

    /** Every regular file of a tree with its bytes (as Latin-1 text, so equality is byte equality). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p),
                        StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void parallelWritesTheSameBytesAndCountsAsOneThread() throws IOException {
        Index index = randomIndex(Seeds.random("site writer threads"));
        SiteReport one = SiteWriter.builder().threads(1).build().write(index, tmp.resolve("one"));
        SiteWriter four = SiteWriter.builder().threads(4).build();
        SiteReport first = four.write(index, tmp.resolve("four-a"));
        SiteReport second = four.write(index, tmp.resolve("four-b"));

        Map<String, String> expected = tree(tmp.resolve("one"));
        assertThat(expected).containsKeys("simple/index.html", "simple/index.json", "index.html", ".nojekyll");
        assertThat(tree(tmp.resolve("four-a"))).isEqualTo(expected);
        assertThat(tree(tmp.resolve("four-b"))).isEqualTo(expected);
        assertThat(first.filesWritten()).isEqualTo(one.filesWritten()).isEqualTo(expected.size());
        assertThat(second.filesWritten()).isEqualTo(expected.size());

        SiteReport again = four.write(index, tmp.resolve("four-a"));
        assertThat(again.unchanged()).isTrue();
        assertThat(again.filesUnchanged()).isEqualTo(expected.size());
        assertThat(tree(tmp.resolve("four-a"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rebuildCountsDeletedFilesIncludingOnesPeopleAdded(int threads) throws IOException {
        SiteWriter writer = SiteWriter.builder().threads(threads).build();
        List<Project> projects = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            projects.add(Project.builder(ProjectName.of(name)).add(Distribution.builder("https://x.example/" + name
                    + "-1.0.tar.gz", name + "-1.0.tar.gz").build()).build());
        }
        Path out = tmp.resolve("site");
        writer.write(Index.of(projects), out);
        Files.writeString(out.resolve("simple/b/notes.txt"), "added by hand");
        Files.createDirectories(out.resolve("extra/deep"));
        Files.writeString(out.resolve("extra/deep/x.txt"), "x");

        // b and d go (3 pages each), so do the two added files; root pages and front page change; .nojekyll, the
        // feed (no dated release), stylesheet and script stay
        SiteReport report = writer.write(Index.of(List.of(projects.get(0), projects.get(2), projects.get(4))), out);
        assertThat(report.filesDeleted()).isEqualTo(2 * 3 + 2);
        assertThat(report.filesWritten()).isEqualTo(3);
        assertThat(report.filesUnchanged()).isEqualTo(4 + 3 * 3);
        assertThat(out.resolve("extra")).doesNotExist();
        assertThat(out.resolve("simple/b")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anUnchangedRebuildTouchesNothingButAnyDifferenceRebuildsTheTree(int threads) throws IOException {
        Index index = randomIndex(Seeds.random("unchanged rebuild"));
        SiteWriter writer = SiteWriter.builder().threads(threads).build();
        Path out = tmp.resolve("site");
        writer.write(index, out);
        Map<String, String> expected = tree(out);
        Object folderKey = Files.readAttributes(out.resolve("simple"), BasicFileAttributes.class).fileKey();

        SiteReport same = writer.write(index, out);
        assertThat(same.filesUnchanged()).isEqualTo(expected.size());
        assertThat(same.unchanged()).isTrue();
        if (folderKey != null) {
            assertThat(Files.readAttributes(out.resolve("simple"), BasicFileAttributes.class).fileKey())
                    .as("the previous tree is kept as it is").isEqualTo(folderKey);
        }

        // each of these makes the previous site differ; the rebuild must restore exactly the expected tree
        List<String> kinds = List.of("empty folder", "same-size edit", "symlink", "missing file");
        for (String kind : kinds) {
            switch (kind) {
                case "empty folder" -> Files.createDirectories(out.resolve("simple/zzz-by-hand"));
                case "same-size edit" -> {
                    Path page = out.resolve("simple/index.html");
                    byte[] bytes = Files.readAllBytes(page);
                    bytes[bytes.length / 2] ^= 1;
                    Files.delete(page); // it is a hard link shared with nothing now, but do not write through one
                    Files.write(page, bytes);
                }
                case "symlink" -> Files.createSymbolicLink(out.resolve("simple/link"), out.resolve("index.html"));
                default -> Files.delete(out.resolve(".nojekyll"));
            }
            SiteReport report = writer.write(index, out);
            // a folder or a link is not a file: the counts stay "unchanged", but the tree is rebuilt without them
            assertThat(report.unchanged()).as(kind).isEqualTo(kind.equals("symlink") || kind.equals("empty folder"));
            assertThat(report.files()).as(kind).isEqualTo(expected.size());
            assertThat(tree(out)).as(kind).isEqualTo(expected);
            try (Stream<Path> all = Files.walk(out)) {
                assertThat(all.filter(Files::isSymbolicLink).toList()).as(kind).isEmpty();
            }
            assertThat(out.resolve("simple/zzz-by-hand")).as(kind).doesNotExist();
        }
    }

    @Test
    void aFailureInAnyTaskLeavesThePreviousSiteAndReportsTheFirstFailingProject() throws IOException {
        SiteWriter writer = SiteWriter.builder().threads(4).build();
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = String.format(Locale.ROOT, "p%03d", i);
            projects.add(Project.builder(ProjectName.of(name)).add(Distribution.builder("https://x.example/" + name
                    + "-1.0.tar.gz", name + "-1.0.tar.gz").build()).build());
        }
        Path out = tmp.resolve("site");
        writer.write(Index.of(projects), out);
        Map<String, String> before = tree(out);

        // two projects whose local files are missing; the earlier one in name order is the one reported
        for (String name : List.of("p050", "p150")) {
            projects.set(Integer.parseInt(name.substring(1)), Project.builder(ProjectName.of(name))
                    .add(Distribution.builder("x", name + "-2.0.tar.gz").localFile(tmp.resolve(name + "-2.0.tar.gz"))
                            .build()).build());
        }
        Index broken = Index.of(projects);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> writer.write(broken, out)).isInstanceOf(IOException.class)
                    .hasMessageContaining("p050-2.0.tar.gz");
            assertThat(tree(out)).isEqualTo(before);
            try (Stream<Path> siblings = Files.list(tmp)) {
                assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
            }
        }
    }

    @Test
    void threadsMustBeOneToSixtyFour() {
        for (int bad : new int[] {0, -1, 65}) {
            assertThatThrownBy(() -> SiteWriter.builder().threads(bad)).as("%d", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
        SiteWriter.builder().threads(1).threads(64).build();
    }
}
