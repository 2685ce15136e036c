package dev.gitpypi.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.VersionSpecifiers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: arbitrary strings in every rendered field (file names, URLs, requires-python, yank reasons, status
 * reasons, source and provenance URLs) cannot add or break markup. The HTML is parsed with a real HTML5 parser
 * (jsoup) and the JSON with a JSON parser; each gives back exactly the anchors, attributes and values that went in
 * (NUL and unpaired surrogates read back as U+FFFD, as HTML parsers do; REN-06, P503-13, DESIGN security rules).
 *
 * <p>Seeds are printed in the test names; replay one with {@code -Dmarkup.seed=N}.
 */
class MarkupPropertyTest {
    private static final String SHA = "e".repeat(64);
    private static final String NASTY = "<>&\"'=/#;:!?- \t\n\r\f\0\u0001\u007f\u0085\u00a0\u2028\ufeff\ufffeé€😀";
    private static final String[] FRAGMENTS = {"<a href=x>", "</a>", "<!--", "-->", "&amp;", "&#13;", "&lt",
        "<script>", "\" onclick=\"", "' x='", "<meta name=y>", "]]>", "<![CDATA[", "&#0;", "&#x110000;",
        "\ud800", "\udc00", "<br>", "</body>", "<plaintext>", "</title>", "<textarea>"};

    static Stream<Long> seeds() {
        String replay = System.getProperty("markup.seed");
        if (replay != null) {
            return Stream.of(Long.parseLong(replay));
        }
        long base = new Random().nextLong();
        return LongStream.range(0, 300).mapToObj(i -> base + i);
    }

    static Stream<String> shortStrings() {
        String alphabet = "<>&\"'\r#;a";
        List<String> all = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int len = 1; len <= 3; len++) {
            List<String> next = new ArrayList<>();
            for (String s : last) {
                for (char c : alphabet.toCharArray()) {
                    next.add(s + c);
                }
            }
            all.addAll(next);
            last = next;
        }
        return all.stream();
    }

    static String arbitrary(Random r) {
        StringBuilder s = new StringBuilder();
        int parts = r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(4)) {
                case 0 -> s.append(NASTY.charAt(r.nextInt(NASTY.length())));
                case 1 -> s.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                case 2 -> s.append((char) r.nextInt(0x10000));
                default -> s.append("abc".repeat(r.nextInt(3)));
            }
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryStringsRoundTrip(long seed) throws IOException {
        Random r = new Random(seed);
        List<Distribution> ds = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Distribution.Builder b = Distribution.builder("https://h/" + arbitrary(r), i + arbitrary(r))
                    .hash("sha256", SHA).size(i);
            switch (r.nextInt(4)) {
                case 0 -> b.requiresPython(arbitrary(r));
                // "===" takes any text without whitespace: the nastiest value packaging still accepts
                case 1 -> b.requiresPython("===" + arbitrary(r).replaceAll("[\\s\\p{Z}\\x1c-\\x1f\\x85;)]", ""));
                case 2 -> b.requiresPython(">=3.8, <4,!=3.9.*");
                default -> { }
            }
            if (r.nextBoolean()) {
                b.yanked(arbitrary(r));
            }
            if (r.nextBoolean()) {
                b.provenance("https://p/" + arbitrary(r));
            }
            ds.add(b.build());
        }
        check(ds, r.nextBoolean() ? arbitrary(r) : null, r.nextBoolean() ? arbitrary(r) : null);
    }

    @ParameterizedTest
    @MethodSource("shortStrings")
    void everyShortStringRoundTrips(String s) throws IOException {
        check(List.of(Distribution.builder("https://h/" + s, "f" + s).hash("sha256", SHA).requiresPython(s)
                .yanked(s).provenance("https://p/" + s).size(1).build()), s, s);
    }

    private static void check(List<Distribution> ds, String statusReason, String sourceUrl) throws IOException {
        Project.Builder pb = Project.builder(ProjectName.of("P.q_r")).addAll(ds).sourceUrl(sourceUrl);
        if (statusReason != null) {
            pb.status(new ProjectStatus(ProjectStatus.Marker.DEPRECATED, statusReason));
        }
        Project project = pb.build();
        String html = HtmlRenderer.create().renderProject(project);
        Document doc = Jsoup.parse(html);

        // structure: exactly the elements we wrote, nothing injected
        int metas = 2 + (statusReason != null ? 2 : 0) + (sourceUrl != null ? 1 : 0);
        assertThat(doc.head().children()).as(html).hasSize(metas + 1);
        assertThat(doc.head().select("meta")).hasSize(metas);
        assertThat(doc.body().children()).as(html).hasSize(1 + 2 * ds.size());
        assertThat(doc.title()).isEqualTo("Links for P.q_r");
        if (statusReason != null) {
            assertThat(doc.select("meta[name=pypi:project-status-reason]").attr("content"))
                    .isEqualTo(parsed(statusReason));
        }
        if (sourceUrl != null) {
            assertThat(doc.select("meta[name=gitpypi:source-url]").attr("content")).isEqualTo(parsed(sourceUrl));
        }
        Elements anchors = doc.select("a");
        assertThat(anchors).hasSize(ds.size());
        List<Distribution> sorted = project.distributions();
        for (int i = 0; i < sorted.size(); i++) {
            Distribution d = sorted.get(i);
            Element a = anchors.get(i);
            Map<String, String> expected = new LinkedHashMap<>();
            String url = d.url().contains("#") ? d.url().substring(0, d.url().indexOf('#')) : d.url();
            expected.put("href", parsed(url + "#sha256=" + SHA));
            if (d.requiresPython().isPresent() && validSpecifier(d.requiresPython().get())) {
                expected.put("data-requires-python", parsed(d.requiresPython().get()));
            }
            d.yankedReason().ifPresent(y -> expected.put("data-yanked", parsed(y)));
            d.provenance().ifPresent(p -> expected.put("data-provenance", parsed(p)));
            Map<String, String> actual = new LinkedHashMap<>();
            for (Attribute attribute : a.attributes()) {
                actual.put(attribute.getKey(), attribute.getValue());
            }
            assertThat(actual).as(html).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(a.wholeText()).as(html).isEqualTo(parsed(d.filename()));
        }

        Map<?, ?> json = (Map<?, ?>) readJson(JsonRenderer.create().renderProject(project));
        List<?> files = (List<?>) json.get("files");
        assertThat(files).hasSize(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Distribution d = sorted.get(i);
            Map<?, ?> f = (Map<?, ?>) files.get(i);
            assertThat(f.get("filename")).isEqualTo(parsed(d.filename()));
            assertThat(f.get("url")).isEqualTo(parsed(d.url().contains("#") ? d.url().substring(0,
                    d.url().indexOf('#')) : d.url()));
            assertThat(f.get("yanked")).isEqualTo(d.yankedReason().map(y -> y.isEmpty() ? (Object) true : parsed(y))
                    .orElse(null));
            assertThat(f.get("provenance")).isEqualTo(d.provenance().map(MarkupPropertyTest::parsed).orElse(null));
        }
        if (statusReason != null) {
            assertThat(((Map<?, ?>) json.get("project-status")).get("reason")).isEqualTo(parsed(statusReason));
        }
    }

    private static boolean validSpecifier(String s) {
        try {
            VersionSpecifiers.parse(s);
            return true;
        } catch (InvalidSpecifierException e) {
            return false;
        }
    }

    /** What a parser reads back: NUL and unpaired surrogates become U+FFFD. */
    static String parsed(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(c == 0 || Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return b.toString();
    }

    static Object readJson(byte[] bytes) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            p.nextToken();
            Object value = value(p);
            assertThat(p.nextToken()).isNull();
            return value;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    assertThat(m.put(key, value(p))).as("duplicate key %s", key).isNull();
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            default -> throw new AssertionError("unexpected " + t);
        }
    }

}
