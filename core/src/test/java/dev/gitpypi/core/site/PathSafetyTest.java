package dev.gitpypi.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.HostedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input can make the writer touch a path outside the output folder (DESIGN security rules): hosted file names
 * with separators, parent references, NUL, absolute paths or encoded tricks are refused, and whatever is accepted
 * lands inside the output. Names cannot carry such characters at all (NAME-01), so they are not a way out either.
 *
 * <p>The random cases print their seed; replay with {@code -Dpaths.seed=N}.
 */
class PathSafetyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../evil-1.0.tar.gz", "../../evil-1.0.tar.gz", "a/../../evil-1.0.tar.gz",
        "sub/evil-1.0.tar.gz", "..\\evil-1.0.tar.gz", "evil\\..\\..\\x.tar.gz", "evil\0-1.0.tar.gz", "/etc/passwd",
        "/tmp/evil-1.0.tar.gz", "C:\\evil-1.0.tar.gz", "%2e%2e%2fevil-1.0.tar.gz", "..%2Fevil-1.0.tar.gz",
        "%2E%2E/evil.tar.gz", "..", ".", "", ".hidden-1.0.tar.gz", "evil-1.0.tar.gz/", "evil\u2215x-1.0.tar.gz",
        "evil\uff0fx-1.0.tar.gz", "evil-1.0.whl.metadata", "evil 1.0.tar.gz", "evil\n-1.0.tar.gz", "~evil.tar.gz"})
    void hostedFileNamesThatCouldEscapeAreRefused(String filename) throws IOException {
        Path local = Files.writeString(tmp.resolve("payload"), "x");
        Path out = tmp.resolve("out").resolve("site");
        Index index = Index.of(List.of(Project.builder(ProjectName.of("evil"))
                .add(Distribution.builder("x", filename).localFile(local).build()).build()));
        assertThatThrownBy(() -> SiteWriter.builder().build().write(index, out))
                .isInstanceOf(UnsafeOutputException.class);
        assertThat(HostedFiles.isSafeFileName(filename)).isFalse();
        assertNothingOutside(out);
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).as("no temporary folder left behind").isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryFileNamesStayInsideTheOutput(long seed) throws IOException {
        Random r = new Random(seed);
        String alphabet = "./\\\0%2eE.-_+!~:aZ9 \u2215";
        Path local = Files.writeString(tmp.resolve("payload"), "x");
        Path out = tmp.resolve("out").resolve("site");
        for (int round = 0; round < 50; round++) {
            StringBuilder name = new StringBuilder();
            for (int i = r.nextInt(12); i >= 0; i--) {
                name.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String filename = name.toString();
            Index index = Index.of(List.of(Project.builder(ProjectName.of("p"))
                    .add(Distribution.builder("x", filename).localFile(local).build()).build()));
            try {
                SiteWriter.builder().build().write(index, out);
                assertThat(HostedFiles.isSafeFileName(filename)).as(filename).isTrue();
                assertThat(out.resolve("files/p").resolve(filename)).as(filename).hasContent("x");
            } catch (UnsafeOutputException e) {
                assertThat(HostedFiles.isSafeFileName(filename)).as(filename).isFalse();
            }
            assertNothingOutside(out);
        }
    }

    static Stream<Long> seeds() {
        String replay = System.getProperty("paths.seed");
        long base = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        return Stream.iterate(base, s -> s + 1).limit(replay != null ? 1 : 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/b", "a\\b", "a\0b", "/abs", "%2e%2e", "."})
    void namesThatCouldEscapeAreNotNames(String name) {
        assertThat(ProjectName.tryParse(name)).isEmpty();
    }

    /** Everything under tmp is the payload, the output folder and the output's parent; nothing else was created. */
    private void assertNothingOutside(Path out) throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : all.toList()) {
                boolean allowed = p.equals(tmp) || p.equals(tmp.resolve("payload")) || p.equals(out.getParent())
                        || p.startsWith(out);
                assertThat(allowed).as("unexpected path %s", tmp.relativize(p)).isTrue();
            }
        }
    }
}
