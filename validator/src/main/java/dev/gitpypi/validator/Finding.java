package dev.gitpypi.validator;

import java.util.Comparator;
import java.util.Objects;

/**
 * One non-conformance found in an index: the SPEC rule it breaks, how serious it is, where, and what is wrong.
 *
 * @param ruleId the SPEC.md rule id, such as {@code P503-07} or {@code UV-04}
 * @param severity how serious it is
 * @param location where it applies
 * @param message what is wrong, lower-case, quoting the offending value
 */
public record Finding(String ruleId, Severity severity, Location location, String message)
        implements Comparable<Finding> {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::severity).thenComparing(Finding::ruleId).thenComparing(Finding::message);

    /**
     * Creates a finding.
     *
     * @param ruleId the rule id
     * @param severity the severity
     * @param location the location
     * @param message the message
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** Orders by location, then severity (errors first), rule id and message. */
    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }

    /** @return {@code location: severity RULE-ID: message} */
    @Override
    public String toString() {
        return location + ": " + severity.label() + " " + ruleId + ": " + message;
    }
}
