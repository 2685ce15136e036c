package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.PageReadException;
import dev.gitpypi.validator.Rule;
import java.io.IOException;
import java.io.InputStream;

/** JSON (PEP 691) pages through Jackson: the root streamed, project pages as trees. */
public final class JsonPages {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(8 * 1024 * 1024).maxNumberLength(64).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonPages() {
    }

    /**
     * Reads a project page.
     *
     * @param in the bytes
     * @param resource the display name
     * @return the tree
     * @throws IOException on I/O failure
     * @throws PageReadException if it is not JSON
     */
    public static JsonNode readTree(InputStream in, String resource) throws IOException {
        try {
            JsonNode node = MAPPER.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new PageReadException("page " + resource + " is empty, expected a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PageReadException("page " + resource + " is not a JSON document: "
                    + Texts.quote(e.getOriginalMessage()), e);
        }
    }

    /**
     * Streams a root page: the projects array is read one entry at a time and handed to a consumer; the root gets
     * the API version and the shape problems.
     *
     * @param in the bytes
     * @param root the root to fill
     * @param entries receives each entry
     * @throws IOException on I/O failure
     * @throws PageReadException if it is not JSON
     */
    public static void readRoot(InputStream in, RawRoot root, java.util.function.Consumer<RawRoot.Entry> entries)
            throws IOException {
        String res = root.info.resource();
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                root.issues.add(new RawRoot.Issue(Rule.P691_05, Location.pointer(res, ""),
                        "the JSON document is not an object"));
                return;
            }
            boolean sawMeta = false;
            boolean sawProjects = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("meta")) {
                    sawMeta = true;
                    JsonNode meta = MAPPER.readTree(p);
                    JsonNode v = meta.path("api-version");
                    if (!meta.isObject()) {
                        root.issues.add(new RawRoot.Issue(Rule.P691_05, Location.pointer(res, "/meta"),
                                "meta is not an object"));
                    } else if (v.isTextual()) {
                        root.jsonApiVersion = v.asText();
                        root.jsonApiVersionPresent = true;
                    } else {
                        root.jsonApiVersionPresent = !v.isMissingNode();
                        root.issues.add(new RawRoot.Issue(Rule.P691_05, Location.pointer(res, "/meta/api-version"),
                                v.isMissingNode() ? "meta has no api-version" : "meta.api-version is not a string"));
                    }
                } else if (field.equals("projects")) {
                    sawProjects = true;
                    if (value != JsonToken.START_ARRAY) {
                        root.issues.add(new RawRoot.Issue(Rule.P691_06, Location.pointer(res, "/projects"),
                                "projects is not an array"));
                        p.skipChildren();
                        continue;
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String pointer = "/projects/" + i;
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            JsonNode entry = MAPPER.readTree(p);
                            JsonNode name = entry.path("name");
                            if (name.isTextual()) {
                                String text = name.asText();
                                entries.accept(new RawRoot.Entry(text, ProjectName.normalize(text) + "/",
                                        Location.pointer(res, pointer + "/name"), root.info.uri()));
                            } else {
                                root.issues.add(new RawRoot.Issue(Rule.P691_06, Location.pointer(res, pointer),
                                        "project entry has no string name"));
                            }
                        } else {
                            p.skipChildren();
                            root.issues.add(new RawRoot.Issue(Rule.P691_06, Location.pointer(res, pointer),
                                    "project entry is not an object"));
                        }
                        i++;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawMeta) {
                root.issues.add(new RawRoot.Issue(Rule.P691_05, Location.pointer(res, ""), "the document has no meta"));
            }
            if (!sawProjects) {
                root.issues.add(new RawRoot.Issue(Rule.P691_06, Location.pointer(res, ""),
                        "the root document has no projects"));
            }
        } catch (JsonProcessingException e) {
            throw new PageReadException("page " + res + " is not a JSON document: "
                    + Texts.quote(String.valueOf(e.getOriginalMessage())), e);
        }
    }
}
