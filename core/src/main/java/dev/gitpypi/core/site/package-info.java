/**
 * The static site writer: an {@link dev.gitpypi.core.Index} becomes a folder that any static host serves, pip and
 * uv install from, and people browse (DESIGN "Output layout"). {@link dev.gitpypi.core.site.SiteWriter} is the
 * entry point; inside, a site layout names every path, a hosting step copies local files, a tree writer or a
 * comparer receives the files a build makes, and a tree swap puts a new site in place all at once.
 */
@NullMarked
package dev.gitpypi.core.site;

import org.jspecify.annotations.NullMarked;
