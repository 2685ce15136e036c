/**
 * JMH benchmarks and side-by-side comparisons with the Python reference implementation.
 */
package dev.gitpypi.bench;
