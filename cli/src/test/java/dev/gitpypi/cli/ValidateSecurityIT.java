package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --deep} against a page written by an attacker, run as a user runs it: the real jar, a user whose
 * git configuration has a credential helper, {@code protocol.allow=always} and a {@code ~/.netrc}, and whose
 * environment has {@code GIT_ASKPASS} and {@code SSH_ASKPASS} — each of which hands a marker secret to whoever asks
 * (issue "Security first", item 1). Control runs prove that the same setup does leak the secret and does run the
 * command when git is run the way it used to be; gitpypi must leak nothing, run nothing, and say which links it
 * did not check.
 */
class ValidateSecurityIT {
    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService executor;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> pages = new java.util.concurrent.ConcurrentHashMap<>();
    private String secret;
    private Path home;
    private Path ranMarker;

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @BeforeEach
    void start() throws IOException {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        secret = "leak-" + HexFormat.of().formatHex(random);
        executor = Executors.newFixedThreadPool(4);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        // the user's machine: a git configuration and environment that give the secret to anyone who asks
        home = Files.createDirectories(tmp.resolve("home"));
        ranMarker = tmp.resolve("ran-by-ext");
        Files.writeString(home.resolve(".gitconfig"), "[credential]\n\thelper = \"!f() { echo username=victim;"
                + " echo password=" + secret + "; }; f\"\n[protocol]\n\tallow = always\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login victim password " + secret + "\n",
                StandardCharsets.UTF_8);
        Path askpass = home.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho " + secret + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/repo.git/")) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"attacker\"");
                send(ex, 401, "text/plain", "who are you?");
                return;
            }
            String body = pages.get(path);
            if (body == null) {
                send(ex, 404, "text/plain", "not found");
            } else {
                send(ex, 200, "text/html", body);
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The user's environment: home with the git config and netrc, the askpass helpers, nothing of the test JVM's git. */
    private Consumer<Map<String, String>> userEnvironment() {
        Path askpass = home.resolve("askpass.sh");
        return env -> {
            env.keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("SSH_") || k.equals("XDG_CONFIG_HOME"));
            env.put("HOME", home.toString());
            env.put("GIT_ASKPASS", askpass.toString());
            env.put("SSH_ASKPASS", askpass.toString());
        };
    }

    private void page(String links) {
        pages.put("/simple/", "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                + "</head><body><a href=\"x/\">x</a></body></html>");
        pages.put("/simple/x/", "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
                + "<title>Links for x</title></head><body>\n" + links + "</body></html>");
    }

    @Test
    void aHostilePageGetsNoCredentialsRunsNoCommandAndReadsNoFile() throws Exception {
        Path local = Files.writeString(tmp.resolve("x-9.0.tar.gz"), secret, StandardCharsets.UTF_8);
        page("<a href=\"git+" + url("/repo.git") + "@v1#egg=x-1.0\">x-1.0</a>\n"
                + "<a href=\"git+ext::sh -c touch% " + ranMarker + "@v1#egg=x-1.1\">x-1.1</a>\n"
                + "<a href=\"git+file://" + home + "@v1#egg=x-1.2\">x-1.2</a>\n"
                + "<a href=\"" + local.toUri() + "#sha256=" + "0".repeat(64) + "\">x-9.0.tar.gz</a>\n");

        // control: git run the old way (the user's configuration, only GIT_TERMINAL_PROMPT=0) leaks and runs
        ProcessResult leak = Processes.run(tmp, userEnvironment().andThen(env -> env.put("GIT_TERMINAL_PROMPT", "0")),
                60, List.of("git", "ls-remote", "--", url("/repo.git"), "v1"));
        assertThat(authorizations).as(leak.output()).anySatisfy(a -> assertThat(decode(a)).contains(secret));
        Processes.run(tmp, userEnvironment(), 60, List.of("git", "ls-remote", "--", "ext::sh -c touch% "
                + tmp.resolve("control-ran"), "v1"));
        assertThat(tmp.resolve("control-ran")).as("the ext:: attack works with this configuration").exists();
        authorizations.clear();

        for (String format : List.of("text", "json")) {
            ProcessResult r = Cli.run(tmp, userEnvironment(), "validate", url("/simple/"), "--deep", "--format",
                    format, "--verbose");
            assertThat(r.exitCode()).as(r.output()).isIn(0, 1);
            assertThat(authorizations).as("credentials sent to the page's host").isEmpty();
            assertThat(ranMarker).as("ext:: ran a command").doesNotExist();
            assertThat(r.output()).doesNotContain(secret).doesNotContain(HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
            // every link that was not checked says so, naming it
            assertThat(r.output()).contains("not checked").contains("/repo.git").contains("asks for credentials")
                    .contains("ext::sh").contains("not an http, https, ssh or git URL")
                    .contains("a local repository; a remote index may not make gitpypi read local files")
                    .contains("is a local file, and gitpypi reads no local file for a remote index");
        }

        // the explicit option lends the user's credentials to the one host it names, for one's own private index
        ProcessResult trusted = Cli.run(tmp, userEnvironment(), "validate", url("/simple/"), "--deep",
                "--git-credentials-host", "127.0.0.1");
        assertThat(authorizations).as(trusted.output()).anySatisfy(a -> assertThat(decode(a)).contains(secret));
        assertThat(trusted.output()).doesNotContain(secret);
        assertThat(ranMarker).doesNotExist();
    }

    private static String decode(String authorization) {
        String b64 = authorization.substring(authorization.indexOf(' ') + 1).strip();
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    @Test
    void aRepositoryThatNeverAnswersIsNotCheckedAndLeavesNoGitRunning() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = silent.getLocalPort();
            page("<a href=\"git+http://127.0.0.1:" + port + "/slow.git@v1#egg=x-1.0\">x-1.0</a>\n");
            ProcessResult r = Cli.run(tmp, userEnvironment(), "validate", url("/simple/"), "--deep", "--git-timeout",
                    "2");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("note PIP-07: not checked: git ls-remote").contains("did not finish within"
                    + " 2 s");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (running(port) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(running(port)).as("a git process for the silent server is still running").isFalse();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static boolean running(int port) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains("127.0.0.1:" + port + "/")).orElse(false));
    }
}
