package dev.gitpypi.cli;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * PEP 691 server-driven content negotiation (SPEC P691-01..P691-03), as pypi.org does it: picks the representation
 * of a simple-API page from the {@code Accept} header (q-values count, the order of the header's ranges does not) or
 * a {@code ?format=} parameter. Among types the client rates equally, {@code text/html} comes first, then
 * {@code application/vnd.pypi.simple.v1+html}, then the JSON form (Warehouse's offer order): a request without
 * {@code Accept}, or with only {@code *}{@code /*}, gets HTML, which every client written before PEP 691 (poetry
 * 1.x, older pip, pip-tools, proxies, curl) expects, and only a client that names the JSON type gets JSON. Where
 * pypi.org answers an unacceptable request with HTML anyway, this answers 406, as PEP 691 recommends.
 */
final class MediaNegotiation {
    /** The JSON form. */
    static final String JSON = "application/vnd.pypi.simple.v1+json";
    /** The HTML form under its versioned name. */
    static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";
    /** The HTML form under its legacy name. */
    static final String TEXT_HTML = "text/html";

    /** Server preference for equal q-values: Warehouse's, the most compatible first. */
    private static final String[] OFFERED = {TEXT_HTML, HTML_V1, JSON};

    private MediaNegotiation() {
    }

    /**
     * The media type to answer with, or empty when nothing acceptable is offered (406).
     *
     * @param accept the Accept header, or null (treated as {@code *}{@code /*}, RFC 9110 section 12.5.1)
     * @param format the {@code format} query parameter, or null; it overrides Accept (P691-03)
     * @param jsonAvailable whether a JSON form exists
     * @return the concrete media type
     */
    static Optional<String> choose(@Nullable String accept, @Nullable String format, boolean jsonAvailable) {
        if (format != null) {
            return offered(concrete(format.strip().toLowerCase(Locale.ROOT)), jsonAvailable);
        }
        String header = accept == null || accept.isBlank() ? "*/*" : accept;
        @Nullable String best = null;
        double bestQ = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int rank = 0; rank < OFFERED.length; rank++) {
            String type = OFFERED[rank];
            if (type.equals(JSON) && !jsonAvailable) {
                continue;
            }
            double q = quality(header, type);
            if (q > bestQ || (q == bestQ && q > 0 && rank < bestRank)) {
                best = type;
                bestQ = q;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<String> offered(String type, boolean jsonAvailable) {
        for (String o : OFFERED) {
            if (o.equals(type) && (jsonAvailable || !o.equals(JSON))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Maps the {@code latest} aliases to the concrete v1 types (P691-01). */
    private static String concrete(String type) {
        return switch (type) {
            case "application/vnd.pypi.simple.latest+json" -> JSON;
            case "application/vnd.pypi.simple.latest+html" -> HTML_V1;
            default -> type;
        };
    }

    /** The q-value the header gives a type: the most specific matching range wins. */
    static double quality(String header, String type) {
        int bestSpecificity = -1;
        double q = 0;
        String typeMajor = type.substring(0, type.indexOf('/'));
        for (String part : header.split(",")) {
            String[] params = part.split(";");
            String range = concrete(params[0].strip().toLowerCase(Locale.ROOT));
            if (range.isEmpty()) {
                continue;
            }
            int specificity;
            if (range.equals(type)) {
                specificity = 2;
            } else if (range.equals(typeMajor + "/*")) {
                specificity = 1;
            } else if (range.equals("*/*")) {
                specificity = 0;
            } else {
                continue;
            }
            double rangeQ = 1.0;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].strip();
                if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                    rangeQ = parseQ(p.substring(2).strip());
                }
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = rangeQ;
            }
        }
        return q;
    }

    private static double parseQ(String value) {
        try {
            double q = Double.parseDouble(value);
            return q < 0 || q > 1 || Double.isNaN(q) ? 0 : q;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
