package dev.gitpypi.bench;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.render.HtmlRenderer;
import dev.gitpypi.core.site.SiteReport;
import dev.gitpypi.core.site.SiteWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall-clock and peak-heap measurements for docs/performance.md "Rendering" (run once, not a JMH harness):
 *
 * <pre>
 * java -Xmx32m -cp bench/target/benchmarks.jar dev.gitpypi.bench.RenderingMeasurements root 700000
 * java -Xmx3g  -cp bench/target/benchmarks.jar dev.gitpypi.bench.RenderingMeasurements site 100000 10 OUT [THREADS]
 * </pre>
 *
 * <p>{@code root} renders the HTML root page of N projects from a stream of names five times after three warm-up
 * runs. {@code site} builds a synthetic index of N projects with F files each (no local files: the pages link to
 * URLs elsewhere, as a {@code release}-style index does) and writes the whole site with {@link SiteWriter}, then
 * writes it again unchanged (the incremental path), with
 * {@code THREADS} writer threads ({@link SiteWriter#DEFAULT_THREADS} if left out). Peak heap is the sum of the heap pools' peak usage.
 */
public final class RenderingMeasurements {
    private RenderingMeasurements() {
    }

    /**
     * Runs a measurement.
     *
     * @param args {@code root N} or {@code site N F OUT [THREADS]}
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("root")) {
            root(Integer.parseInt(args[1]));
        } else if (args.length >= 4 && args[0].equals("site")) {
            site(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    args.length >= 5 ? Integer.parseInt(args[4]) : SiteWriter.DEFAULT_THREADS);
        } else {
            throw new IllegalArgumentException("usage: root N | site N F OUT [THREADS]");
        }
    }

    private static void root(int n) throws IOException {
        for (int i = 0; i < 3; i++) {
            renderRoot(n);
        }
        resetPeaks();
        long best = Long.MAX_VALUE;
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            bytes = renderRoot(n);
            long t = System.nanoTime() - t0;
            times.add(t / 1_000_000);
            best = Math.min(best, t);
        }
        System.out.printf(Locale.ROOT, "root page: %d projects, %d bytes, runs %s ms (best %d ms), peak heap %d MB,"
                + " max heap %d MB%n", n, bytes, times, best / 1_000_000, peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long renderRoot(int n) throws IOException {
        RootPageBenchmark.CountingSink sink = new RootPageBenchmark.CountingSink();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
            HtmlRenderer.create().writeRoot(RootPageBenchmark.names(n), w);
        }
        return sink.count;
    }

    private static void site(int n, int files, Path out, int threads) throws IOException {
        long t0 = System.nanoTime();
        Index index = syntheticIndex(n, files);
        long built = System.nanoTime();
        resetPeaks();
        SiteWriter writer = SiteWriter.builder().threads(threads).build();
        SiteReport first = writer.write(index, out);
        long written = System.nanoTime();
        SiteReport second = writer.write(index, out);
        long rewritten = System.nanoTime();
        System.out.printf(Locale.ROOT, "site: %d projects x %d files, %d threads; model built in %d ms; first write %d ms (%s);"
                + " unchanged rewrite %d ms (%s); peak heap %d MB, max heap %d MB%n", n, files, threads,
                (built - t0) / 1_000_000, (written - built) / 1_000_000, first, (rewritten - written) / 1_000_000,
                second, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * A synthetic index: N projects, each with F files (wheels and an sdist per version) with sha256, size,
     * requires-python, upload time and PEP 658 metadata hashes.
     *
     * @param n projects
     * @param files files per project
     * @return the index
     */
    static Index syntheticIndex(int n, int files) {
        List<Project> projects = new ArrayList<>(n);
        String sha = "0123456789abcdef".repeat(4);
        Instant time = Instant.parse("2024-05-06T07:08:09Z");
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "pkg%07d", i);
            Project.Builder p = Project.builder(ProjectName.of(name));
            for (int f = 0; f < files; f++) {
                String filename = f % 2 == 0 ? name + "-1." + f + "-py3-none-any.whl" : name + "-1." + f + ".tar.gz";
                Distribution.Builder d = Distribution.builder("https://files.example/" + name + "/" + filename,
                        filename).hash("sha256", sha).size(10_000 + f).requiresPython(">=3.8").uploadTime(time);
                if (f % 2 == 0) {
                    d.coreMetadata(Map.of("sha256", sha));
                }
                p.add(d.build());
            }
            projects.add(p.build());
        }
        return Index.of(projects);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
