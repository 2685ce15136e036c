package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEP 691 negotiation as pypi.org does it (Warehouse offers {@code text/html}, then {@code v1+html}, then
 * {@code v1+json}, and WebOb ranks them by q-value, the most specific range deciding a type's q-value).
 */
class MediaNegotiationTest {
    static final String HTML = "text/html";
    static final String V1_HTML = "application/vnd.pypi.simple.v1+html";
    static final String JSON = "application/vnd.pypi.simple.v1+json";

    // Accept headers of the real clients, as gitpypi serve's access log recorded them (InstallerMatrixIT checks
    // they still send these)
    /** pip 23.2.1 (venv) and 23.0.1 (Debian), user agent {@code pip/23.x {…}}. */
    static final String PIP_23 =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";
    /** pdm 2.2.1 (unearth 0.7.2), user agent {@code pdm/2.2.1 CPython/3.11.2}. */
    static final String PDM_221 =
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";
    /** poetry 1.3.2: requests' default, user agent {@code python-requests/2.28.1}. */
    static final String POETRY_132 = "*/*";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        // who                       | Accept                                                          | answer
        "no Accept header            | NULL                                                            | text/html",
        "empty Accept header         | ''                                                              | text/html",
        "anything (curl, requests)   | */*                                                             | text/html",
        "pip (SPEC PIP-01)           | " + ServeIT.PIP_ACCEPT + "                                      | " + JSON,
        "uv (SPEC UV-01)             | " + ServeIT.UV_ACCEPT + "                                       | " + JSON,
        "pip 23.2.1, 23.0.1 (captured) | " + PIP_23 + "                                                | " + JSON,
        "pdm 2.2.1 (captured)        | " + PDM_221 + "                                                 | " + JSON,
        "poetry 1.3.2 (captured)     | " + POETRY_132 + "                                              | text/html",
        "a browser                   | " + ServeIT.BROWSER_ACCEPT + "                                  | text/html",
        "html only                   | text/html                                                       | text/html",
        "json only                   | " + JSON + "                                                    | " + JSON,
        "latest json                 | application/vnd.pypi.simple.latest+json                         | " + JSON,
        "latest html                 | application/vnd.pypi.simple.latest+html                         | " + V1_HTML,
        "application/*               | application/*                                                   | " + V1_HTML,
        "text/*                      | text/*                                                          | text/html",
        "order does not count        | 'text/html;q=0.5, application/vnd.pypi.simple.v1+json'          | " + JSON,
        "q-values count              | 'application/vnd.pypi.simple.v1+json;q=0.4, text/html;q=0.5'    | text/html",
        "q=0 refuses a type          | '*/*, text/html;q=0, application/vnd.pypi.simple.v1+html;q=0'   | " + JSON,
        "specific range wins         | '*/*;q=0.1, application/vnd.pypi.simple.v1+json;q=0.2'          | " + JSON,
        "Q and spaces                | 'application/vnd.pypi.simple.v1+json ; Q=0.9 , text/html;q=0.8' | " + JSON,
        "case of the type            | APPLICATION/VND.PYPI.SIMPLE.V1+JSON                             | " + JSON,
        "bad q is zero               | 'application/vnd.pypi.simple.v1+json;q=x, text/html;q=0.1'      | text/html",
    })
    void answersAsPypiOrg(String who, String accept, String expected) {
        assertThat(MediaNegotiation.choose(accept, null, true)).as(who).hasValue(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "json only, no json form | " + JSON + " | NULL",
        "pip without json form   | " + ServeIT.PIP_ACCEPT + " | " + V1_HTML,
        "nothing acceptable      | application/json | NULL",
    })
    void withoutAJsonFormOrAnAcceptableType(String who, String accept, String expected) {
        boolean json = who.startsWith("nothing");
        assertThat(MediaNegotiation.choose(accept, null, json)).as(who).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "format={0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "text/html | text/html",
        "application/vnd.pypi.simple.latest+json | " + JSON,
        "' APPLICATION/VND.PYPI.SIMPLE.V1+HTML ' | " + V1_HTML,
        "application/xml | NULL",
    })
    void theFormatParameterOverridesAccept(String format, String expected) {
        assertThat(MediaNegotiation.choose(ServeIT.PIP_ACCEPT, format, true))
                .isEqualTo(Optional.ofNullable(expected));
    }
}
