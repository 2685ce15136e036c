package dev.gitpypi.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.site.SiteWriter;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        Distribution s = alpha.distributions().get(1);
        assertThat(s.filename()).isEqualTo("alpha-1.1.tar.gz");
        assertThat(s.requiresPython()).contains(">=3.9");
        assertThat(s.coreMetadata()).isEmpty();
        assertThat(s.sha256()).contains(Digests.sha256(sdist));
        assertThat(LocalFilesSource.of(dist).linkStyle()).isEqualTo(LinkStyle.FILES);
        assertThat(LocalFilesSource.of(dist).description()).startsWith("files:");
    }

    @Test
    void invalidFilesAreReportedNotSilentlySkipped() throws IOException {
        Path dist = tmp.resolve("dist");
        TestDistributions.wheel(dist, "good", "1.0");
        Files.writeString(dist.resolve("bad-name-1.0-py3-none-any.whl"), "x");
        Files.writeString(dist.resolve("foo-1.0-py3-none.whl"), "x");
        Files.writeString(dist.resolve("foo-latest.tar.gz"), "x");
        Files.writeString(dist.resolve("broken-1.0-py3-none-any.whl"), "not a zip");
        Files.writeString(dist.resolve("README.txt"), "hello");
        Files.writeString(dist.resolve("legacy-1.0.zip"), "x");
        TestDistributions.wheelWithMetadata(dist, "liar", "1.0", TestDistributions.metadata("liar", "1.1"));

        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.index().projects()).containsOnlyKeys("good");
        assertThat(result.problems()).extracting(p -> Path.of(p.location()).getFileName().toString() + " "
                + p.severity()).containsExactlyInAnyOrder(
                        "bad-name-1.0-py3-none-any.whl ERROR", "foo-1.0-py3-none.whl ERROR", "foo-latest.tar.gz ERROR",
                        "broken-1.0-py3-none-any.whl ERROR", "README.txt WARNING", "legacy-1.0.zip WARNING",
                        "liar-1.0-py3-none-any.whl ERROR");
        assertThat(result.problems()).filteredOn(p -> p.location().endsWith("liar-1.0-py3-none-any.whl"))
                .extracting(Problem::message).singleElement().asString().contains("WHL-06").contains("1.1");
        assertThat(result.problems()).filteredOn(p -> p.location().endsWith("foo-1.0-py3-none.whl"))
                .extracting(Problem::message).singleElement().asString().contains("WHL-01");
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void nonCanonicalFileNamesAreWarnedAbout() throws IOException {
        Path dist = tmp.resolve("dist");
        Path sdist = TestDistributions.sdist(dist, "Foo.Bar", "1.0");
        SourceResult result = LocalFilesSource.of(dist).read();
        assertThat(result.index().projects()).containsOnlyKeys("foo-bar");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
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
