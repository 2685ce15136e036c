package dev.gitpypi.git.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Python project's metadata from the files of one folder at one tag, in this order: {@code pyproject.toml}
 * {@code [project]}; {@code setup.cfg} {@code [metadata]}; the literal {@code name=}/{@code version=} of a simple
 * {@code setup.py}. Returns empty when none of them names the project (the caller then uses the repository name).
 * Thread-safe.
 */
public final class MetadataReader {
    /** Reads one file of the folder. */
    @FunctionalInterface
    public interface Files {
        /**
         * Reads a file.
         *
         * @param name a file name inside the folder, such as {@code pyproject.toml}
         * @return its bytes, or empty if there is no such file
         * @throws IOException if the repository cannot be read
         * @throws MetadataException if the file is too large
         */
        Optional<byte[]> read(String name) throws IOException, MetadataException;
    }

    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern SETUP_CALL = Pattern.compile("\\bsetup\\s*\\(");
    private static final Pattern SETUP_NAME = Pattern.compile("\\bname\\s*=\\s*(['\"])([^'\"\\n\\\\]+)\\1");
    private static final Pattern SETUP_VERSION = Pattern.compile("\\bversion\\s*=\\s*(['\"])([^'\"\\n\\\\]+)\\1");

    private MetadataReader() {
    }

    /**
     * Reads the metadata of the project in a folder.
     *
     * @param files the folder's files
     * @return the metadata, or empty when no file names the project
     * @throws IOException if the repository cannot be read
     * @throws MetadataException if a file is there but unusable
     */
    public static Optional<PythonMetadata> read(Files files) throws IOException, MetadataException {
        Optional<byte[]> pyproject = files.read("pyproject.toml");
        if (pyproject.isPresent()) {
            Optional<PythonMetadata> m = fromPyproject(text("pyproject.toml", pyproject.get()));
            if (m.isPresent()) {
                return m;
            }
        }
        String name = null;
        String version = null;
        String source = null;
        Optional<byte[]> cfg = files.read("setup.cfg");
        if (cfg.isPresent()) {
            Map<String, String> meta = iniSection(text("setup.cfg", cfg.get()), "metadata");
            name = blankToNull(meta.get("name"));
            version = staticCfgVersion(meta.get("version"));
            source = name == null ? null : "setup.cfg";
        }
        if (name == null || version == null) {
            Optional<byte[]> setupPy = files.read("setup.py");
            if (setupPy.isPresent()) {
                String py = text("setup.py", setupPy.get());
                Matcher call = SETUP_CALL.matcher(py);
                if (call.find()) {
                    String args = py.substring(call.end());
                    if (name == null) {
                        name = firstGroup(SETUP_NAME, args);
                        source = name == null ? null : "setup.py";
                    }
                    if (version == null) {
                        version = firstGroup(SETUP_VERSION, args);
                    }
                }
            }
        }
        return source == null ? Optional.empty() : Optional.of(PythonMetadata.nameOnly(source, name, version));
    }

    /**
     * Reads {@code pyproject.toml}.
     *
     * @param toml the file's text
     * @return the metadata of its {@code [project]} table, or empty when it has none
     * @throws MetadataException if it is not valid TOML or a field has the wrong type
     */
    public static Optional<PythonMetadata> fromPyproject(String toml) throws MetadataException {
        JsonNode root;
        try {
            root = TOML.readTree(toml);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage();
            throw new MetadataException("pyproject.toml is not valid toml: "
                    + Texts.quote(detail == null ? e.getClass().getSimpleName() : detail)
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        JsonNode project = root == null ? null : root.get("project");
        if (project == null) {
            return Optional.empty();
        }
        if (!project.isObject()) {
            throw new MetadataException("pyproject.toml: [project] is not a table");
        }
        Set<String> dynamic = new HashSet<>(stringList(project, "dynamic"));
        String name = string(project, "name");
        if (name == null) {
            throw new MetadataException("pyproject.toml: [project] has no name (a name is required and never"
                    + " dynamic)");
        }
        String version = dynamic.contains("version") ? null : string(project, "version");
        if (version == null && !dynamic.contains("version")) {
            throw new MetadataException("pyproject.toml: [project] has neither a version nor dynamic = [\"version\"]");
        }
        boolean rpKnown = !dynamic.contains("requires-python");
        String requiresPython = rpKnown ? string(project, "requires-python") : null;
        List<String> dependencies = null;
        List<String> extras = new ArrayList<>();
        if (!dynamic.contains("dependencies") && !dynamic.contains("optional-dependencies")) {
            dependencies = new ArrayList<>(stringList(project, "dependencies"));
            JsonNode optional = project.get("optional-dependencies");
            if (optional != null) {
                if (!optional.isObject()) {
                    throw new MetadataException("pyproject.toml: [project] optional-dependencies is not a table");
                }
                List<String> names = new ArrayList<>();
                optional.fieldNames().forEachRemaining(names::add);
                names.sort(null);
                for (String extra : names) {
                    String normalized = ProjectName.normalize(extra);
                    extras.add(normalized);
                    for (String requirement : stringList(optional, extra)) {
                        dependencies.add(withExtra(requirement, normalized));
                    }
                }
            }
        }
        return Optional.of(new PythonMetadata("pyproject.toml", name, version, requiresPython, rpKnown, dependencies,
                extras));
    }

    private static String withExtra(String requirement, String extra) {
        int semicolon = requirement.indexOf(';');
        String marker = "extra == \"" + extra + "\"";
        if (semicolon < 0) {
            return requirement.strip() + "; " + marker;
        }
        return requirement.substring(0, semicolon).strip() + "; (" + requirement.substring(semicolon + 1).strip()
                + ") and " + marker;
    }

    private static @Nullable String string(JsonNode table, String key) throws MetadataException {
        JsonNode v = table.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MetadataException("pyproject.toml: " + key + " is not a string");
        }
        return v.asText();
    }

    private static List<String> stringList(JsonNode table, String key) throws MetadataException {
        JsonNode v = table.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MetadataException("pyproject.toml: " + Texts.quote(key) + " is not an array");
        }
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = v.elements(); it.hasNext();) {
            JsonNode e = it.next();
            if (!e.isTextual()) {
                throw new MetadataException("pyproject.toml: " + Texts.quote(key)
                        + " has an element that is not a string");
            }
            out.add(e.asText());
        }
        return out;
    }

    /**
     * The keys of one section of an INI file as {@code setup.cfg} writes it (continuation lines joined with
     * {@code \n}; comments and blank lines dropped; keys lower-cased).
     *
     * @param text the file
     * @param section the section name
     * @return key to value
     */
    static Map<String, String> iniSection(String text, String section) {
        Map<String, String> out = new java.util.TreeMap<>();
        boolean inSection = false;
        String key = null;
        for (String line : text.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                inSection = trimmed.substring(1, trimmed.length() - 1).strip().equals(section);
                key = null;
                continue;
            }
            if (!inSection || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            boolean continuation = Character.isWhitespace(line.charAt(0));
            if (continuation && key != null) {
                String previous = out.get(key);
                out.put(key, previous.isEmpty() ? trimmed : previous + "\n" + trimmed);
                continue;
            }
            int eq = indexOfSeparator(trimmed);
            if (eq <= 0) {
                key = null;
                continue;
            }
            key = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
            out.put(key, trimmed.substring(eq + 1).strip());
        }
        return out;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static @Nullable String staticCfgVersion(@Nullable String value) {
        String v = blankToNull(value);
        if (v == null || v.startsWith("attr:") || v.startsWith("file:")) {
            return null;
        }
        return v;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String firstGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(2).strip() : null;
    }

    private static String text(String file, byte[] bytes) throws MetadataException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MetadataException(file + " is not utf-8 text");
        }
    }
}
