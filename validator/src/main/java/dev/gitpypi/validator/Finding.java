package dev.gitpypi.validator;

import dev.gitpypi.core.Severity;
import java.util.Comparator;
import java.util.Objects;

/**
 * One non-conformance found in an index: the SPEC rule it breaks, how serious it is, where, and what is wrong.
 *
 * <p>A finding whose message starts with {@code not checked:} (severity {@link Severity#NOTE}) says that a check of
 * its rule could not run (git missing or timed out, a file a remote index may not make gitpypi read, a project name
 * that is not known): such a check was neither passed nor failed.
 *
 * @param rule the SPEC.md rule, whose {@linkplain Rule#id() id} ({@code P503-07}, {@code UV-04}) reports print
 * @param severity how serious it is
 * @param location where it applies
 * @param message what is wrong, lower-case, quoting the offending value
 */
public record Finding(Rule rule, Severity severity, Location location, String message)
        implements Comparable<Finding> {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::severity).thenComparing(Finding::ruleId).thenComparing(Finding::message);

    /**
     * Creates a finding.
     *
     * @param rule the rule
     * @param severity the severity
     * @param location the location
     * @param message the message
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** @return the rule's id, such as {@code P503-07}: what reports print */
    public String ruleId() {
        return rule.id();
    }

    /** Orders by location, then severity (errors first), rule id and message. */
    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }

    /** @return {@code location: severity RULE-ID: message} */
    @Override
    public String toString() {
        return location + ": " + severity.label() + " " + rule.id() + ": " + message;
    }
}
