package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitpypi validate} fed the inputs users and hostile pages give it: every failure is one line that names
 * the input in gitpypi's words, with the exit code of the CLI contract (2 bad input, 3 I/O or network); no JDK
 * message ({@code URI has a fragment component}, {@code 'other' is different type of Path}), no stack trace, no
 * credential, no raw control character.
 */
class ValidateInputsTest {
    private static final List<String> JDK_WORDS = List.of("Exception", "\tat ", "java.", "URI has a fragment",
            "different type of Path", "Illegal character", "null");

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("validate"));
        argv.addAll(List.of(args));
        int exit = Main.run(argv.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void failsWith(int exit, String expected, String... args) {
        Run r = run(args);
        String shown = String.join(" ", args) + " ->\n" + r.out() + r.err();
        assertThat(r.exit()).as(shown).isEqualTo(exit);
        assertThat(r.out()).as(shown).isEmpty();
        assertThat(r.err().strip().lines()).as(shown).singleElement().satisfies(line -> {
            assertThat(line).startsWith("gitpypi: ").contains(expected);
            for (String w : JDK_WORDS) {
                assertThat(line).doesNotContain(w);
            }
            assertThat(line.chars().noneMatch(c -> c < 0x20)).as(line).isTrue();
        });
    }

    @Test
    void badTargetsAreOneLineNamingTheInput() throws IOException {
        Path fifo = tmp.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().onExit().join();
        Path empty = Files.createDirectories(tmp.resolve("empty folder"));
        Path passwd = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path jar = Files.write(tmp.resolve("x.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1, 2, 3});
        Path json = Files.writeString(tmp.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0\","
                + " \"dependencies\": {}}");
        failsWith(2, "no such file or folder: \"" + tmp.resolve("missing"), tmp.resolve("missing").toString());
        failsWith(2, "no such file or folder", "file:///no/such/place/index.html");
        failsWith(2, "invalid path", "bad\u0000path");
        failsWith(2, "invalid URL", "http://");
        failsWith(2, "unsupported URL \"ftp://example.org/simple/\"", "ftp://example.org/simple/");
        failsWith(2, "not an index: \"" + fifo + "\" is neither a folder nor a regular file", fifo.toString());
        failsWith(2, "not an index: \"" + empty + "\" (looked for", empty.toString());
        failsWith(2, "it holds no links", passwd.toString());
        failsWith(2, "it is a binary file", jar.toString());
        failsWith(2, "without projects, files or meta", json.toString());
        failsWith(2, "no such file or folder: \"new\\nline::error::x\"", "new\nline::error::x");
        failsWith(3, "cannot connect to \"http://127.0.0.1:9/simple/\": connection refused",
                "http://127.0.0.1:9/simple/");
        Run secret = run("http://user:s3cr3t-marker@127.0.0.1:9/simple/");
        assertThat(secret.exit()).isEqualTo(3);
        assertThat(secret.err()).doesNotContain("s3cr3t-marker").contains("127.0.0.1:9");
    }

    @Test
    void badOptionsAreOneLineWithTheNearestChoice() throws IOException {
        Path page = Files.writeString(tmp.resolve("page.html"), "<a href=\"foo-1.0.tar.gz\">foo-1.0.tar.gz</a>");
        failsWith(2, "unknown rule id \"P503-8\" (did you mean P503-08?)", page.toString(), "--severity",
                "P503-8=error");
        failsWith(2, "invalid --severity level \"loud\"", page.toString(), "--severity", "P503-08=loud");
        failsWith(2, "invalid --format \"yaml\"", page.toString(), "--format", "yaml");
        failsWith(2, "invalid project name \"not a name\" (NAME-01)", page.toString(), "--project", "not a name");
        failsWith(2, "--git-timeout", page.toString(), "--git-timeout", "0");
    }

    @Test
    void pagesThatLinkFilesWithHashFragmentsFromTheirRootAreReportsNotCrashes() throws IOException {
        // pip's find-links pages and test indexes: file links with #md5= fragments on a folder's own index.html
        Path flat = Files.createDirectories(tmp.resolve("flat"));
        Files.writeString(flat.resolve("index.html"), "<html><body><a href=\"foo-1.0.tar.gz#md5="
                + "0".repeat(32) + "\">foo-1.0.tar.gz</a><a href=\"/bar-2.0.tar.gz#md5=" + "0".repeat(32)
                + "\">bar-2.0.tar.gz</a></body></html>");
        Run r = run(flat.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isIn(0, 1);
        assertThat(r.out()).contains("2 links");
        // the same page as the root of a folder of project folders
        Path rooted = Files.createDirectories(tmp.resolve("rooted/foo"));
        Files.writeString(rooted.resolve("index.html"), "<a href=\"foo-1.0.tar.gz#md5=" + "0".repeat(32)
                + "\">foo-1.0.tar.gz</a>");
        Files.writeString(rooted.getParent().resolve("index.html"), "<!DOCTYPE html><a href=\"foo/\">foo</a>"
                + "<a href=\"foo/foo-1.0.tar.gz#md5=" + "0".repeat(32) + "\">foo-1.0.tar.gz</a>");
        Run root = run(rooted.getParent().toString(), "--deep");
        assertThat(root.exit()).as(root.out() + root.err()).isIn(0, 1);
        for (String w : JDK_WORDS) {
            assertThat(root.out() + root.err()).doesNotContain(w);
        }
    }

    @Test
    void unexpectedFailuresAreInternalErrorsWithTheTraceOnlyWhenVerbose() {
        IllegalStateException bug = new IllegalStateException("some JDK-ish text");
        assertThat(GitpypiCommand.describe(bug)).startsWith("internal error: java.lang.IllegalStateException")
                .doesNotContain("some JDK-ish text").contains("--verbose");
        assertThat(GitpypiCommand.exitCodeOf(bug)).isEqualTo(ExitCodes.IO);
        IllegalArgumentException jdk = new IllegalArgumentException("'other' is different type of Path");
        jdk.setStackTrace(new StackTraceElement[] {new StackTraceElement("sun.nio.fs.UnixPath", "relativize",
                "UnixPath.java", 1)});
        assertThat(GitpypiCommand.describe(jdk)).startsWith("internal error").doesNotContain("different type");
        assertThat(GitpypiCommand.exitCodeOf(jdk)).isEqualTo(ExitCodes.IO);
        IllegalArgumentException ours = new IllegalArgumentException("maximum page size must be positive: 0");
        assertThat(GitpypiCommand.describe(ours)).isEqualTo("maximum page size must be positive: 0");
        assertThat(GitpypiCommand.exitCodeOf(ours)).isEqualTo(ExitCodes.USAGE);
        assertThat(GitpypiCommand.describe(new java.nio.file.NoSuchFileException("a\nb")))
                .isEqualTo("no such file or folder: \"a\\nb\"");
    }
}
