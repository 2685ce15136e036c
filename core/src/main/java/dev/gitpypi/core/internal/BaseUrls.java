package dev.gitpypi.core.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** The public URL a site is served from, as the site writer and the renderers of pages for people take it. */
public final class BaseUrls {
    private BaseUrls() {
    }

    /**
     * Checks a site's public URL and gives it with a trailing {@code /}.
     *
     * @param url an absolute http or https URL without credentials, query or fragment
     * @return the URL ending with {@code /}
     * @throws IllegalArgumentException if the URL is not such a URL (the message quotes it without credentials)
     */
    public static String check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base url " + Texts.quote(Redaction.url(url)) + " is not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("base url " + Texts.quote(Redaction.url(url)) + " must be an absolute"
                    + " http or https URL without credentials, query or fragment");
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
