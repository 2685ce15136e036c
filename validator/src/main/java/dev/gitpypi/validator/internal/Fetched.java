package dev.gitpypi.validator.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One fetched resource: a local file or an HTTP response whose body is still to be read (bounded in size and
 * time by the stream itself).
 *
 * @param resource the display name: a path relative to the target, or a URL without credentials
 * @param uri the final URI (after redirects), the base for relative links
 * @param status the HTTP status, 200 for files
 * @param contentType the Content-Type header, or null (files)
 * @param headers the response headers (lower-case names), empty for files
 * @param redirects the URIs redirected through, in order
 * @param body the body
 * @param http whether it came over HTTP (its status, headers and media type are the server's)
 */
public record Fetched(String resource, URI uri, int status, @Nullable String contentType,
        Map<String, List<String>> headers, List<URI> redirects, InputStream body, boolean http) implements Closeable {
    /**
     * The first value of a header.
     *
     * @param name the lower-case name
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return whether the response came from HTTP */
    public boolean isHttp() {
        return http;
    }

    /** @return the transport facts without the body */
    public Info info() {
        return new Info(resource, uri, status, contentType, headers, redirects, http);
    }

    /**
     * What the transport said about a page.
     *
     * @param resource the display name
     * @param uri the final URI, the base for relative links
     * @param status the status
     * @param contentType the Content-Type, or null
     * @param headers the headers
     * @param redirects the redirects followed
     * @param http whether it came over HTTP
     */
    public record Info(String resource, URI uri, int status, @Nullable String contentType,
            Map<String, List<String>> headers, List<URI> redirects, boolean http) {
        /** @return whether the page came over HTTP */
        public boolean isHttp() {
            return http;
        }

        /**
         * The first value of a header.
         *
         * @param name the lower-case name
         * @return the value
         */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
