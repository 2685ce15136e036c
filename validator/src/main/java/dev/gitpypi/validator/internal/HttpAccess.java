package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.PageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Flow;

/**
 * HTTP GET through {@code java.net.http} with the bounds of {@link Limits}: redirects are followed by hand (at
 * most {@code maxRedirects}, loops detected), the headers must arrive within the request time-out and the whole
 * body before the same deadline, and the body may not exceed the page limit.
 */
public final class HttpAccess {
    /** The Accept header pip sends (SPEC PIP-01). */
    public static final String ACCEPT_PIP =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";
    /** The Accept header uv sends (SPEC UV-01). */
    public static final String ACCEPT_UV =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";
    /** HTML only. */
    public static final String ACCEPT_HTML = "application/vnd.pypi.simple.v1+html, text/html;q=0.1";
    /** Any type. */
    public static final String ACCEPT_ANY = "*/*";

    private static final String USER_AGENT = "gitpypi-validator";

    private final HttpClient client;
    private final Limits limits;
    private final boolean httpsOnly;

    /**
     * Creates an accessor.
     *
     * @param limits the bounds
     */
    public HttpAccess(Limits limits) {
        this(limits, false);
    }

    /**
     * Creates an accessor.
     *
     * @param limits the bounds
     * @param httpsOnly whether to refuse plain http URLs and redirects to them (for an https index, SECURITY)
     */
    public HttpAccess(Limits limits, boolean httpsOnly) {
        this.limits = limits;
        this.httpsOnly = httpsOnly;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Fetches a URL, following redirects.
     *
     * @param uri the URL
     * @param accept the Accept header
     * @param maxBytes the body limit
     * @return the response with an unread, bounded body
     * @throws IOException on a network failure: no connection, a time-out, a redirect loop or too many redirects
     * @throws PageReadException when the URL may not be fetched (not http(s), plain http for an https index)
     */
    public Fetched get(URI uri, String accept, long maxBytes) throws IOException {
        return get(uri, accept, maxBytes, true);
    }

    /**
     * Fetches a URL.
     *
     * @param uri the URL
     * @param accept the Accept header
     * @param maxBytes the body limit
     * @param follow whether to follow redirects
     * @return the response with an unread, bounded body
     * @throws IOException on a network failure: no connection, a time-out, a redirect loop or too many redirects
     * @throws PageReadException when the URL may not be fetched (not http(s), plain http for an https index)
     */
    public Fetched get(URI uri, String accept, long maxBytes, boolean follow) throws IOException {
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        URI current = uri;
        List<URI> redirects = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        while (true) {
            if (!seen.add(current)) {
                throw new IOException("redirect loop at " + Texts.quote(Urls.safe(current))
                        + " after " + redirects.size() + " redirects from " + Texts.quote(Urls.safe(uri)));
            }
            String scheme = String.valueOf(current.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new PageReadException("not an http(s) URL: " + Texts.quote(Urls.safe(current)));
            }
            if (httpsOnly && scheme.equals("http")) {
                throw new PageReadException("refusing plain http " + Texts.quote(Urls.safe(current))
                        + (redirects.isEmpty() ? "" : " (redirected from " + Texts.quote(Urls.safe(uri)) + ")")
                        + ": the index is https");
            }
            HttpRequest request = HttpRequest.newBuilder(current).timeout(limits.requestTimeout())
                    .header("Accept", accept).header("User-Agent", USER_AGENT).GET().build();
            DeadlineInputStream body = new DeadlineInputStream(deadline, Urls.safe(current));
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
            } catch (java.net.http.HttpConnectTimeoutException e) {
                throw new java.net.http.HttpConnectTimeoutException("cannot connect to "
                        + Texts.quote(Urls.safe(current)) + " within " + limits.connectTimeout().toMillis() + " ms");
            } catch (HttpTimeoutException e) {
                throw new HttpTimeoutException("no response from " + Texts.quote(Urls.safe(current)) + " within "
                        + limits.requestTimeout().toMillis() + " ms");
            } catch (java.net.ConnectException e) {
                java.net.ConnectException c = new java.net.ConnectException("cannot connect to "
                        + Texts.quote(Urls.safe(current)) + ": " + (e.getCause() instanceof
                        java.nio.channels.UnresolvedAddressException ? "unknown host" : "connection refused"));
                c.initCause(e);
                throw c;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + Texts.quote(Urls.safe(current)), e);
            } catch (IOException e) {
                throw new IOException("cannot fetch " + Texts.quote(Urls.safe(current)) + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : Redaction.text(e.getMessage())), e);
            } catch (IllegalArgumentException e) {
                throw new PageReadException("cannot fetch " + Texts.quote(Urls.safe(current))
                        + ": not a URL an HTTP client can request", e);
            }
            response.body().subscribe(body);
            int status = response.statusCode();
            Map<String, List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String location = headers.containsKey("location") ? headers.get("location").get(0) : null;
            if (follow && status >= 300 && status < 400 && status != 304 && location != null) {
                body.close();
                if (redirects.size() >= limits.maxRedirects()) {
                    throw new IOException("more than " + limits.maxRedirects() + " redirects from "
                            + Texts.quote(Urls.safe(uri)));
                }
                redirects.add(current);
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new IOException("bad redirect location " + Texts.quote(location)
                            + " from " + Texts.quote(Urls.safe(current)), e);
                }
                continue;
            }
            InputStream bounded = new BoundedInputStream(body, maxBytes, Urls.safe(current));
            String contentType = headers.containsKey("content-type") ? headers.get("content-type").get(0) : null;
            return new Fetched(Urls.safe(current), current, status, contentType, headers, List.copyOf(redirects),
                    bounded);
        }
    }
}
