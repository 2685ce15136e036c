package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.Finding;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects findings (applying per-rule severity overrides and disabled rules) and link verdicts. */
public final class Sink {
    private final Map<String, Severity> overrides;
    private final List<Finding> findings = new ArrayList<>();
    private final List<LinkVerdict> verdicts = new ArrayList<>();

    /**
     * Creates a sink.
     *
     * @param overrides rule id to severity
     */
    public Sink(Map<String, Severity> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Reports a finding at the rule's default severity.
     *
     * @param rule the rule
     * @param location where
     * @param message what
     */
    public void report(Rule rule, Location location, String message) {
        report(rule, rule.defaultSeverity(), location, message);
    }

    /**
     * Reports a finding at a given severity (still subject to an override of the rule).
     *
     * @param rule the rule
     * @param severity the severity for this case
     * @param location where
     * @param message what
     */
    public void report(Rule rule, Severity severity, Location location, String message) {
        Severity s = overrides.getOrDefault(rule.id(), severity);
        findings.add(new Finding(rule.id(), s, location, message));
    }

    /**
     * Records a link verdict.
     *
     * @param verdict the verdict
     */
    public void verdict(LinkVerdict verdict) {
        verdicts.add(verdict);
    }

    /** @return the findings so far */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the verdicts so far */
    public List<LinkVerdict> verdicts() {
        return verdicts;
    }
}
