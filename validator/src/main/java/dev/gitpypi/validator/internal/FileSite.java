package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.NotAnIndexException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A single page file: a root page (its project list is checked, the project pages are not read) or a project page.
 * The project of a lone page is the folder's name when the file is the folder's {@code index.html} or
 * {@code index.json}; otherwise only the page itself can say (its PEP 691 {@code name}, a "Links for NAME" title,
 * the common name of its files).
 */
public final class FileSite extends SiteBase implements Site {
    private final Path file;
    private final boolean rootPage;
    private final @Nullable String pathName;
    private final @Nullable String evidence;
    private final boolean severalNames;

    private FileSite(Limits limits, String display, Path file, boolean rootPage, @Nullable String pathName,
            @Nullable String evidence, boolean severalNames) {
        super(limits, display);
        this.file = file;
        this.rootPage = rootPage;
        this.pathName = pathName;
        this.evidence = evidence;
        this.severalNames = severalNames;
    }

    /**
     * Opens a page file and judges what it is.
     *
     * @param file the file, absolute and normalized
     * @param display the target as typed
     * @param limits the bounds
     * @return the site
     * @throws IOException on I/O failure
     * @throws NotAnIndexException when the file is no index page
     */
    static FileSite open(Path file, String display, Limits limits) throws IOException {
        String fileName = file.getFileName().toString();
        Path folder = file.getParent();
        boolean rootPlace = folder != null && (folder.getFileName() != null && folder.getFileName().toString()
                .equals("simple") || FolderSite.hasProjectFolders(folder));
        PageKinds.Verdict v = PageKinds.judge(LocalFiles.head(file), Files.size(file) <= PageKinds.HEAD, null,
                fileName, rootPlace ? PageKinds.Kind.ROOT : PageKinds.Kind.PROJECT);
        switch (v.kind()) {
            case ROOT -> {
                return new FileSite(limits, display, file, true, null, null, false);
            }
            case PROJECT -> {
                boolean index = fileName.equals("index.html") || fileName.equals("index.json");
                String folderName = index && folder != null && folder.getFileName() != null
                        ? folder.getFileName().toString() : null;
                return new FileSite(limits, display, file, false, folderName, v.name(), v.severalNames());
            }
            case LANDING -> {
                int slash = display.replace('\\', '/').lastIndexOf('/');
                throw new NotAnIndexException("not an index: " + Texts.quote(display) + " is a site's page for"
                        + " people; validate the index it links to: " + Texts.quote(LocalFiles.linkTarget(
                                slash < 0 ? "" : display.substring(0, slash + 1), String.valueOf(v.landingHref()))));
            }
            default -> throw new NotAnIndexException("not an index: " + Texts.quote(display) + ": " + v.why()
                    + " (looked for a project list or a project page, HTML or PEP 691 JSON)");
        }
    }

    @Override
    public Scope scope() {
        return rootPage ? Scope.ROOT_PAGE : Scope.PROJECT;
    }

    @Override
    public Optional<Path> localRoot() {
        Path parent = file.getParent();
        return Optional.of(LocalFiles.siteRoot(parent == null ? file : parent));
    }

    @Override
    public Optional<String> refusal(URI uri) {
        return LocalFiles.refusal(uri, localRoot().orElseThrow());
    }

    @Override
    public String resourceOf(ProjectRef ref) {
        return display();
    }

    @Override
    public Optional<RawRoot> root(@Nullable Consumer<RawRoot.Entry> sink, boolean lines) throws IOException {
        if (!rootPage) {
            return Optional.empty();
        }
        return Optional.of(Pages.root(LocalFiles.open(file, limits().maxRootPageBytes(), display()), sink, lines));
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
        return List.of(new ProjectRef(pathName, pathName != null ? pathName : evidence != null ? evidence : display(),
                file.toUri(), false, true, evidence, severalNames));
    }

    @Override
    public List<RawProject> project(ProjectRef ref) throws IOException {
        return List.of(Pages.project(LocalFiles.open(file, limits().maxPageBytes(), display()), pathName, file.toUri()));
    }
}
