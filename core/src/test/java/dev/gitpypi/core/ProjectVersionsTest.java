package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.internal.Links;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Project#fileVersion} and {@link Project#releaseVersions}: read once per project and kept, they must give
 * exactly what reading each file's name gives (PIP-05, PIP-07), for every file, in any order of asking.
 */
class ProjectVersionsTest {
    private static final List<Distribution> FILES = List.of(
            file("demo-1.10.0-py3-none-any.whl"),
            file("demo-1.9.tar.gz"),
            file("demo-1.9.zip"),
            file("Demo-2.0rc1.tar.gz"),
            file("demo-1.0-1.tar.gz"), // pip reads 1.0.post1 (PIP-05)
            file("demo-0.1_6-py2-none-any.whl"), // only pip's older wheel reading takes it
            file("demo-latest.tar.gz"), // no version pip can read
            Distribution.builder("git+https://git.example/demo@v3.0#egg=demo-3.0", "demo-3.0").build());

    @Test
    void eachFilesVersionIsWhatItsNameReadsAs() {
        Project p = Project.builder(ProjectName.of("demo")).addAll(FILES).build();
        for (Distribution d : p.distributions()) {
            assertThat(p.fileVersion(d)).as(d.filename()).isEqualTo(Links.versionOf(p.name(), d));
        }
        assertThat(p.fileVersion(find(p, "demo-1.0-1.tar.gz")).map(Version::toString)).contains("1.0.post1");
        assertThat(p.fileVersion(find(p, "demo-latest.tar.gz"))).isEmpty();
        assertThat(p.fileVersion(find(p, "demo-3.0")).map(Version::toString)).contains("3.0");
    }

    @Test
    void everyFileIsFoundAmongTheKeptReadings() {
        // the same Optional each time: found by the search, not read again (equal copies too)
        List<Distribution> many = IntStream.range(0, 97).mapToObj(i -> Distribution.builder(
                "https://mirror" + (i % 3) + ".example/demo-1." + (i / 3) + ".tar.gz", "demo-1." + (i / 3) + ".tar.gz")
                .build()).toList();
        Project p = Project.builder(ProjectName.of("demo")).addAll(many).addAll(FILES).build();
        for (Distribution d : p.distributions()) {
            Optional<Version> kept = p.fileVersion(d);
            assertThat(p.fileVersion(d)).as(d.url()).isSameAs(kept).isEqualTo(Links.versionOf(p.name(), d));
            assertThat(p.fileVersion(d.toBuilder().build())).as("a copy of %s", d.url()).isSameAs(kept);
        }
    }

    @Test
    void aFileOfAnotherProjectIsReadOnTheSpot() {
        Project p = Project.builder(ProjectName.of("demo")).addAll(FILES).build();
        p.releaseVersions();
        // same name and link as one of the project's files, other content: not taken from the kept readings
        Distribution other = Distribution.builder("https://files.example/demo-1.9.tar.gz", "demo-1.9.tar.gz")
                .hash("sha256", "ab".repeat(32)).build();
        assertThat(p.fileVersion(other).map(Version::toString)).contains("1.9");
        assertThat(p.fileVersion(file("demo-7.0.tar.gz")).map(Version::toString)).contains("7.0");
        assertThat(p.fileVersion(file("other-7.0.tar.gz"))).isEqualTo(Links.versionOf(p.name(),
                file("other-7.0.tar.gz")));
    }

    @Test
    void releaseVersionsAreInPep440OrderAndTheSameFromEveryThread() {
        Project p = Project.builder(ProjectName.of("demo")).addAll(FILES).build();
        List<List<String>> seen = IntStream.range(0, 64).parallel().mapToObj(i -> i % 2 == 0 ? p.releaseVersions()
                : p.distributions().stream().map(p::fileVersion).flatMap(Optional::stream).distinct().sorted()
                        .map(Version::toString).toList()).toList();
        assertThat(seen).containsOnly(List.of("0.1.post6", "1.0.post1", "1.9", "1.10.0", "2.0rc1", "3.0"));
    }

    @Test
    void declaredVersionsWinOverTheFiles() {
        Project p = Project.builder(ProjectName.of("demo")).addAll(FILES).version("5.0").version("4.0")
                .version("5.0").build();
        assertThat(p.releaseVersions()).containsExactly("5.0", "4.0");
    }

    private static Distribution file(String name) {
        return Distribution.builder("https://files.example/" + name, name).build();
    }

    private static Distribution find(Project p, String filename) {
        return p.distributions().stream().filter(d -> d.filename().equals(filename)).findFirst().orElseThrow();
    }
}
