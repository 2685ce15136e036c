package dev.gitpypi.validator.internal;

import dev.gitpypi.core.internal.Redaction;
import dev.gitpypi.core.internal.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the ref of a VCS link exists, with the machine's {@code git ls-remote}, without lending the machine's
 * git credentials or configuration to whoever wrote the page (SECURITY).
 *
 * <p>A page can name any URL, so git runs for it as for a stranger:
 * <ul>
 *   <li>only {@code http}, {@code https}, {@code ssh} and {@code git} URLs are given to git; {@code ext::},
 *       {@code fd::}, {@code file://}, plain paths and every other transport are refused before git starts (and
 *       refused again by git: {@code -c protocol.allow=never} with those four allowed, {@code GIT_ALLOW_PROTOCOL},
 *       {@code GIT_PROTOCOL_FROM_USER=0}). A {@code file://} link is checked only for a local target and only when
 *       the repository lies inside the target's folder;</li>
 *   <li>git gets an environment built from scratch: no system or global configuration
 *       ({@code GIT_CONFIG_NOSYSTEM=1}, an empty {@code GIT_CONFIG_GLOBAL}), a fresh empty {@code HOME} (so no
 *       {@code ~/.netrc}, no {@code ~/.git-credentials}), no {@code GIT_ASKPASS}, {@code SSH_ASKPASS},
 *       {@code GIT_CONFIG_*} or {@code GIT_SSH*} from the caller, {@code -c credential.helper=} and
 *       {@code -c core.askPass=}, {@code GIT_TERMINAL_PROMPT=0}; it runs in an empty folder that is not inside a
 *       repository, so no repository configuration applies either;</li>
 *   <li>ssh runs with {@code -F /dev/null}, no identity files, no agent, batch mode and no password prompts: a
 *       stranger's ssh server learns nothing about the machine's keys (and a repository that needs a key is
 *       reported as not checked);</li>
 *   <li>on time-out the whole process tree is killed (git and its {@code git-remote-http} or {@code ssh}
 *       children), and the ref is reported as not checked, never as found.</li>
 * </ul>
 * Hosts the caller names explicitly ({@code trustedHosts}: the user's own private index) get the caller's normal
 * environment and configuration, so credential helpers and ssh keys work for them; the protocol restrictions and
 * the time-out still apply.
 *
 * <p>One {@code ls-remote} per repository: its refs are cached for the run, so a page with a hundred tags of one
 * repository starts git once. Not thread-safe.
 */
public final class GitRefs {
    private static final System.Logger LOG = System.getLogger(GitRefs.class.getName());
    /** The transports git may use for a URL from a page. */
    static final List<String> PROTOCOLS = List.of("http", "https", "ssh", "git");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}");
    /** What git prints when a repository needs credentials it was not given. */
    private static final Pattern NEEDS_CREDENTIALS = Pattern.compile("(?i)could not read (username|password)"
            + "|terminal prompts disabled|authentication failed|permission denied \\(|http basic: access denied"
            + "|the requested url returned error: 40[13]");
    private static final int MAX_OUTPUT = 16 * 1024 * 1024;
    /** Environment variables that carry no credential or configuration and that git may need (proxies, paths). */
    private static final List<String> KEPT_ENV = List.of("PATH", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT", "http_proxy",
            "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY");

    /** What a check found. */
    public enum Outcome {
        /** The ref exists. */
        FOUND,
        /** The repository was read and has no such ref. */
        MISSING,
        /** git ran and could not read the repository (no such repository, or it needs credentials). */
        UNREADABLE,
        /** The ref was not checked; the detail says why. */
        NOT_CHECKED
    }

    /**
     * The result of one check.
     *
     * @param outcome what was found
     * @param detail why, for findings: lower-case, credentials removed, without a trailing period
     */
    public record Result(Outcome outcome, String detail) {
    }

    private record Listing(Outcome outcome, String detail, Set<String> refs, Set<String> ids) {
    }

    private final Duration timeout;
    private final Set<String> trustedHosts;
    private final @Nullable Path localRoot;
    private final String git;
    private final Map<String, Listing> cache = new HashMap<>();

    /**
     * Creates a checker.
     *
     * @param timeout the time-out of one {@code git ls-remote}
     * @param trustedHosts lower-case host names whose VCS links git may check with the caller's credentials
     * @param localRoot the folder of a local target inside which {@code file://} repositories may be read, or null
     *     for a remote target (then no local repository is ever read)
     * @param git the git executable
     */
    public GitRefs(Duration timeout, Set<String> trustedHosts, @Nullable Path localRoot, String git) {
        this.timeout = timeout;
        this.trustedHosts = Set.copyOf(trustedHosts);
        this.localRoot = localRoot;
        this.git = git;
    }

    /**
     * Checks the ref of a VCS link.
     *
     * @param href the link as written, such as {@code git+https://host/o/r@v1.0#egg=r-1.0}
     * @return the result; empty when the link names no ref (pip then installs the default branch)
     */
    public Optional<Result> check(String href) {
        String url = href.substring(href.indexOf('+') + 1);
        int hash = url.indexOf('#');
        if (hash >= 0) {
            url = url.substring(0, hash);
        }
        int sep = url.indexOf("://");
        int pathStart = sep >= 0 ? url.indexOf('/', sep + 3) : 0;
        int at = url.lastIndexOf('@');
        if (pathStart < 0 || at <= pathStart) {
            return Optional.empty();
        }
        String repo = url.substring(0, at);
        String ref = Urls.percentDecode(url.substring(at + 1));
        String shown = Texts.quote(Redaction.url(repo));
        String scheme = sep > 0 ? repo.substring(0, sep).toLowerCase(Locale.ROOT) : "";
        if (ref.isEmpty() || ref.startsWith("-")) {
            return Optional.of(new Result(Outcome.NOT_CHECKED, "ref " + Texts.quote(ref) + " of " + shown
                    + " is not a ref name"));
        }
        boolean trusted = false;
        if (scheme.equals("file")) {
            Optional<String> refused = refuseLocal(repo);
            if (refused.isPresent()) {
                return Optional.of(new Result(Outcome.NOT_CHECKED, refused.get()));
            }
        } else if (!PROTOCOLS.contains(scheme)) {
            return Optional.of(new Result(Outcome.NOT_CHECKED, shown + " is not an http, https, ssh or git URL;"
                    + " gitpypi gives git no other transport for a link from a page"));
        } else {
            URI u = Urls.parse(repo).orElse(null);
            if (u == null || u.getHost() == null) {
                return Optional.of(new Result(Outcome.NOT_CHECKED, shown + " is not a URL git can read"));
            }
            trusted = trustedHosts.contains(u.getHost().toLowerCase(Locale.ROOT));
        }
        Listing listing = cache.get(repo);
        if (listing == null) {
            listing = lsRemote(repo, scheme.equals("file"), trusted);
            cache.put(repo, listing);
        }
        return Optional.of(match(listing, ref, shown));
    }

    private static Result match(Listing listing, String ref, String shown) {
        if (listing.outcome() != Outcome.FOUND) {
            return new Result(listing.outcome(), listing.detail());
        }
        if (listing.refs().contains(ref) || listing.refs().contains("refs/heads/" + ref)
                || listing.refs().contains("refs/tags/" + ref)) {
            return new Result(Outcome.FOUND, "");
        }
        if (HEX.matcher(ref).matches()) {
            for (String id : listing.ids()) {
                if (id.startsWith(ref)) {
                    return new Result(Outcome.FOUND, "");
                }
            }
            return new Result(Outcome.NOT_CHECKED, "commit " + Texts.quote(ref) + " of " + shown
                    + " is not the tip of a branch or tag; a commit id cannot be checked without cloning");
        }
        return new Result(Outcome.MISSING, "ref " + Texts.quote(ref) + " does not exist in " + shown);
    }

    private Optional<String> refuseLocal(String repo) {
        String shown = Texts.quote(Redaction.url(repo));
        if (localRoot == null) {
            return Optional.of(shown + " is a local repository; a remote index may not make gitpypi read local"
                    + " files");
        }
        Path p;
        try {
            p = Path.of(URI.create(repo.replace(" ", "%20")));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.of(shown + " is not a file URL git can read");
        }
        if (!Files.isDirectory(p)) {
            return Optional.of(shown + " is not a folder on this machine");
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(localRoot.toRealPath())) {
                return Optional.of(shown + " lies outside " + Texts.quote(localRoot.toString())
                        + "; only repositories inside the validated folder are read");
            }
        } catch (IOException e) {
            return Optional.of(shown + " cannot be read");
        }
        return Optional.empty();
    }

    private Listing lsRemote(String repo, boolean file, boolean trusted) {
        String shown = Texts.quote(Redaction.url(repo));
        Path work = null;
        Process p = null;
        try {
            work = Files.createTempDirectory("gitpypi-git");
            Path home = Files.createDirectory(work.resolve("home"));
            Path empty = Files.createFile(work.resolve("empty-config"));
            Path cwd = Files.createDirectory(work.resolve("cwd"));
            Path out = work.resolve("out.txt");
            List<String> cmd = new ArrayList<>(List.of(git, "-c", "credential.helper=", "-c", "core.askPass=",
                    "-c", "protocol.allow=never"));
            for (String proto : file ? List.of("file") : PROTOCOLS) {
                cmd.addAll(List.of("-c", "protocol." + proto + ".allow=always"));
            }
            cmd.addAll(List.of("ls-remote", "--", repo));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            Map<String, String> env = pb.environment();
            if (!trusted) {
                Map<String, String> kept = new HashMap<>();
                for (String k : KEPT_ENV) {
                    String v = env.get(k);
                    if (v != null) {
                        kept.put(k, v);
                    }
                }
                env.clear();
                env.putAll(kept);
                env.put("HOME", home.toString());
                env.put("XDG_CONFIG_HOME", home.toString());
                env.put("GIT_CONFIG_NOSYSTEM", "1");
                env.put("GIT_CONFIG_GLOBAL", empty.toString());
                env.put("GIT_SSH_COMMAND", "ssh -F " + empty + " -o BatchMode=yes -o IdentityFile=none"
                        + " -o IdentityAgent=none -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no"
                        + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=" + empty + " -o ControlPath=none");
                env.put("GIT_SSH_VARIANT", "ssh");
                env.put("LC_ALL", "C");
            }
            env.remove("GIT_DIR");
            env.put("GIT_CEILING_DIRECTORIES", work.toString());
            env.put("GIT_TERMINAL_PROMPT", "0");
            env.put("GIT_PROTOCOL_FROM_USER", "0");
            env.put("GIT_ALLOW_PROTOCOL", file ? "file" : String.join(":", PROTOCOLS));
            p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                return new Listing(Outcome.NOT_CHECKED, "git ls-remote " + shown + " did not finish within "
                        + seconds(timeout), Set.of(), Set.of());
            }
            String text;
            try (InputStream in = Files.newInputStream(out)) {
                text = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
            }
            if (p.exitValue() != 0) {
                String why = lastLine(text);
                String quoted = why.isEmpty() ? "" : ": " + Texts.quote(Redaction.text(why));
                if (!trusted && NEEDS_CREDENTIALS.matcher(text).find()) {
                    return new Listing(Outcome.NOT_CHECKED, shown + " asks for credentials, and gitpypi lends none"
                            + " to a link from a page" + quoted, Set.of(), Set.of());
                }
                return new Listing(Outcome.UNREADABLE, "git ls-remote cannot read " + shown + quoted, Set.of(),
                        Set.of());
            }
            Set<String> refs = new TreeSet<>();
            Set<String> ids = new TreeSet<>();
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab == 40 && HEX.matcher(line.substring(0, 40)).matches()) {
                    ids.add(line.substring(0, 40));
                    String name = line.substring(tab + 1).strip();
                    refs.add(name.endsWith("^{}") ? name.substring(0, name.length() - 3) : name);
                }
            }
            return new Listing(Outcome.FOUND, "", refs, ids);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot run git", e);
            return new Listing(Outcome.NOT_CHECKED, "git cannot be run (" + Texts.quote(git) + " is not"
                    + " installed or not on PATH)", Set.of(), Set.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Listing(Outcome.NOT_CHECKED, "interrupted while checking " + shown, Set.of(), Set.of());
        } finally {
            if (p != null && p.isAlive()) {
                killTree(p);
            }
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 200 ? last.substring(0, 200) : last;
    }

    /**
     * Kills a process and every process it started (deepest first), then waits for them: a git that times out
     * must not leave a {@code git-remote-http} or {@code ssh} child running.
     */
    static void killTree(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.sort(Comparator.comparingLong(ProcessHandle::pid).reversed());
        for (ProcessHandle h : tree) {
            h.destroyForcibly();
        }
        p.destroyForcibly();
        Set<ProcessHandle> all = new HashSet<>(tree);
        all.add(p.toHandle());
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "process {0} did not end", h.pid());
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot delete {0}", dir);
        }
    }
}
