package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
    @TempDir
    Path tmp;

    @Test
    void sameBytesComparesLengthAndEveryByte() throws IOException {
        byte[] big = new byte[(1 << 16) * 2 + 7];
        new Random(7).nextBytes(big);
        Path file = tmp.resolve("f");
        Files.write(file, big);
        assertThat(FileBytes.same(file, big)).isTrue();
        assertThat(FileBytes.same(file, Arrays.copyOf(big, big.length - 1))).isFalse();
        assertThat(FileBytes.same(file, Arrays.copyOf(big, big.length + 1))).isFalse();
        for (int at : new int[] {0, 1 << 16, big.length - 1}) {
            byte[] other = big.clone();
            other[at] ^= 1;
            assertThat(FileBytes.same(file, other)).as("differs at %d", at).isFalse();
        }
        Files.write(file, new byte[0]);
        assertThat(FileBytes.same(file, new byte[0])).isTrue();
        assertThat(FileBytes.same(file, new byte[] {0})).isFalse();
    }
}
