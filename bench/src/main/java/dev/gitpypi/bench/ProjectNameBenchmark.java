package dev.gitpypi.bench;

import dev.gitpypi.core.ProjectName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ProjectName#normalize(String)} over real project names (the resource {@code project-names.txt}: 8,474
 * distinct names from real PyPI file names; its header says where they come from). Three sets, each reported in
 * nanoseconds per name: names already normalized (6,851 of them; the common case, no allocation), names that need
 * work (1,623: upper case, {@code _}, {@code .}), and all of them in file order.
 * {@code bench/compare-with-python.sh names} runs packaging's {@code canonicalize_name} on the same sets and
 * prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProjectNameBenchmark {
    /** Names per set; each set is cut to this size so that {@code @OperationsPerInvocation} is exact. */
    static final int NORMALIZED = 6_800;
    static final int NEEDS_WORK = 1_600;
    static final int ALL = 8_400;

    private String[] normalized = new String[0];
    private String[] needsWork = new String[0];
    private String[] all = new String[0];

    /** Creates the benchmark state (JMH). */
    public ProjectNameBenchmark() {
    }

    /**
     * Reads the names.
     */
    @Setup
    public void setUp() {
        List<String> names = names();
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (String name : names) {
            (ProjectName.normalize(name).equals(name) ? done : todo).add(name);
        }
        normalized = done.subList(0, NORMALIZED).toArray(String[]::new);
        needsWork = todo.subList(0, NEEDS_WORK).toArray(String[]::new);
        all = names.subList(0, ALL).toArray(String[]::new);
    }

    /**
     * The benchmark's names, in file order: the resource {@code project-names.txt}, or the file named by
     * {@code -Dgitpypi.bench.names=PATH} (one name per line, {@code #} comments).
     *
     * @return the names
     */
    public static List<String> names() {
        String path = System.getProperty("gitpypi.bench.names");
        try (InputStream in = path != null ? Files.newInputStream(Path.of(path))
                : Objects.requireNonNull(ProjectNameBenchmark.class.getResourceAsStream("project-names.txt"),
                        "project-names.txt missing from the benchmark jar");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> names = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names that are already normalized.
     *
     * @param bh sink
     */
    @Benchmark
    @OperationsPerInvocation(NORMALIZED)
    public void normalizeAlreadyNormalized(Blackhole bh) {
        for (String name : normalized) {
            bh.consume(ProjectName.normalize(name));
        }
    }

    /**
     * Names that need lower-casing or separator replacement.
     *
     * @param bh sink
     */
    @Benchmark
    @OperationsPerInvocation(NEEDS_WORK)
    public void normalizeNeedsWork(Blackhole bh) {
        for (String name : needsWork) {
            bh.consume(ProjectName.normalize(name));
        }
    }

    /**
     * All names, as they come.
     *
     * @param bh sink
     */
    @Benchmark
    @OperationsPerInvocation(ALL)
    public void normalizeAll(Blackhole bh) {
        for (String name : all) {
            bh.consume(ProjectName.normalize(name));
        }
    }
}
