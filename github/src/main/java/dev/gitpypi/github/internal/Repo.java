package dev.gitpypi.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A repository as GitHub's repository listings describe it (the {@code minimal-repository} and {@code repository}
 * schemas).
 *
 * @param owner the owner's login
 * @param name the name
 * @param isPrivate whether it is not public ({@code private}, or {@code visibility} private or internal)
 * @param visibility {@code public}, {@code private} or {@code internal}
 * @param fork whether it is a fork
 * @param archived whether it is archived
 * @param disabled whether GitHub disabled it
 * @param topics its topics
 * @param pushedAt the time of the last push, as GitHub wrote it (tags are pushed)
 * @param htmlUrl its page
 * @param cloneUrl its HTTPS clone URL
 */
public record Repo(String owner, String name, boolean isPrivate, String visibility, boolean fork, boolean archived,
        boolean disabled, List<String> topics, String pushedAt, String htmlUrl, String cloneUrl) {
    /**
     * Creates a repository.
     */
    public Repo {
        topics = List.copyOf(topics);
    }

    /** @return {@code owner/name} */
    public String fullName() {
        return owner + "/" + name;
    }

    /**
     * Reads a repository object of the REST API.
     *
     * @param n the object
     * @return the repository, or empty when a required field is missing
     */
    static Optional<Repo> fromJson(JsonNode n) {
        String fullName = n.path("full_name").asText("");
        String name = n.path("name").asText("");
        int slash = fullName.indexOf('/');
        if (name.isEmpty() || slash <= 0 || !Names.isRepoName(name) || !Names.isLogin(fullName.substring(0, slash))) {
            return Optional.empty();
        }
        String visibility = n.path("visibility").asText(n.path("private").asBoolean(false) ? "private" : "public")
                .toLowerCase(Locale.ROOT);
        List<String> topics = new ArrayList<>();
        n.path("topics").forEach(t -> topics.add(t.asText().toLowerCase(Locale.ROOT)));
        String html = n.path("html_url").asText("");
        String clone = n.path("clone_url").asText("");
        if (html.isEmpty() || clone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Repo(fullName.substring(0, slash), name,
                n.path("private").asBoolean(false) || !visibility.equals("public"), visibility,
                n.path("fork").asBoolean(false), n.path("archived").asBoolean(false),
                n.path("disabled").asBoolean(false), topics, n.path("pushed_at").asText(""), html, clone));
    }
}
