package dev.gitpypi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real, installable distributions for tests, made without any build tool: a wheel is a zip with
 * {@code {name}-{version}.dist-info/METADATA}, {@code WHEEL} and {@code RECORD} (sha256 digests, urlsafe base64
 * without padding); an sdist is a gzip'd ustar tar with {@code PKG-INFO}, a {@code pyproject.toml} that uses an
 * in-tree build backend ({@code requires = []}, {@code backend-path = ["."]}) and that backend, so pip builds it
 * with nothing downloaded. Bytes are deterministic (fixed entry times).
 */
public final class TestDistributions {
    private static final long ENTRY_TIME = 1_700_000_000_000L;

    private TestDistributions() {
    }

    /**
     * The METADATA text of a distribution.
     *
     * @param name the project name
     * @param version the version
     * @param extraHeaders more header lines, such as {@code Requires-Python: >=3.8} or {@code Requires-Dist: b}
     * @return the text
     */
    public static String metadata(String name, String version, String... extraHeaders) {
        StringBuilder s = new StringBuilder("Metadata-Version: 2.1\nName: ").append(name).append("\nVersion: ")
                .append(version).append('\n');
        for (String h : extraHeaders) {
            s.append(h).append('\n');
        }
        return s.append("\nA test package.\n").toString();
    }

    /**
     * Writes a pure-Python wheel {@code {name}-{version}-py3-none-any.whl} with a module {@code {name}} whose
     * {@code VERSION} is the version.
     *
     * @param dir the folder
     * @param name the project name in file-name form (lower case, {@code _})
     * @param version the version
     * @param extraHeaders more METADATA headers
     * @return the wheel
     * @throws IOException if writing fails
     */
    public static Path wheel(Path dir, String name, String version, String... extraHeaders) throws IOException {
        return wheelWithMetadata(dir, name, version, metadata(name, version, extraHeaders));
    }

    /**
     * Writes a wheel {@code {name}-{version}-py3-none-any.whl} with the given METADATA text (which may disagree
     * with the file name, for tests of consistency checks).
     *
     * @param dir the folder
     * @param name the name in file-name form
     * @param version the version in the file name
     * @param metadataText the whole METADATA file
     * @return the wheel
     * @throws IOException if writing fails
     */
    public static Path wheelWithMetadata(Path dir, String name, String version, String metadataText)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String distInfo = name + "-" + version + ".dist-info/";
        files.put(name + "/__init__.py", ("VERSION = \"" + version + "\"\n").getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "METADATA", metadataText.getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: gitpypi-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        files.forEach((path, bytes) -> record.append(path).append(",sha256=").append(Base64.getUrlEncoder()
                .withoutPadding().encodeToString(sha256(bytes))).append(',').append(bytes.length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        files.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve(name + "-" + version + "-py3-none-any.whl");
        Files.createDirectories(dir);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(ENTRY_TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }

    /**
     * Writes an sdist {@code {name}-{version}.tar.gz} that pip builds offline with its in-tree backend.
     *
     * @param dir the folder
     * @param name the project name in file-name form
     * @param version the version
     * @param extraHeaders more PKG-INFO headers (copied into the built wheel's METADATA)
     * @return the sdist
     * @throws IOException if writing fails
     */
    public static Path sdist(Path dir, String name, String version, String... extraHeaders) throws IOException {
        String top = name + "-" + version + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        // Metadata-Version 2.2: the oldest an sdist's PKG-INFO may have (SD-04)
        files.put(top + "PKG-INFO", metadata(name, version, extraHeaders).replaceFirst("Metadata-Version: 2.1",
                "Metadata-Version: 2.2").getBytes(StandardCharsets.UTF_8));
        files.put(top + "pyproject.toml", ("[build-system]\nrequires = []\nbuild-backend = \"intree_backend\"\n"
                + "backend-path = [\".\"]\n").getBytes(StandardCharsets.UTF_8));
        files.put(top + "intree_backend.py", BACKEND.replace("@NAME@", name).replace("@VERSION@", version)
                .getBytes(StandardCharsets.UTF_8));
        Path sdist = dir.resolve(name + "-" + version + ".tar.gz");
        Files.createDirectories(dir);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            tarEntry(tar, f.getKey(), f.getValue());
        }
        tar.write(new byte[1024]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sdist))) {
            out.write(tar.toByteArray());
        }
        return sdist;
    }

    private static void tarEntry(ByteArrayOutputStream tar, String path, byte[] data) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, path);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format(java.util.Locale.ROOT, "%011o", data.length));
        put(h, 136, String.format(java.util.Locale.ROOT, "%011o", ENTRY_TIME / 1000));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format(java.util.Locale.ROOT, "%06o", sum));
        h[154] = 0;
        tar.write(h);
        tar.write(data);
        tar.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A PEP 517 backend that builds a wheel from PKG-INFO with the standard library only. */
    private static final String BACKEND = String.join("\n", List.of(
            "import base64, hashlib, os, zipfile",
            "NAME, VERSION = '@NAME@', '@VERSION@'",
            "def get_requires_for_build_wheel(config_settings=None):",
            "    return []",
            "def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):",
            "    di = '%s-%s.dist-info/' % (NAME, VERSION)",
            "    with open('PKG-INFO', 'rb') as f:",
            "        meta = f.read()",
            "    files = {NAME + '/__init__.py': ('VERSION = %r\\n' % VERSION).encode(),",
            "             di + 'METADATA': meta,",
            "             di + 'WHEEL': b'Wheel-Version: 1.0\\nGenerator: intree\\nRoot-Is-Purelib: true\\n"
                    + "Tag: py3-none-any\\n'}",
            "    record = ''",
            "    for p, b in files.items():",
            "        d = base64.urlsafe_b64encode(hashlib.sha256(b).digest()).rstrip(b'=').decode()",
            "        record += '%s,sha256=%s,%d\\n' % (p, d, len(b))",
            "    files[di + 'RECORD'] = (record + di + 'RECORD,,\\n').encode()",
            "    name = '%s-%s-py3-none-any.whl' % (NAME, VERSION)",
            "    with zipfile.ZipFile(os.path.join(wheel_directory, name), 'w') as z:",
            "        for p, b in files.items():",
            "            z.writestr(p, b)",
            "    return name",
            ""));
}
