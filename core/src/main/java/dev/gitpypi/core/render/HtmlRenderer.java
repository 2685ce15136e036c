package dev.gitpypi.core.render;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.BuilderWriter;
import dev.gitpypi.core.internal.Html;
import dev.gitpypi.core.internal.Links;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Renders PEP 503 HTML pages: the root project list and project pages (SPEC §2–§8, profile §17).
 *
 * <p>Pages are HTML5 ({@code <!DOCTYPE html>}, {@code <meta charset="utf-8">}) with the
 * {@code pypi:repository-version} meta at the lowest version covering the features used (P629-04, REN-01):
 * {@code 1.4} with a status marker, {@code 1.3} with provenance, else {@code 1.0}. File anchors are
 * {@code <a href="URL#sha256=HEX">FILENAME</a>} (REN-02) with, where the model says so,
 * {@code data-requires-python} (P503-13), {@code data-yanked} always with a value (REN-04),
 * {@code data-core-metadata} and an equal {@code data-dist-info-metadata} (REN-05, P714-01), {@code data-gpg-sig}
 * (P503-12) and {@code data-provenance} (P740-01). A quarantined project lists no file (P792-03); a VCS link whose
 * {@code #egg=} fragment pip would reject is left out (PIP-06). A project's source URL is written as
 * {@code <meta name="gitpypi:source-url">}, never as an anchor, so no client takes it for a file.
 *
 * <p>Every value is escaped in one place; arbitrary strings cannot add or break markup. Output is deterministic:
 * {@code \n} line ends, no timestamps. Immutable and thread-safe.
 */
public final class HtmlRenderer {
    private static final HtmlRenderer INSTANCE = new HtmlRenderer();

    private HtmlRenderer() {
    }

    /** @return the renderer */
    public static HtmlRenderer create() {
        return INSTANCE;
    }

    /**
     * Writes the root page (P503-01, P503-02): one anchor {@code <a href="NORMALIZED/">Display Name</a>} per name,
     * in the order given. Streams: memory does not grow with the number of names.
     *
     * @param names the project names, each once, in the order to list them
     * @param out where to write (not closed; buffer it)
     * @throws IOException if writing fails
     */
    public void writeRoot(Iterator<ProjectName> names, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"pypi:repository-version\" content=\"1.0\">\n<title>Simple index</title>\n</head>\n"
                + "<body>\n");
        while (names.hasNext()) {
            ProjectName name = names.next();
            out.write("<a href=\"");
            Html.escape(name.normalized(), out);
            out.write("/\">");
            Html.escape(name.display(), out);
            out.write("</a><br>\n");
        }
        out.write("</body>\n</html>\n");
    }

    /**
     * Writes the root page of an index.
     *
     * @param index the index
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     */
    public void writeRoot(Index index, Writer out) throws IOException {
        writeRoot(index.projects().values().stream().map(Project::name).iterator(), out);
    }

    /**
     * The root page of an index.
     *
     * @param index the index
     * @return the page
     */
    public String renderRoot(Index index) {
        StringBuilder page = new StringBuilder(256 + 48 * index.size());
        try {
            writeRoot(index, new BuilderWriter(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toString();
    }

    /**
     * Writes a project page (P503-03..P503-13, P592-01, P658-01, P714-01, P740-01, P792-01).
     *
     * @param project the project
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     */
    public void writeProject(Project project, Writer out) throws IOException {
        List<Distribution> listed = Links.listed(project, true);
        out.write("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        meta(out, "pypi:repository-version", Links.htmlApiVersion(project, listed));
        if (Links.showsStatus(project)) {
            meta(out, "pypi:project-status", project.status().marker().value());
            Optional<String> reason = project.status().reasonText();
            if (reason.isPresent()) {
                meta(out, "pypi:project-status-reason", reason.get());
            }
        }
        Optional<String> source = project.sourceUrl();
        if (source.isPresent()) {
            meta(out, "gitpypi:source-url", source.get());
        }
        out.write("<title>Links for ");
        Html.escape(project.name().display(), out);
        out.write("</title>\n</head>\n<body>\n<h1>Links for ");
        Html.escape(project.name().display(), out);
        out.write("</h1>\n");
        for (Distribution d : listed) {
            anchor(d, out);
        }
        out.write("</body>\n</html>\n");
    }

    /**
     * A project page.
     *
     * @param project the project
     * @return the page
     */
    public String renderProject(Project project) {
        StringBuilder page = new StringBuilder(512 + 256 * project.distributions().size());
        try {
            writeProject(project, new BuilderWriter(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toString();
    }

    private static void anchor(Distribution d, Writer out) throws IOException {
        out.write("<a href=\"");
        Html.escape(Links.href(d), out);
        out.write('"');
        Optional<String> requiresPython = Links.requiresPython(d);
        if (requiresPython.isPresent()) {
            attribute(out, "data-requires-python", requiresPython.get());
        }
        Optional<String> yanked = d.yankedReason();
        if (yanked.isPresent()) {
            attribute(out, "data-yanked", yanked.get());
        }
        Optional<String> metadata = Links.htmlCoreMetadata(d);
        if (metadata.isPresent()) {
            attribute(out, "data-core-metadata", metadata.get());
            attribute(out, "data-dist-info-metadata", metadata.get());
        }
        Optional<Boolean> gpgSig = d.gpgSig();
        if (gpgSig.isPresent()) {
            attribute(out, "data-gpg-sig", gpgSig.get() ? "true" : "false");
        }
        Optional<String> provenance = Links.provenance(d);
        if (provenance.isPresent()) {
            attribute(out, "data-provenance", provenance.get());
        }
        out.write('>');
        Html.escape(d.filename(), out);
        out.write("</a><br>\n");
    }

    private static void attribute(Writer out, String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        Html.escape(value, out);
        out.write('"');
    }

    private static void meta(Writer out, String name, String content) throws IOException {
        out.write("<meta name=\"");
        out.write(name);
        out.write("\" content=\"");
        Html.escape(content, out);
        out.write("\">\n");
    }
}
