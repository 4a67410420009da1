package dev.gild.runtime;

import dev.gild.bytecode.CompareOp;

import java.util.Arrays;

/** The methods of tuple and its iterator (tuple_iterator). */
public final class TupleMethods {
    private TupleMethods() {}

    /* Types are created by install(), run from PyTypes' static initialiser, so that whichever class
       is touched first, no type is read before it exists. */
    static PyType TUPLE_ITERATOR;

    static void install() {
        TUPLE_ITERATOR = PyTypes.newBuiltin("tuple_iterator", null, false, null);
        PyIterator.installMethods(TUPLE_ITERATOR);
        PyType t = PyTypes.TUPLE;

        t.defineStatic("__new__", (args, kw) -> {
            if (args.length == 0 || !(args[0] instanceof PyType cls)) {
                throw Py.typeError("tuple.__new__(X): X is not a type object");
            }
            if (cls == PyTypes.TUPLE) Args.noKeywords("tuple", kw);
            int n = args.length - Args.kwCount(kw) - 1;
            if (n > 1) throw Py.typeError("tuple expected at most 1 argument, got " + n);
            if (n == 0) return cls == PyTypes.TUPLE ? PyTuple.EMPTY : new PyTuple(cls, new Object[0]);
            Object iterable = args[1];
            if (cls == PyTypes.TUPLE) {
                if (iterable instanceof PyTuple src && src.getType() == PyTypes.TUPLE) return src;
                return fromIterable(iterable);
            }
            return new PyTuple(cls, Ops.toArray(iterable));
        });
        t.define("__len__", (args, kw) -> (long) self(args).items.length);
        t.define("__getitem__", (args, kw) -> {
            Args.check("tuple.__getitem__", args, kw, 1, 1, 1);
            return getItem(self(args), args[1]);
        });
        t.define("__contains__", (args, kw) -> {
            Args.check("tuple.__contains__", args, kw, 1, 1, 1);
            for (Object x : self(args).items) {
                if (x == args[1] || Ops.eq(x, args[1])) return Boolean.TRUE;
            }
            return Boolean.FALSE;
        });
        t.define("__iter__", (args, kw) -> new TupleIterator(self(args)));
        t.define("__repr__", (args, kw) -> repr(self(args)));
        t.define("__hash__", (args, kw) -> hash(self(args)));
        t.define("count", (args, kw) -> {
            Args.check("tuple.count", args, kw, 1, 1, 1);
            long count = 0;
            for (Object x : self(args).items) {
                if (x == args[1] || Ops.eq(x, args[1])) count++;
            }
            return count;
        });
        t.define("index", (args, kw) -> {
            Args.check("index", args, kw, 1, 1, 3);
            Object[] items = self(args).items;
            long start = args.length > 2 ? ListMethods.boundIndex(args[2], items.length) : 0;
            long stop = args.length > 3 ? ListMethods.boundIndex(args[3], items.length) : Long.MAX_VALUE;
            for (long i = start; i < stop && i < items.length; i++) {
                Object x = items[(int) i];
                if (x == args[1] || Ops.eq(x, args[1])) return i;
            }
            throw Py.valueError("tuple.index(x): x not in tuple");
        });
        t.define("__add__", (args, kw) -> {
            if (!(args[1] instanceof PyTuple other)) return Py.NotImplemented;
            PyTuple self = self(args);
            if (other.items.length == 0 && self.getType() == PyTypes.TUPLE) return self;
            if (self.items.length == 0 && other.getType() == PyTypes.TUPLE) return other;
            long n = (long) self.items.length + other.items.length;
            if (n > ListMethods.MAX_ARRAY) throw Py.memoryError();
            Object[] items = Arrays.copyOf(self.items, (int) n);
            System.arraycopy(other.items, 0, items, self.items.length, other.items.length);
            return new PyTuple(items);
        });
        PyBuiltin.Impl multiply = (args, kw) -> {
            long n = ListMethods.repeatCount(args[1]);
            if (n == ListMethods.NOT_A_COUNT) return Py.NotImplemented;
            PyTuple self = self(args);
            if (n == 1 && self.getType() == PyTypes.TUPLE) return self;
            Object[] items = ListMethods.repeat(self.items, self.items.length, n);
            return items.length == 0 ? PyTuple.EMPTY : new PyTuple(items);
        };
        t.define("__mul__", multiply);
        t.define("__rmul__", multiply);
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> {
                if (!(args[1] instanceof PyTuple other)) return Py.NotImplemented;
                return compare(self(args).items, other.items, op);
            });
        }
    }

    private static PyTuple self(Object[] args) {
        if (args[0] instanceof PyTuple t) return t;
        throw Py.typeError("descriptor requires a 'tuple' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    /** A tuple (exact type) of the items of an iterable. */
    public static PyTuple fromIterable(Object iterable) {
        if (iterable instanceof PyTuple t && t.getType() == PyTypes.TUPLE) return t;
        Object[] items = Ops.toArray(iterable);
        return items.length == 0 ? PyTuple.EMPTY : new PyTuple(items);
    }

    static Object getItem(PyTuple t, Object index) {
        Object[] items = t.items;
        if (index instanceof PySlice s) {
            long[] r = PySlice.indices(s, items.length);
            int start = (int) r[0];
            int step = (int) r[2];
            int count = (int) r[3];
            if (count == items.length && step == 1 && t.getType() == PyTypes.TUPLE) return t;
            if (count == 0) return PyTuple.EMPTY;
            if (step == 1) return new PyTuple(Arrays.copyOfRange(items, start, start + count));
            Object[] out = new Object[count];
            for (int i = 0, j = start; i < count; i++, j += step) out[i] = items[j];
            return new PyTuple(out);
        }
        long i = ListMethods.itemIndex(index, "tuple");
        if (i < 0) i += items.length;
        if (i < 0 || i >= items.length) throw Py.indexError("tuple index out of range");
        return items[(int) i];
    }

    public static String repr(PyTuple t) {
        Object[] items = t.items;
        if (items.length == 0) return "()";
        if (!Ops.reprEnter(t)) return "(...)";
        try {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(items[i]));
            }
            if (items.length == 1) sb.append(',');
            return sb.append(')').toString();
        } finally {
            Ops.reprLeave(t);
        }
    }

    /** Lexicographic comparison: the first unequal pair decides, else the lengths. */
    static Object compare(Object[] a, Object[] b, CompareOp op) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && a.length != b.length) return Py.bool(op == CompareOp.NE);
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && (a[i] == b[i] || Ops.eq(a[i], b[i]))) i++;
        if (i == n) return ListMethods.compareSizes(a.length, b.length, op);
        if (op == CompareOp.EQ) return Boolean.FALSE;
        if (op == CompareOp.NE) return Boolean.TRUE;
        return Ops.compare(a[i], b[i], op);
    }

    private static final long XXPRIME_1 = -7046029288634856825L;
    private static final long XXPRIME_2 = -4417276706812531889L;
    private static final long XXPRIME_5 = 2870177450012600261L;

    /** Python's hash of a tuple: CPython's xxHash-based tuplehash over the items' hashes. */
    public static long hash(PyTuple t) {
        long acc = XXPRIME_5;
        for (Object o : t.items) {
            long lane = Ops.hash(o);
            acc += lane * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        acc += t.items.length ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }

    static final class TupleIterator extends PyIterator {
        private Object[] items;
        private int index;

        TupleIterator(PyTuple t) { this.items = t.items; }

        @Override
        public Object next() {
            Object[] a = items;
            if (a == null) return null;
            if (index < a.length) return a[index++];
            items = null;
            return null;
        }

        @Override public int lengthHint() { return items == null ? 0 : items.length - index; }

        @Override public PyType getType() { return TUPLE_ITERATOR; }
    }
}
