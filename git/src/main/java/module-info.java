/**
 * gitpypi git.
 */
module dev.gitpypi.git {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;

    // exports dev.gitpypi.git; (once the package has its first public type)
}
