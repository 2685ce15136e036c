package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A wheel file name, {@code {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl} (SPEC
 * WHL-01…WHL-05).
 *
 * <p>{@link #parse(String)} accepts exactly the file names that packaging 26.2's {@code parse_wheel_filename}
 * accepts (the parser pip uses), and computes the same normalized name, version, build tag and expanded tags. That
 * is more than the canonical form: upper case and {@code .} in the name (NAME-05 says consumers must accept them),
 * non-normal version spellings, unsorted compressed tag sets, and a few oddities packaging tolerates (a name part
 * that is empty, non-ASCII or not a valid project name; empty tag members). {@link #isCanonical()} tells whether a
 * name is in the form a producer should emit, and {@link #of} builds that form.
 *
 * <p>Instances are immutable; two are equal when their file names are equal.
 */
public final class WheelFilename extends DistributionFilename {
    private final @Nullable BuildTag buildTag;
    private final List<String> pythonTags;
    private final List<String> abiTags;
    private final List<String> platformTags;

    private WheelFilename(String filename, String distribution, String versionText, Version version,
            @Nullable BuildTag buildTag, List<String> pythonTags, List<String> abiTags, List<String> platformTags) {
        super(filename, distribution, PythonText.canonicalizeName(distribution), versionText, version);
        this.buildTag = buildTag;
        this.pythonTags = pythonTags;
        this.abiTags = abiTags;
        this.platformTags = platformTags;
    }

    /**
     * Parses a wheel file name.
     *
     * @param filename the file name (the last segment of a URL path, percent-decoded)
     * @return the parsed file name
     * @throws InvalidFilenameException if packaging's {@code parse_wheel_filename} would reject it; the message
     *     quotes the file name and names the rule (WHL-01 shape, WHL-02 name, WHL-03 version, WHL-04 build tag)
     */
    public static WheelFilename parse(String filename) {
        Objects.requireNonNull(filename, "wheel file name must not be null");
        if (!filename.endsWith(".whl")) {
            throw invalid(filename, "it must end with '.whl' (WHL-01)");
        }
        String stem = filename.substring(0, filename.length() - 4);
        int[] dashes = new int[5];
        int count = 0;
        for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
            if (count == dashes.length) {
                count++;
                break;
            }
            dashes[count++] = i;
        }
        if (count != 4 && count != 5) {
            throw invalid(filename, "expected {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}"
                    + ", that is 4 or 5 '-' before '.whl' (WHL-01)");
        }
        String distribution = stem.substring(0, dashes[0]);
        if (!isPackagingNamePart(distribution)) {
            throw invalid(filename, "the name part " + Texts.quote(distribution)
                    + " must be letters, digits, '_' and '.' without '__' (WHL-02)");
        }
        String versionText = stem.substring(dashes[0] + 1, dashes[1]);
        Optional<Version> version = Version.tryParse(versionText);
        if (version.isEmpty()) {
            throw invalid(filename, "the version part " + Texts.quote(versionText)
                    + " is not a valid version (WHL-03)");
        }
        BuildTag build = null;
        int tagStart = dashes[1] + 1;
        if (count == 5) {
            String buildText = stem.substring(dashes[1] + 1, dashes[2]);
            build = BuildTag.tryParse(buildText).orElseThrow(() -> invalid(filename, "the build tag "
                    + Texts.quote(buildText) + " must start with a digit (WHL-04)"));
            tagStart = dashes[2] + 1;
        }
        int abiStart = dashes[count - 2] + 1;
        int platformStart = dashes[count - 1] + 1;
        return new WheelFilename(filename, distribution, versionText, version.get(), build,
                split(stem.substring(tagStart, abiStart - 1)), split(stem.substring(abiStart, platformStart - 1)),
                split(stem.substring(platformStart)));
    }

    /**
     * Parses a wheel file name, or empty.
     *
     * @param filename the candidate, may be null
     * @return the parsed file name, or empty where {@link #parse(String)} would throw
     */
    public static Optional<WheelFilename> tryParse(@Nullable String filename) {
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
     * The canonical file name of a wheel (SPEC NAME-05, WHL-02…WHL-05): the name in file-name form, the version in
     * normal form, each compressed tag set sorted without duplicates and lower-cased.
     *
     * @param name the project
     * @param version the version
     * @param buildTag the build tag, or null for none; must use only ASCII letters, digits, {@code _}, {@code .}
     * @param pythonTags the Python tags, such as {@code [py3]}; at least one
     * @param abiTags the ABI tags, such as {@code [none]}; at least one
     * @param platformTags the platform tags, such as {@code [any]}; at least one
     * @return the file name
     * @throws InvalidFilenameException if a tag is empty or has characters other than ASCII letters, digits and
     *     {@code _} (WHL-05), or the build tag has characters uv rejects (WHL-04)
     */
    public static WheelFilename of(ProjectName name, Version version, @Nullable BuildTag buildTag,
            List<String> pythonTags, List<String> abiTags, List<String> platformTags) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (buildTag != null && !buildTag.isPortable()) {
            throw new InvalidFilenameException("build tag " + Texts.quote(buildTag.toString())
                    + " has characters other than ASCII letters, digits, '_' and '.' (WHL-04)");
        }
        List<String> py = canonicalTags(pythonTags, "python");
        List<String> abi = canonicalTags(abiTags, "abi");
        List<String> platform = canonicalTags(platformTags, "platform");
        String versionText = version.toString();
        StringBuilder sb = new StringBuilder().append(name.fileNameForm()).append('-').append(versionText);
        if (buildTag != null) {
            sb.append('-').append(buildTag);
        }
        sb.append('-').append(String.join(".", py)).append('-').append(String.join(".", abi)).append('-')
                .append(String.join(".", platform)).append(".whl");
        return new WheelFilename(sb.toString(), name.fileNameForm(), versionText, version, buildTag, py, abi,
                platform);
    }

    private static List<String> canonicalTags(List<String> tags, String what) {
        if (tags.isEmpty()) {
            throw new InvalidFilenameException(what + " tags must not be empty (WHL-05)");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String tag : tags) {
            if (tag.isEmpty() || !tag.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '_')) {
                throw new InvalidFilenameException("invalid " + what + " tag " + Texts.quote(tag)
                        + ": a tag is ASCII letters, digits and '_' (WHL-05)");
            }
            sorted.add(PythonText.lower(tag));
        }
        return List.copyOf(sorted);
    }

    /** packaging: {@code "__" not in part and re.match(r"^[\w\d._]*$", part)} ({@code $} allows a final newline). */
    private static boolean isPackagingNamePart(String part) {
        if (part.contains("__")) {
            return false;
        }
        int end = part.endsWith("\n") ? part.length() - 1 : part.length();
        for (int i = 0; i < end; ) {
            int cp = part.codePointAt(i);
            if (cp != '.' && !PythonText.isWordChar(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static List<String> split(String component) {
        return List.of(component.split("\\.", -1));
    }

    private static InvalidFilenameException invalid(String filename, String why) {
        return new InvalidFilenameException("invalid wheel file name " + Texts.quote(filename) + ": "
                + why);
    }

    /**
     * The build tag, if there is one.
     *
     * @return the build tag, or empty
     */
    public Optional<BuildTag> buildTag() {
        return Optional.ofNullable(buildTag);
    }

    /**
     * The members of the Python tag set as written, such as {@code [py2, py3]}.
     *
     * @return the Python tags
     */
    public List<String> pythonTags() {
        return pythonTags;
    }

    /**
     * The members of the ABI tag set as written.
     *
     * @return the ABI tags
     */
    public List<String> abiTags() {
        return abiTags;
    }

    /**
     * The members of the platform tag set as written.
     *
     * @return the platform tags
     */
    public List<String> platformTags() {
        return platformTags;
    }

    /**
     * The expanded tags (SPEC WHL-05): every combination of the three tag sets, lower-cased as packaging does,
     * sorted and without duplicates.
     *
     * @return the tags
     */
    public SortedSet<WheelTag> tags() {
        TreeSet<WheelTag> tags = new TreeSet<>();
        for (String py : pythonTags) {
            for (String abi : abiTags) {
                for (String platform : platformTags) {
                    tags.add(new WheelTag(PythonText.lower(py), PythonText.lower(abi), PythonText.lower(platform)));
                }
            }
        }
        return Collections.unmodifiableSortedSet(tags);
    }

    /**
     * Whether each compressed tag set is in sorted order, as the spec requires (WHL-05). pip does not check this.
     *
     * @return true if every tag set is sorted
     */
    public boolean tagSetsSorted() {
        return isSorted(pythonTags) && isSorted(abiTags) && isSorted(platformTags);
    }

    private static boolean isSorted(List<String> tags) {
        for (int i = 1; i < tags.size(); i++) {
            if (PythonText.compareCodePoints(tags.get(i - 1), tags.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this is the canonical file name that {@link #of} would build from its parts: name in NAME-05 form,
     * version in normal form (WHL-03), portable build tag, sorted and lower-case tag sets of ASCII letters, digits
     * and {@code _} (WHL-05).
     *
     * @return true if canonical
     */
    @Override
    public boolean isCanonical() {
        Optional<ProjectName> name = name();
        if (name.isEmpty()) {
            return false;
        }
        try {
            return of(name.get(), version(), buildTag, pythonTags, abiTags, platformTags).filename()
                    .equals(filename());
        } catch (InvalidFilenameException e) {
            return false;
        }
    }
}
