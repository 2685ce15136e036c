package dev.gitpypi.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.LinkStyle;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
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
 * The GitHub source against the stand-in organisation of {@link Fixtures#organization}: 250 repositories over three
 * pages, filtered by topic, forks and archived ones left out; the first build, a rebuild with nothing changed (only
 * 304s, 0 points) and a rebuild after one new release (only that repository read again), counted by the stand-in.
 */
class GitHubSourceTest {
    /** Kept by topic "python" (the even ones), without the forks and archived ones: 125 - 25 - 25. */
    private static final int KEPT = 75;

    @TempDir
    Path cache;

    @RegisterExtension
    final StandIn standIn = new StandIn();

    @BeforeEach
    void start() throws Exception {
        Fixtures.organization(standIn.gh());
    }

    private GitHubSource.Builder acme() {
        return standIn.local(GitHubSource.organization("acme"), cache).topics("python");
    }

    @Test
    void firstBuildNoChangeRebuildAndOneNewRelease() throws Exception {
        GitHubResult first = acme().build().readWithUsage();
        assertThat(standIn.gh().graphqlProblems()).isEmpty();
        Map<String, Project> projects = first.result().index().projects();
        assertThat(projects).hasSize(KEPT).containsKeys("pkg-000", "pkg-002", "pkg-248")
                .doesNotContainKeys("pkg-001", "pkg-004", "pkg-006");
        Project p = projects.get("pkg-002");
        assertThat(p.distributions()).extracting(Distribution::url).containsExactly(
                gitUrl("pkg-002", "v1.0", "1.0"), gitUrl("pkg-002", "v1.1", "1.1"), gitUrl("pkg-002", "v1.2", "1.2"));
        assertThat(p.distributions()).allSatisfy(d -> assertThat(d.requiresPython()).contains(">=3.8"));
        assertThat(p.distributions()).allSatisfy(d -> assertThat(d.uploadTime()).isPresent());
        assertThat(p.distributions().get(2).metadata()).hasValueSatisfying(m -> {
            assertThat(m.name()).contains("pkg-002");
            assertThat(m.version()).contains("1.2");
            assertThat(m.requiresPython()).contains(">=3.8");
        });
        assertThat(p.sourceUrl()).contains(standIn.gh().webUrl() + "acme/pkg-002");
        // 3 listing pages (REST), 75 repositories in 2 GraphQL queries of 1 point each (74 + 1)
        assertThat(first.usage().restPoints()).isEqualTo(3);
        assertThat(first.usage().graphqlPoints()).isEqualTo(2);
        assertThat(standIn.gh().restPoints()).isEqualTo(3);
        assertThat(standIn.gh().graphqlPoints()).isEqualTo(2);
        assertThat(first.usage().requests()).isEqualTo(5);
        // notes: the GitHub pre-releases whose version is final (pkg-000, -050, -100, -150, -200), private repos
        List<String> warnings = first.result().problems().stream().map(Problem::toString).toList();
        assertThat(warnings.stream().filter(w -> w.contains("github marks this release a pre-release"))).hasSize(5);
        assertThat(warnings).anyMatch(w -> w.contains("5 private repositories are listed"));
        assertThat(first.result().hasErrors()).isFalse();

        standIn.gh().resetCounters();
        GitHubResult again = acme().build().readWithUsage();
        assertThat(again.usage().requests()).isEqualTo(3);
        assertThat(again.usage().notModified()).isEqualTo(3);
        assertThat(again.usage().points()).isZero();
        assertThat(standIn.gh().restPoints() + standIn.gh().graphqlPoints()).isZero();
        assertThat(standIn.gh().requests()).allMatch(r -> r.endsWith("-> 304"));
        assertThat(again.result().index()).isEqualTo(first.result().index());

        standIn.gh().resetCounters();
        standIn.gh().advance(Duration.ofHours(1));
        FakeGitHub.Repo changed = standIn.gh().organization("acme").repository("pkg-002");
        changed.tag("v2.0", Fixtures.pyproject("pkg-002", "2.0"));
        changed.release("v2.0");
        GitHubResult after = acme().build().readWithUsage();
        assertThat(after.result().index().projects().get("pkg-002").releaseVersions())
                .containsExactly("1.0", "1.1", "1.2", "2.0");
        // the first listing page changed (1 REST point), the other two did not; one repository read again
        assertThat(after.usage().restPoints()).isEqualTo(1);
        assertThat(after.usage().notModified()).isEqualTo(2);
        assertThat(after.usage().graphqlPoints()).isEqualTo(1);
        assertThat(standIn.gh().graphqlQueries()).hasSize(1);
        assertThat(standIn.gh().graphqlQueries().get(0)).contains("r0: repository").doesNotContain("r1: repository");
        assertThat(standIn.sleeps()).isEmpty();
    }

    @Test
    void releaseStyleLinksPublicAssetsWithDigestsAndHashesOlderOnesOnce() throws Exception {
        GitHubResult first = acme().linkStyle(LinkStyle.RELEASE).build().readWithUsage();
        assertThat(standIn.gh().graphqlQueries()).as("release assets come from REST, which states digests").isEmpty();
        Map<String, Project> projects = first.result().index().projects();
        // the 5 private repositories' assets are refused; drafts (1.3) are skipped
        assertThat(projects).hasSize(KEPT - 5).doesNotContainKeys("pkg-000", "pkg-050");
        Project p = projects.get("pkg-002");
        FakeGitHub.Repo repo = standIn.gh().organization("acme").repository("pkg-002");
        assertThat(p.distributions()).extracting(Distribution::filename)
                .containsExactly("pkg_002-1.2-py3-none-any.whl", "pkg_002-1.2.tar.gz");
        Distribution wheel = p.distributions().get(0);
        assertThat(wheel.url()).isEqualTo(standIn.gh().webUrl()
                + "acme/pkg-002/releases/download/v1.2/pkg_002-1.2-py3-none-any.whl");
        assertThat(wheel.sha256()).contains(sha256(Fixtures.wheel("pkg_002", "1.2")));
        assertThat(wheel.size()).hasValue(Fixtures.wheel("pkg_002", "1.2").length);
        assertThat(wheel.localFile()).isEmpty();
        assertThat(p.distributions().get(1).sha256()).as("no digest: downloaded and hashed")
                .contains(sha256(Fixtures.sdist("pkg_002", "1.2")));
        assertThat(repo.name()).isEqualTo("pkg-002");
        // one download per public sdist without a digest; one REST request per repository and listing page
        assertThat(standIn.gh().downloads()).isEqualTo(KEPT - 5);
        assertThat(first.usage().downloads()).isEqualTo(KEPT - 5);
        assertThat(first.usage().restPoints()).as("browser downloads cost no api points").isEqualTo(3 + KEPT);
        List<Problem> errors = first.result().problems().stream()
                .filter(x -> x.severity() == Severity.ERROR).toList();
        assertThat(errors).hasSize(5).allSatisfy(e -> assertThat(e.message())
                .contains("release assets of private repository").contains("pip cannot send")
                .contains("--mirror-assets --private-site"));

        standIn.gh().resetCounters();
        GitHubResult again = acme().linkStyle(LinkStyle.RELEASE).build().readWithUsage();
        assertThat(again.usage().points()).isZero();
        assertThat(standIn.gh().downloads()).as("the hash of an asset without digest is kept").isZero();
        assertThat(standIn.gh().requests()).allMatch(r -> r.endsWith("-> 304"));
        assertThat(again.result().index()).isEqualTo(first.result().index());

        standIn.gh().resetCounters();
        repo.release("v1.2b1").asset("pkg_002-1.3-py3-none-any.whl", "new wheel".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), true);
        GitHubResult after = acme().linkStyle(LinkStyle.RELEASE).build().readWithUsage();
        assertThat(after.usage().restPoints()).as("only the changed repository's releases").isEqualTo(1);
        assertThat(after.result().index().projects().get("pkg-002").distributions()).hasSize(3);
        assertThat(after.result().problems()).anyMatch(x -> x.message().contains("is version 1.3 but the release"
                + " tag says 1.2b1"));
    }

    @Test
    void mirroredAssetsOfPrivateRepositoriesNeedAPrivateSite() throws Exception {
        GitHubResult refused = acme().namePattern("pkg-0[05]0").linkStyle(LinkStyle.RELEASE).mirrorAssets(true)
                .build().readWithUsage();
        assertThat(refused.result().index().projects()).isEmpty();
        assertThat(refused.result().problems()).hasSize(2).allSatisfy(e -> assertThat(e.message())
                .contains("refusing to copy release assets of"
                        + " private repository").contains("--private-site"));
        assertThat(standIn.gh().downloads()).isZero();

        GitHubResult mirrored = acme().namePattern("pkg-0[05]0").linkStyle(LinkStyle.RELEASE).mirrorAssets(true)
                .privateSite(true).build().readWithUsage();
        assertThat(mirrored.result().index().projects()).as(mirrored.result().problems().toString())
                .containsOnlyKeys("pkg-000", "pkg-050");
        Project p = mirrored.result().index().projects().get("pkg-050");
        Distribution wheel = p.distributions().get(0);
        assertThat(wheel.url()).isEqualTo("../../files/pkg-050/pkg_050-1.2-py3-none-any.whl");
        assertThat(wheel.localFile()).isPresent();
        assertThat(java.nio.file.Files.readAllBytes(wheel.localFile().get())).isEqualTo(Fixtures.wheel("pkg_050",
                "1.2"));
        assertThat(wheel.sha256()).contains(sha256(Fixtures.wheel("pkg_050", "1.2")));
        assertThat(wheel.requiresPython()).as("read from the mirrored wheel").contains(">=3.8");
        assertThat(wheel.coreMetadata()).as("PEP 658 metadata of the hosted wheel").isPresent();
        // private assets come through the API url: a redirect to signed storage, followed without the token
        assertThat(standIn.gh().requests())
                .anyMatch(r -> r.startsWith("GET /api/v3/repos/acme/pkg-050/releases/assets/"))
                .anyMatch(r -> r.startsWith("GET /storage/") && r.endsWith("-> 200"))
                .noneMatch(r -> r.startsWith("GET /storage/") && r.endsWith("-> 400"));
        assertThat(mirrored.result().hasErrors()).isFalse();
    }

    @Test
    void restOnlyReadsTheSameVersionsAtAHigherCost() throws Exception {
        GitHubResult graphql = acme().namePattern("pkg-00[0-9]").build().readWithUsage();
        GitHubResult rest = acme().namePattern("pkg-00[0-9]").useGraphql(false).cacheDir(cache.resolve("rest"))
                .build().readWithUsage();
        assertThat(rest.usage().graphqlPoints()).isZero();
        assertThat(rest.result().index().projects().keySet())
                .isEqualTo(graphql.result().index().projects().keySet()).containsExactly("pkg-000", "pkg-002",
                        "pkg-008");
        for (String name : List.of("pkg-000", "pkg-002", "pkg-008")) {
            assertThat(rest.result().index().projects().get(name).distributions()).extracting(Distribution::url)
                    .isEqualTo(graphql.result().index().projects().get(name).distributions().stream()
                            .map(Distribution::url).toList());
        }
        // 3 listing pages + per repository: tags, releases, and one pyproject.toml per tag
        assertThat(rest.usage().restPoints()).isEqualTo(3 + 3 * 2 + 3 * 3);
        assertThat(graphql.usage().points()).isEqualTo(3 + 1);
    }

    private static String sha256(byte[] bytes) {
        return dev.gitpypi.core.internal.Digests.sha256(bytes);
    }

    private String gitUrl(String repo, String tag, String version) {
        return "git+" + standIn.gh().webUrl() + "acme/" + repo + ".git@" + tag + "#egg=" + repo + "-" + version;
    }
}
