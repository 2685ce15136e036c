package dev.gitpypi.git.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeepPatternTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "CNAME, CNAME, true",
        "CNAME, CNAME.bak, false",
        "CNAME, docs/CNAME, false",
        "docs, docs/a/b.html, true",
        "docs/, docs/a, true",
        "docs, docsx/a, false",
        "*.txt, robots.txt, true",
        "*.txt, a/robots.txt, false",
        "**/*.txt, a/b/robots.txt, true",
        "docs/**, docs/a/b/c, true",
        "file?.md, file1.md, true",
        "file?.md, file10.md, false",
        "a.b, axb, false",
        "(x), (x), true",
    })
    void globsMatchPathsFromTheBranchRoot(String pattern, String path, boolean expected) {
        assertThat(KeepPattern.parse(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/etc/passwd", "../x", "a/../b", "./a", "a\\b"})
    void patternsOutsideTheBranchAreRefused(String pattern) {
        assertThatThrownBy(() -> KeepPattern.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("must be a relative path inside the branch, such as CNAME or docs/**");
    }
}
