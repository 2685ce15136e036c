package dev.gitpypi.github.internal;

import dev.gitpypi.core.CoreMetadata;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.git.internal.metadata.ProjectMetadata;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code vcs} link of a tagged version: {@code git+CLONE_URL@TAG#egg=NAME-VERSION}, as the Git source writes
 * it (SPEC PIP-06, PIP-07). The clone URL is the repository's {@code clone_url} without credentials; pip clones
 * with the installing user's own git credentials, so private repositories work and the page holds no secret.
 */
final class VcsLinks {
    /** Characters a tag may have to stand in a VCS link as it is (pip splits the URL at '@', '#', '?'). */
    private static final Pattern SAFE_REF = Pattern.compile("[A-Za-z0-9._/+-]+");
    /** SPEC PIP-06: the value of {@code #egg=} must be a valid name lexically. */
    private static final Pattern EGG = Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");

    private VcsLinks() {
    }

    static @Nullable Distribution link(TagVersions.Tagged t, List<Problem> problems) {
        String loc = TagVersions.location("", t.repo(), t.tag());
        String version = t.version().toString();
        String egg = t.name().normalized() + "-" + version;
        if (version.contains("+") || version.contains("!") || !EGG.matcher(egg).matches()) {
            problems.add(Problem.warning(loc, "version " + version + " cannot stand in a pip #egg= fragment (PIP-06:"
                    + " local versions and epochs are not valid there); not linked, use the sdist link style"));
            return null;
        }
        String ref;
        if (SAFE_REF.matcher(t.tag()).matches() && !t.tag().contains("..")) {
            ref = t.tag();
        } else {
            problems.add(Problem.warning(loc, "the tag name cannot stand in a VCS link; linked by its commit id"));
            ref = t.commit();
        }
        String clone = Redaction.url(t.repo().cloneUrl());
        String url = "git+" + clone + "@" + ref + "#egg=" + egg;
        return Distribution.builder(url, egg)
                .requiresPython(t.metadata() == null ? null : t.metadata().requiresPython().orElse(null))
                .metadata(metadata(t)).uploadTime(t.date()).origin(clone + "@" + t.tag()).build();
    }

    /**
     * The core metadata of the release, as the Git source makes it: what the files at the tag state, with the
     * settled name and the tag's version; fields the files leave dynamic are listed in {@code Dynamic}.
     */
    static CoreMetadata metadata(TagVersions.Tagged t) {
        ProjectMetadata md = t.metadata();
        return md == null ? CoreMetadata.builder(t.name().display(), t.version().toString()).build()
                : md.complete(t.name().display(), t.version().toString());
    }
}
