/**
 * Implementation of the Git source: JGit access, metadata readers, the sdist writer. Not exported.
 */
@NullMarked
package dev.gitpypi.git.internal;

import org.jspecify.annotations.NullMarked;
