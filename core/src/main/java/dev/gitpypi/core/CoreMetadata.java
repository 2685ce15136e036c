package dev.gitpypi.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The core metadata of one release (PyPA "Core metadata specifications", up to Metadata-Version 2.5): what a wheel's
 * {@code METADATA} and an sdist's {@code PKG-INFO} say — name, version, summary, description, requires-python,
 * dependencies, licence, classifiers, project URLs, people. Sources attach it to each {@link Distribution}
 * ({@link Distribution#metadata()}); the JSON pages, the sdists gitpypi builds and the pages for people read it.
 *
 * <p>{@link #parse(byte[])} reads the email-header form exactly as packaging 26.2's
 * {@code packaging.metadata.parse_email} does (META-04: Python's {@code email} parser with the {@code compat32}
 * policy): header names are case-insensitive; a folded value keeps its line breaks and the indentation of its
 * continuation lines; the body is the description; a single-use field given twice, a {@code Project-URL} label
 * given twice, a description given both as header and body, and a value that is not UTF-8 are not used but kept in
 * {@link #unparsed()}, with every unknown field. Parsing never fails and never validates: values are kept as
 * written, so a consumer can report what is wrong (the validator's META rules do).
 *
 * <p>{@link #toText()} writes the form setuptools and packaging write: one {@code Field: value} line per value in
 * the specification's field order, canonical field names, multi-line values folded with eight spaces (so no value
 * can start a header of its own: {@code \r}, {@code \r\n} and {@code \n} all count as line breaks, as they do for
 * Python's parser), and the description as the body after an empty line. The builder's Metadata-Version is the
 * lowest that has every field used, and at least 2.2 (so that, in an sdist, every field not listed in
 * {@code Dynamic} is static: PEP 643), unless set explicitly.
 *
 * <p>Immutable and thread-safe.
 */
public final class CoreMetadata {
    /** What kind of value a field holds. */
    public enum Kind {
        /** One string; given twice, the field is not used. */
        SINGLE,
        /** Any number of strings, one header each. */
        MULTIPLE,
        /** A comma-separated list in one header ({@code Keywords}). */
        COMMA_LIST,
        /** {@code label, URL} pairs, one header each ({@code Project-URL}). */
        LABELED_URLS
    }

    /** The fields of the specification, in the order they are written. */
    public enum Field {
        /** {@code Metadata-Version}. */
        METADATA_VERSION("Metadata-Version", Kind.SINGLE, "1.0"),
        /** {@code Name}. */
        NAME("Name", Kind.SINGLE, "1.0"),
        /** {@code Version}. */
        VERSION("Version", Kind.SINGLE, "1.0"),
        /** {@code Dynamic} (2.2, PEP 643): fields an sdist does not fix. */
        DYNAMIC("Dynamic", Kind.MULTIPLE, "2.2"),
        /** {@code Platform}. */
        PLATFORM("Platform", Kind.MULTIPLE, "1.0"),
        /** {@code Supported-Platform}. */
        SUPPORTED_PLATFORM("Supported-Platform", Kind.MULTIPLE, "1.1"),
        /** {@code Summary}. */
        SUMMARY("Summary", Kind.SINGLE, "1.0"),
        /** {@code Description} (written as the body). */
        DESCRIPTION("Description", Kind.SINGLE, "1.0"),
        /** {@code Description-Content-Type} (2.1). */
        DESCRIPTION_CONTENT_TYPE("Description-Content-Type", Kind.SINGLE, "2.1"),
        /** {@code Keywords}. */
        KEYWORDS("Keywords", Kind.COMMA_LIST, "1.0"),
        /** {@code Home-page} (deprecated in favour of {@code Project-URL}). */
        HOME_PAGE("Home-page", Kind.SINGLE, "1.0"),
        /** {@code Download-URL}. */
        DOWNLOAD_URL("Download-URL", Kind.SINGLE, "1.1"),
        /** {@code Author}. */
        AUTHOR("Author", Kind.SINGLE, "1.0"),
        /** {@code Author-email}. */
        AUTHOR_EMAIL("Author-email", Kind.SINGLE, "1.0"),
        /** {@code Maintainer}. */
        MAINTAINER("Maintainer", Kind.SINGLE, "1.2"),
        /** {@code Maintainer-email}. */
        MAINTAINER_EMAIL("Maintainer-email", Kind.SINGLE, "1.2"),
        /** {@code License} (free text; superseded by {@code License-Expression}). */
        LICENSE("License", Kind.SINGLE, "1.0"),
        /** {@code License-Expression} (2.4, PEP 639): an SPDX expression. */
        LICENSE_EXPRESSION("License-Expression", Kind.SINGLE, "2.4"),
        /** {@code License-File} (2.4, PEP 639). */
        LICENSE_FILE("License-File", Kind.MULTIPLE, "2.4"),
        /** {@code Classifier}. */
        CLASSIFIER("Classifier", Kind.MULTIPLE, "1.1"),
        /** {@code Requires-Dist} (PEP 508 requirements). */
        REQUIRES_DIST("Requires-Dist", Kind.MULTIPLE, "1.2"),
        /** {@code Requires-Python} (a version-specifier set, META-03). */
        REQUIRES_PYTHON("Requires-Python", Kind.SINGLE, "1.2"),
        /** {@code Requires-External}. */
        REQUIRES_EXTERNAL("Requires-External", Kind.MULTIPLE, "1.2"),
        /** {@code Project-URL} ({@code label, URL}). */
        PROJECT_URL("Project-URL", Kind.LABELED_URLS, "1.2"),
        /** {@code Provides-Extra} (2.1). */
        PROVIDES_EXTRA("Provides-Extra", Kind.MULTIPLE, "2.1"),
        /** {@code Provides-Dist}. */
        PROVIDES_DIST("Provides-Dist", Kind.MULTIPLE, "1.2"),
        /** {@code Obsoletes-Dist}. */
        OBSOLETES_DIST("Obsoletes-Dist", Kind.MULTIPLE, "1.2"),
        /** {@code Import-Name} (2.5, PEP 794). */
        IMPORT_NAME("Import-Name", Kind.MULTIPLE, "2.5"),
        /** {@code Import-Namespace} (2.5, PEP 794). */
        IMPORT_NAMESPACE("Import-Namespace", Kind.MULTIPLE, "2.5"),
        /** {@code Requires} (1.1, deprecated). */
        REQUIRES("Requires", Kind.MULTIPLE, "1.1"),
        /** {@code Provides} (1.1, deprecated). */
        PROVIDES("Provides", Kind.MULTIPLE, "1.1"),
        /** {@code Obsoletes} (1.1, deprecated). */
        OBSOLETES("Obsoletes", Kind.MULTIPLE, "1.1");

        private static final Map<String, Field> BY_LOWER_NAME = new LinkedHashMap<>();

        static {
            for (Field f : values()) {
                BY_LOWER_NAME.put(f.header.toLowerCase(Locale.ROOT), f);
            }
        }

        private final String header;
        private final Kind kind;
        private final String since;

        Field(String header, Kind kind, String since) {
            this.header = header;
            this.kind = kind;
            this.since = since;
        }

        /** @return the field name as the specification spells it, such as {@code Requires-Dist} */
        public String header() {
            return header;
        }

        /** @return what kind of value it holds */
        public Kind kind() {
            return kind;
        }

        /** @return the first Metadata-Version that has the field, such as {@code 2.1} */
        public String since() {
            return since;
        }

        /**
         * A field by its name in any case.
         *
         * @param name a field name, such as {@code requires-dist}
         * @return the field, if the specification has one of that name
         */
        public static Optional<Field> byName(String name) {
            return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private static final String MIN_WRITTEN_VERSION = "2.2";

    private final Map<Field, String> single;
    private final Map<Field, List<String>> multiple;
    private final Map<String, String> projectUrls;
    private final Map<String, List<String>> unparsed;

    private CoreMetadata(Map<Field, String> single, Map<Field, List<String>> multiple, Map<String, String> projectUrls,
            Map<String, List<String>> unparsed) {
        this.single = Collections.unmodifiableMap(new EnumMap<>(single));
        EnumMap<Field, List<String>> lists = new EnumMap<>(Field.class);
        multiple.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        this.multiple = Collections.unmodifiableMap(lists);
        this.projectUrls = Collections.unmodifiableMap(new LinkedHashMap<>(projectUrls));
        LinkedHashMap<String, List<String>> rest = new LinkedHashMap<>();
        unparsed.forEach((k, v) -> rest.put(k, List.copyOf(v)));
        this.unparsed = Collections.unmodifiableMap(rest);
    }

    /**
     * A builder for metadata gitpypi writes.
     *
     * @param name the project name as the project spells it
     * @param version the version
     * @return the builder
     */
    public static Builder builder(String name, String version) {
        return new Builder().set(Field.NAME, name).set(Field.VERSION, version);
    }

    /** @return a builder holding this metadata (its Metadata-Version included), to change some fields */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.single.putAll(single);
        multiple.forEach((k, v) -> b.multiple.put(k, new ArrayList<>(v)));
        b.projectUrls.putAll(projectUrls);
        unparsed.forEach((k, v) -> b.unparsed.put(k, new ArrayList<>(v)));
        return b;
    }

    /**
     * Parses the email-header form ({@code METADATA}, {@code PKG-INFO}) as bytes, as packaging's
     * {@code parse_email} does with bytes: header values and the body must be UTF-8, else that field is kept in
     * {@link #unparsed()} (decoded as Latin-1, as Python does).
     *
     * @param data the file's bytes
     * @return the metadata; never fails
     */
    public static CoreMetadata parse(byte[] data) {
        return new Parser(data).parse();
    }

    /**
     * Parses the email-header form given as text, as packaging's {@code parse_email} does with a {@code str}.
     *
     * @param text the file's text
     * @return the metadata; never fails
     */
    public static CoreMetadata parse(String text) {
        return new Parser(text).parse();
    }

    /**
     * A single-value field ({@link Kind#SINGLE}).
     *
     * @param field the field
     * @return its value as written, if present and given once
     * @throws IllegalArgumentException if the field holds several values
     */
    public Optional<String> get(Field field) {
        if (field.kind != Kind.SINGLE) {
            throw new IllegalArgumentException(field.header + " holds several values: use getAll");
        }
        return Optional.ofNullable(single.get(field));
    }

    /**
     * The values of a field that holds several ({@link Kind#MULTIPLE}, {@link Kind#COMMA_LIST}).
     *
     * @param field the field
     * @return its values in order, empty if absent
     * @throws IllegalArgumentException if the field holds one value or label/URL pairs
     */
    public List<String> getAll(Field field) {
        if (field.kind != Kind.MULTIPLE && field.kind != Kind.COMMA_LIST) {
            throw new IllegalArgumentException(field.header + " does not hold a list");
        }
        return multiple.getOrDefault(field, List.of());
    }

    /**
     * Whether a field is present (for a list field: with at least one value).
     *
     * @param field the field
     * @return true if present
     */
    public boolean has(Field field) {
        return switch (field.kind) {
            case SINGLE -> single.containsKey(field);
            case MULTIPLE, COMMA_LIST -> multiple.containsKey(field);
            case LABELED_URLS -> !projectUrls.isEmpty();
        };
    }

    /** @return {@code Metadata-Version} as written */
    public Optional<String> metadataVersion() {
        return get(Field.METADATA_VERSION);
    }

    /** @return {@code Name} as written (not validated; see {@link ProjectName#tryParse}) */
    public Optional<String> name() {
        return get(Field.NAME);
    }

    /** @return {@code Version} as written (not validated; see {@link Version#tryParse}) */
    public Optional<String> version() {
        return get(Field.VERSION);
    }

    /** @return {@code Summary} */
    public Optional<String> summary() {
        return get(Field.SUMMARY);
    }

    /** @return the description (the body, or the {@code Description} header) */
    public Optional<String> description() {
        return get(Field.DESCRIPTION);
    }

    /** @return {@code Description-Content-Type}, such as {@code text/markdown} */
    public Optional<String> descriptionContentType() {
        return get(Field.DESCRIPTION_CONTENT_TYPE);
    }

    /** @return {@code Requires-Python} as written */
    public Optional<String> requiresPython() {
        return get(Field.REQUIRES_PYTHON);
    }

    /** @return {@code Requires-Dist} values in order */
    public List<String> requiresDist() {
        return getAll(Field.REQUIRES_DIST);
    }

    /** @return {@code Provides-Extra} values in order */
    public List<String> providesExtra() {
        return getAll(Field.PROVIDES_EXTRA);
    }

    /** @return {@code License} (free text) */
    public Optional<String> license() {
        return get(Field.LICENSE);
    }

    /** @return {@code License-Expression} (SPDX) */
    public Optional<String> licenseExpression() {
        return get(Field.LICENSE_EXPRESSION);
    }

    /** @return {@code License-File} values */
    public List<String> licenseFiles() {
        return getAll(Field.LICENSE_FILE);
    }

    /** @return {@code Classifier} values in order */
    public List<String> classifiers() {
        return getAll(Field.CLASSIFIER);
    }

    /** @return {@code Keywords}, split at commas and stripped */
    public List<String> keywords() {
        return getAll(Field.KEYWORDS);
    }

    /** @return {@code Author} */
    public Optional<String> author() {
        return get(Field.AUTHOR);
    }

    /** @return {@code Author-email} */
    public Optional<String> authorEmail() {
        return get(Field.AUTHOR_EMAIL);
    }

    /** @return {@code Maintainer} */
    public Optional<String> maintainer() {
        return get(Field.MAINTAINER);
    }

    /** @return {@code Maintainer-email} */
    public Optional<String> maintainerEmail() {
        return get(Field.MAINTAINER_EMAIL);
    }

    /** @return {@code Home-page} */
    public Optional<String> homePage() {
        return get(Field.HOME_PAGE);
    }

    /** @return {@code Dynamic} values: the fields an sdist leaves to the build */
    public List<String> dynamic() {
        return getAll(Field.DYNAMIC);
    }

    /** @return {@code Project-URL} pairs, label to URL, in order */
    public Map<String, String> projectUrls() {
        return projectUrls;
    }

    /**
     * Fields present in the input but not used, by lower-case name, with their values as written: unknown fields,
     * single-use fields given more than once, a repeated {@code Project-URL} label, a description given twice, and
     * values that are not UTF-8 (packaging's {@code unparsed}).
     *
     * @return the unparsed fields
     */
    public Map<String, List<String>> unparsed() {
        return unparsed;
    }

    /**
     * The email-header form, as {@code PKG-INFO} and {@code METADATA} hold it.
     *
     * @return the text, {@code \n} line endings
     */
    public String toText() {
        StringBuilder s = new StringBuilder(256);
        for (Field f : Field.values()) {
            switch (f.kind) {
                case SINGLE -> {
                    String v = single.get(f);
                    if (v != null && f != Field.DESCRIPTION) {
                        header(s, f.header, v);
                    }
                }
                case MULTIPLE -> {
                    List<String> values = multiple.get(f);
                    if (values != null && values.isEmpty()) {
                        header(s, f.header, "");
                    }
                    for (String v : values == null ? List.<String>of() : values) {
                        header(s, f.header, v);
                    }
                }
                case COMMA_LIST -> {
                    List<String> v = multiple.get(f);
                    if (v != null) {
                        header(s, f.header, String.join(",", v));
                    }
                }
                case LABELED_URLS -> projectUrls.forEach((label, url) -> header(s, f.header, label + ", " + url));
            }
        }
        String description = single.get(Field.DESCRIPTION);
        if (description != null) {
            s.append('\n').append(description);
        }
        return s.toString();
    }

    /** @return {@link #toText()} as UTF-8 bytes */
    public byte[] toBytes() {
        return toText().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder s, String name, String value) {
        s.append(name).append(": ");
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n') {
                    i++;
                }
                s.append("\n        ");
            } else {
                s.append(c);
            }
        }
        s.append('\n');
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CoreMetadata m && single.equals(m.single) && multiple.equals(m.multiple)
                && projectUrls.equals(m.projectUrls) && unparsed.equals(m.unparsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(single, multiple, projectUrls, unparsed);
    }

    @Override
    public String toString() {
        return "CoreMetadata[" + name().orElse("?") + " " + version().orElse("?") + "]";
    }

    /** Builds metadata. Not thread-safe. */
    public static final class Builder {
        private final Map<Field, String> single = new EnumMap<>(Field.class);
        private final Map<Field, List<String>> multiple = new EnumMap<>(Field.class);
        private final Map<String, String> projectUrls = new LinkedHashMap<>();
        private final Map<String, List<String>> unparsed = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a single-value field, or removes it.
         *
         * @param field a {@link Kind#SINGLE} field
         * @param value the value, or null to remove it
         * @return this builder
         */
        public Builder set(Field field, @Nullable String value) {
            if (field.kind != Kind.SINGLE) {
                throw new IllegalArgumentException(field.header + " holds several values: use add or setAll");
            }
            if (value == null) {
                single.remove(field);
            } else {
                single.put(field, value);
            }
            return this;
        }

        /**
         * Adds a value to a list field.
         *
         * @param field a {@link Kind#MULTIPLE} or {@link Kind#COMMA_LIST} field
         * @param value the value
         * @return this builder
         */
        public Builder add(Field field, String value) {
            checkList(field);
            multiple.computeIfAbsent(field, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Replaces the values of a list field. An empty list removes the field, except {@code Import-Name}, where
         * an empty list is written as one empty {@code Import-Name} (PEP 794: the project has no import names).
         *
         * @param field a {@link Kind#MULTIPLE} or {@link Kind#COMMA_LIST} field
         * @param values the values
         * @return this builder
         */
        public Builder setAll(Field field, List<String> values) {
            checkList(field);
            if (values.isEmpty() && field != Field.IMPORT_NAME) {
                multiple.remove(field);
            } else {
                multiple.put(field, new ArrayList<>(values));
            }
            return this;
        }

        /**
         * Removes a field.
         *
         * @param field the field
         * @return this builder
         */
        public Builder remove(Field field) {
            single.remove(field);
            multiple.remove(field);
            if (field == Field.PROJECT_URL) {
                projectUrls.clear();
            }
            return this;
        }

        /**
         * Adds a {@code Project-URL}.
         *
         * @param label the label, such as {@code Source}
         * @param url the URL
         * @return this builder
         */
        public Builder projectUrl(String label, String url) {
            projectUrls.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * Sets the Metadata-Version to write instead of the computed one.
         *
         * @param version such as {@code 2.4}, or null to compute it
         * @return this builder
         */
        public Builder metadataVersion(@Nullable String version) {
            return set(Field.METADATA_VERSION, version);
        }

        private static void checkList(Field field) {
            if (field.kind != Kind.MULTIPLE && field.kind != Kind.COMMA_LIST) {
                throw new IllegalArgumentException(field.header + " is not a list field");
            }
        }

        /** @return the metadata; its Metadata-Version, unless set, is the lowest that has every field used (≥ 2.2) */
        public CoreMetadata build() {
            if (!single.containsKey(Field.METADATA_VERSION)) {
                String version = MIN_WRITTEN_VERSION;
                for (Field f : Field.values()) {
                    boolean used = switch (f.kind) {
                        case SINGLE -> single.containsKey(f);
                        case MULTIPLE, COMMA_LIST -> multiple.containsKey(f);
                        case LABELED_URLS -> !projectUrls.isEmpty();
                    };
                    if (used && compareVersions(f.since, version) > 0) {
                        version = f.since;
                    }
                }
                single.put(Field.METADATA_VERSION, version);
                CoreMetadata m = new CoreMetadata(single, multiple, projectUrls, unparsed);
                single.remove(Field.METADATA_VERSION);
                return m;
            }
            return new CoreMetadata(single, multiple, projectUrls, unparsed);
        }

        private static int compareVersions(String a, String b) {
            return Version.parse(a).compareTo(Version.parse(b));
        }
    }

    /**
     * Python's {@code email.feedparser} (headers, folding, the body) with the {@code compat32} policy, then
     * packaging's {@code parse_email} field rules.
     */
    private static final class Parser {
        private final List<Line> lines = new ArrayList<>();
        private final Map<String, List<Value>> headers = new LinkedHashMap<>();
        private @Nullable Value body;

        /** A line of input with its line ending: its text, and its bytes when read from bytes (else null). */
        private record Line(String text, byte @Nullable [] bytes, boolean utf8) {
        }

        /** A header value or body, and whether it was UTF-8. */
        private record Value(String text, boolean utf8) {
        }

        Parser(String text) {
            split(text, true);
        }

        Parser(byte[] data) {
            int start = 0;
            int n = data.length;
            for (int i = 0; i < n; i++) {
                byte b = data[i];
                if (b == '\n' || b == '\r') {
                    int end = i + 1;
                    if (b == '\r' && end < n && data[end] == '\n') {
                        end++;
                    }
                    lines.add(decode(data, start, end));
                    start = end;
                    i = end - 1;
                }
            }
            if (start < n) {
                lines.add(decode(data, start, n));
            }
        }

        private static Line decode(byte[] data, int from, int to) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, from, to - from)).toString();
                return new Line(s, java.util.Arrays.copyOfRange(data, from, to), true);
            } catch (CharacterCodingException e) {
                return new Line(new String(data, from, to - from, StandardCharsets.ISO_8859_1),
                        java.util.Arrays.copyOfRange(data, from, to), false);
            }
        }

        private void split(String text, boolean utf8) {
            int start = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    int end = i + 1;
                    if (c == '\r' && end < n && text.charAt(end) == '\n') {
                        end++;
                    }
                    lines.add(new Line(text.substring(start, end), null, utf8));
                    start = end;
                    i = end - 1;
                }
            }
            if (start < n) {
                lines.add(new Line(text.substring(start), null, utf8));
            }
        }

        CoreMetadata parse() {
            int i = 0;
            List<Line> headerLines = new ArrayList<>();
            while (i < lines.size()) {
                Line line = lines.get(i);
                if (!isHeaderLine(line.text)) {
                    if (startsWithNewline(line.text)) {
                        i++;
                    }
                    break;
                }
                headerLines.add(line);
                i++;
            }
            List<Line> bodyLines = new ArrayList<>();
            parseHeaders(headerLines).ifPresent(bodyLines::add);
            bodyLines.addAll(lines.subList(i, lines.size()));
            if (!bodyLines.isEmpty()) {
                body = join(bodyLines, 0);
            }
            return fields();
        }

        /** {@code ^(From |[\041-\071\073-\176]*:|[\t ])}. */
        private static boolean isHeaderLine(String line) {
            if (line.startsWith("From ") || line.startsWith(" ") || line.startsWith("\t")) {
                return true;
            }
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == ':') {
                    return true;
                }
                if (c < 0x21 || c > 0x7e) {
                    return false;
                }
            }
            return false;
        }

        private static boolean startsWithNewline(String line) {
            return line.startsWith("\n") || line.startsWith("\r");
        }

        /**
         * Python's text of several lines: their UTF-8 text when every line was UTF-8, else all their bytes as
         * Latin-1 (as Python decodes a value or body that is not UTF-8).
         */
        private static Value join(List<Line> parts, int skipFirst) {
            boolean utf8 = parts.stream().allMatch(Line::utf8);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < parts.size(); k++) {
                Line p = parts.get(k);
                String text = utf8 || p.bytes == null ? p.text : new String(p.bytes, StandardCharsets.ISO_8859_1);
                b.append(k == 0 ? text.substring(Math.min(skipFirst, text.length())) : text);
            }
            return new Value(b.toString(), utf8);
        }

        /** Stores the headers; returns a unix-from line found last, which goes back to the body, as Python does. */
        private Optional<Line> parseHeaders(List<Line> headerLines) {
            String lastName = null;
            List<Line> lastValue = new ArrayList<>();
            for (int k = 0; k < headerLines.size(); k++) {
                Line line = headerLines.get(k);
                String text = line.text;
                if (text.startsWith(" ") || text.startsWith("\t")) {
                    if (lastName != null) {
                        lastValue.add(line);
                    }
                    continue;
                }
                if (lastName != null) {
                    store(lastName, lastValue);
                    lastName = null;
                    lastValue = new ArrayList<>();
                }
                if (text.startsWith("From ")) {
                    if (k == 0) {
                        continue;
                    }
                    if (k == headerLines.size() - 1) {
                        return Optional.of(line);
                    }
                    continue;
                }
                int colon = text.indexOf(':');
                if (colon == 0) {
                    continue;
                }
                lastName = text.substring(0, colon);
                lastValue.add(line);
            }
            if (lastName != null) {
                store(lastName, lastValue);
            }
            return Optional.empty();
        }

        /** compat32's {@code header_source_parse}: first line after the colon, left-stripped, plus the rest. */
        private void store(String name, List<Line> source) {
            Value joined = join(source, 0);
            String v = joined.text.substring(joined.text.indexOf(':') + 1);
            int start = 0;
            while (start < v.length() && (v.charAt(start) == ' ' || v.charAt(start) == '\t')) {
                start++;
            }
            int end = v.length();
            while (end > start && (v.charAt(end - 1) == '\r' || v.charAt(end - 1) == '\n')) {
                end--;
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                    .add(new Value(v.substring(start, end), joined.utf8));
        }

        private CoreMetadata fields() {
            Builder b = new Builder();
            for (Map.Entry<String, List<Value>> e : headers.entrySet()) {
                String name = e.getKey();
                List<String> values = e.getValue().stream().map(Value::text).toList();
                boolean utf8 = e.getValue().stream().allMatch(Value::utf8);
                Optional<Field> field = Field.byName(name);
                if (!utf8 || field.isEmpty()) {
                    b.unparsed.put(name, new ArrayList<>(values));
                    continue;
                }
                Field f = field.get();
                switch (f.kind) {
                    case SINGLE -> {
                        if (values.size() == 1) {
                            b.single.put(f, values.get(0));
                        } else {
                            b.unparsed.put(name, new ArrayList<>(values));
                        }
                    }
                    case MULTIPLE -> b.multiple.put(f, f == Field.IMPORT_NAME && values.equals(List.of(""))
                            ? new ArrayList<>() : new ArrayList<>(values));
                    case COMMA_LIST -> {
                        if (values.size() == 1) {
                            List<String> keywords = new ArrayList<>();
                            for (String k : values.get(0).split(",", -1)) {
                                keywords.add(pythonStrip(k));
                            }
                            b.multiple.put(f, keywords);
                        } else {
                            b.unparsed.put(name, new ArrayList<>(values));
                        }
                    }
                    case LABELED_URLS -> {
                        Map<String, String> urls = new LinkedHashMap<>();
                        boolean ok = true;
                        for (String pair : values) {
                            int comma = pair.indexOf(',');
                            String label = pythonStrip(comma < 0 ? pair : pair.substring(0, comma));
                            String url = comma < 0 ? "" : pythonStrip(pair.substring(comma + 1));
                            if (urls.containsKey(label)) {
                                ok = false;
                                break;
                            }
                            urls.put(label, url);
                        }
                        if (ok) {
                            b.projectUrls.putAll(urls);
                        } else {
                            b.unparsed.put(name, new ArrayList<>(values));
                        }
                    }
                }
            }
            if (body != null && !body.text.isEmpty()) {
                if (!body.utf8) {
                    b.unparsed.computeIfAbsent("description", x -> new ArrayList<>()).add(body.text);
                } else if (b.single.containsKey(Field.DESCRIPTION)) {
                    String header = b.single.remove(Field.DESCRIPTION);
                    b.unparsed.computeIfAbsent("description", x -> new ArrayList<>()).addAll(List.of(header,
                            body.text));
                } else if (b.unparsed.containsKey("description")) {
                    b.unparsed.get("description").add(body.text);
                } else {
                    b.single.put(Field.DESCRIPTION, body.text);
                }
            }
            return new CoreMetadata(b.single, b.multiple, b.projectUrls, b.unparsed);
        }

        /** Python's {@code str.strip()} for the characters metadata can hold (Unicode whitespace). */
        private static String pythonStrip(String s) {
            int start = 0;
            int end = s.length();
            while (start < end && isPythonSpace(s.charAt(start))) {
                start++;
            }
            while (end > start && isPythonSpace(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(start, end);
        }

        private static boolean isPythonSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
        }
    }
}
