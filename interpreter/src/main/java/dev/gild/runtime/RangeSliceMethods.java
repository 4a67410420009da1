package dev.gild.runtime;

import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;

/** The methods of range (and its iterators) and of slice. */
final class RangeSliceMethods {
    private RangeSliceMethods() {}

    /* Types are created by install(), run from PyTypes' static initialiser, so that whichever class
       is touched first, no type is read before it exists. */
    static PyType RANGE_ITERATOR;
    static PyType LONG_RANGE_ITERATOR;

    static void install() {
        RANGE_ITERATOR = PyTypes.newBuiltin("range_iterator", null, false, null);
        LONG_RANGE_ITERATOR = PyTypes.newBuiltin("longrange_iterator", null, false, null);
        PyIterator.installMethods(RANGE_ITERATOR);
        PyIterator.installMethods(LONG_RANGE_ITERATOR);
        installRange(PyTypes.RANGE);
        installSlice(PyTypes.SLICE);
        // The builtins' iterator classes (enumerate, zip, ...) are created with the other sequence types.
        BuiltinIterators.install();
    }

    // ------------------------------------------------------------------ range

    private static PyRange range(Object[] args) {
        if (args[0] instanceof PyRange r) return r;
        throw Py.typeError("descriptor requires a 'range' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    /** range(stop) / range(start, stop[, step]) with the arguments after args[skip]. */
    static PyRange newRange(Object[] args, String[] kwnames, int skip) {
        Args.noKeywords("range", kwnames);
        int n = args.length - skip;
        if (n < 1) throw Py.typeError("range expected at least 1 argument, got " + n);
        if (n > 3) throw Py.typeError("range expected at most 3 arguments, got " + n);
        if (n == 1) return new PyRange(0L, intOf(args[skip]), 1L);
        return new PyRange(intOf(args[skip]), intOf(args[skip + 1]), n == 3 ? intOf(args[skip + 2]) : (Object) 1L);
    }

    private static Object intOf(Object o) {
        return o instanceof Long ? o : Ops.index(o);
    }

    /** Whether x takes range's O(1) membership test: exactly an int or a bool. */
    private static boolean isExactInt(Object x) {
        return x instanceof Long || x instanceof BigInteger || x instanceof Boolean;
    }

    private static Object asInt(Object x) {
        return x instanceof Boolean b ? (Object) (b ? 1L : 0L) : x;
    }

    private static void installRange(PyType t) {
        t.defineStatic("__new__", (args, kw) -> newRange(args, kw, 1));
        t.defineGetter("start", o -> ((PyRange) o).start);
        t.defineGetter("stop", o -> ((PyRange) o).stop);
        t.defineGetter("step", o -> ((PyRange) o).step);
        t.define("__len__", (args, kw) -> range(args).size());
        t.define("__bool__", (args, kw) -> Py.bool(!range(args).isEmpty()));
        t.define("__iter__", (args, kw) -> range(args).iterator());
        t.define("__reversed__", (args, kw) -> range(args).reverseIterator());
        t.define("__getitem__", (args, kw) -> {
            Args.check("range.__getitem__", args, kw, 1, 1, 1);
            return getItem(range(args), args[1]);
        });
        t.define("__contains__", (args, kw) -> {
            Args.check("range.__contains__", args, kw, 1, 1, 1);
            return Py.bool(contains(range(args), args[1]));
        });
        t.define("count", (args, kw) -> {
            Args.check("range.count", args, kw, 1, 1, 1);
            PyRange r = range(args);
            Object x = args[1];
            if (isExactInt(x)) return r.containsInt(asInt(x)) ? 1L : 0L;
            long count = 0;
            PyIterator it = r.iterator();
            for (Object v = it.next(); v != null; v = it.next()) if (Ops.eq(v, x)) count++;
            return count;
        });
        t.define("index", (args, kw) -> {
            Args.check("range.index", args, kw, 1, 1, 1);
            PyRange r = range(args);
            Object x = args[1];
            if (isExactInt(x)) {
                Object v = asInt(x);
                if (!r.containsInt(v)) throw Py.valueError(Ops.repr(x) + " is not in range");
                return r.positionOf(v);
            }
            long position = 0;
            PyIterator it = r.iterator();
            for (Object v = it.next(); v != null; v = it.next(), position++) if (Ops.eq(v, x)) return position;
            throw Py.valueError("sequence.index(x): x not in sequence");
        });
        t.define("__repr__", (args, kw) -> {
            PyRange r = range(args);
            String bounds = Ops.repr(r.start) + ", " + Ops.repr(r.stop);
            return r.step instanceof Long s && s == 1 ? "range(" + bounds + ")" : "range(" + bounds + ", " + Ops.repr(r.step) + ")";
        });
        t.define("__hash__", (args, kw) -> {
            PyRange r = range(args);
            Object len = r.length;
            PyTuple key;
            if (r.isEmpty()) key = PyTuple.of(len, Py.None, Py.None);
            else if (len instanceof Long l && l == 1) key = PyTuple.of(len, r.start, Py.None);
            else key = PyTuple.of(len, r.start, r.step);
            return TupleMethods.hash(key);
        });
        t.define("__eq__", (args, kw) -> {
            if (!(args[1] instanceof PyRange other)) return Py.NotImplemented;
            return Py.bool(rangeEquals(range(args), other));
        });
        t.define("__ne__", (args, kw) -> {
            if (!(args[1] instanceof PyRange other)) return Py.NotImplemented;
            return Py.bool(!rangeEquals(range(args), other));
        });
    }

    static boolean contains(PyRange r, Object x) {
        if (isExactInt(x)) return r.containsInt(asInt(x));
        PyIterator it = r.iterator();
        for (Object v = it.next(); v != null; v = it.next()) if (Ops.eq(v, x)) return true;
        return false;
    }

    /** Equal ranges are the same sequence: same length and, as far as it matters, start and step. */
    static boolean rangeEquals(PyRange a, PyRange b) {
        if (a == b) return true;
        if (!Ops.eq(a.length, b.length)) return false;
        if (a.isEmpty()) return true;
        if (!Ops.eq(a.start, b.start)) return false;
        if (a.length instanceof Long l && l == 1) return true;
        return Ops.eq(a.step, b.step);
    }

    static Object getItem(PyRange r, Object index) {
        if (index instanceof PySlice s) return slice(r, s);
        if (index instanceof Long i && r.small) {
            long k = i < 0 ? i + r.llength : i;
            if (k < 0 || k >= r.llength) throw Py.indexError("range object index out of range");
            return r.lstart + k * r.lstep;
        }
        if (!isExactInt(index) && Ops.typeOf(index).lookup("__index__") == null) {
            throw Py.typeError("range indices must be integers or slices, not " + Ops.typeName(index));
        }
        BigInteger k = PyRange.big(Ops.index(index));
        BigInteger length = PyRange.big(r.length);
        if (k.signum() < 0) k = k.add(length);
        if (k.signum() < 0 || k.compareTo(length) >= 0) throw Py.indexError("range object index out of range");
        return r.itemAt(Py.newInt(k));
    }

    /** compute_slice: the sub-range selected by a slice, as a range. */
    private static PyRange slice(PyRange r, PySlice s) {
        PyTuple bounds = PySlice.indicesBig(s, PyRange.big(r.length));
        BigInteger start = PyRange.big(r.start);
        BigInteger step = PyRange.big(r.step);
        BigInteger sliceStart = PyRange.big(bounds.items[0]);
        BigInteger sliceStop = PyRange.big(bounds.items[1]);
        BigInteger sliceStep = PyRange.big(bounds.items[2]);
        return new PyRange(Py.newInt(start.add(sliceStart.multiply(step))),
                Py.newInt(start.add(sliceStop.multiply(step))),
                Py.newInt(step.multiply(sliceStep)));
    }

    // ------------------------------------------------------------------ slice

    private static PySlice slice(Object[] args) {
        if (args[0] instanceof PySlice s) return s;
        throw Py.typeError("descriptor requires a 'slice' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    private static void installSlice(PyType t) {
        t.defineStatic("__new__", (args, kw) -> {
            Args.noKeywords("slice", kw);
            int n = args.length - 1;
            if (n < 1) throw Py.typeError("slice expected at least 1 argument, got " + n);
            if (n > 3) throw Py.typeError("slice expected at most 3 arguments, got " + n);
            if (n == 1) return new PySlice(Py.None, args[1], Py.None);
            return new PySlice(args[1], args[2], n == 3 ? args[3] : Py.None);
        });
        t.defineGetter("start", o -> ((PySlice) o).start);
        t.defineGetter("stop", o -> ((PySlice) o).stop);
        t.defineGetter("step", o -> ((PySlice) o).step);
        t.define("indices", (args, kw) -> {
            Args.check("slice.indices", args, kw, 1, 1, 1);
            return PySlice.indicesBig(slice(args), PyRange.big(Ops.index(args[1])));
        });
        t.define("__repr__", (args, kw) -> {
            PySlice s = slice(args);
            return "slice(" + Ops.repr(s.start) + ", " + Ops.repr(s.stop) + ", " + Ops.repr(s.step) + ")";
        });
        t.namespace().put("__hash__", Py.None);
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> {
                if (!(args[1] instanceof PySlice other)) return Py.NotImplemented;
                PySlice self = slice(args);
                return TupleMethods.compare(new Object[] {self.start, self.stop, self.step},
                        new Object[] {other.start, other.stop, other.step}, op);
            });
        }
    }
}
