package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.internal.PeoplePages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a page is, judged from its first bytes (at most {@link #HEAD} of them) before it is read for real: a root
 * page (project list), a project page, a site's landing page that links to {@code simple/}, or not an index at
 * all. Also the evidence a lone project page gives of its project's name.
 *
 * <p>JSON: an object with {@code projects} is a root page, one with {@code files} or {@code meta} a project page (a
 * {@code name} alone is not enough: npm's {@code package.json} has one).
 * HTML: links to distribution files (wheels, sdists, VCS links, hash fragments, the PEP 503 {@code data-}
 * attributes) make a project page; anchors whose text is a project name and whose link ends in that name make a
 * root page; a page without the {@code pypi:repository-version} meta that links to {@code simple/} is a landing
 * page, and so is a gitpypi page for people ({@code <meta name="generator" content="gitpypi">}, no
 * {@code pypi:} meta) that links to {@code simple/}, even with links to files (a project's page lists them). A
 * binary file, a JSON document of another shape, and a page with neither kind of link (and no
 * {@code pypi:} meta, no "Links for" title) are not an index.
 */
final class PageKinds {
    /** How much of a page is read to judge it. */
    static final int HEAD = 256 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
    private static final Pattern LINKS_FOR = Pattern.compile("(?i)\\s*links\\s+for\\s+(\\S+)\\s*");
    private static final Pattern SDIST_NAME = Pattern.compile("(.+?)-v?[0-9].*");
    private static final List<String> OTHER_DISTS = List.of(".egg", ".exe", ".msi", ".rpm", ".deb", ".dmg");

    private PageKinds() {
    }

    /** The kinds. */
    enum Kind {
        /** A project list. */
        ROOT,
        /** A project page. */
        PROJECT,
        /** A site's page for people that links to the index. */
        LANDING,
        /** Not an index page. */
        NOT_INDEX
    }

    /**
     * What a page is.
     *
     * @param kind the kind
     * @param why for {@link Kind#NOT_INDEX}: what the page is instead, lower-case
     * @param landingHref for {@link Kind#LANDING}: the link to the simple root as written
     * @param name for a project page: the project name the page itself gives (JSON {@code name}, a
     *     "Links for NAME" title, or the common name of its files), or null
     * @param severalNames whether the page's files name several projects (a find-links page, not one project's)
     */
    record Verdict(Kind kind, String why, @Nullable String landingHref, @Nullable String name,
            boolean severalNames) {
    }

    /**
     * Judges a page from its head.
     *
     * @param head the first bytes (up to {@link #HEAD})
     * @param complete whether the head is the whole page
     * @param contentType the Content-Type, or null
     * @param resource the page's name (its file name may say .json or .html)
     * @param undecided what an index page that shows no links in its head is taken for ({@link Kind#ROOT} when its
     *     place says so: a folder of project folders, a URL ending in {@code simple/}; else {@link Kind#PROJECT})
     * @return the verdict
     */
    static Verdict judge(byte[] head, boolean complete, @Nullable String contentType, String resource,
            Kind undecided) {
        if (head.length == 0) {
            return notIndex("it is empty");
        }
        int nul = 0;
        for (int i = 0; i < Math.min(head.length, 8192); i++) {
            if (head[i] == 0) {
                nul++;
            }
        }
        if (nul > 0) {
            return notIndex("it is a binary file");
        }
        Boolean json = Pages.isJson(contentType, resource);
        int first = firstNonBlank(head);
        if (json == null) {
            json = first == '{' || first == '[';
        }
        return json ? json(head, complete) : html(head, complete, contentType, undecided);
    }

    private static Verdict notIndex(String why) {
        return new Verdict(Kind.NOT_INDEX, why, null, null, false);
    }

    private static int firstNonBlank(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0xef && c != 0xbb && c != 0xbf) {
                return c;
            }
        }
        return -1;
    }

    private static Verdict json(byte[] head, boolean complete) {
        boolean projects = false;
        boolean files = false;
        boolean meta = false;
        String name = null;
        try (JsonParser p = JSON.createParser(new ByteArrayInputStream(head))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return notIndex("it is a JSON document that is not an object with projects or files");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "projects" -> projects = true;
                    case "files" -> files = true;
                    case "meta" -> meta = true;
                    case "name" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            name = p.getText();
                        }
                    }
                    default -> {
                    }
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT && complete) {
                return notIndex("it is not a JSON document");
            }
        } catch (IOException e) {
            // the head ends inside the document, or the document is broken: judge by what was seen
            if (complete && !projects && !files && name == null && !meta) {
                return notIndex("it is not a JSON document");
            }
        }
        if (projects && !files) {
            return new Verdict(Kind.ROOT, "", null, null, false);
        }
        if (files || meta) {
            return new Verdict(Kind.PROJECT, "", null, name, false);
        }
        return notIndex("it is a JSON document without projects, files or meta (PEP 691)");
    }

    private static Verdict html(byte[] head, boolean complete, @Nullable String contentType, Kind undecided) {
        HtmlPage page;
        try {
            page = HtmlParser.parse(Pages.reader(contentType, new ByteArrayInputStream(head)), null, null, false);
        } catch (RuntimeException e) {
            return notIndex("it cannot be read as HTML");
        }
        int fileLinks = 0;
        int rootLinks = 0;
        String landing = null;
        List<String> names = new ArrayList<>();
        for (HtmlPage.Anchor a : page.anchors()) {
            String href = a.href();
            if (href == null || href.isBlank()) {
                continue;
            }
            String h = href.strip();
            String segment = lastNonEmptySegment(h);
            String lower = h.toLowerCase(Locale.ROOT);
            if (isFileLink(a, h, lower)) {
                fileLinks++;
                fileName(h, lower).ifPresent(names::add);
            } else if (segment.equals("simple") && !ProjectName.normalize(a.text()).equals("simple")) {
                landing = landing == null ? h : landing;
            } else if (ProjectName.isValid(a.text()) && !segment.isEmpty()
                    && ProjectName.normalize(segment).equals(ProjectName.normalize(a.text()))) {
                rootLinks++;
            }
        }
        boolean pypiMeta = page.meta("pypi:repository-version").isPresent();
        String titleName = page.title().map(t -> {
            Matcher m = LINKS_FOR.matcher(t);
            return m.matches() ? m.group(1) : null;
        }).orElse(null);
        boolean forPeople = page.meta("generator").filter(m -> PeoplePages.GENERATOR.equals(m.content())).isPresent();
        if (landing != null && !pypiMeta && (fileLinks == 0 || forPeople)) {
            return new Verdict(Kind.LANDING, "", landing, null, false);
        }
        String name = titleName != null && ProjectName.isValid(titleName) ? titleName : commonName(names);
        boolean several = names.stream().distinct().limit(2).count() > 1;
        if (fileLinks > 0 && fileLinks >= rootLinks) {
            return new Verdict(Kind.PROJECT, "", null, name, several);
        }
        if (rootLinks > 0) {
            return new Verdict(Kind.ROOT, "", null, null, false);
        }
        if (titleName != null) {
            return new Verdict(Kind.PROJECT, "", null, name, several);
        }
        if (pypiMeta || !complete && page.anchors().isEmpty() && page.doctype()) {
            // an index page without links (an empty project list, a project with no files), or one whose links
            // lie beyond the head: its place decides
            return new Verdict(undecided, "", null, null, false);
        }
        return notIndex(page.anchors().isEmpty() ? "it holds no links"
                : "none of its " + page.anchors().size() + " links is a project or a distribution file");
    }

    private static boolean isFileLink(HtmlPage.Anchor a, String href, String lower) {
        for (String attr : List.of("data-requires-python", "data-yanked", "data-core-metadata",
                "data-dist-info-metadata", "data-gpg-sig", "data-provenance")) {
            if (a.attributes().containsKey(attr)) {
                return true;
            }
        }
        if (lower.startsWith("git+") || lower.startsWith("hg+") || lower.startsWith("svn+")
                || lower.startsWith("bzr+")) {
            return true;
        }
        int hash = lower.indexOf('#');
        if (hash >= 0 && lower.substring(hash + 1).matches("(md5|sha1|sha224|sha256|sha384|sha512|egg)=.*")) {
            return true;
        }
        String file = Urls.lastSegment(href);
        return file.endsWith(".whl") || FileNames.pipSdistExtension(file).isPresent()
                || OTHER_DISTS.stream().anyMatch(file::endsWith);
    }

    /** The project name a distribution file's name gives: a wheel's name part, an sdist's name before its version. */
    private static Optional<String> fileName(String href, String lower) {
        if (lower.startsWith("git+") || lower.startsWith("hg+") || lower.startsWith("svn+")
                || lower.startsWith("bzr+")) {
            int egg = href.indexOf("#egg=");
            if (egg < 0) {
                egg = href.indexOf("&egg=");
            }
            if (egg < 0) {
                return Optional.empty();
            }
            String value = href.substring(egg + 5);
            int amp = value.indexOf('&');
            return sdistName(amp >= 0 ? value.substring(0, amp) : value);
        }
        String file = Urls.lastSegment(href);
        if (file.endsWith(".whl")) {
            return FileNames.wheel(file).map(FileNames.Wheel::name).map(ProjectName::normalize);
        }
        Optional<String> ext = FileNames.pipSdistExtension(file);
        return ext.flatMap(e -> sdistName(file.substring(0, file.length() - e.length())));
    }

    private static Optional<String> sdistName(String stem) {
        Matcher m = SDIST_NAME.matcher(stem);
        return m.matches() && ProjectName.isValid(m.group(1)) ? Optional.of(ProjectName.normalize(m.group(1)))
                : Optional.empty();
    }

    private static @Nullable String commonName(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        String first = names.get(0);
        for (String n : names) {
            if (!n.equals(first)) {
                return null;
            }
        }
        return first;
    }

    /**
     * The last non-empty path segment of a link, query and fragment removed, decoded.
     *
     * @param href the link
     * @return the segment, possibly empty
     */
    static String lastNonEmptySegment(String href) {
        String h = href;
        int cut = h.indexOf('#');
        if (cut >= 0) {
            h = h.substring(0, cut);
        }
        cut = h.indexOf('?');
        if (cut >= 0) {
            h = h.substring(0, cut);
        }
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.contains("://") && h.indexOf('/', h.indexOf("://") + 3) < 0) {
            return "";
        }
        return Urls.percentDecode(h.substring(h.lastIndexOf('/') + 1));
    }
}
