package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.PipVenv;
import dev.gitpypi.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitpypi demo} as a user runs it, then the real pip installs from what it built: from the {@code file://}
 * index it prints, and over HTTP from {@code gitpypi serve} (JSON negotiated) — both link styles.
 */
class DemoAndInstallIT {
    @TempDir
    static Path tmp;

    static ProcessResult demo;
    static PipVenv venv;

    @BeforeAll
    static void runDemo() {
        demo = Cli.run(tmp, "demo", "--dir", tmp.resolve("demo").toString());
        venv = PipVenv.create(tmp.resolve("venv"));
    }

    @Test
    void demoBuildsBothStylesValidatesThemAndPrintsTheInstallCommand() throws Exception {
        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("link style sdist", "link style vcs", "validate: 0 errors",
                "pip install --index-url", "gitpypi serve");
        Path demoDir = tmp.resolve("demo");
        assertThat(demoDir.resolve("site-sdist/simple/hello/index.html")).exists();
        assertThat(Files.readString(demoDir.resolve("site-vcs/simple/hello/index.html")))
                .contains("git+file://").contains("#egg=hello-1.1.0");
        // running it again is allowed and gives the same site (deterministic commits and sdists)
        byte[] page = Files.readAllBytes(demoDir.resolve("site-sdist/simple/hello/index.html"));
        ProcessResult again = Cli.run(tmp, "demo", "--dir", demoDir.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("0 files written");
        assertThat(Files.readAllBytes(demoDir.resolve("site-sdist/simple/hello/index.html"))).isEqualTo(page);
    }

    @Test
    void pipInstallsWithThePrintedFileIndexCommand() {
        Matcher m = Pattern.compile("--index-url (file:\\S+) '([^']+)'").matcher(demo.output());
        assertThat(m.find()).as(demo.output()).isTrue();
        venv.reset();
        ProcessResult r = venv.install(m.group(1), m.group(2));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(venv.installedVersion("hello")).isEqualTo("1.2.0");
        assertThat(venv.installedVersion("world")).isEqualTo("1.1.0");
    }

    @Test
    void pipInstallsFromServeOverHttpInBothStyles() throws Exception {
        for (String style : new String[] {"sdist", "vcs"}) {
            try (Cli.Running server = new Cli.Running(tmp, "serve", tmp.resolve("demo/site-" + style).toString(),
                    "--port", "0")) {
                Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/simple/)").matcher(server.firstLine);
                assertThat(m.find()).as(server.firstLine).isTrue();
                venv.reset();
                ProcessResult r = venv.install(m.group(1), "-v", "hello>=1.1,<2", "world<1.1"); // -vv: pip logs the type
                assertThat(r.exitCode()).as(r.output()).isZero();
                assertThat(venv.installedVersion("hello")).as(style).isEqualTo("1.2.0");
                assertThat(venv.installedVersion("world")).as(style).isEqualTo("1.0.0");
                // pip asked for JSON and got it (PEP 691 negotiation by serve)
                assertThat(r.output()).contains("application/vnd.pypi.simple.v1+json");
            }
        }
    }
}
