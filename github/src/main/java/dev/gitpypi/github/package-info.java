/**
 * GitHub as a package source: repositories of an organisation, user or topic, their tags and release assets.
 */
@NullMarked
package dev.gitpypi.github;

import org.jspecify.annotations.NullMarked;
