package dev.gitpypi.cli;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.internal.HostedFiles;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.core.internal.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code build} leaves out of a source's projects before merging them, so that one hostile input costs only
 * itself (issue "Security first", robustness): each project or file that the site could not be written with
 * becomes an error naming it, and the rest is built (exit 1 instead of an aborted build).
 *
 * <ul>
 *   <li>a project name longer than {@value #MAX_NAME} characters: its folders and file names would exceed what file
 *       systems allow ("File name too long" stopped the whole build);
 *   <li>a project name, or a file's name, link fields or core metadata, shaped like a GitHub token: the site writer
 *       refuses to write any site holding one (it stopped the whole build); the message shows the name with the
 *       token masked;
 *   <li>a file the site would host under a name the site writer refuses ({@link HostedFiles#isSafeFileName}).
 * </ul>
 *
 * <p>A project that loses every file is left out too. Stateless.
 */
final class ProjectScreen {
    /** The longest project name built into a site (the site's limit for a hosted file name). */
    static final int MAX_NAME = HostedFiles.MAX_FILENAME;

    /**
     * What passed, and the errors for what did not.
     *
     * @param index the projects and files that can be published
     * @param problems one error per project or file left out
     */
    record Result(Index index, List<Problem> problems) {
    }

    private ProjectScreen() {
    }

    static Result screen(String source, Index index) {
        // each project is screened on its own, on all cores; the results are taken in the index's order
        List<Screened> screened = List.copyOf(index.projects().values()).parallelStream()
                .map(p -> screen(source, p)).toList();
        List<Problem> problems = new ArrayList<>();
        List<Project> kept = new ArrayList<>(index.size());
        boolean changed = false;
        for (Screened s : screened) {
            problems.addAll(s.problems());
            changed |= s.changed();
            if (s.kept() != null) {
                kept.add(s.kept());
            }
        }
        return new Result(changed ? Index.of(kept).withApiVersion(index.apiVersion().orElse(null)) : index,
                problems);
    }

    /**
     * One project screened.
     *
     * @param kept what of it is published, or null when nothing is
     * @param problems one error per file left out, or one for the whole project
     * @param changed whether anything was left out
     */
    private record Screened(@org.jspecify.annotations.Nullable Project kept, List<Problem> problems,
            boolean changed) {
    }

    private static Screened screen(String source, Project p) {
        String display = p.name().display();
        if (p.name().normalized().length() > MAX_NAME) {
            return new Screened(null, List.of(Problem.error(source, "project name " + Texts.quote(display)
                    + " is longer than " + MAX_NAME + " characters: left out (its folders and file names could not be"
                    + " written)")), true);
        }
        if (Tokens.containsGitHubToken(display) || Tokens.containsGitHubToken(p.name().normalized())) {
            return new Screened(null, List.of(Problem.error(source, "project name "
                    + Texts.quote(Redaction.text(display)) + " is shaped like a GitHub token (gh?_…, github_pat_…):"
                    + " left out, so that the site cannot publish a credential")), true);
        }
        List<Problem> problems = List.of();
        List<Distribution> files = null;
        List<Distribution> all = p.distributions();
        for (int i = 0; i < all.size(); i++) {
            Distribution d = all.get(i);
            String why = refusal(d);
            if (why == null) {
                if (files != null) {
                    files.add(d);
                }
                continue;
            }
            if (files == null) {
                files = new ArrayList<>(all.subList(0, i));
                problems = new ArrayList<>();
            }
            String where = d.origin().isEmpty() ? source : source + " (" + Redaction.text(d.origin()) + ")";
            problems.add(Problem.error(where, "file " + Texts.quote(Redaction.text(d.filename()))
                    + " of project " + Texts.quote(p.name().normalized()) + " " + why));
        }
        if (files == null) {
            return new Screened(p, List.of(), false);
        }
        if (files.isEmpty()) {
            return new Screened(null, problems, true);
        }
        Project.Builder b = Project.builder(p.name()).addAll(files).status(p.status())
                .sourceUrl(p.sourceUrl().orElse(null));
        p.versions().forEach(b::version);
        return new Screened(b.build(), problems, true);
    }

    /** Why a file cannot be published, or null. */
    private static @org.jspecify.annotations.Nullable String refusal(Distribution d) {
        if (holdsToken(d)) {
            return "holds text shaped like a GitHub token (gh?_…, github_pat_…): left out, so that the site"
                    + " cannot publish a credential";
        }
        if (d.localFile().isPresent() && !HostedFiles.isSafeFileName(d.filename())) {
            return "cannot be hosted under that name (1 to " + HostedFiles.MAX_FILENAME + " letters, digits, '.', '_', '+', '!' and '-',"
                    + " starting with a letter or digit): left out";
        }
        return null;
    }

    /** Whether a file's name, link fields or core metadata hold text shaped like a GitHub token. */
    private static boolean holdsToken(Distribution d) {
        if (Tokens.containsGitHubToken(d.filename()) || Tokens.containsGitHubToken(d.url())
                || d.requiresPython().filter(Tokens::containsGitHubToken).isPresent()
                || d.yankedReason().filter(Tokens::containsGitHubToken).isPresent()
                || d.provenance().filter(Tokens::containsGitHubToken).isPresent()) {
            return true;
        }
        for (String hash : d.hashes().values()) {
            if (Tokens.containsGitHubToken(hash)) {
                return true;
            }
        }
        if (d.coreMetadata().isPresent()) {
            for (String hash : d.coreMetadata().get().values()) {
                if (Tokens.containsGitHubToken(hash)) {
                    return true;
                }
            }
        }
        // the pages for people and the .metadata files show the core metadata
        return d.metadata().map(CoreMetadata::toText).filter(Tokens::containsGitHubToken).isPresent();
    }
}
