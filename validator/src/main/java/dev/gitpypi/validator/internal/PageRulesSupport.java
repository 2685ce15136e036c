package dev.gitpypi.validator.internal;

import java.util.regex.Pattern;

/** Small shared predicates of the page rules. */
final class PageRulesSupport {
    private static final Pattern EGG_NAME =
            Pattern.compile("[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", Pattern.CASE_INSENSITIVE);

    private PageRulesSupport() {
    }

    /** Whether an egg fragment value is a valid PEP 508 name, as pip 26 requires (PIP-06). */
    static boolean validEgg(String value) {
        return EGG_NAME.matcher(value).matches();
    }
}
