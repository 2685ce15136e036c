/**
 * The GitHub source's machinery: the HTTP client (retries, rate limits, conditional requests, pagination), the
 * caches, discovery, the REST and GraphQL readers and the assembly of projects. Not API.
 */
@NullMarked
package dev.gitpypi.github.internal;

import org.jspecify.annotations.NullMarked;
