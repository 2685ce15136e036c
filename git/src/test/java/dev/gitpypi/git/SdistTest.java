package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sdist link style: deterministic PEP 625 sdists built from tags (SPEC SD-01..SD-05, META-01..META-04). */
class SdistTest {
    @TempDir
    Path tmp;
    TestRepo repo;
    long commitTime;

    @BeforeEach
    void repository() throws IOException {
        repo = TestRepo.init(tmp.resolve("hello"));
        repo.write("pyproject.toml", TestRepo.pyproject("Hello.World", null, "world>=1,<2"))
                .write("src/hello/__init__.py", "print('hi')\n")
                .write("bin/run.sh", "#!/bin/sh\n")
                .write("donn\u00e9es/\u00e9t\u00e9.txt", "non-ascii name\n")
                .write("deep/" + "d".repeat(60) + "/" + "e".repeat(60) + "/file.txt", "long path\n")
                .write("PKG-INFO", "Metadata-Version: 1.0\nName: stale\n");
        Files.createSymbolicLink(tmp.resolve("hello/link-in"), Path.of("src/hello/__init__.py"));
        Files.createSymbolicLink(tmp.resolve("hello/link-out"), Path.of("../../etc/passwd"));
        Files.setPosixFilePermissions(tmp.resolve("hello/bin/run.sh"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.commit("one");
        commitTime = Long.parseLong(repo.git("log", "-1", "--format=%ct"));
        repo.annotatedTag("v1.0");
    }

    private SourceResult build(Path sdists, boolean pin) throws IOException {
        return GitSource.local(repo.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .sdistDir(sdists).pinCommits(pin).build().read();
    }

    private static Distribution only(SourceResult r) {
        return r.index().project("hello-world").orElseThrow().distributions().get(0);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void sdistIsLinkedWithItsHashAndSize() throws Exception {
        SourceResult r = build(tmp.resolve("out"), false);
        Distribution d = only(r);
        Path file = d.localFile().orElseThrow();
        assertThat(d.filename()).isEqualTo("hello_world-1.0.tar.gz");
        assertThat(d.url()).isEqualTo("../../files/hello-world/hello_world-1.0.tar.gz");
        assertThat(d.kind()).isEqualTo(Distribution.Kind.SDIST);
        assertThat(d.sha256()).contains(sha256(file));
        assertThat(d.size()).hasValue(Files.size(file));
        assertThat(d.requiresPython()).contains(">=3.8");
        assertThat(file.getFileName().toString()).isEqualTo(d.filename());
        assertThat(r.problems()).extracting(Problem::message)
                .containsExactly("symbolic link \"link-out\" points outside the project folder and is not included"
                        + " (SD-04)");
    }

    @Test
    void sameTagTwiceGivesByteIdenticalSdists() throws Exception {
        Path a = only(build(tmp.resolve("a"), false)).localFile().orElseThrow();
        Path b = only(build(tmp.resolve("b"), false)).localFile().orElseThrow();
        assertThat(a).isNotEqualTo(b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        byte[] head = Files.readAllBytes(a);
        assertThat(head[3]).as("gzip flags: no file name, no comment").isZero();
        assertThat(new byte[] {head[4], head[5], head[6], head[7]}).as("gzip mtime").containsOnly(0);
    }

    @Test
    void archiveLayoutModesOwnersAndTimes() throws Exception {
        Path file = only(build(tmp.resolve("out"), false)).localFile().orElseThrow();
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        String pkgInfo = null;
        try (InputStream in = Files.newInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in), "UTF-8")) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.put(e.getName(), e);
                if (e.getName().equals("hello_world-1.0/PKG-INFO")) {
                    pkgInfo = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        String top = "hello_world-1.0/";
        String deep = top + "deep/" + "d".repeat(60) + "/" + "e".repeat(60) + "/";
        assertThat(entries.keySet()).containsExactly(top, top + "PKG-INFO", top + "bin/", top + "bin/run.sh",
                top + "deep/", top + "deep/" + "d".repeat(60) + "/", deep, deep + "file.txt",
                top + "donn\u00e9es/", top + "donn\u00e9es/\u00e9t\u00e9.txt", top + "link-in", top + "pyproject.toml",
                top + "src/", top + "src/hello/", top + "src/hello/__init__.py");
        assertThat(entries.values()).allSatisfy(e -> {
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getModTime().getTime()).isEqualTo(commitTime * 1000);
        });
        assertThat(entries.get(top + "bin/run.sh").getMode()).isEqualTo(0100755);
        assertThat(entries.get(top + "pyproject.toml").getMode()).isEqualTo(0100644);
        assertThat(entries.get(top + "src/").getMode()).isEqualTo(040755);
        assertThat(entries.get(top + "link-in").getLinkName()).isEqualTo("src/hello/__init__.py");
        assertThat(pkgInfo).isEqualTo("""
                Metadata-Version: 2.2
                Name: Hello.World
                Version: 1.0
                Requires-Dist: world>=1,<2
                Requires-Python: >=3.8
                """);
    }

    @Test
    void pythonTarfileReadsItWithTheDataFilter() throws Exception {
        Python.assumeEnabled();
        Path file = only(build(tmp.resolve("out"), false)).localFile().orElseThrow();
        String script = String.join("\n",
                "import sys, tarfile, tempfile, email.parser, email.policy",
                "for line in sys.stdin:",
                "    with tarfile.open(line.strip(), 'r:gz') as t:",
                "        names = t.getnames()",
                "        tops = {n.split('/')[0] for n in names}",
                "        with tempfile.TemporaryDirectory() as d:",
                "            t.extractall(d, filter='data')",
                "        info = t.extractfile(t.getmember('hello_world-1.0/PKG-INFO')).read().decode('utf-8')",
                "        m = email.parser.Parser(policy=email.policy.compat32).parsestr(info)",
                "        print(len(names), sorted(tops), m['Name'], m['Version'], m['Requires-Python'],",
                "              m.get_all('Requires-Dist'), len(m.get_all('Dynamic') or []))");
        List<String> out = Python.mapLines(script, List.of(file.toString()));
        assertThat(out).containsExactly("15 ['hello_world-1.0'] Hello.World 1.0 >=3.8 ['world>=1,<2'] 0");
    }

    @Test
    void movedTagGivesANewHashUnlessCommitsArePinned() throws Exception {
        String before = only(build(tmp.resolve("a"), false)).sha256().orElseThrow();
        String pinnedBefore = only(build(tmp.resolve("p"), true)).sha256().orElseThrow();
        assertThat(pinnedBefore).isEqualTo(before);

        repo.write("src/hello/__init__.py", "print('moved')\n").commit("two");
        repo.git("tag", "-f", "-a", "-m", "moved", "v1.0");

        String after = only(build(tmp.resolve("b"), false)).sha256().orElseThrow();
        SourceResult pinned = build(tmp.resolve("q"), true);
        assertThat(after).isNotEqualTo(before);
        assertThat(only(pinned).sha256()).contains(before);
        assertThat(pinned.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("keeping"));
    }

    @Test
    void epochsAndLocalVersionsAreFineInSdists() throws Exception {
        repo.tag("v1!2.0+local.7");
        SourceResult r = build(tmp.resolve("out"), false);
        List<String> files = new ArrayList<>();
        r.index().project("hello-world").orElseThrow().distributions().forEach(d -> files.add(d.filename()));
        assertThat(files).containsExactly("hello_world-1!2.0+local.7.tar.gz", "hello_world-1.0.tar.gz");
    }

    @Test
    void aTreeWithoutPyprojectGetsTheBuildSystemPipAssumes() throws Exception {
        TestRepo legacy = TestRepo.init(tmp.resolve("legacy"));
        legacy.write("setup.py", "from setuptools import setup\nsetup(name='legacy', version='2.0')\n");
        legacy.commit("setup.py only");
        legacy.annotatedTag("v2.0");
        SourceResult r = GitSource.local(legacy.dir()).linkStyle(LinkStyle.SDIST).cacheDir(tmp.resolve("cache"))
                .build().read();
        Path file = r.index().project("legacy").orElseThrow().distributions().get(0).localFile().orElseThrow();
        Map<String, String> texts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                texts.put(e.getName(), e.isFile() ? new String(tar.readAllBytes(), StandardCharsets.UTF_8) : "");
            }
        }
        assertThat(texts.keySet()).containsExactly("legacy-2.0/", "legacy-2.0/PKG-INFO", "legacy-2.0/pyproject.toml",
                "legacy-2.0/setup.py");
        assertThat(texts.get("legacy-2.0/pyproject.toml")).isEqualTo(
                dev.gitpypi.git.internal.SdistWriter.LEGACY_PYPROJECT)
                .contains("build-backend = \"setuptools.build_meta:__legacy__\"");
    }
}
