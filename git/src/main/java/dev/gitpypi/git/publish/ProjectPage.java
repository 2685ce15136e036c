package dev.gitpypi.git.publish;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Links;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a project page of a published site lists, as far as a change summary needs it: each file's name, version
 * and yank state, and the versions (PEP 700 {@code versions} where the JSON page has them). Reads the PEP 691 JSON
 * page, or the PEP 503 HTML page with a small anchor scanner (the pages are gitpypi's own or another static
 * generator's; a page it cannot read gives an empty listing, never an error: the summary is informative only).
 */
final class ProjectPage {
    /** One file of a page. */
    record File(String filename, @Nullable String version, boolean yanked, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, File> files;
    private final TreeSet<Version> versions;

    private ProjectPage(Map<String, File> files, TreeSet<Version> versions) {
        this.files = files;
        this.versions = versions;
    }

    static ProjectPage empty() {
        return new ProjectPage(Map.of(), new TreeSet<>());
    }

    /** @return the files by name */
    Map<String, File> files() {
        return files;
    }

    /** @return the versions, ascending in PEP 440 order */
    TreeSet<Version> versions() {
        return versions;
    }

    /**
     * Reads a page.
     *
     * @param project the project's folder name (its normalized name)
     * @param bytes the page
     * @param json whether it is the PEP 691 JSON page (else HTML)
     * @return what it lists
     */
    static ProjectPage read(String project, byte[] bytes, boolean json) {
        Optional<ProjectName> name = ProjectName.tryParse(project);
        Map<String, File> files = new LinkedHashMap<>();
        TreeSet<Version> versions = new TreeSet<>();
        try {
            if (json) {
                readJson(bytes, name, files, versions);
            } else {
                readHtml(new String(bytes, StandardCharsets.UTF_8), name, files);
            }
        } catch (IOException | RuntimeException e) {
            return empty();
        }
        for (File f : files.values()) {
            if (f.version() != null) {
                Version.tryParse(f.version()).ifPresent(versions::add);
            }
        }
        return new ProjectPage(files, versions);
    }

    private static void readJson(byte[] bytes, Optional<ProjectName> name, Map<String, File> files,
            TreeSet<Version> versions) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("versions") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        Version.tryParse(p.getText()).ifPresent(versions::add);
                    }
                } else if (field.equals("files") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String filename = null;
                        String url = null;
                        boolean yanked = false;
                        String reason = "";
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            switch (f) {
                                case "filename" -> filename = v == JsonToken.VALUE_STRING ? p.getText() : null;
                                case "url" -> url = v == JsonToken.VALUE_STRING ? p.getText() : null;
                                case "yanked" -> {
                                    if (v == JsonToken.VALUE_TRUE) {
                                        yanked = true;
                                    } else if (v == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
                                        yanked = true;
                                        reason = p.getText();
                                    }
                                }
                                default -> p.skipChildren();
                            }
                        }
                        if (filename != null && url != null) {
                            add(files, name, url, filename, yanked, reason);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void add(Map<String, File> files, Optional<ProjectName> name, String url, String filename,
            boolean yanked, String reason) {
        String version = name.flatMap(n -> Links.versionOf(n, Distribution.builder(url, filename).build()))
                .map(Version::toString).orElse(null);
        files.putIfAbsent(filename, new File(filename, version, yanked, reason));
    }

    /** Scans {@code <a ...>text</a>} anchors: the text is the file name, {@code href} the URL (PEP 503). */
    private static void readHtml(String html, Optional<ProjectName> name, Map<String, File> files) {
        int i = 0;
        int n = html.length();
        while ((i = indexOfAnchor(html, i)) >= 0) {
            int j = i + 2;
            Map<String, String> attrs = new LinkedHashMap<>();
            while (j < n && html.charAt(j) != '>') {
                char c = html.charAt(j);
                if (Character.isWhitespace(c) || c == '/') {
                    j++;
                    continue;
                }
                int start = j;
                while (j < n && !Character.isWhitespace(html.charAt(j)) && "=>/".indexOf(html.charAt(j)) < 0) {
                    j++;
                }
                String attr = html.substring(start, j).toLowerCase(java.util.Locale.ROOT);
                while (j < n && Character.isWhitespace(html.charAt(j))) {
                    j++;
                }
                String value = "";
                if (j < n && html.charAt(j) == '=') {
                    j++;
                    while (j < n && Character.isWhitespace(html.charAt(j))) {
                        j++;
                    }
                    if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                        char q = html.charAt(j);
                        int end = html.indexOf(q, j + 1);
                        end = end < 0 ? n : end;
                        value = html.substring(j + 1, end);
                        j = Math.min(n, end + 1);
                    } else {
                        int vs = j;
                        while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                            j++;
                        }
                        value = html.substring(vs, j);
                    }
                }
                attrs.putIfAbsent(attr, unescape(value));
            }
            int textStart = Math.min(n, j + 1);
            int close = indexOfClose(html, textStart);
            int textEnd = close < 0 ? n : close;
            String text = unescape(html.substring(textStart, textEnd).replaceAll("<[^>]*>", "")).strip();
            String href = attrs.get("href");
            if (href != null && !text.isEmpty()) {
                String yanked = attrs.get("data-yanked");
                add(files, name, href, text, yanked != null, yanked == null ? "" : yanked);
            }
            i = textEnd;
        }
    }

    private static int indexOfClose(String html, int from) {
        for (int i = html.indexOf("</", from); i >= 0 && i + 2 < html.length(); i = html.indexOf("</", i + 1)) {
            if ((html.charAt(i + 2) == 'a' || html.charAt(i + 2) == 'A')
                    && (i + 3 == html.length() || html.charAt(i + 3) == '>'
                    || Character.isWhitespace(html.charAt(i + 3)))) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfAnchor(String html, int from) {
        for (int i = html.indexOf('<', from); i >= 0 && i + 2 < html.length(); i = html.indexOf('<', i + 1)) {
            char a = html.charAt(i + 1);
            if ((a == 'a' || a == 'A') && Character.isWhitespace(html.charAt(i + 2))) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes the character references a page may hold in attribute values and text. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String ref = s.substring(i + 1, semi);
                String rep = switch (ref) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos", "#39" -> "'";
                    default -> numeric(ref);
                };
                if (rep != null) {
                    b.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static @Nullable String numeric(String ref) {
        try {
            int cp;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                cp = Integer.parseInt(ref.substring(2), 16);
            } else if (ref.startsWith("#")) {
                cp = Integer.parseInt(ref.substring(1));
            } else {
                return null;
            }
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
