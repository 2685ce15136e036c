/**
 * Index sources that live in core: {@link dev.gitpypi.core.source.LocalFilesSource} (a folder of wheels and sdists,
 * link style {@code files}) and {@link dev.gitpypi.core.source.PackageListSource} (dumb-pypi's package lists). Both
 * take file names as pip takes them from an index page: what pip would install is listed, the rest skipped with a
 * note each and a warning per kind.
 */
@NullMarked
package dev.gitpypi.core.source;

import org.jspecify.annotations.NullMarked;
