package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import dev.gitpypi.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitpypi build} on inputs someone else wrote (issue 17, items 7 and 9): a folder of files holding links, a
 * FIFO and a link to {@code /dev/zero}; an imported index holding credentials and script links. Run as a user runs
 * it: the jar as a separate process, relative paths, from the folder that holds the inputs.
 */
class BuildInputsIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFolderOfFilesNeverFollowsLinksNorHangsOnAFifoOrDevZero() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        CommandsIT.wheel(dist.resolve("good-1.0-py3-none-any.whl"), "good", "1.0");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "marker-" + Long.toHexString(System.nanoTime()));
        Files.createSymbolicLink(dist.resolve("secret-1.0.tar.gz"), secret);
        Files.createSymbolicLink(dist.resolve("passwd-1.0.tar.gz"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(dist.resolve("zero-1.0-py3-none-any.whl"), Path.of("/dev/zero"));
        assertThat(Processes.run(tmp, env -> { }, 30, List.of("mkfifo", "dist/fifo-1.0.tar.gz")).ok()).isTrue();

        ProcessResult r = Cli.run(tmp, "build", "--files", "dist", "--out", "site");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("warning: dist/secret-1.0.tar.gz: skipped: a symbolic link")
                .contains("warning: dist/passwd-1.0.tar.gz: skipped: a symbolic link")
                .contains("warning: dist/zero-1.0-py3-none-any.whl: skipped: a symbolic link")
                .contains("warning: dist/fifo-1.0.tar.gz: skipped: a FIFO, device or socket");
        assertThat(tmp.resolve("site/simple/good/index.html")).exists();
        assertThat(tmp.resolve("site/files")).isDirectory();
        String marker = Files.readString(secret);
        String root = Files.readAllLines(Path.of("/etc/passwd")).get(0);
        try (Stream<Path> all = Files.walk(tmp.resolve("site"))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(text).as(p.toString()).doesNotContain(marker).doesNotContain(root);
            }
        }
        try (Stream<Path> hosted = Files.list(tmp.resolve("site/files"))) {
            assertThat(hosted.map(p -> p.getFileName().toString())).containsExactly("good");
        }
    }

    @Test
    void anImportedIndexLosesCredentialsAndScriptLinksNamingTheLine() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("old/simple/pkg"));
        Files.writeString(tmp.resolve("old/simple/index.html"), "<!DOCTYPE html><html><body>"
                + "<a href=\"pkg/\">pkg</a></body></html>\n");
        String secret = "pw-" + Long.toHexString(System.nanoTime());
        Files.writeString(old.resolve("index.html"), String.join("\n",
                "<!DOCTYPE html><html><body>",
                "<a href=\"https://deploy:" + secret + "@files.example/pkg-1.0.tar.gz#sha256=" + "a".repeat(64)
                        + "\">pkg-1.0.tar.gz</a>",
                "<a href=\"javascript:alert(document.domain)//pkg-1.1.tar.gz\">pkg-1.1.tar.gz</a>",
                "<a href=\"data:text/html,x/pkg-1.2.tar.gz\">pkg-1.2.tar.gz</a>",
                "<a href=\"file:///etc/passwd#pkg-1.3.tar.gz\">pkg-1.3.tar.gz</a>",
                "<a href=\"https://files.example/pkg-2.0.tar.gz\">pkg-2.0.tar.gz</a>",
                "</body></html>", ""));

        ProcessResult r = Cli.run(tmp, "build", "--from-index", "old", "--out", "site");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1); // refused links are errors; the rest is built
        assertThat(r.output()).contains("pkg/index.html:3: refusing the javascript: link")
                .contains("pkg/index.html:4: refusing the data: link")
                .contains("pkg/index.html:5: refusing the file: link")
                .contains("pkg/index.html:2: the link of \"pkg-1.0.tar.gz\" carries credentials")
                .doesNotContain(secret);
        String page = Files.readString(tmp.resolve("site/simple/pkg/index.html"));
        assertThat(page).contains("https://files.example/pkg-1.0.tar.gz#sha256=")
                .contains("https://files.example/pkg-2.0.tar.gz").doesNotContain(secret).doesNotContain("deploy")
                .doesNotContain("javascript").doesNotContain("data:").doesNotContain("file:");
        try (Stream<Path> all = Files.walk(tmp.resolve("site"))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain(secret).doesNotContain("javascript:");
            }
        }
    }

    @Test
    void dumbPypisRealPackageListBuildsWithExitZeroAndOneLinePerKindOfSkippedFile() throws Exception {
        Path list = Files.copy(TestData.file("package-list-huge.txt"), tmp.resolve("packages.txt"));
        ProcessResult r = Cli.run(tmp, "build", "--package-list", "packages.txt", "--packages-url",
                "https://files.example/packages/", "--out", "site");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("warning: packages.txt: skipped 4184 eggs (.egg)")
                .contains("warning: packages.txt: skipped 989 Windows installers (.exe, .msi)")
                .contains(", 0 errors").doesNotContain("error:").doesNotContain("note:");
        // the legacy archives pip installs are listed, each with the rule it breaks
        assertThat(r.output()).contains("packages.txt:" + lineOf(list, "anglerfish-1.7.5.tar.bz2")
                + ": \"anglerfish-1.7.5.tar.bz2\": a .tar.bz2 source archive: pip installs it");
        assertThat(Files.readString(tmp.resolve("site/simple/anglerfish/index.html")))
                .contains("anglerfish-1.7.5.tar.bz2");
        assertThat(Files.readString(tmp.resolve("site/simple/ztv/index.html")))
                .contains("ztv-0.2.1_6-py2-none-any.whl");
    }

    private static int lineOf(Path file, String line) throws java.io.IOException {
        return Files.readAllLines(file).indexOf(line) + 1;
    }
}
