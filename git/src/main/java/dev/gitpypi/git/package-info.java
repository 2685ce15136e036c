/**
 * Git repositories as package sources: every tag that names a version becomes an installable release.
 */
@NullMarked
package dev.gitpypi.git;

import org.jspecify.annotations.NullMarked;
