package dev.gitpypi.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.core.Problem;
import dev.gitpypi.testing.LogCapture;
import dev.gitpypi.testing.github.Fault;
import dev.gitpypi.testing.github.FakeGitHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GitHub does wrong, and what the source does about it: server errors and time-outs are retried with backoff;
 * the primary rate limit is waited out until its reset, the secondary one for {@code retry-after} or, told only in
 * the body, a minute; malformed JSON is retried; a GraphQL {@code errors} array with HTTP 200 fails the read, unless
 * it is {@code RATE_LIMITED}; every wait goes through the injected sleeper (the tests never sleep) and is bounded;
 * a read that fails says why, with no token in the message, the problems or the log.
 */
class GitHubFaultsTest {
    @TempDir
    Path cache;

    @RegisterExtension
    final StandIn standIn = new StandIn();

    @BeforeEach
    void start() throws Exception {
        FakeGitHub.Owner acme = standIn.gh().organization("acme");
        for (String name : List.of("alpha", "beta")) {
            FakeGitHub.Repo r = acme.repository(name);
            r.tag("v1.0", Fixtures.pyproject(name, "1.0"));
            r.tag("v2.0", Fixtures.pyproject(name, "2.0"));
        }
    }

    /** A source whose waits are recorded and move the stand-in's clock on, as real waits would. */
    private GitHubSource.Builder acme() {
        return standIn.local(GitHubSource.organization("acme"), cache);
    }

    private void assertBuilt(GitHubResult r) {
        assertThat(r.result().index().projects()).containsOnlyKeys("alpha", "beta");
        assertThat(r.result().index().projects().get("beta").releaseVersions()).containsExactly("1.0", "2.0");
        assertThat(standIn.gh().graphqlProblems()).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() throws Exception {
        standIn.gh().fault(Fault.status("GET", "/orgs/acme/repos", 500, 2));
        standIn.gh().fault(Fault.status("POST", "/graphql", 502, 1));
        GitHubResult r = acme().build().readWithUsage();
        assertBuilt(r);
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        assertThat(r.usage().requests()).isEqualTo(3 + 2);
        assertThat(r.usage().waited()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void serverErrorsBeyondTheRetriesFailWithAClearMessage() {
        standIn.gh().fault(Fault.status("GET", "/orgs/acme/repos", 503, 10));
        assertThatThrownBy(() -> acme().retries(2).build().read()).isInstanceOf(GitHubApiException.class)
                .hasMessage("github answered GET /orgs/acme/repos?type=all&sort=created&direction=asc&per_page=100"
                        + " with 503 3 times (Server Error); try again later")
                .satisfies(e -> assertThat(((GitHubApiException) e).statusCode()).isEqualTo(503));
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aTimeOutIsRetried() throws Exception {
        standIn.gh().fault(Fault.delay("GET", "/orgs/acme/repos", Duration.ofMillis(2500), 1));
        GitHubResult r = acme().timeout(Duration.ofMillis(700)).build().readWithUsage();
        assertBuilt(r);
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void thePrimaryRateLimitIsWaitedOutUntilItsReset() throws Exception {
        standIn.gh().fault(Fault.primaryRateLimit("GET", "/orgs/acme/repos", 120, 1));
        GitHubResult r = acme().build().readWithUsage();
        assertBuilt(r);
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(121));
        assertThat(standIn.gh().requests().get(0)).endsWith("-> 403");
    }

    @Test
    void aRateLimitResetBeyondTheAllowedWaitFailsAndSaysWhen() {
        standIn.gh().fault(Fault.primaryRateLimit("GET", "/orgs/acme/repos", 3600, 1));
        assertThatThrownBy(() -> acme().maxWait(Duration.ofMinutes(5)).build().read())
                .isInstanceOf(GitHubApiException.class)
                .hasMessage("github's rate limit (core) is exhausted until 2026-01-05T11:00:00Z (61 min), longer than"
                        + " the allowed wait of 5 min; try again after 2026-01-05T11:00:00Z, or allow a longer wait")
                .satisfies(e -> assertThat(((GitHubApiException) e).rateLimitReset())
                        .contains(java.time.Instant.parse("2026-01-05T11:00:00Z")));
        assertThat(standIn.sleeps()).isEmpty();
    }

    @Test
    void aSecondaryLimitWithRetryAfterWaitsThatLong() throws Exception {
        standIn.gh().fault(Fault.retryAfter("POST", "/graphql", 30, 1));
        assertBuilt(acme().build().readWithUsage());
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aSecondaryLimitToldOnlyInTheBodyWaitsAMinuteThenLonger() throws Exception {
        standIn.gh().fault(Fault.secondaryBody("GET", "/orgs/acme/repos", 2));
        assertBuilt(acme().build().readWithUsage());
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @Test
    void malformedJsonIsRetriedThenFails() throws Exception {
        standIn.gh().fault(Fault.malformedJson("GET", "/orgs/acme/repos", 1));
        assertBuilt(acme().build().readWithUsage());
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(1));

        standIn.gh().fault(Fault.malformedJson("GET", "/orgs/acme/repos", 10));
        assertThatThrownBy(() -> acme().cacheDir(cache.resolve("other")).build().read())
                .isInstanceOf(GitHubApiException.class)
                .hasMessageStartingWith("github answered GET /orgs/acme/repos?type=all&sort=created&direction=asc"
                        + "&per_page=100 with malformed json 4 times");
    }

    @Test
    void aGraphqlErrorsArrayWithStatus200FailsTheRead() {
        standIn.gh().fault(Fault.graphqlErrors("INTERNAL", 1));
        assertThatThrownBy(() -> acme().build().read()).isInstanceOf(GitHubApiException.class)
                .hasMessage("github's graphql api answered with errors: \"INTERNAL: Something went wrong while"
                        + " executing your query.\"");
    }

    @Test
    void aGraphqlRateLimitedErrorIsWaitedOut() throws Exception {
        standIn.gh().fault(Fault.graphqlErrors("RATE_LIMITED", 1));
        assertBuilt(acme().build().readWithUsage());
        assertThat(standIn.sleeps()).containsExactly(Duration.ofSeconds(61));
    }

    @Test
    void aBadTokenAndAMissingOrganisationAreClearAndHoldNoToken() throws Exception {
        String wrong = Fixtures.token();
        try (LogCapture log = LogCapture.start()) {
            assertThatThrownBy(() -> acme().token(() -> wrong).build().read()).isInstanceOf(GitHubApiException.class)
                    .hasMessageStartingWith("github rejected the token for GET /orgs/acme/repos")
                    .hasMessageContaining("check GITHUB_TOKEN or GH_TOKEN")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(standIn.token()));
            assertThatThrownBy(() -> standIn.local(GitHubSource.organization("nobody"), cache).build().read())
                    .isInstanceOf(GitHubApiException.class).hasMessageStartingWith("no github organization \"nobody\"");
            List<Problem> problems = acme().linkStyle(dev.gitpypi.core.LinkStyle.SDIST).build().read().problems();
            assertThat(problems.toString()).doesNotContain(standIn.token());
            assertThat(log.lines()).isNotEmpty().noneMatch(l -> l.contains(standIn.token()) || l.contains(wrong));
        }
    }
}
