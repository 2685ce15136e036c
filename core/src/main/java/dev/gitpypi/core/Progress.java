package dev.gitpypi.core;

/**
 * Hears how far a long piece of work has come, so that a command line can draw a progress bar: a source reading
 * 1,000 tags says so, then counts them off. Calls may come from any thread; implementations must be thread-safe
 * and fast (they are called once per unit of work).
 */
public interface Progress {
    /** Hears nothing. */
    Progress NONE = new Progress() {
    };

    /**
     * A phase of work begins.
     *
     * @param what what is being counted, such as {@code tags}
     * @param units how many units the phase has, or -1 if unknown
     */
    default void start(String what, long units) {
    }

    /**
     * Units of the current phase are done.
     *
     * @param units how many
     */
    default void advance(long units) {
    }
}
