package dev.gitpypi.git.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Asks the GitHub API who can read what a publish pushes: a public repository's branches are readable by anyone,
 * and so is a GitHub Pages site unless the organisation made it private ({@code GET /repos/O/R} {@code private};
 * {@code GET /repos/O/R/pages} {@code public}). Used only for sites marked private.
 */
final class GitHubAudience {
    /** Who can read the branch and its Pages site. */
    enum Kind {
        /** Anyone: refuse a private site. */
        PUBLIC,
        /** Only people with access. */
        PRIVATE,
        /** The API could not tell. */
        UNKNOWN
    }

    /**
     * The answer.
     *
     * @param kind who can read it
     * @param why a sentence for people
     * @param warning something to warn about even when the answer is {@link Kind#PRIVATE}, or null
     */
    record Verdict(Kind kind, String why, @Nullable String warning) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private GitHubAudience() {
    }

    static Verdict check(URI api, @Nullable String token, String owner, String repo, Duration timeout) {
        String name = owner + "/" + repo;
        if (!owner.matches("[A-Za-z0-9._-]+") || !repo.matches("[A-Za-z0-9._-]+")) {
            return new Verdict(Kind.UNKNOWN, "'" + name + "' is not a GitHub repository name", null);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = api.toString().replaceAll("/+$", "") + "/repos/" + owner + "/" + repo;
        Answer repository = get(client, base, token, timeout);
        if (repository.status() != 200 || repository.body() == null) {
            return new Verdict(Kind.UNKNOWN, "the GitHub API did not show the repository " + name + " ("
                    + repository.describe() + (token == null ? "; no token was given" : "") + ")", null);
        }
        JsonNode isPrivate = repository.body().get("private");
        if (isPrivate == null || !isPrivate.isBoolean()) {
            return new Verdict(Kind.UNKNOWN, "the GitHub API's answer for " + name + " has no 'private' field", null);
        }
        if (!isPrivate.booleanValue()) {
            return new Verdict(Kind.PUBLIC, name + " is a public repository: anyone can read its branches", null);
        }
        Answer pages = get(client, base + "/pages", token, timeout);
        if (pages.status() == 404) {
            return new Verdict(Kind.PRIVATE, name + " is a private repository without a GitHub Pages site",
                    "GitHub Pages is not enabled for " + name + ": if you enable it, make the site private"
                            + " (Pages of a private repository are public unless the organisation restricts them)");
        }
        if (pages.status() != 200 || pages.body() == null) {
            return new Verdict(Kind.UNKNOWN, name + " is private, but the GitHub API did not show its Pages settings ("
                    + pages.describe() + "; the token needs the Pages read permission)", null);
        }
        JsonNode isPublic = pages.body().get("public");
        if (isPublic != null && isPublic.isBoolean() && !isPublic.booleanValue()) {
            return new Verdict(Kind.PRIVATE, name + " is private and so is its GitHub Pages site", null);
        }
        JsonNode url = pages.body().get("html_url");
        return new Verdict(Kind.PUBLIC, "the GitHub Pages site of " + name
                + (url != null && url.isTextual() ? " (" + url.asText() + ")" : "")
                + " is public: anyone can read what it serves", null);
    }

    private record Answer(int status, @Nullable JsonNode body, @Nullable String failure) {
        String describe() {
            return failure != null ? failure : "HTTP " + status;
        }
    }

    private static Answer get(HttpClient client, String url, @Nullable String token, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "gitpypi");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY);
                if (response.statusCode() != 200) {
                    return new Answer(response.statusCode(), null, null);
                }
                return new Answer(200, JSON.readTree(bytes), null);
            }
        } catch (IOException e) {
            return new Answer(0, null, "the request failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        } catch (RuntimeException e) {
            return new Answer(0, null, "unreadable answer");
        }
    }
}
