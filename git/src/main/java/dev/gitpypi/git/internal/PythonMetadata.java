package dev.gitpypi.git.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the files at a tag say about a Python project, before the tag's version is applied.
 *
 * @param source the file it came from ({@code pyproject.toml}, {@code setup.cfg}, {@code setup.py}) or
 *               {@code "repository name"}
 * @param name the project name as written, or null when the file names none
 * @param version the static version as written, or null when dynamic or absent
 * @param requiresPython the static requires-python, or null when absent or dynamic
 * @param requiresPythonKnown whether requires-python is static (so its absence is known too)
 * @param dependencies static {@code Requires-Dist} values (with extras folded into markers), or null when unknown
 * @param extras static extra names ({@code Provides-Extra}), meaningful when {@code dependencies} is not null
 */
public record PythonMetadata(String source, @Nullable String name, @Nullable String version,
        @Nullable String requiresPython, boolean requiresPythonKnown, @Nullable List<String> dependencies,
        List<String> extras) {
    /**
     * Creates metadata.
     *
     * @param source the file
     * @param name the name
     * @param version the version
     * @param requiresPython requires-python
     * @param requiresPythonKnown whether requires-python is static
     * @param dependencies the dependencies or null
     * @param extras the extras
     */
    public PythonMetadata {
        dependencies = dependencies == null ? null : List.copyOf(dependencies);
        extras = List.copyOf(extras);
    }

    /**
     * Metadata that knows only a name.
     *
     * @param source where the name came from
     * @param name the name
     * @param version the version, or null
     * @return the metadata
     */
    public static PythonMetadata nameOnly(String source, @Nullable String name, @Nullable String version) {
        return new PythonMetadata(source, name, version, null, false, null, List.of());
    }
}
