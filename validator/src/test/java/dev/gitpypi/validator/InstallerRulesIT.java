package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.BareRepo;
import dev.gitpypi.testing.Installers;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.StaticSiteServer;
import dev.gitpypi.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every poetry and pdm rule that makes the client skip, refuse or fail on a link, checked against the real client
 * (Debian's poetry 1.3.2 and pdm 2.2.1, offline, the fixture's page as the only index) and against the validator's
 * verdict on the same page: one fixture per rule, each a project {@code demo} with a good wheel {@code 1.0} and a
 * {@code 2.0} written the way the rule is about. {@code demo>=1} then locks {@code 2.0} when the client uses that
 * link, {@code 1.0} when it skips it (or treats it as yanked), and fails when the link makes the client fail.
 */
class InstallerRulesIT {
    /** What a client does: locks this version of demo, or fails with this text in its output. */
    record Outcome(String version, String failure) {
        static Outcome locks(String version) {
            return new Outcome(version, "");
        }

        static Outcome fails(String evidence) {
            return new Outcome("", evidence);
        }

        static final Outcome NOT_RUN = new Outcome("", "");
    }

    /** What the validator says about the 2.0 link for one client. */
    record Verdict(Usability usability, String rule) {
    }

    record Case(String name, String subject, String anchor, Outcome poetry, Verdict poetryVerdict, Outcome pdm,
            Verdict pdmVerdict) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Verdict v(Usability u, String rule) {
        return new Verdict(u, rule);
    }

    static final Usability USABLE = Usability.USABLE;
    static final Usability UNUSABLE = Usability.UNUSABLE;
    static final Usability YANKED = Usability.YANKED;
    /** The case's page is PEP 691 JSON (validated as {@code index.json}, served in place of the HTML page). */
    static final String JSON = "json";

    @TempDir
    static Path tmp;

    static StaticSiteServer server;
    static String gitRepoUrl;
    static final Map<String, Installers.Result> RUNS = new ConcurrentHashMap<>();

    static Stream<Case> cases() {
        return Stream.of(
                new Case("control", "demo-2.0-py3-none-any.whl", "", Outcome.locks("2.0"), v(USABLE, ""),
                        Outcome.locks("2.0"), v(USABLE, "")),
                new Case("POETRY-02 .tgz", "demo-2.0.tgz", "", Outcome.locks("1.0"), v(UNUSABLE, "POETRY-02"),
                        Outcome.locks("2.0"), v(USABLE, "")),
                new Case("POETRY-02 VCS link", "git+https://127.0.0.1:9/demo.git@v2.0#egg=demo-2.0", "",
                        Outcome.locks("1.0"), v(UNUSABLE, "POETRY-02"), Outcome.NOT_RUN, v(USABLE, "")),
                new Case("POETRY-03 demo_2.0.tar.gz", "demo_2.0.tar.gz", "", Outcome.locks("1.0"),
                        v(UNUSABLE, "POETRY-03"), Outcome.locks("2.0"), v(USABLE, "")),
                new Case("POETRY-04 and PDM-01 bare data-yanked", "demo-2.0-py3-none-any.whl", " data-yanked",
                        Outcome.locks("1.0"), v(YANKED, "POETRY-04"), Outcome.locks("2.0"), v(USABLE, "PDM-01")),
                new Case("data-yanked with a value", "demo-2.0-py3-none-any.whl", " data-yanked=\"\"",
                        Outcome.locks("1.0"), v(YANKED, ""), Outcome.locks("1.0"), v(YANKED, "")),
                new Case("POETRY-05 and PDM-03 invalid requires-python", "demo-2.0-py3-none-any.whl",
                        " data-requires-python=\"foo\"", Outcome.locks("2.0"), v(USABLE, "POETRY-05"),
                        Outcome.fails("Invalid specifier: 'foo'"), v(UNUSABLE, "PDM-03")),
                new Case("POETRY-06 file: URL", "file:demo-2.0-py3-none-any.whl", "",
                        Outcome.fails("No connection adapters were found"), v(UNUSABLE, "POETRY-06"),
                        Outcome.locks("2.0"), v(USABLE, "")),
                new Case("PDM-02 .egg", "demo-2.0.egg", "", Outcome.locks("1.0"), v(UNUSABLE, "POETRY-02"),
                        Outcome.locks("1.0"), v(UNUSABLE, "PDM-02")),
                new Case("PDM-02 version", "demo-2.0-SNAPSHOT.tar.gz", "", Outcome.locks("1.0"),
                        v(UNUSABLE, "POETRY-03"), Outcome.locks("1.0"), v(UNUSABLE, "PDM-02")),
                new Case("PDM-05 git+file: link", "git+file:REPO@v2.0#egg=demo-2.0", "", Outcome.locks("1.0"),
                        v(UNUSABLE, "POETRY-02"), Outcome.fails("ssh://file//"), v(UNUSABLE, "PDM-05")),
                // what a server that answers PEP 691 JSON to "Accept: */*" gives poetry (serve did before)
                new Case("POETRY-01 JSON page", "demo-2.0-py3-none-any.whl", JSON,
                        Outcome.fails("doesn't match any versions"), v(UNUSABLE, "POETRY-01"), Outcome.NOT_RUN,
                        v(USABLE, "PDM-04")));
    }

    @BeforeAll
    static void runClients() throws Exception {
        Installers.assumeAvailable();
        String repo = gitRepository(tmp.resolve("repo")).toUri().toString();
        gitRepoUrl = repo.endsWith("/") ? repo.substring(0, repo.length() - 1) : repo;
        Path root = Files.createDirectories(tmp.resolve("sites"));
        for (Case c : cases().toList()) {
            site(root.resolve(slug(c)), c);
        }
        server = StaticSiteServer.start(root, false);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (Case c : cases().toList()) {
                String url = server.baseUrl() + slug(c) + "/simple/";
                runs.add(pool.submit(() -> RUNS.put(c.name() + " poetry", Installers.poetry(
                        Files.createDirectories(tmp.resolve("poetry-" + slug(c))), tmp, url, "demo", ">=1", false))));
                if (c.pdm() != Outcome.NOT_RUN) {
                    runs.add(pool.submit(() -> RUNS.put(c.name() + " pdm", Installers.pdm(
                            Files.createDirectories(tmp.resolve("pdm-" + slug(c))), tmp, url, "demo>=1", false))));
                }
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String slug(Case c) {
        return c.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
    }

    /** The fixture: {@code simple/demo/index.html} with the good 1.0 wheel and the 2.0 link of the case. */
    static void site(Path site, Case c) throws Exception {
        Path files = Files.createDirectories(site.resolve("files"));
        Path good = TestDistributions.wheel(files, "demo", "1.0");
        String subject = c.subject().replace("REPO", gitRepoUrl.substring("file:".length()));
        String href;
        if (subject.contains(":")) {
            href = subject.startsWith("file:") ? files.resolve(subject.substring(5)).toUri().toString() : subject;
            if (subject.startsWith("file:")) {
                TestDistributions.wheel(files, "demo", "2.0");
            }
        } else {
            Path file = files.resolve(subject);
            if (subject.endsWith(".whl")) {
                TestDistributions.wheel(files, "demo", "2.0");
            } else if (subject.endsWith(".egg")) {
                Files.writeString(file, "not an egg");
            } else {
                // an sdist of demo 2.0 with an in-tree backend, under the case's name
                Path built = TestDistributions.sdist(Files.createDirectories(site.resolve("build")), "demo", "2.0");
                Files.copy(built, file);
            }
            href = "../../files/" + subject + "#sha256=" + sha256(file);
        }
        Path page = Files.createDirectories(site.resolve("simple/demo")).resolve("index.html");
        if (c.anchor().equals(JSON)) {
            String json = "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"demo\",\"files\":["
                    + "{\"filename\":\"demo-1.0-py3-none-any.whl\",\"url\":\"../../files/demo-1.0-py3-none-any.whl\","
                    + "\"hashes\":{\"sha256\":\"" + sha256(good) + "\"}},{\"filename\":\"" + subject + "\",\"url\":\""
                    + "../../files/" + subject + "\",\"hashes\":{\"sha256\":\"" + sha256(files.resolve(subject))
                    + "\"}}]}\n";
            Files.writeString(page.resolveSibling("index.json"), json);
            Files.writeString(page, json);
            return;
        }
        Files.writeString(page, "<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                + "<title>Links for demo</title></head><body>\n<a href=\"../../files/demo-1.0-py3-none-any.whl#sha256="
                + sha256(good) + "\">demo-1.0-py3-none-any.whl</a><br>\n<a href=\"" + href.replace("&", "&amp;") + "\""
                + c.anchor() + ">" + (subject.contains(":") ? "demo-2.0" : subject) + "</a><br>\n</body></html>\n");
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A real local repository with tag v2.0 (pip clones it; pdm 2.2 cannot, PDM-05). */
    static Path gitRepository(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"2.0\"\n");
        for (List<String> cmd : List.of(List.of("git", "init", "-q", "-b", "main", "."), List.of("git", "add", "."),
                List.of("git", "commit", "-q", "-m", "demo 2.0"), List.of("git", "tag", "v2.0"))) {
            ProcessResult r = Processes.run(dir, BareRepo::env, 60, cmd);
            assertThat(r.ok()).as(r.output()).isTrue();
        }
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poetryDoesWhatItsRuleSays(Case c) throws Exception {
        check(c, "poetry", c.poetry(), c.poetryVerdict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pdmDoesWhatItsRuleSays(Case c) throws Exception {
        check(c, "pdm", c.pdm(), c.pdmVerdict());
    }

    private void check(Case c, String client, Outcome expected, Verdict verdict) throws Exception {
        if (expected != Outcome.NOT_RUN) {
            Installers.Result r = RUNS.get(c.name() + " " + client);
            if (expected.failure().isEmpty()) {
                assertThat(r.ok()).as("%s %s:%n%s", client, c, r.output()).isTrue();
                assertThat(r.versions()).as("%s %s:%n%s", client, c, r.output()).containsEntry("demo",
                        expected.version());
            } else {
                assertThat(r.ok()).as("%s %s should fail:%n%s", client, c, r.output()).isFalse();
                assertThat(r.output()).as("%s %s", client, c).contains(expected.failure());
            }
        }
        Report report = Validator.builder().build().validate(tmp.resolve("sites").resolve(slug(c))
                .resolve(c.anchor().equals(JSON) ? "simple/demo/index.json" : "simple/demo/index.html"));
        LinkVerdict link = report.links().stream().filter(l -> !l.filename().startsWith("demo-1.0")).findFirst()
                .orElseThrow(() -> new AssertionError("no 2.0 link in " + report.links()));
        InstallerVerdict v = link.installers().get(client);
        assertThat(v.usability()).as("%s verdict on %s: %s", client, c, v).isEqualTo(verdict.usability());
        if (verdict.rule().isEmpty()) {
            assertThat(v.ruleIds()).as("%s verdict on %s", client, c).allMatch(id -> id.equals("PDM-04"));
        } else {
            assertThat(v.ruleIds()).as("%s verdict on %s", client, c).contains(verdict.rule());
        }
        // the good 1.0 wheel is usable for both, unless the rule is about the whole page
        LinkVerdict control = report.links().stream().filter(l -> l.filename().startsWith("demo-1.0")).findFirst()
                .orElseThrow();
        if (!List.of("PDM-03", "POETRY-01").contains(verdict.rule())) {
            assertThat(control.installers().get(client).usable()).as("%s on the 1.0 wheel of %s", client, c).isTrue();
        }
    }
}
