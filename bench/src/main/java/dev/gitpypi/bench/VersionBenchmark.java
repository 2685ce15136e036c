package dev.gitpypi.bench;

import dev.gitpypi.core.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Version#parse(CharSequence)} and {@link Version#compareTo(Version)} over real version strings.
 *
 * <p>The corpus is the resource {@code versions.txt} (versions cut from 71,408 real PyPI file names; see its
 * header), or the file named by {@code -Dgitpypi.bench.versions=PATH} (one version per line, {@code #}
 * comments). Only valid versions are parsed by {@code parse}; {@code isValid} sees the whole corpus, invalid
 * ones included. The order is shuffled with a fixed seed. {@code bench/compare-with-python.sh versions} runs the
 * same corpus through {@code packaging.version.Version}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class VersionBenchmark {
    private String[] valid = new String[0];
    private String[] all = new String[0];
    private Version[] left = new Version[0];
    private Version[] right = new Version[0];
    private int next;

    /** Creates the benchmark state (JMH). */
    public VersionBenchmark() {
    }

    /**
     * Reads the corpus of version strings.
     *
     * @return the lines that are not comments, in file order
     */
    public static List<String> corpus() {
        String path = System.getProperty("gitpypi.bench.versions");
        try (InputStream in = path != null ? Files.newInputStream(Path.of(path))
                : Objects.requireNonNull(VersionBenchmark.class.getResourceAsStream("versions.txt"));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and shuffles the corpus; pairs versions for {@code compareTo}. */
    @Setup
    public void setup() {
        List<String> lines = new ArrayList<>(corpus());
        Collections.shuffle(lines, new Random(42));
        all = lines.toArray(new String[0]);
        valid = lines.stream().filter(Version::isValid).toArray(String[]::new);
        Random r = new Random(7);
        left = new Version[valid.length];
        right = new Version[valid.length];
        for (int i = 0; i < valid.length; i++) {
            left[i] = Version.parse(valid[i]);
            right[i] = Version.parse(valid[r.nextInt(valid.length)]);
        }
    }

    private int next(int length) {
        int i = next;
        next = i + 1 == length ? 0 : i + 1;
        return i;
    }

    /**
     * Parses one valid real version.
     *
     * @return the version
     */
    @Benchmark
    public Version parse() {
        return Version.parse(valid[next(valid.length)]);
    }

    /**
     * Validates one real version string, valid or not.
     *
     * @return whether it is valid
     */
    @Benchmark
    public boolean isValid() {
        return Version.isValid(all[next(all.length)]);
    }

    /**
     * Compares two parsed real versions.
     *
     * @return the comparison
     */
    @Benchmark
    public int compareTo() {
        int i = next(left.length);
        return left[i].compareTo(right[i]);
    }
}
