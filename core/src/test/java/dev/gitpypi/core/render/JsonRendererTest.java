package dev.gitpypi.core.render;

import static dev.gitpypi.core.render.GoldenFiles.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRendererTest {
    private final JsonRenderer renderer = JsonRenderer.create();

    static Stream<Project> projects() {
        return Fixtures.all().stream();
    }

    private String page(Project p) {
        return new String(renderer.renderProject(p), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("projects")
    void projectPageMatchesGoldenFile(Project project) throws IOException {
        assertGolden("json/" + project.name().normalized() + ".json", renderer.renderProject(project));
    }

    @Test
    void rootPageMatchesGoldenFile() throws IOException {
        assertGolden("json/root.json", renderer.renderRoot(Fixtures.index()));
    }

    @Test
    void rootStreamsFromAnIterator() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.writeRoot(List.of(ProjectName.of("A"), ProjectName.of("b.c")).iterator(), out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"meta\":{\"api-version\":\"1.0\"},\"projects\":[{\"name\":\"A\"},{\"name\":\"b.c\"}]}\n");
    }

    /** The {@code meta.api-version} the rendered page declares. */
    private String apiVersion(Project project) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"meta\":\\{\"api-version\":\"([^\"]+)\"")
                .matcher(page(project));
        assertThat(m.lookingAt()).isTrue();
        return m.group(1);
    }

    @Test
    void apiVersionIsDerivedFromTheFieldsWritten() {
        // P629-04, P629-05, P700-01, P740-02, P792-02
        assertThat(apiVersion(Fixtures.fooBar())).isEqualTo("1.1");
        assertThat(apiVersion(Fixtures.noSize())).isEqualTo("1.0");
        assertThat(page(Fixtures.noSize())).doesNotContain("versions").doesNotContain("\"size\"");
        assertThat(apiVersion(Fixtures.provenance())).isEqualTo("1.3");
        assertThat(apiVersion(Fixtures.archived())).isEqualTo("1.4");
    }

    @Test
    void projectStatusIsATopLevelObject() {
        // P792-02
        assertThat(page(Fixtures.archived()))
                .contains(",\"project-status\":{\"status\":\"archived\",\"reason\":\"moved to <new-tool>\"},");
        assertThat(page(Fixtures.quarantined())).contains("\"files\":[]");
    }

    @Test
    void fileFields() {
        // P691-08 hashes sha256 first; P592-05 yanked true or reason; P691-10 core-metadata; P700-03 size
        String page = page(Fixtures.fooBar());
        assertThat(page).contains("\"name\":\"foo-bar\"")
                .contains("\"versions\":[\"0.9\",\"1.0\"]")
                .contains("\"hashes\":{\"sha256\":\"" + Fixtures.SHA_B + "\",\"md5\":\"" + "0".repeat(32) + "\"}")
                .contains("\"yanked\":true").contains("\"yanked\":\"broken <build> & \\\"bad\\\" 'metadata'\"")
                .contains("\"core-metadata\":{\"sha256\":\"" + Fixtures.SHA_M + "\"}")
                .contains("\"core-metadata\":true").contains("\"size\":1234")
                .contains("\"requires-python\":\">=3.8, <4\"")
                .doesNotContain("dist-info-metadata").doesNotContain("\"yanked\":\"\"");
    }

    @Test
    void vcsVersionsComeFromTheEggFragment() {
        assertThat(page(Fixtures.vcs())).contains("\"hashes\":{}").doesNotContain("1.1+local");
    }
}
