package dev.gitpypi.validator.internal;

import static dev.gitpypi.validator.internal.RuleSupport.HASH_LENGTHS;
import static dev.gitpypi.validator.internal.RuleSupport.HEX;
import static dev.gitpypi.validator.internal.RuleSupport.apiVersion;
import static dev.gitpypi.validator.internal.RuleSupport.below;
import static dev.gitpypi.validator.internal.RuleSupport.httpsAbsolute;
import static dev.gitpypi.validator.internal.RuleSupport.q;
import static dev.gitpypi.validator.internal.RuleSupport.validSpecifiers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules of root pages (project lists): the page as a whole, and each entry while the page streams. */
final class RootRules {
    private final Sink sink;

    RootRules(Sink sink) {
        this.sink = sink;
    }

    /**
     * Checks the root page as a whole (not its entries).
     *
     * @param root the root
     */
    void root(RawRoot root) {
        String res = root.info().resource();
        HtmlPage html = root.html();
        if (html != null) {
            RuleSupport.htmlDocument(sink, html, res);
            RuleSupport.htmlApiVersion(sink, html, res);
        } else {
            for (RawRoot.Issue i : root.issues()) {
                sink.report(i.rule(), i.location(), i.message());
            }
            if (root.jsonApiVersion() != null && apiVersion(root.jsonApiVersion()).isEmpty()) {
                sink.report(Rule.P629_01, Location.pointer(res, "/meta/api-version"), "api-version "
                        + q(root.jsonApiVersion()) + " is not Major.Minor");
            }
        }
    }

    /** State for checking root entries one by one while they stream. */
    final class Entries {
        private final NameSet seen = new NameSet();

        /**
         * Checks one entry.
         *
         * @param e the entry
         * @param json whether the root is JSON
         */
        void accept(RawRoot.Entry e, boolean json) {
            String text = e.text();
            Location loc = e.location();
            if (!ProjectName.isValid(text)) {
                sink.report(Rule.NAME_01, loc, () -> "project name " + q(text) + " is not a valid name");
            }
            String normalized = ProjectName.normalize(text);
            NameSet.Seen previous = seen.add(normalized, text);
            if (previous == NameSet.Seen.SAME) {
                sink.report(Rule.P503_01, loc, () -> "project " + q(text) + " is listed more than once");
            } else if (previous == NameSet.Seen.OTHER_SPELLING) {
                sink.report(Rule.NAME_03, loc, () -> "project " + q(text) + " is another spelling of a project listed"
                        + " before (normalized name " + q(normalized) + ")");
            }
            if (json) {
                return;
            }
            String href = e.href();
            if (href == null || href.isBlank()) {
                sink.report(Rule.P503_02, loc, () -> "the anchor for " + q(text) + " has no href");
                return;
            }
            String path = href.strip();
            int cut = path.indexOf('#');
            if (cut >= 0) {
                path = path.substring(0, cut);
            }
            cut = path.indexOf('?');
            if (cut >= 0) {
                path = path.substring(0, cut);
            }
            if (!path.endsWith("/")) {
                sink.report(Rule.P503_04, loc, () -> "href " + q(href) + " of project " + q(text)
                        + " does not end with /");
            }
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String segment = Urls.percentDecode(trimmed.substring(trimmed.lastIndexOf('/') + 1));
            if (!ProjectName.normalize(segment).equals(normalized)) {
                sink.report(Rule.P503_02, loc, () -> "href " + q(href) + " does not point to the page of " + q(text)
                        + " (" + q(normalized + "/") + ")");
            } else if (!segment.equals(normalized) && ProjectName.isValid(text)) {
                sink.report(Rule.P503_03, loc, () -> "href " + q(href) + " points to a non-normalized URL; the page of "
                        + q(text) + " is " + q(normalized + "/"));
            }
        }
    }

    /** @return a checker for streamed root entries */
    Entries entries() {
        return new Entries();
    }
}
