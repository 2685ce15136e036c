package dev.gitpypi.git.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.jspecify.annotations.Nullable;

/**
 * Writes a deterministic PEP 625 source distribution from the tree at a commit (SPEC SD-01, SD-02, SD-04, SD-05):
 * {@code name-version.tar.gz} with one top folder {@code name-version/}, a {@code PKG-INFO} (Metadata-Version 2.2),
 * entries sorted by path, modes 0644/0755, owner and group 0 without names, every mtime the commit time, and a
 * gzip header without a time stamp or file name. The same commit and metadata always give the same bytes.
 * Stateless and thread-safe.
 */
public final class SdistWriter {
    /** The core-metadata fields of version 2.2 besides Metadata-Version, Name and Version. */
    private static final List<String> FIELDS_2_2 = List.of("Platform", "Supported-Platform", "Summary",
            "Description", "Description-Content-Type", "Keywords", "Home-page", "Download-URL", "Author",
            "Author-email", "Maintainer", "Maintainer-email", "License", "Classifier", "Requires-Dist",
            "Requires-Python", "Requires-External", "Project-URL", "Provides-Extra", "Provides-Dist",
            "Obsoletes-Dist");

    /**
     * The metadata written into {@code PKG-INFO}.
     *
     * @param name the project name as written (NAME-01)
     * @param version the version in normal form
     * @param requiresPython the requires-python value, or null
     * @param requiresPythonKnown whether requires-python is known (else it is declared {@code Dynamic})
     * @param dependencies the {@code Requires-Dist} values, or null when unknown (then declared {@code Dynamic})
     * @param extras the {@code Provides-Extra} values
     */
    public record Metadata(String name, String version, @Nullable String requiresPython, boolean requiresPythonKnown,
            @Nullable List<String> dependencies, List<String> extras) {
    }

    /**
     * What was written.
     *
     * @param file the sdist
     * @param sha256 its sha256, hex
     * @param size its size in bytes
     */
    public record Written(Path file, String sha256, long size) {
    }

    /** One archive member: a tree entry, or the generated PKG-INFO when {@code entry} is null. */
    private record Item(String path, GitRepository.@Nullable Entry entry) {
    }

    private SdistWriter() {
    }

    /**
     * The {@code PKG-INFO} text (META-01..META-04): UTF-8, email-header form, {@code Dynamic} for every 2.2 field
     * this writer cannot know.
     *
     * @param m the metadata
     * @return the text
     */
    public static String pkgInfo(Metadata m) {
        StringBuilder s = new StringBuilder();
        s.append("Metadata-Version: 2.2\n");
        s.append("Name: ").append(m.name()).append('\n');
        s.append("Version: ").append(m.version()).append('\n');
        Set<String> known = new HashSet<>();
        if (m.requiresPythonKnown()) {
            known.add("Requires-Python");
            if (m.requiresPython() != null) {
                s.append("Requires-Python: ").append(m.requiresPython()).append('\n');
            }
        }
        if (m.dependencies() != null) {
            known.add("Requires-Dist");
            known.add("Provides-Extra");
            for (String extra : m.extras()) {
                s.append("Provides-Extra: ").append(extra).append('\n');
            }
            for (String d : m.dependencies()) {
                s.append("Requires-Dist: ").append(d).append('\n');
            }
        }
        for (String field : FIELDS_2_2) {
            if (!known.contains(field)) {
                s.append("Dynamic: ").append(field).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * Writes the sdist of a folder at a commit.
     *
     * @param repo the repository
     * @param commit the commit
     * @param folder the project folder in the tree, {@code ""} for the root
     * @param metadata the metadata
     * @param target the file to write (its name is the sdist file name); replaced atomically
     * @param warnings receives what was left out (links leaving the folder, submodules)
     * @return the file, its sha256 and size
     * @throws IOException if reading or writing fails
     */
    public static Written write(GitRepository repo, GitRepository.Commit commit, String folder, Metadata metadata,
            Path target, Consumer<String> warnings) throws IOException {
        String fileName = target.getFileName().toString();
        String top = fileName.substring(0, fileName.length() - ".tar.gz".length());
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".sdist-", ".tmp");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long mtimeMillis = commit.commitTime() * 1000L;
        try (OutputStream file = Files.newOutputStream(tmp);
                DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(digest, gzipParameters());
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            Set<String> dirs = new HashSet<>();
            directory(tar, top + "/", mtimeMillis);
            byte[] pkgInfo = pkgInfo(metadata).getBytes(StandardCharsets.UTF_8);
            List<Item> entries = new ArrayList<>();
            entries.add(new Item("PKG-INFO", null));
            for (GitRepository.Entry e : repo.files(commit.commitId(), folder)) {
                if (!e.path().equals("PKG-INFO")) {
                    entries.add(new Item(e.path(), e));
                }
            }
            entries.sort(java.util.Comparator.comparing(Item::path));
            for (Item item : entries) {
                String path = item.path();
                GitRepository.Entry e = item.entry();
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    String dir = path.substring(0, slash + 1);
                    if (dirs.add(dir)) {
                        directory(tar, top + "/" + dir, mtimeMillis);
                    }
                }
                if (e == null) {
                    TarArchiveEntry t = entry(top + "/" + path, TarConstants.LF_NORMAL, 0100644, mtimeMillis);
                    t.setSize(pkgInfo.length);
                    tar.putArchiveEntry(t);
                    tar.write(pkgInfo);
                    tar.closeArchiveEntry();
                    continue;
                }
                switch (e.kind()) {
                    case SUBMODULE -> warnings.accept("submodule " + dev.gitpypi.core.GitpypiException.quote(path)
                            + " is not included in the sdist");
                    case SYMLINK -> {
                        String link = new String(repo.blob(e.objectId()).bytes(4096), StandardCharsets.UTF_8);
                        if (!staysInside(path, link)) {
                            warnings.accept("symbolic link " + dev.gitpypi.core.GitpypiException.quote(path)
                                    + " points outside the project folder and is not included (SD-04)");
                        } else {
                            TarArchiveEntry t = entry(top + "/" + path, TarConstants.LF_SYMLINK, 0120777,
                                    mtimeMillis);
                            t.setLinkName(link);
                            tar.putArchiveEntry(t);
                            tar.closeArchiveEntry();
                        }
                    }
                    default -> {
                        GitRepository.Blob blob = repo.blob(e.objectId());
                        TarArchiveEntry t = entry(top + "/" + path, TarConstants.LF_NORMAL,
                                e.kind() == GitRepository.EntryKind.EXECUTABLE ? 0100755 : 0100644, mtimeMillis);
                        t.setSize(blob.size());
                        tar.putArchiveEntry(t);
                        blob.copyTo(tar);
                        tar.closeArchiveEntry();
                    }
                }
            }
            tar.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        long size = Files.size(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(target, HexFormat.of().formatHex(sha.digest()), size);
    }

    /**
     * Whether a relative symbolic link at {@code path} with target {@code link} stays inside the archived folder.
     *
     * @param path the link's path relative to the folder
     * @param link the link target
     * @return true if it is relative and does not climb above the folder
     */
    static boolean staysInside(String path, String link) {
        if (link.isEmpty() || link.startsWith("/") || link.contains("\\") || link.indexOf(0) >= 0) {
            return false;
        }
        int depth = (int) path.chars().filter(c -> c == '/').count();
        for (String part : link.split("/", -1)) {
            if (part.equals("..")) {
                depth--;
                if (depth < 0) {
                    return false;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    private static GzipParameters gzipParameters() {
        GzipParameters p = new GzipParameters();
        p.setCompressionLevel(9);
        p.setModificationTime(0);
        p.setOperatingSystem(255);
        return p;
    }

    private static void directory(TarArchiveOutputStream tar, String name, long mtimeMillis) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_DIR, 040755, mtimeMillis));
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long mtimeMillis) {
        TarArchiveEntry t = new TarArchiveEntry(name, type);
        t.setMode(mode);
        t.setUserId(0);
        t.setGroupId(0);
        t.setUserName("");
        t.setGroupName("");
        t.setModTime(mtimeMillis);
        return t;
    }
}
