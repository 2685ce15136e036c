package dev.gitpypi.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitpypi.validator.PageReadException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page given as text (trusted as little as a remote one) may make deep mode fetch, and https-only access. */
class FetchPolicyTest {
    private static final Limits LIMITS = new Limits(1 << 20, 1 << 20, 3, Duration.ofSeconds(2), Duration.ofSeconds(2),
            -1, 1000);

    private static TextSite page(String url) {
        return TextSite.open("<a href=\"foo-1.0.tar.gz\">foo-1.0.tar.gz</a>".getBytes(java.nio.charset.StandardCharsets
                .UTF_8), URI.create(url), "text/html", LIMITS);
    }

    @Test
    void aRemotePageMayMakeGitpypiFetchPublicHttpsOnly() {
        TextSite https = page("https://index.example/simple/foo/");
        assertThat(https.refusal(URI.create("https://files.example/foo-1.0.tar.gz"))).isEmpty();
        for (String refused : List.of("http://files.example/foo-1.0.tar.gz", "file:///etc/hostname",
                "ftp://files.example/x", "https://127.0.0.1/x", "https://localhost/x", "https://169.254.169.254/x",
                "https://10.1.2.3/x", "https://192.168.0.1/x", "https://172.20.0.1/x", "https://[::1]/x",
                "https://[fd00::1]/x", "https://[fe80::1]/x", "https://0.0.0.0/x")) {
            assertThat(https.refusal(URI.create(refused))).as(refused).isPresent();
        }
        TextSite plain = page("http://index.example/simple/foo/");
        assertThat(plain.refusal(URI.create("http://files.example/foo-1.0.tar.gz"))).isEmpty();
        // an index on an internal address may link to its neighbours
        TextSite internal = page("http://10.0.0.5/simple/foo/");
        assertThat(internal.refusal(URI.create("http://10.0.0.6/foo-1.0.tar.gz"))).isEmpty();
        assertThat(internal.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(Hosts.isInternal("files.example")).isFalse();
        assertThat(Hosts.isInternal("172.32.0.1")).isFalse();
    }

    @Test
    void anHttpsIndexRefusesPlainHttpBeforeConnecting() {
        HttpAccess https = new HttpAccess(LIMITS).forIndex(URI.create("https://index.example/simple/"));
        assertThatThrownBy(() -> https.get(URI.create("http://127.0.0.1:9/x"), HttpAccess.ACCEPT_ANY, 10))
                .isInstanceOf(PageReadException.class).hasMessageContaining("refusing plain http")
                .hasMessageContaining("the index is https");
    }
}
