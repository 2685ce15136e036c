package dev.gitpypi.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.git.TagPattern;
import dev.gitpypi.testing.github.FakeGitHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which repositories a source reads (users, the token's account, lists, visibility), what their tags become (the
 * Git source's rules on versions and metadata, read through the API), pages beyond the first, and when a
 * repository is read again.
 */
class GitHubRepositoriesTest {
    @TempDir
    Path cache;

    @RegisterExtension
    final StandIn standIn = new StandIn();

    @BeforeEach
    void start() throws Exception {
        FakeGitHub.Owner me = standIn.gh().user("octocat");
        me.repository("public-tool").tag("v1.0", Fixtures.pyproject("public-tool", "1.0"));
        me.repository("private-tool").privateRepo(true).tag("v1.0", Fixtures.pyproject("private-tool", "1.0"));
        FakeGitHub.Owner acme = standIn.gh().organization("acme");
        acme.repository("internal-lib").internal().tag("v0.1", Fixtures.pyproject("internal-lib", "0.1"));
        acme.repository("archived-lib").archived().tag("v0.1", Fixtures.pyproject("archived-lib", "0.1"));
        acme.repository("forked-lib").fork().tag("v0.1", Fixtures.pyproject("forked-lib", "0.1"));
    }

    private <T extends GitHubSource.Builder> T local(T b) {
        return standIn.local(b, cache);
    }

    private SourceResult read(GitHubSource.Builder b) throws Exception {
        SourceResult r = local(b).build().read();
        assertThat(standIn.gh().graphqlProblems()).isEmpty();
        return r;
    }

    @Test
    void usersTheTokensAccountAndLists() throws Exception {
        assertThat(read(GitHubSource.user("octocat")).index().projects()).containsOnlyKeys("public-tool");
        assertThat(read(GitHubSource.authenticatedUser()).index().projects())
                .containsOnlyKeys("public-tool", "private-tool");
        assertThat(standIn.gh().requests()).anyMatch(r -> r.startsWith("GET /api/v3/user/repos?affiliation=owner"));
        SourceResult list = read(GitHubSource.repositories(List.of("acme/archived-lib", "acme/forked-lib.git",
                "acme/nope")));
        assertThat(list.index().projects()).as("named repositories are not filtered")
                .containsOnlyKeys("archived-lib", "forked-lib");
        assertThat(list.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).isEqualTo("no github repository \"acme/nope\" (or the token cannot see it);"
                    + " skipped");
        });
    }

    @Test
    void filtersByVisibilityArchiveAndFork() throws Exception {
        assertThat(read(GitHubSource.organization("acme")).index().projects()).containsOnlyKeys("internal-lib");
        assertThat(read(GitHubSource.organization("acme").includeArchived(true).includeForks(true)).index()
                .projects()).containsOnlyKeys("internal-lib", "archived-lib", "forked-lib");
        assertThat(read(GitHubSource.organization("acme").includeArchived(true).includeForks(true)
                .visibility(Visibility.PUBLIC)).index().projects()).containsOnlyKeys("archived-lib", "forked-lib");
        assertThat(read(GitHubSource.organization("acme").visibility(Visibility.PRIVATE)).index().projects())
                .as("internal counts as private").containsOnlyKeys("internal-lib");
        SourceResult none = read(GitHubSource.organization("acme").topics("nothing"));
        assertThat(none.index().projects()).isEmpty();
        assertThat(none.problems()).extracting(Problem::message)
                .containsExactly("no repository is left after the filters");
    }

    @Test
    void tagsBecomeVersionsByTheGitSourcesRules() throws Exception {
        FakeGitHub.Repo r = standIn.gh().organization("acme").repository("rules");
        r.tag("v1.0", Fixtures.pyproject("Rules.Lib", "1.0"));
        r.tag("nightly", Fixtures.pyproject("rules-lib", "0"));
        r.tag("v2.0", Fixtures.pyproject("rules-lib", "2.1"));
        r.tag("v3.0", Map.of("pyproject.toml", "[project\nname = broken"));
        r.tag("v4.0", Map.of("setup.cfg", "[metadata]\nname = rules-lib\n", "setup.py",
                "from setuptools import setup\nsetup(version=\"4.0\")\n"));
        r.tag("v5.0+local", Fixtures.pyproject("rules-lib", "5.0+local"));
        r.tag("release-6.0", Fixtures.pyproject("rules-lib", "6.0"));
        r.tag("v7.0", Map.of("setup.py", "import os\nfrom setuptools import setup\n"
                + "setup(name=os.environ['NAME'], version='7.0')\n"));
        SourceResult res = read(GitHubSource.organization("acme").namePattern("rules"));
        assertThat(res.index().projects()).containsOnlyKeys("rules-lib");
        assertThat(res.index().projects().get("rules-lib").distributions()).extracting(Distribution::filename)
                .containsExactly("rules-lib-1.0", "rules-lib-4.0");
        assertThat(res.problems()).filteredOn(p -> p.location().endsWith("\"v7.0\"")).singleElement()
                .satisfies(p -> assertThat(p.message()).as("never the repository name")
                        .startsWith("the project name is not known: ").endsWith(". Give the project a static name"
                                + " (pyproject.toml [project] name, setup.cfg [metadata] name), or use a tag pattern"
                                + " with a (?<project>...) group; tag skipped"));
        assertThat(res.problems()).filteredOn(p -> !p.location().endsWith("\"v7.0\"")).extracting(Problem::toString)
                .containsExactlyInAnyOrder(
                "warning: github:acme/rules: 2 of 8 tags do not match the tag pattern \"v?(?<version>[0-9].*)\" and"
                        + " were skipped (\"nightly\", \"release-6.0\")",
                "error: github:acme/rules tag \"v2.0\": pyproject.toml says version 2.1 but the tag says 2.0; tag"
                        + " skipped (allow version mismatches to index it as 2.1)",
                "error: github:acme/rules tag \"v3.0\": pyproject.toml is not valid toml: \"Newline not permitted"
                        + " here\" at line 1; tag skipped",
                "warning: github:acme/rules tag \"v5.0+local\": version 5.0+local cannot stand in a pip #egg="
                        + " fragment (PIP-06: local versions and epochs are not valid there); not linked, use the sdist"
                        + " link style");
        // pyproject.toml, setup.cfg and setup.py of every tag came with the tags, in one query
        assertThat(standIn.gh().graphqlQueries()).hasSize(1);

        SourceResult custom = read(GitHubSource.organization("acme").namePattern("rules")
                .tagPattern(TagPattern.prefix("release-")).allowVersionMismatch(true));
        assertThat(custom.index().projects().get("rules-lib").releaseVersions()).containsExactly("6.0");
    }

    @Test
    void pagesBeyondTheFirstAreRead() throws Exception {
        FakeGitHub.Repo many = standIn.gh().organization("acme").repository("many");
        for (int i = 0; i < 130; i++) {
            many.tag("v1." + i, Fixtures.pyproject("many", "1." + i));
        }
        for (int i = 0; i < 105; i++) {
            many.release("v1." + i);
        }
        GitHubResult graphql = local(GitHubSource.organization("acme").namePattern("many")).build().readWithUsage();
        assertThat(graphql.result().index().projects().get("many").distributions()).hasSize(130);
        assertThat(graphql.result().index().projects().get("many").distributions())
                .allSatisfy(d -> assertThat(d.uploadTime()).isPresent());
        assertThat(standIn.gh().graphqlQueries()).hasSize(2);
        assertThat(standIn.gh().graphqlQueries().get(1)).contains("after: $t0").contains("after: $d0");
        GitHubResult rest = local(GitHubSource.organization("acme").namePattern("many").useGraphql(false))
                .cacheDir(cache.resolve("rest")).build().readWithUsage();
        assertThat(rest.result().index().projects().get("many").releaseVersions())
                .isEqualTo(graphql.result().index().projects().get("many").releaseVersions()).hasSize(130);
        assertThat(standIn.gh().requests())
                .anyMatch(r -> r.startsWith("GET /api/v3/repos/acme/many/tags?per_page=100&page=2"));
    }

    @Test
    void aRepositoryIsReadAgainAfterAPushOrWhenItsSnapshotIsOld() throws Exception {
        FakeGitHub.Repo r = standIn.gh().organization("acme").repository("moving");
        r.tag("v1.0", Fixtures.pyproject("moving", "1.0"));
        GitHubSource source = local(GitHubSource.organization("acme").namePattern("moving")
                .refreshAfter(Duration.ofDays(1))).build();
        assertThat(source.readWithUsage().usage().graphqlPoints()).isEqualTo(1);
        assertThat(source.readWithUsage().usage().points()).isZero();
        standIn.gh().advance(Duration.ofMinutes(5));
        r.moveTag("v1.0", Fixtures.pyproject("moving", "1.0", "requires-python = \">=3.12\""));
        GitHubResult moved = source.readWithUsage();
        assertThat(moved.usage().graphqlPoints()).isEqualTo(1);
        assertThat(moved.result().index().projects().get("moving").distributions().get(0).requiresPython())
                .contains(">=3.12");
        assertThat(source.readWithUsage().usage().points()).isZero();
        standIn.gh().advance(Duration.ofDays(2));
        assertThat(source.readWithUsage().usage().graphqlPoints()).as("older than refreshAfter").isEqualTo(1);
    }

    @Test
    void sourcesAndUrlsAreCheckedWhenBuilt() {
        assertThat(GitHubSource.organization("acme").build().description()).isEqualTo("github:org/acme");
        assertThat(GitHubSource.organization("acme").apiUrl("https://ghe.example.com/api/v3/").build()
                .description()).isEqualTo("github:org/acme at https://ghe.example.com/api/v3");
        assertThat(GitHubSource.Builder.defaultGraphqlUrl(java.net.URI.create("https://ghe.example.com/api/v3")))
                .hasToString("https://ghe.example.com/api/graphql");
        assertThat(GitHubSource.Builder.defaultGraphqlUrl(java.net.URI.create(GitHubSource.GITHUB_API)))
                .hasToString("https://api.github.com/graphql");
        assertThatThrownBy(() -> GitHubSource.organization("acme").apiUrl("https://user:" + standIn.token()
                + "@ghe.example.com/api/v3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("github api url \"https://ghe.example.com/api/v3\" must not have credentials, a query or a"
                        + " fragment (give the token separately)");
        assertThatThrownBy(() -> GitHubSource.organization("-acme")).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> GitHubSource.repositories(List.of("acme"))).hasMessageContaining("is not OWNER/NAME");
        assertThatThrownBy(() -> GitHubSource.organization("acme").linkStyle(LinkStyle.FILES))
                .hasMessageContaining("vcs, sdist or release");
        String bad = standIn.token() + "\r\nX-Injected: 1";
        assertThatThrownBy(() -> local(GitHubSource.organization("acme")).token(() -> bad).build().read())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(standIn.token())
                .hasMessageContaining("a character a token cannot have");
    }
}
