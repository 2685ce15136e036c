package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Json;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.Seeds;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * {@link CoreMetadata} against packaging 26.2's {@code packaging.metadata.parse_email} (META-04): seeded random
 * email-header documents — every field name in random case, unknown and malformed names, folded values, CR, LF and
 * CRLF line endings, unix-from lines, lines without a colon, bodies, non-ASCII text and invalid UTF-8 — parsed by
 * both as bytes and (when UTF-8) as text, every parsed and unparsed field equal; and what {@link CoreMetadata#toText()}
 * writes for random metadata, parsed by packaging, gives back exactly the values written.
 */
class CoreMetadataDifferentialIT {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, base64",
            "from packaging.metadata import parse_email",
            "def canon(r):",
            "    raw, unparsed = r",
            "    out = []",
            "    for k in sorted(raw):",
            "        v = raw[k]",
            "        if isinstance(v, dict): v = [[a, b] for a, b in v.items()]",
            "        out.append([k, v])",
            "    fix = lambda vs: [v.decode('latin-1') if isinstance(v, bytes) else v for v in vs]",
            "    return [out, [[k, fix(unparsed[k])] for k in sorted(unparsed)]]",
            "for line in sys.stdin:",
            "    data = base64.b64decode(line.strip())",
            "    b = canon(parse_email(data))",
            "    try:",
            "        text = data.decode('utf-8')",
            "    except UnicodeDecodeError:",
            "        text = None",
            "    s = canon(parse_email(text)) if text is not None else None",
            "    print(json.dumps([b, s]))",
            "");

    private static final String[] NAMES = {"Metadata-Version", "Name", "Version", "Summary", "Description",
        "Description-Content-Type", "Keywords", "Home-page", "Author", "Author-email", "License",
        "License-Expression", "License-File", "Classifier", "Requires-Dist", "Requires-Python", "Project-URL",
        "Provides-Extra", "Dynamic", "Platform", "Maintainer", "Import-Name", "Requires", "X-Unknown", "Foo_Bar",
        "Name ", "", "From nobody", "Summary\t"};
    private static final String[] PIECES = {"a", "B", "1", ".", ",", ", ", " ", "\t", "=", ">=3.8", ":", "é", "☃",
        "\u00a0", "\u2028", "\u0085", "https://h/x", "Home", "  ", ";", "\"", "\u001c"};
    private static final String[] ENDINGS = {"\n", "\n", "\n", "\r\n", "\r"};

    @Test
    void parsingAgreesWithPackaging() {
        long seed = Seeds.seed("CoreMetadataDifferentialIT.parsingAgreesWithPackaging");
        Random random = new Random(seed);
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            docs.add(randomDocument(random));
        }
        docs.addAll(fixedDocuments());
        List<String> out = Python.mapLines(SCRIPT, docs.stream().map(d -> Base64.getEncoder().encodeToString(d))
                .toList());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < docs.size(); i++) {
            byte[] doc = docs.get(i);
            List<?> expected = (List<?>) Json.parse(out.get(i));
            String shown = new String(doc, StandardCharsets.ISO_8859_1);
            soft.assertThat(canon(CoreMetadata.parse(doc))).as("bytes %s", Json.quote(shown))
                    .isEqualTo(expected.get(0));
            if (expected.get(1) != null) {
                soft.assertThat(canon(CoreMetadata.parse(new String(doc, StandardCharsets.UTF_8))))
                        .as("text %s", Json.quote(shown)).isEqualTo(expected.get(1));
            }
        }
        soft.assertAll();
    }

    @Test
    void whatWeWritePackagingReadsBackExactly() {
        long seed = Seeds.seed("CoreMetadataDifferentialIT.whatWeWritePackagingReadsBackExactly");
        Random random = new Random(seed);
        List<CoreMetadata> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            written.add(randomMetadata(random));
        }
        List<String> out = Python.mapLines(SCRIPT, written.stream()
                .map(m -> Base64.getEncoder().encodeToString(m.toBytes())).toList());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < written.size(); i++) {
            CoreMetadata m = written.get(i);
            List<?> expected = (List<?>) Json.parse(out.get(i));
            soft.assertThat(canon(m)).as("%s", Json.quote(m.toText())).isEqualTo(expected.get(0));
            soft.assertThat(CoreMetadata.parse(m.toBytes())).as("%s", Json.quote(m.toText())).isEqualTo(m);
        }
        soft.assertAll();
    }

    /** Values without line breaks, so that the written form reads back unchanged (folding keeps indentation). */
    private static CoreMetadata randomMetadata(Random random) {
        CoreMetadata.Builder b = CoreMetadata.builder(word(random), word(random));
        for (CoreMetadata.Field f : CoreMetadata.Field.values()) {
            if (f == CoreMetadata.Field.NAME || f == CoreMetadata.Field.VERSION
                    || f == CoreMetadata.Field.METADATA_VERSION || random.nextInt(3) == 0) {
                continue;
            }
            switch (f.kind()) {
                case SINGLE -> b.set(f, f == CoreMetadata.Field.DESCRIPTION ? body(random) : word(random));
                case MULTIPLE -> {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        b.add(f, word(random));
                    }
                }
                case COMMA_LIST -> {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        b.add(f, word(random).replace(",", ""));
                    }
                }
                case LABELED_URLS -> {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        b.projectUrl("L" + k + word(random).replace(",", ""), "https://h/" + k);
                    }
                }
            }
        }
        return b.build();
    }

    /** Text packaging reads back unchanged: no line breaks, no surrounding whitespace, not empty. */
    private static String word(Random random) {
        StringBuilder s = new StringBuilder("w");
        for (int k = random.nextInt(5); k > 0; k--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.append('z').toString().replace("\u2028", "").replace("\u0085", "").replace("\u001c", "")
                .replace("\t", "");
    }

    private static String body(Random random) {
        StringBuilder s = new StringBuilder("# Title\n");
        for (int k = random.nextInt(4); k > 0; k--) {
            s.append(word(random)).append(random.nextBoolean() ? "\n\n" : "\n");
        }
        return s.toString();
    }

    private static byte[] randomDocument(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int headers = random.nextInt(7);
        for (int h = 0; h < headers; h++) {
            int shape = random.nextInt(20);
            String name = NAMES[random.nextInt(NAMES.length)];
            if (random.nextBoolean()) {
                name = random.nextBoolean() ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
            }
            String line;
            if (shape == 0) {
                line = "no colon here";
            } else if (shape == 1) {
                line = ": empty name";
            } else if (shape == 2) {
                line = (random.nextBoolean() ? " " : "\t") + text(random);
            } else {
                line = name + (random.nextBoolean() ? ": " : random.nextBoolean() ? ":" : ":  \t") + text(random);
            }
            write(out, line + ENDINGS[random.nextInt(ENDINGS.length)], random);
            if (random.nextInt(5) == 0) {
                write(out, (random.nextBoolean() ? "        " : "\t") + text(random)
                        + ENDINGS[random.nextInt(ENDINGS.length)], random);
            }
        }
        if (random.nextInt(3) > 0) {
            write(out, ENDINGS[random.nextInt(ENDINGS.length)], random);
            for (int k = random.nextInt(4); k > 0; k--) {
                write(out, text(random) + ENDINGS[random.nextInt(ENDINGS.length)], random);
            }
        }
        return out.toByteArray();
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(6); k > 0; k--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** UTF-8, now and then with a byte that is not. */
    private static void write(ByteArrayOutputStream out, String s, Random random) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes);
        if (random.nextInt(40) == 0) {
            out.write(random.nextBoolean() ? 0xff : 0xc3);
        }
    }

    private static List<byte[]> fixedDocuments() {
        List<String> docs = List.of(
                "Metadata-Version: 2.1\nName: a\nVersion: 1\nLicense: line1\n        line2\n\tline3\nSummary:   spaced  "
                        + "\nKeywords: a, b ,c\nProject-URL: Home, https://x\nProject-URL: Bad\n\nBody text\n\nmore\n",
                "Name: a\nbroken line\nVersion: 1\n",
                "Name: a\r\nVersion: 1\r\n\r\nbody\r\n",
                "Name: a\nName: b\n",
                "Name:a\nSummary:\nDescription: d\n\nbody",
                " Name: lead\nVersion: 2\n",
                "From nobody\nName: a\n",
                "Name: a\nFrom me\n",
                "Name: a\nFrom me\nVersion: 1\n",
                "Project-URL: A, https://1\nProject-URL: A, https://2\n",
                "Keywords: a\nKeywords: b\n",
                "Summary: é☃\n\nbody é\n",
                "");
        List<byte[]> out = new ArrayList<>();
        docs.forEach(d -> out.add(d.getBytes(StandardCharsets.UTF_8)));
        out.add(new byte[] {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n', '\n', 'b', (byte) 0xc3});
        return out;
    }

    /** The same shape as the Python script's {@code canon}: sorted [key, value] pairs with packaging's raw keys. */
    private static List<Object> canon(CoreMetadata m) {
        List<List<Object>> raw = new ArrayList<>();
        for (CoreMetadata.Field f : CoreMetadata.Field.values()) {
            if (!m.has(f)) {
                continue;
            }
            Object value = switch (f.kind()) {
                case SINGLE -> m.get(f).orElseThrow();
                case MULTIPLE, COMMA_LIST -> m.getAll(f);
                case LABELED_URLS -> m.projectUrls().entrySet().stream()
                        .map(e -> (Object) List.of(e.getKey(), e.getValue())).toList();
            };
            raw.add(List.of(rawKey(f), value));
        }
        raw.sort(Comparator.comparing(l -> (String) l.get(0)));
        List<Object> unparsed = new ArrayList<>();
        m.unparsed().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> unparsed.add(List.of(e.getKey(), e.getValue())));
        return List.of(new ArrayList<Object>(raw), unparsed);
    }

    private static String rawKey(CoreMetadata.Field f) {
        String key = f.header().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (f) {
            case CLASSIFIER, PLATFORM, SUPPORTED_PLATFORM, LICENSE_FILE, PROJECT_URL, IMPORT_NAME, IMPORT_NAMESPACE ->
                    key + "s";
            default -> key;
        };
    }
}
