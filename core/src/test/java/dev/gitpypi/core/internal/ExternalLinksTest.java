package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalLinksTest {
    static Stream<Arguments> refused() {
        return Stream.of(Arguments.of("javascript:alert(1)", "javascript"), Arguments.of("JAVASCRIPT:x", "javascript"),
                Arguments.of("  javascript:x", "javascript"), Arguments.of("java\tscript:x", "javascript"),
                Arguments.of("jav\nascript:x", "javascript"), Arguments.of("\u0001javascript:x", "javascript"),
                Arguments.of("data:text/html,x", "data"), Arguments.of("file:///etc/passwd", "file"),
                Arguments.of("FiLe:/x", "file"), Arguments.of("vbscript:x", "vbscript"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void schemesThatRunCodeOrReadLocalFilesAreRefusedAsABrowserReadsThem(String url, String scheme) {
        assertThat(ExternalLinks.refusedScheme(url)).contains(scheme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://h/x.tar.gz", "http://h/x", "../../files/x.whl", "x-1.0.tar.gz",
        "git+https://h/r.git@v1#egg=x-1.0", "git+file:///srv/r.git@v1#egg=x-1.0", "/abs/path", "?q=javascript:x",
        "#javascript:x", "a/javascript:x"})
    void otherLinksMayBeRepublished(String url) {
        assertThat(ExternalLinks.refusedScheme(url)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void republishingDropsRefusedLinksAndCredentialsNamingWhereTheyWere() {
        Distribution creds = Distribution.builder("https://u:pw@h/a-1.0.tar.gz", "a-1.0.tar.gz").origin("page:3")
                .provenance("https://u:pw@h/prov").build();
        Distribution script = Distribution.builder("javascript:alert(1)", "a-1.1.tar.gz").origin("page:4").build();
        Distribution fine = Distribution.builder("https://h/a-2.0.tar.gz", "a-2.0.tar.gz").origin("page:5").build();
        Index index = Index.of(List.of(Project.builder(ProjectName.of("a")).add(creds).add(script).add(fine)
                .sourceUrl("https://tok@github.com/o/a").build()));
        SourceResult r = ExternalLinks.republish(index, "old-site");
        Project a = r.index().project("a").orElseThrow();
        assertThat(a.distributions()).extracting(Distribution::url).containsExactly("https://h/a-1.0.tar.gz",
                "https://h/a-2.0.tar.gz");
        assertThat(a.distributions().get(0).provenance()).isEmpty();
        assertThat(a.sourceUrl()).isEmpty();
        assertThat(r.problems()).extracting(p -> p.severity() + " " + p.location()).containsExactly(
                "WARNING page:3", "WARNING page:3", "ERROR page:4", "WARNING old-site");
        assertThat(r.problems().toString()).doesNotContain("pw").doesNotContain("tok@");
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.ERROR).singleElement()
                .extracting(Problem::message).asString().contains("refusing the javascript: link");
        assertThat(ExternalLinks.republish(Index.of(List.of(Project.builder(ProjectName.of("b")).add(fine).build())),
                "x").problems()).isEmpty();
    }
}
