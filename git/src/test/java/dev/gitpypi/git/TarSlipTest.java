package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.git.TestRepo.TreeItem;
import dev.gitpypi.testing.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "Security first", item 2: a crafted Git tree must not publish a tar-slip sdist. The tree is written with
 * {@code git hash-object -t tree --literally} (git refuses such names everywhere else) and the sdist is extracted
 * with Python's {@code tarfile.extractall} without a filter, as old installers and careless scripts do.
 */
class TarSlipTest {
    private static final int CLIMBS = 24;

    @TempDir
    Path tmp;
    TestRepo repo;

    @BeforeEach
    void craftedTree() {
        repo = TestRepo.init(tmp.resolve("evil"));
        String pyproject = repo.blob("[project]\nname = \"evil\"\nversion = \"1.0\"\n");
        String fsmonitorConfig = repo.blob("[core]\n\tfsmonitor = \"touch " + tmp.resolve("fsmonitor-ran") + "\"\n");
        String payload = repo.blob("payload\n");
        String gitDir = repo.literalTree(new TreeItem("100644", "config", fsmonitorConfig));
        // x/../../y as nested trees named ".."
        String dotdotY = repo.literalTree(new TreeItem("100644", "y", payload));
        String dotdot = repo.literalTree(new TreeItem("40000", "..", dotdotY));
        String x = repo.literalTree(new TreeItem("40000", "..", dotdot));
        // a chain of links, each one lexically inside the folder, that resolves to /etc/passwd:
        // a/b -> .. (the root), a/c1 -> b/.. (one above the root), a/cN -> c(N-1)/.. (N above), passwd -> a/cK/etc/passwd
        List<TreeItem> chain = new ArrayList<>();
        chain.add(new TreeItem("120000", "b", repo.blob("..")));
        chain.add(new TreeItem("120000", "c1", repo.blob("b/..")));
        for (int i = 2; i <= CLIMBS; i++) {
            chain.add(new TreeItem("120000", "c" + i, repo.blob("c" + (i - 1) + "/..")));
        }
        chain.add(new TreeItem("100644", "keep.txt", payload));
        String a = repo.literalTree(chain.toArray(TreeItem[]::new));
        String root = repo.literalTree(
                new TreeItem("100644", "pyproject.toml", pyproject),
                new TreeItem("100644", "../../../../tmp/x", payload),
                new TreeItem("100644", "/abs", payload),
                new TreeItem("100644", "ctl\u001b[31m", payload),
                new TreeItem("40000", "x", x),
                new TreeItem("40000", ".git", gitDir),
                new TreeItem("40000", ".GIT", gitDir),
                new TreeItem("40000", ".git.", gitDir),
                new TreeItem("40000", "git~1", gitDir),
                new TreeItem("40000", ".g\u200cit", gitDir),
                new TreeItem("40000", "a", a),
                new TreeItem("120000", "passwd", repo.blob("a/c" + CLIMBS + "/etc/passwd")),
                new TreeItem("120000", "inside", repo.blob("a/keep.txt")));
        repo.commitTree(root, "crafted");
        repo.tag("v1.0");
    }

    private SourceResult build(Path sdists) throws IOException {
        return GitSource.local(repo.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .sdistDir(sdists).build().read();
    }

    @Test
    void extractionWithoutFilterStaysInsideAndTheBuildNamesEveryDroppedPath() throws Exception {
        Python.assumeEnabled();
        SourceResult r = build(tmp.resolve("sdists"));
        Distribution d = r.index().project("evil").orElseThrow().distributions().get(0);
        Path sdist = d.localFile().orElseThrow();

        // Extract 4 folders deep, so that "../../../../tmp/x" would land in tmp/jail/tmp/x, inside this test's folder.
        Path jail = tmp.resolve("jail");
        Path into = jail.resolve("a/b/ex");
        Files.createDirectories(into);
        String script = String.join("\n",
                "import sys, tarfile",
                "archive, into = sys.stdin.readline().strip().split('\\t')",
                "kw = {'filter': 'fully_trusted'} if hasattr(tarfile, 'fully_trusted_filter') else {}",
                "with tarfile.open(archive, 'r:gz') as t:",
                "    t.extractall(into, **kw)",
                "print('ok')");
        assertThat(Python.mapLines(script, List.of(sdist + "\t" + into))).containsExactly("ok");

        List<Path> written;
        try (Stream<Path> all = Files.walk(jail)) {
            written = all.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
        Path top = into.resolve("evil-1.0");
        assertThat(written).as("nothing written outside the extraction folder").allSatisfy(p ->
                assertThat(p.startsWith(top)).as(p.toString()).isTrue());
        assertThat(written).extracting(p -> top.relativize(p).toString()).containsExactlyInAnyOrder(
                "PKG-INFO", "pyproject.toml", "a/b", "a/keep.txt", "inside");
        assertThat(Files.readString(top.resolve("inside"))).isEqualTo("payload\n");
        try (Stream<Path> all = Files.walk(into)) {
            assertThat(all.map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)))
                    .noneMatch(n -> n.startsWith(".git") || n.startsWith("git~") || n.startsWith(".g\u200cit"));
        }
        for (Path p : written) {
            if (Files.isSymbolicLink(p)) {
                assertThat(p.toRealPath().startsWith(top.toRealPath())).as("link %s", p).isTrue();
            }
        }
        assertThat(tmp.resolve("fsmonitor-ran")).doesNotExist();

        List<String> warnings = r.problems().stream().filter(p -> p.severity() == Severity.WARNING)
                .filter(p -> p.location().contains("tag \"v1.0\"")).map(Problem::message).toList();
        assertThat(warnings).contains(
                "path \"../../../../tmp/x\" is not included: the path has a .. component (SD-04)",
                "path \"/abs\" is not included: the path is absolute (SD-04)",
                "path \"ctl\\u001b[31m\" is not included: the path has control characters (SD-04)",
                "path \"x/../../y\" is not included: the path has a .. component (SD-04)",
                "path \".git/config\" is not included: the path has a .git component (git's own folder) (SD-04)",
                "path \".GIT/config\" is not included: the path has a .git component (git's own folder) (SD-04)",
                "path \".git./config\" is not included: the path has a .git component (git's own folder) (SD-04)",
                "path \"git~1/config\" is not included: the path has a .git component (git's own folder) (SD-04)",
                "path \".g\u200cit/config\" is not included: the path has a .git component (git's own folder)"
                        + " (SD-04)",
                "symbolic link \"a/c1\" points outside the project folder through other links and is not included"
                        + " (SD-04)");
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("symbolic link \"passwd\" points"));
        assertThat(warnings).filteredOn(w -> w.startsWith("symbolic link \"a/c")).hasSize(CLIMBS);

        // a rebuild reuses the cached sdist and still names every dropped path
        SourceResult again = build(tmp.resolve("sdists"));
        assertThat(again.problems()).isEqualTo(r.problems());
        assertThat(again.index().project("evil").orElseThrow().distributions().get(0).sha256()).isEqualTo(d.sha256());
    }
}
