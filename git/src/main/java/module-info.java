/**
 * gitpypi git: Git tags as versions of a Python package index, linked as VCS URLs or as sdists built from the
 * tagged trees, and built sites published to a Git branch such as GitHub Pages' {@code gh-pages}. The entry points
 * are {@link dev.gitpypi.git.GitSource} and {@link dev.gitpypi.git.publish.SitePublisher}.
 */
module dev.gitpypi.git {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires org.eclipse.jgit;
    requires org.eclipse.jgit.ssh.apache;
    // ed25519 keys for Apache MINA sshd (found at run time, not referenced in code)
    requires org.bouncycastle.provider;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml;
    requires org.apache.commons.compress;
    // the site publisher asks the GitHub API whether a private site would become public
    requires java.net.http;

    exports dev.gitpypi.git;
    exports dev.gitpypi.git.publish;
    // the metadata reader, shared with the GitHub source (it reads the same files over the GitHub API); not API
    exports dev.gitpypi.git.internal.metadata to dev.gitpypi.github;
}
