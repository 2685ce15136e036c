/**
 * Index sources that live in core: {@link dev.gitpypi.core.source.LocalFilesSource} (a folder of wheels and sdists,
 * link style {@code files}).
 */
@NullMarked
package dev.gitpypi.core.source;

import org.jspecify.annotations.NullMarked;
