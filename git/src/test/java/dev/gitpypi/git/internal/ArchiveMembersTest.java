package dev.gitpypi.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveMembersTest {
    @TempDir
    Path tmp;

    /** A tree: path to link target ({@code null} for a regular file). */
    private static List<String> kept(Map<String, String> tree, List<String> warnings) throws IOException {
        List<GitRepository.Entry> entries = new ArrayList<>();
        Map<String, String> blobs = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(tree).entrySet()) {
            String id = String.format("%040x", n++);
            if (e.getValue() == null) {
                entries.add(new GitRepository.Entry(e.getKey(), GitRepository.EntryKind.FILE, id));
            } else {
                entries.add(new GitRepository.Entry(e.getKey(), GitRepository.EntryKind.SYMLINK, id));
                blobs.put(id, e.getValue());
            }
        }
        return ArchiveMembers.select(entries, Set.of("PKG-INFO"),
                (id, max) -> blobs.get(id).getBytes(StandardCharsets.UTF_8), warnings::add)
                .stream().map(m -> m.entry().path()).toList();
    }

    private static Map<String, String> tree(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static List<Object[]> links() {
        return List.of(
                new Object[] {tree("f", null, "l", "f"), true},
                new Object[] {tree("d/f", null, "l", "d/f"), true},
                new Object[] {tree("d/f", null, "d/l", "../d/f"), true},
                new Object[] {tree("l", "."), true},
                new Object[] {tree("d/l", ".."), true},
                new Object[] {tree("l", ".."), false},
                new Object[] {tree("l", "/etc/passwd"), false},
                new Object[] {tree("d/l", "../../x"), false},
                new Object[] {tree("l", "missing/../../x"), false},
                new Object[] {tree("l", "dangling"), true},
                new Object[] {tree("l", ""), false},
                new Object[] {tree("l", "a\\..\\..\\x"), false},
                new Object[] {tree("l", "x\u0000y"), false},
                // a link inside the folder that points to the root, then one step up through it
                new Object[] {tree("a/b", "..", "c", "a/b/.."), false},
                new Object[] {tree("a/b", "..", "c", "a/b/a"), true},
                // a loop and a self-reference
                new Object[] {tree("x", "y", "y", "x"), false},
                new Object[] {tree("x", "x"), false},
                // a file used as a folder: resolution stops there, inside
                new Object[] {tree("f", null, "l", "f/../../.."), true},
                // the generated PKG-INFO is a file too
                new Object[] {tree("l", "PKG-INFO/../.."), true});
    }

    @ParameterizedTest
    @MethodSource("links")
    void linkDecisions(Map<String, String> tree, boolean keepLast) throws IOException {
        List<String> warnings = new ArrayList<>();
        String last = new ArrayList<>(tree.keySet()).get(tree.size() - 1);
        assertThat(kept(tree, warnings).contains(last)).as(tree + " " + warnings).isEqualTo(keepLast);
    }

    @Test
    void longChainsAreCutAtTheLimit() throws IOException {
        Map<String, String> inside = new LinkedHashMap<>();
        inside.put("f", null);
        inside.put("l000", "f");
        for (int i = 1; i < ArchiveMembers.MAX_LINKS; i++) {
            inside.put(String.format("l%03d", i), String.format("l%03d", i - 1));
        }
        List<String> warnings = new ArrayList<>();
        assertThat(kept(inside, warnings)).hasSize(ArchiveMembers.MAX_LINKS + 1);
        inside.put(String.format("l%03d", ArchiveMembers.MAX_LINKS), String.format("l%03d",
                ArchiveMembers.MAX_LINKS - 1));
        assertThat(kept(inside, warnings)).hasSize(ArchiveMembers.MAX_LINKS + 1);
        assertThat(warnings).containsExactly("symbolic link \"l040\" is a chain of more than 40 links (or a loop) and"
                + " is not included (SD-04)");
    }

    @Test
    void duplicatesAndEntriesBelowFilesOrLinksAreLeftOut() throws IOException {
        List<GitRepository.Entry> entries = List.of(
                new GitRepository.Entry("PKG-INFO/x", GitRepository.EntryKind.FILE, "0".repeat(40)),
                new GitRepository.Entry("a", GitRepository.EntryKind.SYMLINK, "1".repeat(40)),
                new GitRepository.Entry("a/x", GitRepository.EntryKind.FILE, "2".repeat(40)),
                new GitRepository.Entry("f", GitRepository.EntryKind.FILE, "3".repeat(40)),
                new GitRepository.Entry("f", GitRepository.EntryKind.FILE, "4".repeat(40)),
                new GitRepository.Entry("f/g", GitRepository.EntryKind.FILE, "5".repeat(40)),
                new GitRepository.Entry("m", GitRepository.EntryKind.SUBMODULE, "6".repeat(40)));
        List<String> warnings = new ArrayList<>();
        List<ArchiveMembers.Member> kept = ArchiveMembers.select(entries, Set.of("PKG-INFO"),
                (id, max) -> ".".getBytes(StandardCharsets.UTF_8), warnings::add);
        assertThat(kept).extracting(m -> m.entry().path() + ":" + m.entry().objectId().charAt(0))
                .containsExactly("a:1", "f:3");
        assertThat(warnings).containsExactly(
                "path \"f\" is listed twice in the tree; only the first entry is included (SD-04)",
                "path \"a/x\" is below the file or link \"a\" and is not included (SD-04)",
                "path \"f/g\" is below the file or link \"f\" and is not included (SD-04)",
                "submodule \"m\" is not included in the sdist");
    }

    /**
     * Property: every link kept resolves, on a real file system, to a place inside the folder (or does not
     * resolve at all). The folder is extracted three levels deep into a world where every name the generator uses
     * exists as a folder at every level above, so a link that climbs out finds something to point to.
     */
    @Test
    void keptLinksResolveInsideOnARealFileSystem() throws IOException {
        Random random = Seeds.random("ArchiveMembersTest.keptLinksResolveInsideOnARealFileSystem");
        String[] names = {"a", "b", "l1", "l2", "l3"};
        Path world = tmp.resolve("world");
        for (String level : new String[] {"", "u/", "u/v/"}) {
            for (String n : names) {
                Files.createDirectories(world.resolve(level + n).resolve("a"));
            }
        }
        int keptLinks = 0;
        for (int round = 0; round < 300; round++) {
            Map<String, String> tree = new TreeMap<>();
            tree.put("a/f", null);
            tree.put("b/f", null);
            for (String link : new String[] {"l1", "a/l2", "b/l3", "a/l1"}) {
                StringBuilder target = new StringBuilder();
                int parts = 1 + random.nextInt(5);
                for (int i = 0; i < parts; i++) {
                    int k = random.nextInt(8);
                    target.append(i == 0 ? "" : "/").append(k < 3 ? ".." : k == 3 ? "." : names[k - 3]);
                }
                tree.put(link, target.toString());
            }
            List<String> kept = kept(tree, new ArrayList<>());
            Path top = world.resolve("u/v/top" + round);
            for (Map.Entry<String, String> e : tree.entrySet()) {
                Path p = top.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                if (e.getValue() == null) {
                    Files.writeString(p, "x");
                } else if (kept.contains(e.getKey())) {
                    Files.createSymbolicLink(p, Path.of(e.getValue()));
                }
            }
            Path realTop = top.toRealPath();
            for (String link : kept) {
                if (tree.get(link) == null) {
                    continue;
                }
                keptLinks++;
                Path p = top.resolve(link);
                try {
                    assertThat(p.toRealPath().startsWith(realTop)).as("%s in %s", link, tree).isTrue();
                } catch (java.nio.file.FileSystemException dangling) {
                    // does not resolve: cannot reach anything
                }
            }
        }
        assertThat(keptLinks).as("the generator must produce links that are kept").isGreaterThan(50);
        try (var walk = Files.walk(world)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
