package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.gitpypi.core.Severity;
import dev.gitpypi.validator.Finding;
import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.LinkVerdict;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Report;
import dev.gitpypi.validator.ReportFormat;
import dev.gitpypi.validator.Rule;
import java.io.IOException;
import java.io.Writer;
import dev.gitpypi.core.internal.Texts;
import org.apache.commons.text.StringEscapeUtils;
import java.util.ArrayList;
import java.util.EnumMap;
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
                for (Installer installer : Installer.values()) {
                    String who = installer.label();
                    InstallerVerdict v = l.verdict(installer);
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
        Map<Installer, Integer> unused = new EnumMap<>(Installer.class);
        Map<String, List<LinkVerdict>> groups = new TreeMap<>();
        for (LinkVerdict l : r.links()) {
            for (Installer installer : Installer.values()) {
                String who = installer.label();
                InstallerVerdict v = l.verdict(installer);
                if (!v.usable()) {
                    unused.merge(installer, 1, Integer::sum);
                }
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
            InstallerVerdict v = first.verdict(Installer.valueOf(who.toUpperCase(Locale.ROOT)));
            String what = links.size() == 1 ? first.filename() : "any of the " + links.size() + " links of project "
                    + first.project();
            Location where = links.size() == 1 ? first.location() : Location.of(first.location().resource());
            out.write(Texts.printable(where + ": " + who + " does not use " + what + " ("
                    + String.join(", ", v.ruleIds()) + "): " + v.reason()));
            out.write('\n');
        }
        int links = r.links().size();
        StringBuilder uses = new StringBuilder();
        for (Installer installer : Installer.values()) {
            uses.append(", ").append(installer.label()).append(" uses ").append(links - unused.getOrDefault(installer, 0));
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
        g.writeStringField("resource", clean(loc.resource()));
        if (loc.line() > 0) {
            g.writeNumberField("line", loc.line());
        }
        if (!loc.pointer().isEmpty()) {
            g.writeStringField("pointer", clean(loc.pointer()));
        }
        g.writeEndObject();
    }

    private static void verdict(JsonGenerator g, String name, InstallerVerdict v) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("usability", clean(v.usability().name().toLowerCase(Locale.ROOT)));
        g.writeArrayFieldStart("rules");
        for (String id : v.ruleIds()) {
            g.writeString(clean(id));
        }
        g.writeEndArray();
        g.writeStringField("reason", clean(v.reason()));
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
            g.writeStringField("tool", clean("gitpypi-validator"));
            g.writeStringField("target", clean(r.target()));
            if (r.validated().isPresent()) {
                g.writeStringField("validated", clean(r.validated().get()));
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
                g.writeStringField("ruleId", clean(f.ruleId()));
                g.writeStringField("severity", clean(f.severity().label()));
                location(g, f.location());
                g.writeStringField("message", clean(f.message()));
                g.writeStringField("help", clean(helpBase + f.ruleId() + ".md"));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("links");
            for (LinkVerdict l : r.links()) {
                g.writeStartObject();
                g.writeStringField("project", clean(l.project()));
                g.writeStringField("filename", clean(l.filename()));
                g.writeStringField("url", clean(l.url()));
                location(g, l.location());
                for (Installer installer : Installer.values()) {
                    verdict(g, installer.label(), l.verdict(installer));
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
            g.writeStringField("$schema", clean("https://json.schemastore.org/sarif-2.1.0.json"));
            g.writeStringField("version", clean("2.1.0"));
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", clean("gitpypi-validator"));
            g.writeStringField("informationUri", clean(helpBase));
            g.writeArrayFieldStart("rules");
            for (Rule rule : used) {
                g.writeStartObject();
                g.writeStringField("id", clean(rule.id()));
                g.writeStringField("name", clean(rule.name()));
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", clean(firstSentence(rule.summary())));
                g.writeEndObject();
                g.writeObjectFieldStart("fullDescription");
                g.writeStringField("text", clean(rule.summary()));
                g.writeEndObject();
                g.writeObjectFieldStart("help");
                g.writeStringField("text", clean(rule.why() + " Fix: " + rule.fix()));
                g.writeEndObject();
                g.writeStringField("helpUri", clean(helpBase + rule.id() + ".md"));
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", clean(sarifLevel(rule.defaultSeverity())));
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("level", clean(rule.level()));
                g.writeStringField("source", clean(rule.source()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("ruleId", clean(f.ruleId()));
                Integer i = index.get(f.ruleId());
                if (i != null && i >= 0) {
                    g.writeNumberField("ruleIndex", i);
                }
                g.writeStringField("level", clean(sarifLevel(f.severity())));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", clean(f.message()));
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", clean(f.location().resource()));
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
                    g.writeStringField("fullyQualifiedName", clean(f.location().pointer()));
                    g.writeStringField("kind", clean("member"));
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

    /**
     * XML 1.0 text for an attribute or element: control characters made visible first ({@link Texts#printable}),
     * then escaped with commons-text's {@code escapeXml10}, which also drops what XML 1.0 cannot hold (a lone
     * surrogate, U+FFFE, U+FFFF). A {@code ]]>} in a message is written as {@code ]]&gt;}.
     */
    private static String xml(String s) {
        return StringEscapeUtils.escapeXml10(Texts.printable(s));
    }

    /**
     * A string for the JSON and SARIF forms: a lone surrogate, which no UTF-8 encoder can write, becomes U+FFFD;
     * everything else is escaped by the JSON writer.
     */
    static String clean(String s) {
        int n = s.length();
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (lone && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }
}
