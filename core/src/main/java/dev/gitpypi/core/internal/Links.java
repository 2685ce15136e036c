package dev.gitpypi.core.internal;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.InvalidSpecifierException;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.ProjectName;
import dev.gitpypi.core.ProjectStatus;
import dev.gitpypi.core.SdistFilename;
import dev.gitpypi.core.Version;
import dev.gitpypi.core.VersionSpecifiers;
import dev.gitpypi.core.WheelFilename;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The decisions both renderers share (SPEC §17): which files a page lists, which hash goes into the URL fragment,
 * which optional values are safe to emit, which API version a page declares, and the versions of a project. Values a
 * client would misread are left out and logged, never written half-valid.
 */
public final class Links {
    private static final System.Logger LOG = System.getLogger(Links.class.getName());

    /** Hash names for the HTML fragment, best first; all are understood by both pip and uv (P503-09, UV-04). */
    private static final List<String> FRAGMENT_HASHES = List.of("sha256", "sha512", "sha384", "md5");

    /** Hash names pip keeps in {@code data-core-metadata} (PIP-11). */
    private static final List<String> PIP_HASHES = List.of("sha256", "sha512", "sha384", "sha224", "sha1", "md5");

    private Links() {
    }

    private static final String[] VCS_PREFIXES = {"git+", "hg+", "svn+", "bzr+"};
    private static final SdistFilename.Extension[] EXTENSIONS = SdistFilename.Extension.values();

    /**
     * The kind of a link, from its URL and file name: {@code git+…} (and the other VCS schemes) is a VCS link, else
     * a wheel, an sdist (any archive pip accepts, SD-05) or another file.
     *
     * @param url the link's URL
     * @param filename the link's file name
     * @return its kind
     */
    public static Distribution.Kind kind(String url, String filename) {
        for (String prefix : VCS_PREFIXES) {
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Distribution.Kind.VCS;
            }
        }
        if (filename.endsWith(".whl")) {
            return Distribution.Kind.WHEEL;
        }
        for (SdistFilename.Extension extension : EXTENSIONS) {
            if (filename.endsWith(extension.suffix())) {
                return Distribution.Kind.SDIST;
            }
        }
        return Distribution.Kind.OTHER;
    }

    /**
     * The distributions a page lists: none for a quarantined project (P792-03); VCS links only when pip can parse
     * their egg fragment (PIP-06: one bad fragment aborts pip for the whole project).
     *
     * @param project the project
     * @return the listed distributions, in the project's order
     */
    public static List<Distribution> listed(Project project) {
        return listed(project, false);
    }

    /**
     * The distributions a page lists, as {@link #listed(Project)}, logging each left-out VCS link once when asked
     * (the renderers ask; every other caller does not, so one page logs one warning per link).
     *
     * @param project the project
     * @param log whether to log left-out links
     * @return the listed distributions, in the project's order
     */
    public static List<Distribution> listed(Project project, boolean log) {
        if (project.status().marker() == ProjectStatus.Marker.QUARANTINED) {
            return List.of();
        }
        List<Distribution> out = new ArrayList<>(project.distributions().size());
        for (Distribution d : project.distributions()) {
            if (d.kind() == Distribution.Kind.VCS && !vcsRenderable(d)) {
                if (log) {
                    LOG.log(Level.WARNING, "left out vcs link {0} of project {1}: its #egg= fragment is not a valid"
                            + " project name, which makes pip >= 26.0 reject the whole page (PIP-06)", d.url(),
                            project.name().normalized());
                }
                continue;
            }
            out.add(d);
        }
        return out;
    }

    /**
     * Whether a VCS link has the classic {@code #egg=name-version} fragment in a form pip parses (PIP-06, PIP-07):
     * the fragment is a valid name and ends with a version.
     *
     * @param d a VCS distribution
     * @return true if it may be rendered
     */
    public static boolean vcsRenderable(Distribution d) {
        Optional<String> egg = eggFragment(d.url());
        return egg.isPresent() && ProjectName.isValid(egg.get()) && egg.get().indexOf('-') > 0;
    }

    /**
     * The value of an {@code egg=} fragment parameter.
     *
     * @param url a URL
     * @return the value, if the fragment has one
     */
    public static Optional<String> eggFragment(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        for (String part : url.substring(hash + 1).split("&", -1)) {
            if (part.startsWith("egg=")) {
                return Optional.of(part.substring(4));
            }
        }
        return Optional.empty();
    }

    /**
     * The URL an anchor links to: for a file, the distribution's URL without any fragment plus the best hash as
     * {@code #name=hex} (REN-02); a VCS link as given.
     *
     * @param d the distribution
     * @return the href value (not yet escaped)
     */
    public static String href(Distribution d) {
        if (d.kind() == Distribution.Kind.VCS) {
            return d.url();
        }
        String url = d.url();
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        return fragmentHash(d).map(h -> base + "#" + h).orElse(base);
    }

    /**
     * The URL of a file without any fragment (JSON carries hashes separately).
     *
     * @param d the distribution
     * @return the URL
     */
    public static String jsonUrl(Distribution d) {
        if (d.kind() == Distribution.Kind.VCS) {
            return d.url();
        }
        int hash = d.url().indexOf('#');
        return hash < 0 ? d.url() : d.url().substring(0, hash);
    }

    /**
     * The fragment hash {@code name=hex} for the HTML link, if the distribution has a usable one.
     *
     * @param d the distribution
     * @return the fragment without {@code #}
     */
    public static Optional<String> fragmentHash(Distribution d) {
        for (String name : FRAGMENT_HASHES) {
            String hex = d.hashes().get(name);
            if (hex != null && isHex(hex)) {
                return Optional.of(name + "=" + hex);
            }
        }
        return Optional.empty();
    }

    /**
     * The hashes for JSON {@code hashes}: sha256 first (REN-07), then the others in the given order; lower-case
     * names and hex values only (P691-08).
     *
     * @param hashes the hashes
     * @return the hashes to write
     */
    public static Map<String, String> jsonHashes(Map<String, String> hashes) {
        Map<String, String> out = new LinkedHashMap<>();
        String sha256 = hashes.get("sha256");
        if (sha256 != null && isHex(sha256)) {
            out.put("sha256", sha256);
        }
        hashes.forEach((name, hex) -> {
            if (isHashName(name) && isHex(hex)) {
                out.putIfAbsent(name, hex);
            }
        });
        return out;
    }

    /**
     * The value of {@code data-core-metadata} (P658-01, REN-05): {@code name=hex} with a hash pip keeps, else
     * {@code true}; empty when no metadata file is published.
     *
     * @param d the distribution
     * @return the attribute value
     */
    public static Optional<String> htmlCoreMetadata(Distribution d) {
        return d.coreMetadata().map(hashes -> {
            for (String name : PIP_HASHES) {
                String hex = hashes.get(name);
                if (hex != null && isHex(hex)) {
                    return name + "=" + hex;
                }
            }
            return "true";
        });
    }

    /**
     * The requires-python value if it is a valid specifier set (REN-06: only values packaging parses).
     *
     * @param d the distribution
     * @return the value
     */
    public static Optional<String> requiresPython(Distribution d) {
        Optional<String> value = d.requiresPython();
        if (value.isEmpty()) {
            return value;
        }
        try {
            VersionSpecifiers.parse(value.get());
            return value;
        } catch (InvalidSpecifierException e) {
            LOG.log(Level.WARNING, "left out requires-python of {0}: {1}", d.filename(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The provenance URL if it is absolute https (P740-01).
     *
     * @param d the distribution
     * @return the URL
     */
    public static Optional<String> provenance(Distribution d) {
        Optional<String> url = d.provenance();
        if (url.isPresent() && !url.get().startsWith("https://")) {
            LOG.log(Level.WARNING, "left out provenance of {0}: not an absolute https URL (P740-01)", d.filename());
            return Optional.empty();
        }
        return url;
    }

    /**
     * Whether a project page shows a status marker: only for a non-default status (P792-01).
     *
     * @param project the project
     * @return true if the status is written
     */
    public static boolean showsStatus(Project project) {
        return !project.status().isDefault();
    }

    /**
     * The {@code pypi:repository-version} of an HTML project page: the lowest version covering the features used
     * (P629-04, REN-01).
     *
     * @param project the project
     * @param listed the distributions listed
     * @return {@code 1.0}, {@code 1.3} or {@code 1.4}
     */
    public static String htmlApiVersion(Project project, List<Distribution> listed) {
        if (showsStatus(project)) {
            return "1.4";
        }
        return listed.stream().anyMatch(d -> provenance(d).isPresent()) ? "1.3" : "1.0";
    }

    /**
     * Whether a JSON page can carry the PEP 700 fields ({@code versions}, {@code size}, {@code upload-time}): every
     * listed file has a size (P629-05), or a later feature forces api-version 1.3 or 1.4 anyway.
     *
     * @param project the project
     * @param listed the distributions listed
     * @return true if the PEP 700 fields are written
     */
    public static boolean jsonHasPep700(Project project, List<Distribution> listed) {
        return listed.stream().allMatch(d -> d.size().isPresent()) || !"1.0".equals(htmlApiVersion(project, listed));
    }

    /**
     * The {@code meta.api-version} of a JSON project page (P629-04): 1.4 with a status, 1.3 with provenance, 1.1
     * with the PEP 700 fields, else 1.0.
     *
     * @param project the project
     * @param listed the distributions listed
     * @return the version
     */
    public static String jsonApiVersion(Project project, List<Distribution> listed) {
        String html = htmlApiVersion(project, listed);
        if (!html.equals("1.0")) {
            return html;
        }
        return jsonHasPep700(project, listed) ? "1.1" : "1.0";
    }

    /**
     * The versions of a project (PEP 700): those it declares, else those of the files a page lists (parsed from the
     * file names and VCS egg fragments), in normal form, without duplicates, in PEP 440 order.
     *
     * @param project the project
     * @param listed the distributions the page lists
     * @return the versions
     */
    public static List<String> versions(Project project, List<Distribution> listed) {
        if (!project.versions().isEmpty()) {
            return List.copyOf(new java.util.LinkedHashSet<>(project.versions()));
        }
        TreeSet<Version> versions = new TreeSet<>();
        for (Distribution d : listed) {
            project.fileVersion(d).ifPresent(versions::add);
        }
        return versions.stream().map(Version::toString).toList();
    }

    /**
     * The version of one distribution, from its file name (wheel: the second field, or pip's older reading of a
     * name packaging rejects; sdist: what follows the name, as pip reads it, PIP-05) or its egg fragment (VCS,
     * PIP-07).
     *
     * @param name the project name
     * @param d the distribution
     * @return the version, if it parses
     */
    public static Optional<Version> versionOf(ProjectName name, Distribution d) {
        return switch (d.kind()) {
            case VCS -> eggFragment(d.url()).flatMap(egg -> {
                for (int i = egg.indexOf('-'); i > 0; i = egg.indexOf('-', i + 1)) {
                    if (ProjectName.normalize(egg.substring(0, i)).equals(name.normalized())) {
                        return Version.tryParse(egg.substring(i + 1));
                    }
                }
                return Optional.empty();
            });
            case WHEEL -> WheelFilename.tryParse(d.filename()).map(WheelFilename::version)
                    .or(() -> PipFiles.legacyWheelVersion(d.filename(), name));
            default -> SdistFilename.parseForProject(d.filename(), name).map(SdistFilename::version);
        };
    }

    private static boolean isHashName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string is non-empty lower-case hex.
     *
     * @param s the string
     * @return true if it is
     */
    public static boolean isHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
