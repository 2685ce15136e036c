package dev.gitpypi.core.site;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.Archives;
import dev.gitpypi.core.internal.Digests;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.internal.LocalFiles;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosting step: the distributions of a project that have a {@linkplain Distribution#localFile() local file}
 * (and that its pages list) are copied into the site at {@code files/NAME/FILE}, and their links point at those
 * copies ({@link HostedFiles#url}); a missing sha256 or size is computed; when a wheel states a core-metadata file,
 * its {@code .dist-info/METADATA} is published beside it byte for byte (P658-02, P658-03) and its hash checked. Only
 * regular files are hosted: a local file that is a link, a FIFO or a device is refused, never read.
 * Hosting changes no name, status or file name, only links, hashes, sizes and metadata hashes.
 */
final class Hosting {
    private static final System.Logger LOG = System.getLogger(Hosting.class.getName());

    private Hosting() {
    }

    /**
     * Hosts a project's local files.
     *
     * @return the project as hosted, or the project itself when it hosts nothing
     * @throws UnsafeOutputException if a hosted file name is not safe as a path
     * @throws GitpypiException if a hosted wheel's metadata disagrees with the distribution (P658-02)
     */
    static Project host(Project p, SiteSink sink) throws IOException {
        List<Distribution> listed = Links.listed(p);
        List<Distribution> distributions = new ArrayList<>(p.distributions().size());
        boolean any = false;
        for (Distribution d : p.distributions()) {
            Optional<Path> local = d.localFile();
            if (local.isEmpty() || !listed.contains(d)) {
                distributions.add(d);
                continue;
            }
            String rel = SiteLayout.hostedFile(p.name(), d.filename());
            LocalFiles.Type type = LocalFiles.type(local.get());
            if (type != LocalFiles.Type.REGULAR) {
                throw new UnsafeOutputException("refusing to host " + Texts.quote(local.get().toString()) + " as "
                        + Texts.quote(d.filename()) + ": it is " + LocalFiles.describe(type) + ", and only regular"
                        + " files are hosted (links are never followed)");
            }
            if (!any) {
                sink.folder(SiteLayout.FILES); // the sink creates it once, for the first project that hosts files
                sink.folder(SiteLayout.filesFolder(p.name()));
                any = true;
            }
            sink.copy(rel, local.get());
            distributions.add(hosted(d, local.get(), HostedFiles.url(p.name(), d.filename()), rel, sink));
        }
        return any ? p.toBuilder().distributions(distributions).build() : p;
    }

    private static Distribution hosted(Distribution d, Path local, String url, String rel, SiteSink sink)
            throws IOException {
        Distribution.Builder h = d.toBuilder().url(url);
        if (d.sha256().isEmpty() || d.size().isEmpty()) {
            LocalFiles.Digest digest = LocalFiles.digest(local, Long.MAX_VALUE);
            if (d.sha256().isEmpty()) {
                h.hash("sha256", digest.sha256());
            }
            if (d.size().isEmpty()) {
                h.size(digest.size());
            }
        }
        Optional<Map<String, String>> metadata = d.coreMetadata();
        if (metadata.isPresent() && d.kind() == Distribution.Kind.WHEEL) {
            String[] parts = d.filename().split("-", 3);
            String stem = parts.length >= 2 ? parts[0] + "-" + parts[1] : d.filename();
            byte[] bytes = Archives.wheelMetadata(local, stem).orElseThrow(() -> new GitpypiException(
                    "wheel " + Texts.quote(d.filename()) + " has no .dist-info/METADATA to publish"
                            + " as its core-metadata file (P658-02)"));
            String sha = Digests.sha256(bytes);
            String stated = metadata.get().get("sha256");
            if (stated != null && !stated.equals(sha)) {
                throw new GitpypiException("core-metadata hash of " + Texts.quote(d.filename()) + " is "
                        + Texts.quote(stated) + " but its METADATA hashes to " + sha + " (P658-02)");
            }
            SiteBuild.checkTokens(SiteLayout.metadataFile(rel), bytes);
            sink.file(SiteLayout.metadataFile(rel), bytes);
            Map<String, String> hashes = new LinkedHashMap<>(metadata.get());
            hashes.put("sha256", sha);
            h.coreMetadata(hashes);
        } else if (metadata.isPresent()) {
            LOG.log(Level.WARNING, "left out core-metadata of {0}: only wheels get a .metadata file (REN-05)",
                    d.filename());
            h.coreMetadata(null);
        }
        return h.build();
    }
}
