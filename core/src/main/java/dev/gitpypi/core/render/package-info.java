/**
 * Renderers of the simple repository API: {@link dev.gitpypi.core.render.HtmlRenderer} (PEP 503 with PEP 592,
 * 629, 658/714, 740 and 792 attributes) and {@link dev.gitpypi.core.render.JsonRenderer} (PEP 691 with PEP 700,
 * 740 and 792). Both follow the interoperable profile of SPEC §17, write deterministic bytes and declare the lowest
 * API version that covers the features a page uses (P629-04).
 */
@NullMarked
package dev.gitpypi.core.render;

import org.jspecify.annotations.NullMarked;
