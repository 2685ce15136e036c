package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Usability;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one installer does with an index page and its links, as read from its source (SPEC §15 for pip, §16 for
 * uv): which pages it fails on as a whole, which links it skips, which it sees as yanked, and the rules that say
 * why. One subclass per {@link Installer}; {@link Compat} asks each of them. To model another installer, add it to
 * {@link Installer}, write its subclass and add it to {@link Compat#MODELS}; every rule a model cites must be in its
 * {@link #rules()} (the verdict fixtures test that each of them is reachable).
 */
abstract class InstallerModel {
    /** The media types of the simple API (PIP-02, UV-01). */
    static final List<String> TYPES = List.of("text/html", "application/vnd.pypi.simple.v1+html",
            "application/vnd.pypi.simple.v1+json");

    private final Installer installer;
    private final Set<Rule> rules;

    /**
     * @param installer the installer modelled
     * @param rules every rule this model's verdicts may cite
     */
    InstallerModel(Installer installer, Set<Rule> rules) {
        this.installer = installer;
        this.rules = Set.copyOf(rules);
    }

    /** @return the installer modelled */
    final Installer installer() {
        return installer;
    }

    /** @return every rule this model's verdicts may cite */
    final Set<Rule> rules() {
        return rules;
    }

    /**
     * What makes the installer fail on, or skip, a whole page.
     *
     * @param page the page
     * @param links its links
     * @return an unusable verdict for every link of the page, or null when the page is fine for this installer
     */
    abstract @Nullable InstallerVerdict page(RawProject page, List<ReadLink> links);

    /**
     * What the installer does with one link of a page it reads.
     *
     * @param project the page's normalized project name, or null when not known
     * @param link the link
     * @return the verdict
     */
    abstract InstallerVerdict link(@Nullable String project, ReadLink link);

    InstallerVerdict no(Rule rule, String reason) {
        return verdict(Usability.UNUSABLE, List.of(rule), reason);
    }

    InstallerVerdict verdict(Usability usability, List<Rule> cited, String reason) {
        for (Rule r : cited) {
            if (!rules().contains(r)) {
                throw new IllegalStateException(installer().label() + " model cites " + r.id()
                        + ", which is not in its rules()");
            }
        }
        return new InstallerVerdict(usability, cited, reason);
    }

    /** The media type of a page, for the content-type rules: the text before {@code ;}, as sent. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return semi >= 0 ? contentType.substring(0, semi) : contentType;
    }

    /**
     * The problems of a wheel file name both installers share (SPEC §12): 4 or 5 dashes (WHL-01), a name part pip
     * accepts that names this project (WHL-02), a PEP 440 version (VER-05), a build tag (WHL-04: starting with a
     * digit; uv also only {@code [A-Za-z0-9_.]}), tag sets without empty or invalid members (WHL-05).
     *
     * @param project the normalized project to judge against
     * @param filename the wheel's file name
     * @param strictBuild whether the build tag must also be {@code [A-Za-z0-9_.]} only (uv)
     * @return the problem, or empty
     */
    Optional<InstallerVerdict> wheel(String project, String filename, boolean strictBuild) {
        Optional<FileNames.Wheel> w = FileNames.wheel(filename);
        if (w.isEmpty()) {
            return Optional.of(no(Rule.WHL_01, "not a valid wheel file name"));
        }
        if (!FileNames.pipWheelName(w.get().name())) {
            return Optional.of(no(Rule.WHL_02, "invalid wheel name part " + w.get().name()));
        }
        if (!ProjectName.normalize(w.get().name()).equals(project)) {
            return Optional.of(no(Rule.WHL_02, "the wheel is not of project " + project));
        }
        if (Version.tryParse(w.get().version()).isEmpty()) {
            return Optional.of(no(Rule.VER_05, "invalid version " + w.get().version()));
        }
        String build = w.get().build();
        if (build != null && (strictBuild ? !FileNames.validBuild(build) : build.isEmpty()
                || !Character.isDigit(build.charAt(0)))) {
            return Optional.of(no(Rule.WHL_04, "invalid build tag " + build));
        }
        for (String set : List.of(w.get().python(), w.get().abi(), w.get().platform())) {
            Optional<String> p = FileNames.tagSetProblem(set, set.equals(w.get().python()));
            if (p.isPresent() && !p.get().equals("unsorted")) {
                return Optional.of(no(Rule.WHL_05, "invalid tag set " + set));
            }
        }
        return Optional.empty();
    }

    static boolean lowerStartsWithAny(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        for (String t : TYPES) {
            if (lower.startsWith(t)) {
                return true;
            }
        }
        return false;
    }
}
