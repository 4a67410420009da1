package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;

/**
 * The builtin functions that are not tied to the interpreter's state (len, min, sorted, zip,
 * isinstance, ...), and the builtin iterator classes (enumerate, zip, map, filter, reversed,
 * range). The builtins module also holds the types, exceptions and the interpreter-level
 * functions (print, exec, __import__, ...), installed elsewhere.
 */
public final class BuiltinFunctions {
    private BuiltinFunctions() {}

    /** One-character strings for code points below 256, shared by chr(). */
    private static final String[] LATIN1 = new String[256];

    static {
        for (int i = 0; i < LATIN1.length; i++) LATIN1[i] = String.valueOf((char) i);
    }

    /** Puts the builtin functions and iterator classes into the builtins namespace. */
    public static void install(PyDict builtins) {
        builtins.put("range", PyTypes.RANGE);
        builtins.put("slice", PyTypes.SLICE);
        builtins.put("enumerate", BuiltinIterators.ENUMERATE);
        builtins.put("zip", BuiltinIterators.ZIP);
        builtins.put("map", BuiltinIterators.MAP);
        builtins.put("filter", BuiltinIterators.FILTER);
        builtins.put("reversed", BuiltinIterators.REVERSED);

        define(builtins, "len", (args, kw) -> {
            Args.check("len", args, kw, 0, 1, 1);
            return Ops.len(args[0]);
        });
        define(builtins, "abs", (args, kw) -> {
            Args.check("abs", args, kw, 0, 1, 1);
            return abs(args[0]);
        });
        define(builtins, "all", (args, kw) -> {
            Args.check("all", args, kw, 0, 1, 1);
            Object it = Ops.iter(args[0]);
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
                if (!Ops.isTrue(x)) return Boolean.FALSE;
            }
            return Boolean.TRUE;
        });
        define(builtins, "any", (args, kw) -> {
            Args.check("any", args, kw, 0, 1, 1);
            Object it = Ops.iter(args[0]);
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
                if (Ops.isTrue(x)) return Boolean.TRUE;
            }
            return Boolean.FALSE;
        });
        define(builtins, "ascii", (args, kw) -> {
            Args.check("ascii", args, kw, 0, 1, 1);
            return Ops.ascii(args[0]);
        });
        define(builtins, "repr", (args, kw) -> {
            Args.check("repr", args, kw, 0, 1, 1);
            return Ops.repr(args[0]);
        });
        define(builtins, "bin", (args, kw) -> {
            Args.check("bin", args, kw, 0, 1, 1);
            return intToString(Ops.index(args[0]), 2, "0b");
        });
        define(builtins, "oct", (args, kw) -> {
            Args.check("oct", args, kw, 0, 1, 1);
            return intToString(Ops.index(args[0]), 8, "0o");
        });
        define(builtins, "hex", (args, kw) -> {
            Args.check("hex", args, kw, 0, 1, 1);
            return intToString(Ops.index(args[0]), 16, "0x");
        });
        define(builtins, "callable", (args, kw) -> {
            Args.check("callable", args, kw, 0, 1, 1);
            return Py.bool(Ops.isCallable(args[0]));
        });
        define(builtins, "chr", (args, kw) -> {
            Args.check("chr", args, kw, 0, 1, 1);
            return chr(args[0]);
        });
        define(builtins, "ord", (args, kw) -> {
            Args.check("ord", args, kw, 0, 1, 1);
            return ord(args[0]);
        });
        define(builtins, "divmod", (args, kw) -> {
            Args.check("divmod", args, kw, 0, 2, 2);
            return divmod(args[0], args[1]);
        });
        define(builtins, "pow", (args, kw) -> {
            int n = Args.positional(args, kw);
            if (n + Args.kwCount(kw) > 3) {
                throw Py.typeError("pow() takes at most 3 arguments (" + (n + Args.kwCount(kw)) + " given)");
            }
            Object[] a = Args.parse("pow", args, kw, new String[] {"base", "exp", "mod"}, 2);
            return pow(a[0], a[1], a[2] == null ? Py.None : a[2]);
        });
        define(builtins, "round", (args, kw) -> {
            int n = Args.positional(args, kw);
            if (n + Args.kwCount(kw) > 2) {
                throw Py.typeError("round() takes at most 2 arguments (" + (n + Args.kwCount(kw)) + " given)");
            }
            Object[] a = Args.parse("round", args, kw, new String[] {"number", "ndigits"}, 1);
            return round(a[0], a[1] == null ? Py.None : a[1]);
        });
        define(builtins, "hash", (args, kw) -> {
            Args.check("hash", args, kw, 0, 1, 1);
            return Ops.hash(args[0]);
        });
        define(builtins, "id", (args, kw) -> {
            Args.check("id", args, kw, 0, 1, 1);
            return ObjectIds.id(args[0]);
        });
        define(builtins, "getattr", (args, kw) -> {
            Args.check("getattr", args, kw, 0, 2, 3);
            String name = attributeName(args[1]);
            if (args.length == 2) return Ops.getattr(args[0], name);
            try {
                Object v = Ops.getattrOrNull(args[0], name);
                return v != null ? v : args[2];
            } catch (PyException e) {
                if (e.matches(PyExc.AttributeError)) return args[2];
                throw e;
            }
        });
        define(builtins, "hasattr", (args, kw) -> {
            Args.check("hasattr", args, kw, 0, 2, 2);
            String name = attributeName(args[1]);
            try {
                return Py.bool(Ops.getattrOrNull(args[0], name) != null);
            } catch (PyException e) {
                if (e.matches(PyExc.AttributeError)) return Boolean.FALSE;
                throw e;
            }
        });
        define(builtins, "setattr", (args, kw) -> {
            Args.check("setattr", args, kw, 0, 3, 3);
            Ops.setattr(args[0], attributeName(args[1]), args[2]);
            return Py.None;
        });
        define(builtins, "delattr", (args, kw) -> {
            Args.check("delattr", args, kw, 0, 2, 2);
            Ops.delattr(args[0], attributeName(args[1]));
            return Py.None;
        });
        define(builtins, "isinstance", (args, kw) -> {
            Args.check("isinstance", args, kw, 0, 2, 2);
            return Py.bool(isInstance(args[0], args[1]));
        });
        define(builtins, "issubclass", (args, kw) -> {
            Args.check("issubclass", args, kw, 0, 2, 2);
            return Py.bool(isSubclass(args[0], args[1]));
        });
        define(builtins, "iter", (args, kw) -> {
            Args.check("iter", args, kw, 0, 1, 2);
            if (args.length == 1) return Ops.iter(args[0]);
            if (!Ops.isCallable(args[0])) throw Py.typeError("iter(v, w): v must be callable");
            return new BuiltinIterators.CallableIterator(args[0], args[1]);
        });
        define(builtins, "next", (args, kw) -> {
            Args.check("next", args, kw, 0, 1, 2);
            return next(args[0], args.length > 1 ? args[1] : null);
        });
        define(builtins, "max", (args, kw) -> minMax(args, kw, CompareOp.GT, "max"));
        define(builtins, "min", (args, kw) -> minMax(args, kw, CompareOp.LT, "min"));
        define(builtins, "sorted", (args, kw) -> {
            int n = Args.positional(args, kw);
            if (n != 1) throw Py.typeError("sorted expected 1 argument, got " + n);
            Object[] opts = ListMethods.parseSortKeywords(args, kw, 1);
            PyList list = ListMethods.fromIterable(args[0]);
            ListMethods.sort(list, opts[0], opts[1]);
            return list;
        });
        define(builtins, "sum", BuiltinFunctions::sum);
        define(builtins, "format", (args, kw) -> {
            Args.check("format", args, kw, 0, 1, 2);
            Object spec = args.length > 1 ? args[1] : "";
            if (!(spec instanceof String) && !(spec instanceof PyBoxed b && b.value instanceof String)) {
                throw Py.typeError("format() argument 2 must be str, not " + Ops.typeName(spec));
            }
            return format(args[0], spec);
        });
    }

    private static void define(PyDict builtins, String name, PyBuiltin.Impl impl) {
        PyBuiltin f = PyBuiltin.function(name, impl);
        f.module = "builtins";
        builtins.put(name, f);
    }

    // ------------------------------------------------------------------ numbers

    static Object abs(Object x) {
        if (x instanceof Long l) {
            if (l >= 0) return l;
            return l == Long.MIN_VALUE ? (Object) BigInteger.valueOf(l).negate() : (Object) (-l);
        }
        if (x instanceof Double d) return Math.abs(d);
        if (x instanceof Boolean b) return b ? 1L : 0L;
        Object r = Ops.callSpecial(x, "__abs__");
        if (r == null) throw Py.typeError("bad operand type for abs(): '" + Ops.typeName(x) + "'");
        return r;
    }

    /** divmod(a, b) through __divmod__ / __rdivmod__, the reflected one first for a subclass operand. */
    static Object divmod(Object a, Object b) {
        PyType ta = Ops.typeOf(a);
        PyType tb = Ops.typeOf(b);
        boolean reflectedFirst = ta != tb && tb.isSubtypeOf(ta) && tb.lookup("__rdivmod__") != null
                && tb.lookup("__rdivmod__") != ta.lookup("__rdivmod__");
        if (reflectedFirst) {
            Object r = Ops.callSpecial(b, "__rdivmod__", a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        Object r = Ops.callSpecial(a, "__divmod__", b);
        if (r != null && r != Py.NotImplemented) return r;
        if (ta != tb && !reflectedFirst) {
            r = Ops.callSpecial(b, "__rdivmod__", a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        throw Py.typeError("unsupported operand type(s) for divmod(): '" + ta.getName() + "' and '" + tb.getName() + "'");
    }

    /** pow(base, exp[, mod]): the ** operator, or the three-argument __pow__ of base. */
    static Object pow(Object base, Object exp, Object mod) {
        if (mod == Py.None) return Ops.binaryOp(base, exp, BinaryOp.POWER);
        Object r = Ops.callSpecial(base, "__pow__", exp, mod);
        if (r != null && r != Py.NotImplemented) return r;
        throw Py.typeError("unsupported operand type(s) for ** or pow(): '" + Ops.typeName(base) + "', '"
                + Ops.typeName(exp) + "', '" + Ops.typeName(mod) + "'");
    }

    static Object round(Object number, Object ndigits) {
        if (number instanceof Long && ndigits == Py.None) return number;
        if (Ops.typeOf(number).lookup("__round__") == null) {
            throw Py.typeError("type " + Ops.typeName(number) + " doesn't define __round__ method");
        }
        return ndigits == Py.None ? Ops.callSpecial(number, "__round__") : Ops.callSpecial(number, "__round__", ndigits);
    }

    /** An int in base 2, 8 or 16 with its prefix: bin(), oct(), hex(). */
    static String intToString(Object value, int radix, String prefix) {
        if (value instanceof Long l && l != Long.MIN_VALUE) {
            long v = Math.abs(l);
            String digits = switch (radix) {
                case 2 -> Long.toBinaryString(v);
                case 8 -> Long.toOctalString(v);
                default -> Long.toHexString(v);
            };
            return l < 0 ? "-" + prefix + digits : prefix + digits;
        }
        BigInteger b = value instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) value;
        String digits = b.abs().toString(radix);
        return b.signum() < 0 ? "-" + prefix + digits : prefix + digits;
    }

    // ------------------------------------------------------------------ characters

    static String chr(Object o) {
        Object i = Ops.index(o);
        if (!(i instanceof Long l) || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
            throw Py.overflowError("Python int too large to convert to C int");
        }
        long cp = l;
        if (cp < 0 || cp > 0x10FFFF) throw Py.valueError("chr() arg not in range(0x110000)");
        if (cp < LATIN1.length) return LATIN1[(int) cp];
        return Character.toString((int) cp);
    }

    static long ord(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof String s) {
            int n = s.length();
            if (n == 1) return s.charAt(0);
            if (n == 2 && Character.isSurrogatePair(s.charAt(0), s.charAt(1))) return s.codePointAt(0);
            throw Py.typeError("ord() expected a character, but string of length " + StrMethods.length(s) + " found");
        }
        if (v instanceof PyBytes b) {
            if (b.bytes.length == 1) return b.bytes[0] & 0xFF;
            throw Py.typeError("ord() expected a character, but string of length " + b.bytes.length + " found");
        }
        if (v instanceof PyByteArray b) {
            if (b.size == 1) return b.bytes[0] & 0xFF;
            throw Py.typeError("ord() expected a character, but string of length " + b.size + " found");
        }
        throw Py.typeError("ord() expected string of length 1, but " + Ops.typeName(o) + " found");
    }

    // ------------------------------------------------------------------ attributes and types

    private static String attributeName(Object name) {
        if (name instanceof String s) return s;
        if (name instanceof PyBoxed b && b.value instanceof String s) return s;
        throw Py.typeError("attribute name must be string, not '" + Ops.typeName(name) + "'");
    }

    /** isinstance(obj, cls): classes, (nested) tuples of classes, and __instancecheck__ of metaclasses. */
    public static boolean isInstance(Object obj, Object cls) {
        PyType objType = Ops.typeOf(obj);
        if (objType == cls) return true;
        if (cls instanceof PyType t && t.getType() == PyTypes.TYPE) return objType.isSubtypeOf(t);
        if (cls instanceof PyTuple tuple) {
            for (Object c : tuple.items) {
                if (isInstance(obj, c)) return true;
            }
            return false;
        }
        Object check = Ops.typeOf(cls).lookup("__instancecheck__");
        if (check != null) return Ops.isTrue(Ops.callSpecial(cls, "__instancecheck__", obj));
        throw Py.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    /** issubclass(sub, cls): as isInstance, with __subclasscheck__. */
    public static boolean isSubclass(Object sub, Object cls) {
        if (cls instanceof PyType t && t.getType() == PyTypes.TYPE) {
            if (sub instanceof PyType s) return s.isSubtypeOf(t);
            throw Py.typeError("issubclass() arg 1 must be a class");
        }
        if (cls instanceof PyTuple tuple) {
            for (Object c : tuple.items) {
                if (isSubclass(sub, c)) return true;
            }
            return false;
        }
        Object check = Ops.typeOf(cls).lookup("__subclasscheck__");
        if (check != null) return Ops.isTrue(Ops.callSpecial(cls, "__subclasscheck__", sub));
        throw Py.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    // ------------------------------------------------------------------ iteration

    /** next(it[, default]): without a default, StopIteration (with its value) propagates from __next__. */
    static Object next(Object it, Object dflt) {
        PyType t = Ops.typeOf(it);
        if (t.lookup("__next__") == null) throw Py.typeError("'" + t.getName() + "' object is not an iterator");
        if (dflt == null) {
            // Built-in iterators carry no StopIteration value, generators do: theirs must propagate.
            if (it instanceof PyIterator p && t.builtin && t != PyTypes.GENERATOR) {
                Object v = p.next();
                if (v == null) throw Py.stopIteration();
                return v;
            }
            return Ops.callSpecial(it, "__next__");
        }
        Object v = Ops.next(it);
        return v != null ? v : dflt;
    }

    /** max() and min(): one iterable or several arguments, key= and default=. */
    private static Object minMax(Object[] args, String[] kwnames, CompareOp op, String name) {
        int kw = Args.kwCount(kwnames);
        int npos = args.length - kw;
        Object key = null;
        Object dflt = null;
        for (int i = 0; i < kw; i++) {
            switch (kwnames[i]) {
                case "key" -> key = args[npos + i];
                case "default" -> dflt = args[npos + i];
                default -> throw Py.typeError("'" + kwnames[i] + "' is an invalid keyword argument for " + name + "()");
            }
        }
        if (npos == 0) throw Py.typeError(name + " expected at least 1 argument, got 0");
        if (npos > 1 && dflt != null) {
            throw Py.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
        }
        if (key == Py.None) key = null;
        Object it;
        if (npos == 1) {
            it = Ops.iter(args[0]);
        } else {
            Object[] items = new Object[npos];
            System.arraycopy(args, 0, items, 0, npos);
            it = new PyTuple(items);
            it = Ops.iter(it);
        }
        Object best = null;
        Object bestKey = null;
        for (Object item = Ops.next(it); item != null; item = Ops.next(it)) {
            Object k = key == null ? item : Ops.call(key, item);
            if (best == null) {
                best = item;
                bestKey = k;
                continue;
            }
            boolean better;
            if (k instanceof Long a && bestKey instanceof Long b) better = op == CompareOp.GT ? a > b : a < b;
            else better = Ops.isTrue(Ops.compare(k, bestKey, op));
            if (better) {
                best = item;
                bestKey = k;
            }
        }
        if (best != null) return best;
        if (dflt != null) return dflt;
        throw Py.valueError(name + "() arg is an empty sequence");
    }

    /**
     * sum(iterable, /, start=0) as CPython 3.11: a long accumulator while items are ints, a
     * double one (plain left-to-right addition) while they are floats or ints, then generic +.
     */
    private static Object sum(Object[] args, String[] kwnames) {
        int kw = Args.kwCount(kwnames);
        int npos = args.length - kw;
        if (npos == 0) throw Py.typeError("sum() takes at least 1 positional argument (0 given)");
        if (args.length > 2) throw Py.typeError("sum() takes at most 2 arguments (" + args.length + " given)");
        Object result = 0L;
        if (npos == 2) result = args[1];
        if (kw == 1) {
            if (!kwnames[0].equals("start")) {
                throw Py.typeError("'" + kwnames[0] + "' is an invalid keyword argument for sum()");
            }
            result = args[1];
        }
        Object start = Ops.unbox(result);
        if (start instanceof String) throw Py.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        if (start instanceof PyBytes) throw Py.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
        if (start instanceof PyByteArray) throw Py.typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
        Object it = Ops.iter(args[0]);

        if (result instanceof Long initial) {
            long acc = initial;
            while (true) {
                Object item = Ops.next(it);
                if (item == null) return acc;
                long b;
                if (item instanceof Long l) b = l;
                else if (item instanceof Boolean bool) b = bool ? 1 : 0;
                else {
                    result = Ops.binaryOp(acc, item, BinaryOp.ADD);
                    break;
                }
                long s = acc + b;
                if (((acc ^ s) & (b ^ s)) < 0) {
                    result = Ops.binaryOp(acc, item, BinaryOp.ADD);
                    break;
                }
                acc = s;
            }
        }
        if (result instanceof Double initial) {
            double acc = initial;
            while (true) {
                Object item = Ops.next(it);
                if (item == null) return acc;
                if (item instanceof Double d) acc += d;
                else if (item instanceof Long l) acc += (double) l;
                else if (item instanceof Boolean bool) acc += bool ? 1.0 : 0.0;
                else {
                    result = Ops.binaryOp(acc, item, BinaryOp.ADD);
                    break;
                }
            }
        }
        for (Object item = Ops.next(it); item != null; item = Ops.next(it)) {
            result = Ops.binaryOp(result, item, BinaryOp.ADD);
        }
        return result;
    }

    // ------------------------------------------------------------------ format

    /** format(value, spec): value.__format__(spec), which must return a str. */
    static Object format(Object value, Object spec) {
        Object r = Ops.callSpecial(value, "__format__", spec);
        if (r == null) throw Py.typeError("Type " + Ops.typeName(value) + " doesn't define __format__");
        if (r instanceof String || r instanceof PyBoxed b && b.value instanceof String) return r;
        throw Py.typeError("__format__ must return a str, not " + Ops.typeName(r));
    }
}
