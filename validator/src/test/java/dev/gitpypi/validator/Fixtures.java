package dev.gitpypi.validator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small index folders for the rule tests: a clean root and clean project pages unless told otherwise. */
final class Fixtures {
    static final String H = "a".repeat(64);
    static final String CLEAN_FILE = "<a href=\"https://files.example/foo-1.0.tar.gz#sha256=" + H
            + "\">foo-1.0.tar.gz</a>";
    static final String CLEAN_JSON_FILE = "{\"filename\":\"foo-1.0.tar.gz\",\"url\":\"https://files.example/"
            + "foo-1.0.tar.gz\",\"hashes\":{\"sha256\":\"" + H + "\"}}";

    private Fixtures() {
    }

    static String html(String version, String head, String body) {
        return "<!DOCTYPE html>\n<html>\n<head>\n"
                + (version == null ? "" : "<meta name=\"pypi:repository-version\" content=\"" + version + "\">\n")
                + head + "<title>t</title>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }

    static String page(String anchors) {
        return html("1.0", "", anchors);
    }

    static String root(String anchors) {
        return html("1.0", "", anchors);
    }

    static String json(String apiVersion, String rest) {
        return "{\"meta\":{\"api-version\":\"" + apiVersion + "\"},\"name\":\"foo\"" + rest + "}";
    }

    /** A site: path (relative to the simple root) to content. */
    static final class Site {
        final Map<String, String> files = new LinkedHashMap<>();

        Site root(String anchors) {
            files.put("index.html", Fixtures.root(anchors));
            return this;
        }

        Site rootRaw(String text) {
            files.put("index.html", text);
            return this;
        }

        Site rootJson(String text) {
            files.remove("index.html");
            files.put("index.json", text);
            return this;
        }

        Site page(String project, String text) {
            files.put(project + "/index.html", text);
            return this;
        }

        Site json(String project, String text) {
            files.put(project + "/index.json", text);
            return this;
        }

        Path write(Path dir) throws IOException {
            Path simple = dir.resolve("simple");
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = simple.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        }
    }

    /** A site with a clean root listing foo and a clean page for foo, then changed by the caller. */
    static Site foo(String fooPage) {
        return new Site().root("<a href=\"foo/\">foo</a>").page("foo", fooPage);
    }

    static Site fooJson(String fooJson) {
        return new Site().root("<a href=\"foo/\">foo</a>").json("foo", fooJson);
    }
}
