package dev.gitpypi.git.internal;

import dev.gitpypi.core.internal.Texts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A remote repository URL split into what is fetched, what may be shown and what is secret (DESIGN "Security
 * rules"). For {@code http(s)} the whole user-info is secret (a token may stand in the user part); for
 * {@code ssh} the user name is kept and only a password is secret; scp-like {@code user@host:path} is shown as
 * {@code ssh://user@host/path}. {@link #redact(String)} removes every secret from any text.
 */
public final class RemoteUrl {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:\\s]+@)?[^/:\\s]+:[^\\s]*");
    private static final Pattern ANY_USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@");

    private final String fetchUrl;
    private final String publicUrl;
    private final @Nullable String user;
    private final @Nullable String password;
    private final List<String> secrets;

    private RemoteUrl(String fetchUrl, String publicUrl, @Nullable String user, @Nullable String password,
            List<String> secrets) {
        this.fetchUrl = fetchUrl;
        this.publicUrl = publicUrl.matches(".*[^/]/+") ? publicUrl.replaceAll("/+$", "") : publicUrl;
        this.user = user;
        this.password = password;
        List<String> sorted = new ArrayList<>(secrets);
        sorted.removeIf(String::isEmpty);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /**
     * Whether a string looks like a remote URL ({@code scheme://...} or scp-like {@code user@host:path}) rather than
     * a local path.
     *
     * @param text the candidate
     * @return true for a URL
     */
    public static boolean isUrl(String text) {
        return SCHEME.matcher(text).matches() || (SCP_LIKE.matcher(text).matches() && !text.startsWith("/")
                && text.indexOf(':') > 1);
    }

    /**
     * Parses a remote URL.
     *
     * @param url {@code https://…}, {@code http://…}, {@code ssh://…}, {@code git://…}, {@code file://…} or
     *            scp-like {@code user@host:path}
     * @return the parts
     * @throws IllegalArgumentException if it is none of these (the message never holds the user-info)
     */
    public static RemoteUrl parse(String url) {
        if (SCHEME.matcher(url).matches()) {
            int sep = url.indexOf("://");
            String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
            String rest = url.substring(sep + 3);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            String userInfo = at < 0 ? null : authority.substring(0, at);
            String hostPort = at < 0 ? authority : authority.substring(at + 1);
            String u = null;
            String p = null;
            String rawPassword = null;
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                u = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                if (colon >= 0) {
                    rawPassword = userInfo.substring(colon + 1);
                    p = decode(rawPassword);
                }
            }
            List<String> secrets = new ArrayList<>();
            if (p != null) {
                secrets.add(rawPassword);
                secrets.add(p);
            }
            switch (scheme) {
                case "http", "https", "git", "file" -> {
                    // a lone user part of an http(s) URL is usually a token: secret too
                    if (p == null && u != null) {
                        secrets.add(userInfo);
                        secrets.add(u);
                    }
                    String clean = scheme + "://" + hostPort + path;
                    return new RemoteUrl(clean, clean, u, u != null && p == null ? "" : p, secrets);
                }
                case "ssh", "git+ssh", "ssh+git" -> {
                    String shown = "ssh://" + (u == null ? "" : u + "@") + hostPort + path;
                    return new RemoteUrl(shown, shown, u, p, secrets);
                }
                default -> throw new IllegalArgumentException("unsupported repository url scheme "
                        + Texts.quote(scheme) + ": use https, http, ssh, git or file");
            }
        }
        if (isUrl(url)) {
            int colon = url.indexOf(':');
            String left = url.substring(0, colon);
            String path = url.substring(colon + 1);
            int at = left.lastIndexOf('@');
            String u = at < 0 ? null : left.substring(0, at);
            String host = left.substring(at + 1);
            String shown = "ssh://" + (u == null ? "" : u + "@") + host + (path.startsWith("/") ? "" : "/") + path;
            return new RemoteUrl(url, shown, u, null, List.of());
        }
        throw new IllegalArgumentException("not a repository url: expected scheme://host/path or user@host:path");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** @return the URL given to Git: without any secret */
    public String fetchUrl() {
        return fetchUrl;
    }

    /** @return the URL safe to show and to write into links: no user-info for http(s), git and file */
    public String publicUrl() {
        return publicUrl;
    }

    /** @return the user name for authentication, if the URL had one */
    public @Nullable String user() {
        return user;
    }

    /** @return the password or token for authentication, if the URL had one */
    public @Nullable String password() {
        return password;
    }

    /** @return whether the URL carried credentials for HTTP authentication */
    public boolean hasCredentials() {
        return user != null && (fetchUrl.startsWith("http://") || fetchUrl.startsWith("https://"))
                || password != null;
    }

    /**
     * Removes secrets from a text: every secret of this URL (raw and decoded) and any user-info in any URL.
     *
     * @param text a message, possibly from a library
     * @return the text without secrets
     */
    public String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String out = ANY_USERINFO.matcher(text).replaceAll("$1");
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    /**
     * Removes user-info from any URL in a text, for URLs whose secrets are not known.
     *
     * @param text any text
     * @return the text with every {@code scheme://userinfo@} shortened to {@code scheme://}
     */
    public static String stripUserInfo(String text) {
        return ANY_USERINFO.matcher(text).replaceAll("$1");
    }

    @Override
    public String toString() {
        return publicUrl;
    }
}
