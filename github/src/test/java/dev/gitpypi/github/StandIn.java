package dev.gitpypi.github;

import dev.gitpypi.testing.github.FakeGitHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh GitHub stand-in for each test ({@code @RegisterExtension}), with a token made at run time, and sources
 * pointed at it: the stand-in's API, clock and a sleeper that records every wait and moves the stand-in's clock on
 * as a real wait would (no test sleeps). After each passing test it checks that every GraphQL query was valid against
 * GitHub's schema and that the client sent the headers GitHub asks for and the token nowhere else.
 */
final class StandIn implements BeforeEachCallback, AfterEachCallback {
    private FakeGitHub gh;
    private String token;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        gh = FakeGitHub.start();
        token = Fixtures.token();
        gh.token(token, "octocat");
        sleeps.clear();
    }

    /** Every test's client behaved: GraphQL queries valid against GitHub's schema, headers as GitHub asks. */
    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (context.getExecutionException().isEmpty()) {
                org.assertj.core.api.Assertions.assertThat(gh.graphqlProblems()).as("invalid graphql queries")
                        .isEmpty();
                org.assertj.core.api.Assertions.assertThat(gh.clientProblems()).as("client misbehaviour").isEmpty();
            }
        } finally {
            gh.close();
        }
    }

    FakeGitHub gh() {
        return gh;
    }

    String token() {
        return token;
    }

    /** @return the waits so far */
    List<Duration> sleeps() {
        return sleeps;
    }

    /** Points a builder at the stand-in. */
    <T extends GitHubSource.Builder> T local(T b, Path cache) {
        b.apiUrl(gh.apiUrl()).token(() -> token).cacheDir(cache).clock(gh.clock()).sleeper(d -> {
            sleeps.add(d);
            gh.advance(d);
        });
        return b;
    }
}
