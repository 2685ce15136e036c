package dev.gitpypi.git.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishRemoteTest {
    private static final String TOKEN = "ghs_" + "k3Y".repeat(12);
    private static final URI GITHUB = URI.create("https://api.github.com");

    @ParameterizedTest(name = "{0} with api {1}: token sent {2}")
    @CsvSource({
        "https://github.com/acme/index.git, https://api.github.com, true",
        "https://GitHub.com/acme/index, https://api.github.com, true",
        "http://github.com/acme/index.git, https://api.github.com, false",
        "https://github.com.evil.example/acme/index.git, https://api.github.com, false",
        "https://gitlab.com/acme/index.git, https://api.github.com, false",
        "https://ghe.corp/acme/index.git, https://ghe.corp/api/v3, true",
        "https://ghe.corp:8443/acme/index.git, https://ghe.corp/api/v3, false",
        "https://acme.ghe.com/acme/index.git, https://api.acme.ghe.com, true",
        "http://127.0.0.1:8080/acme/index.git, http://127.0.0.1:8080/api/v3, true",
        "ssh://git@github.com/acme/index.git, https://api.github.com, false",
        "git@github.com:acme/index.git, https://api.github.com, false",
    })
    void theTokenGoesToTheGitHubHostOnlyOverTheApiScheme(String url, String api, boolean sent) {
        PublishRemote r = PublishRemote.resolve(url, null, null, TOKEN, URI.create(api));
        assertThat(r.hasCredentials()).isEqualTo(sent);
        assertThat(r.shown()).doesNotContain(TOKEN);
        assertThat(r.secrets()).contains(TOKEN);
    }

    @Test
    void githubRepositoriesAreRecognisedOverHttpsAndSsh() {
        assertThat(PublishRemote.resolve("https://github.com/acme/index.git", null, null, null, GITHUB)
                .githubRepository()).hasValueSatisfying(r -> assertThat(r).containsExactly("acme", "index"));
        assertThat(PublishRemote.resolve("git@github.com:acme/site", null, null, null, GITHUB)
                .githubRepository()).hasValueSatisfying(r -> assertThat(r).containsExactly("acme", "site"));
        assertThat(PublishRemote.resolve("https://github.com/acme/index/extra", null, null, null, GITHUB)
                .githubRepository()).isEmpty();
        assertThat(PublishRemote.resolve("https://example.org/acme/index.git", null, null, null, GITHUB)
                .githubRepository()).isEmpty();
    }

    @Test
    void credentialsInTheUrlWinAndAreNeverShown() {
        PublishRemote r = PublishRemote.resolve("https://me:p%40ss-w0rd-long@git.example.org/x.git", "other",
                "other-password", TOKEN, GITHUB);
        assertThat(r.fetchUrl()).isEqualTo("https://git.example.org/x.git");
        assertThat(r.shown()).isEqualTo("https://git.example.org/x.git");
        assertThat(r.hasCredentials()).isTrue();
        assertThat(r.redact("failed: p@ss-w0rd-long and p%40ss-w0rd-long and " + TOKEN + " at https://u:v@h/"))
                .isEqualTo("failed: *** and *** and *** at https://h/");
    }

    @Test
    void badRemotesAndApiUrlsAreCleanErrors() {
        assertThatThrownBy(() -> PublishRemote.resolve("ftp://user:secret@host/x", null, null, null, GITHUB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PublishRemote.parseApiUrl("https://user:secret@api.github.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret")
                .hasMessageContaining("must be an absolute http or https URL");
        assertThat(PublishRemote.githubHost(URI.create("https://api.github.com"))).isEqualTo("github.com");
        assertThat(PublishRemote.githubHost(URI.create("https://ghe.corp:8443/api/v3"))).isEqualTo("ghe.corp:8443");
    }
}
