/**
 * gitpypi github: the repositories of a GitHub organisation, a user, the token's account or a list as a package
 * source, through GitHub's REST and GraphQL APIs. The entry point is {@link dev.gitpypi.github.GitHubSource}.
 */
module dev.gitpypi.github {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires transitive dev.gitpypi.git;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;

    exports dev.gitpypi.github;
}
