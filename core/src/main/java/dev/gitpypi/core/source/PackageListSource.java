package dev.gitpypi.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.GitpypiException;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.IndexSource;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.ExternalLinks;
import dev.gitpypi.core.internal.PipFiles;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.SkippedFiles;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * dumb-pypi's inputs as a source: a list of distribution file names hosted elsewhere, one per line
 * ({@link #plain(Path, String)}), or one JSON object per line ({@link #json(Path, String)}) with the keys
 * {@code filename} (required), {@code url}, {@code hash} ({@code sha256=HEX}), {@code requires_python},
 * {@code upload_timestamp} (Unix seconds), {@code yanked_reason}, {@code core_metadata} ({@code true} or
 * {@code sha256=HEX}), {@code requires_dist} (a list, kept as the release's {@link CoreMetadata} for the pages for
 * people); other keys (such as {@code uploaded_by}) are ignored. Links point to the packages URL
 * followed by the file name. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>Files are taken as pip takes them from an index page (SPEC PIP-05): every file pip would install is listed,
 * under the project pip reads from its name — legacy source archives ({@code .tar.bz2}, {@code .tgz}, …) and
 * names only pip's lenient reading understands come with a warning naming the rule they break (SD-05, SD-01,
 * WHL-03). Files no installer takes from an index (eggs, installers, built archives without a readable version) are
 * skipped: a {@link Severity#NOTE note} for each and one warning per kind. Only a line that cannot be
 * understood (not JSON, no file name, a path instead of a name, a bad hash, a refused link) is an error naming the
 * line.
 *
 * <p>Nothing from the list reaches the site as a credential or as script: the packages URL and every entry's
 * {@code url} lose their user-info (with a warning), and a {@code url} with a {@code javascript:}, {@code data:},
 * {@code file:} or {@code vbscript:} scheme is refused. Immutable; {@link #read()} reads the list each time.
 */
public final class PackageListSource implements IndexSource {
    private static final JsonFactory JSON = new JsonFactory();
    /** Lines read in parallel before they are added up. */
    private static final int RUN = 8192;

    private final Path list;
    private final @Nullable String packagesUrl;
    private final boolean packagesUrlHadCredentials;
    private final boolean jsonLines;

    private PackageListSource(Path list, @Nullable String packagesUrl, boolean jsonLines) {
        this.list = Objects.requireNonNull(list, "list");
        if (packagesUrl != null) {
            Optional<String> refused = ExternalLinks.refusedScheme(packagesUrl);
            if (refused.isPresent()) {
                throw new IllegalArgumentException("packages url " + Texts.quote(Redaction.url(packagesUrl))
                        + " has the " + refused.get() + ": scheme; give an http(s) URL or a relative one");
            }
        }
        String clean = packagesUrl == null ? null : Redaction.url(packagesUrl);
        this.packagesUrlHadCredentials = clean != null && !clean.equals(packagesUrl);
        this.packagesUrl = clean == null || clean.endsWith("/") ? clean : clean + "/";
        this.jsonLines = jsonLines;
    }

    /**
     * A plain list: one file name per line.
     *
     * @param list the list file
     * @param packagesUrl the URL the files are served from (a {@code /} is added if missing; user-info is left out
     *     of the links)
     * @return the source
     * @throws IllegalArgumentException if the URL has a refused scheme ({@code javascript:}, {@code data:},
     *     {@code file:}, {@code vbscript:})
     */
    public static PackageListSource plain(Path list, String packagesUrl) {
        return new PackageListSource(list, Objects.requireNonNull(packagesUrl, "packagesUrl"), false);
    }

    /**
     * A JSON-lines list: one object per line.
     *
     * @param list the list file
     * @param packagesUrl the URL the files are served from, or null when every entry has a {@code url}
     * @return the source
     * @throws IllegalArgumentException if the URL has a refused scheme
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
        Map<String, Project.Builder> projects = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        String location = list.toString();
        SkippedFiles skipped = new SkippedFiles(location);
        if (packagesUrlHadCredentials) {
            problems.add(Problem.warning(location, "the packages URL carries credentials; the site links to "
                    + Texts.quote(String.valueOf(packagesUrl)) + " without them (pip sends the credentials of"
                    + " --index-url to the same host, or takes them from ~/.netrc or a keyring)"));
        }
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        Map<String, Integer> firstSeen = new HashMap<>(lines.size() * 4 / 3 + 1);
        // each line is read on its own, in parallel; what they add up to is decided in line order below, a run of
        // lines at a time, so that what a line's reading leaves behind is garbage before the next run is read
        // (young collections then copy the distributions, not every line's parse)
        for (int from = 0; from < lines.size(); from += RUN) {
            int start = from;
            Line[] read = new Line[Math.min(RUN, lines.size() - from)];
            IntStream.range(0, read.length).parallel().forEach(j -> read[j] = line(where(location, start + j + 1),
                    lines.get(start + j).strip()));
            for (int j = 0; j < read.length; j++) {
                Line line = read[j];
                if (line == null) {
                    continue;
                }
                problems.addAll(line.problems());
                if (line.distribution() == null) {
                    continue;
                }
                Distribution d = line.distribution();
                if (line.reading() instanceof PipFiles.Skipped s) {
                    skipped.add(line.where(), d.filename(), s, problems);
                    continue;
                }
                PipFiles.Listed listed = (PipFiles.Listed) line.reading();
                Integer previous = firstSeen.putIfAbsent(d.filename(), start + j + 1);
                if (previous != null) {
                    problems.add(Problem.warning(line.where(), "file " + Texts.quote(d.filename())
                            + " is listed again (first at line " + previous + "); the first entry is kept"));
                    continue;
                }
                if (listed.warning() != null) {
                    problems.add(Problem.warning(line.where(), Texts.quote(d.filename()) + ": "
                            + listed.warning()));
                }
                projects.computeIfAbsent(listed.project().normalized(), k -> Project.builder(listed.project()))
                        .add(d);
            }
        }
        skipped.summarize(problems);
        // each project sorts its files when built: in parallel; the index orders the projects
        return new SourceResult(Index.of(List.copyOf(projects.values()).parallelStream().map(Project.Builder::build)
                .toList()), problems);
    }

    /**
     * One line read on its own: its distribution and how pip reads its file name, or the problems that keep it out.
     *
     * @param where the list and line number
     * @param distribution the entry, or null when the line holds none
     * @param reading how pip reads the file name, or null without a distribution
     * @param problems what is wrong with the line
     */
    private record Line(String where, @Nullable Distribution distribution, PipFiles.@Nullable Reading reading,
            List<Problem> problems) {
    }

    /** Reads one line; null for a blank line or a comment. */
    private @Nullable Line line(String where, String text) {
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        List<Problem> problems = new ArrayList<>(0);
        try {
            Distribution d = jsonLines ? fromJson(text, where, problems) : fromName(text, null, where);
            // most lines have no problem: no list kept for them (one object less per line to collect)
            return new Line(where, d, PipFiles.read(d.filename()), problems.isEmpty() ? List.of() : problems);
        } catch (GitpypiException e) {
            problems.add(Problem.error(where, e.getMessage()));
        } catch (IOException e) {
            problems.add(Problem.error(where, "cannot read the entry: " + e.getMessage()));
        }
        return new Line(where, null, null, problems);
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
            link = link(packagesUrl, filename);
        }
        return Distribution.builder(link, filename).origin(where).build();
    }

    /** {@code LIST:LINE}, built in one go (a concatenation grows its builder twice; this runs for every line). */
    private static String where(String location, int line) {
        return new StringBuilder(location.length() + 8).append(location).append(':').append(line).toString();
    }

    /**
     * The packages URL followed by the file name, percent-encoded where a URL path segment cannot hold it as it is
     * ({@code +} included, Q5 of SPEC §18): an ASCII name is encoded as it is read, any other through its UTF-8
     * bytes.
     */
    static String link(String packagesUrl, String filename) {
        StringBuilder s = new StringBuilder(packagesUrl.length() + filename.length() + 8).append(packagesUrl);
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c >= 0x80) {
                s.setLength(packagesUrl.length());
                for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
                    encode(s, b & 0xff);
                }
                return s.toString();
            }
            encode(s, c);
        }
        return s.toString();
    }

    private static void encode(StringBuilder s, int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '!') {
            s.append((char) c);
        } else {
            s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
    }

    private Distribution fromJson(String text, String where, List<Problem> problems) throws IOException {
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
                    case START_ARRAY -> {
                        List<String> values = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.VALUE_STRING) {
                                values.add(p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                        fields.put(key, values);
                    }
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
        String url = string(fields, "url");
        if (url != null) {
            Optional<String> refused = ExternalLinks.refusedScheme(url);
            if (refused.isPresent()) {
                throw new GitpypiException("refusing the " + refused.get() + ": url of " + Texts.quote(name)
                        + ": a package list links to http(s) or relative URLs");
            }
            if (Redaction.hasUserInfo(url)) {
                problems.add(Problem.warning(where, "the url of " + Texts.quote(name) + " carries credentials;"
                        + " the site links to it without them (pip takes them from ~/.netrc or a keyring)"));
                url = Redaction.url(url);
            }
        }
        Distribution.Builder b = fromName(name, url, where).toBuilder();
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
        if (fields.get("requires_dist") instanceof List<?> requires && !requires.isEmpty()) {
            if (PipFiles.read(name) instanceof PipFiles.Listed listed) {
                CoreMetadata.Builder m = CoreMetadata.builder(listed.project().display(), listed.version().toString());
                requires.forEach(r -> m.add(CoreMetadata.Field.REQUIRES_DIST, String.valueOf(r)));
                String rp = string(fields, "requires_python");
                if (rp != null) {
                    m.set(CoreMetadata.Field.REQUIRES_PYTHON, rp);
                }
                b.metadata(m.build());
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
