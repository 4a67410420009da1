package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracebacks in CPython 3.11's layout, markers under the source line included: {@code ~~^~~}
 * around a binary operator, {@code ~^^^} for a subscript, {@code ^^^} under a call or an
 * attribute, and none when the failing part is the whole line. Each expected text is what
 * python3 (3.11.7) printed for the same file, with its folder written as DIR.
 */
class TracebackLayoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    record Case(String name, String source, String expected) {}

    @TestFactory
    Stream<DynamicTest> markersMatchCPython() {
        return Stream.of(
                new Case("binop", """
                x = 1
                y = x +   'a'
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/binop.py", line 2, in <module>
                    y = x +   'a'
                        ~~^~~~~~~
                TypeError: unsupported operand type(s) for +: 'int' and 'str'
                """),
                new Case("floordiv_parens", """
                x = (1) //0
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/floordiv_parens.py", line 1, in <module>
                    x = (1) //0
                        ~~~~^^~
                ZeroDivisionError: integer division or modulo by zero
                """),
                new Case("subscript_spaces", """
                x = [1] [ 3 ]
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/subscript_spaces.py", line 1, in <module>
                    x = [1] [ 3 ]
                        ~~~~^^^^^
                IndexError: list index out of range
                """),
                new Case("store_subscript", """
                a = [1]; a[3] = 4
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/store_subscript.py", line 1, in <module>
                    a = [1]; a[3] = 4
                             ~^^^
                IndexError: list assignment index out of range
                """),
                new Case("method_attribute", """
                x = None
                x.foo(1,
                      2)
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/method_attribute.py", line 2, in <module>
                    x.foo(1,
                    ^^^^^
                AttributeError: 'NoneType' object has no attribute 'foo'
                """),
                new Case("whole_line_call", """
                def f():
                    raise ValueError('x')

                f()
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/whole_line_call.py", line 4, in <module>
                    f()
                  File "DIR/whole_line_call.py", line 2, in f
                    raise ValueError('x')
                ValueError: x
                """),
                new Case("multi_line", """
                def g():
                    return (1 +
                            'a')

                g()
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/multi_line.py", line 5, in <module>
                    g()
                  File "DIR/multi_line.py", line 2, in g
                    return (1 +
                            ^^^
                TypeError: unsupported operand type(s) for +: 'int' and 'str'
                """),
                new Case("assert_compare", """
                x = 0
                assert x or x == 1, 'm'
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/assert_compare.py", line 2, in <module>
                    assert x or x == 1, 'm'
                                ^^^^^^
                AssertionError: m
                """),
                new Case("nested", """
                def inner(d):
                    return d['k'] * 2

                def outer():
                    return [inner({}) for _ in range(2)]

                print(outer())
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/nested.py", line 7, in <module>
                    print(outer())
                          ^^^^^^^
                  File "DIR/nested.py", line 5, in outer
                    return [inner({}) for _ in range(2)]
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "DIR/nested.py", line 5, in <listcomp>
                    return [inner({}) for _ in range(2)]
                            ^^^^^^^^^
                  File "DIR/nested.py", line 2, in inner
                    return d['k'] * 2
                           ~^^^^^
                KeyError: 'k'
                """),
                new Case("fstring", """
                d = {'a': 1}
                print(f'value: {d["b"]}')
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/fstring.py", line 2, in <module>
                    print(f'value: {d["b"]}')
                                    ~^^^^^
                KeyError: 'b'
                """),
                new Case("format_exc", """
                import traceback
                try:
                    x = [1][ 5 ]
                except IndexError:
                    print(traceback.format_exc(), end='')
                    fs = traceback.extract_tb(__import__('sys').exc_info()[2])[0]
                    print(fs.lineno, fs.end_lineno, fs.colno, fs.end_colno)
                    print(''.join(traceback.format_tb(__import__('sys').exc_info()[2])), end='')
                """,
                        """
                Traceback (most recent call last):
                  File "DIR/format_exc.py", line 3, in <module>
                    x = [1][ 5 ]
                        ~~~^^^^^
                IndexError: list index out of range
                3 3 8 16
                  File "DIR/format_exc.py", line 3, in <module>
                    x = [1][ 5 ]
                        ~~~^^^^^
                """)
        ).map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Path file = dir.resolve(c.name() + ".py");
        Files.writeString(file, c.source(), StandardCharsets.UTF_8);
        InProcess.Outcome outcome = InProcess.run(c.source(), file.toString(), TIMEOUT);
        assertNull(outcome.javaError(), () -> "Java exception escaped: " + outcome.javaError());
        String expected = c.expected().replace("DIR/", dir.toString() + "/");
        assertEquals(expected, outcome.stdout() + outcome.stderr());
    }
}
