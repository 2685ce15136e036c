package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one severity scale of problems and findings: labels, order, and what an unknown label says. */
class SeverityTest {
    @Test
    void labelsRoundTripCaseInsensitivelyWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "NOTE".toLowerCase() must not give a dotless i
            for (Severity s : Severity.values()) {
                assertThat(Severity.fromLabel(s.label())).isSameAs(s);
                assertThat(Severity.fromLabel(s.label().toUpperCase(Locale.ROOT))).isSameAs(s);
            }
            assertThat(Severity.WARNING.label()).isEqualTo("warning");
            assertThat(Severity.fromLabel("ERROR")).isSameAs(Severity.ERROR);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void atLeastOrdersErrorAboveWarningAboveNote() {
        assertThat(Severity.ERROR.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.WARNING.atLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.NOTE.atLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.WARNING.atLeast(Severity.ERROR)).isFalse();
        assertThat(Severity.NOTE.atLeast(Severity.NOTE)).isTrue();
    }

    @Test
    void anUnknownLabelIsNamedWithTheChoices() {
        assertThatThrownBy(() -> Severity.fromLabel("fatal\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown severity \"fatal\\n\" (expected error, warning or note)");
    }

    @Test
    void problemsAndFindingsShareTheScale() {
        Problem p = Problem.note("list.txt:3", "skipped an egg");
        assertThat(p.severity()).isSameAs(Severity.NOTE);
        assertThat(p.severity().atLeast(Severity.WARNING)).isFalse();
    }
}
