package dev.gitpypi.validator.internal;

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

    /**
     * Creates an accessor.
     *
     * @param limits the bounds
     */
    public HttpAccess(Limits limits) {
        this.limits = limits;
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
     * @throws IOException on network failure
     * @throws PageReadException on a limit
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
     * @throws IOException on network failure
     * @throws PageReadException on a limit
     */
    public Fetched get(URI uri, String accept, long maxBytes, boolean follow) throws IOException {
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        URI current = uri;
        List<URI> redirects = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        while (true) {
            if (!seen.add(current)) {
                throw new PageReadException("redirect loop at " + Texts.quote(Urls.safe(current))
                        + " after " + redirects.size() + " redirects");
            }
            String scheme = String.valueOf(current.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new PageReadException("not an http(s) URL: " + Texts.quote(Urls.safe(current)));
            }
            HttpRequest request = HttpRequest.newBuilder(current).timeout(limits.requestTimeout())
                    .header("Accept", accept).header("User-Agent", USER_AGENT).GET().build();
            DeadlineInputStream body = new DeadlineInputStream(deadline, Urls.safe(current));
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
            } catch (HttpTimeoutException e) {
                throw new PageReadException("no response from " + Urls.safe(current) + " within "
                        + limits.requestTimeout().toMillis() + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + Urls.safe(current), e);
            }
            response.body().subscribe(body);
            int status = response.statusCode();
            Map<String, List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String location = headers.containsKey("location") ? headers.get("location").get(0) : null;
            if (follow && status >= 300 && status < 400 && status != 304 && location != null) {
                body.close();
                if (redirects.size() >= limits.maxRedirects()) {
                    throw new PageReadException("more than " + limits.maxRedirects() + " redirects from "
                            + Texts.quote(Urls.safe(uri)));
                }
                redirects.add(current);
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new PageReadException("bad redirect location " + Texts.quote(location)
                            + " from " + Urls.safe(current), e);
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
