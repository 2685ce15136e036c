package dev.gitpypi.validator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A small hand-written writer of gzip'd tar files for the SD-02/SD-04 fixtures: POSIX ustar headers, pax extended
 * headers for long paths, and the means to spoil them (any type flag, link names, GNU magic, bad checksums).
 */
final class TarGz {
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();
    private boolean gnu;
    private boolean badChecksum;

    /** Writes the following headers with GNU magic ({@code "ustar  \0"}). */
    TarGz gnu() {
        gnu = true;
        return this;
    }

    /** Writes the next header with a wrong checksum. */
    TarGz badChecksum() {
        badChecksum = true;
        return this;
    }

    TarGz file(String path, String content) {
        return entry(path, '0', "", content.getBytes(StandardCharsets.UTF_8));
    }

    TarGz dir(String path) {
        return entry(path, '5', "", new byte[0]);
    }

    TarGz link(String path, char type, String target) {
        return entry(path, type, target, new byte[0]);
    }

    /** An entry; paths longer than 100 bytes get a pax {@code path} record before them. */
    TarGz entry(String path, char type, String link, byte[] content) {
        String name = path;
        if (path.getBytes(StandardCharsets.UTF_8).length > 100) {
            String rec = "path=" + path + "\n";
            int len = rec.length() + 3;
            while (String.valueOf(len).length() + 1 + rec.length() != len) {
                len = String.valueOf(len).length() + 1 + rec.length();
            }
            byte[] pax = (len + " " + rec).getBytes(StandardCharsets.UTF_8);
            write(header("PaxHeader/x", 'x', "", pax.length), pax);
            name = "long";
        }
        write(header(name, type, link, content.length), content);
        return this;
    }

    private void write(byte[] header, byte[] content) {
        tar.writeBytes(header);
        tar.writeBytes(content);
        tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    private byte[] header(String name, char type, String link, int size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, type == '5' ? "0000755" : "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format(Locale.ROOT, "%011o", size));
        put(h, 136, "14000000000");
        h[156] = (byte) type;
        put(h, 157, link);
        if (gnu) {
            put(h, 257, "ustar  ");
        } else {
            put(h, 257, "ustar");
            put(h, 263, "00");
        }
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format(Locale.ROOT, "%06o", badChecksum ? sum + 1 : sum));
        h[154] = 0;
        badChecksum = false;
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /** @return the gzip'd archive with its two zero end blocks */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
            gz.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
