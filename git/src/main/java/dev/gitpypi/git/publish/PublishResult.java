package dev.gitpypi.git.publish;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link SitePublisher#publish} did: the commit it pushed (or that the branch already held the site), the
 * changes that commit makes, its message, how many attempts it took, and warnings for the person publishing (such
 * as a private site pushed where gitpypi cannot tell who can read it). Immutable.
 */
public final class PublishResult {
    /** What happened to the branch. */
    public enum Outcome {
        /** The branch did not exist; it was created with one commit (no parent). */
        CREATED,
        /** One commit was added on top of the branch. */
        UPDATED,
        /** The branch already held exactly this site: no commit was made, nothing was pushed. */
        UNCHANGED
    }

    private final Outcome outcome;
    private final String remote;
    private final String branch;
    private final String head;
    private final @Nullable String previous;
    private final SiteChanges changes;
    private final String message;
    private final int attempts;
    private final List<String> warnings;
    private final @Nullable String pagesUrl;

    PublishResult(Outcome outcome, String remote, String branch, String head, @Nullable String previous,
            SiteChanges changes, String message, int attempts, List<String> warnings, @Nullable String pagesUrl) {
        this.outcome = Objects.requireNonNull(outcome);
        this.remote = remote;
        this.branch = branch;
        this.head = head;
        this.previous = previous;
        this.changes = changes;
        this.message = message;
        this.attempts = attempts;
        this.warnings = List.copyOf(warnings);
        this.pagesUrl = pagesUrl;
    }

    /** @return what happened to the branch */
    public Outcome outcome() {
        return outcome;
    }

    /** @return whether a commit was pushed */
    public boolean pushed() {
        return outcome != Outcome.UNCHANGED;
    }

    /** @return the remote, as shown to people (without credentials) */
    public String remote() {
        return remote;
    }

    /** @return the branch name, such as {@code gh-pages} */
    public String branch() {
        return branch;
    }

    /** @return the commit pushed, or empty when nothing changed */
    public Optional<String> commitId() {
        return pushed() ? Optional.of(head) : Optional.empty();
    }

    /** @return the branch's commit after the publish: the one pushed, or the one that already held the site */
    public String headId() {
        return head;
    }

    /** @return the branch's commit the new one was made on, or empty for a new (or unchanged) branch */
    public Optional<String> previousId() {
        return Optional.ofNullable(previous);
    }

    /** @return the changes of the commit ({@link SiteChanges#none()} when nothing changed) */
    public SiteChanges changes() {
        return changes;
    }

    /** @return the commit message, or {@code ""} when nothing was pushed */
    public String message() {
        return message;
    }

    /** @return how many times the branch was fetched and a push tried (1 when no one else pushed meanwhile) */
    public int attempts() {
        return attempts;
    }

    /**
     * Where GitHub Pages serves the branch, if it is configured to: {@code https://DOMAIN/} for the custom domain in
     * the branch's {@code CNAME} file, else {@code https://OWNER.github.io/REPO/} for a github.com repository
     * ({@code https://OWNER.github.io/} for the repository {@code OWNER.github.io}). Empty for other hosts.
     *
     * @return the site's URL; the index is at {@code simple/} below it
     */
    public Optional<String> pagesUrl() {
        return Optional.ofNullable(pagesUrl);
    }

    /** @return warnings for the person publishing, in the order they arose */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "PublishResult[" + outcome + " " + remote + " " + branch + " " + head + ", " + changes.summary() + "]";
    }
}
