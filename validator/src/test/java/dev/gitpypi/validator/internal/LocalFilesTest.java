package dev.gitpypi.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a page for people's link to the index leads, shown as the user would type it. */
class LocalFilesTest {
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "site/project/hello  | ../../simple/            | site/simple",
        "site/project/hello/ | ../../simple/            | site/simple",
        "site                | simple/                  | site/simple",
        "''                  | simple/                  | simple",
        ".                   | simple/                  | simple",
        "project/hello       | ../../simple/            | simple",
        "hello               | ../../simple/            | ../simple",
        "''                  | ../../simple/            | ../../simple",
        "/srv/site/project/x | ../../simple/#top        | /srv/site/simple",
        "site                | ./simple/?x=1            | site/simple",
        "site                | https://example.org/simple/ | https://example.org/simple/",
        "site                | /simple/                 | /simple/",
    })
    void linkTargetResolvesAsTyped(String folder, String href, String expected) {
        assertThat(LocalFiles.linkTarget(folder, href)).isEqualTo(expected);
    }
}
