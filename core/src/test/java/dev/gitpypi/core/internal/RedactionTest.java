package dev.gitpypi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:s3cret@host/simple/|https://host/simple/",
        "https://user@host|https://host",
        "https://u:p@ss@w0rd@host:8443/x?y=1#z|https://host:8443/x?y=1#z",
        "git+https://x-access-token:tok@github.com/o/r.git@v1#egg=a-1|git+https://github.com/o/r.git@v1#egg=a-1",
        "ssh://git@github.com/o/r.git|ssh://github.com/o/r.git",
        "https://host/path@v1|https://host/path@v1",
        "https://host/o/r.git@v1.0#egg=x-1.0|https://host/o/r.git@v1.0#egg=x-1.0",
        "file:///tmp/a@b|file:///tmp/a@b",
        "ftp:/user:PASS@127.0.0.1:9/simple|ftp:/127.0.0.1:9/simple",
        "https:/u:p@ss@host/x|https:/host/x",
        "C:/Users/me@example|C:/Users/me@example",
        "/srv/a:/b@c|/srv/a:/b@c",
        "plain text|plain text",
        "''|''",
    })
    void urlLosesItsUserInfoAndNothingElse(String in, String out) {
        assertThat(Redaction.url(in)).isEqualTo(out);
        assertThat(Redaction.hasUserInfo(in)).isEqualTo(!in.equals(out));
    }

    @Test
    void aUrlMangledIntoAPathIsRedactedInText() {
        assertThat(Redaction.text("no such folder or file: \"ftp:/user:PASS@127.0.0.1:9/simple\""))
                .isEqualTo("no such folder or file: \"ftp:/127.0.0.1:9/simple\"");
    }

    @Test
    void everyUrlInATextIsRedacted() {
        String text = "fetching https://a:PASS1@h1/x and (http://b:PASS2@h2) then 'git://c:PASS3@h3/r'";
        assertThat(Redaction.text(text)).doesNotContain("PASS").contains("https://h1/x", "http://h2", "git://h3/r");
    }

    @Test
    void credentialHeadersAndTokensAreMasked() {
        String token = "ghp_" + "A1b2C3d4E5".repeat(4);
        String basic = Base64.getEncoder().encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
        String log = "Authorization: Basic " + basic + "\ncookie: session=abc; other=1\nX-Api-Key=k3y\nplain "
                + token + " end";
        String red = Redaction.text(log);
        assertThat(red).doesNotContain(basic).doesNotContain(token).doesNotContain("session=abc")
                .doesNotContain("k3y").contains("Authorization: ***", "plain *** end");
        String pat = "github_pat_" + "abcdefghij".repeat(3) + "_" + "K".repeat(59);
        assertThat(Redaction.text("token " + pat)).isEqualTo("token ***");
    }
}
