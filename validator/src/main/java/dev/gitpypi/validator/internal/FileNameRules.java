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

/** The rules of distribution file names and their versions (SPEC §11–§13: WHL-*, SD-*, VER-*, PIP-05, UV-06). */
final class FileNameRules {
    private static final Pattern PRE_RC =
            Pattern.compile("^v?(?:[0-9]+!)?([0-9]+(?:\\.[0-9]+)*)[-_.]?(rc|c|pre|preview)(?![a-z])");
    private final Sink sink;

    FileNameRules(Sink sink) {
        this.sink = sink;
    }

    /**
     * Checks the file names and versions of one project's links (SPEC §11–§13).
     *
     * @param project the normalized project name, or null when it is not known: then each file is judged against
     *     the name it gives itself, and notes say that whether the files belong to the page's project was not
     *     checked
     * @param links the links
     */
    void check(@Nullable String project, List<ReadLink> links) {
        boolean wheels = false;
        boolean sdists = false;
        Map<Version, Map<String, Location>> spellings = new TreeMap<>();
        for (ReadLink l : links) {
            Distribution d = l.distribution();
            if (d.kind() == Distribution.Kind.VCS) {
                continue;
            }
            String filename = Urls.lastSegment(l.href().strip());
            Location loc = l.location();
            Optional<String> versionText = Optional.empty();
            String judged = FileNames.judgedProject(project, filename);
            if (filename.endsWith(".whl")) {
                wheels = true;
                versionText = wheelName(filename, judged, loc);
            } else if (FileNames.pipSdistExtension(filename).isPresent()) {
                sdists = true;
                versionText = sdistName(filename, judged, loc);
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
        if (project == null && !links.isEmpty()) {
            String res = links.get(0).location().resource();
            String how = "; name it with --project NAME";
            if (wheels) {
                sink.report(Rule.WHL_02, Severity.NOTE, Location.of(res), "not checked: the project of this page is"
                        + " not known, so whether its wheels are of that project was not checked" + how);
            }
            if (sdists) {
                sink.report(Rule.PIP_05, Severity.NOTE, Location.of(res), "not checked: the project of this page is"
                        + " not known, so whether its sdists name that project was not checked" + how);
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
        if (project.isEmpty()) {
            sink.report(Rule.PIP_05, loc, "sdist " + q(filename) + " is not <name>-<version>" + ext
                    + "; pip and uv skip it");
            return Optional.empty();
        }
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
}
