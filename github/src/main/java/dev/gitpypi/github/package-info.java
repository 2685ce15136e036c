/**
 * GitHub as a package source: the repositories of an organisation, a user, the token's own account or a list, their
 * tags and releases (and release assets), read through GitHub's REST and GraphQL APIs at a few points per hundred
 * repositories. The entry point is {@link dev.gitpypi.github.GitHubSource}; {@link dev.gitpypi.github.ApiUsage} says
 * what a read spent, {@link dev.gitpypi.github.GitHubApiException} why GitHub could not be read.
 */
@NullMarked
package dev.gitpypi.github;

import org.jspecify.annotations.NullMarked;
