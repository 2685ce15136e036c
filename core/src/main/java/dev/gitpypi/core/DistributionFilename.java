package dev.gitpypi.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The file name of a distribution: a {@link WheelFilename} or an {@link SdistFilename}. Both carry the name part
 * as written, the normalized name, and the version. Two file names are equal when they are of the same kind and
 * their text is equal.
 */
public abstract sealed class DistributionFilename permits WheelFilename, SdistFilename {
    private final String filename;
    private final String distribution;
    private final String normalizedName;
    private final String versionText;
    private final Version version;

    DistributionFilename(String filename, String distribution, String normalizedName, String versionText,
            Version version) {
        this.filename = filename;
        this.distribution = distribution;
        this.normalizedName = normalizedName;
        this.versionText = versionText;
        this.version = version;
    }

    /**
     * Reads a file name as a wheel if it ends with {@code .whl}, otherwise as an sdist, each as packaging does
     * ({@link WheelFilename#parse(String)}, {@link SdistFilename#parse(String)}).
     *
     * @param filename the candidate, may be null
     * @return the parsed file name, or empty if it is neither
     */
    public static Optional<DistributionFilename> tryParseAny(@Nullable String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        return filename.endsWith(".whl") ? WheelFilename.tryParse(filename).map(DistributionFilename.class::cast)
                : SdistFilename.tryParse(filename).map(DistributionFilename.class::cast);
    }

    /**
     * The name part as written in the file name, such as {@code Foo.Bar}.
     *
     * @return the name part
     */
    public final String distribution() {
        return distribution;
    }

    /**
     * The normalized name, as packaging's {@code canonicalize_name} computes it from the name part. For a valid
     * name part this is {@link ProjectName#normalized()}; for the non-ASCII name parts that packaging tolerates it
     * uses Python's Unicode lower-casing, as pip does when it compares a file with a project.
     *
     * @return the normalized name
     */
    public final String normalizedName() {
        return normalizedName;
    }

    /**
     * The project name, if the name part is a valid project name (NAME-01); packaging also accepts name parts such
     * as {@code foo.} or an empty one, which belong to no project.
     *
     * @return the project name, or empty
     */
    public final Optional<ProjectName> name() {
        return ProjectName.tryParse(distribution);
    }

    /**
     * Whether this file belongs to a project by pip's comparison (NAME-04, PIP-05): its normalized name equals
     * the project's.
     *
     * @param project the project
     * @return true if the file names that project
     */
    public final boolean isFor(ProjectName project) {
        return normalizedName.equals(project.normalized());
    }

    /**
     * The version part as written, such as {@code 1.0_rc1}.
     *
     * @return the version text
     */
    public final String versionText() {
        return versionText;
    }

    /**
     * The version.
     *
     * @return the version
     */
    public final Version version() {
        return version;
    }

    /**
     * Whether this is the canonical form a producer should emit (NAME-05 name, normal-form version; WHL-02…05 or
     * SD-01).
     *
     * @return true if canonical
     */
    public abstract boolean isCanonical();

    /**
     * The file name.
     *
     * @return the file name as parsed or built
     */
    public final String filename() {
        return filename;
    }

    @Override
    public final boolean equals(@Nullable Object o) {
        return o != null && o.getClass() == getClass() && filename.equals(((DistributionFilename) o).filename);
    }

    @Override
    public final int hashCode() {
        return filename.hashCode();
    }

    /** The file name. */
    @Override
    public final String toString() {
        return filename;
    }
}
