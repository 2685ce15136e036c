package dev.gitpypi.core;

import dev.gitpypi.core.internal.Texts;
import java.util.Locale;

/**
 * How serious something gitpypi reports is: a {@link Problem} a source found in its input, or a finding of the
 * validator ({@code dev.gitpypi.validator.Finding}). The one scale for both, so a build's problems and an index's
 * findings print, count and fail a run ({@code --fail-on}) the same way.
 *
 * <p>For the validator, a rule's default follows its SPEC level: MUST gives {@link #ERROR}, SHOULD and INTEROP give
 * {@link #WARNING}, MAY gives {@link #NOTE}; {@code Validator.Builder#severity(String, Severity)} overrides it per
 * rule. For a source, {@link #ERROR} means the input could not be used, {@link #WARNING} that it was used or
 * skipped on purpose but the user should know, and {@link #NOTE} one input skipped on purpose that needs no action
 * by itself (one egg in a package list; a source that reports notes also reports a warning that sums them up,
 * and command lines show notes when asked, {@code --verbose}).
 */
public enum Severity {
    /** A MUST of the standard is broken or an installer fails; for a source, the input could not be used. */
    ERROR,
    /** A SHOULD is broken, or installers disagree; for a source, the input was used or skipped, but look. */
    WARNING,
    /** Worth knowing; nothing is broken. */
    NOTE;

    /** @return the lower-case name, as used in reports ({@code error}, {@code warning}, {@code note}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this severity is at least as serious as another.
     *
     * @param other the threshold
     * @return true if this is {@code other} or more serious
     */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * The severity for its label, case-insensitively.
     *
     * @param label {@code error}, {@code warning} or {@code note}
     * @return the severity
     * @throws IllegalArgumentException if the label is none of those
     */
    public static Severity fromLabel(String label) {
        for (Severity s : values()) {
            if (s.label().equals(label.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity " + Texts.quote(label)
                + " (expected error, warning or note)");
    }
}
