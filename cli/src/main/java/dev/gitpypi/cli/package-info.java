/**
 * The {@code gitpypi} command line: the only part of gitpypi that prints or exits.
 */
@NullMarked
package dev.gitpypi.cli;

import org.jspecify.annotations.NullMarked;
