package dev.gitpypi.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.git.publish.PublishResult;
import dev.gitpypi.git.publish.SitePublisher;
import dev.gitpypi.git.publish.Sites;
import dev.gitpypi.testing.BareRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SitePublisher} pushes over ssh with the same client as the Git source (JGit's Apache MINA sshd, keys,
 * {@code config} and {@code known_hosts} from an ssh folder), to a real OpenSSH server on loopback whose
 * {@code git-receive-pack} is the real one.
 */
class PublishSshIT {
    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path tmp;

    @Test
    void publishesOverSshWithTheKeysOfAnSshFolder() throws Exception {
        BareRepo remote = BareRepo.init(tmp.resolve("served/index.git"));
        Path sshDir = Files.createDirectories(tmp.resolve("client-ssh"));
        OpenSshServer.keygen(sshDir.resolve("id_ed25519"));
        Path authorized = tmp.resolve("authorized_keys");
        Files.copy(sshDir.resolve("id_ed25519.pub"), authorized);
        Path site = Sites.site(tmp.resolve("site"), "hello==1.0");
        try (OpenSshServer server = OpenSshServer.start(tmp.resolve("server"), authorized)) {
            Files.writeString(sshDir.resolve("known_hosts"), server.knownHostsLine("127.0.0.1"),
                    StandardCharsets.UTF_8);
            String url = "ssh://" + USER + "@127.0.0.1:" + server.port() + remote.dir();

            PublishResult r = SitePublisher.builder(url).sshDirectory(sshDir).timeout(Duration.ofSeconds(20))
                    .workDirectory(tmp).build().publish(site);

            assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(remote.head("gh-pages")).isEqualTo(r.headId());
            assertThat(remote.files("gh-pages")).contains("simple/hello/index.html");
            assertThat(server.log()).contains("Accepted publickey for " + USER);

            // a folder whose key the server does not know: a clear error, nothing pushed
            Path other = Files.createDirectories(tmp.resolve("other-ssh"));
            OpenSshServer.keygen(other.resolve("id_ed25519"));
            Files.copy(sshDir.resolve("known_hosts"), other.resolve("known_hosts"));
            Path site2 = Sites.site(tmp.resolve("site2"), "hello==2.0");
            assertThatThrownBy(() -> SitePublisher.builder(url).sshDirectory(other).timeout(Duration.ofSeconds(20))
                    .workDirectory(tmp).build().publish(site2))
                    .isInstanceOf(IOException.class)
                    // the message shows no user-info of any URL (Redaction.text), not even an ssh user name
                    .hasMessageStartingWith("cannot reach " + url.replace(USER + "@", "") + " (branch gh-pages): ")
                    .hasMessageContaining("Cannot log in at 127.0.0.1:" + server.port());
            assertThat(remote.log("gh-pages")).containsExactly(r.headId());
        }
    }
}
