package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Severity;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.StaticSiteServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    private static final String PKG_INFO = METADATA.replace("2.1", "2.2");

    /** A valid sdist: PKG-INFO and pyproject.toml in {@code top/}. */
    private static TarGz sdist(String top, String pkgInfo) {
        return new TarGz().dir(top + "/").file(top + "/PKG-INFO", pkgInfo).file(top + "/pyproject.toml",
                "[build-system]\nrequires = []\n");
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
        assertThat(deep(sdistSite("sd-ok", sdist("foo-1.0", PKG_INFO).bytes())).findings()).isEmpty();
        assertThat(ids(deep(sdistSite("sd-bad", sdist("foo-1.0", PKG_INFO.replace("Version: 1.0",
                "Version: 1.0rc1")).bytes())))).containsExactly("SD-02");
        assertThat(ids(deep(sdistSite("sd-none", new TarGz().dir("foo-1.0/").file("foo-1.0/pyproject.toml", "")
                .bytes())))).containsExactly("SD-02");
    }

    /** SD-04 fixtures that pass: pax long paths, links inside the directory, License-File present (2.4). */
    static Stream<Arguments> goodSdists() {
        String long1 = "foo-1.0/" + "d".repeat(90) + "/" + "m".repeat(40) + ".py";
        return Stream.of(
                Arguments.of("plain", sdist("foo-1.0", PKG_INFO)),
                Arguments.of("dot-slash", new TarGz().dir("./foo-1.0/").file("./foo-1.0/PKG-INFO", PKG_INFO)
                        .file("./foo-1.0/pyproject.toml", "")),
                Arguments.of("pax-long-path", sdist("foo-1.0", PKG_INFO).file(long1, "x = 1\n")),
                Arguments.of("links-inside", sdist("foo-1.0", PKG_INFO).file("foo-1.0/a.py", "")
                        .link("foo-1.0/b.py", '2', "a.py").link("foo-1.0/sub/c.py", '2', "../a.py")
                        .link("foo-1.0/d.py", '1', "foo-1.0/a.py")),
                Arguments.of("license-files", sdist("foo-1.0", PKG_INFO.replace("2.2", "2.4").replace("\n\n",
                        "\nLicense-File: LICENSE\nLicense-File: licenses/NOTICE\n\n")).file("foo-1.0/LICENSE", "MIT")
                        .file("foo-1.0/licenses/NOTICE", "n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodSdists")
    void sdistFormatThatPasses(String name, TarGz tgz) throws IOException {
        assertThat(deep(sdistSite("good-" + name, tgz.bytes())).findings()).isEmpty();
    }

    /** SD-04 fixtures that fail, each with the word the message must contain. */
    static Stream<Arguments> badSdists() {
        return Stream.of(
                Arguments.of("not-gzip", "not a readable", null),
                Arguments.of("bad-checksum", "checksum", new TarGz().badChecksum().dir("foo-1.0/")),
                Arguments.of("gnu-format", "GNU", sdist("foo-1.0", PKG_INFO).gnu().file("foo-1.0/x", "")),
                Arguments.of("no-pyproject", "pyproject.toml", new TarGz().file("foo-1.0/PKG-INFO", PKG_INFO)),
                Arguments.of("metadata-2.1", "2.1", sdist("foo-1.0", METADATA)),
                Arguments.of("license-file-missing", "LICENSE", sdist("foo-1.0", PKG_INFO.replace("2.2", "2.4")
                        .replace("\n\n", "\nLicense-File: LICENSE\n\n"))),
                Arguments.of("absolute", "/etc/evil", sdist("foo-1.0", PKG_INFO).file("/etc/evil", "")),
                Arguments.of("dot-dot", "foo-1.0/../../evil", sdist("foo-1.0", PKG_INFO)
                        .file("foo-1.0/../../evil", "")),
                Arguments.of("second-top", "other/x.py", sdist("foo-1.0", PKG_INFO).file("other/x.py", "")),
                Arguments.of("wrong-top", "foo-1.1/", sdist("foo-1.1", PKG_INFO)),
                Arguments.of("symlink-out", "../../../etc/passwd", sdist("foo-1.0", PKG_INFO)
                        .link("foo-1.0/sub/p", '2', "../../../etc/passwd")),
                Arguments.of("symlink-absolute", "/etc/passwd", sdist("foo-1.0", PKG_INFO)
                        .link("foo-1.0/p", '2', "/etc/passwd")),
                Arguments.of("hardlink-out", "etc/passwd", sdist("foo-1.0", PKG_INFO)
                        .link("foo-1.0/p", '1', "etc/passwd")),
                Arguments.of("device", "device", sdist("foo-1.0", PKG_INFO).link("foo-1.0/tty", '3', "")),
                Arguments.of("fifo", "FIFO", sdist("foo-1.0", PKG_INFO).link("foo-1.0/pipe", '6', "")),
                Arguments.of("unknown-type", "non-POSIX type", sdist("foo-1.0", PKG_INFO).entry("foo-1.0/s", 'S', "",
                        new byte[700])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSdists")
    void sdistFormatThatFails(String name, String word, TarGz tgz) throws IOException {
        byte[] bytes = tgz == null ? new byte[] {1, 2, 3} : tgz.bytes();
        Report r = deep(sdistSite("bad-" + name, bytes));
        assertThat(ids(r)).containsExactly("SD-04");
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.message()).contains(word);
            assertThat(f.location().toString()).endsWith("/simple/foo/index.html:8");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    /** Reading stops after 16 times maxFileBytes uncompressed: what lies beyond is not judged, and the note says so. */
    @Test
    void sdistReadingIsBounded() throws IOException {
        byte[] tgz = sdist("foo-1.0", PKG_INFO).entry("foo-1.0/zeros", '0', "", new byte[2_000_000])
                .file("/etc/evil", "").bytes();
        Path dir = sdistSite("bomb", tgz);
        assertThat(tgz.length).isLessThan(20_000);
        assertThat(Validator.builder().deep(true).maxFileBytes(20_000).build().validate(dir).findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.NOTE);
                    assertThat(f.message()).startsWith("not checked: the sdist holds more than 320000 bytes");
                });
        assertThat(ids(Validator.builder().deep(true).maxFileBytes(200_000).build().validate(dir)))
                .containsExactly("SD-04");
    }

    /**
     * Differential: Python's tarfile reads every passing fixture with {@code r:gz}, and its {@code data}
     * extraction filter refuses the escaping ones (SD-04).
     */
    @Test
    void pythonTarfileAgrees() throws IOException {
        Python.assumeEnabled();
        Map<String, Boolean> expectOk = new TreeMap<>();
        Path dir = Files.createDirectories(tmp.resolve("py"));
        for (Arguments a : goodSdists().toList()) {
            Path f = dir.resolve("good-" + a.get()[0] + ".tar.gz");
            Files.write(f, ((TarGz) a.get()[1]).bytes());
            expectOk.put(f.toString(), true);
        }
        for (String bad : List.of("dot-dot", "symlink-out", "symlink-absolute", "device", "fifo")) {
            TarGz t = (TarGz) badSdists().filter(a -> a.get()[0].equals(bad)).findFirst().orElseThrow().get()[2];
            Path f = dir.resolve("bad-" + bad + ".tar.gz");
            Files.write(f, t.bytes());
            expectOk.put(f.toString(), false);
        }
        String script = "import sys, tarfile, tempfile\n"
                + "for line in sys.stdin:\n"
                + "    p = line.rstrip('\\n')\n"
                + "    try:\n"
                + "        with tarfile.open(p, 'r:gz') as t, tempfile.TemporaryDirectory() as d:\n"
                + "            t.extractall(d, filter='data')\n"
                + "        print('ok', flush=True)\n"
                + "    except Exception as e:\n"
                + "        print(type(e).__name__, flush=True)\n";
        List<String> paths = List.copyOf(expectOk.keySet());
        List<String> out = Python.mapLines(script, paths);
        for (int i = 0; i < paths.size(); i++) {
            assertThat(out.get(i).equals("ok")).as(paths.get(i) + " -> " + out.get(i))
                    .isEqualTo(expectOk.get(paths.get(i)));
        }
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

    private static String statement(String name, String digest) {
        String json = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"" + name
                + "\",\"digest\":{\"sha256\":\"" + digest + "\"}}],\"predicateType\":"
                + "\"https://docs.pypi.org/attestations/publish/v1\",\"predicate\":null}";
        return java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String provenanceJson(String version, String kind, String statement) {
        return "{\"version\":" + version + ",\"attestation_bundles\":[{\"publisher\":{\"kind\":" + kind
                + ",\"claims\":null,\"repository\":\"o/r\"},\"attestations\":[{\"version\":1,"
                + "\"verification_material\":{\"certificate\":\"AA==\",\"transparency_entries\":[]},"
                + "\"envelope\":{\"statement\":\"" + statement + "\",\"signature\":\"AA==\"}}]}]}";
    }

    /** P740-03 fixtures: the provenance body (null: not served) and whether it is right. */
    static Stream<Arguments> provenances() throws IOException {
        String good = sha256(wheel(METADATA));
        return Stream.of(
                Arguments.of("ok", provenanceJson("1", "\"GitHub\"", statement(WHEEL, good)), null),
                Arguments.of("not-served", null, "not served"),
                Arguments.of("not-json", "<html>", "not JSON"),
                Arguments.of("version-2", provenanceJson("2", "\"GitHub\"", statement(WHEEL, good)), "version"),
                Arguments.of("no-bundles", "{\"version\":1,\"attestation_bundles\":[]}", "attestation_bundles"),
                Arguments.of("bundles-missing", "{\"version\":1}", "attestation_bundles"),
                Arguments.of("kind-not-string", provenanceJson("1", "7", statement(WHEEL, good)), "kind"),
                Arguments.of("claims-not-object", provenanceJson("1", "\"GitHub\"", statement(WHEEL, good))
                        .replace("\"claims\":null", "\"claims\":[]"), "claims"),
                Arguments.of("other-file", provenanceJson("1", "\"GitHub\"", statement("foo-2.0.tar.gz", good)),
                        "no in-toto subject names"),
                Arguments.of("wrong-digest", provenanceJson("1", "\"GitHub\"", statement(WHEEL, "c".repeat(64))),
                        "sha256"),
                Arguments.of("statement-not-base64", provenanceJson("1", "\"GitHub\"", "%%%"), "base64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provenances")
    void provenanceObjects(String name, String body, String word) throws IOException {
        Path dir = site("prov-" + name, METADATA, METADATA, null, "");
        if (body != null) {
            Files.writeString(dir.resolve("files").resolve(WHEEL + ".provenance"), body, StandardCharsets.UTF_8);
        }
        try (StaticSiteServer server = StaticSiteServer.start(dir, false)) {
            Path page = dir.resolve("simple/foo/index.html");
            Files.writeString(page, Files.readString(page).replace("content=\"1.0\"", "content=\"1.3\"").replace(
                    " data-core-metadata=", " data-provenance=\"" + server.baseUrl() + "files/" + WHEEL
                            + ".provenance\" data-core-metadata="));
            Report r = Validator.builder().deep(true).httpProbes(0).build().validate(server.baseUrl() + "simple/");
            // The loopback URL is http, which P740-01 (absolute https) reports on the page itself.
            if (word == null) {
                assertThat(ids(r)).containsExactly("P740-01");
            } else {
                assertThat(ids(r)).containsExactly("P740-01", "P740-03");
                assertThat(r.findings("P740-03")).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains(word);
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                });
            }
            assertThat(server.requests()).contains("GET /files/" + WHEEL + ".provenance");
        }
    }

    @Test
    void provenanceThatCannotBeFetchedIsANoteNotAPass() throws IOException {
        Path dir = site("prov-refused", METADATA, METADATA, null,
                " data-provenance=\"http://127.0.0.1:9/" + WHEEL + ".provenance\"");
        assertThat(deep(dir).findings("P740-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.message()).startsWith("the provenance was not checked: ").contains("127.0.0.1:9");
        });
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
        Path dir = tmp.resolve("vcs");
        Path repo = Files.createDirectories(dir.resolve("repos/foo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README"), "x", StandardCharsets.UTF_8);
        git(repo, "add", "README");
        git(repo, "commit", "-q", "-m", "x");
        git(repo, "tag", "v1.0");
        String url = "git+" + repo.toUri().toString().replace("file:/", "file:///").replace("file:////", "file:///");
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
        // a local repository outside the validated folder is not read: both refs are notes, not passes
        Path outside = tmp.resolve("vcs-outside");
        new Fixtures.Site().root("<a href=\"foo/\">foo</a>").page("foo", Fixtures.page(
                "<a href=\"" + url + "@v1.0#egg=foo-1.0\">foo-1.0</a>")).write(outside);
        assertThat(deep(outside).findings("PIP-07")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.message()).startsWith("not checked: ").contains("lies outside");
        });
    }
}
