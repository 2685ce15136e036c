package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.gitpypi.validator.Finding;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.ReportFormat;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Severity;
import java.io.IOException;
import java.io.Writer;
import dev.gitpypi.core.internal.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The report forms of {@link ReportFormat}. */
public final class ReportWriters {
    private static final JsonFactory JSON = new JsonFactory();

    private ReportWriters() {
    }

    /**
     * Text for people: one line per finding, then the links an installer would not use for a reason no finding
     * names (a link whose finding already explains it gets the verdict on that finding's line instead, so each
     * problem is told once), then a summary line. Every value from the index (names, URLs, messages quoting them)
     * goes through {@link Texts#printable}: a file name with a newline or an escape sequence cannot start a line
     * of its own (a forged CI command) or reach the terminal.
     *
     * @param r the report
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void text(Report r, Writer out) throws IOException {
        Map<Location, List<LinkVerdict>> byLocation = new HashMap<>();
        for (LinkVerdict l : r.links()) {
            byLocation.computeIfAbsent(l.location(), k -> new ArrayList<>()).add(l);
        }
        if (r.validated().isPresent()) {
            out.write(Texts.printable(r.target() + ": validating " + r.validated().get()) + "\n");
        }
        Set<String> told = new HashSet<>();
        for (Finding f : r.findings()) {
            List<String> skippers = new ArrayList<>();
            for (LinkVerdict l : byLocation.getOrDefault(f.location(), List.of())) {
                for (Map.Entry<String, InstallerVerdict> e : l.installers().entrySet()) {
                    String who = e.getKey();
                    InstallerVerdict v = e.getValue();
                    if (!v.usable() && Compat.explains(f.ruleId(), v.ruleIds())) {
                        if (!skippers.contains(who)) {
                            skippers.add(who);
                        }
                        told.add(who + "\u0000" + l.location() + "\u0000" + l.filename());
                    }
                }
            }
            out.write(Texts.printable(f.toString()));
            if (!skippers.isEmpty() && !mentions(f.message(), skippers)) {
                out.write(" (" + String.join(" and ", skippers) + (skippers.size() == 1 ? " does" : " do")
                        + " not use it)");
            }
            out.write('\n');
        }
        Map<String, Integer> using = new java.util.LinkedHashMap<>();
        Map<String, List<LinkVerdict>> groups = new TreeMap<>();
        for (LinkVerdict l : r.links()) {
            for (Map.Entry<String, InstallerVerdict> e : l.installers().entrySet()) {
                String who = e.getKey();
                InstallerVerdict v = e.getValue();
                using.merge(who, v.usable() ? 1 : 0, Integer::sum);
                if (!v.usable() && !told.contains(who + "\u0000" + l.location() + "\u0000" + l.filename())) {
                    String key = who + "\u0000" + l.location().resource() + "\u0000" + String.join(",", v.ruleIds())
                            + "\u0000" + v.reason();
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
                }
            }
        }
        for (Map.Entry<String, List<LinkVerdict>> g : groups.entrySet()) {
            String who = g.getKey().substring(0, g.getKey().indexOf('\u0000'));
            List<LinkVerdict> links = g.getValue();
            LinkVerdict first = links.get(0);
            InstallerVerdict v = first.installers().get(who);
            String what = links.size() == 1 ? first.filename() : "any of the " + links.size() + " links of project "
                    + first.project();
            Location where = links.size() == 1 ? first.location() : Location.of(first.location().resource());
            out.write(Texts.printable(where + ": " + who + " does not use " + what + " ("
                    + String.join(", ", v.ruleIds()) + "): " + v.reason()));
            out.write('\n');
        }
        int links = r.links().size();
        StringBuilder uses = new StringBuilder();
        for (String who : List.of("pip", "uv", "poetry", "pdm")) {
            uses.append(", ").append(who).append(" uses ").append(using.getOrDefault(who, 0));
        }
        out.write(Texts.printable(r.target()) + ": " + r.summary() + "; " + plural(links, "link") + uses + "\n");
    }

    private static boolean mentions(String message, List<String> who) {
        for (String w : who) {
            if (!message.contains(w + " skip") && !message.contains(w + " does not use")
                    && !message.contains(w + " only") && !message.contains("pip and uv skip")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A count with its noun, singular or plural.
     *
     * @param n the count
     * @param noun the singular noun (plural by adding {@code s})
     * @return such as {@code 1 error} or {@code 2 errors}
     */
    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        // the caller owns the writer (and the report ends with a newline after the JSON): closing the generator
        // must not close it, or writing a report to a file fails with "Stream closed"
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pp);
        return g;
    }

    private static void location(JsonGenerator g, Location loc) throws IOException {
        g.writeObjectFieldStart("location");
        g.writeStringField("resource", loc.resource());
        if (loc.line() > 0) {
            g.writeNumberField("line", loc.line());
        }
        if (!loc.pointer().isEmpty()) {
            g.writeStringField("pointer", loc.pointer());
        }
        g.writeEndObject();
    }

    private static void verdict(JsonGenerator g, String name, InstallerVerdict v) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("usability", v.usability().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("rules");
        for (String id : v.ruleIds()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeStringField("reason", v.reason());
        g.writeEndObject();
    }

    /**
     * JSON with a schema version.
     *
     * @param r the report
     * @param out where to write
     * @param helpBase the base of rule pages
     * @throws IOException if writing fails
     */
    public static void json(Report r, Writer out, String helpBase) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", ReportFormat.JSON_SCHEMA_VERSION);
            g.writeStringField("tool", "gitpypi-validator");
            g.writeStringField("target", r.target());
            if (r.validated().isPresent()) {
                g.writeStringField("validated", r.validated().get());
            }
            g.writeObjectFieldStart("summary");
            g.writeNumberField("errors", r.count(Severity.ERROR));
            g.writeNumberField("warnings", r.count(Severity.WARNING));
            g.writeNumberField("notes", r.count(Severity.NOTE));
            g.writeNumberField("links", r.links().size());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.ruleId());
                g.writeStringField("severity", f.severity().label());
                location(g, f.location());
                g.writeStringField("message", f.message());
                g.writeStringField("help", helpBase + f.ruleId() + ".md");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("links");
            for (LinkVerdict l : r.links()) {
                g.writeStartObject();
                g.writeStringField("project", l.project());
                g.writeStringField("filename", l.filename());
                g.writeStringField("url", l.url());
                location(g, l.location());
                for (Map.Entry<String, InstallerVerdict> e : l.installers().entrySet()) {
                    verdict(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static String sarifLevel(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    /**
     * SARIF 2.1.0.
     *
     * @param r the report
     * @param out where to write
     * @param helpBase the base of rule pages
     * @throws IOException if writing fails
     */
    public static void sarif(Report r, Writer out, String helpBase) throws IOException {
        Map<String, Integer> index = new TreeMap<>();
        List<Rule> used = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (!index.containsKey(f.ruleId())) {
                index.put(f.ruleId(), -1);
            }
        }
        for (String id : index.keySet()) {
            Rule.byId(id).ifPresent(used::add);
        }
        for (int i = 0; i < used.size(); i++) {
            index.put(used.get(i).id(), i);
        }
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "gitpypi-validator");
            g.writeStringField("informationUri", helpBase);
            g.writeArrayFieldStart("rules");
            for (Rule rule : used) {
                g.writeStartObject();
                g.writeStringField("id", rule.id());
                g.writeStringField("name", rule.name());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", firstSentence(rule.summary()));
                g.writeEndObject();
                g.writeObjectFieldStart("fullDescription");
                g.writeStringField("text", rule.summary());
                g.writeEndObject();
                g.writeObjectFieldStart("help");
                g.writeStringField("text", rule.why() + " Fix: " + rule.fix());
                g.writeEndObject();
                g.writeStringField("helpUri", helpBase + rule.id() + ".md");
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", sarifLevel(rule.defaultSeverity()));
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("level", rule.level());
                g.writeStringField("source", rule.source());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.ruleId());
                Integer i = index.get(f.ruleId());
                if (i != null && i >= 0) {
                    g.writeNumberField("ruleIndex", i);
                }
                g.writeStringField("level", sarifLevel(f.severity()));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", f.message());
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", f.location().resource());
                g.writeEndObject();
                if (f.location().line() > 0) {
                    g.writeObjectFieldStart("region");
                    g.writeNumberField("startLine", f.location().line());
                    g.writeEndObject();
                }
                g.writeEndObject();
                if (!f.location().pointer().isEmpty()) {
                    g.writeArrayFieldStart("logicalLocations");
                    g.writeStartObject();
                    g.writeStringField("fullyQualifiedName", f.location().pointer());
                    g.writeStringField("kind", "member");
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot + 1) : s;
    }

    /**
     * JUnit XML.
     *
     * @param r the report
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void junit(Report r, Writer out) throws IOException {
        int failures = r.count(Severity.ERROR) + r.count(Severity.WARNING);
        int skipped = r.count(Severity.NOTE);
        int tests = Math.max(1, r.findings().size());
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"gitpypi-validator\" tests=\"" + tests + "\" failures=\"" + failures + "\">\n");
        out.write("  <testsuite name=\"" + xml(r.target()) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\">\n");
        if (r.findings().isEmpty()) {
            out.write("    <testcase classname=\"" + xml(r.target()) + "\" name=\"conformance\"/>\n");
        }
        for (Finding f : r.findings()) {
            out.write("    <testcase classname=\"" + xml(f.location().resource()) + "\" name=\"" + xml(f.ruleId()
                    + " " + f.location()) + "\">\n");
            if (f.severity() == Severity.NOTE) {
                out.write("      <skipped message=\"" + xml(f.message()) + "\"/>\n");
            } else {
                out.write("      <failure type=\"" + f.severity().label() + "\" message=\"" + xml(f.message())
                        + "\">" + xml(f.toString()) + "</failure>\n");
            }
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n</testsuites>\n");
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff) {
                        b.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
