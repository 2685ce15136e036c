package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.NotAnIndexException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One page given as text (a string or bytes, with the URL it came from): a root page or a project page, judged from
 * the page. Not fetched, so no HTTP rules apply to it; its links are followed in deep mode as a remote index's are
 * (SECURITY: http(s) only, https only when its URL is https, never a local file).
 */
public final class TextSite extends SiteBase implements Site {
    private final byte[] bytes;
    private final URI url;
    private final @Nullable String contentType;
    private final boolean rootPage;
    private final @Nullable String evidence;
    private final boolean severalNames;

    private TextSite(Limits limits, byte[] bytes, URI url, @Nullable String contentType, boolean rootPage,
            @Nullable String evidence, boolean severalNames) {
        super(limits, Redaction.url(url.toString()));
        this.bytes = bytes;
        this.url = url;
        this.contentType = contentType;
        this.rootPage = rootPage;
        this.evidence = evidence;
        this.severalNames = severalNames;
    }

    /**
     * Judges a page given as text.
     *
     * @param bytes the page
     * @param url the URL it came from
     * @param contentType its Content-Type (with the charset to decode with), or null
     * @param limits the bounds
     * @return the site
     * @throws NotAnIndexException when the page is no index page
     */
    public static TextSite open(byte[] bytes, URI url, @Nullable String contentType, Limits limits) {
        String path = url.getPath() == null ? "" : url.getPath();
        boolean rootPlace = PageKinds.lastNonEmptySegment(path).equals("simple");
        PageKinds.Verdict v = PageKinds.judge(bytes.length > PageKinds.HEAD ? java.util.Arrays.copyOf(bytes,
                PageKinds.HEAD) : bytes, bytes.length <= PageKinds.HEAD, contentType, path,
                rootPlace ? PageKinds.Kind.ROOT : PageKinds.Kind.PROJECT);
        return switch (v.kind()) {
            case ROOT -> new TextSite(limits, bytes, url, contentType, true, null, false);
            case PROJECT -> new TextSite(limits, bytes, url, contentType, false, v.name(), v.severalNames());
            default -> throw new NotAnIndexException("not an index: the page " + Texts.quote(Redaction.url(
                    url.toString())) + ": " + (v.kind() == PageKinds.Kind.LANDING ? "it is a site's page for people"
                    : v.why()) + " (looked for a project list or a project page, HTML or PEP 691 JSON)");
        };
    }

    private Fetched fetched() {
        return new Fetched(display(), url, 200, contentType, Map.of(), List.of(), new ByteArrayInputStream(bytes), false);
    }

    @Override
    public Scope scope() {
        return rootPage ? Scope.ROOT_PAGE : Scope.PROJECT;
    }

    @Override
    public Optional<String> refusal(URI uri) {
        return remoteRefusal(uri, url);
    }

    @Override
    public Optional<RawRoot> root(@Nullable Consumer<RawRoot.Entry> sink, boolean lines) throws IOException {
        return rootPage ? Optional.of(Pages.root(fetched(), sink, lines)) : Optional.empty();
    }

    @Override
    public RootIndex rootIndex() {
        return RootIndex.NONE;
    }

    @Override
    public List<ProjectRef> projects(RootIndex index) {
        if (rootPage) {
            return List.of();
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String segment = PageKinds.lastNonEmptySegment(path);
        String pathName = segment.isEmpty() || segment.contains(".") && (segment.endsWith(".html")
                || segment.endsWith(".json") || segment.endsWith(".htm")) ? null : segment;
        return List.of(new ProjectRef(pathName, pathName != null ? pathName : evidence != null ? evidence : display(), url,
                false, true, evidence, severalNames));
    }

    @Override
    public List<RawProject> project(ProjectRef ref) throws IOException {
        return List.of(Pages.project(fetched(), ref.pathName(), url));
    }

    @Override
    public String resourceOf(ProjectRef ref) {
        return display();
    }
}
