package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Version;
import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Usability;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** uv 0.12 (SPEC §16): its registry client, HTML and JSON parsers and version map, as read from its source. */
final class UvModel extends InstallerModel {
    private static final Set<Rule> RULES = EnumSet.of(Rule.UV_01, Rule.UV_04, Rule.UV_05, Rule.UV_06, Rule.UV_07,
            Rule.UV_08, Rule.UV_09, Rule.WHL_01, Rule.WHL_02, Rule.WHL_04, Rule.WHL_05, Rule.VER_05, Rule.SD_05);

    UvModel() {
        super(Installer.UV, RULES);
    }

    @Override
    @Nullable InstallerVerdict page(RawProject page, List<ReadLink> links) {
        if (page.info().isHttp()) {
            String ct = page.info().contentType();
            if (ct == null) {
                return no(Rule.UV_01, "the page has no Content-Type");
            }
            if (!TYPES.contains(mediaType(ct))) {
                return no(Rule.UV_01, "uv rejects a page served as " + ct);
            }
        }
        for (ReadLink l : links) {
            String href = l.href();
            int hash = href.indexOf('#');
            if (hash >= 0 && l.anchor() != null) {
                String fragment = href.substring(hash + 1);
                int eq = fragment.indexOf('=');
                if (eq > 0 && fragment.indexOf('=', eq + 1) < 0 && fragment.indexOf('&') < 0) {
                    String name = fragment.substring(0, eq);
                    if (!name.equals("egg") && !RuleSupport.UV_HASHES.contains(name)) {
                        return no(Rule.UV_04, "uv fails on the page: unsupported hash algorithm " + name);
                    }
                }
            }
            JsonNode n = l.node();
            if (n != null && (!n.path("filename").isTextual() || !n.path("hashes").isObject())) {
                return no(Rule.UV_09, "uv fails on the page: a file lacks filename or hashes");
            }
        }
        if (page.json() != null) {
            for (JsonNode f : page.json().path("files")) {
                if (!f.path("url").isTextual()) {
                    return no(Rule.UV_09, "uv fails on the page: a file lacks url");
                }
            }
        }
        return null;
    }

    @Override
    InstallerVerdict link(@Nullable String project, ReadLink link) {
        Distribution d = link.distribution();
        if (d.kind() == Distribution.Kind.VCS) {
            return no(Rule.UV_05, "uv does not use VCS links from an index");
        }
        // uv takes the file name from the JSON filename key, or the URL's last segment on HTML pages (UV-03)
        String filename = link.node() != null ? d.filename() : Urls.lastSegment(link.href().strip());
        Optional<InstallerVerdict> bad = fileName(FileNames.judgedProject(project, filename), filename);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (d.requiresPython().isPresent() && !RuleSupport.validSpecifiers(d.requiresPython().get())) {
            return no(Rule.UV_07, "uv skips a file with an invalid requires-python");
        }
        HtmlPage.Anchor a = link.anchor();
        if (a != null && a.bare("data-yanked")) {
            return verdict(Usability.YANKED, List.of(Rule.UV_08), "uv sees a bare data-yanked as yanked");
        }
        JsonNode n = link.node();
        if (n != null && n.path("yanked").isTextual() && n.path("yanked").asText().isEmpty()) {
            return verdict(Usability.YANKED, List.of(Rule.UV_08), "uv sees \"yanked\": \"\" as yanked");
        }
        return d.isYanked() ? verdict(Usability.YANKED, List.of(), "") : InstallerVerdict.USABLE;
    }

    private Optional<InstallerVerdict> fileName(String project, String filename) {
        if (filename.endsWith(".whl")) {
            return wheel(project, filename, true);
        }
        Optional<String> ext = FileNames.pipSdistExtension(filename);
        if (ext.isEmpty()) {
            return Optional.of(no(Rule.UV_05, "not a wheel or sdist"));
        }
        if (!ext.get().equals(".tar.gz") && !ext.get().equals(".zip")) {
            return Optional.of(no(Rule.SD_05, "uv does not use " + ext.get() + " sdists"));
        }
        String stem = filename.substring(0, filename.length() - ext.get().length());
        Optional<String> v = FileNames.uvSdistVersion(stem, project);
        if (v.isEmpty()) {
            return Optional.of(no(Rule.UV_06, "uv does not match the sdist name to " + project));
        }
        return Version.tryParse(v.get()).isEmpty() ? Optional.of(no(Rule.VER_05, "invalid version " + v.get()))
                : Optional.empty();
    }
}
