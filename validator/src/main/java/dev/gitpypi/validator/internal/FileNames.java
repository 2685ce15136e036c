package dev.gitpypi.validator.internal;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.PipFiles;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The file-name facts the rules and the installer verdicts need (SPEC §12, §13, PIP-05, UV-06): how pip and uv
 * would split a wheel or sdist name, and whether it is canonical.
 */
public final class FileNames {
    private static final Pattern CANONICAL_NAME_PART = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern PIP_WHEEL_NAME = Pattern.compile("[\\w.]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern UV_BUILD = Pattern.compile("[0-9][A-Za-z0-9_.]*");
    private static final String[] PIP_SDIST = {
        ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"
    };

    private FileNames() {
    }

    /**
     * A wheel file name split at its dashes.
     *
     * @param name the name part
     * @param version the version part
     * @param build the build tag or null
     * @param python the python tag set
     * @param abi the abi tag set
     * @param platform the platform tag set
     */
    public record Wheel(String name, String version, @Nullable String build, String python, String abi,
            String platform) {
    }

    /**
     * Splits a wheel name.
     *
     * @param filename the file name ending {@code .whl}
     * @return the parts, or empty when it does not have 4 or 5 dashes (WHL-01)
     */
    public static Optional<Wheel> wheel(String filename) {
        if (!filename.endsWith(".whl")) {
            return Optional.empty();
        }
        String[] parts = filename.substring(0, filename.length() - 4).split("-", -1);
        if (parts.length == 5) {
            return Optional.of(new Wheel(parts[0], parts[1], null, parts[2], parts[3], parts[4]));
        }
        if (parts.length == 6) {
            return Optional.of(new Wheel(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]));
        }
        return Optional.empty();
    }

    /**
     * Whether a name part is in canonical file-name form ({@code [a-z0-9]+(_[a-z0-9]+)*}, NAME-05).
     *
     * @param part the name part
     * @return true if canonical
     */
    public static boolean canonicalNamePart(String part) {
        return CANONICAL_NAME_PART.matcher(part).matches();
    }

    /**
     * Whether pip (packaging 26) accepts a wheel name part: {@code [\w.]+} without {@code __} (WHL-02).
     *
     * @param part the name part
     * @return true if pip accepts it
     */
    public static boolean pipWheelName(String part) {
        return PIP_WHEEL_NAME.matcher(part).matches() && !part.contains("__");
    }

    /**
     * Whether a build tag is valid: starts with a digit (WHL-04), and for uv only {@code [A-Za-z0-9_.]}.
     *
     * @param build the build tag
     * @return true if both pip and uv accept it
     */
    public static boolean validBuild(String build) {
        return UV_BUILD.matcher(build).matches();
    }

    /**
     * A problem with a compressed tag set, or empty (WHL-05).
     *
     * @param set the set, such as {@code py2.py3}
     * @param python whether members must be identifiers (python tags)
     * @return "empty" for an empty member, "identifier" for a non-identifier python tag, "unsorted", or empty
     */
    public static Optional<String> tagSetProblem(String set, boolean python) {
        String[] members = set.split("\\.", -1);
        for (String m : members) {
            if (m.isEmpty()) {
                return Optional.of("empty");
            }
            if (python && !PipFiles.isInterpreterTag(m)) {
                return Optional.of("identifier");
            }
        }
        for (int i = 1; i < members.length; i++) {
            if (members[i - 1].compareTo(members[i]) > 0) {
                return Optional.of("unsorted");
            }
        }
        return Optional.empty();
    }

    /**
     * The sdist extension pip recognises, case-sensitively (SD-05).
     *
     * @param filename the file name
     * @return the extension, or empty
     */
    public static Optional<String> pipSdistExtension(String filename) {
        for (String ext : PIP_SDIST) {
            if (filename.endsWith(ext)) {
                return Optional.of(ext);
            }
        }
        return Optional.empty();
    }

    /**
     * pip's split of an archive name (PIP-05): the version after the first {@code -} whose prefix normalizes to
     * the project name.
     *
     * @param stem the file name without its extension
     * @param project the normalized project name
     * @return the version text, or empty when no prefix names the project
     */
    public static Optional<String> pipSdistVersion(String stem, String project) {
        for (int i = 0; i < stem.length(); i++) {
            if (stem.charAt(i) == '-' && ProjectName.normalize(stem.substring(0, i)).equals(project)) {
                return Optional.of(stem.substring(i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether uv matches an sdist name part to a project (UV-06): same length as the normalized name, equal after
     * lower-casing and mapping {@code _} and {@code .} to {@code -}, runs not collapsed.
     *
     * @param stem the file name without extension
     * @param project the normalized project name
     * @return the version text when uv accepts the name, else empty
     */
    public static Optional<String> uvSdistVersion(String stem, String project) {
        if (stem.length() <= project.length() || stem.charAt(project.length()) != '-') {
            return Optional.empty();
        }
        for (int i = 0; i < project.length(); i++) {
            char c = stem.charAt(i);
            char m = c == '_' || c == '.' ? '-' : (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            if (m != project.charAt(i)) {
                return Optional.empty();
            }
        }
        return Optional.of(stem.substring(project.length() + 1));
    }

    /**
     * Whether a version text is in PEP 440 normal form.
     *
     * @param text the version text
     * @return true if it parses and prints as itself
     */
    public static boolean normalVersion(String text) {
        return Version.tryParse(text).map(v -> v.toString().equals(text)).orElse(false);
    }

    /**
     * The version of a file name, for the project, as pip would read it.
     *
     * @param filename the file name
     * @param project the normalized project name, or null when unknown
     * @return the version text, or empty
     */
    public static Optional<String> versionText(String filename, @Nullable String project) {
        String p = judgedProject(project, filename);
        if (filename.endsWith(".whl")) {
            return wheel(filename).map(Wheel::version);
        }
        return pipSdistExtension(filename).flatMap(ext -> pipSdistVersion(
                filename.substring(0, filename.length() - ext.length()), p));
    }

    /**
     * The project a distribution file names by itself, for a page whose project is not known: a wheel's name part,
     * an sdist's name before the first {@code -} that starts a PEP 440 version (else before its last {@code -}).
     * Checking a file against the name it gives itself judges everything but whether it belongs on the page.
     *
     * @param filename the file name
     * @return the normalized name, or empty when the name gives none
     */
    public static Optional<String> presumedProject(String filename) {
        if (filename.endsWith(".whl")) {
            return wheel(filename).map(Wheel::name).map(ProjectName::normalize);
        }
        Optional<String> ext = pipSdistExtension(filename);
        if (ext.isEmpty()) {
            return Optional.empty();
        }
        String stem = filename.substring(0, filename.length() - ext.get().length());
        for (int i = 0; i < stem.length(); i++) {
            if (stem.charAt(i) == '-' && i > 0 && Version.tryParse(stem.substring(i + 1)).isPresent()) {
                return Optional.of(ProjectName.normalize(stem.substring(0, i)));
            }
        }
        int last = stem.lastIndexOf('-');
        return last > 0 ? Optional.of(ProjectName.normalize(stem.substring(0, last))) : Optional.empty();
    }

    /**
     * The project a file is judged against: the page's project when known, else the one the file names.
     *
     * @param project the page's normalized project name, or null when unknown
     * @param filename the file name
     * @return the name to judge the file against
     */
    public static String judgedProject(@Nullable String project, String filename) {
        return project != null ? project : presumedProject(filename).orElse("");
    }
}
