package dev.gitpypi.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Comparing a file with bytes in memory. */
public final class FileBytes {
    private FileBytes() {
    }

    /**
     * Whether a file holds exactly {@code bytes}, read in chunks and compared as it goes (no copy of the whole file).
     *
     * @param file the file
     * @param bytes the expected content
     * @return true if the file's bytes are exactly these
     * @throws IOException if the file cannot be read
     */
    public static boolean same(Path file, byte[] bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[Math.min(bytes.length + 1, 1 << 16)];
            int at = 0;
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    return at == bytes.length;
                }
                if (at + n > bytes.length || Arrays.mismatch(buffer, 0, n, bytes, at, at + n) >= 0) {
                    return false;
                }
                at += n;
            }
        }
    }
}
