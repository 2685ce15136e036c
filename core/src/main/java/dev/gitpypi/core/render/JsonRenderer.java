package dev.gitpypi.core.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.internal.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders PEP 691 JSON pages ({@code application/vnd.pypi.simple.v1+json}) with the PEP 700, 740 and 792 fields:
 * the root project list and project pages (SPEC §9, REN-07).
 *
 * <p>{@code meta.api-version} is the lowest version covering the fields written (P629-04): {@code 1.1} when
 * {@code versions}, {@code size} and {@code upload-time} are written (only when every file has a size, P629-05),
 * {@code 1.3} with provenance, {@code 1.4} with a top-level {@code project-status} object (P792-02). Every file has
 * {@code hashes} (sha256 first, P691-08); {@code yanked} is {@code true} or a non-empty reason (P592-05);
 * {@code core-metadata} is an object of hashes, or {@code true} when the hash is unknown (P691-10);
 * {@code upload-time} is {@code YYYY-MM-DDTHH:MM:SSZ}, with exactly six fraction digits only when the time has
 * sub-second precision (P700-04). The output is compact UTF-8 JSON ending with a newline, deterministic.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonRenderer {
    private static final JsonRenderer INSTANCE = new JsonRenderer();

    private final JsonFactory factory = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonRenderer() {
    }

    /** @return the renderer */
    public static JsonRenderer create() {
        return INSTANCE;
    }

    /**
     * Writes the root page (P691-06): {@code {"meta":{"api-version":"1.0"},"projects":[{"name":…},…]}} with the
     * display names in the order given. Streams: memory does not grow with the number of names.
     *
     * @param names the project names, each once
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     */
    public void writeRoot(Iterator<ProjectName> names, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            meta(g, "1.0");
            g.writeArrayFieldStart("projects");
            while (names.hasNext()) {
                g.writeStartObject();
                g.writeStringField("name", names.next().display());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Writes the root page of an index.
     *
     * @param index the index
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     */
    public void writeRoot(Index index, OutputStream out) throws IOException {
        writeRoot(index.projects().values().stream().map(Project::name).iterator(), out);
    }

    /**
     * The root page of an index, UTF-8.
     *
     * @param index the index
     * @return the page bytes
     */
    public byte[] renderRoot(Index index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeRoot(index, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a project page (P691-07..P691-12, P700-01..P700-04, P740-02, P792-02).
     *
     * @param project the project
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     */
    public void writeProject(Project project, OutputStream out) throws IOException {
        List<Distribution> listed = Links.listed(project);
        boolean pep700 = Links.jsonHasPep700(project, listed);
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            meta(g, Links.jsonApiVersion(project, listed));
            g.writeStringField("name", project.name().normalized());
            if (Links.showsStatus(project)) {
                g.writeObjectFieldStart("project-status");
                g.writeStringField("status", project.status().marker().value());
                Optional<String> reason = project.status().reasonText();
                if (reason.isPresent()) {
                    g.writeStringField("reason", text(reason.get()));
                }
                g.writeEndObject();
            }
            if (pep700) {
                g.writeArrayFieldStart("versions");
                for (String v : Links.versions(project, listed)) {
                    g.writeString(text(v));
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("files");
            for (Distribution d : listed) {
                file(g, d, pep700);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * A project page, UTF-8.
     *
     * @param project the project
     * @return the page bytes
     */
    public byte[] renderProject(Project project) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeProject(project, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void file(JsonGenerator g, Distribution d, boolean pep700) throws IOException {
        g.writeStartObject();
        g.writeStringField("filename", text(d.filename()));
        g.writeStringField("url", text(Links.jsonUrl(d)));
        g.writeObjectFieldStart("hashes");
        for (Map.Entry<String, String> h : Links.jsonHashes(d.hashes()).entrySet()) {
            g.writeStringField(h.getKey(), h.getValue());
        }
        g.writeEndObject();
        Optional<String> requiresPython = Links.requiresPython(d);
        if (requiresPython.isPresent()) {
            g.writeStringField("requires-python", text(requiresPython.get()));
        }
        Optional<Map<String, String>> metadata = d.coreMetadata();
        if (metadata.isPresent()) {
            Map<String, String> hashes = Links.jsonHashes(metadata.get());
            if (hashes.isEmpty()) {
                g.writeBooleanField("core-metadata", true);
            } else {
                g.writeObjectFieldStart("core-metadata");
                for (Map.Entry<String, String> h : hashes.entrySet()) {
                    g.writeStringField(h.getKey(), h.getValue());
                }
                g.writeEndObject();
            }
        }
        Optional<Boolean> gpgSig = d.gpgSig();
        if (gpgSig.isPresent()) {
            g.writeBooleanField("gpg-sig", gpgSig.get());
        }
        Optional<String> yanked = d.yankedReason();
        if (yanked.isPresent()) {
            if (yanked.get().isEmpty()) {
                g.writeBooleanField("yanked", true);
            } else {
                g.writeStringField("yanked", text(yanked.get()));
            }
        }
        if (pep700) {
            if (d.size().isPresent()) {
                g.writeNumberField("size", d.size().getAsLong());
            }
            Optional<Instant> uploaded = d.uploadTime();
            if (uploaded.isPresent()) {
                g.writeStringField("upload-time", Timestamps.uploadTime(uploaded.get()));
            }
        }
        Optional<String> provenance = Links.provenance(d);
        if (provenance.isPresent()) {
            g.writeStringField("provenance", text(provenance.get()));
        }
        g.writeEndObject();
    }

    private static void meta(JsonGenerator g, String apiVersion) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeStringField("api-version", apiVersion);
        g.writeEndObject();
    }

    /** The same value the HTML page carries (unpaired surrogates and NUL as U+FFFD), so both forms agree. */
    private static String text(String s) {
        return Html.parsedForm(s);
    }
}
