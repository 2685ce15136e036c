package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A source distribution file name (SPEC SD-01, SD-03, SD-05), such as {@code foo_bar-1.0.tar.gz}.
 *
 * <p>Three readings exist, and this class offers each:
 *
 * <ul>
 *   <li>{@link #parse(String)}: packaging 26.2's {@code parse_sdist_filename}, exactly — a {@code .tar.gz} or
 *       {@code .zip} file name whose text after its last {@code -} is a valid version; the name part is anything.
 *   <li>{@link #parseForProject(String, ProjectName)} / {@link #acceptedByPip(String, ProjectName)}: pip's legacy
 *       rule for a file on a project's page (PIP-05): any of pip's archive extensions (SD-05), the version after
 *       the first {@code -} whose prefix normalizes to the project.
 *   <li>{@link #acceptedByUv(String, ProjectName)}: uv's stricter rule (UV-06, SD-05).
 * </ul>
 *
 * <p>{@link #of(ProjectName, Version)} builds the canonical form ({@code {name}-{version}.tar.gz}, SD-01) and
 * {@link #isCanonical()} recognizes it. Instances are immutable; two are equal when their file names are equal.
 */
public final class SdistFilename extends DistributionFilename {
    /** The archive extensions pip accepts for source distributions (SD-05), matched case-sensitively. */
    public enum Extension {
        /** {@code .tar.gz}, the only standard one (SD-01). */
        TAR_GZ(".tar.gz"),
        /** {@code .zip}, legacy; still used by uv. */
        ZIP(".zip"),
        /** {@code .tgz}, legacy (pip only). */
        TGZ(".tgz"),
        /** {@code .tar}, legacy (pip only). */
        TAR(".tar"),
        /** {@code .tar.bz2}, legacy (pip only). */
        TAR_BZ2(".tar.bz2"),
        /** {@code .tbz}, legacy (pip only). */
        TBZ(".tbz"),
        /** {@code .tar.xz}, legacy (pip only). */
        TAR_XZ(".tar.xz"),
        /** {@code .txz}, legacy (pip only). */
        TXZ(".txz"),
        /** {@code .tlz}, legacy (pip only). */
        TLZ(".tlz"),
        /** {@code .tar.lz}, legacy (pip only). */
        TAR_LZ(".tar.lz"),
        /** {@code .tar.lzma}, legacy (pip only). */
        TAR_LZMA(".tar.lzma");

        private final String suffix;

        Extension(String suffix) {
            this.suffix = suffix;
        }

        /**
         * The extension with its leading dot, such as {@code .tar.gz}.
         *
         * @return the suffix
         */
        public String suffix() {
            return suffix;
        }

        /**
         * Whether uv uses sdists with this extension from an index ({@code .tar.gz} and {@code .zip}; SD-05).
         *
         * @return true for {@code .tar.gz} and {@code .zip}
         */
        public boolean usableByUv() {
            return this == TAR_GZ || this == ZIP;
        }

        static @Nullable Extension ofSuffix(String suffix) {
            for (Extension e : values()) {
                if (e.suffix.equals(suffix)) {
                    return e;
                }
            }
            return null;
        }
    }

    private final Extension extension;

    private SdistFilename(String filename, String distribution, String normalizedName, String versionText,
            Version version, Extension extension) {
        super(filename, distribution, normalizedName, versionText, version);
        this.extension = extension;
    }

    /**
     * Parses an sdist file name as packaging's {@code parse_sdist_filename} does (SD-03): it ends with
     * {@code .tar.gz} or {@code .zip}, and the text after the last {@code -} is a valid version. The name part is
     * everything before that {@code -}, whatever it is.
     *
     * @param filename the file name (the last segment of a URL path, percent-decoded)
     * @return the parsed file name
     * @throws InvalidFilenameException if packaging would reject it; the message quotes it and names the rule
     */
    public static SdistFilename parse(String filename) {
        Objects.requireNonNull(filename, "sdist file name must not be null");
        Extension extension;
        if (filename.endsWith(".tar.gz")) {
            extension = Extension.TAR_GZ;
        } else if (filename.endsWith(".zip")) {
            extension = Extension.ZIP;
        } else {
            throw invalid(filename, "it must end with '.tar.gz' or '.zip' (SD-01, SD-05)");
        }
        String stem = filename.substring(0, filename.length() - extension.suffix.length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw invalid(filename, "expected {name}-{version} before the extension, found no '-' (SD-01)");
        }
        String distribution = stem.substring(0, dash);
        String versionText = stem.substring(dash + 1);
        Version version = Version.tryParse(versionText).orElseThrow(() -> invalid(filename, "the version part "
                + Texts.quote(versionText) + " is not a valid version (SD-01)"));
        return new SdistFilename(filename, distribution, PythonText.canonicalizeName(distribution), versionText,
                version, extension);
    }

    /**
     * Parses an sdist file name, or empty.
     *
     * @param filename the candidate, may be null
     * @return the parsed file name, or empty where {@link #parse(String)} would throw
     */
    public static Optional<SdistFilename> tryParse(@Nullable String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(filename));
        } catch (InvalidFilenameException e) {
            return Optional.empty();
        }
    }

    /**
     * The canonical sdist file name (SD-01): the name in NAME-05 form, the version in normal form,
     * {@code .tar.gz}.
     *
     * @param name the project
     * @param version the version
     * @return the file name, such as {@code foo_bar-1.0.tar.gz}
     */
    public static SdistFilename of(ProjectName name, Version version) {
        String versionText = version.toString();
        String distribution = name.fileNameForm();
        return new SdistFilename(distribution + "-" + versionText + Extension.TAR_GZ.suffix, distribution,
                name.normalized(), versionText, version, Extension.TAR_GZ);
    }

    /**
     * Reads a non-wheel file on a project's page as pip does (PIP-05): the extension must be one of pip's archive
     * extensions (SD-05, case-sensitive; {@code .zip} not when the name contains {@code macosx10}); the version is
     * the text after the first {@code -} whose prefix normalizes to the project (NAME-04), so non-canonical names
     * such as {@code Foo.Bar-1.0.tar.gz} or {@code foo__bar-1.0.tar.gz} are accepted; it must be a valid version.
     * A version ending in a legacy {@code -pyX.Y} marker is rejected: pip compares that marker with its interpreter
     * ({@code 3.10} and later can never match).
     *
     * @param filename the file name (the last segment of a URL path, percent-decoded)
     * @param project the project whose page lists the file
     * @return the file name read for that project, or empty if pip would skip it
     */
    public static Optional<SdistFilename> parseForProject(String filename, ProjectName project) {
        Objects.requireNonNull(filename, "file name must not be null");
        Optional<SdistFilename> fast = parseForProjectFast(filename, project);
        if (fast != null) {
            return fast;
        }
        String[] split = pipSplitext(filename);
        String base = split[0];
        Extension extension = Extension.ofSuffix(split[1]);
        if (extension == null || (extension == Extension.ZIP && filename.contains("macosx10"))) {
            return Optional.empty();
        }
        int dash = pipNameVersionSeparator(base, project.normalized());
        if (dash < 0 || dash == base.length() - 1) {
            return Optional.empty();
        }
        String versionText = base.substring(dash + 1);
        if (endsWithPythonVersionMarker(versionText)) {
            return Optional.empty();
        }
        String distribution = base.substring(0, dash);
        return Version.tryParse(versionText).map(v -> new SdistFilename(filename, distribution,
                project.normalized(), versionText, v, extension));
    }

    /**
     * {@link #parseForProject} for the common case, without the allocations of pip's general algorithm: the file
     * name starts with the normalized project name character for character (upper case and {@code _}/{@code .} for
     * {@code -} allowed), then {@code -}, and ends with one of pip's extensions (the longest that matches, as pip's
     * {@code splitext} takes it). Then that {@code -} is the one pip finds, because a shorter prefix normalizes to a
     * shorter name. Returns null when the general algorithm must decide.
     */
    private static @Nullable Optional<SdistFilename> parseForProjectFast(String filename, ProjectName project) {
        String normalized = project.normalized();
        int n = normalized.length();
        if (filename.length() <= n + 1 || filename.charAt(n) != '-' || filename.indexOf('/') >= 0) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = filename.charAt(i);
            char mapped = (c == '_' || c == '.') ? '-' : (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
            if (mapped != normalized.charAt(i)) {
                return null;
            }
        }
        Extension extension = null;
        for (Extension e : EXTENSIONS) {
            if (filename.endsWith(e.suffix) && (extension == null || e.suffix.length() > extension.suffix.length())) {
                extension = e;
            }
        }
        int versionEnd = extension == null ? -1 : filename.length() - extension.suffix.length();
        if (extension == null || versionEnd <= n + 1 || (!extension.suffix.startsWith(".tar.")
                && versionEnd >= 4 && filename.regionMatches(true, versionEnd - 4, ".tar", 0, 4))) {
            return null; // no extension, an empty version, or ".tar" before a one-part extension: pip's splitext
        }
        if (extension == Extension.ZIP && filename.contains("macosx10")) {
            return Optional.empty();
        }
        String versionText = filename.substring(n + 1, versionEnd);
        if (endsWithPythonVersionMarker(versionText)) {
            return Optional.empty();
        }
        String distribution = filename.substring(0, n);
        Extension found = extension;
        return Version.tryParse(versionText).map(v -> new SdistFilename(filename, distribution, normalized,
                versionText, v, found));
    }

    private static final Extension[] EXTENSIONS = Extension.values();

    /**
     * Whether pip would take this file from the project's page as a source distribution (PIP-05); see
     * {@link #parseForProject(String, ProjectName)}.
     *
     * @param filename the file name
     * @param project the project
     * @return true if pip accepts it
     */
    public static boolean acceptedByPip(String filename, ProjectName project) {
        return parseForProject(filename, project).isPresent();
    }

    /**
     * Whether uv would take this file from the project's page as a source distribution (UV-06, SD-05): the
     * extension is {@code .tar.gz} (the {@code tar} in any case) or {@code .zip}; the name part has exactly the
     * length of the normalized project name and matches it character by character after lower-casing ASCII and
     * mapping {@code _} and {@code .} to {@code -} (runs are not collapsed, so {@code foo__bar-1.0.tar.gz} is not
     * a file of {@code foo-bar} for uv, although pip accepts it); then a {@code -}; then a valid version.
     *
     * @param filename the file name
     * @param project the project
     * @return true if uv accepts it
     */
    public static boolean acceptedByUv(String filename, ProjectName project) {
        Objects.requireNonNull(filename, "file name must not be null");
        int extensionLength;
        if (filename.endsWith(".zip")) {
            extensionLength = 4;
        } else if (filename.endsWith(".gz") && filename.length() >= 7
                && filename.regionMatches(true, filename.length() - 7, ".tar", 0, 4)) {
            extensionLength = 7;
        } else {
            return false;
        }
        String stem = filename.substring(0, filename.length() - extensionLength);
        String normalized = project.normalized();
        int n = normalized.length();
        if (stem.length() <= n + 1 || stem.charAt(n) != '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = stem.charAt(i);
            char mapped = (c == '_' || c == '.') ? '-' : (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
            if (mapped != normalized.charAt(i)) {
                return false;
            }
        }
        return Version.tryParse(stem.substring(n + 1)).isPresent();
    }

    /** pip's {@code splitext}: {@code posixpath.splitext}, with {@code .tar} pulled into the extension. */
    private static String[] pipSplitext(String path) {
        int sep = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String base = path;
        String ext = "";
        if (dot > sep) {
            for (int i = sep + 1; i < dot; i++) {
                if (path.charAt(i) != '.') {
                    base = path.substring(0, dot);
                    ext = path.substring(dot);
                    break;
                }
            }
        }
        if (base.length() >= 4 && base.regionMatches(true, base.length() - 4, ".tar", 0, 4)) {
            ext = base.substring(base.length() - 4) + ext;
            base = base.substring(0, base.length() - 4);
        }
        return new String[] {base, ext};
    }

    /**
     * pip's {@code _find_name_version_sep}: the first {@code -} whose prefix canonicalizes (Python lower-casing)
     * to {@code canonical}, or -1. Linear: the prefix's normalization is built incrementally.
     */
    private static int pipNameVersionSeparator(String base, String canonical) {
        StringBuilder prefix = new StringBuilder(canonical.length() + 2);
        boolean previousSeparator = false;
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c == '-' && prefix.length() == canonical.length() && canonical.contentEquals(prefix)) {
                return i;
            }
            if (c == '-' || c == '_' || c == '.') {
                if (!previousSeparator) {
                    prefix.append('-');
                    previousSeparator = true;
                }
            } else {
                char lower;
                if (c >= 'A' && c <= 'Z') {
                    lower = (char) (c + ('a' - 'A'));
                } else if (c == PythonText.KELVIN_SIGN) {
                    lower = 'k'; // Python: 'K'.lower() == 'k'
                } else if (c > 0x7f) {
                    return -1; // lower-cases to non-ASCII: no longer prefix can equal an ASCII name
                } else {
                    lower = c;
                }
                prefix.append(lower);
                previousSeparator = false;
            }
            if (prefix.length() > canonical.length() + 1) {
                return -1;
            }
        }
        return -1;
    }

    /** pip's {@code _py_version_re}: {@code -py([123]\.?[0-9]?)$}, where {@code $} also matches before a final newline. */
    private static boolean endsWithPythonVersionMarker(String version) {
        String v = version.endsWith("\n") ? version.substring(0, version.length() - 1) : version;
        int at = v.lastIndexOf("-py");
        if (at < 0) {
            return false;
        }
        String tail = v.substring(at + 3);
        return tail.matches("[123]\\.?[0-9]?");
    }

    private static InvalidFilenameException invalid(String filename, String why) {
        return new InvalidFilenameException("invalid sdist file name " + Texts.quote(filename) + ": "
                + why);
    }

    /**
     * The archive extension.
     *
     * @return the extension
     */
    public Extension extension() {
        return extension;
    }

    /**
     * Whether this is the canonical form {@link #of(ProjectName, Version)} builds (SD-01): name in NAME-05 form,
     * version in normal form, {@code .tar.gz}, so exactly one {@code -}.
     *
     * @return true if canonical
     */
    @Override
    public boolean isCanonical() {
        return extension == Extension.TAR_GZ && name().map(n -> of(n, version()).filename().equals(filename()))
                .orElse(false);
    }
}
