package dev.gitpypi.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesSourceTest {
    @TempDir
    Path tmp;

    @Test
    void readsWheelsAndSdistsWithHashesSizesAndMetadata() throws IOException {
        Path dist = tmp.resolve("dist");
        Path wheel = TestDistributions.wheel(dist, "alpha", "1.0", "Requires-Python: >=3.8");
        Path sdist = TestDistributions.sdist(dist, "alpha", "1.1", "Requires-Python: >=3.9");
        TestDistributions.wheelWithMetadata(dist, "beta_pkg", "2.0",
                TestDistributions.metadata("Beta.Pkg", "2.0"));

        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.problems()).isEmpty();
        assertThat(result.index().projects()).containsOnlyKeys("alpha", "beta-pkg");
        assertThat(result.index().project("beta-pkg").orElseThrow().name().display()).isEqualTo("Beta.Pkg");

        Project alpha = result.index().project("alpha").orElseThrow();
        Distribution w = alpha.distributions().get(0);
        assertThat(w.filename()).isEqualTo("alpha-1.0-py3-none-any.whl");
        assertThat(w.url()).isEqualTo("../../files/alpha/alpha-1.0-py3-none-any.whl");
        assertThat(w.sha256()).contains(Digests.sha256(wheel));
        assertThat(w.size()).hasValue(Files.size(wheel));
        assertThat(w.requiresPython()).contains(">=3.8");
        byte[] metadata = TestDistributions.metadata("alpha", "1.0", "Requires-Python: >=3.8")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(w.coreMetadata()).contains(Map.of("sha256", Digests.sha256(metadata)));
        assertThat(w.localFile()).contains(wheel);
        // the release's core metadata, for the pages for people, and its date: when the archive says it was built
        assertThat(w.metadata()).hasValueSatisfying(m -> {
            assertThat(m.name()).contains("alpha");
            assertThat(m.requiresPython()).contains(">=3.8");
        });
        assertThat(w.uploadTime()).isPresent();

        Distribution s = alpha.distributions().get(1);
        assertThat(s.filename()).isEqualTo("alpha-1.1.tar.gz");
        assertThat(s.requiresPython()).contains(">=3.9");
        assertThat(s.coreMetadata()).isEmpty();
        assertThat(s.sha256()).contains(Digests.sha256(sdist));
        assertThat(s.metadata().flatMap(dev.gitpypi.core.CoreMetadata::version)).contains("1.1");
        assertThat(s.uploadTime()).isPresent();
        assertThat(LocalFilesSource.of(dist).linkStyle()).isEqualTo(LinkStyle.FILES);
        assertThat(LocalFilesSource.of(dist).description()).startsWith("files:");
    }

    @Test
    void filesPipWouldNotInstallAreSkippedAsNotesAndBrokenDistributionsAreErrors() throws IOException {
        Path dist = tmp.resolve("dist");
        TestDistributions.wheel(dist, "good", "1.0");
        Files.writeString(dist.resolve("bad-name-1.0-py3-none-any.whl"), "x");
        Files.writeString(dist.resolve("foo-1.0-py3-none.whl"), "x");
        Files.writeString(dist.resolve("foo-latest.tar.gz"), "x");
        Files.writeString(dist.resolve("broken-1.0-py3-none-any.whl"), "not a zip");
        Files.writeString(dist.resolve("README.txt"), "hello");
        Files.writeString(dist.resolve("old-1.0-py2.7.egg"), "x");
        Files.writeString(dist.resolve("notzip-1.0.zip"), "x");
        TestDistributions.wheelWithMetadata(dist, "liar", "1.0", TestDistributions.metadata("liar", "1.1"));

        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.index().projects()).containsOnlyKeys("good");
        assertThat(result.problems()).extracting(p -> Path.of(p.location()).getFileName().toString() + " "
                + p.severity()).containsExactlyInAnyOrder(
                        "bad-name-1.0-py3-none-any.whl NOTE", "foo-1.0-py3-none.whl NOTE", "foo-latest.tar.gz NOTE",
                        "broken-1.0-py3-none-any.whl ERROR", "README.txt NOTE", "old-1.0-py2.7.egg NOTE",
                        "notzip-1.0.zip ERROR", "liar-1.0-py3-none-any.whl ERROR",
                        // one summary per kind, at the folder
                        "dist WARNING", "dist WARNING", "dist WARNING", "dist WARNING");
        assertThat(result.problems()).filteredOn(p -> p.location().equals(dist.toString()))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("skipped 2 wheels with file"
                        + " names pip cannot read"));
        assertThat(result.problems()).filteredOn(p -> p.location().endsWith("liar-1.0-py3-none-any.whl"))
                .extracting(Problem::message).singleElement().asString().contains("WHL-06").contains("1.1");
        assertThat(result.problems()).filteredOn(p -> p.location().endsWith("foo-1.0-py3-none.whl"))
                .extracting(Problem::message).singleElement().asString().contains("WHL-01");
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void legacySourceArchivesPipInstallsAreHostedWithTheRuleTheyBreak() throws IOException {
        Path dist = tmp.resolve("dist");
        Path sdist = TestDistributions.sdist(tmp.resolve("made"), "legacy", "2.0", "Requires-Python: >=3.10");
        Files.createDirectories(dist);
        Files.copy(sdist, dist.resolve("legacy-2.0.tgz"));
        Files.writeString(dist.resolve("old-1.0.tar.bz2"), "bzip2 bytes the JDK cannot read");
        Path zip = dist.resolve("zipped-3.0.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("zipped-3.0/PKG-INFO"));
            z.write(TestDistributions.metadata("Zipped", "3.0", "Requires-Python: >=3.9")
                    .getBytes(StandardCharsets.UTF_8));
        }

        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.index().projects()).containsOnlyKeys("legacy", "old", "zipped");
        assertThat(result.index().project("legacy").orElseThrow().distributions().get(0).requiresPython())
                .contains(">=3.10");
        Project zipped = result.index().project("zipped").orElseThrow();
        assertThat(zipped.name().display()).isEqualTo("Zipped");
        assertThat(zipped.distributions().get(0).requiresPython()).contains(">=3.9");
        assertThat(result.problems()).extracting(p -> Path.of(p.location()).getFileName() + " " + p.severity() + " "
                + p.message().contains("SD-05")).containsExactlyInAnyOrder("legacy-2.0.tgz WARNING true",
                        "old-1.0.tar.bz2 WARNING true", "zipped-3.0.zip WARNING false"); // .zip: not canonical
        assertThat(result.hasErrors()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void linksFifosAndDevicesAreNeverOpenedHashedOrPublished() throws Exception {
        // issue 17 item 9: a symlink to a system file was published byte for byte; a FIFO or a link to /dev/zero hung
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        TestDistributions.wheel(dist, "good", "1.0");
        Path secret = Files.writeString(tmp.resolve("outside-secret.txt"), "secret outside the folder");
        Path system = Files.exists(Path.of("/etc/hostname")) ? Path.of("/etc/hostname") : Path.of("/etc/passwd");
        Files.createSymbolicLink(dist.resolve("system-1.0.tar.gz"), system);
        Files.createSymbolicLink(dist.resolve("secret-1.0-py3-none-any.whl"), secret);
        Files.createSymbolicLink(dist.resolve("zero-1.0.tar.gz"), Path.of("/dev/zero"));
        Files.createSymbolicLink(dist.resolve("inside-1.0.tar.gz"), dist.resolve("good-1.0-py3-none-any.whl"));
        Path fifo = dist.resolve("fifo-1.0.tar.gz");
        assertThat(dev.gitpypi.testing.Processes.run(tmp, env -> { }, 30, List.of("mkfifo", fifo.toString())).ok())
                .isTrue();
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();

        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.index().projects()).containsOnlyKeys("good");
        Map<String, String> warnings = new java.util.TreeMap<>();
        result.problems().forEach(p -> warnings.put(Path.of(p.location()).getFileName().toString(),
                p.severity() + " " + p.message()));
        assertThat(warnings).containsOnlyKeys("system-1.0.tar.gz", "secret-1.0-py3-none-any.whl", "zero-1.0.tar.gz",
                "inside-1.0.tar.gz", "fifo-1.0.tar.gz");
        assertThat(warnings.get("system-1.0.tar.gz")).startsWith("WARNING skipped: a symbolic link");
        assertThat(warnings.get("zero-1.0.tar.gz")).startsWith("WARNING skipped: a symbolic link");
        assertThat(warnings.get("fifo-1.0.tar.gz")).startsWith("WARNING skipped: a FIFO, device or socket");

        Path out = tmp.resolve("site");
        SiteWriter.builder().build().write(result.index(), out);
        try (java.util.stream.Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(text).as(p.toString()).doesNotContain("secret outside the folder")
                        .doesNotContain(new String(Files.readAllBytes(system), StandardCharsets.ISO_8859_1).strip());
            }
        }
        // a caller that hands the writer a link as a local file is refused, not served
        Distribution link = Distribution.builder("x", "secret-1.0.tar.gz").localFile(dist.resolve(
                "secret-1.0-py3-none-any.whl")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteWriter.builder().build().write(
                dev.gitpypi.core.Index.of(List.of(Project.builder(dev.gitpypi.core.ProjectName.of("secret")).add(link)
                        .build())), tmp.resolve("site2"))).isInstanceOf(dev.gitpypi.core.site.UnsafeOutputException.class)
                .hasMessageContaining("symbolic link");
        assertThat(tmp.resolve("site2")).doesNotExist();
    }

    @Test
    void aFileLargerThanTheBoundIsAnErrorAndNotHosted() throws IOException {
        Path dist = tmp.resolve("dist");
        Path big = TestDistributions.wheel(dist, "big", "1.0");
        Path small = TestDistributions.wheel(dist, "small", "1.0");
        long size = Math.min(Files.size(big), Files.size(small));
        SourceResult result = LocalFilesSource.of(dist).maxFileSize(size - 1).read();
        assertThat(result.index().projects()).isEmpty();
        assertThat(result.problems()).extracting(Problem::message).allSatisfy(m -> assertThat(m)
                .contains("larger than " + (size - 1) + " bytes"));
        assertThat(LocalFilesSource.of(dist).maxFileSize(Math.max(Files.size(big), Files.size(small))).read().index()
                .projects()).containsOnlyKeys("big", "small");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalFilesSource.of(dist).maxFileSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonCanonicalFileNamesAreWarnedAbout() throws IOException {
        Path dist = tmp.resolve("dist");
        Path sdist = TestDistributions.sdist(dist, "Foo.Bar", "1.0");
        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.index().projects()).containsOnlyKeys("foo-bar");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("NAME-05");
        });
        assertThat(sdist).exists();
    }

    @Test
    void theSitePublishesTheWheelMetadataByteForByte() throws IOException {
        Path dist = tmp.resolve("dist");
        Path wheel = TestDistributions.wheel(dist, "alpha", "1.0", "Requires-Dist: beta>=1", "Requires-Python: >=3.7");
        Path out = tmp.resolve("site");
        SiteWriter.builder().build().write(LocalFilesSource.of(dist).read().index(), out);
        byte[] sidecar = Files.readAllBytes(out.resolve("files/alpha/alpha-1.0-py3-none-any.whl.metadata"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(wheel.toFile())) {
            byte[] inWheel = zip.getInputStream(zip.getEntry("alpha-1.0.dist-info/METADATA")).readAllBytes();
            assertThat(sidecar).isEqualTo(inWheel);
        }
        assertThat(Files.readString(out.resolve("simple/alpha/index.html")))
                .contains("data-requires-python=\"&gt;=3.7\"")
                .contains("data-core-metadata=\"sha256=" + Digests.sha256(sidecar) + "\"");
    }
}
