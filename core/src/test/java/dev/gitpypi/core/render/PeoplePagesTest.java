package dev.gitpypi.core.render;

import static dev.gitpypi.core.render.GoldenFiles.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The pages for people (issue 12): golden files, PEP 440 order, marks, links that stay inside safe schemes. */
class PeoplePagesTest {
    private static final String BASE = "https://example.github.io/python-index/";

    private static Index index() {
        List<Project> all = new ArrayList<>(Fixtures.all());
        all.add(Fixtures.people());
        return Index.of(all);
    }

    @Test
    void frontPageGoldenFiles() throws IOException {
        assertGolden("people/index.html", LandingPageRenderer.of("Example packages", null).render(index())
                .getBytes(StandardCharsets.UTF_8));
        assertGolden("people/index-base-url.html", LandingPageRenderer.of("Example packages", BASE).render(index())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void projectPageGoldenFiles() throws IOException {
        ProjectPageRenderer renderer = ProjectPageRenderer.of("Example packages", null);
        for (Project p : index().projects().values()) {
            assertGolden("people/project-" + p.name().normalized() + ".html", renderer.render(p)
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertGolden("people/project-hello-world-base-url.html", ProjectPageRenderer.of("Example packages", BASE)
                .render(Fixtures.people()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void feedGoldenFiles() throws IOException {
        assertGolden("people/feed.xml", FeedRenderer.of("Example packages", null).render(index())
                .getBytes(StandardCharsets.UTF_8));
        assertGolden("people/feed-base-url.xml", FeedRenderer.of("Example packages", BASE).render(index())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void versionsAreNewestFirstInPep440OrderWithPreReleasesAndYanksMarked() {
        Document page = Jsoup.parse(ProjectPageRenderer.of("t", null).render(Fixtures.people()));
        List<String> sections = page.select("table.files tbody[id^=v]").eachAttr("id");
        // 1.10 is newer than 1.9 (text order would say the opposite); the pre-release and dev release are newest
        assertThat(sections).containsExactly("v2.1.dev3", "v2.0rc1", "v1.10", "v1.9", "v0.9");
        assertThat(page.select("#v2\\.0rc1 h3").text()).contains("pre-release");
        assertThat(page.select("#v2\\.1\\.dev3 h3").text()).contains("development release");
        assertThat(page.select("#v1\\.10 h3").text()).doesNotContain("pre-release").doesNotContain("yanked");
        assertThat(page.select("#v0\\.9 h3").text()).contains("yanked");
        assertThat(page.select("#v0\\.9 p.yanked").text()).isEqualTo("Yanked: broke <everything>");
        // the latest version is the newest final release that is not yanked, dated by its first upload
        assertThat(page.select("h1").text()).isEqualTo("Hello.World 1.10");
        assertThat(page.select("dl.facts dd").first().text()).isEqualTo("1.10, released 2024-03-01");
        assertThat(page.select("#v1\\.10 td.size").eachText()).containsExactly("2.3 kB", "1.2 MB");
        // and the front page agrees
        Document front = Jsoup.parse(LandingPageRenderer.of("t", null).render(index()));
        Element row = front.select("#projects tbody tr").stream()
                .filter(r -> r.text().startsWith("Hello.World")).findFirst().orElseThrow();
        assertThat(row.select("td").eachText()).containsExactly("Hello.World", "1.10",
                "Says <hello> & \"goodbye\"", "2024-03-01");
    }

    @Test
    void theReadmeIsRenderedAndNothingInItCanRunScriptOrLeaveSafeSchemes() {
        Document page = Jsoup.parse(ProjectPageRenderer.of("t", null).render(Fixtures.people()));
        Element readme = page.selectFirst("div.readme");
        assertThat(readme).isNotNull();
        assertThat(readme.select("h2").text()).isEqualTo("Hello World"); // the README's h1, one level down
        assertThat(readme.select("table td code").text()).isEqualTo("-v");
        assertThat(readme.select("pre code").text()).isEqualTo("print(\"<hello>\")");
        assertThat(readme.select("a").eachAttr("href")).containsExactly("https://docs.example/hello");
        assertThat(readme.select("a").eachAttr("rel")).containsOnly("nofollow noopener noreferrer");
        assertThat(readme.select("img").eachAttr("src")).containsExactly("https://img.example/logo.png");
        assertThat(readme.select("script, style, iframe, svg, object, embed, form")).isEmpty();
        assertThat(readme.getAllElements()).allSatisfy(e -> e.attributes().forEach(a -> {
            assertThat(a.getKey()).doesNotStartWith("on").isNotEqualTo("style");
            assertThat(a.getValue().toLowerCase(java.util.Locale.ROOT)).doesNotContain("javascript")
                    .doesNotStartWith("data:");
        }));
        // the text of dropped links stays
        assertThat(readme.text()).contains("a file").contains("click me").contains("markdown js");
        // and the page itself has one script: its own
        assertThat(page.select("script").eachAttr("src")).containsExactly("../../site.js");
    }

    @Test
    void linksFromTheModelBecomeAnchorsOnlyForHttpAndRelativeUrls() {
        Project p = Project.builder(dev.gitpypi.core.ProjectName.of("x"))
                .sourceUrl("javascript:alert(1)")
                .add(dev.gitpypi.core.Distribution.builder("javascript:alert(1)//x-1.0.tar.gz", "x-1.0.tar.gz").build())
                .add(dev.gitpypi.core.Distribution.builder(" data:text/html,x-1.1.tar.gz", "x-1.1.tar.gz").build())
                .add(dev.gitpypi.core.Distribution.builder("../../files/x/x-1.2.tar.gz", "x-1.2.tar.gz").build())
                .add(dev.gitpypi.core.Distribution.builder("HTTPS://h/x-1.3.tar.gz", "x-1.3.tar.gz").build())
                .build();
        Document page = Jsoup.parse(ProjectPageRenderer.of("t", null).render(p));
        assertThat(page.select("table.files a").eachAttr("href")).containsExactly("HTTPS://h/x-1.3.tar.gz",
                "../../files/x/x-1.2.tar.gz");
        assertThat(page.select("table.files td:first-child").eachText()).containsExactly("x-1.3.tar.gz",
                "x-1.2.tar.gz", "x-1.1.tar.gz", "x-1.0.tar.gz");
        assertThat(page.html()).doesNotContain("javascript:").doesNotContain("data:text");
    }
}
