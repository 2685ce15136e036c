/**
 * Implementation of the reader and the validator: page parsers, HTTP and file access, rules. Not exported.
 */
@NullMarked
package dev.gitpypi.validator.internal;

import org.jspecify.annotations.NullMarked;
