package dev.gitpypi.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code git ls-remote} for links from pages: refused transports, and a time-out that leaves no process behind. */
class GitRefsTest {
    @TempDir
    Path tmp;

    private static List<ProcessHandle> gitProcessesFor(int port) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("127.0.0.1:" + port + "/")).orElse(false)).toList();
    }

    @Test
    void aServerThatNeverAnswersIsNotCheckedAndLeavesNoProcess() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept()); // accept, read nothing, answer nothing
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = server.getLocalPort();
            GitRefs refs = new GitRefs(Duration.ofSeconds(2), Set.of(), null, "git");
            Optional<GitRefs.Result> r = refs.check("git+http://127.0.0.1:" + port + "/slow.git@v1.0#egg=x-1.0");
            assertThat(r).get().satisfies(res -> {
                assertThat(res.outcome()).isEqualTo(GitRefs.Outcome.NOT_CHECKED);
                assertThat(res.detail()).contains("did not finish within 2 s").contains("127.0.0.1:" + port);
            });
            // git and its git-remote-http child were killed, not left to hang on the socket
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!gitProcessesFor(port).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(gitProcessesFor(port)).isEmpty();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void onlyHttpHttpsSshAndGitReachGit() {
        GitRefs refs = new GitRefs(Duration.ofSeconds(5), Set.of(), null, "git");
        for (String link : List.of("git+ext::sh -c id@v1#egg=x-1.0", "git+fd::7@v1#egg=x-1.0",
                "git+file:///etc@v1#egg=x-1.0", "git+/etc@v1#egg=x-1.0", "git+ftp://h/r.git@v1#egg=x-1.0")) {
            assertThat(refs.check(link)).as(link).get().satisfies(res ->
                    assertThat(res.outcome()).isEqualTo(GitRefs.Outcome.NOT_CHECKED));
        }
        assertThat(refs.check("git+https://h.example/o/r.git#egg=x-1.0")).as("no ref: nothing to check").isEmpty();
        assertThat(refs.check("git+https://h.example/o/r.git@-uhelp#egg=x-1.0")).get().satisfies(res ->
                assertThat(res.detail()).contains("is not a ref name"));
    }

    @Test
    void missingGitIsNotCheckedNotPassed() {
        GitRefs refs = new GitRefs(Duration.ofSeconds(5), Set.of(), null, tmp.resolve("no-such-git").toString());
        assertThat(refs.check("git+https://h.example/o/r.git@v1#egg=x-1.0")).get().satisfies(res -> {
            assertThat(res.outcome()).isEqualTo(GitRefs.Outcome.NOT_CHECKED);
            assertThat(res.detail()).contains("git cannot be run");
        });
    }
}
