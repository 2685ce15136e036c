package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.PageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a {@code .tar.gz} sdist, never extracted: the tar headers (POSIX ustar with pax extended headers)
 * are read by hand, file contents are skipped except {@code {top}/PKG-INFO}. Collects the SD-04 problems: not gzip,
 * not a POSIX tar, bad header checksums, entries outside the top-level directory (absolute, {@code ..}, another top
 * directory), links that point outside it, device files and FIFOs. Reading stops at the first
 * {@value #MAX_PROBLEMS} problems, after {@value #MAX_ENTRIES} entries or after a bounded number of uncompressed
 * bytes.
 */
final class SdistArchive {
    static final int MAX_PROBLEMS = 5;
    private static final int MAX_ENTRIES = 100_000;
    private static final long MAX_PKG_INFO = 16L * 1024 * 1024;
    private static final int MAX_PAX = 1024 * 1024;

    /** The problems found (SD-04 messages), in archive order. */
    final List<String> problems = new ArrayList<>();
    /** The paths of the regular files in the archive. */
    final Set<String> files = new TreeSet<>();
    /** Whether the archive could be read to its end (or to a bound). */
    boolean readable = true;
    /** Whether reading stopped at the bound on uncompressed bytes (then the archive is not judged). */
    boolean bounded;
    /** The bytes of the first {@code x/PKG-INFO} directly below a top-level directory. */
    byte @Nullable [] pkgInfo;

    private final String top;
    private boolean outsideReported;
    private boolean formatReported;

    private SdistArchive(String top) {
        this.top = top;
    }

    /**
     * Reads an sdist.
     *
     * @param file the downloaded {@code .tar.gz}
     * @param top the expected top-level directory {@code {name}-{version}}
     * @param maxUncompressed the most uncompressed bytes read
     * @return what was found
     */
    static SdistArchive read(Path file, String top, long maxUncompressed) {
        SdistArchive a = new SdistArchive(top);
        try (InputStream in = new BoundedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                maxUncompressed, Texts.quote(top + ".tar.gz"))) {
            a.entries(in);
        } catch (PageReadException e) {
            a.readable = false;
            a.bounded = true;
        } catch (IOException | RuntimeException e) {
            a.readable = false;
            a.problems.add("the sdist is not a readable gzip'd tar file");
        }
        return a;
    }

    private void entries(InputStream in) throws IOException {
        byte[] header = new byte[512];
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        for (int n = 0; n < MAX_ENTRIES && problems.size() < MAX_PROBLEMS; n++) {
            int got = in.readNBytes(header, 0, 512);
            if (got == 0 || got == 512 && allZero(header)) {
                return;
            }
            if (got < 512) {
                throw new IOException("truncated");
            }
            if (!checksumOk(header)) {
                problems.add("tar header " + (n + 1) + " has a wrong checksum");
                readable = false;
                return;
            }
            char type = (char) header[156];
            String magic = new String(header, 257, 8, StandardCharsets.ISO_8859_1);
            if (!magic.startsWith("ustar\0") && !formatReported) {
                formatReported = true;
                problems.add((magic.startsWith("ustar ") ? "the tar is in GNU format" : "the tar has no ustar magic")
                        + ", not POSIX.1-2001 pax (entry " + Texts.quote(name(header)) + ")");
            }
            long size = paxSize >= 0 ? paxSize : number(header, 124, 12);
            if (size < 0) {
                throw new IOException("negative size");
            }
            if (type == 'x' || type == 'g') {
                if (size > MAX_PAX) {
                    throw new IOException("pax header too large");
                }
                byte[] pax = in.readNBytes((int) size);
                in.skipNBytes(pad(size) - size);
                if (type == 'x') {
                    for (String[] kv : paxRecords(pax)) {
                        switch (kv[0]) {
                            case "path" -> paxPath = kv[1];
                            case "linkpath" -> paxLink = kv[1];
                            case "size" -> paxSize = Long.parseLong(kv[1]);
                            default -> {
                                // other keys (mtime, uid, ...) do not matter here
                            }
                        }
                    }
                }
                continue;
            }
            String path = paxPath != null ? paxPath : name(header);
            String link = paxLink != null ? paxLink : cString(header, 157, 100);
            paxPath = null;
            paxLink = null;
            paxSize = -1;
            String normal = entry(path, type, link);
            if (isFile(type) && pkgInfo == null && size <= MAX_PKG_INFO && normal != null && isPkgInfo(normal)) {
                pkgInfo = in.readNBytes((int) size);
                in.skipNBytes(pad(size) - size);
            } else if (isFile(type) || "123456".indexOf(type) < 0) {
                // like tarfile: the data of regular files and of unknown types is skipped, links and the like
                // have none
                in.skipNBytes(pad(size));
            }
        }
    }

    private static boolean isFile(char type) {
        return type == '0' || type == '\0' || type == '7';
    }

    private static boolean isPkgInfo(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && path.substring(slash + 1).equals("PKG-INFO");
    }

    /** Checks one entry; returns its normalized path, or null if it is not inside the top directory. */
    private @Nullable String entry(String path, char type, String link) {
        String q = Texts.quote(path);
        if (type == 'L' || type == 'K') {
            if (!formatReported) {
                formatReported = true;
                problems.add("the tar uses GNU long-name entries, not POSIX.1-2001 pax");
            }
            return null;
        }
        if (path.startsWith("/") || path.matches("[A-Za-z]:.*")) {
            problems.add("entry " + q + " is an absolute path");
            return null;
        }
        String normal = normalize(path);
        if (normal == null) {
            problems.add("entry " + q + " escapes the archive with ..");
            return null;
        }
        if (!normal.equals(top) && !normal.startsWith(top + "/")) {
            if (!outsideReported) {
                outsideReported = true;
                problems.add("entry " + q + " is not inside the top-level directory "
                        + Texts.quote(top + "/"));
            }
            return null;
        }
        switch (type) {
            case '0', '\0', '7' -> files.add(normal);
            case '5' -> {
                // a directory
            }
            case '1' -> {
                String target = normalize(link);
                if (link.startsWith("/") || target == null || !target.startsWith(top + "/")) {
                    problems.add("hard link " + q + " points outside the top-level directory: "
                            + Texts.quote(link));
                }
            }
            case '2' -> {
                int slash = normal.lastIndexOf('/');
                String target = normalize(normal.substring(0, slash + 1) + link);
                if (link.startsWith("/") || target == null || !(target.equals(top) || target.startsWith(top + "/"))) {
                    problems.add("symbolic link " + q + " points outside the top-level directory: "
                            + Texts.quote(link));
                }
            }
            case '3', '4' -> problems.add("entry " + q + " is a device file");
            case '6' -> problems.add("entry " + q + " is a FIFO");
            default -> problems.add("entry " + q + " has the non-POSIX type " + Texts.quote(
                    String.valueOf(type)));
        }
        return normal;
    }

    /** The path with {@code .} and empty segments dropped and {@code ..} applied, or null if it climbs out. */
    private static @Nullable String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String s : path.split("/", -1)) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }

    private static List<String[]> paxRecords(byte[] pax) throws IOException {
        List<String[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < pax.length) {
            int space = pos;
            while (space < pax.length && pax[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(pax, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("bad pax record", e);
            }
            if (len <= space - pos || pos + len > pax.length || pax[pos + len - 1] != '\n') {
                throw new IOException("bad pax record");
            }
            String rec = new String(pax, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq < 0) {
                throw new IOException("bad pax record");
            }
            out.add(new String[] {rec.substring(0, eq), rec.substring(eq + 1)});
            pos += len;
        }
        return out;
    }

    private static long pad(long size) {
        return (size + 511) / 512 * 512;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumOk(byte[] h) {
        long stored = number(h, 148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < 512; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += b;
        }
        return stored == unsigned || stored == signed;
    }

    /** An octal field, or base-256 when the high bit of the first byte is set. */
    private static long number(byte[] h, int off, int len) {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = cString(h, off, len).strip();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        String prefix = new String(h, 257, 6, StandardCharsets.ISO_8859_1).equals("ustar\0") ? cString(h, 345, 155)
                : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
