package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command of the jar, run as a separate process: the success path and the bad-input paths, with the exit
 * codes of DESIGN "Command line" (0 ok, 1 findings, 2 bad usage or input, 3 I/O) and a one-line message that
 * names the problem.
 */
class CommandsIT {
    @TempDir
    Path tmp;

    private static String firstErrorLine(ProcessResult r) {
        return r.output().lines().filter(l -> l.startsWith("gitpypi: ")).findFirst().orElse("");
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        ProcessResult r = Cli.run(tmp, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("build", "validate", "normalize", "serve", "demo", "Exit codes:",
                "2   bad usage or bad input");
        for (String command : List.of("build", "validate", "normalize", "serve", "demo")) {
            ProcessResult h = Cli.run(tmp, command, "--help");
            assertThat(h.exitCode()).as(command).isZero();
            assertThat(h.output()).as(command).startsWith("Usage: gitpypi " + command);
        }
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() {
        ProcessResult r = Cli.run(tmp, "frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstErrorLine(r)).contains("frobnicate");
        ProcessResult o = Cli.run(tmp, "build", "--no-such-option");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(firstErrorLine(o)).contains("--no-such-option");
        ProcessResult none = Cli.run(tmp);
        assertThat(none.exitCode()).isEqualTo(2);
    }

    @Test
    void normalizeArgumentsAndStandardInput() {
        ProcessResult r = Cli.run(tmp, "normalize", "Foo_Bar", "FrIeNdLy-._.-bArD", "a.b");
        assertThat(r.exitCode()).isZero();
        assertThat(r.output().lines()).containsExactly("foo-bar", "friendly-bard", "a-b");
        ProcessResult stdin = Processes.run(tmp, env -> { }, 60, List.of("sh", "-c",
                "printf 'Django\\nzope.interface\\n' | \"$0\" -jar \"$1\" normalize", Cli.javaExecutable(),
                Cli.jar().toString()));
        assertThat(stdin.exitCode()).isZero();
        assertThat(stdin.output().lines()).containsExactly("django", "zope-interface");
    }

    @Test
    void normalizeCheckRejectsInvalidNamesWithExitCode2() {
        ProcessResult r = Cli.run(tmp, "normalize", "--check", "good", "-bad", "also good");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("good\n").contains("invalid project name \"-bad\"")
                .contains("invalid project name \"also good\"").contains("NAME-01");
        // without --check the pure function applies to anything
        assertThat(Cli.run(tmp, "normalize", "-bad").output().strip()).isEqualTo("-bad");
    }

    @Test
    void buildFromAFolderWithJsonSummaryThenValidate() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        wheel(dist.resolve("demo_pkg-1.0-py3-none-any.whl"), "demo-pkg", "1.0");
        wheel(dist.resolve("demo_pkg-1.1-py3-none-any.whl"), "demo-pkg", "1.1");
        Path site = tmp.resolve("site");
        ProcessResult r = Cli.run(tmp, "build", "--files", dist.toString(), "--out", site.toString(), "--json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        String json = r.output().substring(r.output().indexOf('{'), r.output().lastIndexOf('}') + 1);
        JsonNode summary = new ObjectMapper().readTree(json);
        assertThat(summary.get("schema-version").asInt()).isEqualTo(1);
        assertThat(summary.get("projects").asInt()).isEqualTo(1);
        assertThat(summary.get("versions").asInt()).isEqualTo(2);
        assertThat(summary.get("files-written").asLong()).isPositive();
        assertThat(summary.get("project-list").get(0).get("versions").toString()).isEqualTo("[\"1.0\",\"1.1\"]");
        assertThat(site.resolve("simple/demo-pkg/index.html")).exists();
        assertThat(site.resolve("files/demo-pkg/demo_pkg-1.1-py3-none-any.whl.metadata")).exists();

        // a rebuild with nothing new rewrites nothing
        ProcessResult again = Cli.run(tmp, "build", "--files", dist.toString(), "--out", site.toString(), "--json");
        JsonNode second = new ObjectMapper().readTree(again.output().substring(again.output().indexOf('{'),
                again.output().lastIndexOf('}') + 1));
        assertThat(second.get("files-written").asLong()).isZero();
        assertThat(second.get("files-unchanged").asLong()).isEqualTo(summary.get("files-written").asLong());

        ProcessResult v = Cli.run(tmp, "validate", site.toString());
        assertThat(v.exitCode()).as(v.output()).isZero();
        for (String format : List.of("json", "sarif", "junit")) {
            ProcessResult f = Cli.run(tmp, "validate", site.toString(), "--format", format);
            assertThat(f.exitCode()).as(format).isZero();
            assertThat(f.output()).as(format).contains(format.equals("junit") ? "<testsuite" : "\"");
        }
        ProcessResult sarif = Cli.run(tmp, "validate", site.toString(), "--format", "sarif");
        assertThat(new ObjectMapper().readTree(sarif.output().substring(sarif.output().indexOf('{'),
                sarif.output().lastIndexOf('}') + 1)).get("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void validateFindingsGiveExitCode1AtTheThreshold() throws Exception {
        Path page = tmp.resolve("page.html");
        // a raw '>' in data-requires-python, a valueless data-yanked, and a sha1 fragment
        Files.writeString(page, "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                + "</head><body><a href=\"foo-1.0.tar.gz#sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709\""
                + " data-yanked>foo-1.0.tar.gz</a><a href=\"x/foo-2.0.tar.gz\">foo-1.0.tar.gz</a></body></html>\n");
        ProcessResult r = Cli.run(tmp, "validate", page.toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("P503-07");
        ProcessResult never = Cli.run(tmp, "validate", page.toString(), "--fail-on", "never");
        assertThat(never.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing folder|validate|missing-folder|no such file or folder",
        "bad format|validate|. --format yaml|invalid --format",
        "not an index|validate|.|not an index",
        "missing files folder|build|--files missing --out site|no such folder",
        "no source|build|--out site|no source",
        "no out|build|--files .|missing --out",
        "bad link style|build|--git . --link-style carrier-pigeon --out site|invalid --link-style",
        "bad tag pattern|build|--git . --tag-pattern ( --out site|tag",
        "bad github repository|build|--github-repo not-a-repo --out site|is not OWNER/NAME",
        "github option without a github source|build|--files . --github-topic x --out site|need a GitHub source",
        "missing ssh dir|build|--git ssh://git@127.0.0.1:9/r.git --ssh-dir nope --out site|--ssh-dir",
        "serve missing|serve|missing-folder|no such folder",
        "serve not a site|serve|.|not a site",
        "bad port|serve|. --port 70000|port",
    })
    void badInputIsExitCode2WithOneLineNamingTheProblem(String what, String command, String args, String expected)
            throws Exception {
        Files.createDirectories(tmp.resolve(".git"));
        String[] argv = (command + " " + args).split(" ");
        ProcessResult r = Cli.run(tmp, argv);
        assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
        assertThat(firstErrorLine(r)).as(r.output()).contains(expected);
        assertThat(r.output()).doesNotContain("\tat ");
    }

    @Test
    void unreachableRepositoryIsExitCode3AndLeavesThePreviousSite() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        wheel(dist.resolve("demo_pkg-1.0-py3-none-any.whl"), "demo-pkg", "1.0");
        Path site = tmp.resolve("site");
        assertThat(Cli.run(tmp, "build", "--files", dist.toString(), "--out", site.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(site.resolve("simple/index.html"));
        ProcessResult r = Cli.run(tmp, "build", "--files", dist.toString(), "--git",
                "http://127.0.0.1:9/nothing-listens-here.git", "--out", site.toString(),
                "--cache", tmp.resolve("cache").toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(3);
        assertThat(firstErrorLine(r)).contains("127.0.0.1:9");
        assertThat(Files.readAllBytes(site.resolve("simple/index.html"))).isEqualTo(before);
        // with --keep-going the rest is built, the failure is reported, and the exit code still says so
        Path dist2 = Files.createDirectories(tmp.resolve("dist2"));
        wheel(dist2.resolve("other_pkg-2.0-py3-none-any.whl"), "other-pkg", "2.0");
        ProcessResult kept = Cli.run(tmp, "build", "--files", dist.toString(), "--files", dist2.toString(), "--git",
                "http://127.0.0.1:9/nothing-listens-here.git", "--out", site.toString(), "--cache",
                tmp.resolve("cache").toString(), "--keep-going");
        assertThat(kept.exitCode()).as(kept.output()).isEqualTo(3);
        assertThat(kept.output()).contains("127.0.0.1:9");
        assertThat(site.resolve("simple/other-pkg/index.html")).exists();
    }

    @Test
    void credentialsInARemoteUrlNeverReachTheOutput() throws Exception {
        Path site = tmp.resolve("site");
        ProcessResult r = Cli.run(tmp, "build", "--git", "https://user:s3cr3t-t0ken@127.0.0.1:9/o/r.git", "--out",
                site.toString(), "--cache", tmp.resolve("cache").toString(), "--verbose");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).doesNotContain("s3cr3t-t0ken");
    }

    @Test
    void validateATargetThatIsNotAnIndex() throws Exception {
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[] {0, 1, 2, 3, (byte) 0xff, 0x7f});
        ProcessResult r = Cli.run(tmp, "validate", junk.toString());
        assertThat(r.exitCode()).as(r.output()).isIn(1, 2);
        assertThat(r.output()).doesNotContain("\tat ");
    }

    @Test
    void configurationFileHoldsTheBuildOptions() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        wheel(dist.resolve("demo_pkg-1.0-py3-none-any.whl"), "demo-pkg", "1.0");
        Files.writeString(tmp.resolve("gitpypi.toml"), "out = \"site\"\nfiles = [\"dist\"]\n"
                + "base-url = \"https://example.org/index/\"\n");
        ProcessResult r = Cli.run(tmp, "build");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(Files.readString(tmp.resolve("site/index.html"))).contains("https://example.org/index/simple/");
        Files.writeString(tmp.resolve("bad.toml"), "out = \"site\"\nfils = [\"dist\"]\n");
        ProcessResult bad = Cli.run(tmp, "build", "--config", "bad.toml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(firstErrorLine(bad)).contains("unknown key 'fils' (did you mean files?)");
        Files.writeString(tmp.resolve("strange.toml"), "out = \"site\"\nzzzzzzzz = 1\n");
        ProcessResult strange = Cli.run(tmp, "build", "--config", "strange.toml");
        assertThat(firstErrorLine(strange)).contains("unknown key 'zzzzzzzz' (known: allow-empty, allow-version-mismatch, base-url,");
        Files.writeString(tmp.resolve("broken.toml"), "out = [\n");
        ProcessResult broken = Cli.run(tmp, "build", "--config", "broken.toml");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(firstErrorLine(broken)).contains("not valid TOML");
    }

    @Test
    void packageListBuildsLinksToWhereTheFilesAre() throws Exception {
        Files.writeString(tmp.resolve("packages.txt"), "ocflib-2016.12.10.1.48-py2.py3-none-any.whl\n"
                + "# a comment\nbad-1.0-SNAPSHOT.tar.gz\nOcflib-2016.10.31.0.40.tar.gz\nocflib-2016.10.31.0.40-py2.7.egg\n");
        ProcessResult r = Cli.run(tmp, "build", "--package-list", "packages.txt", "--packages-url",
                "https://deploy:hunter2@files.example.org/pool/", "--out", "site");
        // every line was understood: files pip would not install are skipped with one line per kind, exit 0
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("warning: packages.txt: skipped 1 egg (.egg)")
                .contains("(--verbose names each of the 2 skipped files)").doesNotContain("note:")
                .doesNotContain("hunter2");
        String page = Files.readString(tmp.resolve("site/simple/ocflib/index.html"));
        assertThat(page).contains("https://files.example.org/pool/ocflib-2016.12.10.1.48-py2.py3-none-any.whl")
                .contains("Ocflib-2016.10.31.0.40.tar.gz").doesNotContain("hunter2").doesNotContain("deploy");
        assertThat(Files.readString(tmp.resolve("site/simple/ocflib/index.json"))).doesNotContain("hunter2");
        ProcessResult verbose = Cli.run(tmp, "build", "-v", "--package-list", "packages.txt", "--packages-url",
                "https://files.example.org/pool/", "--out", "site");
        assertThat(verbose.exitCode()).as(verbose.output()).isZero();
        assertThat(verbose.output()).contains("note: packages.txt:3: skipped \"bad-1.0-SNAPSHOT.tar.gz\"")
                .contains("note: packages.txt:5: skipped \"ocflib-2016.10.31.0.40-py2.7.egg\"");
    }

    static void wheel(Path file, String name, String version) throws Exception {
        String dist = name.replace('-', '_');
        String distInfo = dist + "-" + version + ".dist-info/";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            put(z, distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                    + "\nRequires-Python: >=3.8\n");
            put(z, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
            put(z, distInfo + "RECORD", "");
        }
    }

    private static void put(ZipOutputStream z, String name, String text) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
