package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.testing.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The definition of done of issue "The validator on the world's indexes": {@code validate} on a built site, its
 * {@code simple/}, one project folder, one project page file and the site's URL through {@code gitpypi serve} all
 * agree — the same findings for the project (rule, severity, message, line or JSON pointer) and the same verdict
 * for every link — whichever way a user points at the index. Run as a user runs it: the jar, relative paths.
 */
class ValidateAgreementIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static String lastValidated;

    @BeforeAll
    static void site() {
        // the demo's vcs site: every link draws a UV-05 warning on both the HTML and the JSON page, and uv's verdict
        ProcessResult demo = Cli.run(tmp, "demo", "--dir", "demo");
        assertThat(demo.exitCode()).as(demo.output()).isZero();
    }

    /** What a report says about project hello: findings by page form, and the verdict of every link. */
    private record View(List<String> html, List<String> json, Map<String, String> links) {
    }

    private static View view(String target) throws Exception {
        ProcessResult r = Cli.run(tmp, "validate", target, "--format", "json");
        assertThat(r.exitCode()).as(target + "\n" + r.output()).isZero();
        String out = r.output();
        JsonNode report = JSON.readTree(out.substring(out.indexOf('{'), out.lastIndexOf('}') + 1));
        if (report.has("validated")) {
            lastValidated = report.path("validated").asText();
        }
        List<String> html = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            JsonNode loc = f.path("location");
            if (!loc.path("resource").asText().contains("hello")) {
                continue;
            }
            String key = f.path("ruleId").asText() + " " + f.path("severity").asText() + " " + loc.path("line").asInt()
                    + loc.path("pointer").asText() + " " + f.path("message").asText();
            (loc.has("pointer") ? json : html).add(key);
        }
        Map<String, String> links = new TreeMap<>();
        for (JsonNode l : report.path("links")) {
            if (l.path("project").asText().equals("hello")) {
                links.put(l.path("filename").asText(), l.path("pip").path("usability").asText() + "/"
                        + l.path("pip").path("rules") + " " + l.path("uv").path("usability").asText() + "/"
                        + l.path("uv").path("rules"));
            }
        }
        html.sort(null);
        json.sort(null);
        return new View(html, json, links);
    }

    @Test
    void everyWayOfPointingAtTheIndexAgrees() throws Exception {
        View site = view("demo/site-vcs");
        assertThat(site.html()).hasSize(4).allSatisfy(k -> assertThat(k).startsWith("UV-05 warning "));
        assertThat(site.json()).hasSize(4);
        assertThat(site.links()).hasSize(4).allSatisfy((file, v) -> assertThat(v)
                .isEqualTo("usable/[\"PIP-07\"] unusable/[\"UV-05\"]"));
        for (String folder : List.of("demo/site-vcs/", "demo/site-vcs/simple", "demo/site-vcs/simple/hello/")) {
            assertThat(view(folder)).as(folder).isEqualTo(site);
        }
        View htmlPage = view("demo/site-vcs/simple/hello/index.html");
        assertThat(htmlPage.html()).isEqualTo(site.html());
        assertThat(htmlPage.json()).isEmpty();
        assertThat(htmlPage.links()).isEqualTo(site.links());
        View jsonPage = view("demo/site-vcs/simple/hello/index.json");
        assertThat(jsonPage.json()).isEqualTo(site.json());
        assertThat(jsonPage.html()).isEmpty();
        assertThat(jsonPage.links()).isEqualTo(site.links());

        try (Cli.Running serve = new Cli.Running(tmp, "serve", "demo/site-vcs", "--port", "0")) {
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(serve.firstLine);
            assertThat(m.find()).as(serve.firstLine).isTrue();
            String base = "http://127.0.0.1:" + m.group(1) + "/";
            // serve negotiates PEP 691: uv's Accept header gets the JSON pages
            for (String url : List.of(base, base + "simple/hello")) {
                View http = view(url);
                assertThat(http.json()).as(url).isEqualTo(site.json());
                assertThat(http.html()).as(url).isEmpty();
                assertThat(http.links()).as(url).isEqualTo(site.links());
            }
            assertThat(lastValidated).isEqualTo("the index \"" + base + "simple/\" that the landing page links to");
        }
    }
}
