package dev.gitpypi.bench;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.git.GitSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Git source on a repository with many tags (issue 4 "Speed"): list the tags and read the metadata at every
 * tag; a first build from a remote (fetch into an empty cache) and a rebuild with nothing new (objects reused);
 * the same with sdists built from every tag, first and reused.
 *
 * <p>The repository is made once per trial with {@code git fast-import}: {@code tags} commits, each changing
 * {@code pyproject.toml} and one source file, tagged {@code vN.0} (every other tag annotated). The remote is the
 * same repository over {@code file://}, so the numbers measure gitpypi and JGit, not a network.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar GitSourceBenchmark -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class GitSourceBenchmark {
    /** How many tags the repository has. */
    @Param("1000")
    public int tags;

    private Path root;
    private Path repo;
    private Path warmCache;
    private Path coldCache;
    private String url;

    /**
     * Makes the repository and a warm cache.
     *
     * @throws IOException if git fails
     * @throws InterruptedException if interrupted
     */
    @Setup(Level.Trial)
    public void repository() throws IOException, InterruptedException {
        root = Files.createTempDirectory("gitpypi-bench-");
        repo = root.resolve("many.git");
        run(root, "git", "init", "-q", "--bare", repo.toString());
        Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            StringBuilder s = new StringBuilder();
            for (int i = 1; i <= tags; i++) {
                String pyproject = "[project]\nname = \"many\"\nversion = \"" + i + ".0\"\nrequires-python = \">=3.8\"\n"
                        + "dependencies = [\"attrs>=" + i + "\"]\n";
                String source = "VERSION = " + i + "\n" + "# padding\n".repeat(200);
                long time = 1_700_000_000L + i * 60L;
                s.append("commit refs/heads/main\nmark :").append(i).append('\n')
                        .append("committer Bench <bench@example.invalid> ").append(time).append(" +0000\n")
                        .append("data ").append(("release " + i).length()).append("\nrelease ").append(i).append('\n');
                if (i > 1) {
                    s.append("from :").append(i - 1).append('\n');
                }
                inline(s, "pyproject.toml", pyproject);
                inline(s, "src/many/__init__.py", source);
                if (i % 2 == 0) {
                    s.append("tag v").append(i).append(".0\nfrom :").append(i).append('\n')
                            .append("tagger Bench <bench@example.invalid> ").append(time).append(" +0000\n")
                            .append("data 7\nrelease\n");
                } else {
                    s.append("reset refs/tags/v").append(i).append(".0\nfrom :").append(i).append("\n\n");
                }
            }
            in.write(s.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (p.waitFor() != 0) {
            throw new IOException("git fast-import failed");
        }
        url = repo.toUri().toString();
        warmCache = root.resolve("warm");
        check(build(url, warmCache, LinkStyle.SDIST));
    }

    private static void inline(StringBuilder s, String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        s.append("M 100644 inline ").append(path).append("\ndata ").append(bytes.length).append('\n').append(content)
                .append('\n');
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }

    private void check(SourceResult r) {
        int versions = r.index().project("many").orElseThrow().versions().size();
        if (versions != tags || r.hasErrors()) {
            throw new IllegalStateException(versions + " versions, problems " + r.problems());
        }
    }

    private static SourceResult build(String remote, Path cache, LinkStyle style) throws IOException {
        return GitSource.remote(remote).linkStyle(style).cacheDir(cache).build().read();
    }

    /** An empty cache for each first build. */
    @Setup(Level.Invocation)
    public void emptyCache() {
        coldCache = root.resolve("cold");
        delete(coldCache);
    }

    /**
     * Lists the tags of the local repository and reads the metadata at every tag (VCS links).
     *
     * @return the result
     * @throws IOException if reading fails
     */
    @Benchmark
    public SourceResult listTagsAndReadMetadata() throws IOException {
        SourceResult r = GitSource.local(repo).linkStyle(LinkStyle.VCS).cacheDir(root.resolve("local")).build()
                .read();
        check(r);
        return r;
    }

    /**
     * First build from the remote: fetch every tag into an empty cache, read the metadata, VCS links.
     *
     * @return the result
     * @throws IOException if reading fails
     */
    @Benchmark
    public SourceResult firstBuildVcs() throws IOException {
        SourceResult r = build(url, coldCache, LinkStyle.VCS);
        check(r);
        return r;
    }

    /**
     * Rebuild from the remote with nothing new: list the remote's tags, fetch nothing, read the metadata.
     *
     * @return the result
     * @throws IOException if reading fails
     */
    @Benchmark
    public SourceResult rebuildNothingNewVcs() throws IOException {
        SourceResult r = build(url, warmCache, LinkStyle.VCS);
        check(r);
        return r;
    }

    /**
     * First build from the remote with sdists: fetch, and build one sdist per tag.
     *
     * @return the result
     * @throws IOException if reading fails
     */
    @Benchmark
    public SourceResult firstBuildSdist() throws IOException {
        SourceResult r = build(url, coldCache, LinkStyle.SDIST);
        check(r);
        return r;
    }

    /**
     * Rebuild with sdists and nothing new: no fetch, every sdist reused (hashed again, not rebuilt).
     *
     * @return the result
     * @throws IOException if reading fails
     */
    @Benchmark
    public SourceResult rebuildNothingNewSdist() throws IOException {
        SourceResult r = build(url, warmCache, LinkStyle.SDIST);
        check(r);
        return r;
    }

    /** Removes the temporary files. */
    @TearDown(Level.Trial)
    public void clean() {
        delete(root);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
