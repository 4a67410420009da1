package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The eval loop on small programs run in process (expected output checked with CPython 3.11),
 * and one run in a child JVM through the launcher.
 */
class EvalLoopTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static InProcess.Outcome run(String source) {
        InProcess.Outcome outcome = InProcess.run(source, "<test>", TIMEOUT);
        assertNull(outcome.javaError(), () -> "Java exception: " + outcome.javaError());
        return outcome;
    }

    private static void assertPrints(String expected, String source) {
        InProcess.Outcome outcome = run(source);
        assertEquals(expected, outcome.stdout(), () -> "stderr:\n" + outcome.stderr());
        assertEquals(0, outcome.status(), outcome.stderr());
    }

    @Test
    void loopsAndArithmetic() {
        assertPrints("4950 -4 2 2**-1=0.5 True\n",
                "t = 0\nfor i in range(100):\n    t += i\nprint(t, -7 // 2, -7 % 3, '2**-1=' + str(2 ** -1), 10**20 // 10**19 == 10)\n");
        assertPrints("3\n", "n = 0\nwhile True:\n    n += 1\n    if n == 3:\n        break\nelse:\n    n = -1\nprint(n)\n");
    }

    @Test
    void functionsClosuresAndGenerators() {
        assertPrints("[1, 2, 3] 6 (1, (2, 3), {'k': 4})\n",
                "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n"
                        + "c = counter()\nr = [c(), c(), c()]\n"
                        + "def gen(k):\n    yield from range(k)\n"
                        + "def f(a, *args, **kw):\n    return a, args, kw\n"
                        + "print(r, sum(gen(4)), f(1, 2, 3, k=4))\n");
        assertPrints("got 5 then StopIteration 9\n",
                "def g():\n    x = yield 1\n    print('got', x, end=' ')\n    return 9\n"
                        + "it = g()\nnext(it)\ntry:\n    it.send(5)\nexcept StopIteration as e:\n    print('then StopIteration', e.value)\n");
    }

    @Test
    void classesAndExceptions() {
        assertPrints("B.hi A.hi ok finally ValueError('bad') from KeyError('k')\n",
                "class A:\n    def hi(self):\n        return 'A.hi'\n"
                        + "class B(A):\n    def hi(self):\n        return 'B.hi ' + super().hi()\n"
                        + "print(B().hi(), end=' ')\n"
                        + "try:\n    try:\n        {}['k']\n    except KeyError as k:\n        raise ValueError('bad') from k\n"
                        + "except ValueError as e:\n    print('ok', end=' ')\n    err = e\nfinally:\n    print('finally', end=' ')\n"
                        + "print(repr(err), 'from', repr(err.__cause__))\n");
    }

    @Test
    void uncaughtExceptionsGiveATracebackAndStatusOne() {
        InProcess.Outcome outcome = run("def f():\n    return 1 / 0\nf()\n");
        assertEquals(1, outcome.status());
        assertTrue(outcome.stderr().endsWith("ZeroDivisionError: division by zero\n"), outcome.stderr());
        assertTrue(outcome.stderr().contains("line 2, in f"), outcome.stderr());
        assertEquals(4, run("import sys\nsys.exit(4)\n").status());
        InProcess.Outcome recursion = run("def r(n):\n    return r(n + 1)\nr(0)\n");
        assertTrue(recursion.stderr().contains("RecursionError: maximum recursion depth exceeded"), recursion.stderr());
    }

    @Test
    void runawayLoopStopsOnInterrupt() {
        InProcess.Outcome outcome = InProcess.run("while True:\n    pass\n", "<test>", Duration.ofMillis(300));
        assertEquals(1, outcome.status(), outcome.stderr());
        assertTrue(outcome.stderr().endsWith("KeyboardInterrupt\n"), outcome.stderr());
    }

    @Test
    void scriptRunsThroughTheLauncher() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gild-eval");
        try {
            java.nio.file.Files.writeString(dir.resolve("main.py"), "import helper\nprint(helper.double(21))\n");
            java.nio.file.Files.writeString(dir.resolve("helper.py"), "def double(x):\n    return 2 * x\n");
            GildProcess.Result result = GildProcess.run(dir, Duration.ofSeconds(60), java.util.List.of("main.py"));
            assertEquals("42\n", result.stdoutText(), result.stderrText());
            assertEquals(0, result.exitCode());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
