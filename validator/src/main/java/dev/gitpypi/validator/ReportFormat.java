package dev.gitpypi.validator;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.internal.ReportWriters;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The forms a {@link Report} is written in. Every form is deterministic (sorted findings, {@code \n} line ends,
 * no timestamps).
 */
public enum ReportFormat {
    /** For people: one line per finding, then the links an installer would not use, then a summary. */
    TEXT,
    /** Machine-readable JSON with a {@code schemaVersion} (currently {@value #JSON_SCHEMA_VERSION}). */
    JSON,
    /** SARIF 2.1.0 for GitHub code scanning: rules with help links to {@code docs/rules}, results, locations. */
    SARIF,
    /** JUnit XML for CI dashboards: one test case per finding (notes as skipped). */
    JUNIT;

    /** The schema version of the {@link #JSON} form. */
    public static final int JSON_SCHEMA_VERSION = 1;

    /** The default base of rule help links in SARIF: the rule pages relative to the repository root. */
    public static final String DEFAULT_HELP_BASE = "docs/rules/";

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void write(Report report, Writer out) throws IOException {
        write(report, out, DEFAULT_HELP_BASE);
    }

    /**
     * Writes a report, with a base URL for rule help links (SARIF {@code helpUri}, text and JSON).
     *
     * @param report the report
     * @param out where to write
     * @param helpBase the base, such as {@code https://github.com/OWNER/REPO/blob/main/docs/rules/}
     * @throws IOException if writing fails
     */
    public void write(Report report, Writer out, String helpBase) throws IOException {
        switch (this) {
            case TEXT -> ReportWriters.text(report, out);
            case JSON -> ReportWriters.json(report, out, helpBase);
            case SARIF -> ReportWriters.sarif(report, out, helpBase);
            default -> ReportWriters.junit(report, out);
        }
    }

    /**
     * The report as a string.
     *
     * @param report the report
     * @return the text
     */
    public String render(Report report) {
        StringWriter w = new StringWriter();
        try {
            write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * The format for a name such as {@code sarif}.
     *
     * @param name text, json, sarif or junit (any case)
     * @return the format
     * @throws IllegalArgumentException for another name
     */
    public static ReportFormat fromName(String name) {
        for (ReportFormat f : values()) {
            if (f.name().equals(name.toUpperCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format " + dev.gitpypi.core.internal.Texts.quote(name)
                + " (expected text, json, sarif or junit)");
    }
}
