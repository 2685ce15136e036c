package dev.gitpypi.core.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Index;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.SourceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Links that come from outside (a package list's URLs, an imported index's anchors) before gitpypi republishes
 * them in its own site (DESIGN "Security rules"): a link whose scheme runs code or reads local files in a browser or
 * an installer ({@code javascript:}, {@code data:}, {@code file:}, {@code vbscript:}) is refused, and credentials
 * in a link ({@code https://user:secret@host/…}) are left out, so nothing the input holds lands on the organisation's
 * pages as script or as a password. Stateless and thread-safe.
 */
public final class ExternalLinks {
    private static final List<String> REFUSED = List.of("javascript", "data", "file", "vbscript");

    private ExternalLinks() {
    }

    /**
     * The scheme of a link that must not be republished, read as a browser reads it (tabs and line breaks removed,
     * leading spaces and control characters ignored, any case).
     *
     * @param url the link as written
     * @return the refused scheme, lower-case, or empty if the link may be republished
     */
    public static Optional<String> refusedScheme(String url) {
        StringBuilder s = new StringBuilder(Math.min(url.length(), 16));
        for (int i = 0; i < url.length() && s.length() < 16; i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (s.length() == 0 && c <= ' ')) {
                continue;
            }
            if (c == ':') {
                String scheme = s.toString().toLowerCase(Locale.ROOT);
                return REFUSED.contains(scheme) ? Optional.of(scheme) : Optional.empty();
            }
            s.append(c);
        }
        return Optional.empty();
    }

    /**
     * An imported index made safe to republish: distributions whose link has a refused scheme are left out (an
     * error naming where the link was), credentials are removed from links, provenance URLs and source URLs (a
     * warning each).
     *
     * @param index the index as read
     * @param source what was imported, for messages (without credentials)
     * @return the index to republish and what was changed
     */
    public static SourceResult republish(Index index, String source) {
        List<Problem> problems = new ArrayList<>();
        List<Project> projects = new ArrayList<>(index.size());
        boolean changed = false;
        for (Project p : index.projects().values()) {
            List<Distribution> kept = new ArrayList<>(p.distributions().size());
            boolean projectChanged = false;
            for (Distribution d : p.distributions()) {
                String where = Redaction.text(d.origin());
                Optional<String> refused = refusedScheme(d.url());
                if (refused.isPresent()) {
                    problems.add(Problem.error(where, "refusing the " + refused.get() + ": link of "
                            + Texts.quote(d.filename()) + " (project " + p.name().normalized() + "): only http(s),"
                            + " relative and VCS links are republished; left out"));
                    projectChanged = true;
                    continue;
                }
                Distribution.Builder b = null;
                if (Redaction.hasUserInfo(d.url())) {
                    problems.add(Problem.warning(where, "the link of " + Texts.quote(d.filename()) + " carries"
                            + " credentials; republished without them (pip takes credentials from the index URL,"
                            + " ~/.netrc or a keyring)"));
                    b = d.toBuilder().url(Redaction.url(d.url())).origin(where);
                }
                Optional<String> provenance = d.provenance();
                if (provenance.isPresent() && (Redaction.hasUserInfo(provenance.get())
                        || refusedScheme(provenance.get()).isPresent())) {
                    problems.add(Problem.warning(where, "the provenance URL of " + Texts.quote(d.filename())
                            + " carries credentials or a refused scheme; left out"));
                    b = (b == null ? d.toBuilder() : b).provenance(null);
                }
                kept.add(b == null ? d : b.build());
                projectChanged |= b != null;
            }
            Project.Builder pb = null;
            Optional<String> sourceUrl = p.sourceUrl();
            if (sourceUrl.isPresent() && (Redaction.hasUserInfo(sourceUrl.get())
                    || refusedScheme(sourceUrl.get()).isPresent())) {
                problems.add(Problem.warning(source, "the source URL of project " + p.name().normalized()
                        + " carries credentials or a refused scheme; left out"));
                pb = p.toBuilder().sourceUrl(null);
            }
            if (projectChanged) {
                pb = (pb == null ? p.toBuilder() : pb).distributions(kept);
            }
            projects.add(pb == null ? p : pb.build());
            changed |= pb != null;
        }
        return new SourceResult(changed ? Index.of(projects).withApiVersion(index.apiVersion().orElse(null)) : index, problems);
    }
}
