package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.Location;
import dev.gitpypi.validator.Rule;
import java.net.URI;
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

/** What the page rules share: API versions, hash forms, specifier and URL predicates, the HTML document rules. */
final class RuleSupport {
    static final Pattern API_VERSION = Pattern.compile("[0-9]+\\.[0-9]+");
    static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    static final Map<String, Integer> HASH_LENGTHS = Map.of("md5", 32, "sha1", 40, "sha224", 56, "sha256",
            64, "sha384", 96, "sha512", 128);
    /** The hash names uv accepts in a fragment (UV-04). */
    static final Set<String> UV_HASHES = Set.of("md5", "sha256", "sha384", "sha512", "blake2b");
    private static final Pattern EGG_NAME =
            Pattern.compile("[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", Pattern.CASE_INSENSITIVE);

    private RuleSupport() {
    }

    static String q(String s) {
        return Texts.quote(s);
    }

    /** Whether an egg fragment value is a valid PEP 508 name, as pip 26 requires (PIP-06). */
    static boolean validEgg(String value) {
        return EGG_NAME.matcher(value).matches();
    }

    /**
     * Parses a declared API version {@code Major.Minor}.
     *
     * @param text the text
     * @return {major, minor}, or empty when malformed
     */
    static Optional<int[]> apiVersion(@Nullable String text) {
        if (text == null || !API_VERSION.matcher(text).matches() || text.length() > 18) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        try {
            return Optional.of(new int[] {Integer.parseInt(text.substring(0, dot)),
                Integer.parseInt(text.substring(dot + 1))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Compares a declared version to {@code 1.minor}; absent or malformed counts as 1.0 (P629-02). */
    static boolean below(@Nullable String declared, int minor) {
        int[] v = apiVersion(declared).orElse(new int[] {1, 0});
        return v[0] < 1 || (v[0] == 1 && v[1] < minor);
    }

    static void htmlApiVersion(Sink sink, HtmlPage page, String resource) {
        Optional<HtmlPage.Meta> meta = page.meta("pypi:repository-version");
        if (meta.isEmpty()) {
            sink.report(Rule.P629_01, Location.of(resource),
                    "the page has no <meta name=\"pypi:repository-version\">; clients assume 1.0");
            return;
        }
        String content = meta.get().content();
        Optional<int[]> v = apiVersion(content);
        Location loc = Location.line(resource, meta.get().line());
        if (v.isEmpty()) {
            sink.report(Rule.P629_01, loc, "repository-version " + q(String.valueOf(content))
                    + " is not Major.Minor");
        } else if (v.get()[0] > 1 || (v.get()[0] == 1 && v.get()[1] > 4)) {
            sink.report(Rule.P629_06, loc, "repository-version " + q(content)
                    + " is above 1.4, the last version of the frozen HTML form (PEP 833)");
        }
    }

    static void htmlDocument(Sink sink, HtmlPage page, String resource) {
        if (!page.doctype()) {
            sink.report(Rule.P503_14, Location.of(resource), "the page has no <!DOCTYPE html>");
        }
        for (HtmlPage.Meta m : page.metas()) {
            if (m.name().startsWith("pypi:") && !m.inHead()) {
                sink.report(Rule.P503_14, Location.line(resource, m.line()), "<meta name=" + q(m.name())
                        + "> is outside <head>");
            }
        }
    }

    static boolean httpsAbsolute(String v) {
        return Urls.parse(v).map(u -> "https".equals(u.getScheme()) && u.getHost() != null).orElse(false);
    }

    /**
     * Whether a requires-python value parses.
     *
     * @param v the value
     * @return true if valid
     */
    public static boolean validSpecifiers(String v) {
        try {
            VersionSpecifiers.parse(v);
            return true;
        } catch (InvalidSpecifierException e) {
            return false;
        }
    }

    static void quarantine(Sink sink, ModelBuilder.Page parsed, String res) {
        if (parsed.status().marker() == ProjectStatus.Marker.QUARANTINED && !parsed.links().isEmpty()) {
            sink.report(Rule.P792_03, Location.of(res), "the project is quarantined but the page lists "
                    + parsed.links().size() + " files");
        }
    }

    /**
     * The normalized form of a URL path name, for P503-03.
     *
     * @param uri a page URI
     * @return the last non-empty path segment, decoded
     */
    static String pathName(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Urls.percentDecode(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }

    /**
     * The rules of a VCS link on a project page, HTML or JSON: uv skips it (UV-05), pip fails on the whole page when
     * its egg fragment is not a project name (PIP-06) and skips it without {@code #egg=<name>-<version>} (PIP-07).
     */
    static void vcsLink(Sink sink, String href, Location loc, @Nullable String project) {
        sink.report(Rule.UV_05, loc, "VCS link " + q(Urls.safe(href)) + " is used by pip only; uv skips it");
        boolean badEgg = false;
        int hash = href.indexOf('#');
        if (hash >= 0) {
            for (String part : href.substring(hash + 1).split("&")) {
                if (part.startsWith("egg=") && !validEgg(part.substring(4))) {
                    badEgg = true;
                    sink.report(Rule.PIP_06, loc, "egg fragment " + q(part)
                            + " is not a valid project name; pip 26 fails on the whole page");
                }
            }
        }
        if (!badEgg) {
            Compat.vcsEggProblem(href, project).ifPresent(p -> sink.report(Rule.PIP_07, Severity.WARNING, loc, p));
        }
    }
}
