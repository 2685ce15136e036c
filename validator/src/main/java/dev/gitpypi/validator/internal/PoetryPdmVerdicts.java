package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.WheelFilename;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Usability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Would poetry 1.x and pdm 2.2 use a link, and if not which rule says why ({@code POETRY-*}, {@code PDM-*}). The
 * rules are read from the sources of the versions the tests run (Debian's poetry 1.3.2 with poetry-core 1.4.0, pdm
 * 2.2.1 with unearth 0.7.2) and each one that skips or refuses a link is checked against the real client
 * ({@code InstallerRulesIT}):
 *
 * <ul>
 *   <li>poetry: {@code repositories/legacy_repository.py} (pages read as HTML), {@code link_sources/html.py} and
 *       {@code base.py} (anchors, {@code SUPPORTED_FORMATS}, names and versions from file names, yanked releases),
 *       {@code http_repository.py} (metadata and hashes from the downloaded file), poetry-core's {@code Link};
 *   <li>pdm: unearth's {@code collector.py} (anchors and JSON files), {@code evaluator.py} ({@code evaluate_link}),
 *       {@code vcs/git.py}; pdm's {@code models/repositories.py} and {@code caches.py} (lock hashes).
 * </ul>
 *
 * <p>Stateless.
 */
final class PoetryPdmVerdicts {
    /** poetry-core's {@code splitext} extensions poetry's link sources accept, compared exactly. */
    private static final List<String> POETRY_FORMATS = List.of(".tar.gz", ".whl", ".zip", ".tar.bz2", ".tar.xz",
            ".tar.Z", ".tar");
    /** poetry's {@code wheel_file_re} (matched at the start, as Python's {@code re.match}). */
    private static final Pattern POETRY_WHEEL = Pattern.compile(
            "^(?<namever>(?<name>.+?)-(?<ver>\\d.*?))(-(?<build>\\d.*?))?-(?<pyver>.+?)-(?<abi>.+?)-(?<plat>.+?)"
                    + "\\.whl|\\.dist-info$");
    /** poetry's {@code sdist_file_re}. */
    private static final Pattern POETRY_SDIST = Pattern.compile(
            "^(?<namever>(?<name>.+?)-(?<ver>\\d.*?))(\\.sdist)?\\.(?<format>(zip|tar(\\.(gz|bz2|xz|Z))?))$");
    /** poetry's {@code LinkSource.VERSION_REGEX}, for other file names. */
    private static final Pattern POETRY_OTHER = Pattern.compile("(?i)([a-z0-9_\\-.]+?)-(?=\\d)([a-z0-9_.!+-]+)");
    /** unearth's {@code ARCHIVE_EXTENSIONS}, compared exactly. */
    private static final List<String> PDM_ARCHIVES = List.of(".zip", ".whl", ".tar.bz2", ".tbz", ".tar.gz", ".tgz",
            ".tar", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");
    private static final List<String> STRONG_HASHES = List.of("sha256", "sha384", "sha512");

    private PoetryPdmVerdicts() {
    }

    /**
     * What fails a whole page for pdm 2.2: a requires-python value it cannot parse (PDM-03).
     *
     * @param links the page's links
     * @return rule id and reason, or null
     */
    static String @Nullable [] pdmPage(List<ReadLink> links) {
        for (ReadLink l : links) {
            Optional<String> rp = l.distribution().requiresPython();
            if (rp.isPresent() && !rp.get().isEmpty() && !RuleSupport.validSpecifiers(rp.get())) {
                return new String[] {"PDM-03", "pdm fails on the page: requires-python " + rp.get()
                        + " does not parse"};
            }
        }
        return null;
    }

    /**
     * poetry 1.x's verdict on one link.
     *
     * @param project the normalized project name (of the page, or judged from the file)
     * @param link the link
     * @return the verdict
     */
    static InstallerVerdict poetry(String project, ReadLink link) {
        if (link.node() != null) {
            return no(Rule.POETRY_01, "poetry 1.x reads project pages only as HTML");
        }
        String href = link.href().strip();
        if (scheme(href).equals("file")) {
            return no(Rule.POETRY_06, "poetry cannot download file: URLs and fails the lock");
        }
        // poetry-core's Link.filename and ext: the last segment of the URL path (trailing slashes dropped)
        String withoutFragment = href.indexOf('#') >= 0 ? href.substring(0, href.indexOf('#')) : href;
        String filename = Urls.lastSegment(withoutFragment.replaceAll("/+(\\?|$)", "$1"));
        String ext = splitext(filename)[1];
        if (!POETRY_FORMATS.contains(ext)) {
            return no(Rule.POETRY_02, link.distribution().kind() == Distribution.Kind.VCS
                    ? "poetry uses only links to wheels and sdists, not VCS links"
                    : "poetry does not use " + (ext.isEmpty() ? "a file without extension" : ext + " files"));
        }
        String name = null;
        String version = null;
        Matcher m = POETRY_WHEEL.matcher(filename);
        if (!m.lookingAt() || m.group("name") == null) {
            m = POETRY_SDIST.matcher(filename);
        }
        if (m.lookingAt() && m.group("name") != null) {
            name = m.group("name");
            version = m.group("ver");
        } else {
            Matcher o = POETRY_OTHER.matcher(splitext(filename)[0]);
            if (o.lookingAt()) {
                name = o.group(1);
                version = o.group(2);
            }
        }
        if (name == null || version == null || Version.tryParse(version).isEmpty()) {
            return no(Rule.POETRY_03, "poetry finds no valid version in the file name");
        }
        if (!ProjectName.normalize(name).equals(project)) {
            return no(Rule.POETRY_03, "poetry reads the file name as project " + ProjectName.normalize(name));
        }
        HtmlPage.Anchor a = link.anchor();
        if (a != null && a.attributes().containsKey("data-yanked")) {
            return new InstallerVerdict(Usability.YANKED, a.bare("data-yanked") ? List.of(Rule.POETRY_04) : List.of(),
                    a.bare("data-yanked") ? "poetry sees a bare data-yanked as yanked" : "");
        }
        Optional<String> rp = link.distribution().requiresPython();
        if (rp.isPresent() && !RuleSupport.validSpecifiers(rp.get())) {
            return new InstallerVerdict(Usability.USABLE, List.of(Rule.POETRY_05),
                    "poetry ignores the invalid requires-python and reads the file's own metadata");
        }
        return InstallerVerdict.USABLE;
    }

    /**
     * pdm 2.2's verdict on one link.
     *
     * @param project the normalized project name (of the page, or judged from the file)
     * @param link the link
     * @param page what fails the whole page for pdm, or null
     * @return the verdict
     */
    static InstallerVerdict pdm(String project, ReadLink link, String @Nullable [] page) {
        if (page != null) {
            return no(Rule.byId(page[0]).orElseThrow(), page[1]);
        }
        String href = link.href().strip();
        String fragment = href.indexOf('#') >= 0 ? href.substring(href.indexOf('#') + 1) : "";
        @Nullable String egg = fragmentValue(fragment, "egg");
        String filename = Urls.percentDecode(Urls.lastSegment(href));
        if (link.distribution().kind() == Distribution.Kind.VCS) {
            if (egg == null || egg.isEmpty()) {
                return no(Rule.PDM_02, "pdm finds no #egg=<name>-<version> on the VCS link");
            }
            if (scheme(href).equals("git+file")) {
                return no(Rule.PDM_05, "pdm cannot clone git+file:// links and fails the lock");
            }
        }
        if (egg == null && filename.endsWith(".whl")) {
            Optional<WheelFilename> w = WheelFilename.tryParse(filename);
            if (w.isEmpty()) {
                return no(Rule.PDM_02, "not a valid wheel file name for pdm");
            }
            if (!w.get().normalizedName().equals(project)) {
                return no(Rule.PDM_02, "the wheel is not of project " + project);
            }
        } else {
            String info;
            if (egg != null && !egg.isEmpty()) {
                int bracket = egg.indexOf('[');
                info = bracket >= 0 ? egg.substring(0, bracket) : egg;
            } else {
                String[] split = splitext(filename);
                if (split[1].isEmpty()) {
                    return no(Rule.PDM_02, "pdm does not use a link that names no file");
                }
                if (!PDM_ARCHIVES.contains(split[1])) {
                    return no(Rule.PDM_02, "pdm does not use " + split[1] + " files");
                }
                info = split[0];
            }
            String v = versionAfterName(info, project);
            if (v == null) {
                return no(Rule.PDM_02, "pdm finds no version of " + project + " in " + info);
            }
            if (Version.tryParse(v).isEmpty()) {
                return no(Rule.PDM_02, "invalid version " + v);
            }
        }
        List<Rule> rules = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Usability usability = Usability.USABLE;
        HtmlPage.Anchor a = link.anchor();
        JsonNode n = link.node();
        if (a != null && a.attributes().containsKey("data-yanked")) {
            if (a.bare("data-yanked")) {
                rules.add(Rule.PDM_01);
                reasons.add("pdm does not see a bare data-yanked as yanked");
            } else {
                usability = Usability.YANKED;
            }
        } else if (n != null) {
            JsonNode y = n.path("yanked");
            if ((y.isBoolean() && y.asBoolean()) || (y.isTextual() && !y.asText().isEmpty())) {
                usability = Usability.YANKED;
            } else if (y.isTextual()) {
                rules.add(Rule.PDM_01);
                reasons.add("pdm does not see \"yanked\": \"\" as yanked");
            }
        }
        if (link.distribution().kind() != Distribution.Kind.VCS && !strongFragmentHash(fragment)) {
            rules.add(Rule.PDM_04);
            reasons.add("pdm locks the hash of whatever it downloads (no #sha256= fragment)");
        }
        return new InstallerVerdict(usability, rules, String.join("; ", reasons));
    }

    /** unearth's {@code parse_version_from_egg_info}: after the first prefix that normalizes to the project. */
    static @Nullable String versionAfterName(String info, String project) {
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            if ((c == '-' || c == '_') && ProjectName.normalize(info.substring(0, i)).equals(project)) {
                return info.substring(i + 1);
            }
        }
        return null;
    }

    /** {@code splitext} of poetry-core and unearth: {@code .tar} is kept with the last extension. */
    static String[] splitext(String name) {
        int dot = name.lastIndexOf('.');
        int leading = 0;
        while (leading < dot && name.charAt(leading) == '.') {
            leading++;
        }
        if (dot < 0 || leading == dot) {
            return new String[] {name, ""}; // posixpath.splitext: leading dots are no extension
        }
        String base = name.substring(0, dot);
        String ext = name.substring(dot);
        if (base.toLowerCase(Locale.ROOT).endsWith(".tar")) {
            ext = base.substring(base.length() - 4) + ext;
            base = base.substring(0, base.length() - 4);
        }
        return new String[] {base, ext};
    }

    private static boolean strongFragmentHash(String fragment) {
        for (String h : STRONG_HASHES) {
            String v = fragmentValue(fragment, h);
            if (v != null && !v.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String fragmentValue(String fragment, String key) {
        for (String part : fragment.split("&")) {
            if (part.startsWith(key + "=")) {
                return Urls.percentDecode(part.substring(key.length() + 1));
            }
        }
        return null;
    }

    /** The scheme of a link, lower case, or empty for a relative one. */
    private static String scheme(String href) {
        int colon = href.indexOf(':');
        if (colon <= 0) {
            return "";
        }
        String s = href.substring(0, colon);
        return s.matches("[A-Za-z][A-Za-z0-9+.-]*") ? s.toLowerCase(Locale.ROOT) : "";
    }

    private static InstallerVerdict no(Rule rule, String reason) {
        return new InstallerVerdict(Usability.UNUSABLE, List.of(rule), reason);
    }
}
