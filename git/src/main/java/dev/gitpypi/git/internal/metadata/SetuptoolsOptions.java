package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.core.CoreMetadata.Field;
import dev.gitpypi.core.ProjectName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The metadata options of setuptools ({@code setup()} keywords and their {@code setup.cfg} spellings), as read from
 * one source: each option known (a string, a list of strings, a map) or known to be given but {@link #UNKNOWN}.
 * An option not given at all is absent from the map; whether that means "absent" or "maybe set by something this
 * reader could not see" is {@link #complete}. Not thread-safe.
 */
final class SetuptoolsOptions {
    /** A value that is given but cannot be known without running code. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "<unknown>";
        }
    };

    /** Option names, with {@code setup.cfg}'s aliases mapped to them. */
    static final Map<String, String> ALIASES = Map.of("home_page", "url", "summary", "description",
            "classifier", "classifiers", "platform", "platforms", "requires_python", "python_requires");

    static final Set<String> METADATA = Set.of("name", "version", "description", "long_description",
            "long_description_content_type", "url", "download_url", "author", "author_email", "maintainer",
            "maintainer_email", "license", "license_file", "license_files", "classifiers", "keywords", "platforms",
            "project_urls", "python_requires", "install_requires", "extras_require");

    final Map<String, Object> options = new LinkedHashMap<>();
    /** Whether options not in the map are known to be absent (false when {@code **unknown} was passed). */
    boolean complete = true;

    /** @return the option's value: a String, a List of String, a Map, {@link #UNKNOWN}, or null when not given */
    @Nullable Object get(String option) {
        return options.get(option);
    }

    /**
     * Options from a higher-priority source win (setuptools: {@code setup()} keywords over {@code setup.cfg}).
     *
     * @param low the lower-priority options
     * @param high the higher-priority options
     * @return the merged options
     */
    static SetuptoolsOptions merge(SetuptoolsOptions low, SetuptoolsOptions high) {
        SetuptoolsOptions out = new SetuptoolsOptions();
        out.options.putAll(low.options);
        out.options.putAll(high.options);
        if (!high.complete) {
            // a spread of unknown keywords may set any option the low source set too
            for (String k : low.options.keySet()) {
                if (!high.options.containsKey(k)) {
                    out.options.put(k, UNKNOWN);
                }
            }
        }
        out.complete = low.complete && high.complete;
        return out;
    }

    /**
     * Writes the fields these options determine into a draft. Fields whose option is given but unknown become
     * dynamic; fields whose option is not given become absent when the options are complete, else dynamic.
     *
     * @param d the draft
     * @param only the fields to write (all tracked fields, or the dynamic ones of a pyproject.toml)
     */
    void apply(Draft d, Set<Field> only) {
        single(d, only, Field.SUMMARY, "description");
        single(d, only, Field.DESCRIPTION, "long_description");
        single(d, only, Field.DESCRIPTION_CONTENT_TYPE, "long_description_content_type");
        single(d, only, Field.HOME_PAGE, "url");
        single(d, only, Field.DOWNLOAD_URL, "download_url");
        single(d, only, Field.AUTHOR, "author");
        single(d, only, Field.AUTHOR_EMAIL, "author_email");
        single(d, only, Field.MAINTAINER, "maintainer");
        single(d, only, Field.MAINTAINER_EMAIL, "maintainer_email");
        single(d, only, Field.LICENSE, "license");
        single(d, only, Field.REQUIRES_PYTHON, "python_requires");
        list(d, only, Field.CLASSIFIER, "classifiers");
        list(d, only, Field.KEYWORDS, "keywords");
        list(d, only, Field.PLATFORM, "platforms");
        if (only.contains(Field.LICENSE_FILE)) {
            Object files = options.containsKey("license_files") ? options.get("license_files")
                    : options.get("license_file");
            if (files == UNKNOWN) {
                d.dynamic(Field.LICENSE_FILE);
            } else if (files != null) {
                d.list(Field.LICENSE_FILE, strings(files));
            }
        }
        if (only.contains(Field.PROJECT_URL)) {
            Object urls = options.get("project_urls");
            if (urls instanceof Map<?, ?> m) {
                Map<String, String> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put((String) k, (String) v));
                d.urls(out);
            } else if (urls == UNKNOWN || (urls == null && !complete)) {
                d.dynamic(Field.PROJECT_URL);
            } else {
                d.urls(Map.of());
            }
        }
        if (only.contains(Field.REQUIRES_DIST) || only.contains(Field.PROVIDES_EXTRA)) {
            dependencies(d);
        }
    }

    private void single(Draft d, Set<Field> only, Field f, String option) {
        if (!only.contains(f)) {
            return;
        }
        Object v = options.get(option);
        if (v instanceof String s) {
            d.single(f, s);
        } else if (v == UNKNOWN || (v == null && !complete) || v instanceof List || v instanceof Map) {
            d.dynamic(f);
        } else {
            d.single(f, null);
        }
    }

    private void list(Draft d, Set<Field> only, Field f, String option) {
        if (!only.contains(f)) {
            return;
        }
        Object v = options.get(option);
        if (v == UNKNOWN || (v == null && !complete) || v instanceof Map) {
            d.dynamic(f);
        } else {
            d.list(f, v == null ? List.of() : strings(v));
        }
    }

    private static List<String> strings(Object v) {
        if (v instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add((String) o);
        }
        return out;
    }

    private void dependencies(Draft d) {
        Object install = options.get("install_requires");
        Object extras = options.get("extras_require");
        boolean installKnown = install instanceof List || (install == null && complete);
        boolean extrasKnown = extras instanceof Map || (extras == null && complete);
        if (!installKnown || !extrasKnown) {
            d.dynamic(Field.REQUIRES_DIST);
            if (!extrasKnown) {
                d.dynamic(Field.PROVIDES_EXTRA);
            } else {
                d.list(Field.PROVIDES_EXTRA, extraNames(extras));
            }
            return;
        }
        List<String> requires = new ArrayList<>(install == null ? List.of() : strings(install));
        List<String> provided = new ArrayList<>();
        if (extras instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = (String) e.getKey();
                int colon = key.indexOf(':');
                String extra = (colon < 0 ? key : key.substring(0, colon)).strip();
                String marker = colon < 0 ? null : key.substring(colon + 1).strip();
                String normalized = extra.isEmpty() ? null : ProjectName.normalize(extra);
                if (normalized != null && !provided.contains(normalized)) {
                    provided.add(normalized);
                }
                for (String r : strings(e.getValue())) {
                    requires.add(withMarkers(r, marker, normalized));
                }
            }
        }
        d.list(Field.PROVIDES_EXTRA, provided);
        d.list(Field.REQUIRES_DIST, requires);
    }

    private static List<String> extraNames(@Nullable Object extras) {
        List<String> out = new ArrayList<>();
        if (extras instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                String key = (String) k;
                int colon = key.indexOf(':');
                String extra = (colon < 0 ? key : key.substring(0, colon)).strip();
                if (!extra.isEmpty() && !out.contains(ProjectName.normalize(extra))) {
                    out.add(ProjectName.normalize(extra));
                }
            }
        }
        return out;
    }

    /**
     * Requirements written one per line: stripped, without empty lines and {@code #} comments.
     *
     * @param text the lines
     * @return the requirements
     */
    static List<String> requirementLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * A requirement with an extra's condition added, as setuptools writes it: {@code req; (own marker) and
     * (section marker) and extra == "name"}.
     *
     * @param requirement the requirement, possibly with its own marker
     * @param marker a marker from an {@code extras_require} key ({@code "extra:marker"}), or null
     * @param extra the normalized extra name, or null
     * @return the Requires-Dist value
     */
    static String withMarkers(String requirement, @Nullable String marker, @Nullable String extra) {
        int semicolon = requirement.indexOf(';');
        String req = (semicolon < 0 ? requirement : requirement.substring(0, semicolon)).strip();
        List<String> conditions = new ArrayList<>();
        if (semicolon >= 0 && !requirement.substring(semicolon + 1).isBlank()) {
            conditions.add(requirement.substring(semicolon + 1).strip());
        }
        if (marker != null && !marker.isEmpty()) {
            conditions.add(marker);
        }
        if (extra != null) {
            conditions.add("extra == \"" + extra + "\"");
        }
        if (conditions.isEmpty()) {
            return req;
        }
        if (conditions.size() == 1) {
            return req + "; " + conditions.get(0);
        }
        StringBuilder s = new StringBuilder(req).append("; ");
        for (int i = 0; i < conditions.size(); i++) {
            String c = conditions.get(i);
            boolean last = i == conditions.size() - 1 && extra != null;
            s.append(i == 0 ? "" : " and ").append(last ? c : "(" + c + ")");
        }
        return s.toString();
    }
}
