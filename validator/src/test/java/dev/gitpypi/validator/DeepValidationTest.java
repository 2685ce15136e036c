package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.testing.StaticSiteServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deep mode: the files behind the links (hashes, sizes, .metadata, wheel METADATA, signatures, VCS refs). */
class DeepValidationTest {
    private static final String WHEEL = "foo-1.0-py3-none-any.whl";
    private static final String METADATA = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nRequires-Python: >=3.8\n\n";

    @TempDir
    Path tmp;

    private static byte[] wheel(String metadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("foo/__init__.py"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("foo-1.0.dist-info/METADATA"));
            zip.write(metadata.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("foo-1.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A site with one wheel; the parts can be spoiled one at a time. */
    private Path site(String name, String wheelMetadata, String servedMetadata, String hashOverride, String attrs)
            throws IOException {
        Path dir = tmp.resolve(name);
        byte[] whl = wheel(wheelMetadata);
        Files.createDirectories(dir.resolve("files"));
        Files.write(dir.resolve("files").resolve(WHEEL), whl);
        String metaAttr = "";
        if (servedMetadata != null) {
            Files.writeString(dir.resolve("files").resolve(WHEEL + ".metadata"), servedMetadata, StandardCharsets.UTF_8);
            metaAttr = " data-core-metadata=\"sha256=" + sha256(servedMetadata.getBytes(StandardCharsets.UTF_8)) + "\"";
        }
        String hash = hashOverride != null ? hashOverride : sha256(whl);
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").page("foo", Fixtures.page("<a href=\"../../files/"
                + WHEEL + "#sha256=" + hash + "\" data-requires-python=\"&gt;=3.8\"" + metaAttr + attrs + ">" + WHEEL
                + "</a>")).write(dir);
        return dir;
    }

    private static Set<String> ids(Report r) {
        return r.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Report deep(Path site) throws IOException {
        return Validator.builder().deep(true).build().validate(site);
    }

    @Test
    void consistentSiteHasNoFinding() throws IOException {
        assertThat(deep(site("ok", METADATA, METADATA, null, "")).findings()).isEmpty();
    }

    @Test
    void rootRelativeLinksResolveInsideTheSiteFolder() throws IOException {
        Path dir = site("abs", METADATA, METADATA, null, "");
        Path page = dir.resolve("simple/foo/index.html");
        Files.writeString(page, Files.readString(page).replace("../../files/", "/files/"));
        Files.writeString(dir.resolve("simple/index.html"), Fixtures.root("<a href=\"/simple/foo/\">foo</a>"));
        assertThat(deep(dir).findings()).isEmpty();
        assertThat(deep(dir.resolve("simple")).findings()).isEmpty();
    }

    /** A one-file ustar .tar.gz, written by hand. */
    private static byte[] sdist(String top, String pkgInfo) throws IOException {
        byte[] content = pkgInfo.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        byte[] name = (top + "/PKG-INFO").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, header, 0, name.length);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format(java.util.Locale.ROOT, "%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format(java.util.Locale.ROOT, "%06o", sum));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(header);
            gz.write(content);
            gz.write(new byte[(512 - content.length % 512) % 512 + 1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, off, b.length);
    }

    private Path sdistSite(String name, byte[] tgz) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("files"));
        Files.write(dir.resolve("files/foo-1.0.tar.gz"), tgz);
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").page("foo", Fixtures.page("<a href=\"../../files/"
                + "foo-1.0.tar.gz#sha256=" + sha256(tgz) + "\">foo-1.0.tar.gz</a>")).write(dir);
        return dir;
    }

    @Test
    void sdistPkgInfoMustMatchTheFileName() throws IOException {
        assertThat(deep(sdistSite("sd-ok", sdist("foo-1.0", METADATA))).findings()).isEmpty();
        assertThat(ids(deep(sdistSite("sd-bad", sdist("foo-1.0", METADATA.replace("Version: 1.0",
                "Version: 1.0rc1")))))).containsExactly("SD-02");
        assertThat(ids(deep(sdistSite("sd-none", new byte[] {1, 2, 3})))).containsExactly("SD-02");
    }

    @Test
    void metadataWithAnInvalidName() throws IOException {
        String bad = METADATA.replace("Name: foo", "Name: -foo-");
        assertThat(ids(deep(site("meta2", bad, bad, null, "")))).contains("META-02");
    }

    @Test
    void wrongHashIsAnError() throws IOException {
        Report r = deep(site("hash", METADATA, METADATA, "b".repeat(64), ""));
        assertThat(ids(r)).containsExactly("P503-08");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(Validator.defaults().validate(tmp.resolve("hash")).findings()).isEmpty();
    }

    @Test
    void missingMetadataFile() throws IOException {
        Path dir = site("nometa", METADATA, METADATA, null, "");
        Files.delete(dir.resolve("files").resolve(WHEEL + ".metadata"));
        assertThat(ids(deep(dir))).containsExactly("P658-02");
    }

    @Test
    void metadataFileDifferentFromTheWheels() throws IOException {
        String other = METADATA.replace("\n\n", "\nRequires-Dist: bar\n\n");
        assertThat(ids(deep(site("diff", METADATA, other, null, "")))).containsExactly("P658-03");
    }

    @Test
    void metadataHashMismatch() throws IOException {
        Path dir = site("metahash", METADATA, METADATA, null, "");
        Files.writeString(dir.resolve("files").resolve(WHEEL + ".metadata"), METADATA + " ", StandardCharsets.UTF_8);
        assertThat(ids(deep(dir))).contains("P658-02");
    }

    @Test
    void wheelMetadataThatDisagreesWithTheFileName() throws IOException {
        String wrong = METADATA.replace("Version: 1.0", "Version: 1.0.1");
        assertThat(ids(deep(site("whl6", wrong, wrong, null, "")))).containsExactly("WHL-06");
    }

    @Test
    void metadataWithoutVersion() throws IOException {
        String broken = METADATA.replace("Version: 1.0\n", "");
        assertThat(ids(deep(site("meta1", broken, null, null, "")))).containsExactly("META-01");
    }

    @Test
    void requiresPythonDisagreement() throws IOException {
        String other = METADATA.replace(">=3.8", ">=3.9");
        assertThat(ids(deep(site("meta3", other, other, null, "")))).containsExactly("META-03");
    }

    @Test
    void signatureThatDoesNotExist() throws IOException {
        Path dir = site("gpg", METADATA, METADATA, null, " data-gpg-sig=\"true\"");
        assertThat(ids(deep(dir))).containsExactly("P503-12");
        Files.writeString(dir.resolve("files").resolve(WHEEL + ".asc"), "sig", StandardCharsets.UTF_8);
        assertThat(deep(dir).findings()).isEmpty();
    }

    @Test
    void wrongSizeInJson() throws IOException {
        Path dir = tmp.resolve("size");
        byte[] whl = wheel(METADATA);
        Files.createDirectories(dir.resolve("files"));
        Files.write(dir.resolve("files").resolve(WHEEL), whl);
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").json("foo", "{\"meta\":{\"api-version\":\"1.1\"},"
                + "\"name\":\"foo\",\"versions\":[\"1.0\"],\"files\":[{\"filename\":\"" + WHEEL + "\",\"url\":"
                + "\"../../files/" + WHEEL + "\",\"hashes\":{\"sha256\":\"" + sha256(whl) + "\"},\"size\":"
                + (whl.length + 1) + "}]}").write(dir);
        assertThat(ids(deep(dir))).containsExactly("P700-03");
    }

    @Test
    void overHttpTheSameChecksHold() throws IOException {
        Path dir = site("http", METADATA, METADATA, null, "");
        try (StaticSiteServer server = StaticSiteServer.start(dir, false)) {
            Report r = Validator.builder().deep(true).httpProbes(0).build().validate(server.baseUrl() + "simple/");
            assertThat(r.findings()).isEmpty();
            assertThat(server.requests()).contains("GET /files/" + WHEEL, "GET /files/" + WHEEL + ".metadata");
        }
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_AUTHOR_NAME", "t");
        pb.environment().put("GIT_AUTHOR_EMAIL", "t@example.com");
        pb.environment().put("GIT_COMMITTER_NAME", "t");
        pb.environment().put("GIT_COMMITTER_EMAIL", "t@example.com");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    }

    @Test
    void vcsRefsAreCheckedWithLsRemote() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README"), "x", StandardCharsets.UTF_8);
        git(repo, "add", "README");
        git(repo, "commit", "-q", "-m", "x");
        git(repo, "tag", "v1.0");
        String url = "git+" + repo.toUri().toString().replace("file:/", "file:///").replace("file:////", "file:///");
        Path dir = tmp.resolve("vcs");
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").page("foo", Fixtures.page(
                "<a href=\"" + url + "@v1.0#egg=foo-1.0\">foo-1.0</a>\n<a href=\"" + url
                        + "@v9.9#egg=foo-9.9\">foo-9.9</a>")).write(dir);
        Report r = deep(dir);
        assertThat(ids(r)).containsExactly("PIP-07", "UV-05");
        assertThat(r.findings("PIP-07")).singleElement().satisfies(f -> assertThat(f.message()).contains("v9.9"));
        assertThat(r.links()).allSatisfy(l -> {
            assertThat(l.pip().usable()).isTrue();
            assertThat(l.uv().ruleIds()).containsExactly("UV-05");
        });
    }
}
