package dev.gitpypi.git;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code git daemon} serving a folder of repositories on 127.0.0.1 (git://), stopped on close. */
final class GitDaemon implements AutoCloseable {
    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GitDaemon start(Path root) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder("git", "daemon", "--reuseaddr", "--base-path=" + root, "--export-all",
                "--listen=127.0.0.1", "--port=" + port, root.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        TestRepo.env(pb.environment());
        Process p = pb.start();
        GitDaemon d = new GitDaemon(p, port);
        if (listening(p, port)) {
            return d;
        }
        d.close();
        throw new IOException("git daemon did not start on port " + port);
    }

    /** Waits (up to ten seconds) until a process accepts connections on a loopback port; false if it died. */
    static boolean listening(Process p, int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    return false;
                }
                Thread.sleep(50);
            }
        }
        return false;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return {@code git://127.0.0.1:PORT/} */
    String baseUrl() {
        return "git://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
