/**
 * Reads any Python package index (HTML or JSON pages, from a folder, a file or a URL) into the core model
 * and checks it against the conformance catalog.
 */
@NullMarked
package dev.gitpypi.validator;

import org.jspecify.annotations.NullMarked;
