package dev.gitpypi.git.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The message of a publish commit: a subject that counts the changes (or the user's own subject), then one line
 * per project change, yank and un-yank, then the file counts. Long listings are cut with a count of what is left
 * out, so a first publish of a large index makes a readable message. Text that comes from pages (file names, yank
 * reasons) is stripped of control characters and shortened; every line passes the redaction given.
 */
final class CommitMessage {
    /** The most detail lines a message lists. */
    static final int MAX_LINES = 200;
    /** The most versions one line lists. */
    static final int MAX_VERSIONS = 30;

    private CommitMessage() {
    }

    static String of(@Nullable String subject, SiteChanges changes, UnaryOperator<String> redact) {
        StringBuilder m = new StringBuilder();
        String generated = "Publish the package index: " + changes.summary();
        if (subject == null || subject.isBlank()) {
            m.append(generated).append("\n");
        } else {
            m.append(clean(subject.strip(), 10_000, true)).append("\n\n").append(generated).append("\n");
        }
        List<String> lines = new ArrayList<>();
        for (SiteChanges.ProjectVersions p : changes.projectsAdded()) {
            lines.add("Added project " + p.project() + versions(p.versions(), ": "));
        }
        for (SiteChanges.ProjectVersions p : changes.versionsAdded()) {
            lines.add("Added to " + p.project() + versions(p.versions(), ": "));
        }
        for (SiteChanges.ProjectVersions p : changes.versionsRemoved()) {
            lines.add("Removed from " + p.project() + versions(p.versions(), ": "));
        }
        for (SiteChanges.ProjectVersions p : changes.projectsRemoved()) {
            lines.add("Removed project " + p.project() + versions(p.versions(), " (had ") + (p.versions().isEmpty()
                    ? "" : ")"));
        }
        for (SiteChanges.Yank y : changes.yanked()) {
            lines.add("Yanked " + file(y) + (y.reason().isBlank() ? "" : ": " + clean(y.reason(), 200, false)));
        }
        for (SiteChanges.Yank y : changes.unyanked()) {
            lines.add("Un-yanked " + file(y));
        }
        if (!lines.isEmpty()) {
            m.append('\n');
            int shown = Math.min(lines.size(), MAX_LINES);
            for (int i = 0; i < shown; i++) {
                m.append(lines.get(i)).append('\n');
            }
            if (lines.size() > shown) {
                m.append("... and ").append(lines.size() - shown).append(" more changes\n");
            }
        }
        m.append("\nFiles: ").append(changes.filesAdded()).append(" added, ").append(changes.filesModified())
                .append(" modified, ").append(changes.filesRemoved()).append(" removed.\n");
        return redact.apply(m.toString());
    }

    private static String file(SiteChanges.Yank y) {
        return clean(y.filename(), 200, false) + " (" + y.project() + (y.version().isEmpty() ? "" : " " + y.version())
                + ")";
    }

    private static String versions(List<String> versions, String prefix) {
        if (versions.isEmpty()) {
            return "";
        }
        int shown = Math.min(versions.size(), MAX_VERSIONS);
        String list = String.join(", ", versions.subList(versions.size() - shown, versions.size()));
        return prefix + list + (versions.size() > shown ? " (and " + (versions.size() - shown) + " older)" : "");
    }

    /** Drops control characters (keeping newlines when asked) and shortens to {@code max} characters. */
    static String clean(String text, int max, boolean keepNewlines) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max + 3));
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n' && keepNewlines) {
                b.append(c);
            } else if (c == '\t' || c == '\r' || c == '\n') {
                b.append(' ');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                b.append(c);
            }
        }
        if (b.length() >= max && text.length() > max) {
            b.append("...");
        }
        return b.toString();
    }
}
