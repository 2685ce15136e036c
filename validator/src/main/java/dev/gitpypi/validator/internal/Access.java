package dev.gitpypi.validator.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * How the reader reaches a private index: an HTTP client of the caller's, a request customizer, headers and an
 * {@code Authorization} value for the index's own origin (scheme, host and port of the target URL), and the
 * {@code .netrc} logins (SECURITY: the headers and the authorization go to the index's origin only — never to another
 * host a page links to, never across a redirect to another origin or from https to http; a {@code .netrc} login goes
 * only to its own machine).
 *
 * @param client the caller's client, or null for one of the reader's own (no automatic redirects)
 * @param customizer called for every request with its URL, after gitpypi's own headers, or null
 * @param headers headers for requests to the index's origin
 * @param authorization the {@code Authorization} header value for the index's origin, or null
 * @param netrc the {@code .netrc} logins
 */
public record Access(@Nullable HttpClient client, @Nullable BiConsumer<URI, HttpRequest.Builder> customizer,
        Map<String, String> headers, @Nullable String authorization, Netrc netrc) {
    /** No credentials, no custom client: what a remote page's links get. */
    public static final Access NONE = new Access(null, null, Map.of(), null, Netrc.EMPTY);

    /**
     * Creates the settings.
     *
     * @param client the client, or null
     * @param customizer the customizer, or null
     * @param headers the headers for the index's origin
     * @param authorization the authorization for the index's origin, or null
     * @param netrc the netrc logins
     */
    public Access {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "Access[client=" + (client != null) + ", customizer=" + (customizer != null) + ", headers="
                + headers.keySet() + ", authorization=" + (authorization != null ? "***" : "none") + "]";
    }
}
