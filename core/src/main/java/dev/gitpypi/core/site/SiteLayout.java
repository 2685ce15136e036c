package dev.gitpypi.core.site;

import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Texts;
import java.nio.file.Path;

/**
 * Where each page and file of a site lives (DESIGN "Output layout"), as paths relative to the site folder with
 * {@code /} separators, and the one check that turns such a path into a file-system path inside a folder. Only
 * normalized project names and {@linkplain HostedFiles#isSafeFileName safe file names} become path segments.
 */
final class SiteLayout {
    static final String NOJEKYLL = ".nojekyll";
    static final String PRIVATE_MARKER = ".gitpypi-private";
    static final byte[] PRIVATE_MARKER_TEXT = ("This site hosts code of private repositories (gitpypi build"
            + " --private-site): gitpypi publish refuses to push it where anyone can read it.\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final String SIMPLE = "simple";
    static final String FILES = "files";
    static final String ROOT_HTML = "simple/index.html";
    static final String ROOT_JSON = "simple/index.json";
    static final String LANDING_PAGE = "index.html";
    static final String PEOPLE = "project";
    static final String FEED = "feed.xml";
    static final String STYLESHEET = dev.gitpypi.core.internal.PeoplePages.STYLESHEET;
    static final String SCRIPT = dev.gitpypi.core.internal.PeoplePages.SCRIPT;

    private SiteLayout() {
    }

    /** {@code simple/NAME}: the folder of a project's pages for installers. */
    static String projectFolder(ProjectName name) {
        return SIMPLE + "/" + safeName(name);
    }

    /** {@code project/NAME}: the folder of a project's page for people. */
    static String peopleFolder(ProjectName name) {
        return PEOPLE + "/" + safeName(name);
    }

    /** {@code files/NAME}: the folder of a project's hosted files. */
    static String filesFolder(ProjectName name) {
        return FILES + "/" + safeName(name);
    }

    /** {@code files/NAME/FILE}; the file name must be safe. */
    static String hostedFile(ProjectName name, String filename) {
        if (!HostedFiles.isSafeFileName(filename)) {
            throw new UnsafeOutputException("refusing to host file " + Texts.quote(filename) + " of project "
                    + Texts.quote(name.normalized()) + ": a hosted file name has only letters, digits, '.', '_',"
                    + " '+', '!' and '-', and starts with a letter or digit");
        }
        return filesFolder(name) + "/" + filename;
    }

    /** The PEP 658 sidecar of a hosted file (P658-02). */
    static String metadataFile(String hostedFile) {
        return hostedFile + ".metadata";
    }

    /** The normalized name, checked once more before it becomes a path segment (NAME-02). */
    static String safeName(ProjectName name) {
        String n = name.normalized();
        if (!ProjectName.isNormalized(n)) {
            throw new UnsafeOutputException("refusing to use " + Texts.quote(n) + " as a path: not a normalized"
                    + " project name (NAME-02)");
        }
        return n;
    }

    /**
     * A site path inside a folder.
     *
     * @throws UnsafeOutputException if the path would leave the folder or name the folder itself
     */
    static Path resolve(Path base, String rel) {
        Path p = base.resolve(rel).normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new UnsafeOutputException("refusing to write " + Texts.quote(rel) + ": outside the output folder");
        }
        return p;
    }
}
