package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags of real local repositories become releases with VCS links (SPEC PIP-06, PIP-07). */
class GitSourceTest {
    @TempDir
    Path tmp;

    private SourceResult read(GitSource.Builder b) throws IOException {
        return b.cacheDir(tmp.resolve("cache")).build().read();
    }

    private static List<String> urls(SourceResult r, String project) {
        return r.index().project(project).orElseThrow().distributions().stream().map(Distribution::url).toList();
    }

    private static List<String> messages(SourceResult r) {
        return r.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void lightweightAndAnnotatedTagsBecomeVersionsWithVcsLinks() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("hello"));
        repo.write("pyproject.toml", TestRepo.pyproject("Hello_World", null, "world>=1")).commit("one");
        repo.tag("v1.0");
        repo.write("README", "two").commit("two");
        repo.annotatedTag("1.1");
        repo.git("remote", "add", "origin", "https://user:s3cr3t-token@git.example.invalid/org/hello.git");

        SourceResult r = read(GitSource.local(repo.dir()));

        Project p = r.index().project("hello-world").orElseThrow();
        assertThat(p.name().display()).isEqualTo("Hello_World");
        assertThat(p.versions()).containsExactly("1.0", "1.1");
        assertThat(urls(r, "hello-world")).containsExactly(
                "git+https://git.example.invalid/org/hello.git@v1.0#egg=hello-world-1.0",
                "git+https://git.example.invalid/org/hello.git@1.1#egg=hello-world-1.1");
        assertThat(p.distributions()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Distribution.Kind.VCS);
            assertThat(d.requiresPython()).contains(">=3.8");
        });
        assertThat(p.sourceUrl()).contains("https://git.example.invalid/org/hello.git");
        assertThat(r.problems()).isEmpty();
        assertThat(r.toString() + messages(r)).doesNotContain("s3cr3t");
    }

    @Test
    void localRepositoryWithoutOriginLinksByFileUrlAndSaysSo() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("world"));
        repo.write("pyproject.toml", TestRepo.pyproject("world", "2.0")).commit("one");
        repo.tag("v2.0");

        SourceResult r = read(GitSource.local(repo.dir()));

        assertThat(urls(r, "world")).singleElement().asString()
                .startsWith("git+file:///").endsWith("/world@v2.0#egg=world-2.0");
        assertThat(r.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.severity()).isEqualTo(Severity.WARNING);
            assertThat(pr.message()).contains("no origin remote", "file://");
        });
    }

    @Test
    void tagsThatAreNotVersionsAreSkippedWithAWarningNamingTheTag() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("r"));
        repo.write("pyproject.toml", TestRepo.pyproject("r", null)).commit("one");
        repo.tag("v1.0").tag("latest").tag("v1.x").tag("nightly-2024");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git"));

        assertThat(r.index().project("r").orElseThrow().versions()).containsExactly("1.0");
        assertThat(r.problems()).extracting(Problem::message).containsExactly(
                "2 of 4 tags do not match the tag pattern \"v?(?<version>[0-9].*)\" and were skipped (\"latest\","
                        + " \"nightly-2024\")",
                "1 tags match the tag pattern \"v?(?<version>[0-9].*)\" but their version is not a PEP 440 version"
                        + " (VER-01) and were skipped (\"v1.x\")");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.location()).doesNotContain(" tag "));
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void twoTagsForOneVersionGiveOneVersionAndAWarning() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("r"));
        repo.write("pyproject.toml", TestRepo.pyproject("r", null)).commit("one");
        repo.tag("v1.0").tag("1.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git"));

        assertThat(urls(r, "r")).containsExactly("git+https://h.invalid/r.git@1.0#egg=r-1.0");
        assertThat(r.problems()).singleElement().satisfies(pr -> assertThat(pr.message())
                .contains("\"1.0\"", "\"v1.0\"", "both give version 1.0"));
    }

    @Test
    void staticVersionDisagreeingWithTheTagIsSkippedUnlessAccepted() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("r"));
        repo.write("pyproject.toml", TestRepo.pyproject("r", "1.0")).commit("one");
        repo.tag("v1.0").tag("v1.1");

        SourceResult strict = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git"));
        assertThat(strict.index().project("r").orElseThrow().versions()).containsExactly("1.0");
        assertThat(strict.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.severity()).isEqualTo(Severity.ERROR);
            assertThat(pr.location()).contains("\"v1.1\"");
            assertThat(pr.message()).contains("pyproject.toml says version 1.0 but the tag says 1.1");
        });

        SourceResult lenient = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git")
                .allowVersionMismatch(true));
        assertThat(lenient.hasErrors()).isFalse();
        assertThat(lenient.index().project("r").orElseThrow().versions()).containsExactly("1.0");
        assertThat(messages(lenient)).anySatisfy(m -> assertThat(m).contains("indexed as 1.0"))
                .anySatisfy(m -> assertThat(m).contains("both give version 1.0"));
    }

    @Test
    void namesComeFromMetadataOrTheUserNeverFromTheFolder() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("fallback-repo"));
        repo.write("setup.cfg", "[metadata]\nname = from-cfg\nversion = attr: pkg.__version__\n")
                .write("pkg/__init__.py", "__version__ = '1.0'\n").commit("cfg");
        repo.tag("v1.0");
        repo.delete("setup.cfg").write("setup.py", "from setuptools import setup\nsetup(\n    name='from_py',\n"
                + "    version=\"2.0\",\n)\n").commit("py");
        repo.tag("v2.0");
        repo.delete("setup.py").write("README", "nothing").commit("none");
        repo.tag("v3.0");
        repo.write("setup.py", "import setuptools, about\nsetuptools.setup(name=about.NAME.lower())\n").commit("computed");
        repo.tag("v4.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/x.git"));

        assertThat(r.index().projects().keySet()).containsExactly("from-cfg", "from-py");
        assertThat(r.index().project("from-cfg").orElseThrow().versions()).containsExactly("1.0");
        assertThat(r.index().project("from-py").orElseThrow().versions()).containsExactly("2.0");
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.ERROR).extracting(Problem::toString)
                .containsExactly(
                        "error: git:" + repo.dir() + " tag \"v3.0\": the project name is not known: the folder has no"
                        + " pyproject.toml, setup.cfg or setup.py. Name it with --project NAME"
                        + " (GitSource.Builder.projectName), project = \"NAME\" for this repository in gitpypi.toml, or a"
                        + " (?<project>...) group in the tag pattern; tag skipped",
                        "error: git:" + repo.dir() + " tag \"v4.0\": the project name is not known: setup.py passes"
                        + " setup() a name that is computed when it runs. Name it with --project NAME"
                        + " (GitSource.Builder.projectName), project = \"NAME\" for this repository in gitpypi.toml, or a"
                        + " (?<project>...) group in the tag pattern; tag skipped");

        SourceResult named = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/x.git")
                .projectName("from_cfg"));
        assertThat(named.index().projects().keySet()).containsExactly("from-cfg");
        assertThat(named.index().project("from-cfg").orElseThrow().versions()).containsExactly("1.0", "3.0", "4.0");
        assertThat(named.problems()).extracting(Problem::message).containsExactly(
                "setup.py names project \"from_py\", not \"from_cfg\" (the configured project name); tag skipped");
    }

    @Test
    void badInputAtOneTagIsReportedAndTheRestStillBuilds() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("r"));
        repo.write("pyproject.toml", TestRepo.pyproject("r", null)).commit("good");
        repo.tag("v1.0");
        repo.write("pyproject.toml", "[project\nname = \"r\"\n").commit("broken toml");
        repo.tag("v1.1");
        repo.write("pyproject.toml", "[project]\nname = \"r\"\ndynamic = [\"version\"]\n# "
                + "x".repeat(2 << 20) + "\n").commit("huge");
        repo.tag("v1.2");
        repo.write("pyproject.toml", "[project]\nname = \"not a name\"\ndynamic = [\"version\"]\n").commit("bad name");
        repo.tag("v1.3");
        repo.write("pyproject.toml", "[project]\nname = \"r\"\ndynamic = [\"version\"]\n"
                + "requires-python = \">=3.8\\nName: evil\"\n").commit("header injection");
        repo.tag("v1.4");
        String head = repo.git("rev-parse", "HEAD");
        repo.git("tag", "v2.0-ünïcode");
        repo.git("tag", "v9.0", repo.git("rev-parse", "HEAD^{tree}"));
        repo.git("pack-refs", "--all");
        repo.packedRef("refs/tags/../x", head);
        repo.packedRef("refs/tags/v1.5 with space", head);

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git"));

        assertThat(r.index().project("r").orElseThrow().versions()).containsExactly("1.0");
        List<String> all = messages(r);
        assertThat(all).anySatisfy(m -> assertThat(m).contains("tag \"v1.1\"", "not valid toml"))
                .anySatisfy(m -> assertThat(m).contains("tag \"v1.2\"", "more than the limit of 1048576"))
                .anySatisfy(m -> assertThat(m).contains("tag \"v1.3\"", "\"not a name\"", "NAME-01"))
                .anySatisfy(m -> assertThat(m).contains("tag \"v1.4\"", "control characters"))
                .anySatisfy(m -> assertThat(m).contains("tag \"v9.0\"", "does not point to a commit"))
                .anySatisfy(m -> assertThat(m).contains("1 of 9 tags do not match", "\"../x\""))
                .anySatisfy(m -> assertThat(m).contains("2 tags match", "not a PEP 440 version",
                        "\"v1.5 with space\"", "\"v2.0-ünïcode\""));
        assertThat(all).allSatisfy(m -> assertThat(m).matches("(warning|error): git:.*"));
        // Names git refuses are either not listed by JGit or skipped as not a version; never a path or a link.
        assertThat(r.index().project("r").orElseThrow().distributions())
                .allSatisfy(d -> assertThat(d.url()).doesNotContain("..", " "));
    }

    @Test
    void localVersionsAndEpochsAreNotLinkedAsVcs() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("r"));
        repo.write("pyproject.toml", TestRepo.pyproject("r", null)).commit("one");
        repo.tag("v1.0+local.1").tag("v1!2.0").tag("v2.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git"));

        assertThat(urls(r, "r")).containsExactly("git+https://h.invalid/r.git@v2.0#egg=r-2.0");
        assertThat(messages(r)).filteredOn(m -> m.contains("PIP-06")).hasSize(2);
    }

    @Test
    void monorepoProjectsConfiguredByFolderWithTheirOwnTags() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("mono"));
        repo.write("packages/a/pyproject.toml", TestRepo.pyproject("pkg-a", null))
                .write("packages/b/pyproject.toml", TestRepo.pyproject("pkg-b", null)).commit("one");
        repo.tag("pkg-a/v1.2").tag("release-b-0.5");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/mono.git")
                .project("packages/a", TagPattern.prefix("pkg-a/"))
                .project("packages/b", TagPattern.regex("release-b-(?<version>.+)")));

        assertThat(urls(r, "pkg-a")).containsExactly(
                "git+https://h.invalid/mono.git@pkg-a/v1.2#egg=pkg-a-1.2&subdirectory=packages/a");
        assertThat(urls(r, "pkg-b")).containsExactly(
                "git+https://h.invalid/mono.git@release-b-0.5#egg=pkg-b-0.5&subdirectory=packages/b");
    }

    @Test
    void monorepoProjectsDiscoveredByPyprojectAtTheTag() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("mono"));
        repo.write("packages/a/pyproject.toml", TestRepo.pyproject("pkg-a", null))
                .write("tools/b/pyproject.toml", TestRepo.pyproject("pkg-b", null)).commit("one");
        repo.tag("pkg-a/v1.2").tag("pkg-b/v3.0").tag("pkg-c/v1.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/mono.git")
                .tagPattern(TagPattern.regex("(?<project>[^/]+)/v(?<version>.+)")).discoverProjects(true));

        assertThat(urls(r, "pkg-a")).containsExactly(
                "git+https://h.invalid/mono.git@pkg-a/v1.2#egg=pkg-a-1.2&subdirectory=packages/a");
        assertThat(urls(r, "pkg-b")).containsExactly(
                "git+https://h.invalid/mono.git@pkg-b/v3.0#egg=pkg-b-3.0&subdirectory=tools/b");
        assertThat(r.problems()).extracting(Problem::message).containsExactly("no project named \"pkg-c\" at the"
                + " tag: the pyproject.toml files found name packages/a (pkg-a), tools/b (pkg-b); skipped");
    }

    @Test
    void aTagWithoutProjectGroupAppliesToNoneOfSeveralDiscoveredProjects() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("mono"));
        repo.write("pyproject.toml", TestRepo.pyproject("root-pkg", null))
                .write("libs/core/pyproject.toml", TestRepo.pyproject("mono-core", null))
                .write("a/b/c/d/pyproject.toml", TestRepo.pyproject("too-deep", null)).commit("one");
        repo.tag("v1.0");
        repo.delete("libs").commit("root only");
        repo.tag("v2.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/mono.git")
                .discoverProjects(true));

        // v1.0 would have given phantom versions to both projects; v2.0 has exactly one project
        assertThat(r.index().projects().keySet()).containsExactly("root-pkg");
        assertThat(urls(r, "root-pkg")).containsExactly("git+https://h.invalid/mono.git@v2.0#egg=root-pkg-2.0");
        assertThat(messages(r)).containsExactly("warning: git:" + repo.dir() + " tag \"v1.0\": the tag names no"
                + " project (the tag pattern \"v?(?<version>[0-9].*)\" has no (?<project>...) group) and 2 projects were"
                + " found at it (the root, \"libs/core\"); it applies to none of them");
    }

    @Test
    void aDiscoveredFolderWithoutANameTakesTheTagsProjectGroup() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("hatch-like"));
        repo.write("pyproject.toml", TestRepo.pyproject("hatch", null))
                .write("backend/pyproject.toml", "[build-system]\nbuild-backend = \"hatchling.ouroboros\"\n")
                .commit("one");
        repo.tag("hatch-v1.0").tag("hatchling-v1.11.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/hatch.git")
                .tagPattern(TagPattern.regex("(?<project>hatch|hatchling)-v(?<version>.+)")).discoverProjects(true));

        assertThat(urls(r, "hatch")).containsExactly("git+https://h.invalid/hatch.git@hatch-v1.0#egg=hatch-1.0");
        assertThat(urls(r, "hatchling")).containsExactly(
                "git+https://h.invalid/hatch.git@hatchling-v1.11.0#egg=hatchling-1.11.0&subdirectory=backend");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aConfiguredFolderMissingAtATagIsAnErrorForThatTag() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("mono"));
        repo.write("pkg/pyproject.toml", TestRepo.pyproject("pkg", null)).commit("one");
        repo.tag("v1.0");
        repo.delete("pkg").write("moved/pyproject.toml", TestRepo.pyproject("pkg", null)).commit("moved");
        repo.tag("v2.0");

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/mono.git")
                .project("pkg", TagPattern.defaultPattern()).project("nope", TagPattern.defaultPattern()));

        assertThat(r.index().projects().keySet()).containsExactly("pkg");
        assertThat(r.index().project("pkg").orElseThrow().versions()).containsExactly("1.0");
        assertThat(messages(r)).containsExactly(
                "error: git:" + repo.dir() + " tag \"v1.0\": the project folder \"nope\" does not exist at the tag;"
                        + " tag skipped",
                "error: git:" + repo.dir() + " tag \"v2.0\": the project folder \"pkg\" does not exist at the tag;"
                        + " tag skipped",
                "error: git:" + repo.dir() + " tag \"v2.0\": the project folder \"nope\" does not exist at the tag;"
                        + " tag skipped");
    }

    @Test
    void noTagsAndNoVersionTagsAreWarningsNamingTheRepository() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("empty"));
        repo.write("pyproject.toml", TestRepo.pyproject("e", null)).commit("one");
        SourceResult none = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/e.git"));
        assertThat(none.index().projects()).isEmpty();
        assertThat(messages(none)).containsExactly("warning: git:" + repo.dir() + ": the repository has no tags:"
                + " nothing to index");
        repo.tag("latest");
        SourceResult noVersion = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/e.git"));
        assertThat(messages(noVersion)).contains("warning: git:" + repo.dir() + ": no tag of the repository names a"
                + " version (tag pattern \"v?(?<version>[0-9].*)\"): nothing to index");
    }

    @Test
    void eachReleaseCarriesItsMetadataTheTagDateAndItsYankReason() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("meta"));
        repo.write("pyproject.toml", """
                [project]
                name = "meta"
                version = "1.0"
                description = "Meta data"
                readme = {text = "Long text", content-type = "text/plain"}
                requires-python = ">=3.9"
                dependencies = ["a>=1"]
                """).commit("one");
        repo.annotatedTag("v1.0");
        long tagTime = Long.parseLong(repo.git("for-each-ref", "--format=%(taggerdate:unix)", "refs/tags/v1.0"));
        repo.write("pyproject.toml", TestRepo.pyproject("meta", "1.1")).commit("two");
        repo.tag("v1.1");
        long commitTime = Long.parseLong(repo.git("log", "-1", "--format=%ct"));

        SourceResult r = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/meta.git")
                .yank("Meta", "1.0.0", "broken"));

        List<Distribution> d = r.index().project("meta").orElseThrow().distributions();
        assertThat(d).hasSize(2);
        assertThat(d.get(0).metadata().orElseThrow().toText()).isEqualTo("""
                Metadata-Version: 2.2
                Name: meta
                Version: 1.0
                Summary: Meta data
                Description-Content-Type: text/plain
                Requires-Dist: a>=1
                Requires-Python: >=3.9

                Long text""");
        assertThat(d.get(0).uploadTime()).contains(java.time.Instant.ofEpochSecond(tagTime));
        assertThat(d.get(1).uploadTime()).contains(java.time.Instant.ofEpochSecond(commitTime));
        assertThat(d.get(0).requiresPython()).contains(">=3.9");
        assertThat(d.get(0).yankedReason()).contains("broken");
        assertThat(d.get(1).isYanked()).isFalse();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void pinnedCommitsLinkByIdAndSurviveAMovedTag() throws IOException {
        TestRepo repo = TestRepo.init(tmp.resolve("r"));
        String first = repo.write("pyproject.toml", TestRepo.pyproject("r", null)).commit("one");
        repo.tag("v1.0");
        GitSource.Builder pinned = GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git").pinCommits(true);

        assertThat(urls(read(pinned), "r")).containsExactly("git+https://h.invalid/r.git@" + first + "#egg=r-1.0");

        String second = repo.write("README", "moved").commit("two");
        repo.moveTag("v1.0");
        SourceResult again = read(pinned);
        assertThat(urls(again, "r")).containsExactly("git+https://h.invalid/r.git@" + first + "#egg=r-1.0");
        assertThat(messages(again)).singleElement().asString().contains("moved to " + second, "keeping");

        SourceResult unpinned = read(GitSource.local(repo.dir()).linkUrl("https://h.invalid/r.git"));
        assertThat(urls(unpinned, "r")).containsExactly("git+https://h.invalid/r.git@v1.0#egg=r-1.0");
    }

    @Test
    void notARepository() throws IOException {
        assertThatThrownBy(() -> read(GitSource.local(tmp.resolve("nothing"))))
                .isInstanceOf(NotARepositoryException.class).hasMessageStartingWith("no such folder: \"");
        java.nio.file.Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> read(GitSource.local(tmp.resolve("plain"))))
                .isInstanceOf(NotARepositoryException.class).hasMessageStartingWith("not a git repository: \"");
    }

    @Test
    void onlyVcsAndSdistStyles() {
        assertThatThrownBy(() -> GitSource.local(tmp).linkStyle(LinkStyle.FILES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files");
        assertThatThrownBy(() -> GitSource.local(tmp).project("../x", TagPattern.defaultPattern()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"../x\"");
    }
}
