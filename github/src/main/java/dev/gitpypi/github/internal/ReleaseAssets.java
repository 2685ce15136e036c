package dev.gitpypi.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.DistributionFilename;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.Archives;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code release} link style: wheels and sdists attached to a repository's published releases become file
 * links. The releases come from REST ({@code /repos/O/R/releases}, 100 to a page, conditional: free when nothing
 * changed), because only REST states an asset's {@code digest}; GitHub's GraphQL {@code ReleaseAsset} has none.
 *
 * <p>Per asset: the hash is the digest ({@code sha256:HEX}); an asset uploaded before GitHub computed digests has
 * {@code digest: null} and is downloaded once and hashed, keyed by asset id and {@code updated_at} in the cache
 * folder, so a rebuild never downloads it again. A public repository's assets are linked at their
 * {@code browser_download_url}. A private repository's assets cannot be: GitHub serves them only to requests with a
 * token header, which pip cannot send; they are refused with that explanation, or, with asset mirroring, downloaded
 * and hosted by the site, which must then be declared private. Drafts and assets still uploading are skipped.
 */
final class ReleaseAssets {
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");
    private static final long MAX_ASSET_BYTES = 4L << 30;

    private final Settings s;
    private final GitHubClient client;
    private final Path dir;

    ReleaseAssets(Settings s, GitHubClient client) {
        this.s = s;
        this.client = client;
        this.dir = s.cacheDir().resolve("github").resolve("assets-v1");
    }

    /** One distribution and its project. */
    record Found(ProjectName name, Distribution distribution) {
    }

    List<Found> read(Repo repo, List<Problem> problems, String description) throws IOException {
        boolean[] unchanged = {true};
        Optional<List<JsonNode>> releases = client.getAll("/repos/" + repo.fullName() + "/releases?per_page=100",
                unchanged);
        if (releases.isEmpty()) {
            problems.add(Problem.warning(description, "repository " + Texts.quote(repo.fullName())
                    + " was listed but github no longer finds it; skipped"));
            return List.of();
        }
        String where = "github:" + repo.fullName();
        List<Found> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean refused = false;
        for (JsonNode rel : releases.get()) {
            if (rel.path("draft").asBoolean(false)) {
                continue;
            }
            String tag = rel.path("tag_name").asText("");
            String loc = where + " release " + Texts.quote(tag);
            Optional<Version> tagVersion = s.tagPattern().version(tag).flatMap(Version::tryParse);
            boolean prerelease = rel.path("prerelease").asBoolean(false);
            Set<Version> noted = new HashSet<>();
            for (JsonNode asset : rel.path("assets")) {
                String file = asset.path("name").asText("");
                if (!asset.path("state").asText("uploaded").equals("uploaded")
                        || !(file.endsWith(".whl") || file.endsWith(".tar.gz"))) {
                    continue;
                }
                Optional<DistributionFilename> parsed = DistributionFilename.tryParseAny(file);
                Optional<ProjectName> name = parsed.flatMap(DistributionFilename::name);
                if (parsed.isEmpty() || name.isEmpty()) {
                    problems.add(Problem.warning(loc, "asset " + Texts.quote(file) + " is not a valid wheel or sdist"
                            + " file name (WHL-01, SD-01); skipped"));
                    continue;
                }
                if (!HostedFiles.isSafeFileName(file)) {
                    problems.add(Problem.warning(loc, "asset " + Texts.quote(file) + " has characters a file name"
                            + " in an index may not have; skipped"));
                    continue;
                }
                if (repo.isPrivate() && (!s.mirrorAssets() || !s.privateSite())) {
                    if (!refused) {
                        refused = true;
                        problems.add(Problem.error(where, s.mirrorAssets() ? "refusing to copy release assets of"
                                + " private repository " + repo.fullName() + " into the site: they hold its code,"
                                + " and the site is not declared private (declare it with --private-site /"
                                + " privateSite(true) if only your team can read it)"
                                : "release assets of private repository " + repo.fullName() + " are not linked:"
                                + " github serves them only to requests with a token header, which pip cannot send;"
                                + " mirror them into a private site (--mirror-assets --private-site), or use the vcs"
                                + " link style"));
                    }
                    continue;
                }
                if (!names.add(file)) {
                    problems.add(Problem.warning(loc, "asset " + Texts.quote(file) + " is attached to an earlier"
                            + " release too; using the newest"));
                    continue;
                }
                Version version = parsed.get().version();
                if (tagVersion.isPresent() && !tagVersion.get().equals(version)) {
                    problems.add(Problem.warning(loc, "asset " + Texts.quote(file) + " is version " + version
                            + " but the release tag says " + tagVersion.get() + "; listed as " + version
                            + " (installers read the file name)"));
                }
                if (prerelease && !version.isPrerelease() && noted.add(version)) {
                    problems.add(Problem.warning(loc, TagVersions.prereleaseNote(version)));
                }
                try {
                    Distribution d = distribution(repo, asset, file, loc, problems);
                    if (d != null) {
                        out.add(new Found(name.get(), d));
                    }
                } catch (IOException e) {
                    problems.add(Problem.error(loc, "cannot download asset " + Texts.quote(file) + ": "
                            + e.getMessage() + "; skipped"));
                }
            }
        }
        return out;
    }

    private @Nullable Distribution distribution(Repo repo, JsonNode asset, String file, String loc,
            List<Problem> problems) throws IOException {
        long id = asset.path("id").asLong(-1);
        String updated = asset.path("updated_at").asText("");
        long size = asset.path("size").asLong(-1);
        Optional<String> digest = digest(asset.path("digest"));
        String browser = asset.path("browser_download_url").asText("");
        String apiUrl = asset.path("url").asText("");
        String key = Digests.sha256((s.apiUrl() + "\0" + id + "\0" + updated).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
        Distribution.Builder b;
        if (s.mirrorAssets()) {
            Path target = dir.resolve("files").resolve(key).resolve(file);
            String sha = Files.isRegularFile(target) ? Digests.sha256(target) : null;
            if (sha == null || (digest.isPresent() && !digest.get().equals(sha))) {
                URI from = URI.create(repo.isPrivate() || browser.isEmpty() ? apiUrl : browser);
                sha = client.download(from, target, MAX_ASSET_BYTES);
            }
            if (digest.isPresent() && !digest.get().equals(sha)) {
                Files.deleteIfExists(target);
                problems.add(Problem.error(loc, "asset " + Texts.quote(file) + " downloaded with sha256 " + sha
                        + " but github states " + digest.get() + "; skipped"));
                return null;
            }
            ProjectName name = DistributionFilename.tryParseAny(file).flatMap(DistributionFilename::name)
                    .orElseThrow();
            b = Distribution.builder(HostedFiles.url(name, file), file).hash("sha256", sha)
                    .size(Files.size(target)).localFile(target);
            try {
                hostedMetadata(target, file, b, loc, problems);
            } catch (IOException e) {
                problems.add(Problem.error(loc, "asset " + Texts.quote(file) + " is not a readable "
                        + (file.endsWith(".whl") ? "wheel (WHL-06)" : "sdist (SD-04)") + ": " + e.getMessage()
                        + "; skipped"));
                return null;
            }
        } else {
            if (browser.isEmpty()) {
                problems.add(Problem.warning(loc, "asset " + Texts.quote(file) + " has no download url; skipped"));
                return null;
            }
            String sha = digest.orElse(null);
            if (sha == null) {
                sha = cachedHash(key).orElse(null);
            }
            if (sha == null) {
                Path tmp = dir.resolve("tmp").resolve(key);
                try {
                    sha = client.download(URI.create(browser), tmp, MAX_ASSET_BYTES);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                Snapshots.write(dir.resolve("digests").resolve(key), sha.getBytes(StandardCharsets.US_ASCII));
            }
            b = Distribution.builder(browser, file).hash("sha256", sha);
            if (size >= 0) {
                b.size(size);
            }
        }
        return b.uploadTime(TagVersions.instant(asset.path("created_at").asText(null)))
                .origin(repo.htmlUrl() + " asset " + file).build();
    }

    private Optional<String> cachedHash(String key) {
        Path f = dir.resolve("digests").resolve(key);
        try {
            if (Files.isRegularFile(f)) {
                String v = Files.readString(f, StandardCharsets.US_ASCII).strip();
                if (v.matches("[0-9a-f]{64}")) {
                    return Optional.of(v);
                }
            }
        } catch (IOException e) {
            // read again
        }
        return Optional.empty();
    }

    private static Optional<String> digest(JsonNode n) {
        if (!n.isTextual()) {
            return Optional.empty();
        }
        var m = DIGEST.matcher(n.asText().strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** For a hosted wheel: its METADATA becomes the PEP 658 sidecar, and Requires-Python the page attribute. */
    private static void hostedMetadata(Path file, String name, Distribution.Builder b, String loc,
            List<Problem> problems) throws IOException {
        Optional<byte[]> metadata;
        if (name.endsWith(".whl")) {
            DistributionFilename f = DistributionFilename.tryParseAny(name).orElseThrow();
            metadata = Archives.wheelMetadata(file, f.distribution() + "-" + f.versionText());
            metadata.ifPresent(m -> b.coreMetadata(Map.of("sha256", Digests.sha256(m))));
        } else {
            metadata = Archives.sdistPkgInfo(file);
        }
        metadata.ifPresent(m -> b.metadata(CoreMetadata.parse(m)));
        Optional<String> rp = metadata.flatMap(m -> Archives.header(m, "Requires-Python"));
        if (rp.isPresent()) {
            try {
                VersionSpecifiers.parse(rp.get());
                b.requiresPython(rp.get());
            } catch (InvalidSpecifierException e) {
                problems.add(Problem.warning(loc, "Requires-Python " + Texts.quote(rp.get()) + " of " + name
                        + " is not a valid specifier set; left out (META-03)"));
            }
        }
    }
}
