package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.git.internal.metadata.PythonEvaluator.Dict;
import dev.gitpypi.git.internal.metadata.PythonEvaluator.Partial;
import dev.gitpypi.git.internal.metadata.PythonEvaluator.Seq;
import dev.gitpypi.git.internal.metadata.PythonEvaluator.Str;
import dev.gitpypi.git.internal.metadata.PythonEvaluator.Value;
import dev.gitpypi.git.internal.metadata.PythonParser.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keyword arguments of the {@code setup()} calls in {@code setup.py} — {@code setuptools.setup},
 * {@code distutils.core.setup}, {@code functools.partial(setup, ...)}, with {@code **arguments} spread from dicts
 * the module builds — through {@link PythonEvaluator}, without running anything. Several calls (a
 * {@code try}/{@code except} around two) agree on an option or leave it unknown. Not thread-safe.
 */
final class SetupPy {
    /**
     * What the calls say.
     *
     * @param options the options ({@code complete} false when a spread could not be read)
     * @param calls how many {@code setup()} calls were found
     */
    record Result(SetuptoolsOptions options, int calls) {
    }

    private SetupPy() {
    }

    /**
     * Reads {@code setup.py} of the folder.
     *
     * @param python the evaluator of the folder
     * @return the options, or empty when there is no readable {@code setup.py}
     */
    static Optional<Result> read(PythonEvaluator python) {
        Optional<PythonEvaluator.Parsed> module = python.module("setup.py", 0);
        if (module.isEmpty()) {
            return Optional.empty();
        }
        List<SetuptoolsOptions> calls = new ArrayList<>();
        for (PythonEvaluator.CallSite site : List.copyOf(module.get().calls)) {
            Value f = python.eval(site.call().func(), site.at());
            Map<String, Value> keywords = new LinkedHashMap<>();
            boolean complete = true;
            if (f instanceof Partial p && p.func().equals(PythonEvaluator.SETUP)) {
                keywords.putAll(p.keywords());
            } else if (!f.equals(PythonEvaluator.SETUP)) {
                continue;
            }
            for (Keyword k : site.call().keywords()) {
                if (k.name() != null) {
                    keywords.put(k.name(), python.eval(k.value(), site.at()));
                } else if (python.eval(k.value(), site.at()) instanceof Dict spread) {
                    keywords.putAll(spread.entries());
                } else if (python.resultKeys(k.value(), site.at()) != null) {
                    Objects.requireNonNull(python.resultKeys(k.value(), site.at()))
                            .forEach(key -> keywords.put(key, PythonEvaluator.UNKNOWN));
                } else {
                    complete = false;
                }
            }
            SetuptoolsOptions o = new SetuptoolsOptions();
            o.complete = complete;
            keywords.forEach((k, v) -> {
                if (SetuptoolsOptions.METADATA.contains(k)) {
                    o.options.put(k, option(k, v));
                }
            });
            calls.add(o);
        }
        return Optional.of(new Result(agree(calls), calls.size()));
    }

    /** Options several calls agree on; an option they disagree on (or that some leave out) is unknown. */
    private static SetuptoolsOptions agree(List<SetuptoolsOptions> calls) {
        SetuptoolsOptions out = new SetuptoolsOptions();
        if (calls.isEmpty()) {
            out.complete = false;
            return out;
        }
        Set<String> keys = new LinkedHashSet<>();
        calls.forEach(c -> keys.addAll(c.options.keySet()));
        for (String k : keys) {
            Object first = calls.get(0).options.get(k);
            boolean same = calls.stream().allMatch(c -> Objects.equals(c.options.get(k), first));
            out.options.put(k, same && first != null ? first : SetuptoolsOptions.UNKNOWN);
        }
        out.complete = calls.stream().allMatch(c -> c.complete);
        return out;
    }

    /** A keyword's value as an option value: a string, a list of strings, a map, or unknown. */
    private static Object option(String keyword, Value v) {
        switch (keyword) {
            case "install_requires" -> {
                if (v instanceof Str s) {
                    return SetuptoolsOptions.requirementLines(s.s());
                }
                return strings(v);
            }
            case "extras_require", "project_urls" -> {
                if (!(v instanceof Dict d)) {
                    return SetuptoolsOptions.UNKNOWN;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, Value> e : d.entries().entrySet()) {
                    Object item = keyword.equals("project_urls") ? (e.getValue() instanceof Str s ? s.s() : null)
                            : e.getValue() instanceof Str s ? SetuptoolsOptions.requirementLines(s.s()) : strings(e.getValue());
                    if (item == null || item == SetuptoolsOptions.UNKNOWN) {
                        return SetuptoolsOptions.UNKNOWN;
                    }
                    out.put(e.getKey(), item);
                }
                return out;
            }
            case "classifiers", "license_files", "platforms", "keywords" -> {
                return v instanceof Str s ? s.s() : strings(v);
            }
            default -> {
                return v instanceof Str s ? s.s() : SetuptoolsOptions.UNKNOWN;
            }
        }
    }

    private static Object strings(Value v) {
        if (!(v instanceof Seq seq)) {
            return SetuptoolsOptions.UNKNOWN;
        }
        List<String> out = new ArrayList<>();
        for (Value item : seq.items()) {
            if (!(item instanceof Str s)) {
                return SetuptoolsOptions.UNKNOWN;
            }
            out.add(s.s());
        }
        return out;
    }
}
