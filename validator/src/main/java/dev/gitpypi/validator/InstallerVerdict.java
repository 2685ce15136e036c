package dev.gitpypi.validator;

import java.util.List;
import java.util.Objects;

/**
 * What one installer would do with one link, and the SPEC rules that say why when it is not simply usable.
 *
 * @param usability whether it would use the link
 * @param rules the SPEC rules that explain the verdict (empty when usable for no special reason)
 * @param reason a short explanation, lower-case; empty when usable for no special reason
 */
public record InstallerVerdict(Usability usability, List<Rule> rules, String reason) {
    /** Usable, nothing to say. */
    public static final InstallerVerdict USABLE = new InstallerVerdict(Usability.USABLE, List.of(), "");

    /**
     * Creates a verdict.
     *
     * @param usability whether it would use the link
     * @param rules the explaining rules
     * @param reason the explanation
     */
    public InstallerVerdict {
        Objects.requireNonNull(usability, "usability");
        rules = List.copyOf(rules);
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the ids of the explaining rules, such as {@code UV-05}: what reports print */
    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    /** @return true when the installer would use the link (possibly as a yanked file) */
    public boolean usable() {
        return usability != Usability.UNUSABLE;
    }
}
