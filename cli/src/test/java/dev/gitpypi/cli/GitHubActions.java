package dev.gitpypi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the tests know about GitHub Actions: the repository's workflows and its composite action, parsed; the
 * actions they may use, at which major versions, with which inputs (taken from each action's {@code action.yml}
 * at that major version) and which token permissions each needs (from the actions' documentation); and the
 * references inside {@code ${{ }}} expressions.
 */
final class GitHubActions {
    /** The repository root: the cli module's parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([A-Za-z_][\\w-]*)\\.outputs\\.([\\w-]+)");
    private static final Pattern INPUT = Pattern.compile("inputs\\.([\\w-]+)");

    /**
     * An action a step may use.
     *
     * @param name {@code owner/repo} or {@code owner/repo/path}
     * @param majors the version tags accepted, such as {@code v4}
     * @param inputs every input the action defines at those versions
     * @param required the inputs a step must give
     * @param permissions the token permissions it needs, scope to {@code read} or {@code write}
     */
    record Known(String name, Set<String> majors, Set<String> inputs, Set<String> required,
            Map<String, String> permissions) {
    }

    /**
     * The actions our workflows may use. Inputs from each action's {@code action.yml} at the major version named:
     * actions/checkout, actions/setup-java, actions/cache, actions/upload-artifact, actions/download-artifact,
     * actions/upload-pages-artifact, actions/deploy-pages and github/codeql-action/upload-sarif. Permissions from
     * GitHub's documentation of each: checkout reads contents; upload-sarif writes security events and reads the
     * run ({@code actions: read}, needed in private repositories); deploy-pages writes pages and asks for an OIDC
     * token ({@code id-token: write}).
     */
    static final Map<String, Known> KNOWN = known(
            new Known("actions/checkout", Set.of("v4"), Set.of("repository", "ref", "token", "ssh-key",
                    "ssh-known-hosts", "ssh-strict", "ssh-user", "persist-credentials", "path", "clean", "filter",
                    "sparse-checkout", "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress",
                    "lfs", "submodules", "set-safe-directory", "github-server-url"), Set.of(),
                    Map.of("contents", "read")),
            new Known("actions/setup-java", Set.of("v4"), Set.of("java-version", "java-version-file",
                    "distribution", "java-package", "architecture", "jdkFile", "check-latest", "server-id",
                    "server-username", "server-password", "settings-path", "overwrite-settings", "gpg-private-key",
                    "gpg-passphrase", "cache", "cache-dependency-path", "job-status", "token", "mvn-toolchain-id",
                    "mvn-toolchain-vendor"), Set.of("distribution"), Map.of()),
            new Known("actions/cache", Set.of("v4"), Set.of("path", "key", "restore-keys", "upload-chunk-size",
                    "enableCrossOsArchive", "fail-on-cache-miss", "lookup-only", "save-always"),
                    Set.of("path", "key"), Map.of()),
            new Known("actions/upload-artifact", Set.of("v4"), Set.of("name", "path", "if-no-files-found",
                    "retention-days", "compression-level", "overwrite", "include-hidden-files"), Set.of("path"),
                    Map.of()),
            new Known("actions/download-artifact", Set.of("v4"), Set.of("name", "path", "pattern",
                    "merge-multiple", "github-token", "repository", "run-id"), Set.of(), Map.of()),
            new Known("actions/upload-pages-artifact", Set.of("v3"), Set.of("name", "path", "retention-days"),
                    Set.of(), Map.of()),
            new Known("actions/deploy-pages", Set.of("v4"), Set.of("token", "timeout", "error_count",
                    "reporting_interval", "artifact_name", "preview"), Set.of(),
                    Map.of("pages", "write", "id-token", "write")),
            new Known("github/codeql-action/upload-sarif", Set.of("v3"), Set.of("sarif_file", "checkout_path",
                    "ref", "sha", "token", "matrix", "category", "wait-for-processing"), Set.of(),
                    Map.of("security-events", "write", "actions", "read")));

    /** How the examples name this repository's action (users put their own copy's name there). */
    static final String OUR_ACTION = "your-org/gitpypi";

    private GitHubActions() {
    }

    private static Map<String, Known> known(Known... all) {
        Map<String, Known> m = new TreeMap<>();
        for (Known k : all) {
            m.put(k.name(), k);
        }
        return m;
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the repository's workflows: {@code .github/workflows/*.yml} and the workflows in {@code examples/} */
    static List<Path> workflows() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve(".github/workflows"), ROOT.resolve("examples"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Path action() {
        return ROOT.resolve("action.yml");
    }

    /** @return the inputs the composite action defines */
    static Set<String> actionInputs() {
        return names(read(action()).path("inputs"));
    }

    /** @return the outputs the composite action defines */
    static Set<String> actionOutputs() {
        return names(read(action()).path("outputs"));
    }

    static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** @return a node's fields in document order */
    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** @return the text inside every {@code ${{ }}} of a value */
    static List<String> expressions(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** @return every {@code steps.ID.outputs.NAME} an expression names, as {@code [ID, NAME]} */
    static List<String[]> stepOutputs(String expression) {
        List<String[]> out = new ArrayList<>();
        Matcher m = STEP_OUTPUT.matcher(expression);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    /** @return every {@code inputs.NAME} an expression names */
    static List<String> inputs(String expression) {
        List<String> out = new ArrayList<>();
        Matcher m = INPUT.matcher(expression);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Every text value under a node, with its path, for scanning expressions. */
    static void texts(JsonNode node, String path, Map<String, String> out) {
        if (node.isTextual()) {
            out.put(path, node.asText());
        } else if (node.isObject()) {
            fields(node).forEach((k, v) -> texts(v, path + "." + k, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
