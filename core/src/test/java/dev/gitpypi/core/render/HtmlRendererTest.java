package dev.gitpypi.core.render;

import static dev.gitpypi.core.render.GoldenFiles.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlRendererTest {
    private final HtmlRenderer renderer = HtmlRenderer.create();

    static Stream<Project> projects() {
        return Fixtures.all().stream();
    }

    @ParameterizedTest
    @MethodSource("projects")
    void projectPageMatchesGoldenFile(Project project) throws IOException {
        assertGolden("html/" + project.name().normalized() + ".html",
                renderer.renderProject(project).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rootPageMatchesGoldenFile() throws IOException {
        assertGolden("html/root.html", renderer.renderRoot(Fixtures.index()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rootAnchorsLinkNormalizedNamesWithDisplayText() {
        // P503-02, P503-04, REN-02
        assertThat(renderer.renderRoot(Fixtures.index())).contains("<a href=\"foo-bar/\">Foo_Bar</a>")
                .contains("<a href=\"old-tool/\">old.tool</a>").startsWith("<!DOCTYPE html>\n");
    }

    @Test
    void rootStreamsFromAnIterator() throws IOException {
        StringWriter w = new StringWriter();
        renderer.writeRoot(List.of(ProjectName.of("A"), ProjectName.of("b.c")).iterator(), w);
        assertThat(w.toString()).contains("<a href=\"a/\">A</a><br>\n<a href=\"b-c/\">b.c</a><br>\n");
    }

    /** The {@code pypi:repository-version} the rendered page declares. */
    private String repositoryVersion(Project project) {
        return org.jsoup.Jsoup.parse(renderer.renderProject(project)).select("meta[name=pypi:repository-version]")
                .attr("content");
    }

    @Test
    void repositoryVersionIsTheLowestThatCoversTheFeatures() {
        // P629-04, REN-01, P792-01
        assertThat(repositoryVersion(Fixtures.fooBar())).isEqualTo("1.0");
        assertThat(repositoryVersion(Fixtures.provenance())).isEqualTo("1.3");
        assertThat(repositoryVersion(Fixtures.archived())).isEqualTo("1.4");
        assertThat(repositoryVersion(Fixtures.quarantined())).isEqualTo("1.4");
    }

    @Test
    void yankedAlwaysHasAValue() {
        // P592-01, REN-04, PIP-09
        String page = renderer.renderProject(Fixtures.fooBar());
        assertThat(page).contains(" data-yanked=\"\"")
                .contains(" data-yanked=\"broken &lt;build&gt; &amp; &quot;bad&quot; &#39;metadata&#39;\"")
                .doesNotContain("data-yanked>").doesNotContain("data-yanked ");
    }

    @Test
    void requiresPythonIsEscaped() {
        // P503-13, REN-06
        assertThat(renderer.renderProject(Fixtures.fooBar())).contains(" data-requires-python=\"&gt;=3.8, &lt;4\"");
    }

    @Test
    void coreMetadataOnlyWhenPublishedAndLegacyAttributeEqual() {
        // P658-01, P714-01, REN-05
        String page = renderer.renderProject(Fixtures.fooBar());
        assertThat(page).contains(" data-core-metadata=\"sha256=" + Fixtures.SHA_M + "\" data-dist-info-metadata=\"sha256="
                + Fixtures.SHA_M + "\"");
        assertThat(page).contains(" data-core-metadata=\"true\" data-dist-info-metadata=\"true\"");
        assertThat(page).doesNotContain("data-core-metadata=\"false\"").containsOnlyOnce("data-core-metadata=\"sha256");
        assertThat(renderer.renderProject(Fixtures.noSize())).doesNotContain("metadata");
    }

    @Test
    void fileLinksCarryOnlyTheSha256Fragment() {
        // REN-02, P503-08, P503-09: sha256 is preferred over md5
        assertThat(renderer.renderProject(Fixtures.fooBar()))
                .contains("<a href=\"../../files/foo-bar/foo_bar-1.0.tar.gz#sha256=" + Fixtures.SHA_B + "\"")
                .doesNotContain("md5=");
    }

    @Test
    void quarantinedProjectListsNoFiles() {
        // P792-03
        String page = renderer.renderProject(Fixtures.quarantined());
        assertThat(page).contains("<meta name=\"pypi:project-status\" content=\"quarantined\">").doesNotContain("<a ");
    }

    @Test
    void vcsLinksPipCannotParseAreLeftOut() {
        // PIP-06, PIP-07
        String page = renderer.renderProject(Fixtures.vcs());
        assertThat(page).contains("<a href=\"git+https://github.com/example/vcs-pkg@v1.0#egg=vcs-pkg-1.0\">vcs-pkg-1.0</a>")
                .doesNotContain("1.1+local");
    }

    @Test
    void sourceUrlIsAMetaNotAnAnchor() {
        String page = renderer.renderProject(Fixtures.archived());
        assertThat(page).contains("<meta name=\"gitpypi:source-url\" content=\"https://github.com/example/old-tool\">")
                .containsOnlyOnce("<a ");
    }

    @Test
    void provenanceMustBeHttps() {
        // P740-01
        Project p = Project.builder(ProjectName.of("x")).add(Distribution.builder("x-1.0.tar.gz", "x-1.0.tar.gz")
                .provenance("http://insecure.example/p").build()).build();
        assertThat(renderer.renderProject(p)).doesNotContain("provenance").contains("content=\"1.0\"");
    }
}
