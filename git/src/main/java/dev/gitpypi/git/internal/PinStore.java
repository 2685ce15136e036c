package dev.gitpypi.git.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The commit each tag of a repository was first indexed at, kept between builds so that a pinned release keeps its
 * commit when the tag moves. One text file per repository: {@code <commit> <tag>} lines, sorted by tag. Not
 * thread-safe.
 */
public final class PinStore {
    private final Path file;
    private final Map<String, String> pins = new TreeMap<>();
    private boolean changed;

    private PinStore(Path file) {
        this.file = file;
    }

    /**
     * Loads the pins of a repository.
     *
     * @param cacheRoot the cache folder
     * @param repositoryKey a stable key of the repository (its public URL)
     * @return the store
     * @throws IOException if the file cannot be read
     */
    public static PinStore load(Path cacheRoot, String repositoryKey) throws IOException {
        PinStore s = new PinStore(cacheRoot.resolve("pins").resolve(GitRepository.key(repositoryKey) + ".txt"));
        if (Files.isRegularFile(s.file)) {
            for (String line : Files.readAllLines(s.file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space == 40) {
                    s.pins.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        }
        return s;
    }

    /**
     * The pinned commit of a tag.
     *
     * @param tag the tag
     * @return the commit id, if pinned
     */
    public Optional<String> get(String tag) {
        return Optional.ofNullable(pins.get(tag));
    }

    /**
     * Pins a tag to a commit.
     *
     * @param tag the tag
     * @param commitId the commit
     */
    public void put(String tag, String commitId) {
        if (!commitId.equals(pins.put(tag, commitId))) {
            changed = true;
        }
    }

    /**
     * Writes the pins if they changed.
     *
     * @throws IOException if the file cannot be written
     */
    public void save() throws IOException {
        if (!changed) {
            return;
        }
        StringBuilder s = new StringBuilder();
        pins.forEach((tag, commit) -> s.append(commit).append(' ').append(tag).append('\n'));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".pins-", ".tmp");
        Files.writeString(tmp, s, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        changed = false;
    }
}
