package dev.gitpypi.core;

import java.util.Objects;

/**
 * Something a source found wrong with its input while producing projects: an invalid file name, a tag that is
 * not a version, an unreadable repository. Sources report problems as data and go on with the rest.
 *
 * @param severity how bad it is
 * @param location the input it concerns: a path, a URL without credentials, a repository and tag
 * @param message what is wrong, lower-case, naming the rule where one applies
 */
public record Problem(Severity severity, String location, String message) {
    /**
     * Creates a problem.
     *
     * @param severity how bad it is
     * @param location the input it concerns
     * @param message what is wrong
     */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /**
     * An error.
     *
     * @param location the input
     * @param message what is wrong
     * @return the problem
     */
    public static Problem error(String location, String message) {
        return new Problem(Severity.ERROR, location, message);
    }

    /**
     * A warning.
     *
     * @param location the input
     * @param message what is wrong
     * @return the problem
     */
    public static Problem warning(String location, String message) {
        return new Problem(Severity.WARNING, location, message);
    }

    /**
     * A note.
     *
     * @param location the input
     * @param message what was done with it
     * @return the problem
     */
    public static Problem note(String location, String message) {
        return new Problem(Severity.NOTE, location, message);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + location + ": " + message;
    }
}
