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
import java.util.Map;

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
        List<Problem> problems = new ArrayList<>();
        List<Project> kept = new ArrayList<>(index.size());
        boolean changed = false;
        for (Project p : index.projects().values()) {
            String display = p.name().display();
            if (p.name().normalized().length() > MAX_NAME) {
                problems.add(Problem.error(source, "project name " + Texts.quote(display) + " is longer than "
                        + MAX_NAME + " characters: left out (its folders and file names could not be written)"));
                changed = true;
                continue;
            }
            if (Tokens.containsGitHubToken(display) || Tokens.containsGitHubToken(p.name().normalized())) {
                problems.add(Problem.error(source, "project name " + Texts.quote(Redaction.text(display))
                        + " is shaped like a GitHub token (gh?_…, github_pat_…): left out, so that the site cannot"
                        + " publish a credential"));
                changed = true;
                continue;
            }
            List<Distribution> files = new ArrayList<>(p.distributions().size());
            for (Distribution d : p.distributions()) {
                String why = refusal(d);
                if (why == null) {
                    files.add(d);
                } else {
                    String where = d.origin().isEmpty() ? source : source + " (" + Redaction.text(d.origin()) + ")";
                    problems.add(Problem.error(where, "file " + Texts.quote(Redaction.text(d.filename()))
                            + " of project " + Texts.quote(p.name().normalized()) + " " + why));
                }
            }
            if (files.size() == p.distributions().size()) {
                kept.add(p);
                continue;
            }
            changed = true;
            if (!files.isEmpty()) {
                Project.Builder b = Project.builder(p.name()).addAll(files).status(p.status())
                        .sourceUrl(p.sourceUrl().orElse(null));
                p.versions().forEach(b::version);
                kept.add(b.build());
            }
        }
        return new Result(changed ? Index.of(kept).withApiVersion(index.apiVersion().orElse(null)) : index,
                problems);
    }

    /** Why a file cannot be published, or null. */
    private static @org.jspecify.annotations.Nullable String refusal(Distribution d) {
        List<String> fields = new ArrayList<>(List.of(d.filename(), d.url()));
        d.requiresPython().ifPresent(fields::add);
        d.yankedReason().ifPresent(fields::add);
        d.provenance().ifPresent(fields::add);
        fields.addAll(d.hashes().values());
        d.coreMetadata().map(Map::values).ifPresent(fields::addAll);
        d.metadata().map(CoreMetadata::toText).ifPresent(fields::add); // pages for people, .metadata files
        for (String f : fields) {
            if (Tokens.containsGitHubToken(f)) {
                return "holds text shaped like a GitHub token (gh?_…, github_pat_…): left out, so that the site"
                        + " cannot publish a credential";
            }
        }
        if (d.localFile().isPresent() && !HostedFiles.isSafeFileName(d.filename())) {
            return "cannot be hosted under that name (1 to " + HostedFiles.MAX_FILENAME + " letters, digits, '.', '_', '+', '!' and '-',"
                    + " starting with a letter or digit): left out";
        }
        return null;
    }
}
