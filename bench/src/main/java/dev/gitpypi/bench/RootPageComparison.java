package dev.gitpypi.bench;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.validator.IndexReader;
import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.Validator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Reads and validates a synthetic PyPI-sized root page (700,000 anchors, real-looking names from dumb-pypi's
 * package list, repeated with suffixes), reports time and peak heap, and runs the same file through pip's own
 * link parser ({@code pip._internal.index.collector.parse_links}) in the same run.
 *
 * <p>Usage: {@code java -Xmx512m -cp bench/target/benchmarks.jar dev.gitpypi.bench.RootPageComparison
 * PACKAGE_LIST WORK_DIR [ANCHORS] [RUNS]}. The generated page stays in WORK_DIR (never commit it).
 */
public final class RootPageComparison {
    private static final String PIP_SCRIPT = String.join("\n",
            "import sys, time",
            "from pip._internal.index.collector import parse_links, IndexContent",
            "data = open(sys.argv[1], 'rb').read()",
            "best = None",
            "for _ in range(int(sys.argv[2])):",
            "    t = time.perf_counter()",
            "    links = list(parse_links(IndexContent(data, 'text/html', 'utf-8', 'https://example.invalid/simple/',"
                    + " cache_link_parsing=False)))",
            "    d = time.perf_counter() - t",
            "    best = d if best is None else min(best, d)",
            "print(len(links), best)");

    private RootPageComparison() {
    }

    /**
     * Runs the comparison.
     *
     * @param args package list, work folder, optional anchor count, optional runs
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path list = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        int anchors = args.length > 2 ? Integer.parseInt(args[2]) : 700_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path page = work.resolve("root-" + anchors + ".html");
        generate(list, page, anchors);
        System.out.printf(Locale.ROOT, "page: %d anchors, %.1f MB%n", anchors, Files.size(page) / 1e6);

        Validator validator = Validator.defaults();
        double bestValidate = Double.MAX_VALUE;
        double bestRead = Double.MAX_VALUE;
        long peak = 0;
        for (int i = 0; i < runs + 1; i++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            Report report = validator.validate(page);
            double s = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Index index = IndexReader.defaults().read(page);
            double r = (System.nanoTime() - t1) / 1e9;
            peak = Math.max(peak, peakHeap());
            if (i > 0) {
                bestValidate = Math.min(bestValidate, s);
                bestRead = Math.min(bestRead, r);
            }
            System.out.printf(Locale.ROOT, "run %d: validate %.3f s (%d findings), read %.3f s (%d projects)%n", i,
                    s, report.findings().size(), r, index.size());
        }
        System.out.printf(Locale.ROOT, "gitpypi validate: best %.3f s; read into the model: best %.3f s;"
                + " peak heap %.0f MB (max heap %.0f MB)%n", bestValidate, bestRead, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);

        Path script = work.resolve("pip_parse_links.py");
        Files.writeString(script, PIP_SCRIPT + "\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), page.toString(), String.valueOf(runs))
                .redirectErrorStream(true);
        pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("pip parse_links failed: " + out);
        }
        String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        double pip = Double.parseDouble(parts[1]);
        System.out.printf(Locale.ROOT, "pip parse_links: %s links, best %.3f s%n", parts[0], pip);
        System.out.printf(Locale.ROOT, "ratio pip / gitpypi validate: %.1fx; pip / gitpypi read: %.1fx%n",
                pip / bestValidate, pip / bestRead);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Project names from distribution file names (the text before the first "-digit"), one per normalized name. */
    static List<String> names(Path list) throws IOException {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String s = line.strip();
            int cut = -1;
            for (int i = 0; i + 1 < s.length(); i++) {
                if (s.charAt(i) == '-' && Character.isDigit(s.charAt(i + 1))) {
                    cut = i;
                    break;
                }
            }
            if (cut > 0 && ProjectName.isValid(s.substring(0, cut))) {
                names.putIfAbsent(ProjectName.normalize(s.substring(0, cut)), s.substring(0, cut));
            }
        }
        return new ArrayList<>(names.values());
    }

    static void generate(Path list, Path page, int anchors) throws IOException {
        List<String> names = names(list);
        try (BufferedWriter w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"1.4\">\n"
                    + "    <title>Simple index</title>\n  </head>\n  <body>\n");
            for (int i = 0; i < anchors; i++) {
                String base = names.get(i % names.size());
                int round = i / names.size();
                String name = round == 0 ? base : base + "-" + round;
                w.write("    <a href=\"/simple/");
                w.write(ProjectName.normalize(name));
                w.write("/\">");
                w.write(name);
                w.write("</a>\n");
            }
            w.write("  </body>\n</html>\n");
        }
    }
}
