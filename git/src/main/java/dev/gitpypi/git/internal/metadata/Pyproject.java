package dev.gitpypi.git.internal.metadata;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gitpypi.core.CoreMetadata.Field;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code pyproject.toml}: the {@code [build-system]} backend and the {@code [project]} table (PEP 621, with
 * PEP 639's {@code license} expression and {@code license-files}); the fields it lists in {@code dynamic} are
 * filled from {@code [tool.setuptools.dynamic]} or from {@code setup.cfg}/{@code setup.py} when the backend is
 * setuptools, and otherwise stay {@code Dynamic}. Without {@code [project]}, poetry's {@code [tool.poetry]} and
 * flit's old {@code [tool.flit.metadata]} name the project. Not thread-safe.
 */
final class Pyproject {
    static final String LEGACY_BACKEND = "setuptools.build_meta:__legacy__";
    private static final TomlMapper TOML = new TomlMapper();

    /** What the file says. */
    static final class Result {
        @Nullable String name;
        @Nullable String version;
        String backend = LEGACY_BACKEND;
        /** Whether a [project] (or a tool table that replaces it) was found and is the source of the metadata. */
        boolean hasProject;
        /** What the file says about the name when it does not give one. */
        String nameNote = "";
        /** The dynamic fields of [project] that still need setup.cfg/setup.py (setuptools backends only). */
        Set<Field> fromSetuptools = EnumSet.noneOf(Field.class);
        boolean versionFromSetuptools;
        final Draft draft = new Draft();
    }

    private final PythonEvaluator python;
    private final TreeFiles files;

    Pyproject(PythonEvaluator python, TreeFiles files) {
        this.python = python;
        this.files = files;
    }

    /**
     * Reads the file.
     *
     * @param text its text
     * @return what it says
     * @throws MetadataException if it is not valid TOML, a field has the wrong type, or a readme cannot be used
     * @throws IOException if the tree cannot be read
     */
    Result read(String text) throws MetadataException, IOException {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage();
            throw new MetadataException("pyproject.toml is not valid toml: "
                    + Texts.quote(detail == null ? e.getClass().getSimpleName() : detail)
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        Result r = new Result();
        if (root == null || !root.isObject()) {
            r.nameNote = "pyproject.toml is empty";
            return r;
        }
        JsonNode buildSystem = root.get("build-system");
        if (buildSystem != null && buildSystem.isObject() && buildSystem.get("build-backend") != null) {
            r.backend = string(buildSystem, "build-backend", "build-system");
        }
        JsonNode project = root.get("project");
        if (project == null) {
            JsonNode tool = root.get("tool");
            if (tool != null && tool.get("poetry") != null && tool.get("poetry").isObject()
                    && tool.get("poetry").get("name") != null) {
                poetry(tool.get("poetry"), r);
            } else if (tool != null && tool.get("flit") != null && tool.get("flit").get("metadata") != null) {
                flit(tool.get("flit").get("metadata"), r);
            } else {
                r.nameNote = "pyproject.toml has no [project] table";
            }
            return r;
        }
        if (!project.isObject()) {
            throw new MetadataException("pyproject.toml: [project] is not a table");
        }
        project(project, root, r);
        return r;
    }

    private void project(JsonNode project, JsonNode root, Result r) throws MetadataException, IOException {
        r.hasProject = true;
        Set<String> dynamic = new HashSet<>(stringList(project, "dynamic", "project"));
        r.name = string(project, "name", "project");
        if (r.name == null) {
            throw new MetadataException("pyproject.toml: [project] has no name (a name is required and never"
                    + " dynamic)");
        }
        if (dynamic.contains("name")) {
            throw new MetadataException("pyproject.toml: [project] lists name in dynamic (the name is never dynamic)");
        }
        r.version = dynamic.contains("version") ? null : string(project, "version", "project");
        if (r.version == null && !dynamic.contains("version")) {
            throw new MetadataException("pyproject.toml: [project] has neither a version nor dynamic = [\"version\"]");
        }
        boolean setuptools = r.backend.startsWith("setuptools.build_meta");
        JsonNode setuptoolsDynamic = path(root, "tool", "setuptools", "dynamic");
        Draft d = r.draft;

        if (dynamic.contains("description")) {
            String text = setuptools ? dynamicFiles(setuptoolsDynamic, "description") : null;
            if (text != null) {
                d.single(Field.SUMMARY, text.strip());
            } else {
                dyn(r, setuptools, Field.SUMMARY);
            }
        } else {
            d.single(Field.SUMMARY, string(project, "description", "project"));
        }
        if (dynamic.contains("readme")) {
            JsonNode readme = setuptoolsDynamic == null ? null : setuptoolsDynamic.get("readme");
            if (setuptools && readme != null && readme.isObject()) {
                String text = dynamicFiles(setuptoolsDynamic, "readme");
                String type = readme.get("content-type") != null ? readme.get("content-type").asText() : null;
                if (text != null) {
                    d.single(Field.DESCRIPTION, text);
                    d.single(Field.DESCRIPTION_CONTENT_TYPE, type != null ? type : "text/x-rst");
                } else {
                    d.dynamic(Field.DESCRIPTION, Field.DESCRIPTION_CONTENT_TYPE);
                }
            } else {
                dyn(r, setuptools, Field.DESCRIPTION, Field.DESCRIPTION_CONTENT_TYPE);
            }
        } else {
            readme(project.get("readme"), d);
        }
        if (dynamic.contains("requires-python")) {
            dyn(r, setuptools, Field.REQUIRES_PYTHON);
        } else {
            d.single(Field.REQUIRES_PYTHON, string(project, "requires-python", "project"));
        }
        if (dynamic.contains("license")) {
            dyn(r, setuptools, Field.LICENSE);
            d.dynamic(Field.LICENSE_EXPRESSION);
        } else {
            license(project.get("license"), d);
        }
        if (dynamic.contains("license-files")) {
            d.dynamic(Field.LICENSE_FILE);
        } else if (project.get("license-files") != null && project.get("license-files").isObject()) {
            // the draft PEP 639 form hatchling accepted before 1.27: {paths = [...]} or {globs = [...]}
            JsonNode table = project.get("license-files");
            List<String> globs = new ArrayList<>();
            for (String p : stringList(table, "paths", "project.license-files")) {
                globs.add(p.replaceAll("[\\[\\]*?]", "[$0]"));
            }
            globs.addAll(stringList(table, "globs", "project.license-files"));
            licenseFiles(globs, d);
        } else if (project.get("license-files") != null) {
            licenseFiles(stringList(project, "license-files", "project"), d);
        } else {
            d.list(Field.LICENSE_FILE, List.of());
        }
        people(project, "authors", Field.AUTHOR, Field.AUTHOR_EMAIL, dynamic, d);
        people(project, "maintainers", Field.MAINTAINER, Field.MAINTAINER_EMAIL, dynamic, d);
        if (dynamic.contains("keywords")) {
            d.dynamic(Field.KEYWORDS);
        } else {
            d.list(Field.KEYWORDS, stringList(project, "keywords", "project"));
        }
        if (dynamic.contains("classifiers")) {
            String text = setuptools ? dynamicFiles(setuptoolsDynamic, "classifiers") : null;
            if (text != null) {
                d.list(Field.CLASSIFIER, SetupCfg.list(text.strip(), '\n'));
            } else {
                dyn(r, setuptools, Field.CLASSIFIER);
            }
        } else {
            d.list(Field.CLASSIFIER, stringList(project, "classifiers", "project"));
        }
        if (dynamic.contains("urls")) {
            dyn(r, setuptools, Field.PROJECT_URL);
        } else {
            JsonNode urls = project.get("urls");
            Map<String, String> out = new LinkedHashMap<>();
            if (urls != null) {
                if (!urls.isObject()) {
                    throw new MetadataException("pyproject.toml: [project] urls is not a table");
                }
                for (Map.Entry<String, JsonNode> e : urls.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new MetadataException("pyproject.toml: [project.urls] " + Texts.quote(e.getKey())
                                + " is not a string");
                    }
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
            d.urls(out);
        }
        dependencies(project, dynamic, setuptools, setuptoolsDynamic, r);
        d.list(Field.PLATFORM, List.of());
        d.single(Field.HOME_PAGE, null);
        d.single(Field.DOWNLOAD_URL, null);
        if (r.version == null) {
            r.version = dynamicVersion(root, setuptools, setuptoolsDynamic, r);
        }
    }

    /**
     * A dynamic version that can still be read: setuptools' {@code [tool.setuptools.dynamic] version} ({@code attr}
     * or {@code file}), hatch's {@code [tool.hatch.version] path}; for setuptools without either, setup.cfg/setup.py
     * may give it ({@link Result#versionFromSetuptools}).
     */
    private @Nullable String dynamicVersion(JsonNode root, boolean setuptools, @Nullable JsonNode setuptoolsDynamic,
            Result r) {
        JsonNode v = setuptoolsDynamic == null ? null : setuptoolsDynamic.get("version");
        if (setuptools && v == null) {
            r.versionFromSetuptools = true;
            return null;
        }
        if (setuptools && v.isObject() && v.get("attr") != null) {
            Map<String, String> packageDir = new LinkedHashMap<>();
            JsonNode dirs = path(root, "tool", "setuptools", "package-dir");
            if (dirs != null && dirs.isObject()) {
                dirs.properties().forEach(e -> packageDir.put(e.getKey(), e.getValue().asText()));
            }
            return SetupCfg.attribute(v.get("attr").asText(), packageDir, python) instanceof String s ? s : null;
        }
        if (setuptools && v.isObject() && v.get("file") != null) {
            String text = dynamicFiles(setuptoolsDynamic, "version");
            return text == null ? null : text.strip();
        }
        JsonNode hatch = path(root, "tool", "hatch", "version", "path");
        if (r.backend.startsWith("hatchling") && hatch != null && hatch.isTextual()
                && path(root, "tool", "hatch", "version", "pattern") == null) {
            String file = PythonEvaluator.join("", hatch.asText());
            Optional<PythonEvaluator.Parsed> m = file == null || !file.endsWith(".py") ? Optional.empty()
                    : python.module(file, 1);
            if (m.isPresent()) {
                PythonEvaluator.Value value = m.get().lookup("__version__");
                if (!(value instanceof PythonEvaluator.Str)) {
                    value = m.get().lookup("VERSION");
                }
                return value instanceof PythonEvaluator.Str s ? s.s() : null;
            }
        }
        return null;
    }

    /** A dynamic field: filled from setup.cfg/setup.py later for setuptools, else dynamic. */
    private static void dyn(Result r, boolean setuptools, Field... fields) {
        r.draft.dynamic(fields);
        if (setuptools) {
            r.fromSetuptools.addAll(List.of(fields));
        }
    }

    private void dependencies(JsonNode project, Set<String> dynamic, boolean setuptools,
            @Nullable JsonNode setuptoolsDynamic, Result r) throws MetadataException {
        Draft d = r.draft;
        List<String> requires = new ArrayList<>();
        boolean known = true;
        if (dynamic.contains("dependencies")) {
            String text = setuptools ? dynamicFiles(setuptoolsDynamic, "dependencies") : null;
            if (text == null) {
                known = false;
            } else {
                requires.addAll(SetuptoolsOptions.requirementLines(text));
            }
        } else {
            requires.addAll(stringList(project, "dependencies", "project"));
        }
        List<String> extras = new ArrayList<>();
        boolean extrasKnown = true;
        if (dynamic.contains("optional-dependencies")) {
            JsonNode od = setuptoolsDynamic == null ? null : setuptoolsDynamic.get("optional-dependencies");
            if (setuptools && od != null && od.isObject()) {
                List<String> names = new ArrayList<>();
                od.fieldNames().forEachRemaining(names::add);
                for (String extra : names) {
                    String text = dynamicFiles(od, extra);
                    if (text == null) {
                        extrasKnown = false;
                        break;
                    }
                    String normalized = ProjectName.normalize(extra);
                    extras.add(normalized);
                    for (String req : SetuptoolsOptions.requirementLines(text)) {
                        requires.add(SetuptoolsOptions.withMarkers(req, null, normalized));
                    }
                }
            } else {
                extrasKnown = false;
            }
        } else {
            JsonNode optional = project.get("optional-dependencies");
            if (optional != null) {
                if (!optional.isObject()) {
                    throw new MetadataException("pyproject.toml: [project] optional-dependencies is not a table");
                }
                extras(optional, "project.optional-dependencies", extras, requires);
            }
        }
        if (known && extrasKnown) {
            d.list(Field.REQUIRES_DIST, requires);
            d.list(Field.PROVIDES_EXTRA, extras);
            return;
        }
        dyn(r, setuptools, Field.REQUIRES_DIST);
        if (extrasKnown) {
            d.list(Field.PROVIDES_EXTRA, extras);
        } else {
            dyn(r, setuptools, Field.PROVIDES_EXTRA);
        }
    }

    /** A table of extra name to requirements: normalized extras, requirements with their extra's marker. */
    private static void extras(JsonNode table, String where, List<String> extras, List<String> requires)
            throws MetadataException {
        List<String> names = new ArrayList<>();
        table.fieldNames().forEachRemaining(names::add);
        for (String extra : names) {
            String normalized = ProjectName.normalize(extra);
            extras.add(normalized);
            for (String requirement : stringList(table, extra, where)) {
                requires.add(SetuptoolsOptions.withMarkers(requirement, null, normalized));
            }
        }
    }

    /** {@code [tool.setuptools.dynamic] key = {file = ...}}: the files' text, or null when not given that way. */
    private @Nullable String dynamicFiles(@Nullable JsonNode table, String key) {
        JsonNode v = table == null ? null : table.get(key);
        JsonNode file = v == null || !v.isObject() ? null : v.get("file");
        if (file == null) {
            return null;
        }
        List<String> paths = new ArrayList<>();
        if (file.isTextual()) {
            paths.add(file.asText());
        } else if (file.isArray()) {
            file.forEach(f -> paths.add(f.asText()));
        }
        List<String> texts = new ArrayList<>();
        for (String p : paths) {
            String path = PythonEvaluator.join("", p);
            if (path == null) {
                return null;
            }
            Optional<String> t = python.text(path);
            if (t.isEmpty()) {
                return null;
            }
            texts.add(t.get());
        }
        return String.join("\n", texts);
    }

    private void readme(@Nullable JsonNode readme, Draft d) throws MetadataException {
        if (readme == null) {
            d.single(Field.DESCRIPTION, null);
            d.single(Field.DESCRIPTION_CONTENT_TYPE, null);
            return;
        }
        String file;
        String type = null;
        String text = null;
        if (readme.isTextual()) {
            file = readme.asText();
        } else if (readme.isObject()) {
            file = readme.get("file") != null ? readme.get("file").asText() : null;
            text = readme.get("text") != null ? readme.get("text").asText() : null;
            type = readme.get("content-type") != null ? readme.get("content-type").asText() : null;
            if ((file == null) == (text == null)) {
                throw new MetadataException("pyproject.toml: readme must have exactly one of file and text");
            }
            if (type == null) {
                throw new MetadataException("pyproject.toml: readme has no content-type");
            }
        } else {
            throw new MetadataException("pyproject.toml: readme is neither a string nor a table");
        }
        if (file != null) {
            if (type == null) {
                String lower = file.toLowerCase(Locale.ROOT);
                type = lower.endsWith(".md") ? "text/markdown" : lower.endsWith(".rst") ? "text/x-rst"
                        : lower.endsWith(".txt") ? "text/plain" : null;
                if (type == null) {
                    throw new MetadataException("pyproject.toml: readme " + Texts.quote(file)
                            + " has no known extension (.md, .rst, .txt) and no content-type");
                }
            }
            String path = PythonEvaluator.join("", file);
            Optional<String> content = path == null ? Optional.empty() : python.text(path);
            if (content.isEmpty()) {
                throw new MetadataException("pyproject.toml: readme file " + Texts.quote(file)
                        + " is not in the project folder (or is not utf-8 text)");
            }
            text = content.get();
        }
        d.single(Field.DESCRIPTION, text);
        d.single(Field.DESCRIPTION_CONTENT_TYPE, type);
    }

    private void license(@Nullable JsonNode license, Draft d) throws MetadataException {
        d.single(Field.LICENSE, null);
        d.single(Field.LICENSE_EXPRESSION, null);
        if (license == null) {
            return;
        }
        if (license.isTextual()) {
            d.single(Field.LICENSE_EXPRESSION, license.asText());
        } else if (license.isObject() && license.get("text") != null) {
            d.single(Field.LICENSE, license.get("text").asText());
        } else if (license.isObject() && license.get("file") != null) {
            String path = PythonEvaluator.join("", license.get("file").asText());
            Optional<String> content = path == null ? Optional.empty() : python.text(path);
            if (content.isEmpty()) {
                throw new MetadataException("pyproject.toml: license file " + Texts.quote(license.get("file").asText())
                        + " is not in the project folder (or is not utf-8 text)");
            }
            d.single(Field.LICENSE, content.get());
        } else {
            throw new MetadataException("pyproject.toml: license is neither a string nor a table with text or file");
        }
    }

    /** PEP 639 {@code license-files}: the tree's files matching the globs, sorted; dynamic if the tree cannot list. */
    private void licenseFiles(List<String> globs, Draft d) throws IOException {
        Optional<List<String>> all = files.list();
        if (all.isEmpty()) {
            d.dynamic(Field.LICENSE_FILE);
            return;
        }
        List<String> matched = new ArrayList<>();
        for (String glob : globs) {
            java.util.regex.Pattern p = Globs.compile(glob);
            for (String f : all.get()) {
                if (p.matcher(f).matches() && !matched.contains(f)) {
                    matched.add(f);
                }
            }
        }
        matched.sort(null);
        d.list(Field.LICENSE_FILE, matched);
    }

    /** PEP 621 {@code authors}/{@code maintainers}: names without email in one field, {@code name <email>} in the other. */
    private static void people(JsonNode project, String key, Field names, Field emails, Set<String> dynamic, Draft d)
            throws MetadataException {
        if (dynamic.contains(key)) {
            d.dynamic(names, emails);
            return;
        }
        JsonNode list = project.get(key);
        List<String> plain = new ArrayList<>();
        List<String> withEmail = new ArrayList<>();
        if (list != null) {
            if (!list.isArray()) {
                throw new MetadataException("pyproject.toml: [project] " + key + " is not an array");
            }
            for (JsonNode person : list) {
                if (!person.isObject()) {
                    throw new MetadataException("pyproject.toml: [project] " + key + " has an entry that is not a"
                            + " table");
                }
                String name = person.get("name") == null ? null : person.get("name").asText();
                String email = person.get("email") == null ? null : person.get("email").asText();
                if (email != null) {
                    withEmail.add(name == null ? email : quoteName(name) + " <" + email + ">");
                } else if (name != null) {
                    plain.add(name);
                }
            }
        }
        d.single(names, plain.isEmpty() ? null : String.join(", ", plain));
        d.single(emails, withEmail.isEmpty() ? null : String.join(", ", withEmail));
    }

    /** A display name as email headers need it: quoted when it holds a comma or another special character. */
    private static String quoteName(String name) {
        if (name.chars().anyMatch(c -> "()<>@,:;.\"[]".indexOf(c) >= 0)) {
            return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return name;
    }

    /** Poetry before 2.0: {@code [tool.poetry]}. Dependencies are not converted (they stay dynamic). */
    private void poetry(JsonNode poetry, Result r) throws MetadataException {
        r.hasProject = true;
        Draft d = r.draft;
        r.name = string(poetry, "name", "tool.poetry");
        r.version = string(poetry, "version", "tool.poetry");
        d.single(Field.SUMMARY, string(poetry, "description", "tool.poetry"));
        JsonNode readme = poetry.get("readme");
        if (readme != null && readme.isTextual()) {
            readme(readme, d);
        } else {
            d.dynamic(Field.DESCRIPTION, Field.DESCRIPTION_CONTENT_TYPE);
        }
        String license = string(poetry, "license", "tool.poetry");
        d.single(Field.LICENSE, license);
        d.list(Field.KEYWORDS, stringList(poetry, "keywords", "tool.poetry"));
        d.dynamic(Field.CLASSIFIER);
        List<String> authors = stringList(poetry, "authors", "tool.poetry");
        d.single(Field.AUTHOR, null);
        d.single(Field.AUTHOR_EMAIL, authors.isEmpty() ? null : String.join(", ", authors));
        List<String> maintainers = stringList(poetry, "maintainers", "tool.poetry");
        d.single(Field.MAINTAINER, null);
        d.single(Field.MAINTAINER_EMAIL, maintainers.isEmpty() ? null : String.join(", ", maintainers));
        d.single(Field.HOME_PAGE, string(poetry, "homepage", "tool.poetry"));
        Map<String, String> urls = new LinkedHashMap<>();
        for (String k : List.of("repository", "documentation")) {
            String u = string(poetry, k, "tool.poetry");
            if (u != null) {
                urls.put(k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1), u);
            }
        }
        JsonNode extra = poetry.get("urls");
        if (extra != null && extra.isObject()) {
            extra.properties().forEach(e -> urls.put(e.getKey(), e.getValue().asText()));
        }
        d.urls(urls);
        JsonNode deps = poetry.get("dependencies");
        JsonNode python = deps == null ? null : deps.get("python");
        String requiresPython = python != null && python.isTextual() ? PoetryConstraints.toPep440(python.asText())
                : null;
        if (python != null && requiresPython == null) {
            d.dynamic(Field.REQUIRES_PYTHON);
        } else {
            d.single(Field.REQUIRES_PYTHON, requiresPython == null || requiresPython.isEmpty() ? null
                    : requiresPython);
        }
        d.dynamic(Field.REQUIRES_DIST, Field.PROVIDES_EXTRA);
        d.list(Field.PLATFORM, List.of());
        d.single(Field.DOWNLOAD_URL, null);
        d.list(Field.LICENSE_FILE, List.of());
        d.single(Field.LICENSE_EXPRESSION, null);
    }

    /** flit before 3.2: {@code [tool.flit.metadata]}. */
    private void flit(JsonNode meta, Result r) throws MetadataException {
        r.hasProject = true;
        Draft d = r.draft;
        String module = string(meta, "module", "tool.flit.metadata");
        String distName = string(meta, "dist-name", "tool.flit.metadata");
        r.name = distName != null ? distName : module;
        if (r.name == null) {
            r.nameNote = "pyproject.toml's [tool.flit.metadata] names no module";
        }
        d.dynamic(Field.SUMMARY);
        String descriptionFile = string(meta, "description-file", "tool.flit.metadata");
        if (descriptionFile != null) {
            JsonNode node = TOML.getNodeFactory().textNode(descriptionFile);
            readme(node, d);
        } else {
            d.single(Field.DESCRIPTION, null);
            d.single(Field.DESCRIPTION_CONTENT_TYPE, null);
        }
        d.single(Field.REQUIRES_PYTHON, string(meta, "requires-python", "tool.flit.metadata"));
        d.single(Field.HOME_PAGE, string(meta, "home-page", "tool.flit.metadata"));
        d.single(Field.AUTHOR, string(meta, "author", "tool.flit.metadata"));
        d.single(Field.AUTHOR_EMAIL, string(meta, "author-email", "tool.flit.metadata"));
        d.single(Field.MAINTAINER, string(meta, "maintainer", "tool.flit.metadata"));
        d.single(Field.MAINTAINER_EMAIL, string(meta, "maintainer-email", "tool.flit.metadata"));
        d.single(Field.LICENSE, string(meta, "license", "tool.flit.metadata"));
        String keywords = string(meta, "keywords", "tool.flit.metadata");
        d.list(Field.KEYWORDS, keywords == null ? List.of() : List.of(keywords));
        d.list(Field.CLASSIFIER, stringList(meta, "classifiers", "tool.flit.metadata"));
        List<String> requires = new ArrayList<>(stringList(meta, "requires", "tool.flit.metadata"));
        List<String> extras = new ArrayList<>();
        JsonNode requiresExtra = meta.get("requires-extra");
        if (requiresExtra != null && requiresExtra.isObject()) {
            extras(requiresExtra, "tool.flit.metadata.requires-extra", extras, requires);
        }
        d.list(Field.REQUIRES_DIST, requires);
        d.list(Field.PROVIDES_EXTRA, extras);
        JsonNode urls = meta.get("urls");
        Map<String, String> out = new LinkedHashMap<>();
        if (urls != null && urls.isObject()) {
            urls.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        d.urls(out);
        d.list(Field.PLATFORM, List.of());
        d.single(Field.DOWNLOAD_URL, null);
        d.list(Field.LICENSE_FILE, List.of());
        d.single(Field.LICENSE_EXPRESSION, null);
    }

    private static @Nullable JsonNode path(JsonNode root, String... keys) {
        JsonNode n = root;
        for (String k : keys) {
            n = n == null || !n.isObject() ? null : n.get(k);
        }
        return n;
    }

    private static @Nullable String string(JsonNode table, String key, String where) throws MetadataException {
        JsonNode v = table.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MetadataException("pyproject.toml: " + key + " in [" + where + "] is not a string");
        }
        return v.asText();
    }

    private static List<String> stringList(JsonNode table, String key, String where) throws MetadataException {
        JsonNode v = table.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MetadataException("pyproject.toml: " + Texts.quote(key) + " in [" + where + "] is not an array");
        }
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = v.elements(); it.hasNext();) {
            JsonNode e = it.next();
            if (!e.isTextual()) {
                throw new MetadataException("pyproject.toml: " + Texts.quote(key) + " in [" + where
                        + "] has an element that is not a string");
            }
            out.add(e.asText());
        }
        return out;
    }
}
