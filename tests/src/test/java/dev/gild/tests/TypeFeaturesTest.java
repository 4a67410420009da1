package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Type-level features scripts meet in annotations and class set-up: PEP 604 unions
 * ({@code int | None}, {@code list[int] | None}, isinstance with a union), types.MethodType,
 * assignable {@code __module__}/{@code __doc__} of classes, sys.float_info and sys.hash_info.
 * The expected text is python3's (3.11.7) output for the same program.
 */
class TypeFeaturesTest {
    private static final String PROGRAM = """
                import types
                print(int | None, type(int | None))
                print(list[int] | None)
                print(None | list[int])
                print(dict[str, int] | list[int])
                print(isinstance(3, int | str))
                def f(self, x): return (self, x)
                m = types.MethodType(f, 5)
                print(m(3), m)
                class A:
                    "doc"
                A.__module__ = "m"; A.__doc__ = "new"
                print(A.__module__, A.__doc__, A)
                try:
                    int.__doc__ = "x"
                except TypeError as e: print(e)
                print(int|int, int|str|int, (int|str)==(str|int), (int|str).__args__, int|None|None)
                try: int | 3
                except TypeError as e: print(e)
                print(issubclass(bool, int|str), isinstance(None, int|None), isinstance("s", int|float))
                print(types.UnionType, repr(list[int]|dict), type(None)|int)
                try: isinstance(1, list[int]|None)
                except TypeError as e: print(e)
                def g(x: int | None = None) -> list[str] | None: pass
                print(g.__annotations__)
                print(hash(int|str) == hash(str|int))
                import sys
                print(sys.float_info)
                print(sys.hash_info.modulus, sys.hash_info.inf)
                """;

    private static final String EXPECTED = """
                int | None <class 'types.UnionType'>
                list[int] | None
                None | list[int]
                dict[str, int] | list[int]
                True
                (5, 3) <bound method f of 5>
                m new <class 'm.A'>
                cannot set '__doc__' attribute of immutable type 'int'
                <class 'int'> int | str True (<class 'int'>, <class 'str'>) int | None
                unsupported operand type(s) for |: 'type' and 'int'
                True True False
                <class 'types.UnionType'> list[int] | dict None | int
                isinstance() argument 2 cannot be a parameterized generic
                {'x': int | None, 'return': list[str] | None}
                True
                sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)
                2305843009213693951 314159
                """;

    @Test
    void matchesCPython() {
        InProcess.Outcome outcome = InProcess.run(PROGRAM, "<types>", Duration.ofSeconds(30));
        assertNull(outcome.javaError());
        assertEquals("", outcome.stderr());
        assertEquals(EXPECTED, outcome.stdout());
    }
}
