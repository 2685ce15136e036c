package dev.gitpypi.core.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the core-metadata file out of distributions, byte for byte (SPEC P658-03): a wheel's
 * {@code {name}-{version}.dist-info/METADATA} and an sdist's {@code {name}-{version}/PKG-INFO}. The sdist reader
 * is a small POSIX/pax tar reader (over {@link GZIPInputStream} for {@code .tar.gz}); entries are never extracted to
 * disk. Archives are read only when they are regular files ({@link LocalFiles}).
 */
public final class Archives {
    /** Metadata larger than this is refused: a real METADATA file is a few kilobytes. */
    public static final int MAX_METADATA_BYTES = 16 * 1024 * 1024;

    private Archives() {
    }

    /**
     * The bytes of a wheel's {@code .dist-info/METADATA}. When the wheel holds several {@code .dist-info} folders,
     * the one named {@code stem.dist-info} is taken.
     *
     * @param wheel the wheel
     * @param stem the expected folder stem {@code name-version} in file-name form, used only to choose among several
     * @return the bytes, or empty if the wheel has no METADATA
     * @throws IOException if the wheel is not a readable zip
     */
    public static Optional<byte[]> wheelMetadata(Path wheel, String stem) throws IOException {
        return wheelMetadataMember(wheel, stem).map(Member::bytes);
    }

    /**
     * A file read out of an archive, with the modification time the archive records for it.
     *
     * @param bytes the file's bytes
     * @param time when the archive says the file was last changed (for a built distribution: when it was built);
     *     empty when the archive gives none or a placeholder (zip's 1980 epoch, tar's 0)
     */
    public record Member(byte[] bytes, Optional<Instant> time) {
    }

    /**
     * A wheel's {@code .dist-info/METADATA} as {@link #wheelMetadata(Path, String)} finds it, with its time. A zip
     * records local time without a zone; it is read as UTC, so the result does not depend on the machine's zone.
     *
     * @param wheel the wheel
     * @param stem the expected folder stem, used only to choose among several {@code .dist-info} folders
     * @return the member, or empty if the wheel has no METADATA
     * @throws IOException if the wheel is not a readable zip
     */
    public static Optional<Member> wheelMetadataMember(Path wheel, String stem) throws IOException {
        requireRegular(wheel);
        try (ZipFile zip = new ZipFile(wheel.toFile(), StandardCharsets.UTF_8)) {
            List<ZipEntry> candidates = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash > 0 && name.indexOf('/', slash + 1) < 0 && name.substring(0, slash).endsWith(".dist-info")
                        && name.substring(slash + 1).equals("METADATA")) {
                    candidates.add(entry);
                }
            }
            ZipEntry chosen = null;
            if (candidates.size() == 1) {
                chosen = candidates.get(0);
            } else {
                for (ZipEntry c : candidates) {
                    if (c.getName().equalsIgnoreCase(stem + ".dist-info/METADATA")) {
                        chosen = c;
                    }
                }
            }
            if (chosen == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(chosen)) {
                return Optional.of(new Member(readBounded(in), zipTime(chosen)));
            }
        }
    }

    private static Optional<Instant> zipTime(ZipEntry entry) {
        java.time.LocalDateTime local = entry.getTimeLocal();
        if (local == null || local.getYear() < 1981) {
            return Optional.empty();
        }
        return Optional.of(local.toInstant(java.time.ZoneOffset.UTC));
    }

    /**
     * Whether {@link #sdistPkgInfo(Path)} reads sdists with this file name: {@code .tar.gz}, {@code .tgz},
     * {@code .tar} and {@code .zip} (the JDK has no bzip2, xz or lzma).
     *
     * @param filename an sdist file name
     * @return true if its PKG-INFO can be read
     */
    public static boolean canReadSdist(String filename) {
        return filename.endsWith(".tar.gz") || filename.endsWith(".tgz") || filename.endsWith(".tar")
                || filename.endsWith(".zip");
    }

    /**
     * The bytes of an sdist's top-level {@code PKG-INFO} ({@code <dir>/PKG-INFO}, SD-04).
     *
     * @param sdist a {@code .tar.gz}, {@code .tgz}, {@code .tar} or {@code .zip} sdist (see
     *     {@link #canReadSdist(String)}), a regular file (links are not followed)
     * @return the bytes, or empty if there is none
     * @throws IOException if the file is not a readable archive of its kind
     */
    public static Optional<byte[]> sdistPkgInfo(Path sdist) throws IOException {
        return sdistPkgInfoMember(sdist).map(Member::bytes);
    }

    /**
     * An sdist's {@code PKG-INFO} as {@link #sdistPkgInfo(Path)} finds it, with its time.
     *
     * @param sdist a {@code .tar.gz}, {@code .tgz}, {@code .tar} or {@code .zip} sdist, a regular file
     * @return the member, or empty if there is none
     * @throws IOException if the file is not a readable archive of its kind
     */
    public static Optional<Member> sdistPkgInfoMember(Path sdist) throws IOException {
        String name = sdist.getFileName().toString();
        if (name.endsWith(".zip")) {
            return zipPkgInfo(sdist);
        }
        if (name.endsWith(".tar")) {
            try (InputStream in = new BufferedInputStream(LocalFiles.open(sdist), 64 * 1024)) {
                return tarPkgInfo(in);
            }
        }
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(LocalFiles.open(sdist), 64 * 1024))) {
            return tarPkgInfo(in);
        }
    }

    private static Optional<Member> zipPkgInfo(Path sdist) throws IOException {
        requireRegular(sdist);
        try (ZipFile zip = new ZipFile(sdist.toFile(), StandardCharsets.UTF_8)) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String entryName = entry.getName();
                int slash = entryName.indexOf('/');
                if (slash > 0 && !entry.isDirectory() && entryName.substring(slash + 1).equals("PKG-INFO")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        return Optional.of(new Member(readBounded(in), zipTime(entry)));
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static void requireRegular(Path file) throws IOException {
        LocalFiles.Type type = LocalFiles.type(file);
        if (type != LocalFiles.Type.REGULAR) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "not a regular file ("
                    + LocalFiles.describe(type) + ")");
        }
    }

    private static Optional<Member> tarPkgInfo(InputStream in) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (true) {
            if (in.readNBytes(header, 0, 512) < 512 || isZeros(header)) {
                return Optional.empty();
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String name = longName != null ? longName : entryName(header);
            longName = null;
            long padded = (size + 511) / 512 * 512;
            if (type == 'L' || type == 'x') {
                byte[] data = readExactly(in, size);
                skipFully(in, padded - size);
                longName = type == 'L' ? cString(data) : paxPath(data);
                continue;
            }
            int slash = name.indexOf('/');
            if ((type == '0' || type == '\0') && slash > 0 && name.substring(slash + 1).equals("PKG-INFO")) {
                long mtime = octal(header, 136, 12);
                return Optional.of(new Member(readExactly(in, size), mtime > 0 ? Optional.of(Instant.ofEpochSecond(
                        mtime)) : Optional.empty()));
            }
            skipFully(in, padded);
        }
    }

    private static String entryName(byte[] header) {
        String name = cString(java.util.Arrays.copyOfRange(header, 0, 100));
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        if (ustar) {
            String prefix = cString(java.util.Arrays.copyOfRange(header, 345, 500));
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static @org.jspecify.annotations.Nullable String paxPath(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        String result = null;
        for (String line : s.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                result = line.substring(space + 6);
            }
        }
        return result;
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) throws IOException {
        long v = 0;
        int end = off + len;
        int i = off;
        while (i < end && (b[i] == ' ' || b[i] == 0)) {
            i++;
        }
        for (; i < end && b[i] >= '0' && b[i] <= '7'; i++) {
            v = v * 8 + (b[i] - '0');
        }
        if (v < 0 || v > Integer.MAX_VALUE * 64L) {
            throw new IOException("bad tar entry size");
        }
        return v;
    }

    private static boolean isZeros(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readExactly(InputStream in, long size) throws IOException {
        if (size > MAX_METADATA_BYTES) {
            throw new IOException("archive entry too large: " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new IOException("truncated archive");
        }
        return data;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_METADATA_BYTES + 1);
        if (data.length > MAX_METADATA_BYTES) {
            throw new IOException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return data;
    }

    /**
     * The value of the first header of an email-header core-metadata file (META-04), with continuation lines
     * joined; headers end at the first empty line.
     *
     * @param metadata the metadata bytes (UTF-8)
     * @param header the header name, case-insensitive
     * @return the value, stripped
     */
    public static Optional<String> header(byte[] metadata, String header) {
        String text = new String(metadata, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(header)) {
                StringBuilder value = new StringBuilder(line.substring(colon + 1).strip());
                while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    value.append(' ').append(lines[++i].strip());
                }
                return Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }
}
