package dev.gitpypi.validator;

import java.util.Locale;

/**
 * An installer whose behaviour the validator models, link by link ({@link LinkVerdict}): what it does with each
 * link of an index, and which rule says why when it does not use one (SPEC §15, §16). Reports list the installers
 * in this order.
 */
public enum Installer {
    /** pip (SPEC §15, the PIP-* rules). */
    PIP,
    /** uv (SPEC §16, the UV-* rules). */
    UV,
    /** poetry 1.x (the POETRY-* rules, checked against poetry 1.3.2). */
    POETRY,
    /** pdm 2.2 (the PDM-* rules, checked against pdm 2.2.1). */
    PDM;

    /** @return the lower-case name used in reports: {@code pip}, {@code uv} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
