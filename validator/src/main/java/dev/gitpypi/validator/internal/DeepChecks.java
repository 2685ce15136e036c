package dev.gitpypi.validator.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.PageReadException;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Deep mode: the files themselves. Hashes and sizes match (P503-08, P700-03), the {@code .metadata} file exists,
 * matches its hash and equals the wheel's METADATA (P658-02, P658-03), the metadata is complete and agrees with
 * the file name and the index (META-01, WHL-06, META-03), {@code .tar.gz} sdists have the sdist format and a
 * matching {@code PKG-INFO} (SD-04, SD-02), provenance documents have the PEP 740 shape and name the file
 * (P740-03), signatures exist (P503-12), VCS refs exist (PIP-07, with {@code git ls-remote}).
 */
public final class DeepChecks {
    private static final System.Logger LOG = System.getLogger(DeepChecks.class.getName());
    private static final List<String> METADATA_VERSIONS =
            List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6");

    private final Sink sink;
    private final long maxFileBytes;
    private final Duration gitTimeout;
    private final boolean vcs;

    /**
     * Creates the checks.
     *
     * @param sink where findings go
     * @param maxFileBytes the largest file downloaded
     * @param gitTimeout the time-out of one {@code git ls-remote}
     * @param vcs whether to check VCS refs
     */
    public DeepChecks(Sink sink, long maxFileBytes, Duration gitTimeout, boolean vcs) {
        this.sink = sink;
        this.maxFileBytes = maxFileBytes;
        this.gitTimeout = gitTimeout;
        this.vcs = vcs;
    }

    /**
     * Checks one link.
     *
     * @param link the link
     * @param site the site (for HTTP access)
     * @throws IOException on local I/O failure
     */
    public void check(ReadLink link, Site site) throws IOException {
        Distribution d = link.distribution();
        Location loc = link.location();
        URI target = link.resolved();
        if (d.kind() == Distribution.Kind.VCS) {
            if (vcs) {
                vcsRef(link.href(), loc);
            }
            return;
        }
        if (target == null) {
            return;
        }
        URI file = site.mapLocal(withoutFragment(target));
        Path tmp = Files.createTempFile("gitpypi-deep", ".bin");
        try {
            Optional<Long> size = download(site, file, tmp, loc, "the file");
            if (size.isEmpty()) {
                return;
            }
            d.size().ifPresent(expected -> {
                if (expected != size.get()) {
                    sink.report(Rule.P700_03, loc, "size " + expected + " differs from the file's " + size.get()
                            + " bytes");
                }
            });
            for (Map.Entry<String, String> h : d.hashes().entrySet()) {
                Optional<String> actual = digest(tmp, h.getKey());
                if (actual.isPresent() && !actual.get().equalsIgnoreCase(h.getValue())) {
                    sink.report(Rule.P503_08, Severity.ERROR, loc, h.getKey() + " " + Texts.quote(
                            h.getValue()) + " does not match the file (" + actual.get() + "); pip fails (PIP-10)");
                }
            }
            byte[] wheelMetadata = d.kind() == Distribution.Kind.WHEEL ? wheelMetadata(tmp, d, loc) : null;
            if (d.kind() == Distribution.Kind.SDIST && Urls.lastSegment(d.url()).endsWith(".tar.gz")) {
                sdist(tmp, Urls.lastSegment(d.url()), loc);
            }
            if (d.coreMetadata().isPresent()) {
                metadata(site, file, d, loc, wheelMetadata);
            }
            if (d.provenance().isPresent()) {
                provenance(site, target, d.provenance().get(), Urls.lastSegment(d.url()), tmp, loc);
            }
            if (Boolean.TRUE.equals(d.gpgSig().orElse(null))) {
                Path sig = Files.createTempFile("gitpypi-deep", ".asc");
                try {
                    if (download(site, URI.create(file + ".asc"), sig, loc, "the signature").isEmpty()) {
                        sink.report(Rule.P503_12, loc, "data-gpg-sig is true but " + Texts.quote(
                                Urls.lastSegment(file.toString()) + ".asc") + " does not exist");
                    }
                } finally {
                    Files.deleteIfExists(sig);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static URI withoutFragment(URI u) {
        String s = u.toString();
        int hash = s.indexOf('#');
        return hash >= 0 ? URI.create(s.substring(0, hash)) : u;
    }

    private Optional<Long> download(Site site, URI uri, Path to, Location loc, String what) throws IOException {
        if ("file".equals(uri.getScheme())) {
            Path p = Path.of(uri);
            if (!Files.isRegularFile(p)) {
                if (what.equals("the file")) {
                    sink.report(Rule.P503_07, loc, "the link does not lead to a file: " + Texts.quote(
                            Urls.lastSegment(uri.toString())) + " does not exist");
                }
                return Optional.empty();
            }
            if (Files.size(p) > maxFileBytes) {
                LOG.log(System.Logger.Level.INFO, "skipping {0}: larger than {1} bytes", p, maxFileBytes);
                return Optional.empty();
            }
            Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(Files.size(to));
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return Optional.empty();
        }
        HttpAccess http = site.http().orElseGet(() -> new HttpAccess(site.limits()));
        try (Fetched f = http.get(uri, HttpAccess.ACCEPT_ANY, maxFileBytes)) {
            if (f.status() != 200) {
                if (what.equals("the file")) {
                    sink.report(Rule.P503_07, loc, "the link does not lead to a file: " + Urls.safe(uri) + " answers "
                            + f.status());
                }
                return Optional.empty();
            }
            try (InputStream in = f.body()) {
                Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(Files.size(to));
        } catch (PageReadException e) {
            LOG.log(System.Logger.Level.INFO, "cannot download {0}: {1}", Urls.safe(uri), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> digest(Path file, String name) throws IOException {
        String alg = switch (name.toLowerCase(Locale.ROOT)) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "sha3_256" -> "SHA3-256";
            case "sha3_512" -> "SHA3-512";
            default -> null;
        };
        if (alg == null) {
            return Optional.empty();
        }
        try {
            MessageDigest md = MessageDigest.getInstance(alg);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return Optional.of(HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private byte @Nullable [] wheelMetadata(Path wheel, Distribution d, Location loc) {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry found = null;
            for (var it = zip.entries(); it.hasMoreElements();) {
                ZipEntry e = it.nextElement();
                String n = e.getName();
                if (n.endsWith(".dist-info/METADATA") && n.indexOf('/') == n.length() - "/METADATA".length()) {
                    found = e;
                    break;
                }
            }
            if (found == null) {
                sink.report(Rule.WHL_06, loc, "the wheel has no *.dist-info/METADATA");
                return null;
            }
            if (found.getSize() > 16L * 1024 * 1024) {
                return null;
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(found)) {
                bytes = in.readNBytes(16 * 1024 * 1024);
            }
            Map<String, String> headers = headers(bytes);
            metadataFields(headers, loc);
            Optional<FileNames.Wheel> w = FileNames.wheel(Urls.lastSegment(d.url()));
            String name = headers.get("name");
            String version = headers.get("version");
            if (w.isPresent() && name != null && !ProjectName.normalize(name).equals(ProjectName.normalize(
                    w.get().name()))) {
                sink.report(Rule.WHL_06, loc, "METADATA Name " + Texts.quote(name)
                        + " does not match the file name");
            }
            if (w.isPresent() && version != null && !Version.tryParse(version).equals(
                    Version.tryParse(w.get().version()))) {
                sink.report(Rule.WHL_06, loc, "METADATA Version " + Texts.quote(version)
                        + " does not match the file name");
            }
            String rp = headers.get("requires-python");
            if (d.requiresPython().isPresent() && !d.requiresPython().get().strip().equals(rp == null ? ""
                    : rp.strip())) {
                sink.report(Rule.META_03, loc, "the index says requires-python " + Texts.quote(
                        d.requiresPython().get()) + ", the metadata " + Texts.quote(String.valueOf(rp)));
            }
            return bytes;
        } catch (IOException e) {
            sink.report(Rule.WHL_06, loc, "the wheel is not a readable zip file");
            return null;
        }
    }

    /**
     * SD-02 and SD-04: the {@code .tar.gz} sdist is a POSIX tar with one top-level directory {@code {name}-{version}}
     * holding {@code PKG-INFO} (Metadata-Version 2.2 or later, its License-File files present from 2.4) and
     * {@code pyproject.toml}; nothing escapes that directory; the {@code PKG-INFO} names the same project and
     * version as the file name. Read once, never extracted (see {@link SdistArchive}).
     */
    private void sdist(Path file, String filename, Location loc) {
        String stem = filename.substring(0, filename.length() - ".tar.gz".length());
        int dash = stem.lastIndexOf('-');
        if (dash <= 0) {
            return;
        }
        long bound = maxFileBytes > Long.MAX_VALUE / 16 ? Long.MAX_VALUE : maxFileBytes * 16;
        SdistArchive tar = SdistArchive.read(file, stem, bound);
        if (tar.bounded) {
            LOG.log(System.Logger.Level.INFO, "not judging {0}: more than {1} bytes uncompressed", filename,
                    String.valueOf(bound));
            return;
        }
        for (String problem : tar.problems) {
            sink.report(Rule.SD_04, loc, problem);
        }
        if (!tar.readable || !tar.problems.isEmpty()) {
            return;
        }
        byte[] pkgInfo = tar.pkgInfo;
        if (pkgInfo == null) {
            sink.report(Rule.SD_02, loc, "the sdist has no top-level PKG-INFO");
            return;
        }
        if (!tar.files.contains(stem + "/pyproject.toml")) {
            sink.report(Rule.SD_04, loc, "the sdist has no " + Texts.quote(stem + "/pyproject.toml"));
        }
        Map<String, String> headers = headers(pkgInfo);
        String name = headers.get("name");
        String version = headers.get("version");
        if (name == null || !ProjectName.normalize(name).equals(ProjectName.normalize(stem.substring(0, dash)))) {
            sink.report(Rule.SD_02, loc, "PKG-INFO Name " + Texts.quote(String.valueOf(name))
                    + " does not match the file name");
        } else if (version == null || !Version.tryParse(version).equals(Version.tryParse(stem.substring(dash + 1)))) {
            sink.report(Rule.SD_02, loc, "PKG-INFO Version " + Texts.quote(String.valueOf(version))
                    + " does not match the file name");
        }
        String mv = headers.getOrDefault("metadata-version", "").strip();
        int mvIndex = METADATA_VERSIONS.indexOf(mv);
        if (mvIndex < METADATA_VERSIONS.indexOf("2.2")) {
            sink.report(Rule.SD_04, loc, "PKG-INFO Metadata-Version " + Texts.quote(mv)
                    + " is older than 2.2");
        } else if (mvIndex >= METADATA_VERSIONS.indexOf("2.4")) {
            for (String license : headerValues(pkgInfo, "license-file")) {
                if (!tar.files.contains(stem + "/" + license)) {
                    sink.report(Rule.SD_04, loc, "License-File " + Texts.quote(license)
                            + " is not in the sdist");
                    break;
                }
            }
        }
    }

    private static List<String> headerValues(byte[] bytes, String key) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(key)) {
                out.add(line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    private void metadataFields(Map<String, String> headers, Location loc) {
        String mv = headers.get("metadata-version");
        if (mv == null || headers.get("name") == null || headers.get("version") == null) {
            sink.report(Rule.META_01, loc, "the metadata lacks Metadata-Version, Name or Version");
        } else if (!METADATA_VERSIONS.contains(mv.strip())) {
            sink.report(Rule.META_01, loc, "Metadata-Version " + Texts.quote(mv) + " is not known");
        } else if (!ProjectName.isValid(headers.get("name"))) {
            sink.report(Rule.META_02, loc, "metadata Name " + Texts.quote(headers.get("name"))
                    + " is not a valid project name");
        } else if (Version.tryParse(headers.get("version")).isEmpty()) {
            sink.report(Rule.META_02, loc, "metadata Version " + Texts.quote(headers.get("version"))
                    + " is not a PEP 440 version");
        }
    }

    private static Map<String, String> headers(byte[] bytes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                out.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    private void metadata(Site site, URI file, Distribution d, Location loc, byte @Nullable [] wheelMetadata)
            throws IOException {
        Path tmp = Files.createTempFile("gitpypi-deep", ".metadata");
        try {
            URI metaUri = URI.create(file + ".metadata");
            if (download(site, metaUri, tmp, loc, "metadata").isEmpty()) {
                sink.report(Rule.P658_02, loc, "the link says a metadata file exists but "
                        + Texts.quote(Urls.lastSegment(file.toString()) + ".metadata") + " is missing");
                return;
            }
            for (Map.Entry<String, String> h : d.coreMetadata().orElse(Map.of()).entrySet()) {
                Optional<String> actual = digest(tmp, h.getKey());
                if (actual.isPresent() && !actual.get().equalsIgnoreCase(h.getValue())) {
                    sink.report(Rule.P658_02, loc, "the metadata file's " + h.getKey() + " is " + actual.get()
                            + ", the link says " + Texts.quote(h.getValue()));
                }
            }
            byte[] served = Files.readAllBytes(tmp);
            metadataFields(headers(served), loc);
            if (wheelMetadata != null && !java.util.Arrays.equals(served, wheelMetadata)) {
                sink.report(Rule.P658_03, loc, "the .metadata file differs from the wheel's METADATA");
            }
        } catch (NoSuchFileException e) {
            sink.report(Rule.P658_02, loc, "the metadata file is missing");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * P740-03: the provenance document is served and has the PEP 740 shape, and every in-toto statement names this
     * file with its SHA-256 digest. Signatures are not verified. Only https URLs are fetched (http only on the
     * loopback interface, for tests; file URLs inside a local site).
     */
    private void provenance(Site site, URI fileUri, String provenance, String filename, Path file, Location loc)
            throws IOException {
        URI uri;
        try {
            uri = fileUri.resolve(provenance.strip());
        } catch (IllegalArgumentException e) {
            return;
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())
                || "[::1]".equals(uri.getHost());
        if (!scheme.equals("https") && !scheme.equals("file") && !(scheme.equals("http") && loopback)) {
            return;
        }
        Path tmp = Files.createTempFile("gitpypi-deep", ".provenance");
        try {
            Optional<Long> size = download(site, site.mapLocal(uri), tmp, loc, "the provenance");
            if (size.isEmpty()) {
                sink.report(Rule.P740_03, loc, "the provenance " + Texts.quote(Urls.safe(uri))
                        + " is not served");
                return;
            }
            if (size.get() > site.limits().maxPageBytes()) {
                LOG.log(System.Logger.Level.INFO, "skipping provenance {0}: larger than {1} bytes", Urls.safe(uri),
                        site.limits().maxPageBytes());
                return;
            }
            String sha256 = digest(file, "sha256").orElse("");
            String problem;
            try (InputStream in = Files.newInputStream(tmp)) {
                problem = Provenance.problem(JsonPages.readTree(in, Urls.safe(uri)), filename, sha256);
            } catch (PageReadException e) {
                problem = "the provenance is not JSON";
            }
            if (problem != null) {
                sink.report(Rule.P740_03, loc, problem);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void vcsRef(String href, Location loc) {
        String url = href.substring(href.indexOf('+') + 1);
        int hash = url.indexOf('#');
        if (hash >= 0) {
            url = url.substring(0, hash);
        }
        int at = url.lastIndexOf('@');
        int pathStart = url.indexOf("://") >= 0 ? url.indexOf('/', url.indexOf("://") + 3) : 0;
        if (at <= pathStart) {
            return;
        }
        String repo = url.substring(0, at);
        String ref = url.substring(at + 1);
        if (ref.matches("[0-9a-f]{40}")) {
            return;
        }
        Path out = null;
        try {
            out = Files.createTempFile("gitpypi-ls-remote", ".txt");
            ProcessBuilder pb = new ProcessBuilder("git", "ls-remote", "--", repo, ref, "refs/tags/" + ref + "^{}")
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(gitTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                LOG.log(System.Logger.Level.INFO, "git ls-remote timed out for {0}", Urls.safe(repo));
                return;
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                sink.report(Rule.PIP_07, loc, "git ls-remote cannot read " + Texts.quote(Urls.safe(repo)));
            } else if (text.isBlank()) {
                sink.report(Rule.PIP_07, loc, "ref " + Texts.quote(ref) + " does not exist in "
                        + Texts.quote(Urls.safe(repo)));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot run git: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "cannot delete {0}", out);
                }
            }
        }
    }
}
