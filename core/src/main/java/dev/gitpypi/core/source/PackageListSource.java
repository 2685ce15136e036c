package dev.gitpypi.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.DistributionFilename;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.SdistFilename;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.WheelFilename;
import dev.gitpypi.core.internal.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * dumb-pypi's inputs as a source: a list of distribution file names hosted elsewhere, one per line
 * ({@link #plain(Path, String)}), or one JSON object per line ({@link #json(Path, String)}) with the keys
 * {@code filename} (required), {@code url}, {@code hash} ({@code sha256=HEX}), {@code requires_python},
 * {@code upload_timestamp} (Unix seconds), {@code yanked_reason}, {@code core_metadata} ({@code true} or
 * {@code sha256=HEX}); other keys (such as {@code uploaded_by}) are ignored. Links point to the packages URL
 * followed by the file name. Blank lines and lines starting with {@code #} are skipped; files that are not wheels or
 * {@code .tar.gz}/{@code .zip} sdists (eggs, installers, legacy archives) are skipped with a warning; a line whose
 * wheel or sdist file name does not hold a valid name and version (packaging's {@code parse_wheel_filename} /
 * {@code parse_sdist_filename}, WHL-01, SD-01) is reported as a problem naming the line.
 */
public final class PackageListSource implements IndexSource {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path list;
    private final @Nullable String packagesUrl;
    private final boolean jsonLines;

    private PackageListSource(Path list, @Nullable String packagesUrl, boolean jsonLines) {
        this.list = list;
        this.packagesUrl = packagesUrl == null || packagesUrl.endsWith("/") ? packagesUrl : packagesUrl + "/";
        this.jsonLines = jsonLines;
    }

    /**
     * A plain list: one file name per line.
     *
     * @param list the list file
     * @param packagesUrl the URL the files are served from (a {@code /} is added if missing)
     * @return the source
     */
    public static PackageListSource plain(Path list, String packagesUrl) {
        return new PackageListSource(list, java.util.Objects.requireNonNull(packagesUrl, "packagesUrl"), false);
    }

    /**
     * A JSON-lines list: one object per line.
     *
     * @param list the list file
     * @param packagesUrl the URL the files are served from, or null when every entry has a {@code url}
     * @return the source
     */
    public static PackageListSource json(Path list, @Nullable String packagesUrl) {
        return new PackageListSource(list, packagesUrl, true);
    }

    @Override
    public String description() {
        return (jsonLines ? "package list (JSON) " : "package list ") + list;
    }

    @Override
    public SourceResult read() throws IOException {
        Map<String, Project.Builder> projects = new TreeMap<>();
        Map<String, String> firstSeen = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String where = list + ":" + number;
                if (!jsonLines && !isWheelOrSdist(text)) {
                    problems.add(Problem.warning(where, "not a wheel or a .tar.gz/.zip sdist: "
                            + Texts.quote(text) + "; skipped (eggs, installers and legacy archives are"
                            + " not listed, SD-05)"));
                    continue;
                }
                try {
                    Distribution d = jsonLines ? fromJson(text, where) : fromName(text, null, where);
                    if (jsonLines && !isWheelOrSdist(d.filename())) {
                        problems.add(Problem.warning(where, "not a wheel or a .tar.gz/.zip sdist: "
                                + Texts.quote(d.filename()) + "; skipped (SD-05)"));
                        continue;
                    }
                    ProjectName name = nameOf(d.filename(), where);
                    String previous = firstSeen.putIfAbsent(d.filename(), where);
                    if (previous != null) {
                        problems.add(Problem.warning(where, "file " + Texts.quote(d.filename())
                                + " is listed again (first at line " + previous.substring(previous.lastIndexOf(':') + 1)
                                + "); the first entry is kept"));
                        continue;
                    }
                    projects.computeIfAbsent(name.normalized(), k -> Project.builder(name)).add(d);
                } catch (GitpypiException e) {
                    problems.add(Problem.error(where, e.getMessage()));
                }
            }
        }
        return new SourceResult(Index.of(projects.values().stream().map(Project.Builder::build).toList()), problems);
    }

    /** The files installers take from an index: wheels and PEP 625 / packaging sdists (SD-05). */
    private static boolean isWheelOrSdist(String filename) {
        return filename.endsWith(".whl") || filename.endsWith(".tar.gz") || filename.endsWith(".zip");
    }

    private static ProjectName nameOf(String filename, String where) {
        Optional<? extends DistributionFilename> parsed = filename.endsWith(".whl") ? WheelFilename.tryParse(filename)
                : SdistFilename.tryParse(filename);
        if (parsed.isEmpty()) {
            // the exact reason, from the parser itself
            if (filename.endsWith(".whl")) {
                WheelFilename.parse(filename);
            } else {
                SdistFilename.parse(filename);
            }
        }
        return parsed.flatMap(DistributionFilename::name).orElseThrow(() -> new GitpypiException(
                "file " + Texts.quote(filename) + " does not name a valid project (NAME-01)"));
    }

    private Distribution fromName(String filename, @Nullable String url, String where) {
        if (filename.contains("/") || filename.contains("\\")) {
            throw new GitpypiException("file name " + Texts.quote(filename)
                    + " has a path separator; a package list holds bare file names");
        }
        String link = url;
        if (link == null) {
            if (packagesUrl == null) {
                throw new GitpypiException("entry " + Texts.quote(filename)
                        + " has no url and no packages URL was given");
            }
            link = packagesUrl + encode(filename);
        }
        return Distribution.builder(link, filename).origin(where).build();
    }

    /** Percent-encodes what a URL path segment cannot hold as it is ({@code +} included, Q5 of SPEC §18). */
    private static String encode(String filename) {
        StringBuilder s = new StringBuilder(filename.length() + 8);
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '!') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return s.toString();
    }

    private Distribution fromJson(String text, String where) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new GitpypiException("not a JSON object: " + Texts.quote(text));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (t) {
                    case VALUE_STRING -> fields.put(key, p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(key, p.getNumberValue());
                    case VALUE_TRUE, VALUE_FALSE -> fields.put(key, t == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> { }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GitpypiException("not valid JSON: " + e.getOriginalMessage());
        }
        Object filename = fields.get("filename");
        if (!(filename instanceof String name) || name.isEmpty()) {
            throw new GitpypiException("entry has no \"filename\" string");
        }
        Distribution.Builder b = fromName(name, string(fields, "url"), where).toBuilder();
        String hash = string(fields, "hash");
        if (hash != null) {
            String[] kv = hashPair(hash, "hash");
            b.hash(kv[0], kv[1]);
        }
        b.requiresPython(string(fields, "requires_python"));
        Object ts = fields.get("upload_timestamp");
        if (ts instanceof Number n) {
            b.uploadTime(Instant.ofEpochSecond(n.longValue()));
        }
        Object yanked = fields.get("yanked_reason");
        if (yanked instanceof String reason) {
            b.yanked(reason);
        }
        Object meta = fields.get("core_metadata");
        if (Boolean.TRUE.equals(meta)) {
            b.coreMetadata(Map.of());
        } else if (meta instanceof String m && !m.equals("false")) {
            if (m.equals("true")) {
                b.coreMetadata(Map.of());
            } else {
                String[] kv = hashPair(m, "core_metadata");
                b.coreMetadata(Map.of(kv[0], kv[1]));
            }
        }
        return b.build();
    }

    private static String[] hashPair(String value, String key) {
        int eq = value.indexOf('=');
        String name = eq < 0 ? "" : value.substring(0, eq);
        String hex = eq < 0 ? "" : value.substring(eq + 1);
        if (!name.matches("md5|sha1|sha224|sha256|sha384|sha512") || !hex.matches("[0-9a-f]+")) {
            throw new GitpypiException("\"" + key + "\" must be NAME=HEXDIGEST such as sha256=…, not "
                    + Texts.quote(value) + " (P503-08)");
        }
        return new String[] {name, hex};
    }

    private static @Nullable String string(Map<String, Object> fields, String key) {
        return fields.get(key) instanceof String s ? s : null;
    }
}
