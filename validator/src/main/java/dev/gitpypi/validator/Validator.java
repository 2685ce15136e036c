package dev.gitpypi.validator;

import dev.gitpypi.core.Severity;
import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.internal.Checker;
import dev.gitpypi.validator.internal.DeepChecks;
import dev.gitpypi.validator.internal.Site;
import dev.gitpypi.validator.internal.Suggestions;
import dev.gitpypi.validator.internal.Targets;
import dev.gitpypi.validator.internal.TextSite;
import dev.gitpypi.validator.internal.Sink;
import dev.gitpypi.validator.internal.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks an index against the SPEC.md conformance catalog and says, per link, whether pip and uv would use it.
 *
 * <p>What is checked: every rule that can be read from the pages (names, URLs, anchors against file names, hash
 * fragments, requires-python, yanked, core-metadata, API versions, JSON shapes and types, PEP 700/740/792
 * fields, wheel and sdist file names); over HTTP also media types, {@code Vary}, trailing-slash and
 * normalized-name behaviour; in {@linkplain Builder#deep(boolean) deep mode} the files themselves (hashes, sizes,
 * {@code .metadata}, VCS refs). Findings are data ({@link Report}); only a page that cannot be read at all is an
 * exception ({@link PageReadException}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Validator {
    private static final Validator DEFAULTS = builder().build();

    private final IndexReader reader;
    private final boolean deep;
    private final boolean vcs;
    private final long maxFileBytes;
    private final Duration gitTimeout;
    private final int httpProbes;
    private final Map<Rule, Severity> overrides;
    private final Set<Rule> disabled;
    private final Set<String> gitCredentialHosts;
    private final @Nullable String project;

    private Validator(Builder b) {
        this.reader = b.reader;
        this.deep = b.deep;
        this.vcs = b.vcs;
        this.maxFileBytes = b.maxFileBytes;
        this.gitTimeout = b.gitTimeout;
        this.httpProbes = b.httpProbes;
        this.overrides = Map.copyOf(b.overrides);
        this.disabled = Set.copyOf(b.disabled);
        this.gitCredentialHosts = Set.copyOf(b.gitCredentialHosts);
        this.project = b.project;
    }

    /** @return a validator with the defaults: pages only, default reader limits */
    public static Validator defaults() {
        return DEFAULTS;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates an index.
     *
     * @param target a folder (a site folder, a simple root or a project folder), a page file (HTML or JSON), or an
     *     http(s) URL (of a root, a project page, or a site above {@code simple/}); paths relative or absolute
     * @return the report
     * @throws IOException on an I/O or network failure
     * @throws PageReadException when a page breaks a limit, or the target does not exist
     * @throws NotAnIndexException when the target is not an index
     */
    public Report validate(String target) throws IOException {
        return run(Targets.open(Objects.requireNonNull(target, "target"), reader.http(), reader.limits()));
    }

    /**
     * Validates a folder or a page file.
     *
     * @param path the folder or file
     * @return the report
     * @throws IOException on an I/O failure
     * @throws PageReadException when a page breaks a limit, or nothing is there
     * @throws NotAnIndexException when the path is not an index
     */
    public Report validate(Path path) throws IOException {
        return run(Targets.open(path, path.toString(), reader.limits()));
    }

    /**
     * Validates an index over HTTP.
     *
     * @param url the URL of a root page, a project page, or a site above {@code simple/}
     * @return the report
     * @throws IOException on a network failure
     * @throws PageReadException when a page breaks a limit
     * @throws NotAnIndexException when the URL leads to no index
     */
    public Report validate(URI url) throws IOException {
        return run(Targets.open(url.toString(), reader.http(), reader.limits()));
    }

    /**
     * Validates one page given as text: a root page's own rules and entries, or a project page's rules, file names
     * and installer verdicts. The project of a project page is the builder's {@link Builder#project(String)}, else
     * the page's PEP 691 {@code name}, the last segment of its URL, or what the page says; unknown, the rules that
     * need it are notes. HTTP rules (media types, negotiation) do not apply: nothing was fetched.
     *
     * @param page the page
     * @return the report
     * @throws IOException on an I/O failure (deep mode)
     * @throws PageReadException when the page breaks a limit
     * @throws NotAnIndexException when the page is no index page
     */
    public Report validate(PageText page) throws IOException {
        return run(TextSite.open(page.raw(), page.url(), page.decodingType(), reader.limits()));
    }

    private Report run(Site site) throws IOException {
        Sink sink = new Sink(overrides, disabled);
        DeepChecks deepChecks = deep ? new DeepChecks(sink, maxFileBytes, gitTimeout, vcs, gitCredentialHosts,
                reader.http()) : null;
        new Checker(site, sink, httpProbes, deepChecks, project).run();
        return new Report(Urls.safe(site.display()), site.resolved().orElse(null), sink.findings(), sink.verdicts());
    }

    /** Builds a {@link Validator}. Not thread-safe. */
    public static final class Builder {
        private IndexReader reader = IndexReader.defaults();
        private boolean deep;
        private boolean vcs = true;
        private long maxFileBytes = 512L * 1024 * 1024;
        private Duration gitTimeout = Duration.ofSeconds(30);
        private int httpProbes = 3;
        private final Map<Rule, Severity> overrides = new java.util.EnumMap<>(Rule.class);
        private final Set<Rule> disabled = java.util.EnumSet.noneOf(Rule.class);
        private final Set<String> gitCredentialHosts = new TreeSet<>();
        private @Nullable String project;

        private Builder() {
        }

        /**
         * The project the validated page belongs to, when the page cannot say it itself: a lone page file that is not
         * a folder's {@code index.html}, with no PEP 691 {@code name}, no "Links for NAME" title and files of
         * different names. Without it, the rules that compare file names with the project's name are reported as
         * not checked. It overrides what the page, its folder or its URL says.
         *
         * @param name a valid project name (NAME-01)
         * @return this builder
         * @throws IllegalArgumentException if the name is not a valid project name
         */
        public Builder project(String name) {
            if (!dev.gitpypi.core.ProjectName.isValid(name)) {
                throw new IllegalArgumentException("invalid project name " + Texts.quote(name) + " (NAME-01)");
            }
            this.project = name;
            return this;
        }

        /**
         * The reader (and so the limits) to use.
         *
         * @param value the reader
         * @return this builder
         */
        public Builder reader(IndexReader value) {
            this.reader = Objects.requireNonNull(value, "reader");
            return this;
        }

        /**
         * Deep mode: download every file and check hashes, sizes, {@code .metadata} and VCS refs (default off).
         *
         * @param value whether to go deep
         * @return this builder
         */
        public Builder deep(boolean value) {
            this.deep = value;
            return this;
        }

        /**
         * In deep mode, whether to check that VCS refs exist with {@code git ls-remote} (default on).
         *
         * @param value whether to check
         * @return this builder
         */
        public Builder checkVcsRefs(boolean value) {
            this.vcs = value;
            return this;
        }

        /**
         * The largest file downloaded in deep mode (default 512 MiB); larger files are skipped.
         *
         * @param bytes the limit, positive
         * @return this builder
         */
        public Builder maxFileBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maximum file size must be positive: " + bytes);
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /**
         * In deep mode, lets {@code git ls-remote} use the caller's git configuration and credentials (credential
         * helpers, {@code GIT_ASKPASS}, ssh keys and agent, {@code ~/.netrc}) for VCS links to one host: for
         * checking one's own private index. Without it, git checks every VCS link as a stranger would, with no
         * credentials and no configuration (see SECURITY in the README): a page decides which hosts its links name,
         * so credentials must never go to a host the caller did not name. Repeatable.
         *
         * @param host a host name such as {@code git.example.com}, compared case-insensitively with the link's host
         * @return this builder
         * @throws IllegalArgumentException if the host is blank or holds a character no host name has
         */
        public Builder gitCredentialsHost(String host) {
            String h = host.strip().toLowerCase(java.util.Locale.ROOT);
            if (h.isEmpty() || !h.matches("[a-z0-9.\\[\\]:_-]+")) {
                throw new IllegalArgumentException("invalid host name " + Texts.quote(host));
            }
            gitCredentialHosts.add(h);
            return this;
        }

        /**
         * The time-out of one {@code git ls-remote} (default 30 s).
         *
         * @param timeout the time-out, positive
         * @return this builder
         */
        public Builder gitTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("git time-out must be positive: " + timeout);
            }
            this.gitTimeout = timeout;
            return this;
        }

        /**
         * Over HTTP, how many projects get the behaviour probes (trailing slash, normalized name, Vary); default 3.
         *
         * @param count the number, not negative
         * @return this builder
         */
        public Builder httpProbes(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("http probes must not be negative: " + count);
            }
            this.httpProbes = count;
            return this;
        }

        /**
         * Overrides the severity of every finding of one rule.
         *
         * @param rule the rule
         * @param severity the severity to report it at
         * @return this builder
         */
        public Builder severity(Rule rule, Severity severity) {
            overrides.put(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(severity, "severity"));
            disabled.remove(rule);
            return this;
        }

        /**
         * Overrides the severity of every finding of one rule, named by its id.
         *
         * @param ruleId a rule id such as {@code SD-01}
         * @param severity the severity to report it at
         * @return this builder
         * @throws IllegalArgumentException if the validator has no such rule (the message suggests the nearest id)
         */
        public Builder severity(String ruleId, Severity severity) {
            return severity(rule(ruleId), severity);
        }

        /**
         * Switches a rule off: its findings are left out of the report. Installer verdicts still cite it.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder disable(Rule rule) {
            disabled.add(Objects.requireNonNull(rule, "rule"));
            overrides.remove(rule);
            return this;
        }

        /**
         * Switches a rule off by its id.
         *
         * @param ruleId a rule id such as {@code P503-14}
         * @return this builder
         * @throws IllegalArgumentException if the validator has no such rule (the message suggests the nearest id)
         */
        public Builder disable(String ruleId) {
            return disable(rule(ruleId));
        }

        private static Rule rule(String id) {
            Objects.requireNonNull(id, "ruleId");
            return Rule.byId(id.strip().toUpperCase(java.util.Locale.ROOT)).orElseThrow(() ->
                    new IllegalArgumentException("unknown rule id " + Texts.quote(id) + Suggestions.didYouMean(id,
                            java.util.Arrays.stream(Rule.values()).map(Rule::id).toList()) + " (the rules are listed"
                            + " in docs/rules/)"));
        }

        /** @return the validator */
        public Validator build() {
            return new Validator(this);
        }
    }
}
