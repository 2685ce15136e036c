package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Severity;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules checkable from the text of pages (no network, no files). */
public final class PageRules {
    private static final Pattern API_VERSION = Pattern.compile("[0-9]+\\.[0-9]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern UPLOAD_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
    private static final Pattern PRE_RC =
            Pattern.compile("^v?(?:[0-9]+!)?([0-9]+(?:\\.[0-9]+)*)[-_.]?(rc|c|pre|preview)(?![a-z])");
    private static final Map<String, Integer> HASH_LENGTHS = Map.of("md5", 32, "sha1", 40, "sha224", 56, "sha256",
            64, "sha384", 96, "sha512", 128);
    /** The hash names uv accepts in a fragment (UV-04). */
    static final Set<String> UV_HASHES = Set.of("md5", "sha256", "sha384", "sha512", "blake2b");

    private final Sink sink;

    /**
     * Creates the rules.
     *
     * @param sink where findings go
     */
    public PageRules(Sink sink) {
        this.sink = sink;
    }

    private static String q(String s) {
        return Texts.quote(s);
    }

    // ---------------------------------------------------------------- versions

    /**
     * Parses a declared API version {@code Major.Minor}.
     *
     * @param text the text
     * @return {major, minor}, or empty when malformed
     */
    static Optional<int[]> apiVersion(@Nullable String text) {
        if (text == null || !API_VERSION.matcher(text).matches() || text.length() > 18) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        try {
            return Optional.of(new int[] {Integer.parseInt(text.substring(0, dot)),
                Integer.parseInt(text.substring(dot + 1))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Compares a declared version to {@code 1.minor}; absent or malformed counts as 1.0 (P629-02). */
    static boolean below(@Nullable String declared, int minor) {
        int[] v = apiVersion(declared).orElse(new int[] {1, 0});
        return v[0] < 1 || (v[0] == 1 && v[1] < minor);
    }

    private void htmlApiVersion(HtmlPage page, String resource) {
        Optional<HtmlPage.Meta> meta = page.meta("pypi:repository-version");
        if (meta.isEmpty()) {
            sink.report(Rule.P629_01, Location.of(resource),
                    "the page has no <meta name=\"pypi:repository-version\">; clients assume 1.0");
            return;
        }
        String content = meta.get().content();
        Optional<int[]> v = apiVersion(content);
        Location loc = Location.line(resource, meta.get().line());
        if (v.isEmpty()) {
            sink.report(Rule.P629_01, loc, "repository-version " + q(String.valueOf(content))
                    + " is not Major.Minor");
        } else if (v.get()[0] > 1 || (v.get()[0] == 1 && v.get()[1] > 4)) {
            sink.report(Rule.P629_06, loc, "repository-version " + q(content)
                    + " is above 1.4, the last version of the frozen HTML form (PEP 833)");
        }
    }

    private void htmlDocument(HtmlPage page, String resource) {
        if (!page.doctype()) {
            sink.report(Rule.P503_14, Location.of(resource), "the page has no <!DOCTYPE html>");
        }
        for (HtmlPage.Meta m : page.metas()) {
            if (m.name().startsWith("pypi:") && !m.inHead()) {
                sink.report(Rule.P503_14, Location.line(resource, m.line()), "<meta name=" + q(m.name())
                        + "> is outside <head>");
            }
        }
    }

    // ---------------------------------------------------------------- root

    /**
     * Checks the root page as a whole (not its entries).
     *
     * @param root the root
     */
    public void root(RawRoot root) {
        String res = root.info().resource();
        HtmlPage html = root.html();
        if (html != null) {
            htmlDocument(html, res);
            htmlApiVersion(html, res);
        } else {
            for (RawRoot.Issue i : root.issues()) {
                sink.report(Rule.byId(i.ruleId()).orElseThrow(), i.location(), i.message());
            }
            if (root.jsonApiVersion() != null && apiVersion(root.jsonApiVersion()).isEmpty()) {
                sink.report(Rule.P629_01, Location.pointer(res, "/meta/api-version"), "api-version "
                        + q(root.jsonApiVersion()) + " is not Major.Minor");
            }
        }
    }

    /** State for checking root entries one by one while they stream. */
    public final class RootEntries {
        private final NameSet seen = new NameSet();

        /**
         * Checks one entry.
         *
         * @param e the entry
         * @param json whether the root is JSON
         */
        public void accept(RawRoot.Entry e, boolean json) {
            String text = e.text();
            Location loc = e.location();
            if (!ProjectName.isValid(text)) {
                sink.report(Rule.NAME_01, loc, "project name " + q(text) + " is not a valid name");
            }
            String normalized = ProjectName.normalize(text);
            NameSet.Seen previous = seen.add(normalized, text);
            if (previous == NameSet.Seen.SAME) {
                sink.report(Rule.P503_01, loc, "project " + q(text) + " is listed more than once");
            } else if (previous == NameSet.Seen.OTHER_SPELLING) {
                sink.report(Rule.NAME_03, loc, "project " + q(text) + " is another spelling of a project listed"
                        + " before (normalized name " + q(normalized) + ")");
            }
            if (json) {
                return;
            }
            String href = e.href();
            if (href == null || href.isBlank()) {
                sink.report(Rule.P503_02, loc, "the anchor for " + q(text) + " has no href");
                return;
            }
            String path = href.strip();
            int cut = path.indexOf('#');
            if (cut >= 0) {
                path = path.substring(0, cut);
            }
            cut = path.indexOf('?');
            if (cut >= 0) {
                path = path.substring(0, cut);
            }
            if (!path.endsWith("/")) {
                sink.report(Rule.P503_04, loc, "href " + q(href) + " of project " + q(text)
                        + " does not end with /");
            }
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String segment = Urls.percentDecode(trimmed.substring(trimmed.lastIndexOf('/') + 1));
            if (!ProjectName.normalize(segment).equals(normalized)) {
                sink.report(Rule.P503_02, loc, "href " + q(href) + " does not point to the page of " + q(text)
                        + " (" + q(normalized + "/") + ")");
            } else if (!segment.equals(normalized) && ProjectName.isValid(text)) {
                sink.report(Rule.P503_03, loc, "href " + q(href) + " points to a non-normalized URL; the page of "
                        + q(text) + " is " + q(normalized + "/"));
            }
        }
    }

    /** @return a checker for streamed root entries */
    public RootEntries rootEntries() {
        return new RootEntries();
    }

    // ---------------------------------------------------------------- project pages

    /**
     * Checks an HTML project page.
     *
     * @param page the raw page
     * @param project the normalized project name
     * @param parsed the links read from it
     */
    public void htmlProject(RawProject page, String project, ModelBuilder.Page parsed) {
        HtmlPage html = java.util.Objects.requireNonNull(page.html());
        String res = page.info().resource();
        htmlDocument(html, res);
        htmlApiVersion(html, res);
        String declared = page.apiVersion();
        Optional<HtmlPage.Meta> status = html.meta("pypi:project-status");
        Optional<HtmlPage.Meta> reason = html.meta("pypi:project-status-reason");
        if (status.isPresent()) {
            String value = String.valueOf(status.get().content());
            if (ProjectStatus.Marker.fromValue(value).isEmpty()) {
                sink.report(Rule.P792_01, Location.line(res, status.get().line()), "project status " + q(value)
                        + " is not one of active, archived, quarantined, deprecated");
            }
        }
        if ((status.isPresent() || reason.isPresent()) && below(declared, 4)) {
            sink.report(Rule.P629_04, Location.line(res, status.or(() -> reason).get().line()),
                    "project status markers need repository-version 1.4, the page declares "
                            + q(String.valueOf(declared)));
        }
        int gpg = 0;
        Map<String, Integer> files = new HashMap<>();
        boolean provenanceVersionReported = false;
        for (ReadLink link : parsed.links()) {
            HtmlPage.Anchor a = java.util.Objects.requireNonNull(link.anchor());
            Location loc = link.location();
            Distribution d = link.distribution();
            if (a.attributes().containsKey("data-gpg-sig")) {
                gpg++;
            }
            Integer first = files.putIfAbsent(d.filename(), a.line());
            if (first != null) {
                sink.report(Rule.P503_06, loc, "file " + q(d.filename()) + " is listed again (first on line "
                        + first + ")");
            }
            if (d.kind() == Distribution.Kind.VCS) {
                vcsLink(link.href(), loc);
            } else {
                String segment = Urls.lastSegment(link.href().strip());
                if (!a.text().equals(segment)) {
                    sink.report(Rule.P503_07, loc, "anchor text " + q(a.text())
                            + " is not the last path segment of the URL " + q(segment));
                }
                fragment(link.href(), loc);
            }
            requiresPython(a, loc);
            if (a.bare("data-yanked")) {
                sink.report(Rule.P592_01, loc, "data-yanked has no value: pip reads the file as not yanked,"
                        + " uv as yanked (PIP-09, UV-08)");
            }
            coreMetadata(a, loc);
            if (a.attributes().containsKey("data-gpg-sig")) {
                String v = a.attributes().get("data-gpg-sig");
                if (!"true".equals(v) && !"false".equals(v)) {
                    sink.report(Rule.P503_12, loc, "data-gpg-sig is " + q(String.valueOf(v))
                            + ", expected true or false");
                }
            }
            if (a.attributes().containsKey("data-provenance")) {
                String v = String.valueOf(a.attributes().get("data-provenance"));
                if (!httpsAbsolute(v)) {
                    sink.report(Rule.P740_01, loc, "data-provenance " + q(v) + " is not an absolute https URL");
                }
                if (below(declared, 3) && !provenanceVersionReported) {
                    provenanceVersionReported = true;
                    sink.report(Rule.P629_04, loc, "data-provenance needs repository-version 1.3, the page declares "
                            + q(String.valueOf(declared)));
                }
            }
        }
        if (gpg > 0 && gpg < parsed.links().size()) {
            sink.report(Rule.P503_12, Severity.WARNING, Location.of(res), "data-gpg-sig is on " + gpg + " of "
                    + parsed.links().size() + " links; it should be on every link or none");
        }
        quarantine(parsed, res);
    }

    private void quarantine(ModelBuilder.Page parsed, String res) {
        if (parsed.status().marker() == ProjectStatus.Marker.QUARANTINED && !parsed.links().isEmpty()) {
            sink.report(Rule.P792_03, Location.of(res), "the project is quarantined but the page lists "
                    + parsed.links().size() + " files");
        }
    }

    private static boolean httpsAbsolute(String v) {
        return Urls.parse(v).map(u -> "https".equals(u.getScheme()) && u.getHost() != null).orElse(false);
    }

    private void vcsLink(String href, Location loc) {
        sink.report(Rule.UV_05, loc, "VCS link " + q(Urls.safe(href)) + " is used by pip only; uv skips it");
        int hash = href.indexOf('#');
        if (hash >= 0) {
            for (String part : href.substring(hash + 1).split("&")) {
                if (part.startsWith("egg=") && !PageRulesSupport.validEgg(part.substring(4))) {
                    sink.report(Rule.PIP_06, loc, "egg fragment " + q(part)
                            + " is not a valid project name; pip 26 fails on the whole page");
                }
            }
        }
    }

    private void fragment(String href, Location loc) {
        int hash = href.indexOf('#');
        if (hash < 0) {
            sink.report(Rule.P503_08, loc, "the URL has no hash fragment (#sha256=...)");
            return;
        }
        String fragment = href.substring(hash + 1);
        for (String part : fragment.split("&")) {
            if (part.startsWith("egg=") && !PageRulesSupport.validEgg(part.substring(4))) {
                sink.report(Rule.PIP_06, loc, "egg fragment " + q(part)
                        + " is not a valid project name; pip 26 fails on the whole page");
            }
        }
        int eq = fragment.indexOf('=');
        if (eq <= 0 || fragment.indexOf('&') >= 0 || fragment.indexOf('=', eq + 1) >= 0) {
            sink.report(Rule.P503_08, loc, "fragment " + q("#" + fragment) + " is not #<hashname>=<hexdigest>");
            return;
        }
        String name = fragment.substring(0, eq);
        String value = fragment.substring(eq + 1);
        if (name.equals("egg")) {
            sink.report(Rule.P503_08, loc, "the URL has an egg fragment but no hash fragment");
            return;
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            sink.report(Rule.P503_08, loc, "hash name " + q(name) + " is not lower case");
            return;
        }
        Integer length = HASH_LENGTHS.get(name);
        if (length == null) {
            sink.report(Rule.P503_09, loc, "hash algorithm " + q(name)
                    + " is not one of md5, sha1, sha224, sha256, sha384, sha512");
        } else if (!HEX.matcher(value).matches() || value.length() != length) {
            sink.report(Rule.P503_08, loc, name + " digest " + q(value) + " is not " + length + " hex digits");
        } else if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            sink.report(Rule.P503_08, loc, name + " digest " + q(value) + " is not lower-case hex");
        }
        if (!UV_HASHES.contains(name) && (length != null || !ModelBuilder.FRAGMENT_HASHES.contains(name))) {
            sink.report(Rule.UV_04, loc, "uv fails on the whole page for hash algorithm " + q(name));
        }
    }

    private void requiresPython(HtmlPage.Anchor a, Location loc) {
        if (!a.attributes().containsKey("data-requires-python")) {
            return;
        }
        String v = a.attributes().get("data-requires-python");
        if (v == null) {
            sink.report(Rule.P503_13, loc, "data-requires-python has no value");
            return;
        }
        if (a.rawAngleInRequiresPython()) {
            sink.report(Rule.P503_13, loc, "data-requires-python " + q(v) + " has unescaped < or > (write &lt; &gt;)");
        }
        if (!validSpecifiers(v)) {
            sink.report(Rule.P503_13, loc, "data-requires-python " + q(v) + " is not a version-specifier set");
        }
    }

    /**
     * Whether a requires-python value parses.
     *
     * @param v the value
     * @return true if valid
     */
    public static boolean validSpecifiers(String v) {
        try {
            VersionSpecifiers.parse(v);
            return true;
        } catch (InvalidSpecifierException e) {
            return false;
        }
    }

    private void coreMetadata(HtmlPage.Anchor a, Location loc) {
        boolean hasNew = a.attributes().containsKey("data-core-metadata");
        boolean hasOld = a.attributes().containsKey("data-dist-info-metadata");
        if (hasOld && !hasNew) {
            sink.report(Rule.P714_01, loc, "data-dist-info-metadata without data-core-metadata");
        } else if (hasOld && !java.util.Objects.equals(a.attributes().get("data-dist-info-metadata"),
                a.attributes().get("data-core-metadata"))) {
            sink.report(Rule.P714_01, loc, "data-dist-info-metadata " + q(String.valueOf(a.attributes()
                    .get("data-dist-info-metadata"))) + " differs from data-core-metadata");
        }
        String name = hasNew ? "data-core-metadata" : "data-dist-info-metadata";
        if (!hasNew && !hasOld) {
            return;
        }
        if (a.bare(name)) {
            sink.report(Rule.P658_01, loc, name + " has no value; pip ignores it");
            return;
        }
        String v = String.valueOf(a.attributes().get(name));
        if (v.equals("true")) {
            return;
        }
        if (v.equals("false")) {
            sink.report(Rule.P658_01, Severity.ERROR, loc, name
                    + "=\"false\" is not a valid value: pip reads it as \"metadata exists\" (PIP-11)");
            return;
        }
        int eq = v.indexOf('=');
        String alg = eq > 0 ? v.substring(0, eq) : "";
        String hex = eq > 0 ? v.substring(eq + 1) : "";
        Integer length = HASH_LENGTHS.get(alg);
        if (length == null || !HEX.matcher(hex).matches() || hex.length() != length) {
            sink.report(Rule.P658_01, loc, name + " " + q(v) + " is neither true nor <hashname>=<hexdigest>");
        }
    }

    /**
     * Checks a JSON project page.
     *
     * @param page the raw page
     * @param project the normalized project name the URL gives
     * @param parsed the links read
     */
    public void jsonProject(RawProject page, String project, ModelBuilder.Page parsed) {
        JsonNode root = java.util.Objects.requireNonNull(page.json());
        String res = page.info().resource();
        if (!root.isObject()) {
            sink.report(Rule.P691_05, Location.pointer(res, ""), "the JSON document is not an object");
            return;
        }
        JsonNode meta = root.path("meta");
        String declared = null;
        if (!meta.isObject()) {
            sink.report(Rule.P691_05, Location.pointer(res, "/meta"), meta.isMissingNode() ? "the document has no meta"
                    : "meta is not an object");
        } else {
            JsonNode v = meta.path("api-version");
            if (!v.isTextual()) {
                sink.report(Rule.P691_05, Location.pointer(res, "/meta/api-version"), v.isMissingNode()
                        ? "meta has no api-version" : "meta.api-version is not a string");
            } else {
                declared = v.asText();
                if (apiVersion(declared).isEmpty()) {
                    sink.report(Rule.P629_01, Location.pointer(res, "/meta/api-version"), "api-version "
                            + q(declared) + " is not Major.Minor");
                }
            }
            if (meta.has("project-status") || meta.has("project-status-reason")) {
                sink.report(Rule.P792_02, Location.pointer(res, "/meta/project-status"),
                        "the status belongs in a top-level \"project-status\" object, not in meta");
            }
        }
        JsonNode name = root.path("name");
        if (!name.isTextual()) {
            sink.report(Rule.P691_07, Location.pointer(res, "/name"), "the project page has no string name");
        } else if (!ProjectName.isNormalized(name.asText())) {
            sink.report(Rule.P691_07, Location.pointer(res, "/name"), "name " + q(name.asText())
                    + " is not normalized");
        }
        JsonNode files = root.path("files");
        if (!files.isArray()) {
            sink.report(Rule.P691_07, Location.pointer(res, "/files"), files.isMissingNode()
                    ? "the project page has no files array" : "files is not an array");
        }
        boolean v11 = !below(declared, 1);
        JsonNode versions = root.path("versions");
        if (versions.isMissingNode()) {
            if (v11) {
                sink.report(Rule.P629_05, Location.pointer(res, "/versions"), "api-version " + q(declared)
                        + " requires versions");
            }
        } else {
            if (!v11) {
                sink.report(Rule.P629_04, Location.pointer(res, "/versions"),
                        "versions needs api-version 1.1, the page declares " + q(String.valueOf(declared)));
            }
            versions(versions, parsed, project, res);
        }
        JsonNode status = root.path("project-status");
        if (!status.isMissingNode()) {
            if (!status.isObject()) {
                sink.report(Rule.P792_02, Location.pointer(res, "/project-status"), "project-status is not an object");
            } else {
                JsonNode s = status.path("status");
                if (status.has("state") && !status.has("status")) {
                    sink.report(Rule.P792_02, Location.pointer(res, "/project-status/state"),
                            "project-status uses \"state\"; the key is \"status\"");
                } else if (!s.isMissingNode() && (!s.isTextual()
                        || ProjectStatus.Marker.fromValue(s.asText()).isEmpty())) {
                    sink.report(Rule.P792_01, Location.pointer(res, "/project-status/status"), "project status "
                            + q(s.toString()) + " is not one of active, archived, quarantined, deprecated");
                }
                if (status.has("reason") && !status.path("reason").isTextual()) {
                    sink.report(Rule.P792_02, Location.pointer(res, "/project-status/reason"),
                            "project-status reason is not a string");
                }
            }
            if (below(declared, 4)) {
                sink.report(Rule.P629_04, Location.pointer(res, "/project-status"),
                        "project-status needs api-version 1.4, the page declares " + q(String.valueOf(declared)));
            }
        }
        if (files.isArray()) {
            for (int i = 0; i < files.size(); i++) {
                jsonFile(files.get(i), Location.pointer(res, "/files/" + i), declared, v11);
            }
        }
        quarantine(parsed, res);
    }

    private void versions(JsonNode versions, ModelBuilder.Page parsed, String project, String res) {
        if (!versions.isArray()) {
            sink.report(Rule.P700_02, Location.pointer(res, "/versions"), "versions is not an array");
            return;
        }
        Set<String> texts = new HashSet<>();
        Set<Version> parsedVersions = new HashSet<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode v = versions.get(i);
            if (!v.isTextual()) {
                sink.report(Rule.P700_02, Location.pointer(res, "/versions/" + i), "version " + q(v.toString())
                        + " is not a string");
                continue;
            }
            if (!texts.add(v.asText())) {
                sink.report(Rule.P700_02, Location.pointer(res, "/versions/" + i), "version " + q(v.asText())
                        + " is listed twice");
            }
            Version.tryParse(v.asText()).ifPresent(parsedVersions::add);
        }
        for (ReadLink l : parsed.links()) {
            Optional<String> vt = FileNames.versionText(l.distribution().filename(), project);
            if (vt.isEmpty()) {
                continue;
            }
            Optional<Version> fv = Version.tryParse(vt.get());
            if (fv.isPresent() && !parsedVersions.contains(fv.get()) && !texts.contains(vt.get())) {
                sink.report(Rule.P700_02, l.location(), "the version " + q(vt.get()) + " of "
                        + q(l.distribution().filename()) + " is not in versions");
            }
        }
    }

    private void jsonFile(JsonNode f, Location loc, @Nullable String declared, boolean v11) {
        String res = loc.resource();
        String p = loc.pointer();
        if (!f.isObject()) {
            sink.report(Rule.P691_08, loc, "the file entry is not an object");
            return;
        }
        JsonNode filename = f.path("filename");
        JsonNode url = f.path("url");
        if (!filename.isTextual()) {
            sink.report(Rule.P691_08, Location.pointer(res, p + "/filename"), "the file has no string filename");
        }
        if (!url.isTextual()) {
            sink.report(Rule.P691_08, Location.pointer(res, p + "/url"), "the file has no string url");
        }
        if (filename.isTextual() && url.isTextual() && !filename.asText().equals(Urls.lastSegment(url.asText()))
                && Links.kind(url.asText(), filename.asText()) != Distribution.Kind.VCS) {
            sink.report(Rule.P691_08, Severity.WARNING, Location.pointer(res, p + "/filename"), "filename "
                    + q(filename.asText()) + " is not the last path segment of the url (pip uses the url, uv the"
                    + " filename)");
        }
        JsonNode hashes = f.path("hashes");
        if (!hashes.isObject()) {
            sink.report(Rule.P691_08, Location.pointer(res, p + "/hashes"), hashes.isMissingNode()
                    ? "the file has no hashes object (uv rejects the whole page, UV-09)" : "hashes is not an object");
        } else {
            hashObject(hashes, res, p + "/hashes", Rule.P691_08);
        }
        JsonNode rp = f.path("requires-python");
        if (!rp.isMissingNode() && !rp.isNull()) {
            if (!rp.isTextual()) {
                sink.report(Rule.P691_09, Severity.ERROR, Location.pointer(res, p + "/requires-python"),
                        "requires-python is not a string");
            } else if (rp.asText().contains("&gt;") || rp.asText().contains("&lt;")
                    || rp.asText().contains("&amp;")) {
                sink.report(Rule.P691_09, Location.pointer(res, p + "/requires-python"), "requires-python "
                        + q(rp.asText()) + " is HTML-escaped; JSON values are not");
            } else if (!validSpecifiers(rp.asText())) {
                sink.report(Rule.P503_13, Location.pointer(res, p + "/requires-python"), "requires-python "
                        + q(rp.asText()) + " is not a version-specifier set");
            }
        }
        JsonNode y = f.path("yanked");
        if (!y.isMissingNode() && !y.isBoolean() && !(y.isTextual() && !y.asText().isEmpty())) {
            sink.report(Rule.P592_05, Location.pointer(res, p + "/yanked"), "yanked " + q(y.toString())
                    + " is neither a boolean nor a non-empty string");
        }
        if (f.has("dist-info-metadata")) {
            sink.report(Rule.P714_01, Severity.WARNING, Location.pointer(res, p + "/dist-info-metadata"),
                    "the legacy key dist-info-metadata should not be used (old pip crashes on it); use core-metadata");
        }
        for (String key : List.of("core-metadata", "dist-info-metadata")) {
            JsonNode cm = f.path(key);
            if (cm.isMissingNode() || cm.isBoolean()) {
                continue;
            }
            if (cm.isObject()) {
                hashObject(cm, res, p + "/" + key, Rule.P691_10);
            } else {
                sink.report(Rule.P691_10, Location.pointer(res, p + "/" + key), key + " " + q(cm.toString())
                        + " is neither a boolean nor a hash object");
            }
        }
        JsonNode gpg = f.path("gpg-sig");
        if (!gpg.isMissingNode() && !gpg.isBoolean()) {
            sink.report(Rule.P691_11, Location.pointer(res, p + "/gpg-sig"), "gpg-sig " + q(gpg.toString())
                    + " is not a boolean");
        }
        JsonNode size = f.path("size");
        if (size.isMissingNode()) {
            if (v11) {
                sink.report(Rule.P629_05, Location.pointer(res, p + "/size"), "api-version " + q(String.valueOf(
                        declared)) + " requires size on every file");
            }
        } else {
            if (!size.isIntegralNumber() || size.asLong(-1) < 0 || !size.canConvertToLong()) {
                sink.report(Rule.P700_03, Location.pointer(res, p + "/size"), "size " + q(size.toString())
                        + " is not a non-negative integer");
            }
            if (!v11) {
                sink.report(Rule.P629_04, Location.pointer(res, p + "/size"), "size needs api-version 1.1, the page"
                        + " declares " + q(String.valueOf(declared)));
            }
        }
        JsonNode up = f.path("upload-time");
        if (!up.isMissingNode() && !up.isNull()) {
            if (!up.isTextual() || !UPLOAD_TIME.matcher(up.asText()).matches()) {
                sink.report(Rule.P700_04, Location.pointer(res, p + "/upload-time"), "upload-time "
                        + q(up.toString()) + " is not YYYY-MM-DDTHH:MM:SS[.ffffff]Z");
            }
            if (!v11) {
                sink.report(Rule.P629_04, Location.pointer(res, p + "/upload-time"), "upload-time needs api-version"
                        + " 1.1, the page declares " + q(String.valueOf(declared)));
            }
        }
        JsonNode prov = f.path("provenance");
        if (!prov.isMissingNode() && !prov.isNull()) {
            if (!prov.isTextual() || !httpsAbsolute(prov.asText())) {
                sink.report(Rule.P740_02, Location.pointer(res, p + "/provenance"), "provenance "
                        + q(prov.toString()) + " is not an absolute https URL");
            }
            if (below(declared, 3)) {
                sink.report(Rule.P629_04, Location.pointer(res, p + "/provenance"), "provenance needs api-version"
                        + " 1.3, the page declares " + q(String.valueOf(declared)));
            }
        }
    }

    private void hashObject(JsonNode hashes, String res, String pointer, Rule rule) {
        for (Map.Entry<String, JsonNode> e : hashes.properties()) {
            Location loc = Location.pointer(res, pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
            if (!e.getValue().isTextual() || !HEX.matcher(e.getValue().asText()).matches()) {
                sink.report(rule, loc, "hash " + q(e.getKey()) + " value " + q(e.getValue().toString())
                        + " is not a hex string");
            } else if (!e.getKey().equals(e.getKey().toLowerCase(Locale.ROOT))) {
                sink.report(rule, Severity.WARNING, loc, "hash name " + q(e.getKey()) + " is not lower case");
            } else if (HASH_LENGTHS.containsKey(e.getKey())
                    && e.getValue().asText().length() != HASH_LENGTHS.get(e.getKey())) {
                sink.report(rule, loc, e.getKey() + " digest " + q(e.getValue().asText()) + " is not "
                        + HASH_LENGTHS.get(e.getKey()) + " hex digits");
            }
        }
    }

    // ---------------------------------------------------------------- file names

    /**
     * Checks the file names and versions of one project's links (SPEC §11–§13).
     *
     * @param project the normalized project name
     * @param links the links
     */
    public void fileNames(String project, List<ReadLink> links) {
        Map<Version, Map<String, Location>> spellings = new TreeMap<>();
        for (ReadLink l : links) {
            Distribution d = l.distribution();
            if (d.kind() == Distribution.Kind.VCS) {
                continue;
            }
            String filename = Urls.lastSegment(l.href().strip());
            Location loc = l.location();
            Optional<String> versionText = Optional.empty();
            if (filename.endsWith(".whl")) {
                versionText = wheelName(filename, project, loc);
            } else if (FileNames.pipSdistExtension(filename).isPresent()) {
                versionText = sdistName(filename, project, loc);
            } else {
                sink.report(Rule.PIP_05, loc, "file " + q(filename)
                        + " is neither a wheel nor an sdist; pip and uv skip it");
            }
            if (versionText.isPresent()) {
                Optional<Version> v = Version.tryParse(versionText.get());
                if (v.isEmpty()) {
                    sink.report(Rule.VER_05, loc, "version " + q(versionText.get()) + " of " + q(filename)
                            + " is not a PEP 440 version; pip and uv skip the file");
                } else {
                    spellings.computeIfAbsent(v.get(), k -> new TreeMap<>()).putIfAbsent(versionText.get(), loc);
                }
            }
        }
        Map<String, String> preKinds = new TreeMap<>();
        for (Map.Entry<Version, Map<String, Location>> e : spellings.entrySet()) {
            if (e.getValue().size() > 1) {
                List<String> texts = List.copyOf(e.getValue().keySet());
                sink.report(Rule.VER_04, e.getValue().get(texts.get(1)), "versions " + q(texts.get(0)) + " and "
                        + q(texts.get(1)) + " are the same version spelled differently");
            }
            for (Map.Entry<String, Location> spelling : e.getValue().entrySet()) {
                java.util.regex.Matcher m = PRE_RC.matcher(spelling.getKey().toLowerCase(Locale.ROOT));
                if (m.find()) {
                    String release = Version.tryParse(m.group(1)).map(Version::toString).orElse(m.group(1));
                    String kind = m.group(2).equals("c") ? "c" : "rc";
                    String other = preKinds.putIfAbsent(release, kind);
                    if (other != null && !other.equals(kind)) {
                        sink.report(Rule.VER_06, spelling.getValue(), "release " + q(release)
                                + " has both rc and c pre-releases");
                    }
                }
            }
        }
    }

    private Optional<String> wheelName(String filename, String project, Location loc) {
        Optional<FileNames.Wheel> parsed = FileNames.wheel(filename);
        if (parsed.isEmpty()) {
            sink.report(Rule.WHL_01, loc, "wheel name " + q(filename) + " does not have 4 or 5 dashes");
            return Optional.empty();
        }
        FileNames.Wheel w = parsed.get();
        if (!FileNames.pipWheelName(w.name())) {
            sink.report(Rule.WHL_02, Severity.ERROR, loc, "wheel name part " + q(w.name())
                    + " is rejected by pip (only [\\w.] without __)");
        } else if (!ProjectName.normalize(w.name()).equals(project)) {
            sink.report(Rule.WHL_02, Severity.ERROR, loc, "wheel " + q(filename) + " is not of project "
                    + q(project));
        } else if (!FileNames.canonicalNamePart(w.name())) {
            sink.report(Rule.WHL_02, loc, "wheel name part " + q(w.name()) + " is not canonical (expected "
                    + q(project.replace('-', '_')) + ")");
        }
        if (w.build() != null && !FileNames.validBuild(w.build())) {
            sink.report(Rule.WHL_04, loc, "build tag " + q(w.build()) + " does not start with a digit or has"
                    + " characters other than [A-Za-z0-9_.]");
        }
        String[][] sets = {{w.python(), "python"}, {w.abi(), "abi"}, {w.platform(), "platform"}};
        for (String[] set : sets) {
            Optional<String> problem = FileNames.tagSetProblem(set[0], set[1].equals("python"));
            if (problem.isPresent()) {
                if (problem.get().equals("unsorted")) {
                    sink.report(Rule.WHL_05, Severity.WARNING, loc, set[1] + " tag set " + q(set[0])
                            + " is not sorted");
                } else {
                    sink.report(Rule.WHL_05, loc, set[1] + " tag set " + q(set[0]) + " has an "
                            + (problem.get().equals("empty") ? "empty member" : "invalid member"));
                }
            }
        }
        if (Version.tryParse(w.version()).isPresent() && !FileNames.normalVersion(w.version())) {
            sink.report(Rule.WHL_03, loc, "wheel version " + q(w.version()) + " is not in normal form "
                    + q(Version.parse(w.version()).toString()));
        }
        return Optional.of(w.version());
    }

    private Optional<String> sdistName(String filename, String project, Location loc) {
        String ext = FileNames.pipSdistExtension(filename).orElseThrow();
        String stem = filename.substring(0, filename.length() - ext.length());
        Optional<String> pipVersion = FileNames.pipSdistVersion(stem, project);
        if (pipVersion.isEmpty()) {
            sink.report(Rule.PIP_05, loc, "sdist " + q(filename) + " does not name project " + q(project)
                    + "; pip and uv skip it");
            return Optional.empty();
        }
        boolean uvExtension = ext.equals(".tar.gz") || ext.equals(".zip");
        if (!uvExtension) {
            sink.report(Rule.SD_05, loc, "sdist extension " + q(ext) + " is not used by uv (only .tar.gz, .zip)");
        }
        Optional<String> uvVersion = FileNames.uvSdistVersion(stem, project);
        if (uvVersion.isEmpty()) {
            sink.report(Rule.UV_06, loc, "uv does not match sdist " + q(filename) + " to project " + q(project)
                    + " and skips it");
        } else if (uvExtension) {
            String namePart = stem.substring(0, project.length());
            String version = pipVersion.get();
            boolean canonical = ext.equals(".tar.gz") && FileNames.canonicalNamePart(namePart)
                    && (Version.tryParse(version).isEmpty() || FileNames.normalVersion(version));
            if (!canonical) {
                sink.report(Rule.SD_01, loc, "sdist " + q(filename) + " is not in PEP 625 form " + q(
                        project.replace('-', '_') + "-" + Version.tryParse(version).map(Version::toString)
                                .orElse(version) + ".tar.gz"));
            }
        }
        return pipVersion;
    }

    /**
     * The normalized form of a URL path name, for P503-03.
     *
     * @param uri a page URI
     * @return the last non-empty path segment, decoded
     */
    static String pathName(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Urls.percentDecode(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }
}
