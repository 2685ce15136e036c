package dev.gitpypi.core.internal;

import dev.gitpypi.core.Problem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the files a source skips by {@linkplain PipFiles.Kind kind}: each skipped file is a
 * {@linkplain Problem#note note} naming it, and {@link #summarize} adds one warning per kind (how many, why, the
 * first one), so thousands of eggs in a package list make one warning while the notes still name each file. Not
 * thread-safe.
 */
public final class SkippedFiles {
    private final String source;
    private final Map<PipFiles.Kind, long[]> counts = new EnumMap<>(PipFiles.Kind.class);
    private final Map<PipFiles.Kind, String> first = new EnumMap<>(PipFiles.Kind.class);

    /** @param source the input the summary lines name, such as the package list's path */
    public SkippedFiles(String source) {
        this.source = source;
    }

    /**
     * Records one skipped file.
     *
     * @param location where it is, such as {@code list.txt:12}
     * @param filename the file name
     * @param skipped why it is skipped
     * @param problems where the note goes
     */
    public void add(String location, String filename, PipFiles.Skipped skipped, List<Problem> problems) {
        problems.add(Problem.note(location, "skipped " + Texts.quote(filename) + ": " + skipped.reason()));
        counts.computeIfAbsent(skipped.kind(), k -> new long[1])[0]++;
        first.putIfAbsent(skipped.kind(), Texts.quote(filename) + " at " + location);
    }

    /**
     * Adds one warning per kind of skipped file, in the order of {@link PipFiles.Kind}.
     *
     * @param problems where the warnings go
     */
    public void summarize(List<Problem> problems) {
        counts.forEach((kind, n) -> problems.add(Problem.warning(source, "skipped " + n[0] + " " + kind.label(n[0])
                + ": " + kind.why() + " (first: " + first.get(kind) + ")")));
    }
}
