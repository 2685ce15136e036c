/**
 * The static site writer: an {@link dev.gitpypi.core.Index} becomes a folder that any static host serves and pip
 * and uv install from (DESIGN "Output layout").
 */
@NullMarked
package dev.gitpypi.core.site;

import org.jspecify.annotations.NullMarked;
