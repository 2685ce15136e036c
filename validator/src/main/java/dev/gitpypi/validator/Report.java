package dev.gitpypi.validator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The result of validating an index: every finding, sorted deterministically (location, severity, rule id,
 * message), and the installer verdict of every link read.
 *
 * <p>Immutable.
 */
public final class Report {
    private final String target;
    private final List<Finding> findings;
    private final List<LinkVerdict> links;

    /**
     * Creates a report.
     *
     * @param target what was validated (a path or URL, without credentials)
     * @param findings the findings, in any order
     * @param links the link verdicts, in any order
     */
    public Report(String target, Collection<Finding> findings, Collection<LinkVerdict> links) {
        this.target = Objects.requireNonNull(target, "target");
        List<Finding> f = new ArrayList<>(findings);
        Collections.sort(f);
        this.findings = List.copyOf(f);
        List<LinkVerdict> l = new ArrayList<>(links);
        Collections.sort(l);
        this.links = List.copyOf(l);
    }

    /** @return what was validated */
    public String target() {
        return target;
    }

    /** @return the findings, sorted */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the installer verdict of each link, sorted by project and file name */
    public List<LinkVerdict> links() {
        return links;
    }

    /**
     * The number of findings of one severity.
     *
     * @param severity the severity
     * @return the count
     */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether any finding is at least as serious as a threshold: the fail-on check of a CI run
     * ({@code exceeds(Severity.ERROR)} is true when there is an error).
     *
     * @param threshold the least severity that fails
     * @return true if some finding reaches it
     */
    public boolean exceeds(Severity threshold) {
        for (Finding f : findings) {
            if (f.severity().atLeast(threshold)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The findings of one rule.
     *
     * @param ruleId the rule id
     * @return the findings, sorted
     */
    public List<Finding> findings(String ruleId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.ruleId().equals(ruleId)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "Report[" + target + ": " + count(Severity.ERROR) + " errors, " + count(Severity.WARNING)
                + " warnings, " + count(Severity.NOTE) + " notes, " + links.size() + " links]";
    }
}
