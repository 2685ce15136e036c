package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the files of a project folder say about the project, read without running its code.
 *
 * <p>{@link #fields()} holds every core-metadata field that is known — present with its value, or known to be
 * absent — and lists in {@code Dynamic} the fields that a build may fill and this reader could not know (PEP 643).
 * It has no {@code Name} and no {@code Version}: those are {@link #name()} and {@link #version()}, completed by
 * {@link #complete(String, String)} with the name the caller settled on and the version of the tag.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProjectMetadata {
    private final String source;
    private final @Nullable String name;
    private final @Nullable String version;
    private final CoreMetadata fields;
    private final String backend;
    private final String nameTrail;

    /**
     * Creates the result.
     *
     * @param source the files it came from, such as {@code pyproject.toml} or {@code setup.cfg and setup.py}, or
     *               {@code "no metadata file"}
     * @param name the project name as written, or null when no file names it
     * @param version the static version as written, or null when it is dynamic or absent
     * @param fields the other fields, without Name and Version, Dynamic listing what is unknown
     * @param backend the build backend, such as {@code setuptools.build_meta:__legacy__}
     * @param nameTrail when the name is unknown, what each file said about it (for the error message)
     */
    public ProjectMetadata(String source, @Nullable String name, @Nullable String version, CoreMetadata fields,
            String backend, String nameTrail) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = name;
        this.version = version;
        this.fields = Objects.requireNonNull(fields, "fields");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.nameTrail = Objects.requireNonNull(nameTrail, "nameTrail");
    }

    /** @return the files the metadata came from, for messages */
    public String source() {
        return source;
    }

    /** @return the project name as written, if a file names it */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the static version as written, if a file states one */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return the other fields (no Name, no Version), with {@code Dynamic} */
    public CoreMetadata fields() {
        return fields;
    }

    /** @return the requires-python value, if known and present */
    public Optional<String> requiresPython() {
        return fields.requiresPython();
    }

    /** @return the build backend named in {@code pyproject.toml}, else setuptools' legacy backend */
    public String backend() {
        return backend;
    }

    /**
     * Why the name is unknown: what each file said, such as {@code pyproject.toml has no [project] table; setup.py
     * passes name=NAME, which is computed}. Empty when the name is known.
     *
     * @return the explanation
     */
    public String nameTrail() {
        return nameTrail;
    }

    /**
     * Why this metadata cannot go into an index as it is: a requires-python with control characters (META-04) or
     * that is not a version specifier set (META-03), a dependency with control characters (META-04). The Git and
     * GitHub sources skip such a tag with this reason.
     *
     * @return the reason, naming the file and the value, or empty when the metadata can be used
     */
    public Optional<String> unusable() {
        String rp = requiresPython().orElse(null);
        if (rp != null) {
            if (hasControl(rp)) {
                return Optional.of(source + " requires-python " + Texts.quote(rp) + " has control characters"
                        + " (META-04)");
            }
            try {
                VersionSpecifiers.parse(rp);
            } catch (GitpypiException e) {
                return Optional.of(source + " requires-python " + Texts.quote(rp) + " is not a version specifier set"
                        + " (META-03)");
            }
        }
        for (String d : fields.requiresDist()) {
            if (hasControl(d)) {
                return Optional.of(source + " dependency " + Texts.quote(d) + " has control characters (META-04)");
            }
        }
        return Optional.empty();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** @return whether every field is known ({@code Dynamic} is empty) */
    public boolean isComplete() {
        return fields.dynamic().isEmpty();
    }

    /**
     * The full metadata of one release.
     *
     * @param projectName the name to write
     * @param releaseVersion the version to write (normal form)
     * @return the metadata, its Metadata-Version the lowest that has every field (at least 2.2)
     */
    public CoreMetadata complete(String projectName, String releaseVersion) {
        return fields.toBuilder().metadataVersion(null).set(CoreMetadata.Field.NAME, projectName)
                .set(CoreMetadata.Field.VERSION, releaseVersion).build();
    }

    @Override
    public String toString() {
        return "ProjectMetadata[" + source + ", " + name + " " + version + ", dynamic=" + fields.dynamic() + "]";
    }
}
