package dev.gild.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Malformed and extreme input: whatever the text, the parser either returns a tree or throws
 * {@link SyntaxErrorException}, quickly, without exhausting even a small thread stack.
 */
class RobustnessTest {
    private static final String[] SAMPLES = {
        "def f(a, *b, c=1, **d):\n    return [x for x in b if x]\n",
        "class C(B):\n    def m(self):\n        try:\n            yield f'{self!r:>{w}}'\n        except E as e:\n            pass\n",
        "x = {'a': (1, 2), **d}\nwhile x:\n    x -= 1\nelse:\n    print(x[1:2, ::3])\n",
        "with open(p) as f, (g):\n    for i, *j in f: del a.b\nlambda: (yield)\n",
    };
    private static final String NOISE = "()[]{}:;,.'\"\\#\n\t    =*@fbr0x_1eJ\u00e9\ud83d\ude00\u2026\u0000\r";

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(List.of(SAMPLES));
        Path root = Corpus.root();
        if (root != null) {
            for (Path script : Corpus.scripts(root)) {
                seeds.add(Corpus.read(script));
            }
        }
        return seeds;
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            int span = Math.min(sb.length() - at, 1 + random.nextInt(20));
            switch (random.nextInt(9)) {
                case 0 -> sb.delete(at, at + span);
                case 1 -> sb.insert(at, sb.substring(at, at + span));
                case 2 -> {
                    int other = random.nextInt(sb.length());
                    char c = sb.charAt(at);
                    sb.setCharAt(at, sb.charAt(other));
                    sb.setCharAt(other, c);
                }
                case 3 -> sb.setLength(at);
                case 4 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 5 -> sb.insert(at, "([{".charAt(random.nextInt(3)));
                case 6 -> sb.insert(at, (char) random.nextInt(0x10000));
                case 7 -> mutateLines(sb, random);
                default -> sb.insert(at, "    ");
            }
        }
        return sb.toString();
    }

    private static void mutateLines(StringBuilder sb, Random random) {
        List<String> lines = new ArrayList<>(List.of(sb.toString().split("\n", -1)));
        int i = random.nextInt(lines.size());
        int j = random.nextInt(lines.size());
        switch (random.nextInt(3)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(j));
            default -> {
                String line = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
        }
        sb.setLength(0);
        sb.append(String.join("\n", lines));
    }

    /** Parses in every mode; only SyntaxErrorException may escape. */
    private static void parseAnyway(String source) {
        for (int mode = 0; mode < 3; mode++) {
            try {
                switch (mode) {
                    case 0 -> Parser.parseModule(source, "fuzz");
                    case 1 -> Parser.parseExpression(source, "fuzz");
                    default -> Parser.isIncomplete(source);
                }
            } catch (SyntaxErrorException expected) {
                assertNotNull(expected.getMessage());
            } catch (Throwable t) {
                throw new AssertionError("mode " + mode + " threw " + t + " on:\n" + source, t);
            }
        }
    }

    @Test
    void mutatedSourcesOnlyRaiseSyntaxErrors() {
        List<String> seeds = seeds();
        Random random = new Random(20240611L);
        for (int i = 0; i < 2000; i++) {
            String source = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long start = System.nanoTime();
            parseAnyway(source);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "case " + i + " took " + millis + " ms");
        }
    }

    @Test
    void randomCharactersOnlyRaiseSyntaxErrors() {
        Random random = new Random(7L);
        for (int i = 0; i < 300; i++) {
            char[] chars = new char[random.nextInt(200)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = random.nextBoolean() ? (char) random.nextInt(128) : NOISE.charAt(random.nextInt(NOISE.length()));
            }
            parseAnyway(new String(chars));
        }
    }

    @Test
    void truncationsOfEveryPrefixOnlyRaiseSyntaxErrors() {
        for (String sample : SAMPLES) {
            for (int end = 0; end <= sample.length(); end++) {
                parseAnyway(sample.substring(0, end));
            }
        }
    }

    /** Runs {@code body} on a thread with a 512 KB stack and returns its outcome. */
    private static Object onSmallStack(Supplier<Object> body) throws InterruptedException {
        Object[] outcome = new Object[1];
        Thread thread = new Thread(null, () -> {
            try {
                outcome[0] = body.get();
            } catch (Throwable t) {
                outcome[0] = t;
            }
        }, "small-stack", 512 * 1024);
        thread.start();
        thread.join();
        return outcome[0];
    }

    private static void assertSyntaxError(String expectedMessage, String source) throws InterruptedException {
        Object outcome = onSmallStack(() -> Parser.parseModule(source, "deep"));
        if (!(outcome instanceof SyntaxErrorException e)) {
            fail("expected a SyntaxErrorException, got " + outcome);
            return;
        }
        assertEquals(expectedMessage, e.getMessage());
    }

    private static void assertParses(String source) throws InterruptedException {
        Object outcome = onSmallStack(() -> Parser.parseModule(source, "deep"));
        if (outcome instanceof Throwable t) {
            throw new AssertionError("did not parse: " + t, t);
        }
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() throws InterruptedException {
        int n = 10_000;
        assertSyntaxError("too many nested parentheses", "x = " + "(".repeat(n) + "1" + ")".repeat(n));
        assertSyntaxError("too many nested parentheses", "x = " + "[{(".repeat(n / 3));
        assertSyntaxError("too many nested parentheses", "x = " + "-(".repeat(n / 2));
        assertSyntaxError("too many nested parentheses", "x = " + "lambda: ".repeat(n) + "1");
        assertSyntaxError("too many nested parentheses", "x = " + "2 ** ".repeat(n) + "1");
        assertSyntaxError("too many nested parentheses", "x = " + "1 if 2 else ".repeat(n) + "1");
        StringBuilder ifs = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ifs.append(" ".repeat(i)).append("if x:\n");
        }
        assertSyntaxError("too many levels of indentation", ifs.toString());
        assertParses("x = " + "not ".repeat(400) + "-".repeat(400) + "1\n" + "y = 1" + " + 1".repeat(n) + "\n"
                + "z = a" + ".b".repeat(n) + "()".repeat(n) + "\n");
    }

    @Test
    void deepestAcceptedNestingParsesOnASmallStack() throws InterruptedException {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < Lexer.MAX_INDENT_DEPTH - 1; i++) {
            source.append(" ".repeat(i)).append("if x:\n");
        }
        int depth = Lexer.MAX_BRACKET_DEPTH - 1;
        source.append(" ".repeat(Lexer.MAX_INDENT_DEPTH - 1))
                .append("x = ").append("[(-".repeat(depth / 2)).append("f'{").append("(".repeat(50)).append("1")
                .append(")".repeat(50)).append("}'").append(")]".repeat(depth / 2)).append("\n");
        assertParses(source.toString());
        // Shallow input is parsed on the caller's thread: the worst case below the thresholds.
        assertParses("x = " + "(".repeat(30) + "lambda: ".repeat(450) + "1" + ")".repeat(30));
        assertParses("x = " + "(".repeat(30) + "2 ** ".repeat(450) + "1" + ")".repeat(30));
    }

    @Test
    void lexingOneMegabyteIsFast() {
        StringBuilder source = new StringBuilder();
        while (source.length() < 1_000_000) {
            for (String sample : seeds()) {
                source.append(sample).append('\n');
            }
        }
        String text = source.toString();
        new Lexer(text, "big", true);
        long start = System.nanoTime();
        Lexer lexer = new Lexer(text, "big", true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(lexer.tokens().size() > 100_000);
        assertTrue(millis < 1000, "lexing 1 MB took " + millis + " ms");
    }

    @Test
    void unclosedBracketIsReportedWhereItOpened() {
        SyntaxErrorException e = assertThrows(SyntaxErrorException.class,
                () -> Parser.parseModule("x = [1,\n2,\ny = 3\n", "f"));
        assertEquals("'[' was never closed", e.getMessage());
        assertEquals(1, e.line);
        assertEquals(5, e.offset);
    }
}
