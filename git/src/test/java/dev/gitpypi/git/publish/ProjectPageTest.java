package dev.gitpypi.git.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProjectPageTest {
    private static ProjectPage html(String project, String body) {
        return ProjectPage.read(project, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static ProjectPage json(String project, String body) {
        return ProjectPage.read(project, body.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void htmlAnchorsGiveFilesVersionsAndYanks() {
        ProjectPage p = html("foo-bar", """
                <!DOCTYPE html><html><body>
                <a href="../../files/foo-bar/foo_bar-1.0-py3-none-any.whl#sha256=ab"
                  >foo_bar-1.0-py3-none-any.whl</a><br>
                <A HREF='https://h/foo-bar-1.1.tar.gz' data-yanked="bad &amp; &#x27;broken&#39;">foo-bar-1.1.tar.gz</A>
                <a data-yanked href=git+https://h/r@v2#egg=foo_bar-2.0rc1>foo_bar-2.0rc1</a>
                <a href="x">   </a>
                <a name="no-href">ignored</a>
                <abbr>not an anchor</abbr>
                </body></html>""");
        assertThat(p.files().keySet()).containsExactly("foo_bar-1.0-py3-none-any.whl", "foo-bar-1.1.tar.gz",
                "foo_bar-2.0rc1");
        assertThat(p.files().get("foo-bar-1.1.tar.gz")).isEqualTo(
                new ProjectPage.File("foo-bar-1.1.tar.gz", "1.1", true, "bad & 'broken'"));
        assertThat(p.files().get("foo_bar-2.0rc1")).isEqualTo(
                new ProjectPage.File("foo_bar-2.0rc1", "2.0rc1", true, ""));
        assertThat(p.versions()).containsExactly(Version.parse("1.0"), Version.parse("1.1"),
                Version.parse("2.0rc1"));
    }

    @Test
    void jsonPagesGiveFilesAndThePep700VersionsList() {
        ProjectPage p = json("hello", """
                {"meta":{"api-version":"1.1"},"name":"hello","versions":["0.9","1.0","1.1.dev0"],
                 "files":[{"filename":"hello-1.0.tar.gz","url":"../../files/hello/hello-1.0.tar.gz","hashes":{},
                           "yanked":"use 1.1"},
                          {"filename":"hello-1.0-py3-none-any.whl","url":"x.whl","hashes":{},"yanked":false},
                          {"filename":"hello-1.1.dev0.zip","url":"y","yanked":true,"size":3}]}""");
        assertThat(p.files()).hasSize(3);
        assertThat(p.files().get("hello-1.0.tar.gz").yanked()).isTrue();
        assertThat(p.files().get("hello-1.0.tar.gz").reason()).isEqualTo("use 1.1");
        assertThat(p.files().get("hello-1.0-py3-none-any.whl").yanked()).isFalse();
        assertThat(p.files().get("hello-1.1.dev0.zip").yanked()).isTrue();
        // 0.9 has no file but is a version of the project (PEP 700)
        assertThat(p.versions()).extracting(Version::toString).containsExactly("0.9", "1.0", "1.1.dev0");
    }

    @Test
    void unreadablePagesGiveAnEmptyListingNotAnError() {
        assertThat(json("x", "{not json").files()).isEmpty();
        assertThat(json("x", "[1,2]").files()).isEmpty();
        assertThat(html("x", "<a href=\"unterminated").files()).isEmpty();
        assertThat(html("Not A Normalized Name", "<a href=\"x-1.0.tar.gz\">x-1.0.tar.gz</a>").files())
                .containsKey("x-1.0.tar.gz");
        assertThat(html("x", "<a href=\"y-1.0.tar.gz\">y-1.0.tar.gz</a>").versions()).isEmpty();
    }

    @Test
    void characterReferencesAreDecoded() {
        assertThat(ProjectPage.unescape("a&amp;b&lt;c&gt;&quot;&#65;&#x42;&bogus;&#xZZ;&")).isEqualTo(
                "a&b<c>\"AB&bogus;&#xZZ;&");
    }
}
