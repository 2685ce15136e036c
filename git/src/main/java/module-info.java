/**
 * gitpypi git: Git tags as versions of a Python package index, linked as VCS URLs or as sdists built from the
 * tagged trees. The entry point is {@link dev.gitpypi.git.GitSource}.
 */
module dev.gitpypi.git {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires org.eclipse.jgit;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml;
    requires org.apache.commons.compress;

    exports dev.gitpypi.git;
}
