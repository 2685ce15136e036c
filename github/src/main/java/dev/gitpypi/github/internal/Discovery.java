package dev.gitpypi.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.github.GitHubApiException;
import dev.gitpypi.github.Visibility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the repositories of a source through the REST listings, which carry topics, visibility, fork and archive
 * flags and the last push time, 100 to a page, and answer a conditional request with a free 304 when nothing in
 * the page changed: {@code /orgs/ORG/repos}, {@code /users/USER/repos} (public repositories), {@code /user/repos}
 * (the token's own, private included), or {@code /repos/OWNER/NAME} for each repository of a list. Listings are
 * sorted by creation time, oldest first, so that a new repository changes only the last page.
 */
final class Discovery {
    private static final String ORDER = "sort=created&direction=asc&per_page=100";

    private Discovery() {
    }

    static List<Repo> repositories(Settings s, GitHubClient client, List<Problem> problems, String description)
            throws IOException {
        Settings.Target t = s.target();
        List<Repo> all = new ArrayList<>();
        switch (t.kind()) {
            case ORGANIZATION -> all.addAll(listing(client, "/orgs/" + t.login() + "/repos?type=all&" + ORDER,
                    "no github organization " + Texts.quote(t.login()) + " (or the token cannot see it; for a user's"
                            + " repositories use a user source)", problems, description));
            case USER -> all.addAll(listing(client, "/users/" + t.login() + "/repos?type=owner&" + ORDER,
                    "no github user " + Texts.quote(t.login()), problems, description));
            case VIEWER -> {
                if (!client.hasToken()) {
                    throw new GitHubApiException("the token's own repositories need a token (set GITHUB_TOKEN or"
                            + " GH_TOKEN)", 401, null);
                }
                all.addAll(listing(client, "/user/repos?affiliation=owner&visibility=all&" + ORDER,
                        "github has no repositories for the token's account", problems, description));
            }
            case REPOSITORIES -> {
                for (String full : t.repositories()) {
                    GitHubClient.Answer a = client.get("/repos/" + full);
                    if (a.status() == 404) {
                        problems.add(Problem.error(description, "no github repository " + Texts.quote(full)
                                + " (or the token cannot see it); skipped"));
                        continue;
                    }
                    Optional<Repo> r = Repo.fromJson(a.body());
                    if (r.isEmpty()) {
                        problems.add(Problem.error(description, "github's description of repository "
                                + Texts.quote(full) + " lacks its name or urls; skipped"));
                    } else {
                        all.add(r.get());
                    }
                }
                return all;
            }
            default -> throw new IllegalStateException(t.kind().toString());
        }
        List<Repo> kept = new ArrayList<>();
        for (Repo r : all) {
            if (keep(s, r)) {
                kept.add(r);
            }
        }
        return kept;
    }

    private static List<Repo> listing(GitHubClient client, String path, String notFound, List<Problem> problems,
            String description) throws IOException {
        boolean[] unchanged = {true};
        Optional<List<JsonNode>> items = client.getAll(path, unchanged);
        if (items.isEmpty()) {
            throw new GitHubApiException(notFound, 404, null);
        }
        List<Repo> repos = new ArrayList<>();
        for (JsonNode n : items.get()) {
            Optional<Repo> r = Repo.fromJson(n);
            if (r.isPresent()) {
                repos.add(r.get());
            } else {
                problems.add(Problem.warning(description, "github listed a repository without a valid name or urls ("
                        + Texts.quote(n.path("full_name").asText("?")) + "); skipped"));
            }
        }
        return repos;
    }

    /** The filters: archived, forks, visibility, topics (any of them), name pattern; disabled ones never. */
    static boolean keep(Settings s, Repo r) {
        if (r.disabled() || (r.archived() && !s.includeArchived()) || (r.fork() && !s.includeForks())) {
            return false;
        }
        if ((s.visibility() == Visibility.PUBLIC && r.isPrivate())
                || (s.visibility() == Visibility.PRIVATE && !r.isPrivate())) {
            return false;
        }
        if (!s.topics().isEmpty() && r.topics().stream().noneMatch(t -> s.topics().contains(t.toLowerCase(
                Locale.ROOT)))) {
            return false;
        }
        return s.namePattern() == null || s.namePattern().matcher(r.name()).matches();
    }
}
