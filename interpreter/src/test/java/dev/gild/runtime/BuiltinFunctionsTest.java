package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static dev.gild.runtime.ContainersTest.N;
import static dev.gild.runtime.ContainersTest.list;
import static dev.gild.runtime.ContainersTest.raises;
import static dev.gild.runtime.ContainersTest.repr;
import static dev.gild.runtime.ContainersTest.tup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builtin functions and iterator classes, checked against CPython 3.11's output. */
class BuiltinFunctionsTest {
    static final PyDict B = ContainersTest.BUILTINS;

    static Object b(String name, Object... args) { return Ops.call(B.getStr(name), args); }

    static Object bkw(String name, Object[] args, String... kwnames) { return Ops.call(B.getStr(name), args, kwnames); }

    static PyList all(Object iterable) { return ListMethods.fromIterable(iterable); }

    static PyBuiltin fn(PyBuiltin.Impl impl) { return PyBuiltin.function("f", impl); }

    @Test
    void lenAbsAnyAll() {
        assertEquals(2L, b("len", list(1L, list(2L, 3L))));
        assertEquals(0L, b("len", new PyDict()));
        raises(PyExc.TypeError, "object of type 'int' has no len()", () -> b("len", 5L));
        raises(PyExc.TypeError, "len() takes exactly one argument (0 given)", () -> b("len"));
        assertEquals(5L, b("abs", -5L));
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE).negate(), b("abs", Long.MIN_VALUE));
        assertEquals(1.5, b("abs", -1.5));
        assertEquals(1L, b("abs", true));
        raises(PyExc.TypeError, "bad operand type for abs(): 'str'", () -> b("abs", "a"));
        assertEquals(Boolean.FALSE, b("any", list()));
        assertEquals(Boolean.TRUE, b("all", list()));
        assertEquals(Boolean.TRUE, b("any", list(0L, N, 1L)));
        assertEquals(Boolean.FALSE, b("all", list(1L, 0L)));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> b("any", 5L));
        PyList seen = new PyList();
        Object lazy = b("map", fn((a, kw) -> {
            seen.append(a[0]);
            return Py.bool((Long) a[0] > 2);
        }), list(1L, 3L, 5L, 7L));
        assertEquals(Boolean.TRUE, b("any", lazy));
        assertEquals("[1, 3]", repr(seen));
    }

    @Test
    void intFormattingAndCharacters() {
        assertEquals("0xff -0xff 0x0 0x10000000000000000 0b1010 -0b1010 0b0 0o10 -0o10 0o0",
                b("hex", 255L) + " " + b("hex", -255L) + " " + b("hex", 0L) + " " + b("hex", BigInteger.TWO.pow(64)) + " "
                        + b("bin", 10L) + " " + b("bin", -10L) + " " + b("bin", 0L) + " " + b("oct", 8L) + " "
                        + b("oct", -8L) + " " + b("oct", 0L));
        assertEquals("-0x8000000000000000", b("hex", Long.MIN_VALUE));
        raises(PyExc.TypeError, "'float' object cannot be interpreted as an integer", () -> b("hex", 1.5));
        assertEquals("A", b("chr", 65L));
        assertEquals("\uD83D\uDE00", b("chr", 128512L));
        assertEquals(128512L, b("ord", "\uD83D\uDE00"));
        assertEquals(233L, b("ord", "\u00e9"));
        assertEquals(97L, b("ord", new PyBytes(new byte[] {97})));
        assertEquals(122L, b("ord", new PyByteArray(new byte[] {122})));
        raises(PyExc.ValueError, "chr() arg not in range(0x110000)", () -> b("chr", 0x110000L));
        raises(PyExc.ValueError, "chr() arg not in range(0x110000)", () -> b("chr", -1L));
        raises(PyExc.OverflowError, "Python int too large to convert to C int", () -> b("chr", BigInteger.TWO.pow(70)));
        raises(PyExc.TypeError, "ord() expected a character, but string of length 2 found", () -> b("ord", "ab"));
        raises(PyExc.TypeError, "ord() expected a character, but string of length 0 found", () -> b("ord", ""));
        raises(PyExc.TypeError, "ord() expected string of length 1, but int found", () -> b("ord", 1L));
        raises(PyExc.TypeError, "ord() expected a character, but string of length 2 found",
                () -> b("ord", new PyBytes(new byte[] {1, 2})));
    }

    @Test
    void minMax() {
        assertEquals(1L, b("min", 3L, 1L, 2L));
        assertEquals(3L, b("max", list(3L, 1L, 2L)));
        assertEquals("empty", bkw("max", new Object[] {list(), "empty"}, "default"));
        assertEquals(N, bkw("min", new Object[] {tup(), N}, "default"));
        PyBuiltin negate = fn((a, kw) -> -(Long) a[0]);
        assertEquals(1L, bkw("max", new Object[] {list(3L, 1L, 3L), negate}, "key"));
        Object abs = B.getStr("abs");
        assertEquals(-5L, bkw("min", new Object[] {-5L, 5L, abs}, "key"));
        assertEquals(-5L, bkw("max", new Object[] {-5L, 5L, abs}, "key"));
        assertEquals("(1, 'b')", repr(b("max", list(tup(1L, "b"), tup(1L, "a")))));
        raises(PyExc.ValueError, "max() arg is an empty sequence", () -> b("max", list()));
        raises(PyExc.ValueError, "min() arg is an empty sequence", () -> b("min", list()));
        raises(PyExc.TypeError, "min expected at least 1 argument, got 0", () -> b("min"));
        raises(PyExc.TypeError, "Cannot specify a default for max() with multiple positional arguments",
                () -> bkw("max", new Object[] {1L, 2L, 0L}, "default"));
        raises(PyExc.TypeError, "'foo' is an invalid keyword argument for max()", () -> bkw("max", new Object[] {list(1L), 1L}, "foo"));
        raises(PyExc.TypeError, "'>' not supported between instances of 'str' and 'int'", () -> b("max", 1L, "a"));
        raises(PyExc.TypeError, "'<' not supported between instances of 'str' and 'int'", () -> b("min", 1L, "a"));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> b("max", 1L));
    }

    @Test
    void sums() {
        assertEquals(6L, b("sum", list(1L, 2L, 3L)));
        assertEquals(0L, b("sum", list()));
        assertEquals(13L, b("sum", list(1L, 2L), 10L));
        assertEquals(106L, bkw("sum", new Object[] {list(1L, 2L, 3L), 100L}, "start"));
        assertEquals(2L, b("sum", list(true, true)));
        assertEquals("[1, 2, 3]", repr(b("sum", list(list(1L), list(2L), list(3L)), list())));
        assertEquals(499999500000L, b("sum", Ops.call(PyTypes.RANGE, 1000000L)));
        assertEquals(1.5, b("sum", list(), 1.5));
        // Plain left-to-right addition as CPython 3.11 (3.12 compensates): 0.9999999999999999, not 1.0.
        assertEquals(0.9999999999999999, b("sum", Ops.binaryOp(list(0.1), 10L, BinaryOp.MULTIPLY), 0.0));
        assertEquals(3.5, b("sum", list(true, 2L, 0.5), 0.0));
        raises(PyExc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]", () -> b("sum", list("a"), ""));
        raises(PyExc.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]", () -> b("sum", list(), PyBytes.EMPTY));
        raises(PyExc.TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]",
                () -> b("sum", list(), new PyByteArray(new byte[0])));
        raises(PyExc.TypeError, "sum() takes at least 1 positional argument (0 given)", () -> b("sum"));
        raises(PyExc.TypeError, "sum() takes at most 2 arguments (3 given)", () -> b("sum", list(1L), 2L, 3L));
        raises(PyExc.TypeError, "'foo' is an invalid keyword argument for sum()", () -> bkw("sum", new Object[] {list(), 1L}, "foo"));
        raises(PyExc.TypeError, "unsupported operand type(s) for +: 'int' and 'str'", () -> b("sum", list(1L, "a")));
    }

    @Test
    void sortedAndReversed() {
        assertEquals("[1, 2, 3]", repr(b("sorted", tup(3L, 1L, 2L))));
        assertEquals("[3, 2, 1]", repr(bkw("sorted", new Object[] {list(3L, 1L, 2L), true}, "reverse")));
        raises(PyExc.TypeError, "sorted expected 1 argument, got 2", () -> b("sorted", list(), 1L));
        raises(PyExc.TypeError, "sorted expected 1 argument, got 0", () -> b("sorted"));
        raises(PyExc.TypeError, "'foo' is an invalid keyword argument for sort()",
                () -> bkw("sorted", new Object[] {list(), 1L}, "foo"));
        assertEquals("[3, 2, 1]", repr(all(b("reversed", list(1L, 2L, 3L)))));
        assertEquals("[4, 3, 2, 1, 0]", repr(all(b("reversed", Ops.call(PyTypes.RANGE, 5L)))));
        assertEquals("[1]", repr(all(b("reversed", tup(1L)))));
        raises(PyExc.TypeError, "'set' object is not reversible", () -> b("reversed", ContainersTest.set(1L)));
        raises(PyExc.TypeError, "reversed expected 1 argument, got 0", () -> b("reversed"));
        raises(PyExc.TypeError, "reversed() takes no keyword arguments", () -> bkw("reversed", new Object[] {list(), 1L}, "x"));
        Object r = b("reversed", list(10L, 20L));
        assertEquals(20L, b("next", r));
        assertEquals(10L, b("next", r));
        assertEquals("end", b("next", r, "end"));
        raises(PyExc.StopIteration, null, () -> b("next", r));
    }

    @Test
    void iteratorClasses() {
        PyList names = list("ann", "bob", "cy");
        assertEquals("[(0, 'ann'), (1, 'bob'), (2, 'cy')]", repr(all(b("enumerate", names))));
        assertEquals("[(-1, 'ann'), (0, 'bob'), (1, 'cy')]", repr(all(bkw("enumerate", new Object[] {names, -1L}, "start"))));
        assertEquals("[(9223372036854775807, 'ann'), (9223372036854775808, 'bob'), (9223372036854775809, 'cy')]",
                repr(all(b("enumerate", names, Long.MAX_VALUE))));
        raises(PyExc.TypeError, "enumerate() missing required argument 'iterable'", () -> b("enumerate"));
        raises(PyExc.TypeError, "'str' object cannot be interpreted as an integer", () -> b("enumerate", list(), "a"));
        assertEquals("[('ann', 1), ('bob', 2), ('cy', 3)] [] [(1, 'x', True), (2, 'y', False)]",
                repr(all(b("zip", names, list(1L, 2L, 3L, 4L)))) + " " + repr(all(b("zip"))) + " "
                        + repr(all(b("zip", list(1L, 2L), list("x", "y"), tup(true, false)))));
        raises(PyExc.ValueError, "zip() argument 2 is shorter than argument 1",
                () -> all(bkw("zip", new Object[] {list(1L, 2L), list(1L), true}, "strict")));
        raises(PyExc.ValueError, "zip() argument 3 is shorter than arguments 1-2",
                () -> all(bkw("zip", new Object[] {list(1L, 2L), list(1L, 2L), list(1L), true}, "strict")));
        raises(PyExc.ValueError, "zip() argument 2 is longer than argument 1",
                () -> all(bkw("zip", new Object[] {list(1L), list(1L, 2L), true}, "strict")));
        raises(PyExc.ValueError, "zip() argument 3 is longer than arguments 1-2",
                () -> all(bkw("zip", new Object[] {list(1L, 2L), list(1L, 2L), list(1L, 2L, 3L), true}, "strict")));
        assertEquals("[(1, 2)]", repr(all(bkw("zip", new Object[] {list(1L), list(2L), true}, "strict"))));
        raises(PyExc.TypeError, "zip() takes at most 1 keyword argument (2 given)",
                () -> bkw("zip", new Object[] {list(1L), true, 2L}, "strict", "foo"));
        raises(PyExc.TypeError, "'foo' is an invalid keyword argument for zip()", () -> bkw("zip", new Object[] {list(1L), 2L}, "foo"));
        PyBuiltin add3 = fn((a, kw) -> (Long) a[0] + (Long) a[1] + (Long) a[2]);
        assertEquals("[111, 222]", repr(all(b("map", add3, list(1L, 2L), list(10L, 20L), list(100L, 200L, 300L)))));
        raises(PyExc.TypeError, "map() must have at least two arguments.", () -> b("map", add3));
        raises(PyExc.TypeError, "map() takes no keyword arguments", () -> bkw("map", new Object[] {add3, list(), 1L}, "x"));
        assertEquals("[1, 'x', [0]]", repr(all(b("filter", N, list(0L, 1L, "", "x", N, list(), list(0L))))));
        assertEquals("[3, 4]", repr(all(b("filter", fn((a, kw) -> Py.bool((Long) a[0] > 2)), Ops.call(PyTypes.RANGE, 5L)))));
        raises(PyExc.TypeError, "filter expected 2 arguments, got 1", () -> b("filter", N));
        assertEquals("enumerate zip map filter reversed callable_iterator", Ops.typeName(b("enumerate", list())) + " "
                + Ops.typeName(b("zip")) + " " + Ops.typeName(b("map", add3, list())) + " "
                + Ops.typeName(b("filter", N, list())) + " " + Ops.typeName(b("reversed", Ops.call(sequenceClass())))
                + " " + Ops.typeName(b("iter", add3, 1L)));
        assertTrue(((String) Ops.repr(b("zip"))).startsWith("<zip object at 0x"));
        assertEquals(Boolean.TRUE, b("isinstance", b("map", add3, list()), B.getStr("map")));
        Object it = b("zip", list(1L, 2L, 3L), list("a", "b"));
        assertSame(it, Ops.iter(it));
        assertEquals("[(1, 'a'), (2, 'b')] []", repr(all(it)) + " " + repr(all(it)));
    }

    /** A class with only __len__ and __getitem__ (3 items: 0, 10, 20), for the sequence protocol. */
    static PyType sequenceClass() {
        PyDict ns = new PyDict();
        ns.put("__len__", new PyBuiltin("__len__", null, PyBuiltin.Kind.METHOD, (args, kw) -> 3L));
        ns.put("__getitem__", new PyBuiltin("__getitem__", null, PyBuiltin.Kind.METHOD, (args, kw) -> {
            long i = (Long) args[1];
            if (i >= 3) throw Py.indexError("index out of range");
            return i * 10;
        }));
        return new PyType(PyTypes.TYPE, "Seq", new PyType[0], ns);
    }

    @Test
    void sequenceProtocol() {
        Object seq = Ops.call(sequenceClass());
        assertEquals("[20, 10, 0]", repr(all(b("reversed", seq))));
        assertEquals("[0, 10, 20]", repr(all(seq)));
        assertEquals("[20, 10, 0]", repr(bkw("sorted", new Object[] {seq, true}, "reverse")));
        assertEquals(30L, b("sum", seq));
    }

    @Test
    void iteratorSubclass() {
        PyType sub = new PyType(PyTypes.TYPE, "Numbered", new PyType[] {(PyType) B.getStr("enumerate")}, new PyDict());
        Object e = Ops.call(sub, list("x"));
        assertSame(sub, Ops.typeOf(e));
        Ops.setattr(e, "tag", 1L);
        assertEquals(1L, Ops.getattr(e, "tag"));
        assertEquals("[(0, 'x')]", repr(all(e)));
    }

    @Test
    void iterAndNext() {
        long[] calls = {0};
        PyBuiltin ticker = fn((a, kw) -> ++calls[0]);
        assertEquals("[1, 2, 3]", repr(all(b("iter", ticker, 4L))));
        raises(PyExc.TypeError, "iter(v, w): v must be callable", () -> b("iter", 1L, 2L));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> b("iter", 42L));
        raises(PyExc.TypeError, "'list' object is not an iterator", () -> b("next", list(1L, 2L)));
        Object it = b("iter", list(1L, 2L));
        assertEquals(1L, b("next", it));
        assertEquals(2L, b("next", it, N));
        assertEquals(N, b("next", it, N));
        raises(PyExc.StopIteration, null, () -> b("next", it));
        PyBuiltin stops = fn((a, kw) -> {
            throw Py.stopIteration();
        });
        assertEquals(0, all(b("iter", stops, N)).size);
    }

    @Test
    void attributes() {
        PyType cls = new PyType(PyTypes.TYPE, "Config", new PyType[0], new PyDict());
        Object c = Ops.call(cls);
        b("setattr", c, "level", 10L);
        assertEquals(10L, b("getattr", c, "level"));
        assertEquals("dflt", b("getattr", c, "missing", "dflt"));
        assertEquals(Boolean.TRUE, b("hasattr", c, "level"));
        assertEquals(Boolean.FALSE, b("hasattr", c, "nope"));
        b("delattr", c, "level");
        assertEquals(Boolean.FALSE, b("hasattr", c, "level"));
        raises(PyExc.AttributeError, "'Config' object has no attribute 'missing'", () -> b("getattr", c, "missing"));
        raises(PyExc.TypeError, "attribute name must be string, not 'int'", () -> b("getattr", c, 5L));
        raises(PyExc.TypeError, "attribute name must be string, not 'int'", () -> b("hasattr", c, 5L));
        raises(PyExc.TypeError, "getattr expected at least 2 arguments, got 1", () -> b("getattr", c));
        raises(PyExc.TypeError, "setattr expected 3 arguments, got 2", () -> b("setattr", c, "x"));
        raises(PyExc.TypeError, "hasattr expected 2 arguments, got 1", () -> b("hasattr", c));
        PyDict props = new PyDict();
        props.put("boom", new PyProperty(PyTypes.PROPERTY, fn((a, kw) -> {
            throw Py.attributeError("inner missing");
        }), N, N, N));
        props.put("err", new PyProperty(PyTypes.PROPERTY, fn((a, kw) -> {
            throw Py.valueError("other error");
        }), N, N, N));
        PyType prop = new PyType(PyTypes.TYPE, "Prop", new PyType[0], props);
        Object p = Ops.call(prop);
        assertEquals(Boolean.FALSE, b("hasattr", p, "boom"));
        assertEquals("default used", b("getattr", p, "boom", "default used"));
        raises(PyExc.ValueError, "other error", () -> b("hasattr", p, "err"));
        assertEquals(Boolean.TRUE, b("callable", B.getStr("len")));
        assertEquals(Boolean.TRUE, b("callable", cls));
        assertEquals(Boolean.FALSE, b("callable", 5L));
    }

    @Test
    void typeChecks() {
        PyType a = new PyType(PyTypes.TYPE, "A", new PyType[0], new PyDict());
        PyType bcls = new PyType(PyTypes.TYPE, "B", new PyType[] {a}, new PyDict());
        Object inst = Ops.call(bcls);
        assertEquals(Boolean.TRUE, b("isinstance", inst, a));
        assertEquals(Boolean.TRUE, b("isinstance", 5L, tup(PyTypes.STR, PyTypes.INT)));
        assertEquals(Boolean.TRUE, b("isinstance", inst, tup(PyTypes.INT, tup(PyTypes.STR, a))));
        assertEquals(Boolean.FALSE, b("isinstance", 3L, tup()));
        assertEquals(Boolean.TRUE, b("isinstance", true, PyTypes.INT));
        assertEquals(Boolean.TRUE, b("issubclass", PyTypes.BOOL, PyTypes.INT));
        assertEquals(Boolean.TRUE, b("issubclass", bcls, tup(PyTypes.INT, a)));
        assertEquals(Boolean.FALSE, b("issubclass", a, bcls));
        raises(PyExc.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union", () -> b("isinstance", 5L, 5L));
        raises(PyExc.TypeError, "issubclass() arg 1 must be a class", () -> b("issubclass", 5L, PyTypes.INT));
        raises(PyExc.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                () -> b("issubclass", PyTypes.INT, 5L));
        raises(PyExc.TypeError, "isinstance expected 2 arguments, got 1", () -> b("isinstance", 1L));

        PyDict metaNs = new PyDict();
        metaNs.put("__instancecheck__", new PyBuiltin("__instancecheck__", null, PyBuiltin.Kind.METHOD,
                (args, kw) -> Py.bool(args[1] instanceof Long l && l > 100)));
        metaNs.put("__subclasscheck__", new PyBuiltin("__subclasscheck__", null, PyBuiltin.Kind.METHOD,
                (args, kw) -> Py.bool(args[1] == PyTypes.FLOAT)));
        PyType meta = new PyType(PyTypes.TYPE, "Meta", new PyType[] {PyTypes.TYPE}, metaNs);
        PyType big = new PyType(meta, "Big", new PyType[0], new PyDict());
        assertEquals(Boolean.TRUE, b("isinstance", 500L, big));
        assertEquals(Boolean.FALSE, b("isinstance", 5L, big));
        assertEquals(Boolean.TRUE, b("issubclass", PyTypes.FLOAT, big));
        assertEquals(Boolean.FALSE, b("issubclass", PyTypes.INT, tup(big)));
    }

    @Test
    void hashAndId() {
        assertEquals(Ops.hash(tup(1L, 2L)), b("hash", tup(1L, 2L)));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> b("hash", list()));
        PyList p = list(1L);
        PyList q = list(1L);
        assertEquals(b("id", p), b("id", p));
        assertNotEquals(b("id", p), b("id", q));
        String address = Py.addressOf(p);
        assertEquals(address, String.format("0x%012x", (Long) b("id", p)));
    }

    @Test
    void roundPowDivmodFormat() {
        assertEquals(7L, b("round", 7L));
        raises(PyExc.TypeError, "type str doesn't define __round__ method", () -> b("round", "a"));
        raises(PyExc.TypeError, "round() missing required argument 'number' (pos 1)", () -> b("round"));
        raises(PyExc.TypeError, "round() takes at most 2 arguments (3 given)", () -> b("round", 1L, 2L, 3L));
        raises(PyExc.TypeError, "pow() missing required argument 'exp' (pos 2)", () -> b("pow", 1L));
        raises(PyExc.TypeError, "unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'", () -> b("pow", "a", 2L, 3L));
        raises(PyExc.TypeError, "unsupported operand type(s) for divmod(): 'str' and 'int'", () -> b("divmod", "a", 1L));
        raises(PyExc.TypeError, "divmod expected 2 arguments, got 1", () -> b("divmod", 1L));
        assertEquals("(3, 1) (-4, 1) (-4, -1) (3, -1)", repr(b("divmod", 7L, 2L)) + " " + repr(b("divmod", -7L, 2L)) + " "
                + repr(b("divmod", 7L, -2L)) + " " + repr(b("divmod", -7L, -2L)));
        assertEquals("[1, 2]", b("format", list(1L, 2L)));
        raises(PyExc.TypeError, "format() argument 2 must be str, not int", () -> b("format", 1L, 2L));
        raises(PyExc.TypeError, "format expected at most 2 arguments, got 3", () -> b("format", 1L, "", 3L));
        PyDict ns = new PyDict();
        ns.put("__format__", new PyBuiltin("__format__", null, PyBuiltin.Kind.METHOD, (args, kw) -> 5L));
        PyType bad = new PyType(PyTypes.TYPE, "Bad", new PyType[0], ns);
        raises(PyExc.TypeError, "__format__ must return a str, not int", () -> b("format", Ops.call(bad), ""));
        assertEquals("'a'", b("repr", "a"));
    }
}
