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

/** The rules of HTML project pages (PEP 503, 592, 629, 658, 714, 740, 792). */
final class HtmlProjectRules {
    private final Sink sink;

    HtmlProjectRules(Sink sink) {
        this.sink = sink;
    }

    /**
     * Checks an HTML project page.
     *
     * @param page the raw page
     * @param project the normalized project name, or null when not known
     * @param parsed the links read from it
     */
    void check(RawProject page, @Nullable String project, ModelBuilder.Page parsed) {
        HtmlPage html = java.util.Objects.requireNonNull(page.html());
        String res = page.info().resource();
        RuleSupport.htmlDocument(sink, html, res);
        RuleSupport.htmlApiVersion(sink, html, res);
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
                RuleSupport.vcsLink(sink, link.href(), loc, project);
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
        RuleSupport.quarantine(sink, parsed, res);
    }

    private void fragment(String href, Location loc) {
        int hash = href.indexOf('#');
        if (hash < 0) {
            sink.report(Rule.P503_08, loc, "the URL has no hash fragment (#sha256=...)");
            return;
        }
        String fragment = href.substring(hash + 1);
        for (String part : fragment.split("&")) {
            if (part.startsWith("egg=") && !RuleSupport.validEgg(part.substring(4))) {
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
        if (!RuleSupport.UV_HASHES.contains(name) && (length != null || !ModelBuilder.FRAGMENT_HASHES.contains(name))) {
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
}
