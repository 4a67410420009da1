package dev.gild.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared conformance corpus: {@code shared/conformance} beside the repository. */
final class Corpus {
    static final List<String> FOLDERS = List.of("lang", "builtins", "stdlib", "threads", "errors");

    private Corpus() {
    }

    /** The corpus folder, found by walking up from the working directory, or null when absent. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every script of the corpus folders, sorted. */
    static List<Path> scripts(Path root) {
        return FOLDERS.stream().map(root::resolve).filter(Files::isDirectory).flatMap(folder -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
