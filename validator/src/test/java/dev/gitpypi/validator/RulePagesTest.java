package dev.gitpypi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule has its page under {@code docs/rules/}, and the committed pages are exactly what {@link Rule} says.
 * Regenerate them with {@code -Dgitpypi.writeRulePages=true}.
 */
class RulePagesTest {
    private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("rules");

    static String page(Rule r) {
        String first = r.summary();
        int dot = first.indexOf(". ");
        if (dot > 0) {
            first = first.substring(0, dot + 1);
        }
        return "# " + r.id() + "\n\n" + first + "\n\n"
                + "| | |\n|---|---|\n"
                + "| SPEC level | " + r.level() + " |\n"
                + "| Default severity | " + r.defaultSeverity().label() + " |\n"
                + "| Source | " + r.source() + " |\n\n"
                + "## What is checked\n\n" + r.summary() + "\n\n"
                + "## Why it matters\n\n" + r.why() + "\n\n"
                + "## How to fix it\n\n" + r.fix() + "\n\n"
                + "## Notes\n\n"
                + "The rule id is the one of the project's conformance catalog (SPEC.md). Change the severity with\n"
                + "`gitpypi validate --severity " + r.id() + "=note` or `Validator.builder().severity(Rule." + r.name()
                + ", Severity.NOTE)`;\nswitch the rule off with `--severity " + r.id() + "=off` or `disable(Rule."
                + r.name() + ")`. A finding whose message starts\nwith \"not checked:\" says that the check could not"
                + " run. All rules: [index](README.md).\n";
    }

    static String index() {
        StringBuilder sb = new StringBuilder("# Validator rules\n\n"
                + "One page per rule the validator reports. Ids are those of the conformance catalog (SPEC.md);\n"
                + "`PIP-*`, `UV-*`, `POETRY-*` and `PDM-*` rules describe what pip, uv, poetry and pdm do and explain the\n"
                + "per-link installer verdicts.\n\n"
                + "| Rule | Level | Default severity | What is checked |\n|---|---|---|---|\n");
        for (Rule r : Rule.values()) {
            String first = r.summary();
            int dot = first.indexOf(". ");
            if (dot > 0) {
                first = first.substring(0, dot + 1);
            }
            sb.append("| [").append(r.id()).append("](").append(r.id()).append(".md) | ").append(r.level())
                    .append(" | ").append(r.defaultSeverity().label()).append(" | ").append(first.replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void pagesMatchTheCatalog() throws IOException {
        boolean write = Boolean.getBoolean("gitpypi.writeRulePages");
        if (write) {
            Files.createDirectories(DOCS);
        }
        List<String> expectedFiles = new ArrayList<>();
        for (Rule r : Rule.values()) {
            Path p = DOCS.resolve(r.id() + ".md");
            expectedFiles.add(r.id() + ".md");
            if (write) {
                Files.writeString(p, page(r), StandardCharsets.UTF_8);
            }
            assertThat(p).as(r.docPath()).exists();
            assertThat(Files.readString(p, StandardCharsets.UTF_8)).as(r.docPath()).isEqualTo(page(r));
        }
        expectedFiles.add("README.md");
        if (write) {
            Files.writeString(DOCS.resolve("README.md"), index(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8)).isEqualTo(index());
        try (Stream<Path> files = Files.list(DOCS)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expectedFiles);
        }
    }
}
