package dev.gitpypi.core.site;

import dev.gitpypi.core.Index;
import dev.gitpypi.core.Progress;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.BuilderWriter;
import dev.gitpypi.core.internal.FrontPage;
import dev.gitpypi.core.internal.PeoplePages;
import dev.gitpypi.core.internal.ProjectPage;
import dev.gitpypi.core.internal.ReleaseFeed;
import dev.gitpypi.core.internal.Releases;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.core.internal.Tokens;
import dev.gitpypi.core.render.HtmlRenderer;
import dev.gitpypi.core.render.JsonRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * One pass over an index that makes every folder and file of the site, in a fixed order, into a {@link SiteSink}:
 * {@code .nojekyll} (and the private-site marker), then each project (hosted, its pages for installers and for
 * people rendered) on {@code threads} threads, then the root pages, the front page, the feed, the stylesheet and the
 * script. Each project owns its folders, so project tasks share nothing but the sink's counters; a project's
 * releases are worked out once, in its task, for its page, the front page and the feed. Every page is checked for
 * text shaped like a GitHub token before it reaches the sink.
 */
final class SiteBuild {
    /** At most this many projects are rendered by one task and handed to the writers together. */
    private static final int CHUNK = 32;
    private final SiteSink sink;
    private final boolean json;
    private final Pages pages;
    private final int threads;
    private final boolean privateSite;
    private final Progress progress;

    SiteBuild(SiteSink sink, boolean json, Pages pages, int threads, boolean privateSite, Progress progress) {
        this.sink = sink;
        this.json = json;
        this.pages = pages;
        this.threads = threads;
        this.privateSite = privateSite;
        this.progress = progress;
    }

    /**
     * Makes the site.
     *
     * @return the index as hosted, or empty when the sink finished early (a comparer found a difference)
     */
    Optional<Index> run(Index index) throws IOException {
        sink.file(SiteLayout.NOJEKYLL, new byte[0]);
        if (privateSite) {
            sink.file(SiteLayout.PRIVATE_MARKER, SiteLayout.PRIVATE_MARKER_TEXT);
        }
        if (sink.finished()) {
            return Optional.empty();
        }
        sink.folder(SiteLayout.SIMPLE);
        sink.folder(SiteLayout.PEOPLE);
        List<Releases.OfProject> hostedProjects = new ArrayList<>(index.size());
        boolean[] changed = {false};
        progress.start("projects", index.size());
        WriteStreams streams = sink.inOrder() ? new WriteStreams(sink) : null;
        Index hosted = index;
        List<Page> root = List.of();
        try {
            new OrderedPool(index.size() < 2 ? 1 : threads).run(chunks(index, threads), this::projects,
                    (chunk, made) -> {
                        if (streams != null) {
                            streams.submit(made.stream().map(Made::writes).toList());
                        }
                        for (int i = 0; i < made.size(); i++) {
                            changed[0] |= made.get(i).project().project() != chunk.get(i);
                            hostedProjects.add(made.get(i).project());
                        }
                        progress.advance(made.size());
                        return !sink.finished() && (streams == null || !streams.failed());
                    });
            if (!sink.finished() && (streams == null || !streams.failed())) {
                // rendered while the writers still write the last projects
                hosted = changed[0] ? Index.of(hostedProjects.stream().map(Releases.OfProject::project).toList())
                        : index;
                root = rootPages(hosted, hostedProjects);
            }
        } catch (IOException | RuntimeException | Error e) {
            if (streams != null) {
                streams.abandon();
            }
            throw e;
        }
        if (streams != null) {
            streams.finish();
        }
        if (sink.finished()) {
            return Optional.empty();
        }
        for (Page page : root) {
            sink.file(page.rel, page.bytes);
        }
        return sink.finished() ? Optional.empty() : Optional.of(hosted);
    }

    /**
     * The projects in runs of consecutive ones, each run one task of the pool and one hand-over to the writers:
     * handing over each project on its own cost a thread wake-up per project and writer (about 58,000 futex calls
     * for dumb-pypi's package list). Runs of up to {@value #CHUNK} projects, smaller for a small index so that
     * every thread still gets several.
     */
    private static List<List<Project>> chunks(Index index, int threads) {
        List<Project> all = List.copyOf(index.projects().values());
        int size = Math.max(1, Math.min(CHUNK, all.size() / (8 * threads)));
        List<List<Project>> out = new ArrayList<>(all.size() / size + 1);
        for (int from = 0; from < all.size(); from += size) {
            out.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return out;
    }

    /** Hosts and renders a run of projects, in order (a failure stops the run: the build fails anyway). */
    private List<Made> projects(List<Project> chunk) throws IOException {
        Buffers buffers = new Buffers();
        List<Made> out = new ArrayList<>(chunk.size());
        for (Project p : chunk) {
            out.add(project(p, buffers));
        }
        return out;
    }

    /**
     * What one task renders its pages into, reused from page to page: each page is then copied once into an array
     * of its own size, so a run of projects allocates one builder instead of one growing builder per page. Not
     * thread-safe: one per task.
     */
    private static final class Buffers {
        private final StringBuilder text = new StringBuilder(16 * 1024);
        private final BuilderWriter writer = new BuilderWriter(text);
        private final ByteArrayOutputStream json = new ByteArrayOutputStream(8 * 1024);

        String html(Project p) throws IOException {
            text.setLength(0);
            HtmlRenderer.create().writeProject(p, writer);
            return text.toString();
        }

        byte[] json(Project p) throws IOException {
            json.reset();
            JsonRenderer.create().writeProject(p, json);
            return json.toByteArray();
        }

        String people(Pages pages, Project p, List<Releases.Release> releases) {
            text.setLength(0);
            ProjectPage.render(text, pages.title(), pages.baseUrl(), p, releases);
            return text.toString();
        }
    }

    /** A page of the site and its bytes, already checked for tokens. */
    record Page(String rel, byte[] bytes) {
    }

    /**
     * What the pages for people are made with.
     *
     * @param title the site's title
     * @param baseUrl the site's public URL ending with {@code /}, or null
     */
    record Pages(String title, @Nullable String baseUrl) {
    }

    /**
     * The pages that depend on the whole index (the root pages, the front page, the feed) and the stylesheet and
     * script. Hosting changes no name, status, file name, version, date or metadata, so they may be rendered from
     * the index as given (the writer's hint before a comparison).
     */
    List<Page> rootPages(Index index) {
        List<Releases.OfProject> projects = new ArrayList<>(index.size());
        for (Project p : index.projects().values()) {
            projects.add(Releases.OfProject.of(p));
        }
        return rootPages(index, projects);
    }

    /** The same, with each project's releases already computed (in the index's order). */
    private List<Page> rootPages(Index index, List<Releases.OfProject> projects) {
        // the front page and the feed on another thread while this one renders the root pages for installers
        CompletableFuture<List<Page>> forPeople = CompletableFuture.supplyAsync(() -> List.of(
                text(SiteLayout.LANDING_PAGE, FrontPage.render(pages.title(), pages.baseUrl(), projects)),
                text(SiteLayout.FEED, ReleaseFeed.render(pages.title(), pages.baseUrl(), projects))));
        List<Page> out = new ArrayList<>(6);
        out.add(text(SiteLayout.ROOT_HTML, HtmlRenderer.create().renderRoot(index)));
        if (json) {
            out.add(bytes(SiteLayout.ROOT_JSON, JsonRenderer.create().renderRoot(index)));
        }
        try {
            out.addAll(forPeople.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            } else if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        out.add(new Page(SiteLayout.STYLESHEET, PeoplePages.stylesheet()));
        out.add(new Page(SiteLayout.SCRIPT, PeoplePages.script()));
        return out;
    }

    /**
     * What one project's task made: the project as hosted with its releases, and the writes still to replay (empty
     * when they went straight to the sink).
     */
    private record Made(Releases.OfProject project, List<Op> writes) {
    }

    /**
     * Hosts a project's files and renders its pages, on a pool thread. The writes go straight to a sink that takes
     * calls from any thread; for one that wants them in order they are recorded here and replayed by the consumer.
     */
    private Made project(Project p, Buffers buffers) throws IOException {
        Recording recording = new Recording();
        if (sink.finished()) {
            return new Made(new Releases.OfProject(p, List.of()), List.of());
        }
        SiteSink out = sink.inOrder() ? recording : sink;
        Project h = Hosting.host(p, out);
        String dir = SiteLayout.projectFolder(h.name());
        out.folder(dir);
        Page html = text(dir + "/index.html", buffers.html(h));
        out.file(html.rel, html.bytes);
        if (json) {
            Page page = bytes(dir + "/index.json", buffers.json(h));
            out.file(page.rel, page.bytes);
        }
        Releases.OfProject releases = Releases.OfProject.of(h);
        String people = SiteLayout.peopleFolder(h.name());
        out.folder(people);
        Page page = text(people + "/index.html", buffers.people(pages, h, releases.releases()));
        out.file(page.rel, page.bytes);
        return new Made(releases, recording.ops);
    }

    /** One write of a site, kept to be replayed. */
    sealed interface Op permits Folder, File, Copy {
        /** @return the path it writes, relative to the site */
        String rel();
    }

    /** A folder. */
    record Folder(String rel) implements Op {
    }

    /** A file with these bytes. */
    record File(String rel, byte[] bytes) implements Op {
    }

    /** A file with the bytes of a local file. */
    record Copy(String rel, Path source) implements Op {
    }

    /** Replays writes into a sink, in order. */
    static void replay(List<Op> ops, SiteSink to) throws IOException {
        for (Op op : ops) {
            if (op instanceof Folder f) {
                to.folder(f.rel());
            } else if (op instanceof File f) {
                to.file(f.rel(), f.bytes());
            } else if (op instanceof Copy c) {
                to.copy(c.rel(), c.source());
            }
        }
    }

    /** Writes kept in order, to replay into another sink. Not thread-safe: one per project task. */
    private static final class Recording implements SiteSink {
        private final List<Op> ops = new ArrayList<>();

        @Override
        public void folder(String rel) {
            ops.add(new Folder(rel));
        }

        @Override
        public void file(String rel, byte[] bytes) {
            ops.add(new File(rel, bytes));
        }

        @Override
        public void copy(String rel, Path source) {
            ops.add(new Copy(rel, source));
        }
    }

    private static Page text(String rel, String text) {
        return bytes(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    /** UTF-8 (or binary) bytes; the token check reads them as Latin-1, which keeps ASCII as it is. */
    private static Page bytes(String rel, byte[] bytes) {
        checkTokens(rel, bytes);
        return new Page(rel, bytes);
    }

    static void checkTokens(String rel, byte[] bytes) {
        if (Tokens.containsGitHubToken(bytes)) {
            throw new UnsafeOutputException("refusing to write the site: " + Texts.quote(rel)
                    + " contains text that matches a GitHub token pattern (gh?_..., github_pat_...); remove the"
                    + " credential from the input");
        }
    }
}
