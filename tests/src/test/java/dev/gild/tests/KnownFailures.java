package dev.gild.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratchet file {@code tests/src/test/resources/conformance-known-failures.txt}: corpus
 * scripts expected to fail for now, one per line as {@code folder/NNN_topic.py}, with
 * {@code " [gil=0]"} for the free-threaded run. {@code #} starts a comment, on its own line or
 * after an entry; the comments at the top are kept when the file is rewritten, and so is the
 * comment after an entry that stays.
 */
final class KnownFailures {

    private final List<String> header;
    /** Entry to its trailing comment ("" when none), in file order. */
    private final Map<String, String> entries;

    private KnownFailures(List<String> header, Map<String, String> entries) {
        this.header = header;
        this.entries = entries;
    }

    static KnownFailures load(Path file) {
        List<String> header = new ArrayList<>();
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new KnownFailures(header, entries);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            String trimmed = line.strip();
            if (entries.isEmpty() && (trimmed.startsWith("#") || trimmed.isEmpty())) {
                header.add(line);
                continue;
            }
            int hash = trimmed.indexOf('#');
            String entry = (hash < 0 ? trimmed : trimmed.substring(0, hash)).strip();
            if (!entry.isEmpty()) {
                entries.put(entry, hash < 0 ? "" : trimmed.substring(hash).strip());
            }
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
        }
        return new KnownFailures(header, entries);
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    List<String> entries() {
        return List.copyOf(entries.keySet());
    }

    /** Writes the same header, then {@code keys} in the given order with their old comments. */
    void rewrite(Path file, List<String> keys) {
        List<String> lines = new ArrayList<>(header);
        if (!lines.isEmpty()) {
            lines.add("");
        }
        for (String key : keys) {
            String comment = entries.getOrDefault(key, "");
            lines.add(comment.isEmpty() ? key : key + "  " + comment);
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
