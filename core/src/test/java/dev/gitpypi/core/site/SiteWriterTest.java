package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path tmp;
    Path dist;
    Path wheel;
    Path sdist;

    @BeforeEach
    void distributions() throws IOException {
        dist = tmp.resolve("dist");
        wheel = TestDistributions.wheel(dist, "alpha", "1.0", "Requires-Python: >=3.8");
        sdist = TestDistributions.sdist(dist, "alpha", "1.0");
    }

    private static Distribution hosted(Path file, boolean metadata) {
        Distribution.Builder b = Distribution.builder("ignored", file.getFileName().toString()).localFile(file);
        if (metadata) {
            b.coreMetadata(Map.of());
        }
        return b.build();
    }

    private Index index(String... extraProjects) {
        Project.Builder alpha = Project.builder(ProjectName.of("Alpha")).add(hosted(wheel, true)).add(hosted(sdist, false))
                .add(Distribution.builder("https://elsewhere.example/alpha-0.9.tar.gz", "alpha-0.9.tar.gz")
                        .hash("sha256", "b".repeat(64)).size(3).build());
        Project.Builder beta = Project.builder(ProjectName.of("beta"))
                .add(Distribution.builder("https://elsewhere.example/beta-2.0.tar.gz", "beta-2.0.tar.gz")
                        .hash("sha256", "c".repeat(64)).size(3).build());
        List<Project> projects = new java.util.ArrayList<>(List.of(alpha.build(), beta.build()));
        for (String name : extraProjects) {
            projects.add(Project.builder(ProjectName.of(name)).build());
        }
        return Index.of(projects);
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Digests.sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    @Test
    void writesTheLayoutOfTheDesign() throws IOException {
        Path out = tmp.resolve("site");
        SiteReport report = SiteWriter.builder().baseUrl("https://example.github.io/pkgs").build().write(index(), out);
        assertThat(snapshot(out).keySet()).containsExactlyInAnyOrder(".nojekyll", "index.html", "simple/index.html",
                "simple/index.json", "simple/alpha/index.html", "simple/alpha/index.json", "simple/beta/index.html",
                "simple/beta/index.json", "files/alpha/alpha-1.0-py3-none-any.whl",
                "files/alpha/alpha-1.0-py3-none-any.whl.metadata", "files/alpha/alpha-1.0.tar.gz",
                "project/alpha/index.html", "project/beta/index.html", "feed.xml", "style.css", "site.js");
        assertThat(report).isEqualTo(new SiteReport(out, 2, 16, 0, 0));

        // hosted files are byte copies, linked relatively with their sha256 (REN-02)
        assertThat(out.resolve("files/alpha/alpha-1.0.tar.gz")).hasSameBinaryContentAs(sdist);
        String page = Files.readString(out.resolve("simple/alpha/index.html"));
        assertThat(page).contains("<a href=\"../../files/alpha/alpha-1.0.tar.gz#sha256=" + Digests.sha256(sdist) + "\">");

        // the .metadata sidecar is the wheel's METADATA byte for byte, with its hash on the page (P658-03, REN-05)
        byte[] metadata = TestDistributions.metadata("alpha", "1.0", "Requires-Python: >=3.8")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(out.resolve("files/alpha/alpha-1.0-py3-none-any.whl.metadata")).hasBinaryContent(metadata);
        assertThat(page).contains(" data-core-metadata=\"sha256=" + Digests.sha256(metadata) + "\"")
                .containsOnlyOnce("data-core-metadata");

        // the front page: each project, its latest version (linking to its page for people) and the exact pip line
        String landing = Files.readString(out.resolve("index.html"));
        assertThat(landing).contains("<a href=\"project/alpha/index.html\">Alpha</a></td><td>1.0</td>")
                .contains("<code>pip install --index-url https://example.github.io/pkgs/simple/ alpha</code>")
                .contains("<a href=\"project/beta/index.html\">beta</a></td><td>2.0</td>");
        // the project page for people lists the hosted files relatively, with their sizes and hashes
        String people = Files.readString(out.resolve("project/alpha/index.html"));
        assertThat(people).contains("<a href=\"../../files/alpha/alpha-1.0.tar.gz#sha256=" + Digests.sha256(sdist)
                + "\">alpha-1.0.tar.gz</a>").contains(Digests.sha256(sdist))
                .contains("pip install --index-url https://example.github.io/pkgs/simple/ alpha");
    }

    @Test
    void withoutBaseUrlThePagesSayWhereTheIndexIsNeverAPlaceholder() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.builder().json(false).build().write(index(), out);
        for (String page : List.of("index.html", "project/beta/index.html")) {
            String html = Files.readString(out.resolve(page));
            assertThat(html).as(page).doesNotContain("SITE_URL").contains("folder of this site, given to <code>pip"
                    + " install --index-url</code>").contains("data-index-url=\"");
        }
        assertThat(out.resolve("simple/index.json")).doesNotExist();
    }

    @Test
    void pagesForPeopleLinkOnlyHttpSourcesAndEscapeEverything() throws IOException {
        Project safe = Project.builder(ProjectName.of("Safe")).sourceUrl("https://github.com/o/safe?a=1&b=\"2\"")
                .add(Distribution.builder("https://x.example/safe-1.0rc1.tar.gz", "safe-1.0rc1.tar.gz").build())
                .add(Distribution.builder("https://x.example/safe-0.9.tar.gz", "safe-0.9.tar.gz").build()).build();
        Project script = Project.builder(ProjectName.of("script")).sourceUrl("javascript:alert(1)").build();
        Path out = tmp.resolve("site");
        SiteWriter.builder().title("<Team> & \"packages\"").build().write(Index.of(List.of(safe, script)), out);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertThat(doc.title()).isEqualTo("<Team> & \"packages\"");
        assertThat(doc.select("tbody a").eachAttr("href")).containsExactly("project/safe/index.html",
                "project/script/index.html");
        // the latest final release, not the newer pre-release
        assertThat(doc.select("tbody tr").get(0).select("td").get(1).text()).isEqualTo("0.9");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(out.resolve("project/safe/index.html")));
        assertThat(page.select("dl.facts a").eachAttr("href")).contains("https://github.com/o/safe?a=1&b=\"2\"");
        String scriptPage = Files.readString(out.resolve("project/script/index.html"));
        assertThat(scriptPage).doesNotContain("javascript");
    }

    @Test
    void outputIsDeterministic() throws IOException {
        SiteWriter writer = SiteWriter.builder().build();
        writer.write(index(), tmp.resolve("one"));
        writer.write(index(), tmp.resolve("two"));
        assertThat(snapshot(tmp.resolve("one"))).isEqualTo(snapshot(tmp.resolve("two"))).hasSize(16);
    }

    @Test
    void rebuildRewritesOnlyChangedFilesAndCountsThem() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter writer = SiteWriter.builder().build();
        writer.write(index("gamma"), out);
        Object wheelKey = Files.readAttributes(out.resolve("files/alpha/alpha-1.0-py3-none-any.whl"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Map<String, String> before = snapshot(out);

        SiteReport same = writer.write(index("gamma"), out);
        assertThat(same.filesWritten()).isZero();
        assertThat(same.filesDeleted()).isZero();
        assertThat(same.filesUnchanged()).isEqualTo(before.size());
        assertThat(same.unchanged()).isTrue();
        assertThat(snapshot(out)).isEqualTo(before);

        // drop gamma, add delta: root pages and front page change (the feed lists no undated release), gamma's three
        // pages go, delta's come
        SiteReport changed = writer.write(index("delta"), out);
        assertThat(changed.filesWritten()).isEqualTo(3 + 3);
        assertThat(changed.filesDeleted()).isEqualTo(3);
        assertThat(changed.filesUnchanged()).isEqualTo(before.size() - 3 - 3);
        // an unchanged file was kept, not rewritten
        Object keyAfter = Files.readAttributes(out.resolve("files/alpha/alpha-1.0-py3-none-any.whl"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        if (wheelKey != null) {
            assertThat(keyAfter).isEqualTo(wheelKey);
        }
        assertThat(out.resolve("simple/gamma")).doesNotExist();
        assertThat(out.resolve("simple/delta/index.html")).exists();
    }

    @Test
    void failureMidBuildLeavesThePreviousSiteUntouched() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter writer = SiteWriter.builder().build();
        writer.write(index(), out);
        Map<String, String> before = snapshot(out);

        // "zzz" sorts last: the build has written most of the new site when the missing file stops it
        Project broken = Project.builder(ProjectName.of("zzz"))
                .add(hosted(tmp.resolve("missing-1.0.tar.gz"), false)).build();
        Index next = index("gamma").merge(Index.of(List.of(broken)));
        assertThatThrownBy(() -> writer.write(next, out)).isInstanceOf(IOException.class);

        assertThat(snapshot(out)).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dist", "site");
        }
    }

    @Test
    void refusesOutputThatMatchesAGitHubTokenPattern() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter writer = SiteWriter.builder().build();
        writer.write(index(), out);
        Map<String, String> before = snapshot(out);
        String token = "ghp_" + "A1b2C3d4E5".repeat(4).substring(0, 36);
        Project leaky = Project.builder(ProjectName.of("leaky")).add(Distribution.builder(
                "https://x.example/leaky-1.0.tar.gz", "leaky-1.0.tar.gz").yanked("token " + token).build()).build();
        assertThatThrownBy(() -> writer.write(index().merge(Index.of(List.of(leaky))), out))
                .isInstanceOf(UnsafeOutputException.class).hasMessageContaining("token pattern")
                .hasMessageNotContaining(token);
        assertThat(snapshot(out)).isEqualTo(before);
    }

    @Test
    void aWarmUpWritesNothingAndChangesNoByteOfTheSite() throws Exception {
        SiteWriter plain = SiteWriter.builder().baseUrl("https://pkgs.example/").build();
        plain.write(index(), tmp.resolve("without"));
        SiteWriter warmed = SiteWriter.builder().baseUrl("https://pkgs.example/").build();
        warmed.warmUp();
        warmed.write(index(), tmp.resolve("with"));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("gitpypi-site-warm-up")) {
                t.join(60_000);
                assertThat(t.isAlive()).isFalse();
            }
        }
        assertThat(snapshot(tmp.resolve("with"))).isEqualTo(snapshot(tmp.resolve("without")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dist", "with",
                    "without");
        }
    }

    @Test
    void refusesATokenThatOnlyTheFrontPageAndTheFeedWouldShow() throws IOException {
        // no project: the title reaches only the root pages, the front page and the feed rendered beside them
        Path out = tmp.resolve("site");
        String token = "ghp_" + "Z9y8X7w6V5".repeat(4).substring(0, 36);
        assertThatThrownBy(() -> SiteWriter.builder().title("Index " + token).build().write(Index.empty(), out))
                .isInstanceOf(UnsafeOutputException.class).hasMessageContaining("token pattern")
                .hasMessageNotContaining(token);
        assertThat(out).doesNotExist();
        SiteWriter.builder().title("Index").build().write(Index.empty(), out);
        assertThat(out.resolve("index.html")).content().contains("<title>Index");
    }

    @Test
    void refusesToReplaceAFolderThatHoldsNoSite() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("important"));
        Files.writeString(out.resolve("thesis.txt"), "do not delete");
        assertThatThrownBy(() -> SiteWriter.builder().build().write(index(), out))
                .isInstanceOf(UnsafeOutputException.class).hasMessageContaining("holds no site");
        assertThat(out.resolve("thesis.txt")).hasContent("do not delete");
    }

    @Test
    void metadataHashThatDisagreesWithTheWheelFailsTheBuild() {
        Distribution lying = Distribution.builder("x", wheel.getFileName().toString()).localFile(wheel)
                .coreMetadata(Map.of("sha256", "0".repeat(64))).build();
        Index index = Index.of(List.of(Project.builder(ProjectName.of("alpha")).add(lying).build()));
        assertThatThrownBy(() -> SiteWriter.builder().build().write(index, tmp.resolve("site")))
                .isInstanceOf(GitpypiException.class).hasMessageContaining("P658-02");
        assertThat(tmp.resolve("site")).doesNotExist();
    }

    @Test
    void baseUrlMustBeAPlainHttpUrl() {
        for (String bad : List.of("ftp://x/", "https://user:pw@x/", "https://x/?q", "relative/path", "https://x/#f")) {
            assertThatThrownBy(() -> SiteWriter.builder().baseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

}
