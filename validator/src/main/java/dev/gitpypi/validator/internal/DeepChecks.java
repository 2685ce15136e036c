package dev.gitpypi.validator.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.PageReadException;
import dev.gitpypi.validator.Rule;
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
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Deep mode: the files themselves. Hashes and sizes match (P503-08, P700-03), the {@code .metadata} file exists,
 * matches its hash and equals the wheel's METADATA (P658-02, P658-03), the metadata is complete and agrees with
 * the file name and the index (META-01, WHL-06, META-03), {@code .tar.gz} sdists have the sdist format and a
 * matching {@code PKG-INFO} (SD-04, SD-02), provenance documents have the PEP 740 shape and name the file
 * (P740-03), signatures exist (P503-12), VCS refs exist (PIP-07, with {@code git ls-remote}, see {@link GitRefs}).
 *
 * <p>SECURITY: a page decides which URLs are fetched, so every fetch goes through the site's access policy
 * ({@link Site#refusal(URI)}): for a remote index only http(s) URLs (only https when the index is https), for a
 * local one only files inside its folder. What is not fetched, and every check that could not run (git missing, a
 * time-out, a file above the size limit), is reported as a note saying "not checked", never passed over in
 * silence.
 */
public final class DeepChecks {
    private static final System.Logger LOG = System.getLogger(DeepChecks.class.getName());
    private static final List<String> METADATA_VERSIONS =
            List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6");

    private final Sink sink;
    private final long maxFileBytes;
    private final Duration gitTimeout;
    private final boolean vcs;
    private final Set<String> gitCredentialHosts;
    private final HttpAccess http;
    private @Nullable GitRefs gitRefs;

    /**
     * Creates the checks.
     *
     * @param sink where findings go
     * @param maxFileBytes the largest file downloaded
     * @param gitTimeout the time-out of one {@code git ls-remote}
     * @param vcs whether to check VCS refs
     * @param gitCredentialHosts lower-case hosts whose VCS refs git may check with the caller's credentials
     * @param http the accessor for files a local index links to (remote indexes use their own)
     */
    public DeepChecks(Sink sink, long maxFileBytes, Duration gitTimeout, boolean vcs, Set<String> gitCredentialHosts,
            HttpAccess http) {
        this.sink = sink;
        this.maxFileBytes = maxFileBytes;
        this.gitTimeout = gitTimeout;
        this.vcs = vcs;
        this.gitCredentialHosts = Set.copyOf(gitCredentialHosts);
        this.http = http;
    }

    /**
     * Checks one link.
     *
     * @param link the link
     * @param site the site (for HTTP access and the local-file policy)
     * @throws IOException on local I/O failure
     */
    public void check(ReadLink link, Site site) throws IOException {
        Distribution d = link.distribution();
        Location loc = link.location();
        URI target = link.resolved();
        if (d.kind() == Distribution.Kind.VCS) {
            if (vcs) {
                vcsRef(link.href(), loc, site);
            }
            return;
        }
        if (target == null) {
            sink.report(Rule.P503_08, Severity.NOTE, loc, "not checked: the link " + Texts.quote(Redaction.url(
                    link.href())) + " is not a URL gitpypi can follow");
            return;
        }
        URI file = site.mapLocal(withoutFragment(target));
        Path tmp = Files.createTempFile("gitpypi-deep", ".bin");
        try {
            Fetch got = download(site, file, tmp);
            if (got instanceof Missing m) {
                sink.report(Rule.P503_07, loc, "the link does not lead to a file: " + m.why());
                return;
            }
            if (got instanceof Skipped s) {
                sink.report(Rule.P503_08, Severity.NOTE, loc, "the file was not checked: " + s.why());
                return;
            }
            long size = ((Got) got).size();
            d.size().ifPresent(expected -> {
                if (expected != size) {
                    sink.report(Rule.P700_03, loc, "size " + expected + " differs from the file's " + size
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
                    Fetch s = download(site, URI.create(file + ".asc"), sig);
                    if (s instanceof Missing) {
                        sink.report(Rule.P503_12, loc, "data-gpg-sig is true but " + Texts.quote(
                                Urls.lastSegment(file.toString()) + ".asc") + " does not exist");
                    } else if (s instanceof Skipped skipped) {
                        sink.report(Rule.P503_12, Severity.NOTE, loc, "the signature was not checked: "
                                + skipped.why());
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

    /** What a download gave: the bytes, a missing resource, or a resource that was not fetched (and why). */
    private sealed interface Fetch permits Got, Missing, Skipped {
    }

    private record Got(long size) implements Fetch {
    }

    private record Missing(String why) implements Fetch {
    }

    private record Skipped(String why) implements Fetch {
    }

    /**
     * Fetches a resource a link names, within the site's access policy ({@link Site#refusal(URI)}): a remote
     * index makes gitpypi fetch http(s) URLs only (https only when the index is https), a local one makes it read
     * files inside its folder only.
     */
    private Fetch download(Site site, URI uri, Path to) throws IOException {
        String shown = Texts.quote(Redaction.url(uri.toString()));
        Optional<String> refusal = site.refusal(uri);
        if (refusal.isPresent()) {
            return new Skipped(refusal.get());
        }
        if ("file".equals(uri.getScheme())) {
            Path p = Path.of(uri);
            if (!Files.isRegularFile(p)) {
                return new Missing(Texts.quote(Urls.lastSegment(uri.toString())) + " does not exist");
            }
            if (Files.size(p) > maxFileBytes) {
                return new Skipped(shown + " is larger than the limit of " + maxFileBytes + " bytes");
            }
            Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Got(Files.size(to));
        }
        try (Fetched f = site.http().orElse(http).get(uri, HttpAccess.ACCEPT_ANY, maxFileBytes)) {
            if (f.status() != 200) {
                return new Missing(Texts.quote(Urls.safe(f.uri())) + " answers HTTP " + f.status());
            }
            try (InputStream in = f.body()) {
                Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new Got(Files.size(to));
        } catch (PageReadException | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot download {0}", Urls.safe(uri));
            return new Skipped(String.valueOf(e.getMessage()));
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
                sink.report(Rule.WHL_06, Severity.NOTE, loc, "not checked: the wheel's METADATA is larger than 16 MiB");
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
            sink.report(Rule.SD_04, Severity.NOTE, loc, "not checked: the sdist holds more than " + bound
                    + " bytes uncompressed (16 times the file size limit)");
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
            Fetch got = download(site, metaUri, tmp);
            if (got instanceof Missing) {
                sink.report(Rule.P658_02, loc, "the link says a metadata file exists but "
                        + Texts.quote(Urls.lastSegment(file.toString()) + ".metadata") + " is missing");
                return;
            }
            if (got instanceof Skipped s) {
                sink.report(Rule.P658_02, Severity.NOTE, loc, "the metadata file was not checked: " + s.why());
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
     * file with its SHA-256 digest. Signatures are not verified. The document is fetched within the site's access
     * policy like every other resource: a remote index's {@code file:} provenance is never read, so nothing of a
     * local file can reach the report.
     */
    private void provenance(Site site, URI fileUri, String provenance, String filename, Path file, Location loc)
            throws IOException {
        Optional<URI> resolved = Urls.resolve(fileUri, provenance);
        if (resolved.isEmpty()) {
            sink.report(Rule.P740_03, Severity.NOTE, loc, "the provenance was not checked: "
                    + Texts.quote(Redaction.url(provenance)) + " is not a URL");
            return;
        }
        URI uri = site.mapLocal(withoutFragment(resolved.get()));
        Path tmp = Files.createTempFile("gitpypi-deep", ".provenance");
        try {
            Fetch got = download(site, uri, tmp);
            if (got instanceof Skipped s) {
                sink.report(Rule.P740_03, Severity.NOTE, loc, "the provenance was not checked: " + s.why());
                return;
            }
            if (got instanceof Missing) {
                sink.report(Rule.P740_03, loc, "the provenance " + Texts.quote(Urls.safe(uri))
                        + " is not served");
                return;
            }
            if (((Got) got).size() > site.limits().maxPageBytes()) {
                sink.report(Rule.P740_03, Severity.NOTE, loc, "the provenance was not checked: it is larger than"
                        + " the limit of " + site.limits().maxPageBytes() + " bytes");
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

    private void vcsRef(String href, Location loc, Site site) {
        if (gitRefs == null) {
            gitRefs = new GitRefs(gitTimeout, gitCredentialHosts, site.localRoot().orElse(null), "git");
        }
        Optional<GitRefs.Result> r = gitRefs.check(href);
        if (r.isEmpty()) {
            return;
        }
        switch (r.get().outcome()) {
            case FOUND -> {
            }
            case NOT_CHECKED -> sink.report(Rule.PIP_07, Severity.NOTE, loc, "not checked: " + r.get().detail());
            default -> sink.report(Rule.PIP_07, loc, r.get().detail());
        }
    }
}
