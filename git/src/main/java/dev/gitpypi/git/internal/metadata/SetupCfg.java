package dev.gitpypi.git.internal.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code setup.cfg} as setuptools does ({@code configparser} without interpolation, keys lower-cased and
 * dashes turned into underscores): {@code [metadata]}, {@code [options]} ({@code python_requires},
 * {@code install_requires}, {@code package_dir}) and {@code [options.extras_require]}, with the {@code file:} and
 * {@code attr:} directives resolved from the tree — {@code attr:} by reading the named module's literal assignment,
 * as setuptools itself first tries, never by importing it. Not thread-safe.
 */
final class SetupCfg {
    private final PythonEvaluator python;
    private final Map<String, Map<String, String>> sections;

    private SetupCfg(PythonEvaluator python, String text) {
        this.python = python;
        this.sections = parse(text);
    }

    /**
     * Reads the options of a {@code setup.cfg}.
     *
     * @param text the file
     * @param python reads files and modules of the folder
     * @return the options (complete: what it does not say, it does not set)
     */
    static SetuptoolsOptions read(String text, PythonEvaluator python) {
        return new SetupCfg(python, text).options();
    }

    /**
     * The sections of an INI file as {@code configparser} reads it: name to (key to value). Keys lower-cased with
     * {@code -} as {@code _}; a key ends at the first {@code =} or {@code :}; continuation lines stripped and joined
     * with {@code \n} (so {@code key =} followed by indented lines gives a value that starts with {@code \n}, which
     * setuptools' list parsing looks at); trailing white space dropped; whole-line comments ({@code #}, {@code ;})
     * dropped, also inside values; a later key replaces an earlier one.
     *
     * @param text the file
     * @return the sections
     */
    static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> section = null;
        String key = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (key != null && section != null && (indented || trimmed.isEmpty())) {
                String previous = section.get(key);
                section.put(key, previous + "\n" + trimmed);
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = out.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1).strip(),
                        k -> new LinkedHashMap<>());
                key = null;
                continue;
            }
            int sep = separator(trimmed);
            if (section == null || sep <= 0) {
                key = null;
                continue;
            }
            key = trimmed.substring(0, sep).strip().toLowerCase(Locale.ROOT).replace('-', '_');
            section.put(key, trimmed.substring(sep + 1).strip());
        }
        for (Map<String, String> s : out.values()) {
            s.replaceAll((k, v) -> v.stripTrailing());
        }
        return out;
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private SetuptoolsOptions options() {
        SetuptoolsOptions o = new SetuptoolsOptions();
        Map<String, String> metadata = sections.getOrDefault("metadata", Map.of());
        Map<String, String> options = sections.getOrDefault("options", Map.of());
        Map<String, String> packageDir = dict(options.getOrDefault("package_dir", ""));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String option = SetuptoolsOptions.ALIASES.getOrDefault(e.getKey(), e.getKey());
            String value = e.getValue();
            if (!SetuptoolsOptions.METADATA.contains(option)) {
                continue;
            }
            Object parsed = switch (option) {
                case "version" -> version(value, packageDir);
                case "long_description" -> files(value).<Object>map(s -> s).orElse(value.strip());
                case "classifiers" -> value.strip().startsWith("file:") ? lines(files(value).orElse(""))
                        : list(value, ',');
                case "keywords", "platforms", "license_files" -> list(value, ',');
                case "project_urls" -> dict(value);
                default -> value.strip();
            };
            o.options.put(option, parsed);
        }
        if (options.containsKey("python_requires")) {
            o.options.put("python_requires", options.get("python_requires").strip());
        }
        if (options.containsKey("install_requires")) {
            o.options.put("install_requires", requirements(options.get("install_requires")));
        }
        Map<String, String> extras = sections.get("options.extras_require");
        if (extras != null) {
            Map<String, Object> parsed = new LinkedHashMap<>();
            extras.forEach((k, v) -> parsed.put(k, requirements(v)));
            o.options.put("extras_require", parsed);
        }
        return o;
    }

    /** {@code version = attr: pkg.__version__}, {@code file: VERSION} or a literal. */
    private Object version(String raw, Map<String, String> packageDir) {
        String value = raw.strip();
        if (value.startsWith("attr:")) {
            return attribute(value.substring(5).strip(), packageDir, python);
        }
        if (value.startsWith("file:")) {
            return files(value).<Object>map(String::strip).orElse(SetuptoolsOptions.UNKNOWN);
        }
        return value;
    }

    /**
     * The value of {@code attr: module.name}: the module found as setuptools finds it (through
     * {@code package_dir}), its literal assignment to {@code name} read; a tuple or list of numbers and strings is
     * joined with dots, as setuptools joins a version tuple.
     */
    static Object attribute(String spec, Map<String, String> packageDir, PythonEvaluator python) {
        int dot = spec.lastIndexOf('.');
        if (dot <= 0) {
            return SetuptoolsOptions.UNKNOWN;
        }
        String module = spec.substring(0, dot);
        String name = spec.substring(dot + 1);
        String first = module.split("\\.")[0];
        String rest = module.contains(".") ? module.substring(module.indexOf('.') + 1).replace('.', '/') : "";
        String base;
        if (packageDir.containsKey(first)) {
            base = PythonEvaluator.join(packageDir.get(first), rest);
        } else {
            base = PythonEvaluator.join(packageDir.getOrDefault("", ""), module.replace('.', '/'));
        }
        if (base == null) {
            return SetuptoolsOptions.UNKNOWN;
        }
        for (String candidate : List.of(base + ".py", base + "/__init__.py")) {
            Optional<PythonEvaluator.Parsed> m = python.module(candidate, 1);
            if (m.isPresent()) {
                PythonEvaluator.Value v = m.get().lookup(name);
                if (v instanceof PythonEvaluator.Str s) {
                    return s.s();
                }
                if (v instanceof PythonEvaluator.Seq seq && !seq.items().isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    for (PythonEvaluator.Value item : seq.items()) {
                        if (item instanceof PythonEvaluator.Num n) {
                            parts.add(n.text());
                        } else if (item instanceof PythonEvaluator.Str s) {
                            parts.add(s.s());
                        } else {
                            return SetuptoolsOptions.UNKNOWN;
                        }
                    }
                    return String.join(".", parts);
                }
                return SetuptoolsOptions.UNKNOWN;
            }
        }
        return SetuptoolsOptions.UNKNOWN;
    }

    /** {@code file: a, b}: the existing files' texts joined with {@code \n}; empty if the value is no directive. */
    private Optional<String> files(String raw) {
        String value = raw.strip();
        if (!value.startsWith("file:")) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (String f : list(value.substring(5), ',')) {
            String path = PythonEvaluator.join("", f);
            if (path != null) {
                python.text(path).ifPresent(texts::add);
            }
        }
        return Optional.of(String.join("\n", texts));
    }

    /** A requirements value ({@code file:} allowed): lines, or {@code ;}-separated on one line; no comments. */
    private List<String> requirements(String value) {
        String v = value.strip().startsWith("file:") ? files(value).orElse("") : value;
        List<String> out = new ArrayList<>();
        for (String r : list(v, ';')) {
            if (!r.startsWith("#")) {
                out.add(r);
            }
        }
        return out;
    }

    /** setuptools' {@code _parse_list}: lines when the value has several, else split at the separator. */
    static List<String> list(String value, char separator) {
        String[] parts = value.contains("\n") ? value.split("\n") : value.split(java.util.regex.Pattern.quote(
                String.valueOf(separator)));
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\r\n|\r|\n")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    /** setuptools' {@code _parse_dict}: one {@code key = value} per line. */
    static Map<String, String> dict(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : value.split("\n")) {
            int eq = line.indexOf('=');
            if (eq >= 0) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }
}
