package dev.gitpypi.validator.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.Rule;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Would each installer use a link, and if not which SPEC rule says why (SPEC §15, §16): asks one
 * {@link InstallerModel} per {@link Installer}. Stateless.
 */
public final class Compat {
    /** One model per installer, in {@link Installer} order. */
    static final List<InstallerModel> MODELS = List.of(new PipModel(), new UvModel(), new PoetryModel(),
            new PdmModel());

    /** Every rule an installer verdict may cite. */
    public static final Set<Rule> VERDICT_RULES;

    static {
        EnumSet<Rule> all = EnumSet.noneOf(Rule.class);
        for (InstallerModel m : MODELS) {
            all.addAll(m.rules());
        }
        VERDICT_RULES = Collections.unmodifiableSet(all);
    }

    private Compat() {
    }

    /**
     * What fails a whole page, per installer.
     *
     * @param failures for each installer that fails on or skips the page, the verdict for all its links
     */
    public record PageVerdict(Map<Installer, InstallerVerdict> failures) {
    }

    /**
     * Evaluates a page as a whole.
     *
     * @param page the page
     * @param links its links
     * @return the page-level verdict
     */
    public static PageVerdict page(RawProject page, List<ReadLink> links) {
        Map<Installer, InstallerVerdict> failures = new EnumMap<>(Installer.class);
        for (InstallerModel m : MODELS) {
            InstallerVerdict v = m.page(page, links);
            if (v != null) {
                failures.put(m.installer(), v);
            }
        }
        return new PageVerdict(failures);
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
        Map<Installer, InstallerVerdict> verdicts = new EnumMap<>(Installer.class);
        for (InstallerModel m : MODELS) {
            InstallerVerdict failure = page.failures().get(m.installer());
            verdicts.put(m.installer(), failure != null ? failure : m.link(project, link));
        }
        String urlName = Urls.lastSegment(link.href().strip());
        return new LinkVerdict(project != null ? project : FileNames.judgedProject(null, urlName), d.filename(),
                Urls.safe(d.url()), link.location(), verdicts);
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
