package dev.gitpypi.git;

import dev.gitpypi.testing.ProcessResult;
import dev.gitpypi.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server ({@code /usr/sbin/sshd}) on 127.0.0.1 and a free port, run as the current user with a
 * configuration, host key and {@code authorized_keys} in a temporary folder (never the user's {@code ~/.ssh} or
 * {@code /etc/ssh}); stopped on close. Remote commands (such as {@code git-upload-pack}) run as the current user.
 */
final class OpenSshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final int port;
    private final Path hostKey;
    private final Path log;

    private OpenSshServer(Process process, int port, Path hostKey, Path log) {
        this.process = process;
        this.port = port;
        this.hostKey = hostKey;
        this.log = log;
    }

    /**
     * Starts a server that accepts the public keys in a file.
     *
     * @param dir an empty folder for the server's files
     * @param authorizedKeys the {@code authorized_keys} file
     */
    static OpenSshServer start(Path dir, Path authorizedKeys) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            throw new AssertionError(SSHD + " is missing: install openssh-server (.ci/run does)");
        }
        Files.createDirectories(dir);
        Path hostKey = keygen(dir.resolve("ssh_host_ed25519_key"));
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(Path.of("/run/sshd"))) {
            // sshd run by root insists on its privilege separation folder, which the service scripts create
            Files.createDirectories(Path.of("/run/sshd"));
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey.toAbsolutePath(),
                "PidFile " + dir.resolve("sshd.pid").toAbsolutePath(),
                "AuthorizedKeysFile " + authorizedKeys.toAbsolutePath(),
                "UsePAM no",
                "StrictModes no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PrintMotd no",
                "LogLevel VERBOSE",
                ""), StandardCharsets.UTF_8);
        int port = GitDaemon.freePort();
        Path log = dir.resolve("sshd.log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toAbsolutePath().toString(),
                "-p", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpenSshServer server = new OpenSshServer(p, port, hostKey, log);
        if (GitDaemon.listening(p, port)) {
            return server;
        }
        server.close();
        throw new IOException("sshd did not start on port " + port + ":\n" + server.log());
    }

    /**
     * Generates an ed25519 key pair without a passphrase with {@code ssh-keygen}.
     *
     * @param privateKey where the private key goes; the public key goes next to it with {@code .pub}
     * @return the private key
     */
    static Path keygen(Path privateKey) {
        return keygen(privateKey, "");
    }

    /** Generates an ed25519 key pair protected by a passphrase ({@code ""} for none). */
    static Path keygen(Path privateKey, String passphrase) {
        ProcessResult r = Processes.run(privateKey.getParent(), env -> { }, 60, List.of("ssh-keygen", "-q", "-t",
                "ed25519", "-N", passphrase, "-C", "gitpypi-test", "-f", privateKey.toAbsolutePath().toString()));
        if (!r.ok()) {
            throw new AssertionError("ssh-keygen failed:\n" + r.output());
        }
        return privateKey;
    }

    int port() {
        return port;
    }

    /**
     * A {@code known_hosts} line for this server's host key.
     *
     * @param hosts the names the client connects to, such as {@code 127.0.0.1}
     */
    String knownHostsLine(String... hosts) throws IOException {
        StringBuilder names = new StringBuilder();
        for (String h : hosts) {
            names.append(names.length() == 0 ? "" : ",").append('[').append(h).append("]:").append(port);
        }
        String[] pub = Files.readString(Path.of(hostKey + ".pub"), StandardCharsets.UTF_8).strip().split(" ");
        return names + " " + pub[0] + " " + pub[1] + "\n";
    }

    /** @return what sshd logged so far */
    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        // connections first, so that the listening sshd reaps them (no zombie left to init), then the listener
        process.descendants().forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle h : process.descendants().toList()) {
                h.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
