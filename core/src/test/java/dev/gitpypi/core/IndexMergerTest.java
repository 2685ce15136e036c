package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Project ownership across sources (issue "Security first", item 8) and file conflicts that cost only a file. */
class IndexMergerTest {
    private static Distribution dist(String file, String sha, String origin) {
        return Distribution.builder("../../files/x/" + file, file).hash("sha256", sha).origin(origin).build();
    }

    private static Index index(String name, Distribution... files) {
        return Index.of(List.of(Project.builder(ProjectName.of(name)).addAll(List.of(files)).build()));
    }

    @Test
    void aProjectBelongsToTheFirstSourceThatDeclaresIt() {
        IndexMerger merger = IndexMerger.builder().build();
        assertThat(merger.add("git:hello", index("hello", dist("hello-1.0.tar.gz", "aa", "hello@v1.0")))).isEmpty();
        Index evil = Index.of(List.of(
                Project.builder(ProjectName.of("Hello")).add(dist("hello-9.0.tar.gz", "ee", "evil@v9.0")).build(),
                Project.builder(ProjectName.of("evil-tools")).add(dist("evil_tools-1.0.tar.gz", "e1", "evil")).build()));
        List<Problem> problems = merger.add("git:evil", evil);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.location()).isEqualTo("git:evil");
            assertThat(p.message()).contains("\"hello\"", "git:hello", "1 release", "(9.0)", "shared");
        });
        Project hello = merger.index().project("hello").orElseThrow();
        assertThat(hello.distributions()).extracting(Distribution::filename).containsExactly("hello-1.0.tar.gz");
        assertThat(hello.name().display()).isEqualTo("hello");
        // the rest of that source is merged
        assertThat(merger.index().project("evil-tools")).isPresent();
        assertThat(merger.owner("HELLO")).hasValue("git:hello");
        assertThat(merger.owner("evil_tools")).hasValue("git:evil");
        assertThat(merger.owner("nothing")).isEmpty();
    }

    @Test
    void everySpellingOfTheNameIsTheSameProject() {
        IndexMerger merger = IndexMerger.builder().build();
        merger.add("a", index("Foo.Bar", dist("foo_bar-1.0.tar.gz", "aa", "a")));
        for (String spelling : List.of("foo-bar", "FOO_BAR", "foo._-bar")) {
            assertThat(merger.add("b", index(spelling, dist("foo_bar-2.0.tar.gz", "bb", "b")))).hasSize(1);
        }
        assertThat(merger.index().project("foo-bar").orElseThrow().distributions()).hasSize(1);
    }

    @Test
    void aSharedProjectTakesReleasesFromEverySource() {
        IndexMerger merger = IndexMerger.builder().sharedProject("Hello").build();
        assertThat(merger.add("git:hello", index("hello", dist("hello-1.0.tar.gz", "aa", "git")))).isEmpty();
        assertThat(merger.add("files:dist", index("hello", dist("hello-1.0-py3-none-any.whl", "bb", "dist"),
                dist("hello-1.0.tar.gz", "aa", "dist")))).isEmpty(); // the same file again is no conflict
        assertThat(merger.index().project("hello").orElseThrow().distributions()).extracting(Distribution::filename)
                .containsExactly("hello-1.0-py3-none-any.whl", "hello-1.0.tar.gz");
        assertThat(merger.owner("hello")).hasValue("git:hello");
    }

    @Test
    void aFileThatDiffersFromOneAlreadyMergedIsLeftOutNotFatal() {
        IndexMerger merger = IndexMerger.builder().sharedProjects(List.of("hello")).build();
        merger.add("git:a", index("hello", dist("hello-1.0.tar.gz", "aa", "a@v1.0")));
        List<Problem> problems = merger.add("git:b", index("hello", dist("hello-1.0.tar.gz", "bb", "b@v1.0"),
                dist("hello-1.1.tar.gz", "cc", "b@v1.1")));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .contains("hello-1.0.tar.gz", "a@v1.0", "P503-06"));
        assertThat(merger.index().project("hello").orElseThrow().distributions())
                .extracting(d -> d.filename() + "=" + d.sha256().orElseThrow())
                .containsExactly("hello-1.0.tar.gz=aa", "hello-1.1.tar.gz=cc");
    }

    @Test
    void theSameSourceAddedTwiceIsNoConflict() {
        IndexMerger merger = IndexMerger.builder().build();
        Index hello = index("hello", dist("hello-1.0.tar.gz", "aa", "a"));
        assertThat(merger.add("git:hello", hello)).isEmpty();
        assertThat(merger.add("git:hello", hello)).isEmpty();
        assertThat(merger.index()).isEqualTo(hello);
    }

    @Test
    void sharedNamesAreValidated() {
        assertThatThrownBy(() -> IndexMerger.builder().sharedProject("not a name"))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("\"not a name\"");
    }
}
