package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.PageReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a PEP 740 provenance object (P740-03): {@code version} 1, a non-empty {@code attestation_bundles}
 * array of {@code {publisher: {kind, claims}, attestations: [...]}}, and each attestation's in-toto statement
 * ({@code envelope.statement}, base64) with a subject that names the file and carries its SHA-256 digest.
 * Signatures, certificates and transparency-log entries are not verified.
 */
final class Provenance {
    private Provenance() {
    }

    /**
     * The first problem of a provenance document.
     *
     * @param doc the parsed document
     * @param filename the distribution's file name
     * @param sha256 the file's SHA-256 (lower-case hex)
     * @return a message naming the problem, or null if the shape is right
     */
    static @Nullable String problem(JsonNode doc, String filename, String sha256) {
        if (!doc.isObject()) {
            return "the provenance is not a JSON object";
        }
        JsonNode version = doc.path("version");
        if (!version.isIntegralNumber() || version.asLong() != 1) {
            return "provenance version " + Texts.quote(version.toString()) + " is not 1";
        }
        JsonNode bundles = doc.path("attestation_bundles");
        if (!bundles.isArray() || bundles.isEmpty()) {
            return "the provenance has no attestation_bundles (a non-empty array is required)";
        }
        for (int b = 0; b < bundles.size(); b++) {
            String where = "attestation_bundles[" + b + "]";
            JsonNode bundle = bundles.get(b);
            JsonNode publisher = bundle.path("publisher");
            if (!publisher.isObject() || !publisher.path("kind").isTextual()) {
                return where + " has no publisher object with a string kind";
            }
            JsonNode claims = publisher.path("claims");
            if (!claims.isMissingNode() && !claims.isNull() && !claims.isObject()) {
                return where + ".publisher.claims is neither an object nor null";
            }
            JsonNode attestations = bundle.path("attestations");
            if (!attestations.isArray()) {
                return where + " has no attestations array";
            }
            for (int a = 0; a < attestations.size(); a++) {
                String p = subject(attestations.get(a), filename, sha256);
                if (p != null) {
                    return where + ".attestations[" + a + "]: " + p;
                }
            }
        }
        return null;
    }

    private static @Nullable String subject(JsonNode attestation, String filename, String sha256) {
        JsonNode statement = attestation.path("envelope").path("statement");
        if (!statement.isTextual()) {
            return null;
        }
        JsonNode st;
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(statement.asText());
            st = JsonPages.readTree(new ByteArrayInputStream(bytes), "in-toto statement");
        } catch (IllegalArgumentException | PageReadException | IOException e) {
            return "envelope.statement is not base64 of a JSON in-toto statement";
        }
        JsonNode subjects = st.path("subject");
        if (!subjects.isArray()) {
            return "the in-toto statement has no subject array";
        }
        for (JsonNode s : subjects) {
            if (filename.equals(s.path("name").asText(null))) {
                String digest = s.path("digest").path("sha256").asText("");
                return digest.equalsIgnoreCase(sha256) ? null : "the in-toto subject for "
                        + Texts.quote(filename) + " has sha256 " + Texts.quote(digest)
                        + ", the file's is " + sha256;
            }
        }
        return "no in-toto subject names " + Texts.quote(filename);
    }
}
