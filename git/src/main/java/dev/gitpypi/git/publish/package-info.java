/**
 * Publishing a built site to a branch of a Git repository (GitHub Pages' {@code gh-pages}, or any branch of any Git
 * host) with JGit: one commit that says what changed, no commit when nothing did, races with other publishers
 * resolved by retrying on top of what they pushed. The entry point is {@link dev.gitpypi.git.publish.SitePublisher}.
 */
@NullMarked
package dev.gitpypi.git.publish;

import org.jspecify.annotations.NullMarked;
