package dev.gild.stdlib.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.collections.Snippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operator against the reprs and error messages python3 (CPython 3.11) gives for the same expressions. */
class OperatorTest {
    @Test
    void functionsAndGetters() {
        String setup = "import operator as op\nclass P:\n    def __init__(self, n, inner=None):\n        self.n = n\n        self.inner = inner";
        List<String> actual = Snippets.eval(setup,
                "(op.add(1, 2), op.truediv(1, 2), op.floordiv(-7, 2), op.neg(3), op.not_([]), op.truth(1))",
                "op.itemgetter(1, 0)('ab')",
                "op.itemgetter(1)",
                "op.attrgetter('inner.n', 'n')(P(1, P(2)))",
                "op.attrgetter('a.b')",
                "op.methodcaller('split', ',', maxsplit=1)('a,b,c')",
                "op.methodcaller('f', 1, k=2)",
                "op.length_hint(iter(range(4)))",
                "op.indexOf([1, 2], 3)",
                "op.countOf('banana', 'a')",
                "op.concat(1, 2)",
                "op.iadd([1], [2])",
                "op.index(True)",
                "op.is_(None, None)",
                "op.itemgetter(5)([1])",
                "op.add(1)");
        assertEquals(List.of(
                "(3, 0.5, -4, -3, True, True)",
                "('b', 'a')",
                "operator.itemgetter(1)",
                "(2, 1)",
                "operator.attrgetter('a.b')",
                "['a', 'b,c']",
                "operator.methodcaller('f', 1, k=2)",
                "4",
                "ValueError: sequence.index(x): x not in sequence",
                "3",
                "TypeError: 'int' object can't be concatenated",
                "[1, 2]",
                "1",
                "True",
                "IndexError: list index out of range",
                "TypeError: add expected 2 arguments, got 1"), actual);
    }
}
