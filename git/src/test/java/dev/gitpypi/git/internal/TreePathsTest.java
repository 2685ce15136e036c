package dev.gitpypi.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreePathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "src/pkg/__init__.py", ".gitignore", ".gitattributes", ".github/workflows/x",
        "git", "..a", "a..", "...x", ".git_archival.txt", "gitx~1", "git~2", ".gi t", "caf\u00e9", "a b/c d",
        "\u00e9t\u00e9/\u65e5\u672c"})
    void safePaths(String path) {
        assertThat(TreePaths.unsafe(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/etc/passwd", "..", "../x", "a/../../b", "a/..", "./a", "a/./b", "a//b", "a/",
        "a\\b", "..\\x", "a\u0000b", "a\nb", "a\rb", "\u001b[31m", "a\u007f", "a\u0085", ".git", ".git/config",
        "x/.git/hooks/pre-commit", ".GIT", ".Git/config", ".git.", ".git..", ".git ", ".git . .", "git~1", "GIT~1",
        ".git::$INDEX_ALLOCATION/config", ".git:stream", ".g\u200cit", "\u200d.git", ".git\ufeff", ".gi\u206at",
        ".g\u202eit/x"})
    void unsafePaths(String path) {
        assertThat(TreePaths.unsafe(path)).as(path).isPresent();
    }

    /**
     * Property, over every string of up to 5 characters from an alphabet of separators, dots and letters of
     * {@code .git}: an accepted path is already normal, relative, climbs nowhere, and names no {@code .git} folder.
     */
    @Test
    void everyAcceptedShortPathIsNormalAndInside() {
        char[] alphabet = {'.', '/', 'a', 'g', 'G', 'i', 't', ' ', '\\', '~', '1'};
        List<String> all = new ArrayList<>();
        all.add("");
        List<String> level = List.of("");
        for (int n = 1; n <= 5; n++) {
            List<String> next = new ArrayList<>();
            for (String s : level) {
                for (char c : alphabet) {
                    next.add(s + c);
                }
            }
            all.addAll(next);
            level = next;
        }
        Path root = Path.of("/root-of-archive");
        int accepted = 0;
        for (String s : all) {
            if (TreePaths.unsafe(s).isPresent()) {
                continue;
            }
            accepted++;
            Path p = root.resolve(s);
            assertThat(p.normalize()).as(s).isEqualTo(p);
            assertThat(p.startsWith(root) && !p.equals(root)).as(s).isTrue();
            for (Path part : root.relativize(p)) {
                assertThat(part.toString()).as(s).isNotIn("", ".", "..");
                String name = part.toString().replaceAll("[ .]+$", "").toLowerCase(java.util.Locale.ROOT);
                assertThat(name).as(s).isNotIn(".git", "git~1");
            }
        }
        assertThat(accepted).isGreaterThan(10_000);
    }
}
