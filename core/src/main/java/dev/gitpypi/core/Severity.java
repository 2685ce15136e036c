package dev.gitpypi.validator;

import dev.gitpypi.core.internal.Texts;
import java.util.Locale;

/**
 * How serious a {@link Finding} is. The default for a rule follows its SPEC level: MUST gives {@link #ERROR},
 * SHOULD and INTEROP give {@link #WARNING}, MAY gives {@link #NOTE}; {@link Validator.Builder#severity(String,
 * Severity)} overrides it per rule.
 */
public enum Severity {
    /** A MUST of the standard is broken, or an installer fails. */
    ERROR,
    /** A SHOULD is broken, or pip and uv disagree about the page. */
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
        throw new IllegalArgumentException("unknown severity " + dev.gitpypi.core.internal.Texts.quote(label)
                + " (expected error, warning or note)");
    }
}
