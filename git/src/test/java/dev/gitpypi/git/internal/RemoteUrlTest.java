package dev.gitpypi.git.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DESIGN "Security rules": what is fetched, what is shown, what is secret. */
class RemoteUrlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", value = {
        "https://github.com/o/r.git | https://github.com/o/r.git | https://github.com/o/r.git | false",
        "https://user:tok3nVALUE@github.com/o/r.git | https://github.com/o/r.git | https://github.com/o/r.git | true",
        "https://ghp_tok3nVALUE@github.com/o/r | https://github.com/o/r | https://github.com/o/r | true",
        "HTTPS://u:p%40ssw0rd@host:8443/o/r | https://host:8443/o/r | https://host:8443/o/r | true",
        "git://127.0.0.1:9418/r.git | git://127.0.0.1:9418/r.git | git://127.0.0.1:9418/r.git | false",
        "file:///srv/git/r.git | file:///srv/git/r.git | file:///srv/git/r.git | false",
        "ssh://git@github.com/o/r.git | ssh://git@github.com/o/r.git | ssh://git@github.com/o/r.git | false",
        "ssh://git:pw0rd@host/o/r.git | ssh://git@host/o/r.git | ssh://git@host/o/r.git | true",
        "git@github.com:o/r.git | git@github.com:o/r.git | ssh://git@github.com/o/r.git | false",
    })
    void splitsFetchPublicAndSecret(String url, String fetch, String shown, boolean credentials) {
        RemoteUrl r = RemoteUrl.parse(url);
        assertThat(r.fetchUrl()).isEqualTo(fetch);
        assertThat(r.publicUrl()).isEqualTo(shown);
        assertThat(r.hasCredentials()).isEqualTo(credentials);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", value = {
        "https://user:tok3nVALUE@github.com/o/r.git | tok3nVALUE | user",
        "https://ghp_tok3nVALUE@github.com/o/r | ghp_tok3nVALUE | ghp_tok3nVALUE",
        "https://u:p%40ssw0rd@host/o/r | p@ssw0rd | u",
        "ssh://git:pw0rd@host/o/r.git | pw0rd | git",
    })
    void redactsEverySpellingOfTheSecret(String url, String secret, String user) {
        RemoteUrl r = RemoteUrl.parse(url);
        assertThat(r.user()).isEqualTo(user);
        String noisy = "failed " + url + " with " + secret + " and " + url.replace("%40", "@") + " end";
        assertThat(r.redact(noisy)).doesNotContain(secret).doesNotContain("%40ssw0rd").endsWith(" end");
    }

    @ParameterizedTest
    @CsvSource({"ftp://host/r", "jdbc://x"})
    void otherSchemesAreRejectedWithoutEchoingTheUrl(String url) {
        assertThatThrownBy(() -> RemoteUrl.parse(url.replace("://", "://user:s3cret@")))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource({"/srv/repo, false", "relative/path, false", "C:/x, false", "host:repo.git, true",
        "https://h/r, true"})
    void tellsUrlsFromPaths(String text, boolean url) {
        assertThat(RemoteUrl.isUrl(text)).isEqualTo(url);
    }

    /** Seed of the property test: {@code -Dgitpypi.seed=N} replays a run. */
    private static final long SEED = Long.getLong("gitpypi.seed", System.nanoTime());

    static Stream<String[]> randomCredentials() {
        System.out.println("RemoteUrlTest seed " + SEED + " (replay with -Dgitpypi.seed=" + SEED + ")");
        Random random = new Random(SEED);
        String alphabet = "abcXYZ019-_.~!$&'()*+,;=:@/?#%[] \u00e9";
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder secret = new StringBuilder("S");
            int n = 6 + random.nextInt(30);
            for (int j = 0; j < n; j++) {
                secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String scheme = List.of("https", "http", "ssh").get(random.nextInt(3));
            out.add(new String[] {scheme, random.nextBoolean() ? "user" + i : "", secret.toString()});
        }
        return out.stream();
    }

    /**
     * Property: for any password or token (percent-encoded in the URL as it must be), neither the public URL nor a
     * redacted message holding the URL, the raw secret or its encoded form contains the secret.
     */
    @ParameterizedTest
    @MethodSource("randomCredentials")
    void noSecretSurvives(String scheme, String user, String secret) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20");
        String userInfo = user.isEmpty() ? encoded : user + ":" + encoded;
        if (scheme.equals("ssh") && user.isEmpty()) {
            userInfo = "git:" + encoded;
        }
        String url = scheme + "://" + userInfo + "@host.invalid:8443/org/repo.git";
        RemoteUrl r = RemoteUrl.parse(url);
        assertThat(r.password()).isIn(secret, "", null);
        if (r.password() == null || r.password().isEmpty()) {
            assertThat(r.user()).isEqualTo(secret);
        }
        assertThat(r.publicUrl()).doesNotContain(secret).doesNotContain(encoded).endsWith("host.invalid:8443/org/repo.git");
        assertThat(r.fetchUrl()).doesNotContain(encoded);
        String message = "cannot fetch " + url + ": auth failed for " + secret + " (" + encoded + ")";
        assertThat(r.redact(message)).doesNotContain(secret).doesNotContain(encoded);
    }
}
