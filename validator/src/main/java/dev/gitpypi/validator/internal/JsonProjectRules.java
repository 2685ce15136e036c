package dev.gitpypi.validator.internal;

import static dev.gitpypi.validator.internal.RuleSupport.HASH_LENGTHS;
import static dev.gitpypi.validator.internal.RuleSupport.HEX;
import static dev.gitpypi.validator.internal.RuleSupport.apiVersion;
import static dev.gitpypi.validator.internal.RuleSupport.below;
import static dev.gitpypi.validator.internal.RuleSupport.httpsAbsolute;
import static dev.gitpypi.validator.internal.RuleSupport.q;
import static dev.gitpypi.validator.internal.RuleSupport.validSpecifiers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
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

/** The rules of PEP 691 JSON project pages (and PEP 700, 714, 740, 792 fields). */
final class JsonProjectRules {
    private static final Pattern UPLOAD_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
    private final Sink sink;

    JsonProjectRules(Sink sink) {
        this.sink = sink;
    }

    /**
     * Checks a JSON project page.
     *
     * @param page the raw page
     * @param project the normalized project name, or null when not known
     * @param parsed the links read
     */
    void check(RawProject page, @Nullable String project, ModelBuilder.Page parsed) {
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
        for (ReadLink l : parsed.links()) {
            if (l.distribution().kind() == Distribution.Kind.VCS) {
                RuleSupport.vcsLink(sink, l.href(), l.location(), project);
            }
        }
        RuleSupport.quarantine(sink, parsed, res);
    }

    private void versions(JsonNode versions, ModelBuilder.Page parsed, @Nullable String project, String res) {
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
}
