package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: the files of an sdist equal those {@code git archive} writes for the same tag — the same
 * paths ({@code export-ignore} through every pattern form of gitattributes(5): basenames at any depth, anchored and
 * folder-only patterns, {@code **}, character classes, quoted names, macros, {@code -attr} and nested
 * {@code .gitattributes} overriding the root one), the same bytes ({@code export-subst} with every placeholder
 * gitpypi supports, {@code %(describe)} expanded once per archive, unknown placeholders kept), the same executable
 * bits and link targets. Besides them an sdist holds only its {@code PKG-INFO} (and folder entries).
 */
class GitArchiveDifferentialTest {
    @TempDir
    static Path tmp;
    static TestRepo repo;

    private static final String PLACEHOLDERS = "H=%H h=%h T=%T t=%t P=%P p=%p an=%an aN=%aN ae=%ae aE=%aE al=%al"
            + " ad=%ad aD=%aD ai=%ai aI=%aI as=%as at=%at cn=%cn ce=%ce cd=%cd cD=%cD ci=%ci cI=%cI cs=%cs ct=%ct"
            + " s=%s b=%b B=%B d=%d D=%D n=%n pct=%% x=%x41 trailers=%(trailers) unknown=%Q %Z %(foo) end";

    @BeforeAll
    static void repository() {
        repo = TestRepo.init(tmp.resolve("r"));
        repo.write(".gitattributes", String.join("\n",
                "# the root file",
                "*.gif export-ignore",
                "docs/ export-ignore",
                "/tests export-ignore",
                "build export-ignore",
                "**/secret.txt export-ignore",
                "lib/**/generated.py export-ignore",
                "\"with space.txt\" export-ignore",
                "[attr]skip export-ignore -text",
                "*.dat skip",
                "keep.gif -export-ignore",
                "!negated.txt export-ignore",
                "data/?.bin export-ignore",
                "src/[ab]*.py export-ignore",
                "src/[!c]x.py export-ignore",
                "*.subst export-subst",
                ".git_archival.txt export-subst",
                "not-subst.subst -export-subst",
                "pkg/inner.txt export-ignore",
                ""))
                .write("pyproject.toml", TestRepo.pyproject("diff-pkg", null))
                .write("README.md", "readme\n")
                .write("a.gif", "gif").write("keep.gif", "keep").write("deep/x/y.gif", "gif")
                .write("docs/index.md", "docs").write("src/docs", "a file named docs")
                .write("tests/test_a.py", "t").write("src/tests/test_b.py", "kept: only /tests is anchored")
                .write("build/out.txt", "b").write("src/build", "a file named build: a name without / matches files too")
                .write("secret.txt", "s").write("deep/secret.txt", "s")
                .write("lib/generated.py", "g").write("lib/x/y/generated.py", "g").write("lib/ok.py", "ok")
                .write("with space.txt", "w").write("x.dat", "d").write("negated.txt", "n")
                .write("data/1.bin", "1").write("data/10.bin", "10")
                .write("src/alpha.py", "a").write("src/beta.py", "b").write("src/cx.py", "c").write("src/dx.py", "d")
                .write("pkg/.gitattributes", "*.gif -export-ignore\nlocal.txt export-ignore\ninner.txt -export-ignore\n")
                .write("pkg/p.gif", "re-included by the nested file").write("pkg/local.txt", "l")
                .write("pkg/inner.txt", "the nested file wins").write("pkg/other/local.txt", "l")
                .write("a-first.subst", "$Format:" + PLACEHOLDERS + "$\nfirst: $Format:%(describe)$ again:"
                        + " $Format:%(describe:tags=true)$\n$Format:no end")
                .write("z-last.subst", "last: $Format:%(describe)$ $Format:%h$\n")
                .write("not-subst.subst", "$Format:%H$\n")
                .write(".git_archival.txt", "node: $Format:%H$\nnode-date: $Format:%cI$\n"
                        + "describe-name: $Format:%(describe:tags=true,match=*[0-9]*)$\nref-names: $Format:%D$\n")
                .write("bin/run.sh", "#!/bin/sh\n")
                .write("packages/a/pyproject.toml", TestRepo.pyproject("mono-a", null))
                .write("packages/a/a.gif", "gif").write("packages/a/mod.py", "m")
                .write("packages/a/version.subst", "$Format:%H %D$\n");
        try {
            Files.setPosixFilePermissions(repo.dir().resolve("bin/run.sh"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createSymbolicLink(repo.dir().resolve("link-to-readme"), Path.of("README.md"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        repo.commit("everything\n\nwith a body line\nand another\n\nSigned-off-by: Test <test@example.invalid>");
        repo.annotatedTag("v1.0");
        repo.tag("z-light");
        repo.write("later.txt", "after the tag").commit("later: no branch points at the tagged commit");
    }

    /** The files of a tar (gzip'd when named .gz), path to "mode-kind:content", without folders and PKG-INFO. */
    private static Map<String, String> files(InputStream in, String strip) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isDirectory() || e.isGlobalPaxHeader() || !e.getName().startsWith(strip)) {
                    continue;
                }
                String path = e.getName().substring(strip.length());
                String kind = e.isSymbolicLink() ? "link->" + e.getLinkName()
                        : ((e.getMode() & 0100) != 0 ? "exec:" : "file:")
                        + new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                out.put(path, kind);
            }
        }
        return out;
    }

    private static Map<String, String> gitArchive(String... pathspec) throws IOException {
        Path out = tmp.resolve("git-archive-" + pathspec.length + ".tar");
        List<String> cmd = new ArrayList<>(List.of("git", "archive", "--format=tar", "-o", out.toString(), "v1.0"));
        cmd.addAll(List.of(pathspec));
        ProcessResult r = Processes.run(repo.dir(), TestRepo::env, 60, cmd);
        assertThat(r.ok()).as(r.output()).isTrue();
        String strip = pathspec.length == 0 ? "" : pathspec[0] + "/";
        return files(Files.newInputStream(out), strip);
    }

    private static Map<String, String> sdist(SourceResult r, String project) throws IOException {
        Path file = r.index().project(project).orElseThrow().distributions().get(0).localFile().orElseThrow();
        String top = file.getFileName().toString().replace(".tar.gz", "") + "/";
        Map<String, String> files = files(new GzipCompressorInputStream(new ByteArrayInputStream(
                Files.readAllBytes(file))), top);
        assertThat(files).containsKey("PKG-INFO");
        files.remove("PKG-INFO");
        return files;
    }

    @Test
    void rootProjectEqualsGitArchive() throws IOException {
        SourceResult r = GitSource.local(repo.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .tagPattern(TagPattern.regex("v(?<version>.+)")).build().read();
        Map<String, String> ours = sdist(r, "diff-pkg");
        Map<String, String> git = gitArchive();
        assertThat(ours).isEqualTo(git);
        // what the rules did, so that a matcher that ignores every pattern cannot pass by agreeing with itself
        assertThat(git).containsKeys("keep.gif", "src/docs", "src/tests/test_b.py", "lib/ok.py",
                "negated.txt", "data/10.bin", "src/cx.py", "pkg/p.gif", "pkg/inner.txt", "link-to-readme",
                "packages/a/mod.py")
                .doesNotContainKeys("a.gif", "deep/x/y.gif", "docs/index.md", "tests/test_a.py", "build/out.txt",
                        "src/build",
                        "secret.txt", "deep/secret.txt", "lib/generated.py", "lib/x/y/generated.py",
                        "with space.txt", "x.dat", "data/1.bin", "src/alpha.py", "src/beta.py", "src/dx.py",
                        "pkg/local.txt", "pkg/other/local.txt", "packages/a/a.gif");
        String commit = repo.git("rev-parse", "v1.0^{commit}");
        assertThat(git.get(".git_archival.txt")).startsWith("file:node: " + commit + "\n")
                .contains("describe-name: v1.0\n", "ref-names: tag: z-light, tag: v1.0\n");
        // one %(describe) per archive: .git_archival.txt comes first and takes it
        assertThat(git.get("a-first.subst")).contains("first: %(describe) again: %(describe:tags=true)",
                "trailers=Signed-off-by: Test <test@example.invalid>\n", "unknown=%Q %Z %(foo) end");
        assertThat(git.get("z-last.subst")).startsWith("file:last: %(describe) ");
        assertThat(git.get("not-subst.subst")).isEqualTo("file:$Format:%H$\n");
        assertThat(git.get("bin/run.sh")).startsWith("exec:");
    }

    @Test
    void monorepoFolderEqualsGitArchiveOfThatFolder() throws IOException {
        SourceResult r = GitSource.local(repo.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .project("packages/a", TagPattern.regex("v(?<version>.+)")).build().read();
        assertThat(sdist(r, "mono-a")).isEqualTo(gitArchive("packages/a"))
                .containsOnlyKeys("pyproject.toml", "mod.py", "version.subst");
    }
}
