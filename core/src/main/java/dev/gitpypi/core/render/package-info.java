/**
 * Renderers of a site's pages. For installers, the simple repository API: {@link dev.gitpypi.core.render.HtmlRenderer}
 * (PEP 503 with PEP 592, 629, 658/714, 740 and 792 attributes) and {@link dev.gitpypi.core.render.JsonRenderer}
 * (PEP 691 with PEP 700, 740 and 792), which follow the interoperable profile of SPEC §17 and declare the lowest API
 * version that covers the features a page uses (P629-04). For people: the front page
 * ({@link dev.gitpypi.core.render.LandingPageRenderer}), a page per project with its README and release history
 * ({@link dev.gitpypi.core.render.ProjectPageRenderer}) and an Atom feed of releases
 * ({@link dev.gitpypi.core.render.FeedRenderer}). Every renderer writes deterministic bytes.
 */
@NullMarked
package dev.gitpypi.core.render;

import org.jspecify.annotations.NullMarked;
