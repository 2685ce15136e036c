/**
 * An example program that embeds the gitpypi libraries.
 */
@NullMarked
package dev.gitpypi.example.embedding;

import org.jspecify.annotations.NullMarked;
