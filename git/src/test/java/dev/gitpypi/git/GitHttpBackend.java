package dev.gitpypi.git;

import dev.gitpypi.testing.GitHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Smart HTTP on 127.0.0.1 for the Git source's tests: the shared {@link GitHttpServer} ({@code git http-backend}
 * as a CGI program), optionally behind HTTP basic authentication. Records every request (method and path).
 */
final class GitHttpBackend implements AutoCloseable {
    private final GitHttpServer server;

    private GitHttpBackend(GitHttpServer server) {
        this.server = server;
    }

    /** Serves a folder of repositories without authentication. */
    static GitHttpBackend start(Path root) throws IOException {
        return new GitHttpBackend(GitHttpServer.start(root));
    }

    /** Serves a folder of repositories to one user with one password. */
    static GitHttpBackend startWithAuth(Path root, String user, String password) throws IOException {
        return new GitHttpBackend(GitHttpServer.startWithAuth(root, user, password));
    }

    /** @return {@code http://127.0.0.1:PORT/} */
    String baseUrl() {
        return server.baseUrl();
    }

    List<String> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }
}
