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
import org.jspecify.annotations.Nullable;

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
    private final Access access;
    private final @Nullable URI origin;
    private final @Nullable String userInfoAuthorization;
    private final boolean httpsOnly;

    /**
     * Creates an accessor with no credentials.
     *
     * @param limits the bounds
     */
    public HttpAccess(Limits limits) {
        this(limits, Access.NONE);
    }

    /**
     * Creates an accessor.
     *
     * @param limits the bounds
     * @param access the client, customizer and credentials
     */
    public HttpAccess(Limits limits, Access access) {
        this(limits, access, null, null, false, access.client() != null ? access.client()
                : HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private HttpAccess(Limits limits, Access access, @Nullable URI origin, @Nullable String userInfoAuthorization,
            boolean httpsOnly, HttpClient client) {
        this.limits = limits;
        this.access = access;
        this.origin = origin;
        this.userInfoAuthorization = userInfoAuthorization;
        this.httpsOnly = httpsOnly;
        this.client = client;
    }

    /**
     * This accessor bound to an index: its origin gets the configured headers and authorization (or the URL's own
     * user-info as basic auth, as pip does), and an https index makes plain http refused (SECURITY).
     *
     * @param index the index URL as the user gave it, possibly with user-info
     * @return the accessor for that index
     */
    public HttpAccess forIndex(URI index) {
        String auth = null;
        String info = index.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String user = Urls.percentDecode(colon >= 0 ? info.substring(0, colon) : info);
            String password = colon >= 0 ? Urls.percentDecode(info.substring(colon + 1)) : "";
            auth = basic(user, password);
        }
        return new HttpAccess(limits, access, origin(index), auth, "https".equalsIgnoreCase(index.getScheme()),
                client);
    }

    /** @return whether plain http is refused (the index is https) */
    public boolean httpsOnly() {
        return httpsOnly;
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static @Nullable URI origin(URI u) {
        if (u.getScheme() == null || u.getHost() == null) {
            return null;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return URI.create(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    /** The request for one URL: gitpypi's headers, the index's credentials on its origin only, then the customizer. */
    private HttpRequest request(URI current, String accept) {
        URI target = Urls.withoutUserInfo(current);
        HttpRequest.Builder rb = HttpRequest.newBuilder(target).timeout(limits.requestTimeout())
                .header("Accept", accept).header("User-Agent", USER_AGENT).GET();
        boolean index = origin != null && origin.equals(origin(current));
        String auth = null;
        if (index) {
            access.headers().forEach(rb::setHeader);
            auth = userInfoAuthorization != null ? userInfoAuthorization : access.authorization();
        }
        if (auth == null) {
            auth = access.netrc().login(current.getHost(), index).map(l -> basic(l.user(), l.password()))
                    .orElse(null);
        }
        if (auth != null) {
            rb.setHeader("Authorization", auth);
        }
        if (access.customizer() != null) {
            access.customizer().accept(target, rb);
        }
        return rb.build();
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
            HttpRequest request = request(current, accept);
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
                    bounded, true);
        }
    }
}
