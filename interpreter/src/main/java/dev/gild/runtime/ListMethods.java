package dev.gild.runtime;

import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The methods of list, its iterators (list_iterator, list_reverseiterator), and helpers shared
 * with tuple: sequence comparison, repeat counts, index arguments.
 */
public final class ListMethods {
    private ListMethods() {}

    /* Types are created by install(), run from PyTypes' static initialiser, so that whichever class
       is touched first, no type is read before it exists. */
    static PyType LIST_ITERATOR;
    static PyType LIST_REVERSE_ITERATOR;

    /** Largest array Java can allocate, minus headroom. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    static void install() {
        LIST_ITERATOR = PyTypes.newBuiltin("list_iterator", null, false, null);
        LIST_REVERSE_ITERATOR = PyTypes.newBuiltin("list_reverseiterator", null, false, null);
        PyGenericAlias.install();
        PyIterator.installMethods(LIST_ITERATOR);
        PyIterator.installMethods(LIST_REVERSE_ITERATOR);
        PyType t = PyTypes.LIST;

        t.defineStatic("__new__", (args, kw) -> newTarget(args, PyTypes.LIST).allocate());
        defineLocked(t, "__init__", (args, kw) -> {
            Args.noKeywords("list", kw);
            Args.check("list", args, kw, 1, 0, 1);
            PyList self = self(args);
            if (self.size > 0) {
                self.items = new Object[0];
                self.size = 0;
            }
            if (args.length > 1) extend(self, args[1]);
            return Py.None;
        });
        t.define("append", (args, kw) -> {
            Args.check("list.append", args, kw, 1, 1, 1);
            self(args).append(args[1]);
            return Py.None;
        });
        t.define("extend", (args, kw) -> {
            Args.check("list.extend", args, kw, 1, 1, 1);
            extend(self(args), args[1]);
            return Py.None;
        });
        defineLocked(t, "insert", (args, kw) -> {
            Args.check("insert", args, kw, 1, 2, 2);
            PyList self = self(args);
            long i = asSsize(args[1]);
            int n = self.size;
            if (i < 0) {
                i += n;
                if (i < 0) i = 0;
            } else if (i > n) {
                i = n;
            }
            if (n == MAX_ARRAY) throw Py.memoryError();
            self.insert((int) i, args[2]);
            return Py.None;
        });
        defineLocked(t, "pop", (args, kw) -> {
            Args.check("pop", args, kw, 1, 0, 1);
            PyList self = self(args);
            long i = args.length > 1 ? asSsize(args[1]) : -1;
            if (self.size == 0) throw Py.indexError("pop from empty list");
            if (i < 0) i += self.size;
            if (i < 0 || i >= self.size) throw Py.indexError("pop index out of range");
            return self.removeAt((int) i);
        });
        t.define("remove", (args, kw) -> {
            Args.check("list.remove", args, kw, 1, 1, 1);
            PyList self = self(args);
            for (int i = 0;; i++) {
                Object x = self.itemOrNull(i);
                if (x == null) throw Py.valueError("list.remove(x): x not in list");
                if (x == args[1] || Ops.eq(x, args[1])) {
                    if (!FreeThreading.enabled) {
                        if (i < self.size) self.removeAt(i);
                    } else if (!self.removeIfSame(i, x)) {
                        i = -1;
                        continue;
                    }
                    return Py.None;
                }
            }
        });
        t.define("index", (args, kw) -> {
            Args.check("index", args, kw, 1, 1, 3);
            PyList self = self(args);
            long start = args.length > 2 ? boundIndex(args[2], self.size) : 0;
            long stop = args.length > 3 ? boundIndex(args[3], self.size) : Long.MAX_VALUE;
            for (long i = start; i < stop && i < Integer.MAX_VALUE; i++) {
                Object x = self.itemOrNull((int) i);
                if (x == null) break;
                if (x == args[1] || Ops.eq(x, args[1])) return i;
            }
            throw Py.valueError(Ops.repr(args[1]) + " is not in list");
        });
        t.define("count", (args, kw) -> {
            Args.check("list.count", args, kw, 1, 1, 1);
            PyList self = self(args);
            long count = 0;
            for (int i = 0;; i++) {
                Object x = self.itemOrNull(i);
                if (x == null) return count;
                if (x == args[1] || Ops.eq(x, args[1])) count++;
            }
        });
        defineLocked(t, "clear", (args, kw) -> {
            Args.check("list.clear", args, kw, 1, 0, 0);
            PyList self = self(args);
            self.items = new Object[0];
            self.size = 0;
            return Py.None;
        });
        defineLocked(t, "copy", (args, kw) -> {
            Args.check("list.copy", args, kw, 1, 0, 0);
            return new PyList(self(args).toArray());
        });
        defineLocked(t, "reverse", (args, kw) -> {
            Args.check("list.reverse", args, kw, 1, 0, 0);
            PyList self = self(args);
            ListSort.reverse(self.items, 0, self.size);
            return Py.None;
        });
        t.define("sort", (args, kw) -> {
            if (args.length - Args.kwCount(kw) > 1) throw Py.typeError("sort() takes no positional arguments");
            Object[] opts = parseSortKeywords(args, kw, 1);
            sort(self(args), opts[0], opts[1]);
            return Py.None;
        });

        t.define("__len__", (args, kw) -> (long) self(args).size);
        defineLocked(t, "__getitem__", (args, kw) -> {
            Args.check("list.__getitem__", args, kw, 1, 1, 1);
            return getItem(self(args), args[1]);
        });
        defineLocked(t, "__setitem__", (args, kw) -> {
            Args.check("__setitem__", args, kw, 1, 2, 2);
            setItem(self(args), args[1], args[2]);
            return Py.None;
        });
        defineLocked(t, "__delitem__", (args, kw) -> {
            Args.check("list.__delitem__", args, kw, 1, 1, 1);
            delItem(self(args), args[1]);
            return Py.None;
        });
        t.define("__contains__", (args, kw) -> {
            Args.check("list.__contains__", args, kw, 1, 1, 1);
            PyList self = self(args);
            for (int i = 0;; i++) {
                Object x = self.itemOrNull(i);
                if (x == null) return Boolean.FALSE;
                if (x == args[1] || Ops.eq(x, args[1])) return Boolean.TRUE;
            }
        });
        t.define("__iter__", (args, kw) -> new ListIterator(self(args)));
        t.define("__reversed__", (args, kw) -> new ListReverseIterator(self(args)));
        t.define("__repr__", (args, kw) -> repr(self(args)));
        t.namespace().put("__hash__", Py.None);
        PyGenericAlias.addClassGetItem(t);

        defineLocked(t, "__add__", (args, kw) -> {
            if (!(args[1] instanceof PyList other)) return Py.NotImplemented;
            PyList self = self(args);
            Object[] otherItems = FreeThreading.enabled && other != self ? other.toArray() : other.items;
            int otherSize = FreeThreading.enabled && other != self ? otherItems.length : other.size;
            long n = (long) self.size + otherSize;
            if (n > MAX_ARRAY) throw Py.memoryError();
            Object[] items = Arrays.copyOf(self.items, (int) n);
            System.arraycopy(otherItems, 0, items, self.size, otherSize);
            return new PyList(items);
        });
        t.define("__iadd__", (args, kw) -> {
            PyList self = self(args);
            extend(self, args[1]);
            return self;
        });
        defineLocked(t, "__mul__", (args, kw) -> {
            long n = repeatCount(args[1]);
            if (n == NOT_A_COUNT) return Py.NotImplemented;
            PyList self = self(args);
            return new PyList(repeat(self.items, self.size, n));
        });
        defineLocked(t, "__rmul__", (args, kw) -> {
            long n = repeatCount(args[1]);
            if (n == NOT_A_COUNT) return Py.NotImplemented;
            PyList self = self(args);
            return new PyList(repeat(self.items, self.size, n));
        });
        defineLocked(t, "__imul__", (args, kw) -> {
            long n = repeatCount(args[1]);
            if (n == NOT_A_COUNT) return Py.NotImplemented;
            PyList self = self(args);
            Object[] items = repeat(self.items, self.size, n);
            self.items = items;
            self.size = items.length;
            return self;
        });
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> {
                if (!(args[1] instanceof PyList other)) return Py.NotImplemented;
                return compare(self(args), other, op);
            });
        }
    }

    /**
     * The class a built-in type's {@code __new__} was called with (args[0]), checked as CPython does:
     * "tuple.__new__(X): X is not a type object (int)", "set.__new__(list): list is not a subtype of set".
     */
    static PyType newTarget(Object[] args, PyType base) {
        String name = base.getName();
        if (args.length == 0) throw Py.typeError(name + ".__new__(): not enough arguments");
        if (!(args[0] instanceof PyType cls)) {
            throw Py.typeError(name + ".__new__(X): X is not a type object (" + Ops.typeName(args[0]) + ")");
        }
        if (!cls.isSubtypeOf(base)) {
            throw Py.typeError(name + ".__new__(" + cls.getName() + "): " + cls.getName() + " is not a subtype of " + name);
        }
        return cls;
    }

    /**
     * Defines a list method that runs no Python code on the list's items: in free-threaded mode
     * it holds the list's monitor throughout, so it is atomic as under the GIL.
     */
    private static void defineLocked(PyType t, String name, PyBuiltin.Impl impl) {
        t.define(name, (args, kw) -> {
            if (!FreeThreading.enabled || args.length == 0 || !(args[0] instanceof PyList list)) return impl.call(args, kw);
            synchronized (list) {
                return impl.call(args, kw);
            }
        });
    }

    /** {@code list[i]} for an exact list and an int index, atomic in free-threaded mode. */
    static Object lockedGetItem(PyList list, long i) {
        synchronized (list) {
            long idx = i < 0 ? i + list.size : i;
            if (idx < 0 || idx >= list.size) throw Py.indexError("list index out of range");
            return list.items[(int) idx];
        }
    }

    /** {@code list[i] = value} for an exact list and an int index, atomic in free-threaded mode. */
    static void lockedSetItem(PyList list, long i, Object value) {
        synchronized (list) {
            long idx = i < 0 ? i + list.size : i;
            if (idx < 0 || idx >= list.size) throw Py.indexError("list assignment index out of range");
            list.items[(int) idx] = value;
        }
    }

    private static PyList self(Object[] args) {
        if (args[0] instanceof PyList l) return l;
        throw Py.typeError("descriptor requires a 'list' object but received a '" + Ops.typeName(args[0]) + "'");
    }

    // ------------------------------------------------------------------ public helpers

    /** list.extend (also the LIST_EXTEND instruction): appends every item of an iterable. */
    public static void extend(PyList list, Object iterable) {
        if (FreeThreading.enabled) {
            Object[] all = iterable instanceof PyList src && (src.getType() == PyTypes.LIST || src == list)
                    ? src.toArray() : Ops.toArray(iterable);
            synchronized (list) {
                appendAll(list, all, all.length);
            }
            return;
        }
        if (iterable instanceof PyList src && (src.getType() == PyTypes.LIST || src == list)) {
            appendAll(list, src.items, src.size);
        } else if (iterable instanceof PyTuple t && t.getType() == PyTypes.TUPLE) {
            appendAll(list, t.items, t.items.length);
        } else {
            Object it = Ops.iter(iterable);
            if (it instanceof PyIterator p) {
                int hint = p.lengthHint();
                if (hint > 0 && (long) list.size + hint <= MAX_ARRAY) list.ensureCapacity(list.size + hint);
            }
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) list.append(x);
        }
    }

    private static void appendAll(PyList list, Object[] src, int n) {
        long total = (long) list.size + n;
        if (total > MAX_ARRAY) throw Py.memoryError();
        list.ensureCapacity((int) total);
        System.arraycopy(src, 0, list.items, list.size, n);
        list.size = (int) total;
    }

    /** A new list (exact type) holding the items of an iterable. */
    public static PyList fromIterable(Object iterable) {
        PyList list = new PyList();
        extend(list, iterable);
        return list;
    }

    public static String repr(PyList list) {
        if (list.size == 0) return "[]";
        if (!Ops.reprEnter(list)) return "[...]";
        try {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0;; i++) {
                Object item = list.itemOrNull(i);
                if (item == null) break;
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(item));
            }
            return sb.append(']').toString();
        } finally {
            Ops.reprLeave(list);
        }
    }

    /**
     * list.sort(key=, reverse=): stable; with reverse the list is reversed before and after so
     * that equal items keep their order, as CPython does. The list reads as empty while sorting;
     * a change made meanwhile raises ValueError("list modified during sort").
     */
    public static void sort(PyList list, Object key, Object reverseArg) {
        boolean reverse = reverseArg != null && Ops.indexLong(reverseArg) != 0;
        if (FreeThreading.enabled) {
            // Atomic for other threads, as under the GIL and in CPython 3.13t: the monitor is held
            // for the whole sort, key function and __lt__ included.
            synchronized (list) {
                sortUnlocked(list, key, reverse);
            }
        } else {
            sortUnlocked(list, key, reverse);
        }
    }

    private static void sortUnlocked(PyList list, Object key, boolean reverse) {
        Object[] placeholder = new Object[0];
        Object[] items = list.items;
        int n = list.size;
        list.items = placeholder;
        list.size = 0;
        boolean completed = false;
        try {
            if (reverse) ListSort.reverse(items, 0, n);
            try {
                Object[] keys = null;
                if (key != null && key != Py.None) {
                    keys = new Object[n];
                    for (int i = 0; i < n; i++) keys[i] = Ops.call(key, items[i]);
                }
                ListSort.sort(items, keys, n);
            } finally {
                if (reverse) ListSort.reverse(items, 0, n);
            }
            completed = true;
        } finally {
            boolean modified = list.items != placeholder || list.size != 0;
            list.items = items;
            list.size = n;
            if (completed && modified) throw Py.valueError("list modified during sort");
        }
    }

    /** The key and reverse keyword arguments of sort()/sorted(), starting at args[first]. */
    static Object[] parseSortKeywords(Object[] args, String[] kwnames, int first) {
        Object[] out = new Object[2];
        int kw = Args.kwCount(kwnames);
        for (int i = 0; i < kw; i++) {
            String name = kwnames[i];
            int slot = name.equals("key") ? 0 : name.equals("reverse") ? 1 : -1;
            if (slot < 0) throw Py.typeError("'" + name + "' is an invalid keyword argument for sort()");
            out[slot] = args[args.length - kw + i];
        }
        return out;
    }

    // ------------------------------------------------------------------ subscripts

    static Object getItem(PyList list, Object index) {
        if (index instanceof PySlice s) {
            long[] r = PySlice.indices(s, list.size);
            int start = (int) r[0];
            int step = (int) r[2];
            int count = (int) r[3];
            if (step == 1) return new PyList(Arrays.copyOfRange(list.items, start, start + count));
            Object[] out = new Object[count];
            for (int i = 0, j = start; i < count; i++, j += step) out[i] = list.items[j];
            return new PyList(out);
        }
        long i = itemIndex(index, "list");
        if (i < 0) i += list.size;
        if (i < 0 || i >= list.size) throw Py.indexError("list index out of range");
        return list.items[(int) i];
    }

    static void setItem(PyList list, Object index, Object value) {
        if (index instanceof PySlice s) {
            assignSlice(list, s, value);
            return;
        }
        long i = itemIndex(index, "list");
        if (i < 0) i += list.size;
        if (i < 0 || i >= list.size) throw Py.indexError("list assignment index out of range");
        list.items[(int) i] = value;
    }

    static void delItem(PyList list, Object index) {
        if (index instanceof PySlice s) {
            long[] r = PySlice.indices(s, list.size);
            long step = r[2];
            if (step == 1) {
                replaceRange(list, r[0], r[1], new Object[0]);
                return;
            }
            int count = (int) r[3];
            if (count == 0) return;
            boolean[] doomed = new boolean[list.size];
            for (long k = 0, j = r[0]; k < count; k++, j += step) doomed[(int) j] = true;
            int w = 0;
            for (int i = 0; i < list.size; i++) {
                if (!doomed[i]) list.items[w++] = list.items[i];
            }
            Arrays.fill(list.items, w, list.size, null);
            list.size = w;
            return;
        }
        long i = itemIndex(index, "list");
        if (i < 0) i += list.size;
        if (i < 0 || i >= list.size) throw Py.indexError("list assignment index out of range");
        list.removeAt((int) i);
    }

    private static void assignSlice(PyList list, PySlice s, Object value) {
        long[] r = PySlice.indices(s, list.size);
        long step = r[2];
        if (step == 1) {
            Object[] src;
            if (value == list) {
                src = list.toArray();
            } else if (value instanceof PyList l) {
                src = l.toArray();
            } else if (value instanceof PyTuple t) {
                src = t.items;
            } else {
                src = sequenceItems(value, "can only assign an iterable");
            }
            replaceRange(list, r[0], r[1], src);
            return;
        }
        Object[] src = value == list ? list.toArray() : value instanceof PyTuple t ? t.items
                : value instanceof PyList l ? l.toArray() : sequenceItems(value, "must assign iterable to extended slice");
        long count = r[3];
        if (src.length != count) {
            throw Py.valueError("attempt to assign sequence of size " + src.length + " to extended slice of size " + count);
        }
        for (long k = 0, j = r[0]; k < count; k++, j += step) list.items[(int) j] = src[(int) k];
    }

    /** PySequence_Fast: the items of an iterable, or TypeError(message) when it is not iterable. */
    private static Object[] sequenceItems(Object value, String message) {
        Object it;
        try {
            it = Ops.iter(value);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError)) throw Py.typeError(message);
            throw e;
        }
        PyList out = new PyList();
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) out.append(x);
        return out.toArray();
    }

    /** list_ass_slice: replaces items [lo, hi) (clamped, hi at least lo) with src. */
    private static void replaceRange(PyList list, long lo, long hi, Object[] src) {
        int n = list.size;
        if (lo < 0) lo = 0;
        else if (lo > n) lo = n;
        if (hi < lo) hi = lo;
        else if (hi > n) hi = n;
        int removed = (int) (hi - lo);
        long newSize = (long) n - removed + src.length;
        if (newSize > MAX_ARRAY) throw Py.memoryError();
        int tail = n - (int) hi;
        if (newSize > list.items.length) {
            Object[] items = new Object[(int) Math.max(newSize, n + (n >> 1))];
            System.arraycopy(list.items, 0, items, 0, (int) lo);
            System.arraycopy(list.items, (int) hi, items, (int) lo + src.length, tail);
            list.items = items;
        } else {
            System.arraycopy(list.items, (int) hi, list.items, (int) lo + src.length, tail);
            if (newSize < n) Arrays.fill(list.items, (int) newSize, n, null);
        }
        System.arraycopy(src, 0, list.items, (int) lo, src.length);
        list.size = (int) newSize;
    }

    // ------------------------------------------------------------------ shared with tuple

    /** An item index: an int-like object, or TypeError "list indices must be integers or slices, not str". */
    static long itemIndex(Object index, String typeName) {
        if (index instanceof Long l) return l;
        if (!(index instanceof Boolean || index instanceof BigInteger) && Ops.typeOf(index).lookup("__index__") == null) {
            throw Py.typeError(typeName + " indices must be integers or slices, not " + Ops.typeName(index));
        }
        return Ops.indexLong(index);
    }

    /** PyNumber_AsSsize_t with OverflowError, for insert() and pop() positions. */
    static long asSsize(Object o) {
        if (o instanceof Long l) return l;
        Object i = Ops.index(o);
        if (i instanceof Long l) return l;
        throw Py.overflowError("Python int too large to convert to C ssize_t");
    }

    /**
     * A start/stop argument of index(): clamped to the long range, then made non-negative
     * relative to size, as _PyEval_SliceIndexNotNone followed by CPython's adjustment.
     */
    static long boundIndex(Object o, int size) {
        long v;
        if (o instanceof Long l) {
            v = l;
        } else {
            if (!(o instanceof Boolean || o instanceof BigInteger) && Ops.typeOf(o).lookup("__index__") == null) {
                throw Py.typeError("slice indices must be integers or have an __index__ method");
            }
            Object i = Ops.index(o);
            v = i instanceof Long l ? l : ((BigInteger) i).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (v < 0) {
            v += size;
            if (v < 0) v = 0;
        }
        return v;
    }

    /** Marks an operand that is not an integer, for which __mul__ returns NotImplemented. */
    static final long NOT_A_COUNT = Long.MIN_VALUE;

    /** The repeat count of seq * n: negative counts as 0; OverflowError past 64 bits. */
    static long repeatCount(Object n) {
        if (n instanceof Long l) return Math.max(l, 0);
        if (!(n instanceof Boolean || n instanceof BigInteger) && Ops.typeOf(n).lookup("__index__") == null) {
            return NOT_A_COUNT;
        }
        Object i = Ops.index(n);
        if (i instanceof Long l) return Math.max(l, 0);
        if (((BigInteger) i).signum() < 0) return 0;
        throw Py.overflowError("cannot fit 'int' into an index-sized integer");
    }

    /** items[0, size) repeated n times. */
    static Object[] repeat(Object[] items, int size, long n) {
        if (size == 0 || n == 0) return new Object[0];
        if (n > MAX_ARRAY / size) throw Py.memoryError();
        int total = (int) (size * n);
        Object[] out = Arrays.copyOf(items, total);
        if (size == 1) {
            Arrays.fill(out, items[0]);
            return out;
        }
        int filled = size;
        while (filled < total) {
            int chunk = Math.min(filled, total - filled);
            System.arraycopy(out, 0, out, filled, chunk);
            filled += chunk;
        }
        return out;
    }

    /** Lexicographic comparison of two lists, re-reading them as items' __eq__ may mutate them. */
    static Object compare(PyList a, PyList b, CompareOp op) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && a.size != b.size) return Py.bool(op == CompareOp.NE);
        for (int i = 0;; i++) {
            Object x = a.itemOrNull(i);
            Object y = b.itemOrNull(i);
            if (x == null || y == null) return compareSizes(a.size, b.size, op);
            if (x == y || Ops.eq(x, y)) continue;
            if (op == CompareOp.EQ) return Boolean.FALSE;
            if (op == CompareOp.NE) return Boolean.TRUE;
            return Ops.compare(x, y, op);
        }
    }

    static Object compareSizes(int a, int b, CompareOp op) {
        return Py.bool(switch (op) {
            case LT -> a < b;
            case LE -> a <= b;
            case EQ -> a == b;
            case NE -> a != b;
            case GT -> a > b;
            case GE -> a >= b;
        });
    }

    // ------------------------------------------------------------------ iterators

    /** Iterates a list by position, so it sees items appended meanwhile (as CPython's list_iterator). */
    static final class ListIterator extends PyIterator {
        private PyList list;
        private int index;

        ListIterator(PyList list) { this.list = list; }

        @Override
        public Object next() {
            PyList l = list;
            if (l == null) return null;
            Object item = l.itemOrNull(index);
            if (item != null) {
                index++;
                return item;
            }
            list = null;
            return null;
        }

        @Override public int lengthHint() { return list == null ? 0 : Math.max(list.size - index, 0); }

        @Override public PyType getType() { return LIST_ITERATOR; }
    }

    static final class ListReverseIterator extends PyIterator {
        private PyList list;
        private int index;

        ListReverseIterator(PyList list) {
            this.list = list;
            this.index = list.size - 1;
        }

        @Override
        public Object next() {
            PyList l = list;
            if (l == null) return null;
            if (index >= 0 && index < l.size) return l.items[index--];
            list = null;
            return null;
        }

        @Override public int lengthHint() {
            return list == null || index >= list.size ? 0 : index + 1;
        }

        @Override public PyType getType() { return LIST_REVERSE_ITERATOR; }
    }
}
