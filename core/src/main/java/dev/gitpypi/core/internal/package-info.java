/**
 * Implementation details of gitpypi core shared with gitpypi's own modules (a qualified export); not API.
 */
@NullMarked
package dev.gitpypi.core.internal;

import org.jspecify.annotations.NullMarked;
