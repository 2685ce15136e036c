package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** What every {@link Site} holds: the bounds and how the target is shown; and the policy for remote pages. */
abstract class SiteBase {
    private final Limits limits;
    private final String display;

    SiteBase(Limits limits, String display) {
        this.limits = limits;
        this.display = display;
    }

    public Limits limits() {
        return limits;
    }

    public String display() {
        return display;
    }

    public Optional<String> resolved() {
        return Optional.empty();
    }

    /** @return no folder: a remote target, or a page given as text, reads no local file */
    public Optional<java.nio.file.Path> localRoot() {
        return Optional.empty();
    }

    /**
     * The fetch policy of a page that did not come from this machine (SECURITY): http(s) URLs only, https only when
     * the page's own URL is https, and no literal loopback, private or link-local address unless the page is on one.
     *
     * @param uri an absolute URL from the page
     * @param page the page's own URL
     * @return the reason to refuse, or empty
     */
    static Optional<String> remoteRefusal(URI uri, URI page) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String shown = Texts.quote(Redaction.url(uri.toString()));
        if (scheme.equals("file")) {
            return Optional.of(shown + " is a local file, and gitpypi reads no local file for a remote index");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(shown + " is not an http(s) URL");
        }
        if (scheme.equals("http") && "https".equalsIgnoreCase(page.getScheme())) {
            return Optional.of(shown + " is plain http, and gitpypi fetches only https URLs for an https index");
        }
        if (Hosts.isInternal(uri.getHost()) && !Hosts.isInternal(page.getHost())) {
            return Optional.of(shown + " names a loopback, private or link-local address, and the index is not on"
                    + " one");
        }
        return Optional.empty();
    }
}
