package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A README is untrusted input published on the organisation's own domain: whatever it holds, the HTML it becomes
 * runs no script, loads nothing but http(s) images, links only to http(s) and mailto, and carries no event handler
 * or style. Each case is an attack seen in the wild against Markdown and HTML sanitizers.
 */
class ReadmeTest {
    private static final Set<String> FORBIDDEN = Set.of("script", "style", "iframe", "frame", "object", "embed",
            "svg", "math", "form", "input", "button", "textarea", "select", "base", "link", "meta", "noscript",
            "template", "video", "audio", "source", "applet");

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\" onload=alert(2)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](<javascript:alert(1)>)",
        "![x](javascript:alert(1))",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<svg onload=alert(1)><script>alert(2)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=x>",
        "<form action=\"https://evil.example\"><input name=p><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div onclick=alert(1) onmouseover=alert(2)>x</div>",
        "<img srcset=\"javascript:alert(1) 1x\" src=\"https://ok.example/a.png\">",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<a href=\"https://ok.example\" target=\"_blank\">ok</a>",
        "<video><source onerror=alert(1)></video><audio src=x onerror=alert(1)>",
        "```\n<script>alert(1)</script>\n```",
        "<img src=`x`onerror=alert(1)>",
        "<a href=\"mailto:x@example.org\" onfocus=\"alert(1)\" autofocus>mail</a>"})
    void nothingAReadmeHoldsCanRunScriptLoadDataOrStyleThePage(String markdown) {
        String html = Readme.html(markdown, "text/markdown");
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(FORBIDDEN).as("element in %s", html).doesNotContain(e.tagName());
            e.attributes().forEach(a -> {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute in %s", html).doesNotStartWith("on").isNotIn("style", "srcset",
                        "target", "xlink:href", "autofocus");
                if (key.equals("href") || key.equals("src") || key.equals("cite")) {
                    assertThat(value).as("%s in %s", key, html).matches("(https?://|mailto:).*");
                }
            });
            if (e.tagName().equals("a")) {
                assertThat(e.attr("rel")).isEqualTo("nofollow noopener noreferrer");
            }
        }
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    }

    @Test
    void markdownBecomesHtmlWithItsHeadingsUnderThePagesOwn() {
        String html = Readme.html("# Title\n\n## Part\n\nSome *text* with `code`, a [link](https://x.example/)"
                + " and a [relative one](docs/x.md).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "text/markdown; variant=GFM");
        assertThat(html).isEqualTo("<h2>Title</h2>\n<h3>Part</h3>\n<p>Some <em>text</em> with <code>code</code>, a"
                + " <a href=\"https://x.example/\" rel=\"nofollow noopener noreferrer\">link</a> and a relative one.</p>"
                + "\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n"
                + "<td>2</td>\n</tr>\n</tbody>\n</table>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/x-rst", "text/plain", "TEXT/X-RST; charset=UTF-8", ""})
    void otherFormatsArePreformattedTextEscaped(String type) {
        String rst = "Title\n=====\n\n.. raw:: html\n\n   <script>alert(1)</script>\n";
        String html = Readme.html(rst, type.isEmpty() ? null : type);
        assertThat(html).startsWith("<pre class=\"readme-text\">Title\n=====")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
    }

    @Test
    void anOversizedReadmeIsCutAndNotRendered() {
        String huge = "# x\n" + "a".repeat(Readme.MAX_CHARS);
        String html = Readme.html(huge, "text/markdown");
        assertThat(html).startsWith("<pre class=\"readme-text\"># x\n").contains("was cut here")
                .hasSizeLessThan(Readme.MAX_CHARS + 200);
    }
}
