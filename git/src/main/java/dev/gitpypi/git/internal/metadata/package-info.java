/**
 * Reading a Python project's core metadata from the files of one folder of a tree, without running any of its code:
 * {@code pyproject.toml} ({@code [project]}, {@code [tool.setuptools.dynamic]}, {@code [tool.poetry]}, flit's
 * {@code [tool.flit.metadata]}), {@code setup.cfg} (with {@code attr:} and {@code file:}) and {@code setup.py}
 * (literal arguments of the {@code setup()} call and the indirections real projects use, found by tokenizing and
 * parsing the source). The entry point is {@link dev.gitpypi.git.internal.metadata.MetadataReader}; files come
 * through {@link dev.gitpypi.git.internal.metadata.TreeFiles}, so the Git source and the GitHub source read the
 * same way. Not API: exported only to gitpypi's GitHub module.
 */
@NullMarked
package dev.gitpypi.git.internal.metadata;

import org.jspecify.annotations.NullMarked;
