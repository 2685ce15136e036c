package dev.gitpypi.validator;

import dev.gitpypi.core.internal.Texts;
import dev.gitpypi.validator.internal.Checker;
import dev.gitpypi.validator.internal.DeepChecks;
import dev.gitpypi.validator.internal.Site;
import dev.gitpypi.validator.internal.Sink;
import dev.gitpypi.validator.internal.Urls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
    private final Map<String, Severity> overrides;

    private Validator(Builder b) {
        this.reader = b.reader;
        this.deep = b.deep;
        this.vcs = b.vcs;
        this.maxFileBytes = b.maxFileBytes;
        this.gitTimeout = b.gitTimeout;
        this.httpProbes = b.httpProbes;
        this.overrides = Map.copyOf(b.overrides);
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
     * @param target a folder (holding {@code simple/}, or the simple root), a page file, or an http(s) URL
     * @return the report
     * @throws IOException on an I/O or network failure
     * @throws PageReadException when a page breaks a limit or is not a page at all
     */
    public Report validate(String target) throws IOException {
        return run(Site.open(Objects.requireNonNull(target, "target"), reader.limits()));
    }

    /**
     * Validates a folder or a page file.
     *
     * @param path the folder or file
     * @return the report
     * @throws IOException on an I/O failure
     */
    public Report validate(Path path) throws IOException {
        return run(Site.open(path, reader.limits()));
    }

    /**
     * Validates an index over HTTP.
     *
     * @param url the root page or a project page
     * @return the report
     * @throws IOException on a network failure
     */
    public Report validate(URI url) throws IOException {
        return run(Site.open(url.toString(), reader.limits()));
    }

    private Report run(Site site) throws IOException {
        Sink sink = new Sink(overrides);
        DeepChecks deepChecks = deep ? new DeepChecks(sink, maxFileBytes, gitTimeout, vcs) : null;
        new Checker(site, sink, httpProbes, deepChecks).run();
        return new Report(Urls.safe(site.display()), sink.findings(), sink.verdicts());
    }

    /** Builds a {@link Validator}. Not thread-safe. */
    public static final class Builder {
        private IndexReader reader = IndexReader.defaults();
        private boolean deep;
        private boolean vcs = true;
        private long maxFileBytes = 512L * 1024 * 1024;
        private Duration gitTimeout = Duration.ofSeconds(30);
        private int httpProbes = 3;
        private final Map<String, Severity> overrides = new TreeMap<>();

        private Builder() {
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
         * @param ruleId a rule id such as {@code SD-01}
         * @param severity the severity to report it at
         * @return this builder
         * @throws IllegalArgumentException if the validator has no such rule
         */
        public Builder severity(String ruleId, Severity severity) {
            if (Rule.byId(ruleId).isEmpty()) {
                throw new IllegalArgumentException("unknown rule id " + dev.gitpypi.core.internal.Texts.quote(
                        ruleId));
            }
            overrides.put(ruleId, Objects.requireNonNull(severity, "severity"));
            return this;
        }

        /** @return the validator */
        public Validator build() {
            return new Validator(this);
        }
    }
}
