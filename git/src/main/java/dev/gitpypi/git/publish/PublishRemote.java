package dev.gitpypi.git.publish;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.git.internal.RemoteUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Where a publish pushes to, split into what JGit is given (never a secret), what is shown, and the credentials
 * sent: those of the URL itself, else explicit ones, else the GitHub token, which goes only to the GitHub host
 * (github.com, or the host of the configured API URL) and only over the API URL's scheme.
 */
final class PublishRemote {
    private final String fetchUrl;
    private final String shown;
    private final boolean local;
    private final @Nullable String user;
    private final @Nullable String password;
    private final List<String> secrets;
    private final @Nullable String githubOwner;
    private final @Nullable String githubRepo;
    private final @Nullable RemoteUrl url;

    private PublishRemote(@Nullable RemoteUrl url, String fetchUrl, String shown, boolean local, @Nullable String user,
            @Nullable String password, List<String> secrets, @Nullable String githubOwner,
            @Nullable String githubRepo) {
        this.url = url;
        this.fetchUrl = fetchUrl;
        this.shown = shown;
        this.local = local;
        this.user = user;
        this.password = password;
        List<String> sorted = new ArrayList<>(secrets);
        sorted.removeIf(s -> s == null || s.isEmpty());
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
        this.githubOwner = githubOwner;
        this.githubRepo = githubRepo;
    }

    /**
     * Resolves a remote.
     *
     * @param remote a URL ({@code https}, {@code http}, {@code ssh}, scp-like, {@code git}, {@code file}) or the path
     *               of a local repository
     * @param explicitUser a user for HTTP authentication, or null
     * @param explicitPassword its password or token, or null
     * @param githubToken a GitHub token, or null
     * @param githubApi the GitHub API base URL
     * @return the remote
     * @throws IllegalArgumentException for an unsupported URL or a missing local folder (no secret in the message)
     */
    static PublishRemote resolve(String remote, @Nullable String explicitUser, @Nullable String explicitPassword,
            @Nullable String githubToken, URI githubApi) {
        if (!RemoteUrl.isUrl(remote)) {
            Path path = Path.of(remote);
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException("no repository folder " + Texts.quote(remote)
                        + ": give a local repository (a bare one such as index.git) or a URL");
            }
            return new PublishRemote(null, path.toAbsolutePath().normalize().toString(), remote, true, null, null,
                    List.of(), null, null);
        }
        RemoteUrl url = RemoteUrl.parse(remote);
        List<String> secrets = new ArrayList<>();
        String user = null;
        String password = null;
        if (url.hasCredentials()) {
            user = url.user() == null ? "" : url.user();
            password = url.password() == null ? "" : url.password();
            secrets.add(password);
            if (url.fetchUrl().startsWith("http")) {
                secrets.add(user);
            }
        } else if (explicitUser != null || explicitPassword != null) {
            user = explicitUser == null ? "" : explicitUser;
            password = explicitPassword == null ? "" : explicitPassword;
            secrets.add(password);
        }
        String host = hostOf(url.publicUrl());
        String scheme = url.publicUrl().substring(0, url.publicUrl().indexOf("://")).toLowerCase(Locale.ROOT);
        String githubHost = githubHost(githubApi);
        boolean onGitHub;
        if (scheme.equals("http") || scheme.equals("https")) {
            onGitHub = host.equalsIgnoreCase(githubHost) && scheme.equals(githubApi.getScheme());
        } else {
            onGitHub = scheme.equals("ssh") && stripPort(host).equalsIgnoreCase(stripPort(githubHost));
        }
        if (githubToken != null && !githubToken.isBlank()) {
            secrets.add(githubToken);
            if (user == null && onGitHub && (scheme.equals("http") || scheme.equals("https"))) {
                user = "x-access-token";
                password = githubToken;
            }
        }
        String owner = null;
        String repo = null;
        if (onGitHub) {
            String path = pathOf(url.publicUrl()).replaceAll("^/+|/+$", "");
            String[] parts = path.split("/");
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                owner = parts[0];
                repo = parts[1].endsWith(".git") ? parts[1].substring(0, parts[1].length() - 4) : parts[1];
            }
        }
        return new PublishRemote(url, url.fetchUrl(), url.publicUrl(), false, user, password, secrets, owner, repo);
    }

    /**
     * The host (with port) Git is served from for a GitHub API URL: {@code api.github.com} serves
     * {@code github.com}, {@code api.HOST} serves {@code HOST} (GitHub Enterprise Cloud with data residency), and
     * GitHub Enterprise Server serves both from one host ({@code https://HOST/api/v3}).
     */
    static String githubHost(URI api) {
        String host = api.getHost() == null ? "" : api.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("api.")) {
            host = host.substring(4);
        }
        return api.getPort() < 0 ? host : host + ":" + api.getPort();
    }

    /**
     * Parses a GitHub API base URL.
     *
     * @param url such as {@code https://api.github.com} or {@code https://HOST/api/v3}
     * @return the URI, without a trailing slash
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without credentials
     */
    static URI parseApiUrl(String url) {
        try {
            URI u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))
                    || u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null
                    || u.getRawFragment() != null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("github api url " + Texts.quote(Redaction.url(url))
                    + " must be an absolute http or https URL such as https://api.github.com or"
                    + " https://github.example.com/api/v3");
        }
    }

    private static String hostOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        return (at < 0 ? authority : authority.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    private static String pathOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash);
    }

    private static String stripPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
    }

    /** @return the URL or path given to JGit: no secret in it */
    String fetchUrl() {
        return fetchUrl;
    }

    /** @return the remote as shown in messages and results */
    String shown() {
        return shown;
    }

    /** @return whether the remote is a local folder or a {@code file://} URL */
    boolean isLocal() {
        return local || fetchUrl.startsWith("file:");
    }

    /** @return the HTTP credentials to send, if any */
    @Nullable CredentialsProvider credentials() {
        return user == null ? null : new UsernamePasswordCredentialsProvider(user, password == null ? "" : password);
    }

    /** @return whether credentials will be sent */
    boolean hasCredentials() {
        return user != null;
    }

    /** @return every secret held (passwords, tokens), longest first, for redaction and for scanning the site */
    List<String> secrets() {
        return secrets;
    }

    /** @return the GitHub repository ({@code owner/name}) the remote is, when it is on the GitHub host */
    Optional<String[]> githubRepository() {
        return githubOwner == null || githubRepo == null ? Optional.empty()
                : Optional.of(new String[] {githubOwner, githubRepo});
    }

    /**
     * Removes every secret this remote holds, and any URL user-info or token-shaped text, from a text.
     *
     * @param text a message, possibly from JGit or a server
     * @return the text without secrets
     */
    String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String out = url == null ? text : url.redact(text);
        for (String s : secrets) {
            if (s.length() >= 4) {
                out = out.replace(s, Redaction.MASK);
            }
        }
        return Redaction.text(out);
    }

    @Override
    public String toString() {
        return shown;
    }
}
