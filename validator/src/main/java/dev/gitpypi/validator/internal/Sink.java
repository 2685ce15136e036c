package dev.gitpypi.validator.internal;

import dev.gitpypi.core.Severity;
import dev.gitpypi.validator.Finding;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects findings (applying per-rule severity overrides) and link verdicts. A report stays bounded whatever the
 * input: at most {@value #MAX_PER_RULE_AND_RESOURCE} findings of one rule are kept for one page, and one more
 * finding then says how many were left out (a root page with a million bad entries is one page).
 */
public final class Sink {
    /** The most findings of one rule kept for one page. */
    public static final int MAX_PER_RULE_AND_RESOURCE = 1000;

    private final Map<Rule, Severity> overrides;
    private final java.util.Set<Rule> disabled;
    private final List<Finding> findings = new ArrayList<>();
    private final List<LinkVerdict> verdicts = new ArrayList<>();
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Finding> omitted = new TreeMap<>();

    /**
     * Creates a sink.
     *
     * @param overrides rule to severity
     * @param disabled rules whose findings are dropped
     */
    public Sink(Map<Rule, Severity> overrides, java.util.Set<Rule> disabled) {
        this.overrides = Map.copyOf(overrides);
        this.disabled = java.util.Set.copyOf(disabled);
    }

    /** A sink with no overrides and nothing disabled. */
    public Sink() {
        this(Map.of(), java.util.Set.of());
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
        report(rule, severity, location, () -> message);
    }

    /**
     * Reports a finding whose message is built only when the report keeps it (a page with a million findings of one
     * rule builds a thousand messages).
     *
     * @param rule the rule
     * @param location where
     * @param message builds what
     */
    public void report(Rule rule, Location location, java.util.function.Supplier<String> message) {
        report(rule, rule.defaultSeverity(), location, message);
    }

    private void report(Rule rule, Severity severity, Location location, java.util.function.Supplier<String> message) {
        if (disabled.contains(rule)) {
            return;
        }
        Severity s = overrides.getOrDefault(rule, severity);
        String key = rule.id() + "\u0000" + location.resource();
        int[] n = counts.computeIfAbsent(key, k -> new int[1]);
        n[0]++;
        if (n[0] <= MAX_PER_RULE_AND_RESOURCE) {
            findings.add(new Finding(rule, s, location, message.get()));
        } else {
            int left = n[0] - MAX_PER_RULE_AND_RESOURCE;
            Finding previous = omitted.get(key);
            Severity worst = previous != null && previous.severity().atLeast(s) ? previous.severity() : s;
            omitted.put(key, new Finding(rule, worst, Location.of(location.resource()), left + " more "
                    + (left == 1 ? "finding" : "findings") + " of " + rule.id() + " on this page "
                    + (left == 1 ? "is" : "are") + " not listed (a report keeps " + MAX_PER_RULE_AND_RESOURCE
                    + " per rule and page)"));
        }
    }

    /**
     * Records a link verdict.
     *
     * @param verdict the verdict
     */
    public void verdict(LinkVerdict verdict) {
        verdicts.add(verdict);
    }

    /** @return the findings so far, and for each rule and page that had too many, one saying how many are left out */
    public List<Finding> findings() {
        if (omitted.isEmpty()) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(omitted.values());
        return all;
    }

    /** @return the verdicts so far */
    public List<LinkVerdict> verdicts() {
        return verdicts;
    }
}
