package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue "Security first", item 8 and the robustness list, with the jar on real repositories: a repository cannot add
 * releases to another repository's project unless the project is declared shared, and one hostile input (a
 * 300-character name, a name shaped like a GitHub token, a conflicting file) is left out with an error naming it
 * while the rest is built (exit 1).
 */
class BuildOwnershipIT {
    @TempDir
    static Path tmp;

    static String tokenName;

    @BeforeAll
    static void repositories() throws Exception {
        TestRepos.project(tmp.resolve("hello"), "hello", "1.0");
        TestRepos.project(tmp.resolve("evil"), "Hello", "9.0");
        TestRepos.project(tmp.resolve("world"), "world", "1.0");
        TestRepos.project(tmp.resolve("long"), "a".repeat(300), "1.0");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder t = new StringBuilder("ghp_");
        for (int i = 0; i < 36; i++) {
            t.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        tokenName = t.toString();
        TestRepos.project(tmp.resolve("token"), tokenName, "1.0");
    }

    private static String page(Path site, String project) throws Exception {
        return Files.readString(site.resolve("simple/" + project + "/index.html"));
    }

    @Test
    void aSecondRepositoryCannotAddReleasesToTheFirstOnesProject() throws Exception {
        Path site = tmp.resolve("site-evil");
        ProcessResult r = Cli.run(tmp, "build", "--git", "hello", "--git", "evil", "--git", "world", "--out",
                site.toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).containsPattern("error: git:evil: project \"hello\" belongs to git:hello, the first"
                + " source that declares it; left out 1 release of it from this source \\(9\\.0\\)")
                .contains("--shared-project");
        assertThat(page(site, "hello")).contains("hello-1.0").doesNotContain("9.0");
        assertThat(page(site, "world")).contains("world-1.0");
        // configuration order decides: the other way round, evil owns the name
        Path other = tmp.resolve("site-evil-first");
        ProcessResult reversed = Cli.run(tmp, "build", "--git", "evil", "--git", "hello", "--out", other.toString());
        assertThat(reversed.exitCode()).isEqualTo(1);
        assertThat(reversed.output()).contains("belongs to git:evil");
        assertThat(page(other, "hello")).contains("hello-9.0").doesNotContain("hello-1.0");
    }

    @Test
    void aSharedProjectTakesReleasesFromEverySourceThatDeclaresIt() throws Exception {
        Path site = tmp.resolve("site-shared");
        ProcessResult r = Cli.run(tmp, "build", "--git", "hello", "--git", "evil", "--shared-project", "HELLO",
                "--out", site.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(page(site, "hello")).contains("hello-1.0", "hello-9.0");
        Files.writeString(tmp.resolve("shared.toml"), "git = [\"hello\", \"evil\"]\nshared-projects = [\"hello\"]\n"
                + "out = \"site-shared-toml\"\n");
        ProcessResult toml = Cli.run(tmp, "build", "--config", "shared.toml");
        assertThat(toml.exitCode()).as(toml.output()).isZero();
        assertThat(page(tmp.resolve("site-shared-toml"), "hello")).contains("hello-1.0", "hello-9.0");
        ProcessResult bad = Cli.run(tmp, "build", "--git", "hello", "--shared-project", "not a name", "--out", "x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("--shared-project: invalid project name \"not a name\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vcs", "sdist"})
    void hostileNamesAreLeftOutAndTheRestIsBuilt(String style) throws Exception {
        Path site = tmp.resolve("site-hostile-" + style);
        ProcessResult r = Cli.run(tmp, "build", "--git", "long", "--git", "token", "--git", "hello", "--out",
                site.toString(), "--link-style", style, "--cache", tmp.resolve("cache").toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        // the source may refuse the release itself (an sdist cannot be named so), or the build leaves the project out
        assertThat(r.output()).contains("error: git:long").contains(style.equals("vcs")
                ? "project name \"aaaa" : "aaaa").contains(style.equals("vcs") ? "(300 characters) is longer than 200"
                : "release skipped");
        assertThat(r.output()).contains("error: git:token: project name \"***\" is shaped like a GitHub token")
                .doesNotContain(tokenName)
                .doesNotContain(tokenName.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(page(site, "hello")).contains(style.equals("vcs") ? "hello-1.0" : "hello-1.0.tar.gz");
        try (var files = Files.list(site.resolve("simple"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("hello", "index.html",
                    "index.json");
        }
    }

    @Test
    void aConflictingFileIsLeftOutAndTheFirstKept() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("dist-a"));
        Path b = Files.createDirectories(tmp.resolve("dist-b"));
        wheel(a.resolve("dup-1.0-py3-none-any.whl"), "dup", "1.0", "first");
        wheel(b.resolve("dup-1.0-py3-none-any.whl"), "dup", "1.0", "second");
        wheel(b.resolve("dup-1.1-py3-none-any.whl"), "dup", "1.1", "second");
        Path site = tmp.resolve("site-dup");
        ProcessResult r = Cli.run(tmp, "build", "--files", "dist-a", "--files", "dist-b", "--shared-project", "dup",
                "--out", site.toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("already has a file named \"dup-1.0-py3-none-any.whl\"");
        assertThat(Files.readAllBytes(site.resolve("files/dup/dup-1.0-py3-none-any.whl")))
                .isEqualTo(Files.readAllBytes(a.resolve("dup-1.0-py3-none-any.whl")));
        assertThat(site.resolve("files/dup/dup-1.1-py3-none-any.whl")).exists();
    }

    static void wheel(Path file, String name, String version, String marker) throws Exception {
        String distInfo = name + "-" + version + ".dist-info/";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(distInfo + "METADATA"));
            z.write(("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nSummary: " + marker
                    + "\n").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(distInfo + "WHEEL"));
            z.write("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(distInfo + "RECORD"));
        }
    }
}
