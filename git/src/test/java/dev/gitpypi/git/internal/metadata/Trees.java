package dev.gitpypi.git.internal.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Trees for the metadata reader's tests: a map of paths to texts, or a folder of test resources. */
final class Trees {
    private Trees() {
    }

    static TreeFiles of(Map<String, String> files) {
        Map<String, String> sorted = new TreeMap<>(files);
        return new TreeFiles() {
            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(sorted.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Optional<List<String>> list() {
                return Optional.of(List.copyOf(sorted.keySet()));
            }
        };
    }

    static ProjectMetadata read(Map<String, String> files) throws IOException, MetadataException {
        return MetadataReader.read(of(files));
    }

    /** The files of {@code src/test/resources/real-metadata/<name>}. */
    static TreeFiles real(String name) {
        Path root;
        try {
            root = Path.of(Trees.class.getResource("/real-metadata/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> all.add(root.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(null);
        return new TreeFiles() {
            @Override
            public Optional<byte[]> read(String path) throws IOException {
                Path p = root.resolve(path);
                return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
            }

            @Override
            public Optional<List<String>> list() {
                return Optional.of(all);
            }
        };
    }
}
