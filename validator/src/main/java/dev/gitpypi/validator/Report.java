package dev.gitpypi.validator;

import dev.gitpypi.core.Severity;
import dev.gitpypi.validator.internal.ReportWriters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of validating an index: every finding, sorted deterministically (location, severity, rule id,
 * message), and the installer verdict of every link read.
 *
 * <p>Immutable.
 */
public final class Report {
    private final String target;
    private final @Nullable String validated;
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
        this(target, null, findings, links);
    }

    /**
     * Creates a report of a target that led to another index than itself.
     *
     * @param target what was asked for (a path or URL, without credentials)
     * @param validated what was validated instead, and why (such as the index a site's landing page links to), or
     *     null when it is the target itself
     * @param findings the findings, in any order
     * @param links the link verdicts, in any order
     */
    public Report(String target, @Nullable String validated, Collection<Finding> findings,
            Collection<LinkVerdict> links) {
        this.target = Objects.requireNonNull(target, "target");
        this.validated = validated;
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

    /** @return what was validated when the target led elsewhere (a site's landing page to its index), else empty */
    public Optional<String> validated() {
        return Optional.ofNullable(validated);
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
     * @param rule the rule
     * @return the findings, sorted
     */
    public List<Finding> findings(Rule rule) {
        return findings(rule.id());
    }

    /**
     * The findings of one rule, by its id.
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

    /**
     * The counts of findings by severity, for people: {@code 1 error, 2 warnings, 0 notes}.
     *
     * @return the summary
     */
    public String summary() {
        return ReportWriters.plural(count(Severity.ERROR), "error") + ", " + ReportWriters.plural(
                count(Severity.WARNING), "warning") + ", " + ReportWriters.plural(count(Severity.NOTE), "note");
    }

    @Override
    public String toString() {
        return "Report[" + target + ": " + summary() + ", " + ReportWriters.plural(links.size(), "link") + "]";
    }
}
