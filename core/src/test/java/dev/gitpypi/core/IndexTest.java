package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.internal.Links;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTest {
    private static Distribution dist(String file, String sha, String origin) {
        return Distribution.builder("../../files/x/" + file, file).hash("sha256", sha).origin(origin).build();
    }

    @Test
    void twoSpellingsOfOneProjectMergeUnderTheFirstSpelling() {
        Project a = Project.builder(ProjectName.of("Foo_Bar")).add(dist("foo_bar-1.0.tar.gz", "aa", "a")).build();
        Project b = Project.builder(ProjectName.of("foo.bar")).add(dist("foo_bar-2.0.tar.gz", "bb", "b")).build();
        Index index = Index.of(List.of(a, b));
        assertThat(index.projects()).containsOnlyKeys("foo-bar");
        Project merged = index.project("FOO-BAR").orElseThrow();
        assertThat(merged.name().display()).isEqualTo("Foo_Bar");
        assertThat(merged.distributions()).extracting(Distribution::filename)
                .containsExactly("foo_bar-1.0.tar.gz", "foo_bar-2.0.tar.gz");
    }

    @Test
    void duplicateFileNameWithOtherContentNamesBothOrigins() {
        Project a = Project.builder(ProjectName.of("foo")).add(dist("foo-1.0.tar.gz", "aa", "repo-a@v1.0")).build();
        Project b = Project.builder(ProjectName.of("Foo")).add(dist("foo-1.0.tar.gz", "bb", "dist/foo-1.0.tar.gz"))
                .build();
        assertThatThrownBy(() -> Index.of(List.of(a, b))).isInstanceOf(IndexConflictException.class)
                .hasMessageContaining("foo-1.0.tar.gz").hasMessageContaining("repo-a@v1.0")
                .hasMessageContaining("dist/foo-1.0.tar.gz");
    }

    @Test
    void identicalDuplicateIsNotAConflict() {
        Project a = Project.builder(ProjectName.of("foo")).add(dist("foo-1.0.tar.gz", "aa", "x")).build();
        Index index = Index.of(List.of(a, a));
        assertThat(index.project("foo").orElseThrow().distributions()).hasSize(1);
    }

    @Test
    void projectsAreOrderedByNormalizedNameAndDistributionsByFileName() {
        Project z = Project.builder(ProjectName.of("zeta")).add(dist("zeta-2.0.tar.gz", "1", "x"))
                .add(dist("zeta-1.0.tar.gz", "2", "x")).build();
        Project a = Project.builder(ProjectName.of("Alpha")).build();
        Index index = Index.of(List.of(z, a));
        assertThat(index.projects().keySet()).containsExactly("alpha", "zeta");
        assertThat(z.distributions()).extracting(Distribution::filename)
                .containsExactly("zeta-1.0.tar.gz", "zeta-2.0.tar.gz");
    }

    @Test
    void kindIsDerivedFromUrlAndFileName() {
        assertThat(Links.kind("git+https://h/o/r@v1#egg=a-1", "r@v1")).isEqualTo(Distribution.Kind.VCS);
        assertThat(Links.kind("a-1-py3-none-any.whl", "a-1-py3-none-any.whl"))
                .isEqualTo(Distribution.Kind.WHEEL);
        assertThat(Links.kind("a-1.tar.gz", "a-1.tar.gz")).isEqualTo(Distribution.Kind.SDIST);
        assertThat(Links.kind("a-1.exe", "a-1.exe")).isEqualTo(Distribution.Kind.OTHER);
    }
}
