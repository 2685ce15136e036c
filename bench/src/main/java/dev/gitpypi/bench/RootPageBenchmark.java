package dev.gitpypi.bench;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.render.HtmlRenderer;
import dev.gitpypi.core.render.JsonRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Renders the root page of a PyPI-sized index (700,000 projects) from a stream of names, HTML and JSON, into a
 * byte-counting sink: the time of the renderer plus the name objects, not of a disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RootPageBenchmark {
    /** The number of projects. */
    @Param("700000")
    public int projects;

    /**
     * The HTML root page.
     *
     * @return the bytes written
     * @throws IOException never (the sink does not fail)
     */
    @Benchmark
    public long html() throws IOException {
        CountingSink sink = new CountingSink();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
            HtmlRenderer.create().writeRoot(names(projects), w);
        }
        return sink.count;
    }

    /**
     * The JSON root page.
     *
     * @return the bytes written
     * @throws IOException never
     */
    @Benchmark
    public long json() throws IOException {
        CountingSink sink = new CountingSink();
        JsonRenderer.create().writeRoot(names(projects), sink);
        return sink.count;
    }

    /**
     * Synthetic names in PyPI's mix of spellings (display forms with capitals, dots and underscores), generated one
     * at a time so nothing but the renderer holds memory.
     *
     * @param n how many
     * @return the names, sorted by normalized form
     */
    static Iterator<ProjectName> names(int n) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public ProjectName next() {
                int k = i++;
                String digits = Integer.toString(k);
                String base = "pkg" + "0000000".substring(Math.min(7, digits.length())) + digits;
                String display = switch (k % 4) {
                    case 0 -> base + "-tools";
                    case 1 -> "Py_" + base;
                    case 2 -> base + ".client";
                    default -> base;
                };
                return ProjectName.of(display);
            }
        };
    }

    /** Counts bytes and drops them. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
