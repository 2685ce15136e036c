package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Usability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Would pip use this link, would uv use it, and if not which SPEC rule says why (SPEC §15, §16); poetry's and
 * pdm's verdicts come from {@link PoetryPdmVerdicts}.
 */
public final class Compat {
    private static final List<String> TYPES = List.of("text/html", "application/vnd.pypi.simple.v1+html",
            "application/vnd.pypi.simple.v1+json");

    private Compat() {
    }

    /**
     * Whether a finding of one rule tells the reason of an installer verdict, so that a report can tell the problem
     * once: the same rule, or the finding's rule covering the installer's own fact (a file that is no wheel or
     * sdist of the project, PIP-05, is what makes uv skip it too, UV-05 and UV-06; an invalid requires-python,
     * P503-13, is why uv skips the file, UV-07).
     *
     * @param findingRule the rule id of a finding at the link's location
     * @param verdictRules the rule ids of the verdict
     * @return true if the finding explains the verdict
     */
    public static boolean explains(String findingRule, List<String> verdictRules) {
        if (verdictRules.contains(findingRule)) {
            return true;
        }
        return switch (findingRule) {
            case "PIP-05" -> verdictRules.contains("UV-05") || verdictRules.contains("UV-06");
            case "P503-13" -> verdictRules.contains("UV-07");
            default -> false;
        };
    }

    /**
     * What fails a whole page for an installer.
     *
     * @param pip rule id and reason that make pip skip or fail the page, or null
     * @param uv rule id and reason that make uv fail the page, or null
     * @param pdm rule id and reason that make pdm fail the page, or null
     */
    public record PageVerdict(String @Nullable [] pip, String @Nullable [] uv, String @Nullable [] pdm) {
    }

    /**
     * Evaluates a page as a whole.
     *
     * @param page the page
     * @param links its links
     * @return the page-level verdict
     */
    public static PageVerdict page(RawProject page, List<ReadLink> links) {
        String[] pip = null;
        String[] uv = null;
        if (page.info().isHttp()) {
            String ct = page.info().contentType();
            if (ct == null) {
                pip = new String[] {"PIP-02", "the page has no Content-Type"};
                uv = new String[] {"UV-01", "the page has no Content-Type"};
            } else {
                String lower = ct.toLowerCase(Locale.ROOT);
                boolean pipOk = false;
                for (String t : TYPES) {
                    pipOk |= lower.startsWith(t);
                }
                if (!pipOk) {
                    pip = new String[] {"PIP-02", "pip skips a page served as " + ct};
                }
                int semi = ct.indexOf(';');
                String media = semi >= 0 ? ct.substring(0, semi) : ct;
                if (!TYPES.contains(media)) {
                    uv = new String[] {"UV-01", "uv rejects a page served as " + ct};
                }
            }
        }
        for (ReadLink l : links) {
            String href = l.href();
            int hash = href.indexOf('#');
            if (hash >= 0 && l.anchor() != null) {
                String fragment = href.substring(hash + 1);
                for (String part : fragment.split("&")) {
                    if (part.startsWith("egg=") && !RuleSupport.validEgg(part.substring(4)) && pip == null) {
                        pip = new String[] {"PIP-06", "pip 26 fails on the page: invalid egg fragment " + part};
                    }
                }
                int eq = fragment.indexOf('=');
                if (uv == null && eq > 0 && fragment.indexOf('=', eq + 1) < 0 && fragment.indexOf('&') < 0) {
                    String name = fragment.substring(0, eq);
                    if (!name.equals("egg") && !RuleSupport.UV_HASHES.contains(name)) {
                        uv = new String[] {"UV-04", "uv fails on the page: unsupported hash algorithm " + name};
                    }
                }
            }
            JsonNode n = l.node();
            if (n != null && uv == null && (!n.path("filename").isTextual() || !n.path("hashes").isObject())) {
                uv = new String[] {"UV-09", "uv fails on the page: a file lacks filename or hashes"};
            }
        }
        if (uv == null && page.json() != null) {
            for (JsonNode f : page.json().path("files")) {
                if (!f.path("url").isTextual()) {
                    uv = new String[] {"UV-09", "uv fails on the page: a file lacks url"};
                }
            }
        }
        return new PageVerdict(pip, uv, PoetryPdmVerdicts.pdmPage(links));
    }

    /**
     * The verdict for one link.
     *
     * @param project the normalized project name, or null when not known (each file is then judged against the
     *     name it gives itself)
     * @param link the link
     * @param page the page-level verdict
     * @return the verdict
     */
    public static LinkVerdict link(@Nullable String project, ReadLink link, PageVerdict page) {
        Distribution d = link.distribution();
        String urlName = Urls.lastSegment(link.href().strip());
        InstallerVerdict pip = page.pip() != null ? no(page.pip()[0], page.pip()[1]) : pip(project, link, urlName);
        String uvName = link.node() != null ? d.filename() : urlName;
        InstallerVerdict uv = page.uv() != null ? no(page.uv()[0], page.uv()[1])
                : uv(FileNames.judgedProject(project, uvName), link, uvName);
        String judged = FileNames.judgedProject(project, urlName);
        return new LinkVerdict(project != null ? project : FileNames.judgedProject(null, urlName), d.filename(),
                Urls.safe(d.url()), link.location(), pip, uv, PoetryPdmVerdicts.poetry(judged, link),
                PoetryPdmVerdicts.pdm(judged, link, page.pdm()));
    }

    private static InstallerVerdict no(String rule, String reason) {
        return new InstallerVerdict(Usability.UNUSABLE, List.of(rule(rule)), reason);
    }

    private static Rule rule(String id) {
        return Rule.byId(id).orElseThrow(() -> new IllegalStateException("no rule " + id));
    }

    private static Optional<InstallerVerdict> fileName(String project, String filename, boolean uv) {
        if (filename.endsWith(".whl")) {
            Optional<FileNames.Wheel> w = FileNames.wheel(filename);
            if (w.isEmpty()) {
                return Optional.of(no("WHL-01", "not a valid wheel file name"));
            }
            if (!FileNames.pipWheelName(w.get().name())) {
                return Optional.of(no("WHL-02", "invalid wheel name part " + w.get().name()));
            }
            if (!ProjectName.normalize(w.get().name()).equals(project)) {
                return Optional.of(no("WHL-02", "the wheel is not of project " + project));
            }
            if (Version.tryParse(w.get().version()).isEmpty()) {
                return Optional.of(no("VER-05", "invalid version " + w.get().version()));
            }
            String build = w.get().build();
            if (build != null && (uv ? !FileNames.validBuild(build) : build.isEmpty()
                    || !Character.isDigit(build.charAt(0)))) {
                return Optional.of(no("WHL-04", "invalid build tag " + build));
            }
            for (String set : List.of(w.get().python(), w.get().abi(), w.get().platform())) {
                Optional<String> p = FileNames.tagSetProblem(set, set.equals(w.get().python()));
                if (p.isPresent() && !p.get().equals("unsorted")) {
                    return Optional.of(no("WHL-05", "invalid tag set " + set));
                }
            }
            return Optional.empty();
        }
        Optional<String> ext = FileNames.pipSdistExtension(filename);
        if (ext.isEmpty()) {
            return Optional.of(no(uv ? "UV-05" : "PIP-05", "not a wheel or sdist"));
        }
        String stem = filename.substring(0, filename.length() - ext.get().length());
        if (uv) {
            if (!ext.get().equals(".tar.gz") && !ext.get().equals(".zip")) {
                return Optional.of(no("SD-05", "uv does not use " + ext.get() + " sdists"));
            }
            Optional<String> v = FileNames.uvSdistVersion(stem, project);
            if (v.isEmpty()) {
                return Optional.of(no("UV-06", "uv does not match the sdist name to " + project));
            }
            return Version.tryParse(v.get()).isEmpty() ? Optional.of(no("VER-05", "invalid version " + v.get()))
                    : Optional.empty();
        }
        Optional<String> v = FileNames.pipSdistVersion(stem, project);
        if (v.isEmpty()) {
            return Optional.of(no("PIP-05", "the file name does not name project " + project));
        }
        return Version.tryParse(v.get()).isEmpty() ? Optional.of(no("VER-05", "invalid version " + v.get()))
                : Optional.empty();
    }

    /**
     * Why pip cannot use a VCS link from an index page (PIP-07): it has no {@code #egg=<name>-<version>} naming the
     * project and a PEP 440 version.
     *
     * @param href the link
     * @param project the page's normalized project name, or null when not known (then any name will do)
     * @return the problem, or empty when pip uses the link
     */
    public static Optional<String> vcsEggProblem(String href, @Nullable String project) {
        String egg = egg(href);
        if (egg == null) {
            return Optional.of("VCS link " + Texts.quote(Urls.safe(href)) + " has no #egg=<name>-<version>; pip"
                    + " cannot tell its version and skips it");
        }
        String judged = project != null ? project : FileNames.presumedProject(egg + ".tar.gz").orElse("");
        if (judged.isEmpty() || FileNames.pipSdistVersion(egg, judged).flatMap(Version::tryParse).isEmpty()) {
            return Optional.of("egg fragment " + Texts.quote("egg=" + egg) + " does not give "
                    + (project != null ? "project " + Texts.quote(project) + " and " : "") + "a PEP 440 version;"
                    + " pip skips the link");
        }
        return Optional.empty();
    }

    private static InstallerVerdict pip(@Nullable String project, ReadLink link, String filename) {
        Distribution d = link.distribution();
        if (d.kind() == Distribution.Kind.VCS) {
            Optional<String> problem = vcsEggProblem(link.href(), project);
            if (problem.isEmpty()) {
                return new InstallerVerdict(Usability.USABLE, List.of(Rule.PIP_07),
                        "pip clones the repository and builds it");
            }
            return no("PIP-07", problem.get());
        }
        Optional<InstallerVerdict> bad = fileName(FileNames.judgedProject(project, filename), filename, false);
        if (bad.isPresent()) {
            return bad.get();
        }
        List<Rule> rules = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        HtmlPage.Anchor a = link.anchor();
        if (d.requiresPython().isPresent() && !RuleSupport.validSpecifiers(d.requiresPython().get())) {
            rules.add(Rule.PIP_08);
            reasons.add("pip ignores the invalid requires-python");
        }
        if (a != null) {
            String meta = a.attributes().containsKey("data-core-metadata") ? a.attributes().get("data-core-metadata")
                    : a.attributes().get("data-dist-info-metadata");
            if (meta != null && !meta.equals("true") && !meta.contains("=")) {
                rules.add(Rule.PIP_11);
                reasons.add("pip fetches " + filename + ".metadata and fails if it is missing");
            }
            if (a.bare("data-yanked")) {
                rules.add(Rule.PIP_09);
                reasons.add("pip does not see a bare data-yanked as yanked");
                return new InstallerVerdict(Usability.USABLE, rules, String.join("; ", reasons));
            }
        }
        boolean yanked = d.isYanked();
        JsonNode n = link.node();
        if (n != null) {
            JsonNode y = n.path("yanked");
            yanked = (y.isBoolean() && y.asBoolean()) || (y.isTextual() && !y.asText().isEmpty());
            if (y.isTextual() && y.asText().isEmpty()) {
                rules.add(Rule.PIP_09);
                reasons.add("pip does not see \"yanked\": \"\" as yanked");
            }
        }
        return new InstallerVerdict(yanked ? Usability.YANKED : Usability.USABLE, rules, String.join("; ", reasons));
    }

    private static InstallerVerdict uv(String project, ReadLink link, String filename) {
        Distribution d = link.distribution();
        if (d.kind() == Distribution.Kind.VCS) {
            return no("UV-05", "uv does not use VCS links from an index");
        }
        Optional<InstallerVerdict> bad = fileName(project, filename, true);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (d.requiresPython().isPresent() && !RuleSupport.validSpecifiers(d.requiresPython().get())) {
            return no("UV-07", "uv skips a file with an invalid requires-python");
        }
        HtmlPage.Anchor a = link.anchor();
        if (a != null && a.bare("data-yanked")) {
            return new InstallerVerdict(Usability.YANKED, List.of(Rule.UV_08), "uv sees a bare data-yanked as yanked");
        }
        JsonNode n = link.node();
        if (n != null && n.path("yanked").isTextual() && n.path("yanked").asText().isEmpty()) {
            return new InstallerVerdict(Usability.YANKED, List.of(Rule.UV_08), "uv sees \"yanked\": \"\" as yanked");
        }
        return d.isYanked() ? new InstallerVerdict(Usability.YANKED, List.of(), "") : InstallerVerdict.USABLE;
    }

    private static @Nullable String egg(String href) {
        int hash = href.indexOf('#');
        if (hash < 0) {
            return null;
        }
        for (String part : href.substring(hash + 1).split("&")) {
            if (part.startsWith("egg=")) {
                return part.substring(4);
            }
        }
        return null;
    }
}
