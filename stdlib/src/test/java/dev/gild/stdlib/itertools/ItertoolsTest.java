package dev.gild.stdlib.itertools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.collections.Snippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Itertools against the reprs and error messages python3 (CPython 3.11) gives for the same expressions. */
class ItertoolsTest {
    @Test
    void infiniteAndSlicing() {
        String setup = "import itertools as it";
        List<String> actual = Snippets.eval(setup,
                "list(it.islice(it.count(5, -2), 4))",
                "repr(it.count(1.5, 0.5))",
                "it.count(3)",
                "it.repeat('x', 2)",
                "list(it.islice(it.cycle('ab'), 5))",
                "list(it.islice(range(10), 2, 8, 3))",
                "it.islice('abc', -1)",
                "it.islice('abc', 1, 2, 0)",
                "it.count('a')",
                "list(it.accumulate([1, 2, 3], initial=100))",
                "list(it.zip_longest('ab', [1], fillvalue=0))",
                "list(it.pairwise('abc'))",
                "list(it.starmap(pow, [(2, 5)]))",
                "[list(t) for t in it.tee('xyz', 3)]",
                "it.tee('a', -1)");
        assertEquals(List.of(
                "[5, 3, 1, -1]",
                "'count(1.5, 0.5)'",
                "count(3)",
                "repeat('x', 2)",
                "['a', 'b', 'a', 'b', 'a']",
                "[2, 5]",
                "ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                "ValueError: Step for islice() must be a positive integer or None.",
                "TypeError: a number is required",
                "[100, 101, 103, 106]",
                "[('a', 1), ('b', 0)]",
                "[('a', 'b'), ('b', 'c')]",
                "[32]",
                "[['x', 'y', 'z'], ['x', 'y', 'z'], ['x', 'y', 'z']]",
                "ValueError: n must be >= 0"), actual);
    }

    @Test
    void combinatorics() {
        String setup = "import itertools as it";
        List<String> actual = Snippets.eval(setup,
                "list(it.product('ab', repeat=2))",
                "list(it.permutations(range(3), 2))",
                "list(it.combinations('abcd', 3))",
                "list(it.combinations_with_replacement('ab', 3))",
                "it.permutations('a', -1)",
                "it.product('a', repeat=-1)",
                "len(list(it.permutations(range(7))))",
                "list(it.combinations([], 0))");
        assertEquals(List.of(
                "[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]",
                "[(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]",
                "[('a', 'b', 'c'), ('a', 'b', 'd'), ('a', 'c', 'd'), ('b', 'c', 'd')]",
                "[('a', 'a', 'a'), ('a', 'a', 'b'), ('a', 'b', 'b'), ('b', 'b', 'b')]",
                "ValueError: r must be non-negative",
                "ValueError: repeat argument cannot be negative",
                "5040",
                "[()]"), actual);
    }

    @Test
    void groupbySharesItsIterator() {
        String setup = "import itertools as it\ng = it.groupby('aabbbc')\nk1, g1 = next(g)\nk2, g2 = next(g)";
        List<String> actual = Snippets.eval(setup,
                "list(g1)",
                "(k2, list(g2))",
                "[(k, ''.join(v)) for k, v in it.groupby('xxyz')]",
                "[(k, len(list(v))) for k, v in it.groupby([1, 3, 2, 4, 5], key=lambda n: n % 2)]");
        assertEquals(List.of(
                "[]",
                "('b', ['b', 'b', 'b'])",
                "[('x', 'xx'), ('y', 'y'), ('z', 'z')]",
                "[(1, 2), (0, 2), (1, 1)]"), actual);
    }
}
