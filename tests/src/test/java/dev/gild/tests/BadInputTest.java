package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that must never show a Java stack trace or hang: each case runs {@code gild} in a child
 * JVM, as a user would, and gets a Python exception (traceback or SyntaxError, exit 1) or a
 * one-line CLI error (exit 2) within the time limit.
 */
class BadInputTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int DEPTH = 10_000;

    @TempDir
    Path dir;

    private GildProcess.Result gild(String... args) {
        return GildProcess.run(dir, TIMEOUT, List.of(args));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The properties every bad input shares; returns the last stderr line for further checks. */
    private static String assertCleanFailure(String what, GildProcess.Result result) {
        String err = result.stderrText();
        assertAll(what,
                () -> assertFalse(result.timedOut(), "timed out"),
                () -> assertNotEquals(0, result.exitCode(), () -> "exit status 0; stderr:\n" + err),
                () -> assertFalse(err.contains("\tat "), () -> "Java stack trace:\n" + err),
                () -> assertFalse(err.contains("Exception in thread"), () -> "Java exception:\n" + err),
                () -> assertFalse(err.contains("internal error"), () -> "internal error:\n" + err));
        String[] lines = err.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void randomBytesAreASyntaxError() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(dir.resolve("noise.py"), noise);
        String last = assertCleanFailure("random bytes", gild("noise.py"));
        assertTrue(last.startsWith("SyntaxError") || last.startsWith("IndentationError"), last);
    }

    @Test
    void truncatedCorpusFileIsASyntaxError() throws IOException {
        Path original = FuzzTest.corpusScripts().stream()
                .filter(p -> p.getParent().getFileName().toString().equals("lang")).findFirst().orElseThrow();
        String text = Files.readString(original);
        int open = text.indexOf('(', text.length() / 2);
        if (open < 0) open = text.indexOf('(');
        write("truncated.py", text.substring(0, open + 1));
        String last = assertCleanFailure("truncated " + original.getFileName(), gild("truncated.py"));
        assertTrue(last.startsWith("SyntaxError"), last);
    }

    @Test
    void deepNestingIsAPythonError() throws IOException {
        write("parens.py", "x = " + "(".repeat(DEPTH) + "1" + ")".repeat(DEPTH) + "\n");
        write("lists.py", "x = " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n");
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < DEPTH; i++) blocks.append(" ".repeat(i)).append("if 1:\n");
        blocks.append(" ".repeat(DEPTH)).append("pass\n");
        write("blocks.py", blocks.toString());
        for (String file : List.of("parens.py", "lists.py", "blocks.py")) {
            String last = assertCleanFailure(file, gild(file));
            assertTrue(last.matches("(SyntaxError|IndentationError|RecursionError|MemoryError): .*"), file + ": " + last);
        }
    }

    @Test
    void hugeIntLiteralIsHandled() throws IOException {
        // 100,000 digits: a million takes the lexer close to a minute (BigInteger parsing is
        // quadratic) where CPython refuses at once.
        write("huge.py", "x = " + "9".repeat(100_000) + "\nprint(x % 7)\n");
        GildProcess.Result result = gild("huge.py");
        String err = result.stderrText();
        assertFalse(result.timedOut(), "timed out");
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("internal error"), err);
        // CPython 3.11 refuses decimal literals over 4300 digits with a SyntaxError; computing is fine too.
        assertTrue(result.exitCode() == 0 || err.strip().lines().reduce((a, b) -> b).orElse("").startsWith("SyntaxError"), err);
    }

    @Test
    void missingFileAndUnknownFlagAreOneLineCliErrors() {
        GildProcess.Result missing = gild("no_such_file.py");
        assertCleanFailure("missing file", missing);
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.stderrText().strip().lines().count(), missing.stderrText());
        assertTrue(missing.stderrText().contains("[Errno 2] No such file or directory"), missing.stderrText());

        GildProcess.Result flag = gild("--no-such-flag", "x.py");
        assertCleanFailure("unknown flag", flag);
        assertEquals(2, flag.exitCode());
        assertTrue(flag.stderrText().contains("unrecognized option '--no-such-flag'"), flag.stderrText());
    }

    @Test
    void corruptBytecodeFilesAreOneLineCliErrors() throws IOException {
        write("prog.py", "def f(n):\n    return n * 2\nprint(f(21))\n");
        GildProcess.Result compiled = gild("compile", "prog.py", "-o", "prog.gbc");
        assertEquals(0, compiled.exitCode(), compiled.stderrText());
        byte[] good = Files.readAllBytes(dir.resolve("prog.gbc"));
        GildProcess.Result ran = gild("prog.gbc");
        assertEquals("42\n", ran.stdoutText(), ran.stderrText());

        byte[] flipped = good.clone();
        flipped[flipped.length / 2 + 20] ^= 0x5A;
        Files.write(dir.resolve("flipped.gbc"), flipped);
        Files.write(dir.resolve("cut.gbc"), java.util.Arrays.copyOf(good, good.length - 7));
        byte[] future = good.clone();
        future[5] = 99;
        // No .gbc name: recognised by its magic number.
        Files.write(dir.resolve("future.bin"), future);
        for (String name : List.of("flipped.gbc", "cut.gbc", "future.bin")) {
            GildProcess.Result result = gild(name);
            assertCleanFailure(name, result);
            assertEquals(2, result.exitCode(), name);
            assertEquals(1, result.stderrText().strip().lines().count(), result.stderrText());
            assertTrue(result.stderrText().startsWith("gild: can't run '"), result.stderrText());
        }
    }
}
