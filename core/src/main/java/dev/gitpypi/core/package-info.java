/**
 * The core model of a Python package index: project names (PEP 503), versions and specifiers (PEP 440),
 * wheel and sdist file names, distributions, projects and the index that holds them.
 */
@NullMarked
package dev.gitpypi.core;

import org.jspecify.annotations.NullMarked;
