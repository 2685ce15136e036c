package dev.gitpypi.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.SourceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageListSourceTest {
    @TempDir
    Path tmp;

    @Test
    void plainListGroupsFilesByNormalizedNameAndLinksToThePackagesUrl() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "# comment\n\nFoo.Bar-1.0.tar.gz\nfoo_bar-1.1-py3-none-any.whl\n"
                + "foo_bar-1.0+local.1-py3-none-any.whl\nother-2.0.zip\n");
        SourceResult r = PackageListSource.plain(list, "https://files.example.org/p").read();
        assertThat(r.problems()).isEmpty();
        assertThat(r.index().projects()).containsOnlyKeys("foo-bar", "other");
        Project foo = r.index().project("foo-bar").orElseThrow();
        assertThat(foo.distributions()).extracting(Distribution::url).containsExactly(
                "https://files.example.org/p/Foo.Bar-1.0.tar.gz",
                "https://files.example.org/p/foo_bar-1.0%2Blocal.1-py3-none-any.whl",
                "https://files.example.org/p/foo_bar-1.1-py3-none-any.whl");
        assertThat(foo.releaseVersions()).containsExactly("1.0", "1.0+local.1", "1.1");
    }

    @Test
    void invalidLinesAreErrorsNamingTheLineAndTheRestIsKept() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "good-1.0.tar.gz\nnot-a-package.exe\nbad-1.0-SNAPSHOT.tar.gz\n../evil-1.0.tar.gz\n"
                + "good-1.0.tar.gz\nfoo-1.0-py3-none.whl\n");
        SourceResult r = PackageListSource.plain(list, "https://h/").read();
        assertThat(r.index().projects()).containsOnlyKeys("good");
        assertThat(r.problems()).extracting(Problem::location).containsExactly(list + ":2", list + ":3",
                list + ":4", list + ":5", list + ":6");
        assertThat(r.problems().get(0).severity()).isEqualTo(Problem.Severity.WARNING); // not a distribution
        assertThat(r.problems().get(0).message()).contains("SD-05");
        assertThat(r.problems().get(1).severity()).isEqualTo(Problem.Severity.ERROR); // invalid version
        assertThat(r.problems().get(3).severity()).isEqualTo(Problem.Severity.WARNING); // listed again
        assertThat(r.problems().get(2).message()).contains("path separator");
        assertThat(r.problems().get(4).message()).contains("WHL-01");
        assertThat(r.hasErrors()).isTrue();
    }

    @Test
    void jsonLinesCarryHashesRequiresPythonUploadTimeYankAndMetadata() throws Exception {
        Path list = tmp.resolve("list.jsonl");
        String sha = "a".repeat(64);
        Files.writeString(list, "{\"filename\": \"pkg-1.0-py3-none-any.whl\", \"hash\": \"sha256=" + sha + "\","
                + " \"requires_python\": \">=3.8\", \"upload_timestamp\": 1515783971, \"uploaded_by\": \"ckuehl\","
                + " \"yanked_reason\": \"broken\", \"core_metadata\": \"sha256=" + sha + "\"}\n"
                + "{\"filename\": \"pkg-2.0.tar.gz\", \"url\": \"https://mirror.example/pkg-2.0.tar.gz\"}\n"
                + "{\"filename\": \"pkg-3.0.tar.gz\", \"hash\": \"sha256:" + sha + "\"}\n"
                + "[1, 2]\n{\"nofilename\": 1}\n{broken\n");
        SourceResult r = PackageListSource.json(list, "https://h/files/").read();
        Project pkg = r.index().project("pkg").orElseThrow();
        Distribution wheel = pkg.distributions().get(0);
        assertThat(wheel.url()).isEqualTo("https://h/files/pkg-1.0-py3-none-any.whl");
        assertThat(wheel.hashes()).isEqualTo(Map.of("sha256", sha));
        assertThat(wheel.requiresPython()).hasValue(">=3.8");
        assertThat(wheel.uploadTime()).hasValue(Instant.ofEpochSecond(1515783971));
        assertThat(wheel.yankedReason()).hasValue("broken");
        assertThat(wheel.coreMetadata()).hasValue(Map.of("sha256", sha));
        assertThat(pkg.distributions().get(1).url()).isEqualTo("https://mirror.example/pkg-2.0.tar.gz");
        assertThat(r.problems()).hasSize(4);
        assertThat(r.problems().get(0).message()).contains("P503-08");
        assertThat(r.problems()).allMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
}
