package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * P503-07 compares the anchor's text as the document holds it (PEP 503: "the text of the anchor tag MUST match the
 * final path component of the URL"), not as a browser renders it: whitespace inside a file name is kept (real PyPI
 * file names have runs of spaces: {@code thrivext-0.0.3    .tar.gz} in dumb-pypi's package list), and only the
 * whitespace around the name, which page layouts add, is ignored.
 */
class AnchorTextTest {
    private static final URI URL = URI.create("https://example.org/simple/thrivext/");

    private static String page(String anchors) {
        return "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                + "<title>Links for thrivext</title></head><body>\n" + anchors + "\n</body></html>\n";
    }

    private static Report validate(String anchors) throws IOException {
        return Validator.defaults().validate(PageText.of(page(anchors), URL, "text/html"));
    }

    @Test
    void aFileNameWithARunOfSpacesMatchesItsUrl() throws IOException {
        String a = "<a href=\"https://files.example/thrivext-0.0.3%20%20%20%20.tar.gz#sha256=" + "a".repeat(64)
                + "\">thrivext-0.0.3    .tar.gz</a>";
        assertThat(validate(a).findings()).extracting(f -> f.rule().id()).doesNotContain("P503-07");
        Index read = dev.gitpypi.validator.IndexReader.defaults().read(PageText.of(page(a), URL, "text/html"));
        assertThat(read.project("thrivext").orElseThrow().distributions()).extracting(Distribution::filename)
                .containsExactly("thrivext-0.0.3    .tar.gz");
    }

    @Test
    void collapsingTheRunIsStillAMismatch() throws IOException {
        String a = "<a href=\"https://files.example/thrivext-0.0.3%20%20%20%20.tar.gz#sha256=" + "a".repeat(64)
                + "\">thrivext-0.0.3 .tar.gz</a>";
        assertThat(validate(a).findings()).extracting(f -> f.rule().id()).contains("P503-07");
    }

    @Test
    void whitespaceAroundTheNameIsLayout() throws IOException {
        String a = "<a href=\"https://files.example/thrivext-0.0.3.tar.gz#sha256=" + "a".repeat(64)
                + "\">\n    thrivext-0.0.3.tar.gz\n  </a>";
        assertThat(validate(a).findings()).extracting(f -> f.rule().id()).doesNotContain("P503-07");
    }
}
