/**
 * gitpypi github.
 */
module dev.gitpypi.github {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires dev.gitpypi.git;
    requires java.net.http;

    // exports dev.gitpypi.github; (once the package has its first public type)
}
