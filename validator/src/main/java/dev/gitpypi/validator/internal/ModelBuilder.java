package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.validator.Location;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns raw pages into the core model, leniently: values are kept as written so that the rules can judge them;
 * what cannot be represented at all is left out.
 */
public final class ModelBuilder {
    /** Hash names recognised in a URL fragment (hashlib's guaranteed names plus blake2b, which uv reads). */
    public static final Set<String> FRAGMENT_HASHES = Set.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512",
            "blake2b", "blake2s", "sha3_224", "sha3_256", "sha3_384", "sha3_512");

    private ModelBuilder() {
    }

    /** A project page turned into links and a status. */
    public record Page(List<ReadLink> links, ProjectStatus status, List<String> versions, @Nullable String apiVersion,
            @Nullable String sourceUrl) {
    }

    /**
     * Splits an href into the URL the model keeps and a hash, when the fragment is exactly one
     * {@code name=value} with a known hash name (any case).
     *
     * @param href the href as written
     * @return the URL without a hash fragment, the hash name (as written) and value; or the href and nulls
     */
    public static String[] splitHash(String href) {
        int hash = href.indexOf('#');
        if (hash >= 0) {
            String fragment = href.substring(hash + 1);
            int eq = fragment.indexOf('=');
            if (eq > 0 && fragment.indexOf('=', eq + 1) < 0 && fragment.indexOf('&') < 0
                    && FRAGMENT_HASHES.contains(fragment.substring(0, eq).toLowerCase(Locale.ROOT))) {
                return new String[] {href.substring(0, hash), fragment.substring(0, eq), fragment.substring(eq + 1)};
            }
        }
        return new String[] {href, null, null};
    }

    /**
     * Reads an HTML project page.
     *
     * @param page the page
     * @param resource the display name
     * @param base the page URI
     * @return the links
     */
    public static Page html(HtmlPage page, String resource, URI base) {
        URI effectiveBase = page.baseHref == null ? base : Urls.resolve(base, page.baseHref).orElse(base);
        List<ReadLink> links = new ArrayList<>();
        for (HtmlPage.Anchor a : page.anchors) {
            String href = a.href();
            if (href == null || href.isBlank()) {
                continue;
            }
            String[] split = splitHash(href.strip());
            String url = split[0];
            if (page.baseHref != null) {
                url = Urls.resolve(effectiveBase, url).map(URI::toString).orElse(url);
            }
            String filename = a.text().isEmpty() ? Urls.lastSegment(url) : a.text();
            Distribution.Builder b = Distribution.builder(url, filename);
            if (split[1] != null) {
                b.hash(split[1], split[2]);
            }
            b.requiresPython(a.attributes().get("data-requires-python"));
            if (a.attributes().containsKey("data-yanked")) {
                String v = a.attributes().get("data-yanked");
                b.yanked(v == null ? "" : v);
            }
            String meta = a.attributes().containsKey("data-core-metadata") ? a.attributes().get("data-core-metadata")
                    : a.attributes().get("data-dist-info-metadata");
            if (meta != null) {
                b.coreMetadata(htmlCoreMetadata(meta));
            }
            String gpg = a.attributes().get("data-gpg-sig");
            if ("true".equals(gpg)) {
                b.gpgSig(true);
            } else if ("false".equals(gpg)) {
                b.gpgSig(false);
            }
            b.provenance(a.attributes().get("data-provenance"));
            String size = a.attributes().get("data-size");
            if (size != null && size.matches("[0-9]{1,18}")) {
                b.size(Long.parseLong(size));
            }
            String uploaded = a.attributes().get("data-upload-time");
            if (uploaded != null) {
                b.uploadTime(instant(uploaded));
            }
            b.origin(resource + ":" + a.line());
            links.add(new ReadLink(b.build(), Location.line(resource, a.line()), href,
                    Urls.resolve(effectiveBase, href.strip()).orElse(null), a, null));
        }
        ProjectStatus status = ProjectStatus.ACTIVE;
        Optional<HtmlPage.Meta> marker = page.meta("pypi:project-status");
        Optional<HtmlPage.Meta> reason = page.meta("pypi:project-status-reason");
        if (marker.isPresent() || reason.isPresent()) {
            ProjectStatus.Marker m = marker.map(HtmlPage.Meta::content).flatMap(ProjectStatus.Marker::fromValue)
                    .orElse(ProjectStatus.Marker.ACTIVE);
            status = new ProjectStatus(m, reason.map(HtmlPage.Meta::content).orElse(null));
        }
        return new Page(links, status, List.of(),
                page.meta("pypi:repository-version").map(HtmlPage.Meta::content).orElse(null),
                page.meta("gitpypi:source-url").map(HtmlPage.Meta::content).orElse(null));
    }

    /**
     * The meaning of an HTML core-metadata value, as pip reads it (PIP-11): {@code true} and any other string
     * mean "exists"; {@code name=hex} gives the hash; {@code false} is read as absent, as uv does.
     *
     * @param value the attribute value
     * @return the hashes (empty: unknown), or null for absent
     */
    static @Nullable Map<String, String> htmlCoreMetadata(String value) {
        if (value.equals("false")) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        int eq = value.indexOf('=');
        if (eq > 0) {
            out.put(value.substring(0, eq), value.substring(eq + 1));
        }
        return out;
    }

    private static @Nullable Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Reads a JSON project page.
     *
     * @param root the document
     * @param resource the display name
     * @param base the page URI
     * @return the links
     */
    public static Page json(JsonNode root, String resource, URI base) {
        List<ReadLink> links = new ArrayList<>();
        JsonNode files = root.path("files");
        if (files.isArray()) {
            for (int i = 0; i < files.size(); i++) {
                JsonNode f = files.get(i);
                if (!f.isObject()) {
                    continue;
                }
                JsonNode urlNode = f.path("url");
                if (!urlNode.isTextual()) {
                    continue;
                }
                String href = urlNode.asText();
                JsonNode fn = f.path("filename");
                String filename = fn.isTextual() ? fn.asText() : Urls.lastSegment(href);
                Distribution.Builder b = Distribution.builder(href, filename);
                JsonNode hashes = f.path("hashes");
                if (hashes.isObject()) {
                    for (Map.Entry<String, JsonNode> e : hashes.properties()) {
                        if (e.getValue().isTextual()) {
                            b.hash(e.getKey(), e.getValue().asText());
                        }
                    }
                }
                JsonNode rp = f.path("requires-python");
                if (rp.isTextual()) {
                    b.requiresPython(rp.asText());
                }
                JsonNode y = f.path("yanked");
                if (y.isTextual()) {
                    b.yanked(y.asText());
                } else if (y.isBoolean() && y.asBoolean()) {
                    b.yanked("");
                }
                JsonNode cm = f.has("core-metadata") ? f.get("core-metadata") : f.path("dist-info-metadata");
                if (cm.isObject()) {
                    Map<String, String> h = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> e : cm.properties()) {
                        if (e.getValue().isTextual()) {
                            h.put(e.getKey(), e.getValue().asText());
                        }
                    }
                    b.coreMetadata(h);
                } else if (cm.isBoolean() && cm.asBoolean()) {
                    b.coreMetadata(Map.of());
                }
                JsonNode gpg = f.path("gpg-sig");
                if (gpg.isBoolean()) {
                    b.gpgSig(gpg.asBoolean());
                }
                JsonNode size = f.path("size");
                if (size.isIntegralNumber() && size.canConvertToLong() && size.asLong() >= 0) {
                    b.size(size.asLong());
                }
                JsonNode up = f.path("upload-time");
                if (up.isTextual()) {
                    b.uploadTime(instant(up.asText()));
                }
                JsonNode prov = f.path("provenance");
                if (prov.isTextual()) {
                    b.provenance(prov.asText());
                }
                b.origin(resource + "#/files/" + i);
                links.add(new ReadLink(b.build(), Location.pointer(resource, "/files/" + i), href,
                        Urls.resolve(base, href).orElse(null), null, f));
            }
        }
        ProjectStatus status = ProjectStatus.ACTIVE;
        JsonNode ps = root.path("project-status");
        if (ps.isObject()) {
            JsonNode s = ps.path("status");
            JsonNode r = ps.path("reason");
            ProjectStatus.Marker m = s.isTextual() ? ProjectStatus.Marker.fromValue(s.asText())
                    .orElse(ProjectStatus.Marker.ACTIVE) : ProjectStatus.Marker.ACTIVE;
            status = new ProjectStatus(m, r.isTextual() ? r.asText() : null);
        }
        List<String> versions = new ArrayList<>();
        JsonNode vs = root.path("versions");
        if (vs.isArray()) {
            for (JsonNode v : vs) {
                if (v.isTextual()) {
                    versions.add(v.asText());
                }
            }
        }
        JsonNode av = root.path("meta").path("api-version");
        return new Page(links, status, versions, av.isTextual() ? av.asText() : null, null);
    }

    /**
     * Builds the model project.
     *
     * @param name the name
     * @param page the page
     * @return the project
     */
    public static Project project(ProjectName name, Page page, @Nullable String sourceUrl) {
        Project.Builder b = Project.builder(name).status(page.status()).sourceUrl(sourceUrl);
        page.versions().forEach(b::version);
        for (ReadLink l : page.links()) {
            b.add(l.distribution());
        }
        return b.build();
    }
}
