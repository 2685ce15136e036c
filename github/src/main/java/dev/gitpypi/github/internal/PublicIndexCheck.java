package dev.gitpypi.github.internal;

import dev.gitpypi.core.Problem;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Dependency confusion: a private project whose name also exists on a public index can be replaced by the public
 * one when an installer is given both indexes ({@code --extra-index-url}), and anyone can register a free name on
 * PyPI. For every project that comes from a private repository, this asks the public index's simple page for that
 * name ({@code URL/NAME/}, PEP 503) and reports an error when it exists (2xx); 404 and 410 mean it does not;
 * anything else (a redirect the client did not follow, 5xx, no answer) is a warning that the name could not be
 * checked. The request carries no credential.
 */
final class PublicIndexCheck {
    private PublicIndexCheck() {
    }

    /**
     * Checks names.
     *
     * @param index the public simple index root, ending in {@code /}
     * @param privateProjects project → the private repository it comes from
     * @param http the client
     * @param timeout per request
     * @param userAgent the User-Agent
     * @param problems where findings go
     * @throws InterruptedIOException if interrupted
     */
    static void check(URI index, Map<ProjectName, String> privateProjects, HttpClient http, Duration timeout,
            String userAgent, List<Problem> problems) throws InterruptedIOException {
        String root = index.toString().endsWith("/") ? index.toString() : index + "/";
        for (Map.Entry<ProjectName, String> e : privateProjects.entrySet()) {
            String name = e.getKey().normalized();
            URI page = URI.create(root + name + "/");
            String shown = Redaction.url(page.toString());
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(page).timeout(timeout)
                        .header("User-Agent", userAgent)
                        .header("Accept", "application/vnd.pypi.simple.v1+json, text/html;q=0.1").GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    problems.add(Problem.error("github:" + e.getValue(), "private project " + Texts.quote(name)
                            + " also exists on the public index (" + shown + "): an installer given both indexes may"
                            + " install the public one (dependency confusion); rename the project, or make sure"
                            + " installers use only your index for it"));
                } else if (status != 404 && status != 410) {
                    problems.add(Problem.warning("github:" + e.getValue(), "cannot check whether " + Texts.quote(name)
                            + " exists on the public index: " + shown + " answered " + status));
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while checking the public index");
            } catch (IOException | IllegalArgumentException ex) {
                problems.add(Problem.warning("github:" + e.getValue(), "cannot check whether " + Texts.quote(name)
                        + " exists on the public index " + Redaction.url(root) + ": "
                        + Redaction.text(String.valueOf(ex.getMessage()))));
            }
        }
    }
}
