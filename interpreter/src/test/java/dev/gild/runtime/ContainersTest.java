package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** list, tuple, dict, set/frozenset, range and slice, checked against CPython 3.11's output. */
class ContainersTest {
    static final PyDict BUILTINS = new PyDict();

    static {
        BuiltinFunctions.install(BUILTINS);
    }

    // ------------------------------------------------------------------ helpers

    static Object b(String name, Object... args) { return Ops.call(BUILTINS.getStr(name), args); }

    static Object m(Object self, String name, Object... args) { return Ops.call(Ops.getattr(self, name), args); }

    /** A method call with keyword arguments: the last kwnames.length values of args are the keywords. */
    static Object mkw(Object self, String name, Object[] args, String... kwnames) {
        return Ops.call(Ops.getattr(self, name), args, kwnames);
    }

    static PyList list(Object... items) { return PyList.of(items); }

    static PyTuple tup(Object... items) { return PyTuple.of(items); }

    static PySet set(Object... items) { return SetMethods.fromIterable(list(items)); }

    static PyList range(long from, long to) {
        PyList l = new PyList();
        for (long i = from; i < to; i++) l.append(i);
        return l;
    }

    static String repr(Object o) { return Ops.repr(o); }

    static PyBuiltin fn(PyBuiltin.Impl impl) { return PyBuiltin.function("f", impl); }

    static void raises(PyType type, String message, Runnable r) {
        PyException e = assertThrows(PyException.class, r::run);
        assertTrue(e.matches(type), () -> "expected " + type.getName() + " but got " + e.getMessage());
        if (message != null) assertEquals(message, message(e));
    }

    /** The exception's str() as BaseException/KeyError compute it (their methods live in another area). */
    static String message(PyException e) {
        Object[] args = e.value.args.items;
        if (args.length != 1) return repr(e.value.args);
        return e.matches(PyExc.KeyError) ? repr(args[0]) : Ops.str(args[0]);
    }

    static Object slice(Object start, Object stop, Object step) { return new PySlice(start, stop, step); }

    static final Object N = Py.None;

    // ------------------------------------------------------------------ list

    @Test
    void listMethods() {
        PyList lst = list(3L, 1L, 4L);
        m(lst, "append", 1L);
        m(lst, "extend", list(5L, 9L));
        m(lst, "insert", 0L, 2L);
        m(lst, "insert", 100L, 6L);
        m(lst, "insert", -1L, 7L);
        m(lst, "insert", -100L, 0L);
        assertEquals("[0, 2, 3, 1, 4, 1, 5, 9, 7, 6]", repr(lst));
        assertEquals(6L, m(lst, "pop"));
        assertEquals(0L, m(lst, "pop", 0L));
        assertEquals(9L, m(lst, "pop", -2L));
        assertEquals("[2, 3, 1, 4, 1, 5, 7]", repr(lst));
        m(lst, "remove", 1L);
        assertEquals("[2, 3, 4, 1, 5, 7]", repr(lst));
        assertEquals(3L, m(lst, "index", 1L));
        assertEquals(1L, m(lst, "count", 4L));
        assertEquals(0L, m(lst, "count", 99L));
        assertEquals(3L, m(list(1L, 2L, 1L, 2L), "index", 2L, 2L));
        assertEquals(2L, m(list(1L, 2L, 3L), "index", 3L, -1L));
        assertEquals(0L, m(list(1L, 2L, 3L), "index", 1L, -10L, 10L));
        m(lst, "reverse");
        assertEquals("[7, 5, 1, 4, 3, 2]", repr(lst));
        PyList c = (PyList) m(lst, "copy");
        m(c, "clear");
        assertEquals("[] [7, 5, 1, 4, 3, 2]", repr(c) + " " + repr(lst));
    }

    @Test
    void listErrors() {
        PyList lst = list(1L, 2L);
        raises(PyExc.ValueError, "list.remove(x): x not in list", () -> m(lst, "remove", 42L));
        raises(PyExc.ValueError, "42 is not in list", () -> m(lst, "index", 42L));
        raises(PyExc.IndexError, "pop from empty list", () -> m(list(), "pop"));
        raises(PyExc.IndexError, "pop index out of range", () -> m(list(1L), "pop", 5L));
        raises(PyExc.TypeError, "list.append() takes exactly one argument (0 given)", () -> m(lst, "append"));
        raises(PyExc.TypeError, "insert expected 2 arguments, got 1", () -> m(lst, "insert", 1L));
        raises(PyExc.TypeError, "pop expected at most 1 argument, got 2", () -> m(lst, "pop", 1L, 2L));
        raises(PyExc.TypeError, "sort() takes no positional arguments", () -> m(lst, "sort", 1L));
        raises(PyExc.TypeError, "'foo' is an invalid keyword argument for sort()",
                () -> mkw(lst, "sort", new Object[] {1L}, "foo"));
        raises(PyExc.TypeError, "list indices must be integers or slices, not str", () -> Ops.getitem(lst, "a"));
        raises(PyExc.IndexError, "list index out of range", () -> Ops.getitem(lst, 2L));
        raises(PyExc.IndexError, "cannot fit 'int' into an index-sized integer",
                () -> Ops.getitem(lst, BigInteger.TWO.pow(70)));
        raises(PyExc.IndexError, "list assignment index out of range", () -> Ops.setitem(list(1L), 7L, 1L));
        raises(PyExc.IndexError, "list assignment index out of range", () -> Ops.delitem(list(1L), 7L));
        raises(PyExc.OverflowError, "Python int too large to convert to C ssize_t",
                () -> m(list(), "insert", BigInteger.TWO.pow(70), 1L));
        raises(PyExc.TypeError, "slice indices must be integers or have an __index__ method",
                () -> m(lst, "index", 1L, "a"));
        raises(PyExc.TypeError, "list expected at most 1 argument, got 2", () -> Ops.call(PyTypes.LIST, list(), list()));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> m(lst, "extend", 1L));
    }

    @Test
    void listSlices() {
        PyList a = range(0, 10);
        Ops.setitem(a, slice(2L, 5L, N), list("x"));
        assertEquals("[0, 1, 'x', 5, 6, 7, 8, 9]", repr(a));
        Ops.setitem(a, slice(1L, 1L, N), list(7L, 7L, 7L));
        assertEquals("[0, 7, 7, 7, 1, 'x', 5, 6, 7, 8, 9]", repr(a));
        Ops.setitem(a, slice(N, N, 2L), range(100, 106));
        assertEquals("[100, 7, 101, 7, 102, 'x', 103, 6, 104, 8, 105]", repr(a));
        Ops.delitem(a, slice(N, N, 3L));
        assertEquals("[7, 101, 102, 'x', 6, 104, 105]", repr(a));
        Ops.delitem(a, slice(-2L, N, N));
        assertEquals("[7, 101, 102, 'x', 6]", repr(a));
        raises(PyExc.ValueError, "attempt to assign sequence of size 2 to extended slice of size 3",
                () -> Ops.setitem(range(0, 5), slice(0L, 5L, 2L), list(1L, 2L)));
        raises(PyExc.TypeError, "must assign iterable to extended slice",
                () -> Ops.setitem(range(0, 5), slice(0L, 5L, 2L), 1L));
        raises(PyExc.TypeError, "can only assign an iterable", () -> Ops.setitem(range(0, 5), slice(0L, 5L, N), 1L));
        raises(PyExc.ValueError, "slice step cannot be zero", () -> Ops.getitem(range(0, 3), slice(N, N, 0L)));

        PyList b = range(0, 10);
        assertEquals("[0, 3, 6, 9] [8, 6, 4] [9] [] [5, 6, 7, 8, 9] [] [0, 1] [9, 6, 3, 0]",
                repr(Ops.getitem(b, slice(N, N, 3L))) + " " + repr(Ops.getitem(b, slice(8L, 2L, -2L))) + " "
                        + repr(Ops.getitem(b, slice(-1L, N, N))) + " " + repr(Ops.getitem(b, slice(N, 0L, N))) + " "
                        + repr(Ops.getitem(b, slice(5L, 100L, N))) + " " + repr(Ops.getitem(b, slice(100L, N, N))) + " "
                        + repr(Ops.getitem(b, slice(-100L, 2L, N))) + " " + repr(Ops.getitem(b, slice(N, N, -3L))));
        assertEquals("[]", repr(Ops.getitem(list(1L), slice(BigInteger.TWO.pow(70), N, N))));
        PyList self = list(1L, 2L, 3L);
        Ops.setitem(self, slice(1L, 2L, N), self);
        assertEquals("[1, 1, 2, 3, 3]", repr(self));
        PyList rev = list(1L, 2L, 3L);
        Ops.setitem(rev, slice(N, N, -1L), list(7L, 8L, 9L));
        assertEquals("[9, 8, 7]", repr(rev));
        PyList empty = list(1L, 2L, 3L);
        Ops.setitem(empty, slice(5L, 1L, N), list(9L));
        assertEquals("[1, 2, 3, 9]", repr(empty));
    }

    @Test
    void listOperators() {
        assertEquals("[1, 2, 3]", repr(Ops.binaryOp(list(1L, 2L), list(3L), BinaryOp.ADD)));
        raises(PyExc.TypeError, "can only concatenate list (not \"tuple\") to list",
                () -> Ops.binaryOp(list(1L), tup(2L), BinaryOp.ADD));
        PyList a = list(1L, 2L);
        Object same = Ops.binaryOp(a, tup(3L), BinaryOp.INPLACE_ADD);
        assertSame(a, same);
        assertEquals("[1, 2, 3]", repr(a));
        assertEquals("[0, 0, 0, 0] [] [None, None, None]",
                repr(Ops.binaryOp(list(0L), 4L, BinaryOp.MULTIPLY)) + " "
                        + repr(Ops.binaryOp(list(1L, 2L), -1L, BinaryOp.MULTIPLY)) + " "
                        + repr(Ops.binaryOp(3L, list(N), BinaryOp.MULTIPLY)));
        raises(PyExc.TypeError, "can't multiply sequence by non-int of type 'str'",
                () -> Ops.binaryOp(list(1L), "a", BinaryOp.MULTIPLY));
        raises(PyExc.OverflowError, "cannot fit 'int' into an index-sized integer",
                () -> Ops.binaryOp(list(1L), BigInteger.TWO.pow(70), BinaryOp.MULTIPLY));
        PyList c = list(1L, 2L);
        Ops.binaryOp(c, 3L, BinaryOp.INPLACE_MULTIPLY);
        assertEquals("[1, 2, 1, 2, 1, 2]", repr(c));
        assertEquals(Boolean.TRUE, Ops.compare(list(1L, 2L), list(1L, 2L, 0L), CompareOp.LT));
        assertEquals(Boolean.TRUE, Ops.compare(list(1L, 3L), list(1L, 2L, 9L), CompareOp.GT));
        assertEquals(Boolean.TRUE, Ops.compare(list(2L), list(1L, 9L), CompareOp.GE));
        assertTrue(Ops.eq(list(1L, list(2L)), list(1L, list(2L))));
        raises(PyExc.TypeError, "'<' not supported between instances of 'list' and 'tuple'",
                () -> Ops.compare(list(1L), tup(1L), CompareOp.LT));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> Ops.hash(list()));
        assertTrue(Ops.contains(list(1L, 2L, 3L), 3L));
        assertFalse(Ops.contains(list(1L, 2L, 3L), 4L));
    }

    @Test
    void listReprRecursion() {
        PyList l = list(1L);
        l.append(l);
        assertEquals("[1, [...]]", repr(l));
        PyDict d = new PyDict();
        d.put("self", d);
        assertEquals("{'self': {...}}", repr(d));
    }

    @Test
    void listIteratorSeesAppends() {
        PyList a = list(1L, 2L, 3L);
        Object it = Ops.iter(a);
        assertEquals("list_iterator", Ops.typeName(it));
        assertEquals(1L, Ops.next(it));
        a.append(4L);
        assertEquals("[2, 3, 4]", repr(ListMethods.fromIterable(it)));
        PyList r = list(1L, 2L, 3L);
        Object rv = Ops.callSpecial(r, "__reversed__");
        assertEquals("list_reverseiterator", Ops.typeName(rv));
        r.append(4L);
        assertEquals("[3, 2, 1]", repr(ListMethods.fromIterable(rv)));
    }

    @Test
    void listConstructorAndSubclass() {
        assertEquals("['a', 'b']", repr(Ops.call(PyTypes.LIST, tup("a", "b"))));
        PyType sub = new PyType(PyTypes.TYPE, "MyList", new PyType[] {PyTypes.LIST}, new PyDict());
        Object inst = Ops.call(sub, tup(1L, 2L));
        assertSame(sub, Ops.typeOf(inst));
        assertEquals("[1, 2]", repr(inst));
        assertEquals("list", Ops.typeName(Ops.getitem(inst, slice(N, N, N))));
        PyList reinit = list(9L, 9L);
        m(reinit, "__init__", list(1L));
        assertEquals("[1]", repr(reinit));
    }

    // ------------------------------------------------------------------ sort

    static PyList lcgValues(long seed, int n, int mod) {
        PyList out = new PyList();
        for (int i = 0; i < n; i++) {
            seed = (seed * 1103515245L + 12345L) % (1L << 31);
            out.append((seed >> 8) % mod);
        }
        return out;
    }

    @Test
    void sortIsStableWithKeysAndReverse() {
        PyList xs = lcgValues(99, 300, 100);
        PyList sorted = (PyList) b("sorted", xs);
        long checksum = 0;
        for (int i = 0; i < sorted.size; i++) checksum += i * (Long) sorted.items[i];
        assertEquals(2997035L, checksum);

        PyList pairs = new PyList();
        for (int i = 0; i < xs.size; i++) pairs.append(tup((Long) xs.items[i] % 7, (long) i));
        PyBuiltin first = fn((a, kw) -> ((PyTuple) a[0]).items[0]);
        PyList byKey = (PyList) Ops.call(BUILTINS.getStr("sorted"), new Object[] {pairs, first}, new String[] {"key"});
        assertEquals("[(0, 0), (0, 2), (0, 5), (0, 18), (0, 21), (0, 26), (0, 47), (0, 53), (0, 56), (0, 68), (0, 69), (0, 71)]",
                repr(Ops.getitem(byKey, slice(N, 12L, N))));

        PyList desc = (PyList) Ops.call(BUILTINS.getStr("sorted"), new Object[] {xs, true}, new String[] {"reverse"});
        assertEquals("[99, 99, 99, 99, 99, 98, 98, 98, 98, 96]", repr(Ops.getitem(desc, slice(N, 10L, N))));

        PyList mod5 = new PyList();
        for (int i = 0; i < xs.size; i++) mod5.append(tup((Long) xs.items[i] % 5, (long) i));
        PyList rev = (PyList) Ops.call(BUILTINS.getStr("sorted"), new Object[] {mod5, first, true},
                new String[] {"key", "reverse"});
        StringBuilder idx = new StringBuilder();
        for (int i = 0; i < 15; i++) idx.append(((PyTuple) rev.items[i]).items[1]).append(' ');
        assertEquals("0 2 6 8 19 23 27 28 32 35 45 46 48 71 75 ", idx.toString());

        PyList data = list(tup(1L, "b"), tup(0L, "a"), tup(1L, "a"), tup(0L, "b"), tup(2L, "z"));
        assertEquals("[(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b'), (2, 'z')]", repr(b("sorted", data)));
        PyList big = new PyList();
        for (long i = 1000; i > 0; i--) big.append(i);
        m(big, "sort");
        assertEquals("[1, 2, 3] [998, 999, 1000]",
                repr(Ops.getitem(big, slice(N, 3L, N))) + " " + repr(Ops.getitem(big, slice(-3L, N, N))));
    }

    @Test
    void sortErrors() {
        PyList mixed = list(1L, "a", 2L);
        raises(PyExc.TypeError, "'<' not supported between instances of 'str' and 'int'", () -> m(mixed, "sort"));
        assertEquals(3, mixed.size);
        PyList victim = list(3L, 2L, 1L);
        PyBuiltin appender = fn((a, kw) -> {
            victim.append(0L);
            return a[0];
        });
        raises(PyExc.ValueError, "list modified during sort",
                () -> Ops.call(Ops.getattr(victim, "sort"), new Object[] {appender}, new String[] {"key"}));
        assertEquals("[1, 2, 3]", repr(victim));
        PyList seenEmpty = list(2L, 1L);
        PyBuiltin observer = fn((a, kw) -> (long) seenEmpty.size);
        Ops.call(Ops.getattr(seenEmpty, "sort"), new Object[] {observer}, new String[] {"key"});
        assertEquals("[2, 1]", repr(seenEmpty));
    }

    // ------------------------------------------------------------------ tuple

    @Test
    void tuples() {
        PyTuple t = tup(1L, 2L, 3L, 2L);
        assertEquals("(2, 3)", repr(Ops.getitem(t, slice(1L, 3L, N))));
        assertEquals(2L, m(t, "count", 2L));
        assertEquals(2L, m(t, "index", 3L));
        assertEquals(3L, m(t, "index", 2L, 2L));
        assertEquals("(1,) () (1, 2, 3) (1, 2, 1, 2)", repr(tup(1L)) + " " + repr(tup()) + " "
                + repr(Ops.binaryOp(tup(1L, 2L), tup(3L), BinaryOp.ADD)) + " "
                + repr(Ops.binaryOp(tup(1L, 2L), 2L, BinaryOp.MULTIPLY)));
        raises(PyExc.ValueError, "tuple.index(x): x not in tuple", () -> m(t, "index", 99L));
        raises(PyExc.TypeError, "tuple indices must be integers or slices, not str", () -> Ops.getitem(t, "a"));
        raises(PyExc.IndexError, "tuple index out of range", () -> Ops.getitem(t, 5L));
        raises(PyExc.TypeError, "can only concatenate tuple (not \"list\") to tuple",
                () -> Ops.binaryOp(tup(1L), list(2L), BinaryOp.ADD));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> Ops.call(PyTypes.TUPLE, 1L));
        assertSame(t, Ops.call(PyTypes.TUPLE, t));
        assertSame(t, Ops.getitem(t, slice(N, N, N)));
        assertEquals("('a', 'b')", repr(Ops.call(PyTypes.TUPLE, list("a", "b"))));
        assertEquals(Boolean.TRUE, Ops.compare(tup(1L, 2L), tup(1L, 2L, 0L), CompareOp.LT));
        assertEquals(Boolean.TRUE, Ops.compare(tup(2L), tup(1L, 9L, 9L), CompareOp.GT));
        assertEquals("tuple_iterator", Ops.typeName(Ops.iter(t)));
        PyTuple nested = tup(list(1L));
        ((PyList) nested.items[0]).append(nested);
        assertEquals("([1, (...)],)", repr(nested));
    }

    @Test
    void tupleHashIsCPythons() {
        assertEquals(-3550055125485641917L, Ops.hash(tup(1L, 2L)));
        assertEquals(5740354900026072187L, Ops.hash(tup()));
        assertEquals(-6644214454873602895L, Ops.hash(tup(1L)));
        assertEquals(8078679518589016365L, Ops.hash(tup(-1L)));
        assertEquals(-8303551883679707139L, Ops.hash(tup(tup(1L, 2L), tup(3L))));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> Ops.hash(tup(list(1L), 2L)));
    }

    @Test
    void tupleSubclass() {
        PyType point = new PyType(PyTypes.TYPE, "Point", new PyType[] {PyTypes.TUPLE}, new PyDict());
        Object p = Ops.call(point, list(1L, 2L));
        assertSame(point, Ops.typeOf(p));
        assertEquals("(1, 2)", repr(p));
        assertEquals("tuple", Ops.typeName(Ops.getitem(p, slice(N, N, N))));
    }

    // ------------------------------------------------------------------ dict

    @Test
    void dictMethods() {
        PyDict d = new PyDict();
        d.put("b", 2L);
        d.put("a", 1L);
        d.put("c", 3L);
        d.put("b", 20L);
        assertEquals("{'b': 20, 'a': 1, 'c': 3}", repr(d));
        assertEquals(1L, m(d, "get", "a"));
        assertEquals(N, m(d, "get", "z"));
        assertEquals(0L, m(d, "get", "z", 0L));
        assertEquals(1L, m(d, "setdefault", "a", 99L));
        assertEquals(5L, m(d, "setdefault", "new", 5L));
        assertEquals(5L, m(d, "pop", "new"));
        assertEquals("absent", m(d, "pop", "zz", "absent"));
        raises(PyExc.KeyError, "'zz'", () -> m(d, "pop", "zz"));
        assertEquals("('c', 3)", repr(m(d, "popitem")));
        assertEquals("{'b': 20, 'a': 1}", repr(d));
        raises(PyExc.KeyError, "'popitem(): dictionary is empty'", () -> m(new PyDict(), "popitem"));
        raises(PyExc.KeyError, "'missing'", () -> Ops.getitem(d, "missing"));
        mkw(d, "update", new Object[] {dictOf("d", 4L), 5L}, "e");
        m(d, "update", list(tup("f", 6L)));
        assertEquals("{'b': 20, 'a': 1, 'd': 4, 'e': 5, 'f': 6}", repr(d));
        assertEquals("{'p': None, 'q': None}", repr(Ops.call(Ops.getattr(PyTypes.DICT, "fromkeys"), list("p", "q"))));
        assertEquals("{'a': 1, 'b': 2}", repr(Ops.binaryOp(dictOf("a", 1L), dictOf("b", 2L), BinaryOp.OR)));
        assertTrue(Ops.eq(dictOf("a", 1L, "b", 2L), dictOf("b", 2L, "a", 1L)));
        assertFalse(Ops.eq(dictOf("a", 1L), dictOf("a", 2L)));
        raises(PyExc.TypeError, "'<' not supported between instances of 'dict' and 'dict'",
                () -> Ops.compare(new PyDict(), new PyDict(), CompareOp.LT));
        raises(PyExc.TypeError, "unsupported operand type(s) for |: 'dict' and 'list'",
                () -> Ops.binaryOp(dictOf(1L, 2L), list(1L), BinaryOp.OR));
    }

    static PyDict dictOf(Object... kv) {
        PyDict d = new PyDict();
        for (int i = 0; i < kv.length; i += 2) d.put(kv[i], kv[i + 1]);
        return d;
    }

    @Test
    void dictConstructor() {
        assertEquals("{'a': 1}", repr(Ops.call(PyTypes.DICT, new Object[] {1L}, new String[] {"a"})));
        assertEquals("{'k': 'v', 1: 2}", repr(Ops.call(PyTypes.DICT, list(tup("k", "v"), list(1L, 2L)))));
        assertEquals("{'z': 0, 'y': 1}", repr(Ops.call(PyTypes.DICT, new Object[] {dictOf("z", 0L), 1L}, new String[] {"y"})));
        raises(PyExc.ValueError, "dictionary update sequence element #0 has length 3; 2 is required",
                () -> Ops.call(PyTypes.DICT, list(tup("a", 1L, 2L))));
        raises(PyExc.TypeError, "cannot convert dictionary update sequence element #0 to a sequence",
                () -> Ops.call(PyTypes.DICT, list(1L, 2L)));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> Ops.call(PyTypes.DICT, 1L));
        raises(PyExc.TypeError, "dict expected at most 1 argument, got 2", () -> Ops.call(PyTypes.DICT, list(), list()));
    }

    @Test
    void dictMissingAndSubclass() {
        PyDict ns = new PyDict();
        ns.put("__missing__", new PyBuiltin("__missing__", null, PyBuiltin.Kind.METHOD, (a, kw) -> "missing:" + a[1]));
        PyType sub = new PyType(PyTypes.TYPE, "Defaulting", new PyType[] {PyTypes.DICT}, ns);
        Object d = Ops.call(sub);
        assertEquals("missing:k", Ops.getitem(d, "k"));
        assertEquals(N, m(d, "get", "k"));
        assertFalse(Ops.contains(d, "k"));
        assertEquals("dict", Ops.typeName(m(d, "copy")));
        assertSame(sub, Ops.typeOf(Ops.call(Ops.getattr(sub, "fromkeys"), list("a"))));
    }

    @Test
    void dictViews() {
        PyDict d = dictOf("one", 1L, "two", 2L, "three", 3L);
        Object keys = m(d, "keys");
        Object vals = m(d, "values");
        Object items = m(d, "items");
        assertEquals("dict_keys(['one', 'two', 'three']) dict_values([1, 2, 3]) dict_items([('one', 1), ('two', 2), ('three', 3)])",
                repr(keys) + " " + repr(vals) + " " + repr(items));
        d.put("four", 4L);
        assertEquals(4L, Ops.len(vals));
        assertTrue(Ops.contains(items, tup("four", 4L)));
        assertFalse(Ops.contains(items, tup("four", 5L)));
        assertTrue(Ops.contains(vals, 3L));
        assertEquals("{'one'}", repr(Ops.binaryOp(keys, set("one", "five"), BinaryOp.AND)));
        assertTrue(Ops.eq(keys, set("one", "two", "three", "four")));
        assertTrue(Ops.eq(set("one", "two", "three", "four"), keys));
        assertEquals("['four', 'three', 'two', 'one']", repr(ListMethods.fromIterable(b("reversed", keys))));
        assertEquals("[4, 3, 2, 1]", repr(ListMethods.fromIterable(b("reversed", vals))));
        assertEquals("dict_reverseitemiterator", Ops.typeName(b("reversed", items)));
        raises(PyExc.TypeError, "unhashable type: 'dict_keys'", () -> Ops.hash(keys));
        raises(PyExc.TypeError, "'dict_keys' object is not subscriptable", () -> Ops.getitem(keys, 0L));
        PyDict self = new PyDict();
        self.put("x", self);
        assertEquals("dict_items([('x', {'x': {...}})])", repr(m(self, "items")));
        assertFalse(Ops.eq(m(d, "values"), m(d, "values")));
        assertEquals("{('b', 2), ('a', 1)}".length(),
                repr(Ops.binaryOp(m(dictOf("a", 1L), "items"), m(dictOf("b", 2L), "items"), BinaryOp.XOR)).length());
    }

    @Test
    void dictIterationGuards() {
        PyDict d = dictOf(1L, 1L, 2L, 2L);
        raises(PyExc.RuntimeError, "dictionary changed size during iteration", () -> {
            Object it = Ops.iter(d);
            for (Object k = Ops.next(it); k != null; k = Ops.next(it)) d.put(5L, 5L);
        });
        PyDict e = dictOf(1L, 1L, 2L, 2L);
        raises(PyExc.RuntimeError, "dictionary keys changed during iteration", () -> {
            Object it = Ops.iter(e);
            for (Object k = Ops.next(it); k != null; k = Ops.next(it)) {
                e.remove(k);
                e.put((Long) k + 10, 1L);
            }
        });
        assertEquals("{11: 1, 12: 1}", repr(e));
    }

    // ------------------------------------------------------------------ set

    /** Replays a pseudo-random add/discard/pop sequence, as /tmp/sets.py did with CPython. */
    static PySet replay(int n, int mod, long seed, PyList popped) {
        PySet s = new PySet();
        for (int i = 0; i < n; i++) {
            seed = (seed * 1103515245L + 12345L) % (1L << 31);
            long v = (seed >> 8) % mod - 50;
            long op = (seed >> 4) % 4;
            if (op < 2) {
                m(s, "add", v);
            } else if (op == 2) {
                m(s, "discard", v);
            } else if (s.size() > 0 && (seed >> 12) % 5 == 0) {
                popped.append(m(s, "pop"));
            }
        }
        return s;
    }

    @Test
    void setOrderIsCPythons() {
        assertEquals("{1, 2, 3} {10, 100, 5} {8, 0, 16, 1}",
                repr(set(3L, 1L, 2L)) + " " + repr(set(10L, 5L, 100L)) + " " + repr(set(8L, 0L, 16L, 1L)));
        PySet reuse = new PySet();
        reuse.add(1L);
        reuse.add(2L);
        reuse.discard(1L);
        reuse.add(9L);
        assertEquals("{9, 2}", repr(reuse));
        PyList sevens = new PyList();
        for (long i = 0; i < 12; i++) sevens.append(i * 7);
        assertEquals("{0, 35, 70, 7, 42, 77, 14, 49, 21, 56, 28, 63}", repr(SetMethods.fromIterable(sevens)));
        assertEquals("{13, 21, 5}", repr(SetMethods.fromIterable(dictOf(5L, 1L, 13L, 2L, 21L, 3L))));
        PySet popping = SetMethods.fromIterable(range(0, 10));
        for (int i = 0; i < 8; i++) m(popping, "pop");
        popping.add(100L);
        popping.add(3L);
        assertEquals("{3, 100, 8, 9}", repr(popping));

        PyList popped = new PyList();
        PySet big = replay(3000, 300, 12345, popped);
        assertEquals("{0, 1, 2, 3, 5, 7, 8, 10, 11, 12, 14, 15, 19, 20, 22, 23, 24, 25, 28, 29, 30, 31, 32, 27, 34, 35, 37, "
                + "43, 45, 46, 47, 50, 51, 54, 55, 56, 57, 58, 59, 61, 63, 69, 70, 72, 74, 68, 71, 78, 79, 81, 82, 85, 89, 90, "
                + "91, 92, 93, 94, 95, 87, 97, 100, 102, 104, 101, 107, 108, 110, 111, 113, 114, 115, 117, 119, 120, 125, 126, "
                + "127, 129, 122, 131, 132, 133, 135, 136, 138, 139, 141, 142, 143, 145, 146, 148, 150, 151, 153, 154, 155, 156, "
                + "157, 234, 159, 161, 162, 163, 158, 236, 167, 170, 172, 174, 175, 177, 178, 180, 182, 183, 184, 186, 187, 190, "
                + "191, 185, 193, 194, 197, 189, 199, 200, 203, 204, 206, 208, 209, 213, 214, 216, 217, 218, 221, 222, 223, 226, "
                + "227, 228, 229, 230, 233, 237, 238, 243, 245, 244, 247, 246, 249, -49, -48, -47, -45, -46, -9, -43, -30, -29, "
                + "-20, -7, -6, -5, -4, -3, -2}", repr(big));
        assertEquals("[229, 13, 17, 18, 148, 149, 22, 32, 34, 38, 39, 41, 48, 52, 53, 55, 56, 57, 60, 63, 68, 69, 71, 72, "
                + "76, 77, 78, 79, 84, 85, 86, 87, 89, 91, 85, 93, 94, 95, 98, 99]", repr(Ops.getitem(popped, slice(N, 40L, N))));
        PyList popped2 = new PyList();
        PySet small = replay(200, 40, 777, popped2);
        assertEquals("{-50, -42, -40, -38, -37, -33, -32, -29, -30, -27, -26, -25, -28, -23, -21, -20, -18, -22, -16, -17, "
                + "-14, -13, -12, -11}", repr(small));
        assertEquals("[-41, -24, -50, -49, -50, -46, -42, -46]", repr(popped2));
    }

    @Test
    void setOperationsInCPythonOrder() {
        PySet a = SetMethods.fromIterable(range(0, 20));
        assertEquals("{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}",
                repr(Ops.binaryOp(a, set(3L), BinaryOp.SUBTRACT)));
        assertEquals("{50, 51, 52, 53, 54, 55, 56, 57, 58, 59}", repr(Ops.binaryOp(SetMethods.fromIterable(range(0, 100)),
                SetMethods.fromIterable(range(50, 60)), BinaryOp.AND)));
        assertEquals("{1, 2, 3}", repr(m(set(1L, 2L), "union", list(3L))));
        assertEquals("{1, 5}", repr(m(set(5L, 1L), "intersection", set(1L, 5L, 7L))));
        assertEquals("{1, 2, 4}", repr(Ops.binaryOp(set(1L, 2L, 3L), set(3L, 4L), BinaryOp.XOR)));
        assertEquals("{1, 2, 4, 5, 6, 7, 8, 9, 10, 11}", repr(Ops.binaryOp(set(1L, 2L, 3L),
                SetMethods.fromIterable(range(3, 12)), BinaryOp.XOR)));
        assertEquals("{2, 3, 4, 5, 6, 7, 8, 9}", repr(Ops.binaryOp(SetMethods.fromIterable(range(1, 10)), set(1L),
                BinaryOp.SUBTRACT)));
        PyList thirds = new PyList();
        for (long i = 0; i < 40; i += 3) thirds.append(i);
        assertEquals("{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37, 38}",
                repr(Ops.binaryOp(SetMethods.fromIterable(range(0, 40)), SetMethods.fromIterable(thirds),
                        BinaryOp.SUBTRACT)));
        assertEquals("{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, "
                + "28, 29, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49}",
                repr(m(SetMethods.fromIterable(range(0, 40)), "symmetric_difference", range(30, 50))));
        PySet shrunk = SetMethods.fromIterable(range(0, 30));
        Ops.binaryOp(shrunk, SetMethods.fromIterable(range(5, 25)), BinaryOp.INPLACE_SUBTRACT);
        assertEquals("{0, 1, 2, 3, 4, 25, 26, 27, 28, 29}", repr(shrunk));
        shrunk.add(7L);
        shrunk.add(40L);
        assertEquals("{0, 1, 2, 3, 4, 7, 25, 26, 27, 28, 29, 40}", repr(shrunk));
    }

    @Test
    void setMethodsAndErrors() {
        PySet a = set(1L, 2L, 3L, 4L);
        assertEquals(Boolean.TRUE, m(a, "issubset", SetMethods.fromIterable(range(1, 6))));
        assertEquals(Boolean.TRUE, m(a, "issuperset", list(1L)));
        assertEquals(Boolean.TRUE, m(a, "isdisjoint", list(7L, 8L)));
        assertEquals(Boolean.TRUE, Ops.compare(set(1L), a, CompareOp.LT));
        assertEquals(Boolean.FALSE, Ops.compare(a, a, CompareOp.LT));
        assertEquals(Boolean.TRUE, Ops.compare(a, a, CompareOp.LE));
        raises(PyExc.KeyError, "99", () -> m(a, "remove", 99L));
        raises(PyExc.KeyError, "'pop from an empty set'", () -> m(new PySet(), "pop"));
        raises(PyExc.TypeError, "unsupported operand type(s) for |: 'set' and 'list'",
                () -> Ops.binaryOp(a, list(1L), BinaryOp.OR));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> set(list(1L)));
        raises(PyExc.TypeError, "set.add() takes exactly one argument (0 given)", () -> m(a, "add"));
        raises(PyExc.TypeError, "set.pop() takes no arguments (1 given)", () -> m(a, "pop", 1L));
        raises(PyExc.TypeError, "'<' not supported between instances of 'set' and 'list'",
                () -> Ops.compare(a, list(1L), CompareOp.LT));
        raises(PyExc.AttributeError, "'frozenset' object has no attribute 'add'", () -> Ops.getattr(PySet.frozen(), "add"));
        PySet x = set(1L, 2L, 3L);
        Ops.binaryOp(x, set(1L), BinaryOp.INPLACE_SUBTRACT);
        Ops.binaryOp(x, set(9L), BinaryOp.INPLACE_OR);
        Ops.binaryOp(x, set(2L, 9L, 10L), BinaryOp.INPLACE_AND);
        Ops.binaryOp(x, set(2L, 7L), BinaryOp.INPLACE_XOR);
        assertEquals("{9, 7}", repr(x));
        assertEquals(N, m(a, "intersection_update", set(1L, 2L)));
        assertEquals("{1, 2}", repr(a));
        raises(PyExc.RuntimeError, "Set changed size during iteration", () -> {
            PySet s = set(1L, 2L);
            Object it = Ops.iter(s);
            for (Object k = Ops.next(it); k != null; k = Ops.next(it)) s.add((Long) k + 10);
        });
        assertTrue(Ops.contains(set(PySet.frozen()), new PySet()));
        assertEquals("set_iterator", Ops.typeName(Ops.iter(a)));
        assertEquals("set() frozenset() frozenset({1, 2})",
                repr(new PySet()) + " " + repr(PySet.frozen()) + " " + repr(SetMethods.frozenFromIterable(list(1L, 2L))));
    }

    @Test
    void frozensets() {
        assertEquals(-1826646154956904602L, Ops.hash(SetMethods.frozenFromIterable(list(1L, 2L))));
        assertEquals(133146708735736L, Ops.hash(PySet.frozen()));
        assertEquals(-558064481276695278L, Ops.hash(SetMethods.frozenFromIterable(list(1L))));
        assertEquals(-4964422442656326050L, Ops.hash(SetMethods.frozenFromIterable(list(-1L, 5L))));
        PySet fs = SetMethods.frozenFromIterable(list(3L, 1L, 2L, 3L));
        assertTrue(Ops.eq(fs, set(1L, 2L, 3L)));
        assertEquals("frozenset", Ops.typeName(Ops.binaryOp(fs, set(4L), BinaryOp.OR)));
        assertEquals("set", Ops.typeName(Ops.binaryOp(set(4L), fs, BinaryOp.OR)));
        assertSame(fs, Ops.call(PyTypes.FROZENSET, fs));
        assertSame(fs, m(fs, "copy"));
        PyDict d = new PyDict();
        d.put(fs, "frozen key");
        assertEquals("frozen key", d.get(SetMethods.frozenFromIterable(list(1L, 2L, 3L))));
        PyType sub = new PyType(PyTypes.TYPE, "S", new PyType[] {PyTypes.SET}, new PyDict());
        Object s = Ops.call(sub, list(1L, 2L));
        assertEquals("S({1, 2}) S()", repr(s) + " " + repr(Ops.call(sub)));
        assertEquals("set", Ops.typeName(Ops.binaryOp(s, set(3L), BinaryOp.OR)));
    }

    // ------------------------------------------------------------------ range and slice

    @Test
    void ranges() {
        Object r = Ops.call(PyTypes.RANGE, 10L);
        assertEquals("range(0, 10) range(2, 5) range(9, -1, -1) range(0, 10, 3)", repr(r) + " "
                + repr(Ops.getitem(r, slice(2L, 5L, N))) + " " + repr(Ops.getitem(r, slice(N, N, -1L))) + " "
                + repr(Ops.getitem(r, slice(N, N, 3L))));
        assertEquals("range(0, 10, 2)", repr(Ops.call(PyTypes.RANGE, 0L, 10L, 2L)));
        assertEquals(4L, Ops.getitem(Ops.call(PyTypes.RANGE, 5L, 0L, -1L), 1L));
        assertEquals(15L, Ops.len(Ops.call(PyTypes.RANGE, 0L, 100L, 7L)));
        assertEquals(3L, m(Ops.call(PyTypes.RANGE, 0L, 20L, 5L), "index", 15L));
        assertEquals("[5, 4, 3, 2, 1] [0, -3, -6, -9] [4, 1, -2, -5]",
                repr(ListMethods.fromIterable(Ops.call(PyTypes.RANGE, 5L, 0L, -1L))) + " "
                        + repr(ListMethods.fromIterable(Ops.call(PyTypes.RANGE, 0L, -10L, -3L))) + " "
                        + repr(ListMethods.fromIterable(b("reversed", Ops.call(PyTypes.RANGE, -5L, 5L, 3L)))));
        BigInteger e20 = BigInteger.TEN.pow(20);
        Object huge = Ops.call(PyTypes.RANGE, e20);
        assertEquals(e20.subtract(BigInteger.ONE), Ops.getitem(huge, -1L));
        assertEquals("range(5, 10)", repr(Ops.getitem(huge, slice(5L, 10L, N))));
        raises(PyExc.OverflowError, "Python int too large to convert to C ssize_t", () -> Ops.len(huge));
        assertEquals("longrange_iterator", Ops.typeName(Ops.iter(huge)));
        BigInteger top = BigInteger.TWO.pow(63);
        Object edge = Ops.call(PyTypes.RANGE, Long.MAX_VALUE, top.add(BigInteger.TWO));
        assertEquals("range(9223372036854775808, 9223372036854775810)", repr(Ops.getitem(edge, slice(1L, N, N))));
        assertEquals("[9223372036854775807, 9223372036854775808, 9223372036854775809]", repr(ListMethods.fromIterable(edge)));
        assertEquals(2000000000000000L, Ops.len(Ops.call(PyTypes.RANGE, -1000000000000000L, 1000000000000000L)));
        Object full = Ops.call(PyTypes.RANGE, Long.MIN_VALUE, Long.MAX_VALUE);
        raises(PyExc.OverflowError, null, () -> Ops.len(full));
        assertEquals(Long.MAX_VALUE - 1, Ops.getitem(full, -1L));
        assertTrue(Ops.contains(full, 5L));
        assertTrue(Ops.contains(Ops.call(PyTypes.RANGE, 0L, 10000000000000L, 1000L), 1000000000000L));
        assertFalse(Ops.contains(Ops.call(PyTypes.RANGE, 1L, 10L, 2L), 8L));
        assertTrue(Ops.contains(Ops.call(PyTypes.RANGE, 10L, 0L, -3L), 4L));
        assertTrue(Ops.contains(Ops.call(PyTypes.RANGE, BigInteger.TWO.pow(71)), BigInteger.TWO.pow(70)));
        assertTrue(Ops.eq(Ops.call(PyTypes.RANGE, 0L, 10L, 2L), Ops.call(PyTypes.RANGE, 0L, 9L, 2L)));
        assertTrue(Ops.eq(Ops.call(PyTypes.RANGE, 0L), Ops.call(PyTypes.RANGE, 5L, 5L)));
        assertFalse(Ops.eq(Ops.call(PyTypes.RANGE, 1L, 2L), Ops.call(PyTypes.RANGE, 1L, 3L)));
        assertEquals(Ops.hash(Ops.call(PyTypes.RANGE, 0L, 3L, 2L)), Ops.hash(Ops.call(PyTypes.RANGE, 0L, 4L, 2L)));
        assertFalse(Ops.isTrue(Ops.call(PyTypes.RANGE, 0L)));
        assertTrue(Ops.isTrue(huge));
        raises(PyExc.ValueError, "range() arg 3 must not be zero", () -> Ops.call(PyTypes.RANGE, 1L, 10L, 0L));
        raises(PyExc.TypeError, "range expected at least 1 argument, got 0", () -> Ops.call(PyTypes.RANGE));
        raises(PyExc.TypeError, "range expected at most 3 arguments, got 4", () -> Ops.call(PyTypes.RANGE, 1L, 2L, 3L, 4L));
        raises(PyExc.IndexError, "range object index out of range", () -> Ops.getitem(Ops.call(PyTypes.RANGE, 5L), 5L));
        raises(PyExc.TypeError, "range indices must be integers or slices, not str",
                () -> Ops.getitem(Ops.call(PyTypes.RANGE, 5L), "a"));
        raises(PyExc.ValueError, "7 is not in range", () -> m(Ops.call(PyTypes.RANGE, 5L), "index", 7L));
        raises(PyExc.ValueError, "sequence.index(x): x not in sequence", () -> m(Ops.call(PyTypes.RANGE, 5L), "index", "a"));
        assertEquals(1L, m(Ops.call(PyTypes.RANGE, 1L, 10L, 2L), "count", 5L));
        Object r2 = Ops.call(PyTypes.RANGE, 3L, 30L, 4L);
        assertEquals("3 30 4 27", Ops.getattr(r2, "start") + " " + Ops.getattr(r2, "stop") + " " + Ops.getattr(r2, "step")
                + " " + Ops.getitem(r2, -1L));
        assertEquals("range_iterator", Ops.typeName(b("reversed", r2)));
    }

    @Test
    void slices() {
        PySlice s = (PySlice) Ops.call(PyTypes.SLICE, 1L, 10L, 2L);
        assertEquals("slice(1, 10, 2) slice(None, 5, None) slice(None, None, -1)", repr(s) + " "
                + repr(Ops.call(PyTypes.SLICE, 5L)) + " " + repr(Ops.call(PyTypes.SLICE, N, N, -1L)));
        assertEquals("(1, 5, 2) (3, -1, -1) (7, 10, 1) (0, 10, 3) (0, 5, 1) (6, -1, -2) (2, 1, -1)",
                repr(m(s, "indices", 5L)) + " " + repr(m(slice(N, N, -1L), "indices", 4L)) + " "
                        + repr(m(slice(-3L, N, N), "indices", 10L)) + " " + repr(m(slice(0L, 100L, 3L), "indices", 10L)) + " "
                        + repr(m(slice(-100L, 100L, N), "indices", 5L)) + " " + repr(m(slice(N, N, -2L), "indices", 7L)) + " "
                        + repr(m(slice(5L, 1L, -1L), "indices", 3L)));
        assertEquals("(0, 1180591620717411303424, 1)",
                repr(m(slice(N, BigInteger.TWO.pow(70), N), "indices", BigInteger.TEN.pow(30))));
        assertEquals("(4, -1, -1)", repr(m(slice(BigInteger.TEN.pow(30), BigInteger.TEN.pow(30).negate(), -1L), "indices", 5L)));
        raises(PyExc.ValueError, "slice step cannot be zero", () -> m(slice(1L, 2L, 0L), "indices", 3L));
        raises(PyExc.ValueError, "length should not be negative", () -> m(slice(1L, 2L, N), "indices", -1L));
        raises(PyExc.TypeError, "slice indices must be integers or None or have an __index__ method",
                () -> m(slice("a", 2L, N), "indices", 3L));
        raises(PyExc.TypeError, "unhashable type: 'slice'", () -> Ops.hash(s));
        raises(PyExc.TypeError, "slice expected at least 1 argument, got 0", () -> Ops.call(PyTypes.SLICE));
        assertTrue(Ops.eq(slice(1L, 2L, N), slice(1L, 2L, N)));
        assertFalse(Ops.eq(slice(1L, 2L, N), slice(1L, 3L, N)));
        assertEquals(Boolean.TRUE, Ops.compare(slice(1L, 2L, N), slice(1L, 3L, N), CompareOp.LT));
        assertArrayEquals(new long[] {1, 5, 2, 2}, PySlice.indices(new PySlice(1L, 10L, 2L), 5L));
        assertArrayEquals(new long[] {3, -1, -1, 4}, PySlice.indices(new PySlice(N, N, -1L), 4));
        assertArrayEquals(new long[] {0, 0, 1, 0}, PySlice.indices(new PySlice(BigInteger.TEN.pow(30).negate(), -7L, N), 4));
    }
}
