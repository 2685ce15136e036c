package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.GitHttpBackend;
import dev.gitpypi.testing.Installers;
import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.StaticSiteServer;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "Proven with every installer we can run": the real clients on this machine — pip 23.2.1 (a venv of the
 * pyenv Python), pip 23.0.1 (a venv of Debian's Python), Debian's poetry 1.3.2 and pdm 2.2.1 — resolve from every
 * way a gitpypi site is served ({@code file://}, a static file server under a sub-path as GitHub Pages serves a
 * project site, nginx with {@code examples/nginx.conf}, {@code gitpypi serve}), for each link style ({@code files}:
 * wheels and sdists from a folder; {@code sdist}: sdists built from Git tags; {@code vcs}: {@code git+} links).
 *
 * <p>Each cell resolves {@code hello>=1.1,<2} offline, with the index as the only source: {@code hello} depends on
 * {@code world>=1.0}; of the versions the constraint allows, 1.3.0 requires Python {@code >=4} and 1.2.0 is yanked
 * ({@code --yank}), so 1.1.0 must be chosen. A site whose {@code world 1.1.0} file was swapped after the build must be refused (hash check), over HTML
 * (the static host) and over the negotiated form ({@code gitpypi serve}). The measured outcomes are compared with the
 * expectations below and with the table in the README ("Installers"), so the README says what these clients do.
 *
 * <p>Cost (2 cores): one build per link style, shared servers and per-client venvs, cells run three at a time; see
 * the report in the test output.
 */
class InstallerMatrixIT {
    static final String REQUIREMENT = "hello>=1.1,<2";
    /** What every working cell must resolve to. */
    static final Map<String, String> RESOLVED = Map.of("hello", "1.1.0", "world", "1.1.0");

    enum Client {
        PIP_23_2("pip 23.2.1"), PIP_23_0("pip 23.0.1"), POETRY("poetry 1.3.2"), PDM("pdm 2.2.1");

        final String label;

        Client(String label) {
            this.label = label;
        }
    }

    enum Host {
        FILE("`file://`"), STATIC("static files under `/REPO/`"), NGINX("nginx (`examples/nginx.conf`)"),
        SERVE("`gitpypi serve`");

        final String label;

        Host(String label) {
            this.label = label;
        }
    }

    enum Style {
        FILES, SDIST, VCS;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a cell does: resolves {@link #RESOLVED}, or fails in a known way (the text to find in its output). */
    record Expect(boolean resolves, String evidence, String readme) {
        static Expect yes() {
            return new Expect(true, "", "yes");
        }

        static Expect no(String evidence, String readme) {
            return new Expect(false, evidence, readme);
        }
    }

    /** One run: a client against a host and a link style, on the intact site or the tampered one. */
    record Cell(Client client, Host host, Style style, boolean tampered) {
        String name() {
            return client.label + " · " + host.name().toLowerCase(Locale.ROOT) + " · " + style.value()
                    + (tampered ? " · tampered" : "");
        }
    }

    record Outcome(boolean ok, Map<String, String> versions, String output) {
    }

    /** The expectations: also what the README's table says. */
    static Expect expected(Cell c) {
        if (c.tampered()) {
            return switch (c.client()) {
                case PIP_23_2, PIP_23_0 -> Expect.no("THESE PACKAGES DO NOT MATCH THE HASHES", "refused");
                case POETRY -> Expect.no("not found in known hashes", "refused on install");
                // pdm 2.2 takes a lock's hash from the URL fragment only: without one (PEP 691 JSON, which it asks
                // for) it hashes whatever it downloaded, so the swapped file is locked and installed
                case PDM -> c.host() == Host.SERVE
                        ? new Expect(true, "", "**installed**: reads no JSON `hashes`")
                        : Expect.no("Expected(sha256)", "refused on install");
            };
        }
        if (c.client() == Client.POETRY && c.host() == Host.FILE) {
            return Expect.no("No connection adapters were found", "no: no `file://` sources");
        }
        if (c.client() == Client.POETRY && c.style() == Style.VCS) {
            return Expect.no("doesn't match any versions", "no: skips `git+` links");
        }
        return Expect.yes();
    }

    @TempDir
    static Path tmp;

    static final Map<Style, Path> SITES = new EnumMap<>(Style.class);
    static final Map<Style, Path> TAMPERED = new EnumMap<>(Style.class);
    static final Map<Cell, Outcome> OUTCOMES = new ConcurrentHashMap<>();
    static final List<AutoCloseable> SERVERS = new ArrayList<>();
    static final Map<Host, Map<Style, String>> URLS = new EnumMap<>(Host.class);
    static final Map<Style, String> TAMPERED_STATIC = new EnumMap<>(Style.class);
    static final Map<Style, String> TAMPERED_SERVE = new EnumMap<>(Style.class);
    static final Map<Style, Cli.Running> SERVE = new EnumMap<>(Style.class);
    static PipVenv pip232;
    static PipVenv pip230;
    static long setupMillis;
    static long matrixMillis;

    @BeforeAll
    static void runTheMatrix() throws Exception {
        Installers.assumeAvailable();
        Nginx.assumeAvailable();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<PipVenv> v232 = pool.submit(() -> PipVenv.create(tmp.resolve("venv-pip-23.2")));
            Future<PipVenv> v230 = pool.submit(() -> PipVenv.create(tmp.resolve("venv-pip-23.0"), "/usr/bin/python3",
                    false));
            buildSites();
            startServers();
            pip232 = v232.get();
            pip230 = v230.get();
            setupMillis = (System.nanoTime() - start) / 1_000_000;
            long matrixStart = System.nanoTime();
            List<Cell> cells = cells();
            // the slowest first (poetry builds metadata of sdists without dependencies in a throw-away venv)
            cells.sort(Comparator.comparing((Cell c) -> c.client() != Client.POETRY).thenComparing(c -> c.style()
                    != Style.SDIST));
            List<Future<?>> runs = new ArrayList<>();
            for (Cell c : cells) {
                runs.add(pool.submit(() -> OUTCOMES.put(c, run(c))));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            matrixMillis = (System.nanoTime() - matrixStart) / 1_000_000;
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "installer matrix: %d cells; setup %.1f s, cells %.1f s (3 at a time)%n",
                OUTCOMES.size(), setupMillis / 1000.0, matrixMillis / 1000.0);
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable s : SERVERS) {
            s.close();
        }
        // the venvs link the system's Pythons: drop those links here, so the temp-folder cleanup meets none
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path link : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Client client : Client.values()) {
            for (Style style : Style.values()) {
                for (Host host : Host.values()) {
                    cells.add(new Cell(client, host, style, false));
                }
                if (style != Style.VCS) {
                    cells.add(new Cell(client, Host.STATIC, style, true));
                    cells.add(new Cell(client, Host.SERVE, style, true));
                }
            }
        }
        return cells;
    }

    // ---- the sites

    static void buildSites() throws Exception {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        Path hello = repo(repos.resolve("hello"), "hello", new String[] {"1.0.0", "1.1.0", "1.2.0", "1.3.0", "2.0.0"},
                v -> v.equals("1.3.0") ? ">=4" : ">=3.8", "[\"world>=1.0\"]");
        Path world = repo(repos.resolve("world"), "world", new String[] {"1.0.0", "1.1.0"}, v -> ">=3.8", "[]");
        Path sites = Files.createDirectories(tmp.resolve("sites"));
        build(sites.resolve("sdist"), "--git", hello.toString(), "--git", world.toString(), "--link-style", "sdist");
        // vcs links to a Git server over HTTP, as git+https:// links to a Git host are in real use
        Path served = Files.createDirectories(tmp.resolve("served"));
        TestRepos.bareClone(hello, served.resolve("hello.git"));
        TestRepos.bareClone(world, served.resolve("world.git"));
        GitHttpBackend git = GitHttpBackend.start(served);
        SERVERS.add(git);
        build(sites.resolve("vcs"), "--git", git.baseUrl() + "hello.git", "--git", git.baseUrl() + "world.git",
                "--link-style", "vcs");
        // files: a wheel of every release beside the sdists gitpypi built from the tags
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        for (String v : List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0", "2.0.0")) {
            TestDistributions.wheel(dist, "hello", v, "Requires-Python: " + (v.equals("1.3.0") ? ">=4" : ">=3.8"),
                    "Requires-Dist: world>=1.0");
        }
        for (String v : List.of("1.0.0", "1.1.0")) {
            TestDistributions.wheel(dist, "world", v, "Requires-Python: >=3.8");
        }
        try (Stream<Path> sdists = Files.walk(sites.resolve("sdist/files"))) {
            for (Path s : sdists.filter(p -> p.toString().endsWith(".tar.gz")).toList()) {
                Files.copy(s, dist.resolve(s.getFileName().toString()));
            }
        }
        build(sites.resolve("files"), "--files", dist.toString());
        for (Style style : Style.values()) {
            SITES.put(style, sites.resolve(style.value()));
        }
        // a file swapped after the build: its bytes no longer match the hash on the pages
        for (Style style : List.of(Style.FILES, Style.SDIST)) {
            Path copy = sites.resolve(style.value() + "-tampered");
            copyTree(SITES.get(style), copy);
            try (Stream<Path> files = Files.list(copy.resolve("files/world"))) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("world-1.1.0")
                        && !p.toString().endsWith(".metadata")).toList()) {
                    Path older = f.resolveSibling(f.getFileName().toString().replace("1.1.0", "1.0.0"));
                    Files.copy(older, f, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            TAMPERED.put(style, copy);
        }
    }

    private static Path repo(Path dir, String name, String[] versions, java.util.function.Function<String, String>
            requiresPython, String dependencies) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
                InputStream backend = DemoRepositories.class.getResourceAsStream("demo/backend.py")) {
            Files.write(dir.resolve("backend.py"), backend.readAllBytes());
            Files.createDirectories(dir.resolve(name));
            for (String v : versions) {
                Files.writeString(dir.resolve("pyproject.toml"), "[build-system]\nrequires = []\n"
                        + "build-backend = \"backend\"\nbackend-path = [\".\"]\n\n[project]\nname = \"" + name
                        + "\"\nversion = \"" + v + "\"\nrequires-python = \"" + requiresPython.apply(v)
                        + "\"\ndependencies = " + dependencies + "\n");
                Files.writeString(dir.resolve(name + "/__init__.py"), "VERSION = \"" + v + "\"\n");
                git.add().addFilepattern(".").call();
                org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Test",
                        "test@example.invalid", java.time.Instant.parse("2026-01-01T12:00:00Z"),
                        java.time.ZoneOffset.UTC);
                git.commit().setMessage(name + " " + v).setAuthor(who).setCommitter(who).setSign(false).call();
                git.tag().setName("v" + v).setAnnotated(false).call();
            }
        }
        return dir;
    }

    private static void build(Path site, String... sources) {
        List<String> args = new ArrayList<>(List.of("build", "--out", site.toString(), "--cache",
                tmp.resolve("cache").toString(), "-q", "--yank", "hello==1.2.0:broken release"));
        args.addAll(List.of(sources));
        ProcessResult r = Cli.run(tmp, args.toArray(String[]::new));
        // a local repository without an origin is linked with file:// (a warning, not an error)
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void startServers() throws Exception {
        // static files: every site in one tree, each under its own sub-path, as GitHub Pages serves /REPO/
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        Map<Style, String> file = new EnumMap<>(Style.class);
        Map<Style, String> stat = new EnumMap<>(Style.class);
        Map<Style, String> nginx = new EnumMap<>(Style.class);
        Map<Style, String> serve = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            Files.createSymbolicLink(pages.resolve("python-index-" + style.value()), SITES.get(style));
            file.put(style, SITES.get(style).toUri() + "simple/");
        }
        for (Style style : TAMPERED.keySet()) {
            Files.createSymbolicLink(pages.resolve("python-index-" + style.value() + "-tampered"), TAMPERED.get(style));
        }
        StaticSiteServer pagesServer = StaticSiteServer.start(pages, false);
        SERVERS.add(pagesServer);
        for (Style style : Style.values()) {
            stat.put(style, pagesServer.baseUrl() + "python-index-" + style.value() + "/simple/");
            Nginx n = Nginx.start(SITES.get(style), tmp.resolve("nginx-" + style.value()));
            SERVERS.add(n);
            nginx.put(style, n.baseUrl() + "simple/");
            serve.put(style, serve(SITES.get(style), style, SERVE));
        }
        for (Style style : TAMPERED.keySet()) {
            TAMPERED_STATIC.put(style, pagesServer.baseUrl() + "python-index-" + style.value() + "-tampered/simple/");
            TAMPERED_SERVE.put(style, serve(TAMPERED.get(style), style, null));
        }
        URLS.put(Host.FILE, file);
        URLS.put(Host.STATIC, stat);
        URLS.put(Host.NGINX, nginx);
        URLS.put(Host.SERVE, serve);
    }

    private static String serve(Path site, Style style, Map<Style, Cli.Running> keep) throws IOException {
        Cli.Running running = new Cli.Running(tmp, "serve", site.toString(), "--port", "0", "--access-log");
        SERVERS.add(running);
        if (keep != null) {
            keep.put(style, running);
        }
        Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/simple/)").matcher(running.firstLine);
        assertThat(m.find()).as(running.firstLine).isTrue();
        return m.group(1);
    }

    static String url(Cell c) {
        if (c.tampered()) {
            return (c.host() == Host.STATIC ? TAMPERED_STATIC : TAMPERED_SERVE).get(c.style());
        }
        return URLS.get(c.host()).get(c.style());
    }

    // ---- the clients

    static Outcome run(Cell c) throws IOException {
        Path work = Files.createDirectories(tmp.resolve("cells").resolve(c.name().replaceAll("[^A-Za-z0-9.]+", "-")));
        return switch (c.client()) {
            case PIP_23_2 -> pip(pip232, c, work);
            case PIP_23_0 -> pip(pip230, c, work);
            case POETRY -> poetry(c, work);
            case PDM -> pdm(c, work);
        };
    }

    /** pip installs into a folder of its own ({@code --target}), so cells share the venv and run at once. */
    static Outcome pip(PipVenv venv, Cell c, Path work) {
        Path target = work.resolve("target");
        ProcessResult r = Processes.run(work, PipVenv::isolate, 300, List.of(venv.python().toString(), "-m", "pip",
                "install", "--target", target.toString(), "--index-url", url(c), "--timeout", "10", "--retries", "0",
                REQUIREMENT));
        Map<String, String> versions = new TreeMap<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> list = Files.list(target)) {
                list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dist-info")).forEach(n -> {
                    String[] parts = n.substring(0, n.length() - ".dist-info".length()).split("-", 2);
                    versions.put(parts[0], parts[1]);
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Outcome(r.ok(), versions, r.output());
    }

    static Outcome poetry(Cell c, Path work) {
        Installers.Result r = Installers.poetry(work, tmp, url(c), "hello", ">=1.1,<2", c.tampered());
        return new Outcome(r.ok(), r.versions(), r.output());
    }

    static Outcome pdm(Cell c, Path work) {
        Installers.Result r = Installers.pdm(work, tmp, url(c), REQUIREMENT, c.tampered());
        return new Outcome(r.ok(), r.versions(), r.output());
    }

    // ---- the tests

    @TestFactory
    Stream<DynamicTest> everyCellDoesWhatTheReadmeSays() {
        return cells().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome o = OUTCOMES.get(c);
            Expect e = expected(c);
            if (e.resolves()) {
                assertThat(o.ok()).as("%s:%n%s", c.name(), o.output()).isTrue();
                assertThat(o.versions()).as("%s:%n%s", c.name(), o.output()).isEqualTo(RESOLVED);
            } else {
                assertThat(o.ok()).as("%s should fail:%n%s", c.name(), o.output()).isFalse();
                assertThat(o.output()).as(c.name()).contains(e.evidence());
            }
        }));
    }

    @Test
    void clientsSendTheAcceptHeadersTheNegotiationTestsUse() throws Exception {
        Map<String, String> byAgent = new LinkedHashMap<>();
        for (Cli.Running r : SERVE.values()) {
            for (String line : r.lines) {
                Matcher m = Pattern.compile("\"GET /simple/hello/ HTTP/1.1\" \\d+ \\S+ \"[^\"]*\" \"((?:[^\"\\\\]|\\\\.)*)\""
                        + " \"([^\"]*)\"").matcher(line);
                if (m.find()) {
                    byAgent.put(m.group(1).split("[ /]", 2)[0] + "/" + m.group(1).split("[ /]", 3)[1], m.group(2));
                }
            }
        }
        assertThat(byAgent).containsEntry("pip/23.2.1", MediaNegotiationTest.PIP_23)
                .containsEntry("pip/23.0.1", MediaNegotiationTest.PIP_23)
                .containsEntry("pdm/2.2.1", MediaNegotiationTest.PDM_221)
                .containsEntry("python-requests/2.28.1", MediaNegotiationTest.POETRY_132);
    }

    @Test
    void theReadmeTableIsWhatWasMeasured() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = table();
        assertThat(readme).as("README.md's installer table; measured:%n%s", table).contains(table);
    }

    /** The README's table, from the expectations every cell was checked against. */
    static String table() {
        StringBuilder t = new StringBuilder("| client | link style |");
        for (Host h : Host.values()) {
            t.append(' ').append(h.label).append(" |");
        }
        t.append(" swapped file, static host | swapped file, `gitpypi serve` |\n|---|---|")
                .append("---|".repeat(Host.values().length + 2)).append('\n');
        for (Client client : Client.values()) {
            for (Style style : Style.values()) {
                t.append("| ").append(client.label).append(" | `").append(style.value()).append("` |");
                for (Host h : Host.values()) {
                    t.append(' ').append(expected(new Cell(client, h, style, false)).readme()).append(" |");
                }
                for (Host h : List.of(Host.STATIC, Host.SERVE)) {
                    t.append(' ').append(style == Style.VCS ? "no hashes"
                            : expected(new Cell(client, h, style, true)).readme()).append(" |");
                }
                t.append('\n');
            }
        }
        return t.toString();
    }
}
