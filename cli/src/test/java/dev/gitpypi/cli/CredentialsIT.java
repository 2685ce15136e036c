package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.testing.GitHttpBackend;
import dev.gitpypi.testing.ProcessResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue "Security first", items 6 and 7: the CLI jar fetches from a loopback Git server over HTTP that demands the
 * credential (401 first, as GitHub does), at every verbosity, and its whole output is searched for the credential
 * in clear, base64 (as in {@code Authorization: Basic}) and URL-encoded forms; URLs with passwords in progress
 * lines, {@code --json} problem locations and error messages are printed without them.
 */
class CredentialsIT {
    @TempDir
    static Path tmp;

    static GitHttpBackend tokenServer;
    static GitHttpBackend passwordServer;
    /** Shaped like a GitHub token, made at run time (never a literal in the repository). */
    static String token;
    /** A password with characters that URL encoding changes. */
    static String password;

    @BeforeAll
    static void servers() throws Exception {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder t = new StringBuilder("ghp_");
        for (int i = 0; i < 36; i++) {
            t.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        token = t.toString();
        password = "p@ss/w:rd " + Long.toHexString(random.nextLong());
        Path served = Files.createDirectories(tmp.resolve("served"));
        TestRepos.bareClone(TestRepos.project(tmp.resolve("work"), "hello", "1.0", "1.1"),
                served.resolve("hello.git"));
        tokenServer = GitHttpBackend.startWithAuth(served, "x-access-token", token);
        passwordServer = GitHttpBackend.startWithAuth(served, "deploy", password);
    }

    @AfterAll
    static void stop() {
        tokenServer.close();
        passwordServer.close();
    }

    /** Every form in which a secret could be printed. */
    static List<String> forms(String user, String secret) {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"),
                b64.encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-q", "--verbose", "-v", "-vv", "-vvv"})
    void aTokenInTheRepositoryUrlIsUsedAndNeverPrinted(String verbosity) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("token" + verbosity));
        String url = tokenServer.baseUrl().replace("http://", "http://x-access-token:" + token + "@") + "hello.git";
        ProcessResult r = Cli.run(work, "build", "--git", url, "--link-style", "sdist", "--out", "site",
                "--cache", "cache", verbosity);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(Files.readString(work.resolve("site/simple/hello/index.html"))).contains("hello-1.1.tar.gz");
        assertThat(tokenServer.requests()).anyMatch(q -> q.contains("git-upload-pack"));
        for (String form : forms("x-access-token", token)) {
            assertThat(r.output()).as("%s in %s", form, verbosity).doesNotContain(form);
            assertThat(Files.readString(work.resolve("site/simple/hello/index.html"))).doesNotContain(form);
        }
        if (verbosity.equals("-vv")) {
            // the test would prove nothing if the detail levels printed nothing
            assertThat(r.output()).contains("gitpypi: debug: ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-v", "-vv"})
    void aPasswordInTheRepositoryUrlIsUsedAndNeverPrinted(String verbosity) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("password" + verbosity));
        String url = passwordServer.baseUrl().replace("http://", "http://deploy:"
                + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@") + "hello.git";
        ProcessResult r = Cli.run(work, "build", "--git", url, "--out", "site", "--cache", "cache", verbosity);
        assertThat(r.exitCode()).as(r.output()).isZero();
        for (String form : forms("deploy", password)) {
            assertThat(r.output()).as("%s in %s", form, verbosity).doesNotContain(form);
        }
        // the VCS links name the repository without the credential
        assertThat(Files.readString(work.resolve("site/simple/hello/index.html")))
                .contains("git+" + passwordServer.baseUrl() + "hello.git@v1.0#egg=hello-1.0").doesNotContain("deploy");
    }

    @Test
    void progressLinesAndJsonProblemLocationsShowImportedIndexesWithoutTheirPassword() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("from-index"));
        Path dist = Files.createDirectories(work.resolve("dist"));
        CommandsIT.wheel(dist.resolve("demo_pkg-1.0-py3-none-any.whl"), "demo-pkg", "1.0");
        String secret = "PASS-" + Long.toHexString(new SecureRandom().nextLong());
        ProcessResult r = Cli.run(work, "build", "--files", "dist", "--from-index",
                "http://user:" + secret + "@127.0.0.1:9/simple/", "--out", "site", "--keep-going", "--json", "-vv");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(3);
        assertThat(r.output()).doesNotContain(secret).contains("reading index http://127.0.0.1:9/simple/");
        JsonNode summary = new ObjectMapper().readTree(r.output().substring(r.output().indexOf("{\n"),
                r.output().lastIndexOf('}') + 1));
        assertThat(summary.get("problems").get(0).get("location").asText())
                .isEqualTo("index http://127.0.0.1:9/simple/");
    }

    @Test
    void errorMessagesShowUnsupportedUrlsWithoutTheirPassword() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("errors"));
        String secret = "PASS-" + Long.toHexString(new SecureRandom().nextLong());
        ProcessResult index = Cli.run(work, "build", "--from-index", "ftp://user:" + secret + "@127.0.0.1:9/simple/",
                "--out", "site");
        assertThat(index.exitCode()).isEqualTo(2);
        assertThat(index.output()).contains("unsupported URL scheme \"ftp\"", "ftp://127.0.0.1:9/simple/")
                .doesNotContain(secret);
        ProcessResult git = Cli.run(work, "build", "--git", "foo://user:" + secret + "@127.0.0.1:9/x.git", "--out",
                "site", "-vv");
        assertThat(git.exitCode()).isEqualTo(2);
        assertThat(git.output()).doesNotContain(secret);
        ProcessResult validate = Cli.run(work, "validate", "ftp://user:" + secret + "@127.0.0.1:9/simple/");
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.output()).doesNotContain(secret);
        ProcessResult unknown = Cli.run(work, "build", "--from-indx", "https://user:" + secret + "@h/simple/");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).doesNotContain(secret);
    }
}
