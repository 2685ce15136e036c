package dev.gitpypi.git.internal;

import java.nio.file.Path;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;
import org.jspecify.annotations.Nullable;

/**
 * The ssh client every Git transport of gitpypi uses (the Git source's fetches and the site publisher's pushes):
 * JGit's Apache MINA sshd client, which authenticates like OpenSSH with the keys, {@code config} and
 * {@code known_hosts} of {@code ~/.ssh}, or of another folder when one is given. Close it after the transfer.
 */
public final class SshSessions implements AutoCloseable, TransportConfigCallback {
    private final @Nullable SshdSessionFactory factory;

    private SshSessions(@Nullable SshdSessionFactory factory) {
        this.factory = factory;
    }

    /**
     * The ssh client for one transfer.
     *
     * @param sshDirectory the folder of keys, {@code config} and {@code known_hosts} to use instead of
     *                     {@code ~/.ssh}, or null for JGit's default client (which reads {@code ~/.ssh})
     * @return the client settings, to apply to each transport ({@link #configure(Transport)})
     */
    public static SshSessions of(@Nullable Path sshDirectory) {
        return new SshSessions(sshDirectory == null ? null : new SshdSessionFactoryBuilder()
                .setHomeDirectory(FS.DETECTED.userHome())
                .setSshDirectory(sshDirectory.toAbsolutePath().toFile()).build(new JGitKeyCache()));
    }

    /**
     * Gives an ssh transport the configured client; other transports are left as they are.
     *
     * @param transport a transport
     */
    @Override
    public void configure(Transport transport) {
        if (factory != null && transport instanceof SshTransport t) {
            t.setSshSessionFactory(factory);
        }
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.close();
        }
    }
}
