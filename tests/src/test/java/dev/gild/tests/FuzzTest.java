package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.cli.SourceFrontEnd;
import dev.gild.parser.SyntaxErrorException;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.PyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every corpus script, mutated a few seeded ways (a line deleted, two tokens swapped, the text cut
 * short, random bytes inserted), goes through the parser and compiler in process: each mutant
 * compiles or raises a SyntaxError (or RecursionError), never another Java exception. Mutants
 * of the single-threaded scripts ({@code lang}, {@code builtins}, {@code errors}) that compile
 * also run, bounded: the program ends (normally or with a Python exception), or stops when
 * interrupted, with no Java exception escaping.
 */
class FuzzTest {
    /** Fixed so a failure reproduces; {@code -Dgild.fuzz.seed=N} explores other mutants. */
    private static final long SEED = Long.getLong("gild.fuzz.seed", 20261122L);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|\\d+|\\S");
    /** Mutants that could swallow the interrupt that stops a runaway loop are compiled only. */
    private static final Pattern SWALLOWS_INTERRUPTS = Pattern.compile("except\\s*:|BaseException|KeyboardInterrupt|finally");
    private static final List<String> RUN_DIRS = List.of("lang", "builtins", "errors");

    private final CodeCompiler compiler = new SourceFrontEnd();

    @Test
    void mutatedCorpusNeverLeaksAJavaException() throws IOException {
        List<String> failures = new ArrayList<>();
        int mutants = 0;
        int ran = 0;
        for (Path script : corpusScripts()) {
            String relative = RepoLayout.conformanceCorpus().relativize(script).toString();
            String source = Files.readString(script, StandardCharsets.UTF_8);
            Random random = new Random(SEED ^ relative.hashCode());
            List<String> variants = List.of(deleteLine(source, random), swapTokens(source, random),
                    truncate(source, random), insertBytes(source, random));
            boolean runnable = RUN_DIRS.contains(script.getParent().getFileName().toString());
            for (int i = 0; i < variants.size(); i++) {
                String mutant = variants.get(i);
                String name = relative + " mutant " + i;
                mutants++;
                if (!compiles(mutant, name, failures) || !runnable || SWALLOWS_INTERRUPTS.matcher(mutant).find()) {
                    continue;
                }
                ran++;
                InProcess.Outcome outcome = InProcess.run(mutant, "<fuzz>", RUN_TIMEOUT);
                if (outcome.javaError() != null) {
                    failures.add(name + ": Java exception at run time: " + trace(outcome.javaError()));
                } else if (outcome.hung()) {
                    failures.add(name + ": did not stop when interrupted");
                }
            }
        }
        assertTrue(mutants > 100, "too few corpus scripts found under " + RepoLayout.conformanceCorpus());
        assertTrue(ran > 20, "too few mutants ran: " + ran);
        assertTrue(failures.isEmpty(), failures.size() + " of " + mutants + " mutants (" + ran + " run, seed " + SEED
                + ") failed:\n" + String.join("\n", failures));
    }

    /** Whether the mutant compiled; records a failure when the compiler threw anything but a Python error. */
    private boolean compiles(String mutant, String name, List<String> failures) {
        try {
            compiler.compile(mutant, "<fuzz>", CodeCompiler.Mode.EXEC);
            return true;
        } catch (SyntaxErrorException | PyException expected) {
            return false;
        } catch (Throwable escaped) {
            failures.add(name + ": Java exception in the compiler: " + trace(escaped));
            return false;
        }
    }

    static List<Path> corpusScripts() throws IOException {
        try (Stream<Path> files = Files.walk(RepoLayout.conformanceCorpus(), 2)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    private static String deleteLine(String source, Random random) {
        String[] lines = source.split("\n", -1);
        int victim = random.nextInt(lines.length);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i != victim) out.append(lines[i]).append('\n');
        }
        return out.toString();
    }

    private static String swapTokens(String source, Random random) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.size() < 2) return source;
        int a = random.nextInt(spans.size());
        int b = random.nextInt(spans.size());
        if (a == b) return source;
        int[] first = spans.get(Math.min(a, b));
        int[] second = spans.get(Math.max(a, b));
        return source.substring(0, first[0]) + source.substring(second[0], second[1])
                + source.substring(first[1], second[0]) + source.substring(first[0], first[1])
                + source.substring(second[1]);
    }

    private static String truncate(String source, Random random) {
        return source.substring(0, random.nextInt(source.length() + 1));
    }

    private static String insertBytes(String source, Random random) {
        byte[] noise = new byte[1 + random.nextInt(16)];
        random.nextBytes(noise);
        int at = random.nextInt(source.length() + 1);
        // Decoded as the launcher decodes a file: malformed UTF-8 becomes U+FFFD.
        return source.substring(0, at) + new String(noise, StandardCharsets.UTF_8) + source.substring(at);
    }

    private static String trace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        String s = text.toString();
        return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }
}
