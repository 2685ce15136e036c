package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.core.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Poetry's version constraints ({@code ^1.2}, {@code ~1.2.3}, {@code >=3.8,<4}, {@code 3.8.*}, {@code *}) as
 * PEP 440 specifier sets, the way poetry writes {@code Requires-Python}: {@code ^3.8} is {@code >=3.8,<4.0},
 * {@code ^0.2.3} is {@code >=0.2.3,<0.3.0}, {@code ~1.2.3} is {@code >=1.2.3,<1.3.0} (the bound has as many parts
 * as the version). Unions ({@code ||}) have no
 * PEP 440 form. Stateless.
 */
final class PoetryConstraints {
    private PoetryConstraints() {
    }

    /**
     * Converts a constraint.
     *
     * @param constraint poetry's constraint
     * @return the specifier set ({@code ""} for {@code *}: no constraint), or null when it cannot be converted
     */
    static @Nullable String toPep440(String constraint) {
        String c = constraint.strip();
        if (c.isEmpty() || c.contains("||") || c.contains("|")) {
            return null;
        }
        if (c.equals("*")) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String part : c.split("[,\\s]+(?=[<>=!~^0-9])|,")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String converted = clause(p);
            if (converted == null) {
                return null;
            }
            out.add(converted);
        }
        return String.join(",", out);
    }

    private static @Nullable String clause(String p) {
        if (p.startsWith("^")) {
            return bounded(p.substring(1).strip(), true);
        }
        if (p.startsWith("~") && !p.startsWith("~=")) {
            return bounded(p.substring(1).strip(), false);
        }
        for (String op : List.of("~=", ">=", "<=", "==", "!=", ">", "<")) {
            if (p.startsWith(op)) {
                String v = p.substring(op.length()).strip();
                return valid(v.endsWith(".*") ? v.substring(0, v.length() - 2) : v) ? op + v : null;
            }
        }
        if (p.endsWith(".*") && valid(p.substring(0, p.length() - 2))) {
            return "==" + p;
        }
        return valid(p) ? "==" + p : null;
    }

    private static boolean valid(String v) {
        return Version.tryParse(v).isPresent();
    }

    private static @Nullable String bounded(String v, boolean caret) {
        Optional<Version> parsed = Version.tryParse(v);
        if (parsed.isEmpty() || !v.matches("[0-9]+(\\.[0-9]+)*")) {
            return null;
        }
        String[] parts = v.split("\\.");
        int bump;
        if (caret) {
            bump = 0;
            while (bump < parts.length - 1 && Long.parseLong(parts[bump]) == 0) {
                bump++;
            }
        } else {
            bump = parts.length == 1 ? 0 : 1;
        }
        StringBuilder upper = new StringBuilder();
        int len = Math.max(parts.length, bump + 1);
        for (int i = 0; i < len; i++) {
            long n = i < bump ? Long.parseLong(parts[i]) : i == bump ? Long.parseLong(parts[i]) + 1 : 0;
            upper.append(i == 0 ? "" : ".").append(n);
        }
        return ">=" + v + ",<" + upper;
    }
}
