/**
 * Implementation details of gitpypi core; not exported, not API.
 */
@NullMarked
package dev.gitpypi.core.internal;

import org.jspecify.annotations.NullMarked;
