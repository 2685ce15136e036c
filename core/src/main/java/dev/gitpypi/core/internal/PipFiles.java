package dev.gitpypi.core.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SdistFilename;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.WheelFilename;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a file name is to pip when a link to it sits on an index page, and so what gitpypi's sources that take
 * file names from outside (package lists, folders of files) make of it: a file pip would install is
 * {@linkplain Listed listed} under the project pip finds in its name, with a warning naming the rule when only pip's
 * lenient reading finds it; a file no installer takes from an index is {@linkplain Skipped skipped}, with its kind.
 *
 * <p>The readings, in order (SPEC PIP-05, SD-05, WHL-01..WHL-03):
 *
 * <ul>
 *   <li>a wheel that packaging's {@code parse_wheel_filename} accepts, with a valid name: listed;
 *   <li>a wheel that only pip's older reading accepts (pip before 25.3 matched a regular expression and read
 *       {@code _} as {@code -}, so {@code ztv-0.2.1_6-py2-none-any.whl} is {@code ztv} {@code 0.2.1-6}, which is
 *       the valid version {@code 0.2.1.post6}): listed with a warning (WHL-03);
 *   <li>another file whose extension pip accepts for source distributions (SD-05, case-sensitive): listed under
 *       the shortest name prefix that pip would match on a project's page and whose rest is a valid version
 *       (pip's rule: the version follows the first {@code -} whose prefix normalizes to the project, PIP-05); with
 *       a warning when the archive is not {@code .tar.gz} or {@code .zip} (uv skips it, SD-05), or when
 *       packaging's {@code parse_sdist_filename} reads the name otherwise or not at all (SD-01);
 *   <li>everything else is skipped: eggs, Windows and Linux installers, disk images, built archives whose version
 *       pip cannot read (bdist_dumb's {@code NAME-VERSION.PLATFORM.tar.gz}), files for one old Python
 *       ({@code -pyX.Y}), wheel names pip cannot read, names without a valid project name.
 * </ul>
 *
 * <p>The differential test {@code PipFilesDifferentialIT} holds this against pip's own {@code Link} and
 * {@code Wheel} classes over dumb-pypi's 71,408 real file names. Stateless and thread-safe.
 */
public final class PipFiles {
    /** pip 23's wheel file name pattern ({@code pip._internal.models.wheel.Wheel.wheel_file_re}, pip < 25.3). */
    /** A tag as pip's wheel name pattern takes it: no white space (pip < 25.3; later pips match no such tag). */
    private static final Pattern TAG = Pattern.compile("(?U)[^\\s-]+");
    /** What an interpreter's python tag looks like: an identifier (WHL-05). */
    private static final Pattern PYTHON_TAG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PYTHON_MARKER = Pattern.compile("-py[123]\\.?[0-9]?\\.[^-]*$");
    private static final Pattern LEGACY_WHEEL = Pattern.compile("(?U)^(?<name>[^\\s-]+?)-(?<ver>[^\\s-]*?)"
            + "(?:(?:-(?<build>\\d[^-]*?))?-(?<pyver>[^\\s-]+?)-(?<abi>[^\\s-]+?)-(?<plat>[^\\s-]+?)\\.whl)$");

    private PipFiles() {
    }

    /** What a source does with a file name. */
    public sealed interface Reading permits Listed, Skipped {
    }

    /**
     * A file pip would install: listed under {@code project}.
     *
     * @param project the project whose page lists the file
     * @param version the version pip reads
     * @param warning the rule the name breaks, when only pip's lenient reading finds it; null otherwise
     */
    public record Listed(ProjectName project, Version version, @Nullable String warning) implements Reading {
    }

    /**
     * A file no installer takes from an index.
     *
     * @param kind what kind of file it is
     * @param reason why, for the one file
     */
    public record Skipped(Kind kind, String reason) implements Reading {
    }

    /** The kinds of files that are skipped, each summarized in one line. */
    public enum Kind {
        /** {@code .egg}. */
        EGG("egg (.egg)", "eggs (.egg)", "pip and uv install no eggs from an index"),
        /** {@code .exe}, {@code .msi}. */
        WINDOWS_INSTALLER("Windows installer (.exe, .msi)", "Windows installers (.exe, .msi)",
                "installers are not Python packages for pip"),
        /** {@code .rpm}, {@code .deb}. */
        SYSTEM_PACKAGE("system package (.rpm, .deb)", "system packages (.rpm, .deb)",
                "system packages are not Python packages for pip"),
        /** {@code .dmg}, {@code .pkg}. */
        DISK_IMAGE("macOS disk image or installer (.dmg, .pkg)", "macOS disk images and installers (.dmg, .pkg)",
                "installers are not Python packages for pip"),
        /** A built archive or a source archive whose version pip cannot read. */
        NO_VERSION("archive without a version pip can read", "archives without a version pip can read",
                "such as bdist_dumb's NAME-VERSION.PLATFORM.tar.gz, files for one old Python (-pyX.Y) and macOS .zip"
                        + " builds; pip skips them (PIP-05)"),
        /** A {@code .whl} whose name neither packaging nor pip's older reading accepts. */
        INVALID_WHEEL("wheel with a file name pip cannot read", "wheels with file names pip cannot read",
                "pip skips them (WHL-01, PIP-05)"),
        /** No valid project name can be read from the file name. */
        NO_PROJECT("file without a valid project name", "files without a valid project name",
                "no project page can list them (NAME-01)"),
        /** Any other extension. */
        OTHER("other file", "other files", "not a wheel or a source archive pip accepts (SD-05)");

        private final String one;
        private final String many;
        private final String why;

        Kind(String one, String many, String why) {
            this.one = one;
            this.many = many;
            this.why = why;
        }

        /**
         * What files of this kind are.
         *
         * @param count how many
         * @return such as {@code egg (.egg)} for 1 and {@code eggs (.egg)} otherwise
         */
        public String label(long count) {
            return count == 1 ? one : many;
        }

        /** @return why no installer takes them */
        public String why() {
            return why;
        }
    }

    /**
     * Reads a file name.
     *
     * @param filename a bare file name (no path), as a package list or a folder gives it
     * @return what to do with it
     */
    public static Reading read(String filename) {
        if (filename.endsWith(".whl")) {
            return wheel(filename);
        }
        Distribution.Kind kind = Links.kind("", filename);
        if (kind == Distribution.Kind.SDIST) {
            return sdist(filename);
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".egg")) {
            return new Skipped(Kind.EGG, "an egg: " + Kind.EGG.why);
        } else if (lower.endsWith(".exe") || lower.endsWith(".msi")) {
            return new Skipped(Kind.WINDOWS_INSTALLER, "a Windows installer: " + Kind.WINDOWS_INSTALLER.why);
        } else if (lower.endsWith(".rpm") || lower.endsWith(".deb")) {
            return new Skipped(Kind.SYSTEM_PACKAGE, "a system package: " + Kind.SYSTEM_PACKAGE.why);
        } else if (lower.endsWith(".dmg") || lower.endsWith(".pkg")) {
            return new Skipped(Kind.DISK_IMAGE, "a macOS installer: " + Kind.DISK_IMAGE.why);
        }
        for (SdistFilename.Extension e : SdistFilename.Extension.values()) {
            if (lower.endsWith(e.suffix())) {
                return new Skipped(Kind.OTHER, "the extension is not in lower case; pip compares archive extensions"
                        + " case-sensitively (SD-05)");
            }
        }
        return new Skipped(Kind.OTHER, "not a wheel or a source archive pip accepts (.tar.gz, .zip, .tar.bz2, …;"
                + " SD-05)");
    }

    private static Reading wheel(String filename) {
        Optional<WheelFilename> parsed = WheelFilename.tryParse(filename);
        if (parsed.isPresent() && !tagsCanMatch(parsed.get())) {
            return new Skipped(Kind.INVALID_WHEEL, "its tags hold white space, which pip's wheel name pattern refuses"
                    + " and no interpreter's tags have (WHL-05)");
        }
        if (parsed.isPresent()) {
            String warning = pythonTagNoInterpreterHas(parsed.get()).map(t -> "pip reads this wheel name, but no"
                    + " interpreter has the python tag " + Texts.quote(t) + ", so pip and uv never install it"
                    + " (WHL-05)").orElse(null);
            return parsed.get().name().<Reading>map(n -> new Listed(n, parsed.get().version(), warning))
                    .orElseGet(() -> new Skipped(Kind.NO_PROJECT, "the name part " + Texts.quote(parsed.get()
                            .distribution()) + " is not a valid project name (WHL-02, NAME-01)"));
        }
        Optional<Listed> legacy = legacyWheel(filename);
        if (legacy.isPresent()) {
            return legacy.get();
        }
        return new Skipped(Kind.INVALID_WHEEL, "neither packaging nor pip reads this wheel file name (WHL-01)");
    }

    /**
     * A python tag that no interpreter has: interpreter tags are identifiers ({@code py3}, {@code cp311},
     * {@code pp39}), so {@code py35+} or {@code 2.7} (read as the members {@code 2} and {@code 7}) never match
     * (WHL-05). pip reads such a wheel name and lists the file, then never installs it.
     */
    private static Optional<String> pythonTagNoInterpreterHas(WheelFilename w) {
        for (String tag : w.pythonTags()) {
            if (!isInterpreterTag(tag)) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether one member of a wheel's python tag set can be an interpreter's tag: an identifier such as {@code py3},
     * {@code cp311} or {@code pp39} (WHL-05). The build and the validator judge python tags by this one rule.
     *
     * @param tag one member of the set ({@code py35+}, {@code 2} are not)
     * @return true if some interpreter could have it
     */
    public static boolean isInterpreterTag(String tag) {
        return PYTHON_TAG.matcher(tag).matches();
    }

    /** Whether every tag is one pip's wheel name pattern takes (packaging takes more, such as {@code "py32, py33"}). */
    private static boolean tagsCanMatch(WheelFilename w) {
        for (List<String> tags : List.of(w.pythonTags(), w.abiTags(), w.platformTags())) {
            for (String tag : tags) {
                if (tag.isEmpty() || !TAG.matcher(tag).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The version pip before 25.3 read from a wheel name that packaging rejects, for the project whose page lists
     * it (PIP-05, WHL-03).
     *
     * @param filename a wheel file name
     * @param project the project
     * @return the version, if pip's older reading finds one for that project
     */
    public static Optional<Version> legacyWheelVersion(String filename, ProjectName project) {
        return legacyWheel(filename).filter(l -> l.project().equals(project)).map(Listed::version);
    }

    private static Optional<Listed> legacyWheel(String filename) {
        Matcher m = LEGACY_WHEEL.matcher(filename);
        if (!m.matches()) {
            return Optional.empty();
        }
        String versionText = m.group("ver").replace('_', '-');
        Optional<ProjectName> project = ProjectName.tryParse(m.group("name").replace('_', '-'));
        Optional<Version> version = Version.tryParse(versionText);
        if (project.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Listed(project.get(), version.get(), "only pip before 25.3 reads this wheel name:"
                + " it takes '_' for '-', so the version is " + Texts.quote(versionText) + " (" + version.get()
                + "); newer pip and uv skip it (WHL-01, WHL-03)"));
    }

    private static Reading sdist(String filename) {
        boolean anyName = false;
        for (int dash = filename.indexOf('-'); dash > 0; dash = filename.indexOf('-', dash + 1)) {
            Optional<ProjectName> prefix = ProjectName.tryParse(filename.substring(0, dash));
            if (prefix.isEmpty()) {
                continue;
            }
            anyName = true;
            Optional<SdistFilename> pip = SdistFilename.parseForProject(filename, prefix.get());
            if (pip.isPresent()) {
                return new Listed(prefix.get(), pip.get().version(), sdistWarning(filename, prefix.get(),
                        pip.get()));
            }
        }
        if (!anyName) {
            return new Skipped(Kind.NO_PROJECT, "no valid project name before a '-' (NAME-01)");
        }
        String why;
        if (filename.contains("macosx10") && filename.endsWith(".zip")) {
            why = "pip skips .zip files whose name holds 'macosx10' (PIP-05)";
        } else if (PYTHON_MARKER.matcher(filename).find()) {
            why = "built for one Python version (-pyX.Y), which pip compares with its own and current Pythons"
                    + " never match (PIP-05)";
        } else {
            why = "no '-' is followed by a version pip can read, as in built archives (bdist_dumb's"
                    + " NAME-VERSION.PLATFORM.tar.gz) (PIP-05)";
        }
        return new Skipped(Kind.NO_VERSION, why);
    }

    private static @Nullable String sdistWarning(String filename, ProjectName project, SdistFilename pip) {
        SdistFilename.Extension extension = pip.extension();
        Optional<SdistFilename> packaging = SdistFilename.tryParse(filename);
        if (!extension.usableByUv()) {
            return "a " + extension.suffix() + " source archive: pip installs it, uv takes only .tar.gz and .zip"
                    + " (SD-05)";
        }
        if (packaging.isEmpty()) {
            return "pip reads this as " + project.normalized() + " " + pip.version() + ", but packaging's"
                    + " parse_sdist_filename does not read it, and uv may skip it (SD-01, PIP-05)";
        }
        if (!packaging.get().normalizedName().equals(project.normalized())) {
            return "pip reads this as " + project.normalized() + " " + pip.version() + " (listed there), and also"
                    + " as " + packaging.get().normalizedName() + " " + packaging.get().version() + ", as packaging's"
                    + " parse_sdist_filename does (SD-01, PIP-05)";
        }
        return null;
    }
}
