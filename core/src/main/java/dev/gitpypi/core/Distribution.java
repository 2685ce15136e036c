package dev.gitpypi.core;

import dev.gitpypi.core.internal.Links;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One file entry of a project: what one anchor of a PEP 503 page or one {@code files[]} object of a PEP 691 page
 * says. Every field the simple repository API defines is here (SPEC §2–§9); string fields keep the text as
 * written, so an index read from outside round-trips even when a value is not valid (the validator then reports
 * it).
 *
 * <p>Besides the page fields, a distribution may carry a {@linkplain #localFile() local file} whose bytes the site
 * hosts, and an {@linkplain #origin() origin} used in messages (never rendered, not part of equality).
 *
 * <p>Immutable; build with {@link #builder(String, String)}.
 */
public final class Distribution {
    /** What a link points to. */
    public enum Kind {
        /** A wheel ({@code .whl}). */
        WHEEL,
        /** A source distribution ({@code .tar.gz}, {@code .zip} and the other archive forms pip accepts, SD-05). */
        SDIST,
        /** A VCS link such as {@code git+https://host/o/r@v1.0#egg=name-1.0} (SPEC PIP-06, PIP-07, UV-05). */
        VCS,
        /** Any other file. */
        OTHER
    }

    /** The schemes of pip's VCS links ({@code git+https://…}, {@code hg+ssh://…}, …), matched case-insensitively. */
    private final String url;
    private final String filename;
    /** Derived from url and filename once: the renderers ask for it many times per page. */
    private final Kind kind;
    private final Map<String, String> hashes;
    private final @Nullable String requiresPython;
    private final @Nullable String yanked;
    private final @Nullable Map<String, String> coreMetadata;
    private final @Nullable Boolean gpgSig;
    private final long size;
    private final @Nullable Instant uploadTime;
    private final @Nullable String provenance;
    private final @Nullable Path localFile;
    private final @Nullable CoreMetadata metadata;
    private final String origin;

    private Distribution(Builder b) {
        this.url = b.url;
        this.filename = b.filename;
        this.kind = Links.kind(b.url, b.filename);
        this.hashes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.hashes));
        this.requiresPython = b.requiresPython;
        this.yanked = b.yanked;
        this.coreMetadata = b.coreMetadata == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.coreMetadata));
        this.gpgSig = b.gpgSig;
        this.size = b.size;
        this.uploadTime = b.uploadTime;
        this.provenance = b.provenance;
        this.localFile = b.localFile;
        this.metadata = b.metadata;
        this.origin = b.origin == null ? url : b.origin;
    }

    /**
     * Starts a distribution.
     *
     * @param url the link target as it appears on the page (absolute, or relative to the project page)
     * @param filename the file name (for a file link the last path segment of the URL, SPEC P503-07)
     * @return a builder
     */
    public static Builder builder(String url, String filename) {
        return new Builder(url, filename);
    }

    /**
     * A builder initialised with every field of this distribution.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(url, filename);
        b.hashes.putAll(hashes);
        b.requiresPython = requiresPython;
        b.yanked = yanked;
        b.coreMetadata = coreMetadata == null ? null : new LinkedHashMap<>(coreMetadata);
        b.gpgSig = gpgSig;
        b.size = size;
        b.uploadTime = uploadTime;
        b.provenance = provenance;
        b.localFile = localFile;
        b.metadata = metadata;
        b.origin = origin;
        return b;
    }

    /** @return the link target as written on the page, without the hash fragment */
    public String url() {
        return url;
    }

    /** @return the file name */
    public String filename() {
        return filename;
    }

    /** @return what the link points to, derived from the URL and file name */
    public Kind kind() {
        return kind;
    }

    /**
     * The hashes of the file, hash name (lower-case hashlib name) to hex digest, in the order given; empty when none
     * is known (SPEC P503-08, P691-08).
     *
     * @return the hashes
     */
    public Map<String, String> hashes() {
        return hashes;
    }

    /** @return the sha256 hex digest, if known */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    /** @return the requires-python specifier set as written (SPEC P503-13, P691-09) */
    public Optional<String> requiresPython() {
        return Optional.ofNullable(requiresPython);
    }

    /** @return whether the file is yanked (SPEC P592-01, P592-05) */
    public boolean isYanked() {
        return yanked != null;
    }

    /** @return present when yanked: the reason, possibly empty */
    public Optional<String> yankedReason() {
        return Optional.ofNullable(yanked);
    }

    /**
     * Whether a core-metadata file is published at {@code url + ".metadata"} (SPEC P658-01, P714-01), and its
     * hashes: empty means absent; a present, empty map means "exists, hash unknown".
     *
     * @return the metadata file's hashes, if the file exists
     */
    public Optional<Map<String, String>> coreMetadata() {
        return Optional.ofNullable(coreMetadata);
    }

    /** @return whether a GPG signature exists at {@code url + ".asc"}, if stated (SPEC P503-12, P691-11) */
    public Optional<Boolean> gpgSig() {
        return Optional.ofNullable(gpgSig);
    }

    /** @return the file size in bytes, if known (SPEC P700-03) */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** @return the upload time, if known (SPEC P700-04) */
    public Optional<Instant> uploadTime() {
        return Optional.ofNullable(uploadTime);
    }

    /** @return the provenance URL, if any (SPEC P740-01, P740-02) */
    public Optional<String> provenance() {
        return Optional.ofNullable(provenance);
    }

    /** @return the local file whose bytes the site hosts, if the site hosts this distribution */
    public Optional<Path> localFile() {
        return Optional.ofNullable(localFile);
    }

    /**
     * The core metadata of the release this file belongs to, when the source knows it: a wheel's {@code METADATA},
     * an sdist's {@code PKG-INFO}, or what a Git source read at the tag. Pages for people, the sdists gitpypi builds
     * and the JSON pages read it; the simple HTML pages use only {@link #requiresPython()}.
     *
     * @return the metadata, if known
     */
    public Optional<CoreMetadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** @return where this distribution came from, for messages (credentials already stripped) */
    public String origin() {
        return origin;
    }

    /** Equality over the page fields (not {@link #localFile()} or {@link #origin()}). */
    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Distribution d)) {
            return false;
        }
        return url.equals(d.url) && filename.equals(d.filename) && hashes.equals(d.hashes)
                && Objects.equals(requiresPython, d.requiresPython) && Objects.equals(yanked, d.yanked)
                && Objects.equals(coreMetadata, d.coreMetadata) && Objects.equals(gpgSig, d.gpgSig)
                && size == d.size && Objects.equals(uploadTime, d.uploadTime)
                && Objects.equals(provenance, d.provenance) && Objects.equals(metadata, d.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, filename, hashes, requiresPython, yanked, coreMetadata, gpgSig, size, uploadTime,
                provenance, metadata);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Distribution[").append(filename).append(" <").append(url).append('>');
        hashes.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        if (requiresPython != null) {
            s.append(" requires-python=").append(requiresPython);
        }
        if (yanked != null) {
            s.append(" yanked=").append(yanked);
        }
        if (coreMetadata != null) {
            s.append(" core-metadata=").append(coreMetadata);
        }
        if (gpgSig != null) {
            s.append(" gpg-sig=").append(gpgSig);
        }
        if (size >= 0) {
            s.append(" size=").append(size);
        }
        if (uploadTime != null) {
            s.append(" upload-time=").append(uploadTime);
        }
        if (provenance != null) {
            s.append(" provenance=").append(provenance);
        }
        if (metadata != null) {
            s.append(" metadata=").append(metadata.metadataVersion().orElse("?"));
        }
        return s.append(']').toString();
    }

    /** Builds a {@link Distribution}. Not thread-safe. */
    public static final class Builder {
        private String url;
        private final String filename;
        private final Map<String, String> hashes = new LinkedHashMap<>();
        private @Nullable String requiresPython;
        private @Nullable String yanked;
        private @Nullable Map<String, String> coreMetadata;
        private @Nullable Boolean gpgSig;
        private long size = -1;
        private @Nullable Instant uploadTime;
        private @Nullable String provenance;
        private @Nullable Path localFile;
        private @Nullable CoreMetadata metadata;
        private @Nullable String origin;

        private Builder(String url, String filename) {
            this.url = Objects.requireNonNull(url, "url");
            this.filename = Objects.requireNonNull(filename, "filename");
        }

        /**
         * Replaces the link target, such as when a site hosts the file and links to its own copy.
         *
         * @param value the link target as it appears on the page
         * @return this builder
         */
        public Builder url(String value) {
            this.url = Objects.requireNonNull(value, "url");
            return this;
        }

        /**
         * Adds a hash.
         *
         * @param name the hashlib name, such as {@code sha256}
         * @param hexDigest the hex digest
         * @return this builder
         */
        public Builder hash(String name, String hexDigest) {
            hashes.put(Objects.requireNonNull(name, "hash name"), Objects.requireNonNull(hexDigest, "digest"));
            return this;
        }

        /**
         * Sets the requires-python value as written.
         *
         * @param value the specifier set, or null for none
         * @return this builder
         */
        public Builder requiresPython(@Nullable String value) {
            this.requiresPython = value;
            return this;
        }

        /**
         * Marks the file yanked, with a reason (empty for none), or not yanked with null.
         *
         * @param reason the reason, "" for none, null for not yanked
         * @return this builder
         */
        public Builder yanked(@Nullable String reason) {
            this.yanked = reason;
            return this;
        }

        /**
         * States that a core-metadata file exists, with its hashes (empty: hash unknown), or null for none.
         *
         * @param metadataHashes the metadata file's hashes, or null
         * @return this builder
         */
        public Builder coreMetadata(@Nullable Map<String, String> metadataHashes) {
            this.coreMetadata = metadataHashes == null ? null : new LinkedHashMap<>(metadataHashes);
            return this;
        }

        /**
         * Sets the gpg-sig flag, or null for not stated.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder gpgSig(@Nullable Boolean value) {
            this.gpgSig = value;
            return this;
        }

        /**
         * Sets the size in bytes.
         *
         * @param bytes the size, not negative
         * @return this builder
         */
        public Builder size(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("size must not be negative: " + bytes);
            }
            this.size = bytes;
            return this;
        }

        /**
         * Sets the upload time, or null.
         *
         * @param time the time
         * @return this builder
         */
        public Builder uploadTime(@Nullable Instant time) {
            this.uploadTime = time;
            return this;
        }

        /**
         * Sets the provenance URL, or null.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder provenance(@Nullable String url) {
            this.provenance = url;
            return this;
        }

        /**
         * Sets the local file the site hosts, or null.
         *
         * @param file the file
         * @return this builder
         */
        public Builder localFile(@Nullable Path file) {
            this.localFile = file;
            return this;
        }

        /**
         * Sets the core metadata of the release this file belongs to.
         *
         * @param value the metadata, or null if unknown
         * @return this builder
         */
        public Builder metadata(@Nullable CoreMetadata value) {
            this.metadata = value;
            return this;
        }

        /**
         * Sets where this distribution came from, for messages; must not hold credentials.
         *
         * @param where a description such as a path or a URL with a tag
         * @return this builder
         */
        public Builder origin(@Nullable String where) {
            this.origin = where;
            return this;
        }

        /** @return the distribution */
        public Distribution build() {
            return new Distribution(this);
        }
    }
}
