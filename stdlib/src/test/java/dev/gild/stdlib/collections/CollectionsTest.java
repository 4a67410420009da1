package dev.gild.stdlib.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.collections.Snippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collections against the reprs and error messages python3 (CPython 3.11) gives for the same expressions. */
class CollectionsTest {
    @Test
    void deque() {
        String setup = "from collections import deque\nd = deque(range(5), maxlen=4)\nd.rotate(1)\ne = deque([1, 2, 3])";
        List<String> actual = Snippets.eval(setup,
                "d",
                "d.maxlen",
                "deque('abc') + deque('d')",
                "deque([1]) * 3",
                "e.index(2)",
                "e.pop()",
                "e.popleft()",
                "e",
                "deque().pop()",
                "deque([1]).remove(2)",
                "deque([1], 1).insert(0, 0)",
                "deque([1, 2]) < deque([1, 3])",
                "list(reversed(deque('ab')))",
                "deque([1])[3]",
                "deque(maxlen=-1)");
        assertEquals(List.of(
                "deque([4, 1, 2, 3], maxlen=4)",
                "4",
                "deque(['a', 'b', 'c', 'd'])",
                "deque([1, 1, 1])",
                "1",
                "3",
                "1",
                "deque([2])",
                "IndexError: pop from an empty deque",
                "ValueError: 2 is not in deque",
                "IndexError: deque already at its maximum size",
                "True",
                "['b', 'a']",
                "IndexError: deque index out of range",
                "ValueError: maxlen must be non-negative"), actual);
    }

    @Test
    void dequeMutatedDuringIteration() {
        String setup = "from collections import deque\nd = deque([1, 2])\ndef run():\n    for x in d:\n        d.append(x)";
        List<String> actual = Snippets.eval(setup,
                "run()");
        assertEquals(List.of(
                "RuntimeError: deque mutated during iteration"), actual);
    }

    @Test
    void countersAndDicts() {
        String setup = "from collections import Counter, defaultdict, OrderedDict, namedtuple, ChainMap\nc = Counter('abracadabra')\nP = namedtuple('P', 'x y', defaults=[0])";
        List<String> actual = Snippets.eval(setup,
                "c",
                "c.most_common(2)",
                "Counter(a=3) - Counter(a=1, b=2)",
                "Counter(a=1) | Counter(a=2, b=1)",
                "+Counter(a=-1, b=1)",
                "defaultdict(list, a=[1])",
                "OrderedDict(b=1, a=2)",
                "OrderedDict(a=1) == OrderedDict(a=1)",
                "P(1)",
                "P(1)._replace(y=5)",
                "P._make([3, 4])._asdict()",
                "P._field_defaults",
                "namedtuple('R', 'a def a', rename=True)._fields",
                "namedtuple('R', 'a _b')",
                "ChainMap({'a': 1}, {'a': 2, 'b': 3})['b']",
                "dict(ChainMap({'a': 1}, {'a': 2, 'b': 3}))");
        assertEquals(List.of(
                "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})",
                "[('a', 5), ('b', 2)]",
                "Counter({'a': 2})",
                "Counter({'a': 2, 'b': 1})",
                "Counter({'b': 1})",
                "defaultdict(<class 'list'>, {'a': [1]})",
                "OrderedDict([('b', 1), ('a', 2)])",
                "True",
                "P(x=1, y=0)",
                "P(x=1, y=5)",
                "{'x': 3, 'y': 4}",
                "{'y': 0}",
                "('a', '_1', '_2')",
                "ValueError: Field names cannot start with an underscore: '_b'",
                "3",
                "{'a': 1, 'b': 3}"), actual);
    }

    @Test
    void heapqAndBisect() {
        String setup = "import heapq, bisect\nh = [5, 3, 8, 1]\nheapq.heapify(h)";
        List<String> actual = Snippets.eval(setup,
                "h",
                "heapq.heappop(h)",
                "heapq.nsmallest(2, [4, 1, 3])",
                "heapq.nlargest(2, 'hello')",
                "list(heapq.merge([1, 3], [2, 4]))",
                "heapq.heappop([])",
                "heapq.heappush((), 1)",
                "bisect.bisect_left([1, 2, 2, 3], 2)",
                "bisect.bisect([1, 2, 2, 3], 2)",
                "bisect.bisect_left([('a', 1), ('b', 3)], 2, key=lambda r: r[1])",
                "bisect.bisect([1], 1, lo=-1)");
        assertEquals(List.of(
                "[1, 3, 8, 5]",
                "1",
                "[1, 3]",
                "['o', 'l']",
                "[1, 2, 3, 4]",
                "IndexError: index out of range",
                "TypeError: heappush() argument 1 must be list, not tuple",
                "1",
                "3",
                "1",
                "ValueError: lo must be non-negative"), actual);
    }

    @Test
    void abcs() {
        String setup = "from collections.abc import Iterable, Sequence, Mapping, MutableMapping, Hashable, Callable, Sized\nimport abc\nclass A(abc.ABC):\n    @abc.abstractmethod\n    def f(self): pass\n    @abc.abstractmethod\n    def g(self): pass";
        List<String> actual = Snippets.eval(setup,
                "(isinstance([], Sequence), isinstance({}, Sequence), isinstance({}, MutableMapping), isinstance(1, Hashable), isinstance([], Hashable))",
                "(isinstance(len, Callable), isinstance('', Iterable), isinstance(3, Sized))",
                "A()",
                "sorted(A.__abstractmethods__)");
        assertEquals(List.of(
                "(True, False, True, True, False)",
                "(True, True, False)",
                "TypeError: Can't instantiate abstract class A with abstract methods f, g",
                "['f', 'g']"), actual);
    }
}
