package dev.gitpypi.github.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Progress;
import dev.gitpypi.git.TagPattern;
import dev.gitpypi.github.Sleeper;
import dev.gitpypi.github.Visibility;
import dev.gitpypi.testing.github.FakeGitHub;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers' file fetching (what the metadata reader asks for beyond the files that come with the tags), the
 * {@code link} header parsing and the repository filters, against the stand-in where GitHub is involved.
 */
class ReadersTest {
    @TempDir
    Path cache;

    private FakeGitHub gh;
    private String token;

    @BeforeEach
    void start() throws Exception {
        gh = FakeGitHub.start();
        token = FakeGitHub.randomToken("ghp");
        gh.token(token, "octocat");
    }

    @AfterEach
    void stop() {
        assertThat(gh.graphqlProblems()).isEmpty();
        assertThat(gh.clientProblems()).isEmpty();
        gh.close();
    }

    private Settings settings(boolean graphql) {
        Settings.Target t = new Settings.Target(Settings.Kind.ORGANIZATION, "acme", List.of());
        return new Settings(t, Set.of(), null, false, false, Visibility.ALL, LinkStyle.VCS,
                TagPattern.defaultPattern(), false, () -> token, URI.create(gh.apiUrl()), URI.create(gh.graphqlUrl()),
                cache, null, b -> { }, Progress.NONE, false, false, null, graphql, Duration.ofDays(7), gh.clock(),
                Sleeper.system(), Duration.ofMinutes(1), 1, Duration.ofSeconds(10), 1 << 20);
    }

    private static Repo repo(String owner, String name) {
        return new Repo(owner, name, false, "public", false, false, false, List.of(), "", "", "");
    }

    @Test
    void filesAreFetchedInBatchesByCommitAndPathAndKeptAsAbsentToo() throws Exception {
        FakeGitHub.Repo r = gh.organization("acme").repository("lib");
        String commit = r.tag("v1", Map.of("docs/README.md", "# lib\n", "src/lib/__about__.py", "__version__ = '1'\n"))
                .oid();
        for (boolean graphql : List.of(true, false)) {
            Snapshots snapshots = new Snapshots(cache.resolve(graphql ? "g" : "r"), gh.apiUrl());
            Settings s = settings(graphql);
            GitHubClient client = new GitHubClient(s, new Usage());
            Reader reader = graphql ? new GraphQlReader(s, client, snapshots) : new RestReader(s, client, snapshots);
            reader.fetchFiles(List.of(new Reader.FileKey(repo("acme", "lib"), commit, "docs/README.md"),
                    new Reader.FileKey(repo("acme", "lib"), commit, "src/lib/__about__.py"),
                    new Reader.FileKey(repo("acme", "lib"), commit, "missing.txt")));
            assertThat(snapshots.file(commit, "docs/README.md")).hasValueSatisfying(f -> assertThat(f)
                    .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("# lib\n")));
            assertThat(snapshots.file(commit, "src/lib/__about__.py")).isPresent();
            assertThat(snapshots.file(commit, "missing.txt")).contains(Optional.empty());
            assertThat(snapshots.file(commit, "not/asked")).isEmpty();
        }
        assertThat(gh.graphqlQueries()).singleElement().satisfies(q -> assertThat(q)
                .contains("f0: object(expression: $e0)", "f2: object(expression: $e2)"));
        assertThat(gh.requests()).filteredOn(x -> x.contains("/contents/")).hasSize(3);
    }

    @Test
    void nextLinksAreFoundWhereverTheyStand() {
        assertThat(GitHubClient.nextLink("<https://api.github.com/x?page=2>; rel=\"next\", "
                + "<https://api.github.com/x?page=5>; rel=\"last\"")).isEqualTo("https://api.github.com/x?page=2");
        assertThat(GitHubClient.nextLink("<https://a/x?page=1>; rel=\"prev\", <https://a/x?page=3>; rel=\"next\""))
                .isEqualTo("https://a/x?page=3");
        assertThat(GitHubClient.nextLink("<https://a/x?page=1>; rel=\"first\"")).isNull();
        assertThat(GitHubClient.nextLink("")).isNull();
    }

    @Test
    void tokensGoOnlyBelowTheApiPath() {
        Settings ghes = new Settings(new Settings.Target(Settings.Kind.ORGANIZATION, "acme", List.of()), Set.of(),
                null, false, false, Visibility.ALL, LinkStyle.VCS, TagPattern.defaultPattern(), false, () -> null,
                URI.create("https://ghe.example.com/api/v3"), URI.create("https://ghe.example.com/api/graphql"),
                cache, null, b -> { }, Progress.NONE, false, false, null, true, Duration.ofDays(7),
                java.time.Clock.systemUTC(), Sleeper.system(), Duration.ZERO, 0, Duration.ofSeconds(1), 1);
        GitHubClient c = new GitHubClient(ghes, new Usage());
        assertThat(c.underApi(URI.create("https://ghe.example.com/api/v3/orgs/acme/repos"))).isTrue();
        assertThat(c.underApi(URI.create("https://ghe.example.com/acme/x/releases/download/v1/x.whl"))).isFalse();
        assertThat(c.underApi(URI.create("https://ghe.example.com/api/v30/x"))).isFalse();
        assertThat(c.underApi(URI.create("http://ghe.example.com/api/v3/x"))).isFalse();
        assertThat(c.underApi(URI.create("https://ghe.example.com:8443/api/v3/x"))).isFalse();
        assertThat(c.underApi(URI.create("https://evil.example/api/v3/x"))).isFalse();
    }
}
