package dev.gild.stdlib.functools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.collections.Snippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Functools against the reprs and error messages python3 (CPython 3.11) gives for the same expressions. */
class FunctoolsTest {
    @Test
    void reduceAndPartial() {
        String setup = "from functools import reduce, partial\ndef f(a, b, c=0):\n    return (a, b, c)";
        List<String> actual = Snippets.eval(setup,
                "reduce(lambda a, b: a * b, range(1, 6))",
                "reduce(lambda a, b: a + b, [], 'init')",
                "reduce(max, [])",
                "partial(f, 1)(2)",
                "partial(f, c=3)(1, 2)",
                "partial(partial(f, 1), c=5).args",
                "partial(partial(f, 1), c=5).keywords",
                "partial(f, c=3)(1, 2, c=4)",
                "partial(1)",
                "repr(partial(int, base=2)).replace('<class ', '')");
        assertEquals(List.of(
                "120",
                "'init'",
                "TypeError: reduce() of empty iterable with no initial value",
                "(1, 2, 0)",
                "(1, 2, 3)",
                "(1,)",
                "{'c': 5}",
                "(1, 2, 4)",
                "TypeError: the first argument must be callable",
                "\"functools.partial('int'>, base=2)\""), actual);
    }

    @Test
    void lruCache() {
        String setup = "from functools import lru_cache, cache\ncalls = []\n@lru_cache(maxsize=2)\ndef sq(x):\n    calls.append(x)\n    return x * x\nfor v in [1, 2, 1, 3, 1, 2]:\n    sq(v)\n@lru_cache\ndef bare(x):\n    return x\n@cache\ndef c(x, *, k=1):\n    return x + k";
        List<String> actual = Snippets.eval(setup,
                "calls",
                "sq.cache_info()",
                "sq.cache_info().hits",
                "bare(3)",
                "bare.cache_parameters()",
                "c(1, k=2)",
                "c.cache_info()",
                "sq([1])",
                "sq.__wrapped__(4)",
                "sq.__name__",
                "lru_cache('x')");
        assertEquals(List.of(
                "[1, 2, 3, 2]",
                "CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)",
                "2",
                "3",
                "{'maxsize': 128, 'typed': False}",
                "3",
                "CacheInfo(hits=0, misses=1, maxsize=None, currsize=1)",
                "TypeError: unhashable type: 'list'",
                "16",
                "'sq'",
                "TypeError: Expected first argument to be an integer, a callable, or None"), actual);
    }

    @Test
    void wrapsOrderingAndKeys() {
        String setup = "import functools\n@functools.total_ordering\nclass V:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        return self.v == o.v\n    def __lt__(self, o):\n        return self.v < o.v\ndef deco(f):\n    @functools.wraps(f)\n    def w(*a):\n        return f(*a)\n    return w\n@deco\ndef g(x):\n    'doc'\n    return x\nclass C:\n    @functools.cached_property\n    def p(self):\n        return [1]\n@functools.singledispatch\ndef show(x):\n    return 'obj'\n@show.register(int)\ndef _(x):\n    return 'int'\n@show.register\ndef _(x: str):\n    return 'str'";
        List<String> actual = Snippets.eval(setup,
                "V(1) >= V(0)",
                "V(2) <= V(1)",
                "V(1) > V(1)",
                "(g.__name__, g.__doc__, g.__wrapped__.__name__)",
                "sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a))",
                "C().p",
                "(show(1), show('a'), show(1.5), show(True))",
                "functools.WRAPPER_ASSIGNMENTS");
        assertEquals(List.of(
                "True",
                "False",
                "False",
                "('g', 'doc', 'g')",
                "[3, 2, 1]",
                "[1]",
                "('int', 'str', 'obj', 'int')",
                "('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')"), actual);
    }
}
