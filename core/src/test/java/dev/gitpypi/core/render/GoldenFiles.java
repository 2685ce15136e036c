package dev.gitpypi.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-for-byte comparison with files under {@code src/test/resources/golden}. Run with
 * {@code -Dgolden.update=true} to rewrite them (then review the diff).
 */
final class GoldenFiles {
    private GoldenFiles() {
    }

    static void assertGolden(String name, byte[] actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources/golden").resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
            return;
        }
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", name).isNotNull();
            byte[] expected = in.readAllBytes();
            assertThat(new String(actual, StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual).as(name).isEqualTo(expected);
        }
    }
}
