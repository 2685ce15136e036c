package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote repositories over ssh, served by a real OpenSSH server ({@code /usr/sbin/sshd}) on loopback: the
 * {@code ssh://user@host:port/path} and scp-like {@code user@host:path} forms, keys and {@code known_hosts} from an
 * ssh folder (a temporary one here, never the user's {@code ~/.ssh}), and clear errors without secrets.
 */
class GitSshIT {
    private static final String USER = System.getProperty("user.name");
    private static final String HOST_ALIAS = "gitpypi-ssh-test";
    private static final String PASSWORD = "pa55-V3RY-S3CRET-word";

    @TempDir
    static Path shared;
    static OpenSshServer server;
    static TestRepo work;
    static Path bare;
    /** The client's ssh folder: its key is authorized, the server's key is known. */
    static Path sshDir;
    static Path authorized;

    @TempDir
    Path tmp;
    LogCapture log;

    @BeforeAll
    static void serve() throws Exception {
        work = TestRepo.init(shared.resolve("work"));
        work.write("pyproject.toml", TestRepo.pyproject("hello", null)).commit("one");
        work.tag("v1.0");
        work.write("hello.py", "x = 1\n").commit("two");
        work.annotatedTag("v1.1");
        work.tag("not-a-version");
        bare = shared.resolve("served/hello.git").toAbsolutePath();
        work.git("clone", "-q", "--bare", work.dir().toString(), bare.toString());

        sshDir = Files.createDirectories(shared.resolve("client-ssh"));
        OpenSshServer.keygen(sshDir.resolve("id_ed25519"));
        authorized = shared.resolve("authorized_keys");
        Files.copy(sshDir.resolve("id_ed25519.pub"), authorized);
        server = OpenSshServer.start(shared.resolve("server"), authorized);
        Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine("127.0.0.1", HOST_ALIAS),
                StandardCharsets.UTF_8);
        Files.writeString(sshDir.resolve("config"), "Host " + HOST_ALIAS + "\n  HostName 127.0.0.1\n  Port "
                + server.port() + "\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startCapture() {
        log = LogCapture.start();
    }

    @AfterEach
    void stopCapture() {
        log.close();
    }

    private static String sshUrl() {
        return "ssh://" + USER + "@127.0.0.1:" + server.port() + bare;
    }

    private SourceResult read(String url, Path ssh, LinkStyle style) throws IOException {
        return GitSource.remote(url).sshDirectory(ssh).linkStyle(style).cacheDir(tmp.resolve("cache"))
                .timeout(Duration.ofSeconds(20)).build().read();
    }

    private static List<String> urls(SourceResult r) {
        return r.index().project("hello").orElseThrow().distributions().stream().map(Distribution::url).toList();
    }

    private List<String> cacheObjects() throws IOException {
        return TestRepo.objectFiles(tmp.resolve("cache/repos"));
    }

    /** Key material that must never show: the private key's body and the public key. */
    private static List<String> keyMaterial(Path privateKey) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(privateKey, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("-----") && line.length() > 20) {
                out.add(line);
            }
        }
        out.add(Files.readString(Path.of(privateKey + ".pub"), StandardCharsets.US_ASCII).split(" ")[1]);
        return out;
    }

    private void assertNoSecrets(List<String> texts, Path privateKey) throws IOException {
        List<String> all = new ArrayList<>(texts);
        all.addAll(log.lines());
        for (String secret : keyMaterial(privateKey)) {
            assertThat(all).allSatisfy(t -> assertThat(t).doesNotContain(secret));
        }
        assertThat(all).allSatisfy(t -> assertThat(t).doesNotContain(PASSWORD));
    }

    @Test
    void jgitUsesApacheMinaSshdByDefault() {
        // found through ServiceLoader in org.eclipse.jgit.ssh.apache; it reads ~/.ssh like OpenSSH
        assertThat(SshSessionFactory.getInstance()).isInstanceOf(SshdSessionFactory.class);
    }

    @Test
    void sshUrlWithPort() throws Exception {
        SourceResult r = read(sshUrl(), sshDir, LinkStyle.VCS);
        String shown = sshUrl();
        assertThat(urls(r)).containsExactly("git+" + shown + "@v1.0#egg=hello-1.0",
                "git+" + shown + "@v1.1#egg=hello-1.1");
        assertThat(r.problems()).extracting(Problem::toString).containsExactly("warning: git:"
                + shown.replace(USER + "@", "") + ": 1 of 3 tags do not match the tag pattern"
                + " \"v?(?<version>[0-9].*)\" and were skipped (\"not-a-version\")");
        assertThat(server.log()).contains("Accepted publickey for " + USER);

        List<String> first = cacheObjects();
        assertThat(first).isNotEmpty();
        SourceResult again = read(sshUrl(), sshDir, LinkStyle.VCS);
        assertThat(urls(again)).isEqualTo(urls(r));
        assertThat(cacheObjects()).as("nothing new: no object transferred").isEqualTo(first);

        List<String> texts = new ArrayList<>(List.of(r.toString(), again.toString()));
        r.problems().forEach(p -> texts.add(p.toString()));
        assertNoSecrets(texts, sshDir.resolve("id_ed25519"));
    }

    @Test
    void scpLikeUrlWithHostFromSshConfig() throws Exception {
        String url = USER + "@" + HOST_ALIAS + ":" + bare;
        String shown = "ssh://" + USER + "@" + HOST_ALIAS + bare;
        SourceResult r = read(url, sshDir, LinkStyle.VCS);
        assertThat(urls(r)).containsExactly("git+" + shown + "@v1.0#egg=hello-1.0",
                "git+" + shown + "@v1.1#egg=hello-1.1");
        assertThat(r.index().project("hello").orElseThrow().sourceUrl()).contains(shown);

        SourceResult sdists = read(url, sshDir, LinkStyle.SDIST);
        assertThat(urls(sdists)).containsExactly("../../files/hello/hello-1.0.tar.gz",
                "../../files/hello/hello-1.1.tar.gz");
    }

    @Test
    void refusedKeyIsAClearErrorWithoutSecrets() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other-ssh"));
        OpenSshServer.keygen(other.resolve("id_ed25519"));
        Files.copy(sshDir.resolve("known_hosts"), other.resolve("known_hosts"));
        String url = "ssh://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.port() + bare;
        IOException e = catchIo(url, other);
        assertThat(e.getMessage()).startsWith("cannot read git repository \"" + sshUrl() + "\"")
                .contains("Cannot log in at 127.0.0.1:" + server.port(), "server refused");
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t));
        }
        assertNoSecrets(texts, other.resolve("id_ed25519"));
        assertNoSecrets(texts, sshDir.resolve("id_ed25519"));
    }

    @Test
    void keyWithPassphraseIsAClearErrorNotAPrompt() throws Exception {
        // nobody to ask for the passphrase (no CredentialsProvider, no ssh-agent): the key is skipped, never blocks
        Path locked = Files.createDirectories(tmp.resolve("locked-ssh"));
        OpenSshServer.keygen(locked.resolve("id_ed25519"), PASSWORD);
        Files.writeString(authorized, Files.readString(locked.resolve("id_ed25519.pub")),
                java.nio.file.StandardOpenOption.APPEND);
        Files.copy(sshDir.resolve("known_hosts"), locked.resolve("known_hosts"));
        IOException e = catchIo(sshUrl(), locked);
        assertThat(e.getMessage()).startsWith("cannot read git repository \"" + sshUrl() + "\"")
                .contains("Cannot log in at 127.0.0.1:" + server.port());
        assertNoSecrets(List.of(e.getMessage()), locked.resolve("id_ed25519"));
    }

    @Test
    void unknownOrChangedHostKeyIsRefused() throws Exception {
        Path unknown = Files.createDirectories(tmp.resolve("no-known-hosts"));
        Path changed = Files.createDirectories(tmp.resolve("changed-host-key"));
        for (Path dir : List.of(unknown, changed)) {
            Files.copy(sshDir.resolve("id_ed25519"), dir.resolve("id_ed25519"));
            Files.copy(sshDir.resolve("id_ed25519.pub"), dir.resolve("id_ed25519.pub"));
        }
        // another host key recorded for the same [127.0.0.1]:PORT, as after a man-in-the-middle
        String other = Files.readString(Path.of(OpenSshServer.keygen(tmp.resolve("other_host_key")) + ".pub"));
        Files.writeString(changed.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + String.join(" ", java.util.Arrays.copyOf(other.strip().split(" "), 2)) + "\n");
        for (Path dir : List.of(unknown, changed)) {
            IOException e = catchIo(sshUrl(), dir);
            assertThat(e.getMessage()).startsWith("cannot read git repository \"" + sshUrl() + "\"")
                    .contains("Server key did not validate");
        }
        assertThat(Files.exists(unknown.resolve("known_hosts"))).as("nothing written without asking").isFalse();
    }

    @Test
    void unreachableHostIsAClearError() throws Exception {
        String url = "ssh://" + USER + ":" + PASSWORD + "@127.0.0.1:" + GitDaemon.freePort() + "/gone.git";
        assertThatThrownBy(() -> read(url, sshDir, LinkStyle.VCS)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read git repository \"" + url.replace(":" + PASSWORD, "") + "\"")
                .message().doesNotContain(PASSWORD);
        assertThat(log.lines()).allSatisfy(l -> assertThat(l).doesNotContain(PASSWORD));
    }

    private IOException catchIo(String url, Path ssh) {
        try {
            read(url, ssh, LinkStyle.VCS);
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("reading " + url + " should fail");
    }
}
