package dev.gild.stdlib.itertools;

import dev.gild.bytecode.BinaryOp;
import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBuiltin;
import dev.gild.runtime.PyIterator;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/**
 * The itertools module. Every iterator is a Java {@link PyIterator} whose type lives in this
 * module ({@code itertools.count} ...), constructed through the type's {@code __new__} so the
 * types can be used with isinstance as in CPython.
 */
public final class ItertoolsModule implements ModuleProvider {
    static final String MODULE = "itertools";

    @Override public String name() { return MODULE; }

    private static final String STOP_ERROR =
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    private static final String INDEX_ERROR =
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    private static final String STEP_ERROR = "Step for islice() must be a positive integer or None.";

    /** A type of this module with {@code __iter__}/{@code __next__} and the given constructor. */
    static PyType iteratorType(String name, PyBuiltin.Impl constructor) {
        PyType t = PyTypes.newBuiltin(name, null, false, null);
        t.namespace().put("__module__", MODULE);
        PyIterator.installMethods(t);
        t.defineStatic("__new__", constructor);
        return t;
    }

    static final PyType COUNT = iteratorType("count", (a, kw) -> {
        Object[] p = Args.parse("count", a, kw, 1, new String[] {"start", "step"}, 0, 2);
        Object start = p[0] == null ? (Object) 0L : p[0];
        Object step = p[1] == null ? (Object) 1L : p[1];
        if (!isNumber(start) || !isNumber(step)) throw Py.typeError("a number is required");
        return new Count(start, step);
    });
    static final PyType CYCLE = iteratorType("cycle", (a, kw) -> {
        Args.check("cycle", a, kw, 1, 1, 1);
        return new Cycle(Ops.iter(a[1]));
    });
    static final PyType REPEAT = iteratorType("repeat", (a, kw) -> {
        Object[] p = Args.parse("repeat", a, kw, 1, new String[] {"object", "times"}, 1, 2);
        long times = p[1] == null ? -1 : Math.max(0, Ops.indexLong(p[1]));
        return new Repeat(p[0], times);
    });
    static final PyType ACCUMULATE = iteratorType("accumulate", (a, kw) -> {
        Object[] p = Args.parse("accumulate", a, kw, 1, new String[] {"iterable", "func", "initial"}, 1, 2);
        return new Accumulate(Ops.iter(p[0]), p[1] == Py.None ? null : p[1], p[2] == Py.None ? null : p[2]);
    });
    static final PyType CHAIN = iteratorType("chain", (a, kw) -> {
        Args.noKeywords("chain", kw);
        Object[] iterables = new Object[a.length - 1];
        System.arraycopy(a, 1, iterables, 0, iterables.length);
        return new Chain(new ArrayIterator(iterables));
    });
    static final PyType COMPRESS = iteratorType("compress", (a, kw) -> {
        Object[] p = Args.parse("compress", a, kw, 1, new String[] {"data", "selectors"}, 2, 2);
        return new Compress(Ops.iter(p[0]), Ops.iter(p[1]));
    });
    static final PyType DROPWHILE = iteratorType("dropwhile", (a, kw) -> {
        Args.check("dropwhile", a, kw, 1, 2, 2);
        return new DropWhile(a[1], Ops.iter(a[2]));
    });
    static final PyType TAKEWHILE = iteratorType("takewhile", (a, kw) -> {
        Args.check("takewhile", a, kw, 1, 2, 2);
        return new TakeWhile(a[1], Ops.iter(a[2]));
    });
    static final PyType FILTERFALSE = iteratorType("filterfalse", (a, kw) -> {
        Args.check("filterfalse", a, kw, 1, 2, 2);
        return new FilterFalse(a[1], Ops.iter(a[2]));
    });
    static final PyType ISLICE = iteratorType("islice", (a, kw) -> {
        Args.check("islice", a, kw, 1, 2, 4);
        Object it = Ops.iter(a[1]);
        if (a.length == 3) return new ISlice(it, 0, sliceBound(a[2], STOP_ERROR), 1);
        long start = a[2] == Py.None ? 0 : sliceBound(a[2], INDEX_ERROR);
        long stop = sliceBound(a[3], STOP_ERROR);
        long step = 1;
        if (a.length == 5 && a[4] != Py.None) {
            step = indexOrError(a[4], STEP_ERROR);
            if (step <= 0) throw Py.valueError(STEP_ERROR);
        }
        return new ISlice(it, start, stop, step);
    });
    static final PyType STARMAP = iteratorType("starmap", (a, kw) -> {
        Args.check("starmap", a, kw, 1, 2, 2);
        return new StarMap(a[1], Ops.iter(a[2]));
    });
    static final PyType ZIP_LONGEST = iteratorType("zip_longest", (a, kw) -> {
        Object fill = Py.None;
        int kwn = Args.kwCount(kw);
        for (int i = 0; i < kwn; i++) {
            if (!kw[i].equals("fillvalue")) {
                throw Py.typeError("zip_longest() got an unexpected keyword argument '" + kw[i] + "'");
            }
            fill = a[a.length - kwn + i];
        }
        Object[] its = new Object[a.length - 1 - kwn];
        for (int i = 0; i < its.length; i++) its[i] = Ops.iter(a[i + 1]);
        return new ZipLongest(its, fill);
    });
    static final PyType PAIRWISE = iteratorType("pairwise", (a, kw) -> {
        Args.check("pairwise", a, kw, 1, 1, 1);
        return new Pairwise(Ops.iter(a[1]));
    });
    static final PyType GROUPBY = iteratorType("groupby", (a, kw) -> {
        Object[] p = Args.parse("groupby", a, kw, 1, new String[] {"iterable", "key"}, 1, 2);
        return new GroupBy(Ops.iter(p[0]), p[1] == Py.None ? null : p[1]);
    });
    static final PyType GROUPER = iteratorType("_grouper", (a, kw) -> {
        throw Py.typeError("cannot create 'itertools._grouper' instances");
    });
    static final PyType TEE = iteratorType("_tee", (a, kw) -> {
        Args.check("_tee", a, kw, 1, 1, 1);
        return Tee.of(Ops.iter(a[1]));
    });
    static final PyType PRODUCT = iteratorType("product", (a, kw) -> {
        long repeat = 1;
        int kwn = Args.kwCount(kw);
        for (int i = 0; i < kwn; i++) {
            if (!kw[i].equals("repeat")) throw Py.typeError("product() got an unexpected keyword argument '" + kw[i] + "'");
            repeat = Ops.indexLong(a[a.length - kwn + i]);
        }
        if (repeat < 0) throw Py.valueError("repeat argument cannot be negative");
        int n = a.length - 1 - kwn;
        if (n > 0 && repeat > Integer.MAX_VALUE / n) throw Py.overflowError("repeat argument too large");
        Object[][] pools = new Object[(int) (n * repeat)][];
        for (int i = 0; i < n; i++) pools[i] = Ops.toArray(a[i + 1]);
        for (int r = 1; r < repeat; r++) System.arraycopy(pools, 0, pools, r * n, n);
        return new Product(pools);
    });
    static final PyType PERMUTATIONS = iteratorType("permutations", (a, kw) -> {
        Object[] p = Args.parse("permutations", a, kw, 1, new String[] {"iterable", "r"}, 1, 2);
        Object[] pool = Ops.toArray(p[0]);
        int r = p[1] == null || p[1] == Py.None ? pool.length : nonNegativeR(p[1]);
        return new Permutations(pool, r);
    });
    static final PyType COMBINATIONS = iteratorType("combinations", (a, kw) -> {
        Object[] p = Args.parse("combinations", a, kw, 1, new String[] {"iterable", "r"}, 2, 2);
        Object[] pool = Ops.toArray(p[0]);
        return new Combinations(pool, nonNegativeR(p[1]), false);
    });
    static final PyType COMBINATIONS_WR = iteratorType("combinations_with_replacement", (a, kw) -> {
        Object[] p = Args.parse("combinations_with_replacement", a, kw, 1, new String[] {"iterable", "r"}, 2, 2);
        Object[] pool = Ops.toArray(p[0]);
        return new Combinations(pool, nonNegativeR(p[1]), true);
    });

    static {
        COUNT.define("__repr__", (a, kw) -> ((Count) a[0]).repr());
        REPEAT.define("__repr__", (a, kw) -> ((Repeat) a[0]).repr());
        REPEAT.define("__length_hint__", (a, kw) -> {
            Repeat r = (Repeat) a[0];
            if (r.remaining < 0) throw Py.typeError("len() of unsized object");
            return r.remaining;
        });
        CHAIN.defineClassMethod("from_iterable", (a, kw) -> {
            Args.check("from_iterable", a, kw, 1, 1, 1);
            return new Chain(Ops.iter(a[1]));
        });
        TEE.define("__copy__", (a, kw) -> ((Tee) a[0]).copy());
    }

    /** An islice start/stop: None means unbounded (-1). */
    private static long sliceBound(Object o, String error) {
        if (o == Py.None) return -1;
        long v = indexOrError(o, error);
        if (v < 0) throw Py.valueError(error);
        return v;
    }

    private static long indexOrError(Object o, String error) {
        if (o instanceof Long l) return l;
        if (Ops.typeOf(o).lookup("__index__") == null) throw Py.valueError(error);
        Object i = Ops.index(o);
        return i instanceof Long l ? l : Long.MAX_VALUE;
    }

    private static int nonNegativeR(Object o) {
        long r = Ops.indexLong(o);
        if (r < 0) throw Py.valueError("r must be non-negative");
        return (int) Math.min(r, Integer.MAX_VALUE);
    }

    /** CPython's PyNumber_Check: what count() accepts. */
    private static boolean isNumber(Object o) {
        if (o instanceof Number || o instanceof Boolean) return true;
        PyType t = Ops.typeOf(o);
        return t.lookup("__index__") != null || t.lookup("__int__") != null || t.lookup("__float__") != null
                || t.lookup("__complex__") != null;
    }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule(MODULE);
        for (PyType t : new PyType[] {COUNT, CYCLE, REPEAT, ACCUMULATE, CHAIN, COMPRESS, DROPWHILE, TAKEWHILE,
                FILTERFALSE, ISLICE, STARMAP, ZIP_LONGEST, PAIRWISE, GROUPBY, GROUPER, TEE, PRODUCT, PERMUTATIONS,
                COMBINATIONS, COMBINATIONS_WR}) {
            m.set(t.getName(), t);
        }
        m.define("tee", (a, kw) -> {
            Args.check("tee", a, kw, 0, 1, 2);
            long n = a.length == 2 ? Ops.indexLong(a[1]) : 2;
            if (n < 0) throw Py.valueError("n must be >= 0");
            Object[] out = new Object[(int) n];
            if (n == 0) return PyTuple.EMPTY;
            Object it = Ops.iter(a[0]);
            Tee first = it instanceof Tee t ? t.copy() : Tee.of(it);
            out[0] = first;
            for (int i = 1; i < n; i++) out[i] = first.copy();
            return new PyTuple(out);
        });
        return m;
    }

    // ------------------------------------------------------------------ iterators

    /** Iterates a Java array (the arguments of chain()). */
    static final class ArrayIterator extends PyIterator {
        private final Object[] items;
        private int index;

        ArrayIterator(Object[] items) { this.items = items; }

        @Override public Object next() { return index < items.length ? items[index++] : null; }

        @Override public PyType getType() { return PyTypes.OBJECT; }
    }

    static final class Count extends PyIterator {
        private Object current;
        private final Object step;
        private final boolean longSteps;

        Count(Object start, Object step) {
            this.current = start;
            this.step = step;
            this.longSteps = start instanceof Long && step instanceof Long;
        }

        @Override
        public Object next() {
            Object value = current;
            if (longSteps && value instanceof Long v) {
                long s = (Long) step;
                long r = v + s;
                current = ((v ^ r) & (s ^ r)) < 0 ? Ops.binaryOp(v, s, BinaryOp.ADD) : (Object) r;
            } else {
                current = Ops.binaryOp(value, step, BinaryOp.ADD);
            }
            return value;
        }

        String repr() {
            boolean unitStep = step instanceof Long s && s == 1;
            return unitStep ? "count(" + Ops.repr(current) + ")"
                    : "count(" + Ops.repr(current) + ", " + Ops.repr(step) + ")";
        }

        @Override public PyType getType() { return COUNT; }
    }

    static final class Cycle extends PyIterator {
        private Object source;
        private final PyList saved = new PyList();
        private int index;

        Cycle(Object source) { this.source = source; }

        @Override
        public Object next() {
            if (source != null) {
                Object v = Ops.next(source);
                if (v != null) {
                    saved.append(v);
                    return v;
                }
                source = null;
            }
            if (saved.size() == 0) return null;
            Object v = saved.get(index);
            index = index + 1 == saved.size() ? 0 : index + 1;
            return v;
        }

        @Override public PyType getType() { return CYCLE; }
    }

    static final class Repeat extends PyIterator {
        private final Object value;
        /** Items left, or -1 for forever. */
        long remaining;

        Repeat(Object value, long times) {
            this.value = value;
            this.remaining = times;
        }

        @Override
        public Object next() {
            if (remaining < 0) return value;
            if (remaining == 0) return null;
            remaining--;
            return value;
        }

        @Override public int lengthHint() { return remaining < 0 ? -1 : (int) Math.min(remaining, Integer.MAX_VALUE); }

        String repr() {
            return remaining < 0 ? "repeat(" + Ops.repr(value) + ")"
                    : "repeat(" + Ops.repr(value) + ", " + remaining + ")";
        }

        @Override public PyType getType() { return REPEAT; }
    }

    static final class Accumulate extends PyIterator {
        private final Object source;
        private final Object func;
        private Object total;
        private Object initial;

        Accumulate(Object source, Object func, Object initial) {
            this.source = source;
            this.func = func;
            this.initial = initial;
        }

        @Override
        public Object next() {
            if (initial != null) {
                total = initial;
                initial = null;
                return total;
            }
            Object v = Ops.next(source);
            if (v == null) return null;
            total = total == null ? v : func == null ? Ops.binaryOp(total, v, BinaryOp.ADD) : Ops.call(func, total, v);
            return total;
        }

        @Override public PyType getType() { return ACCUMULATE; }
    }

    static final class Chain extends PyIterator {
        private Object sources;
        private Object active;

        Chain(Object sources) { this.sources = sources; }

        @Override
        public Object next() {
            while (sources != null) {
                if (active == null) {
                    Object iterable = Ops.next(sources);
                    if (iterable == null) {
                        sources = null;
                        return null;
                    }
                    active = Ops.iter(iterable);
                }
                Object v = Ops.next(active);
                if (v != null) return v;
                active = null;
            }
            return null;
        }

        @Override public PyType getType() { return CHAIN; }
    }

    static final class Compress extends PyIterator {
        private final Object data;
        private final Object selectors;

        Compress(Object data, Object selectors) {
            this.data = data;
            this.selectors = selectors;
        }

        @Override
        public Object next() {
            while (true) {
                Object d = Ops.next(data);
                if (d == null) return null;
                Object s = Ops.next(selectors);
                if (s == null) return null;
                if (Ops.isTrue(s)) return d;
            }
        }

        @Override public PyType getType() { return COMPRESS; }
    }

    static final class DropWhile extends PyIterator {
        private final Object predicate;
        private final Object source;
        private boolean dropping = true;

        DropWhile(Object predicate, Object source) {
            this.predicate = predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            while (true) {
                Object v = Ops.next(source);
                if (v == null || !dropping) return v;
                if (!Ops.isTrue(Ops.call(predicate, v))) {
                    dropping = false;
                    return v;
                }
            }
        }

        @Override public PyType getType() { return DROPWHILE; }
    }

    static final class TakeWhile extends PyIterator {
        private final Object predicate;
        private final Object source;
        private boolean done;

        TakeWhile(Object predicate, Object source) {
            this.predicate = predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            if (done) return null;
            Object v = Ops.next(source);
            if (v == null) return null;
            if (Ops.isTrue(Ops.call(predicate, v))) return v;
            done = true;
            return null;
        }

        @Override public PyType getType() { return TAKEWHILE; }
    }

    static final class FilterFalse extends PyIterator {
        private final Object predicate;
        private final Object source;

        FilterFalse(Object predicate, Object source) {
            this.predicate = predicate == Py.None ? null : predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            while (true) {
                Object v = Ops.next(source);
                if (v == null) return null;
                if (!Ops.isTrue(predicate == null ? v : Ops.call(predicate, v))) return v;
            }
        }

        @Override public PyType getType() { return FILTERFALSE; }
    }

    static final class ISlice extends PyIterator {
        private Object source;
        /** Index in the source of the next item to return. */
        private long next;
        /** Stop index, or -1 for none. */
        private final long stop;
        private final long step;
        /** Items consumed from the source so far. */
        private long consumed;

        ISlice(Object source, long start, long stop, long step) {
            this.source = source;
            this.next = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        public Object next() {
            if (source == null) return null;
            while (consumed < next) {
                if (stop >= 0 && consumed >= stop) break;
                if (Ops.next(source) == null) {
                    source = null;
                    return null;
                }
                consumed++;
            }
            if (stop >= 0 && next >= stop) {
                // Like CPython: the source is advanced up to stop, then abandoned.
                source = null;
                return null;
            }
            Object v = Ops.next(source);
            if (v == null) {
                source = null;
                return null;
            }
            consumed++;
            next = next + step < next ? Long.MAX_VALUE : next + step;
            return v;
        }

        @Override public PyType getType() { return ISLICE; }
    }

    static final class StarMap extends PyIterator {
        private final Object func;
        private final Object source;

        StarMap(Object func, Object source) {
            this.func = func;
            this.source = source;
        }

        @Override
        public Object next() {
            Object args = Ops.next(source);
            if (args == null) return null;
            return Ops.call(func, args instanceof PyTuple t ? t.items : Ops.toArray(args));
        }

        @Override public PyType getType() { return STARMAP; }
    }

    static final class ZipLongest extends PyIterator {
        private final Object[] sources;
        private final Object fill;
        private int active;

        ZipLongest(Object[] sources, Object fill) {
            this.sources = sources;
            this.fill = fill;
            this.active = sources.length;
        }

        @Override
        public Object next() {
            if (active == 0) return null;
            Object[] row = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                Object v = null;
                if (sources[i] != null) {
                    v = Ops.next(sources[i]);
                    if (v == null) {
                        sources[i] = null;
                        if (--active == 0) return null;
                    }
                }
                row[i] = v == null ? fill : v;
            }
            return new PyTuple(row);
        }

        @Override public PyType getType() { return ZIP_LONGEST; }
    }

    static final class Pairwise extends PyIterator {
        private Object source;
        private Object previous;

        Pairwise(Object source) { this.source = source; }

        @Override
        public Object next() {
            if (source == null) return null;
            if (previous == null) {
                previous = Ops.next(source);
                if (previous == null) {
                    source = null;
                    return null;
                }
            }
            Object v = Ops.next(source);
            if (v == null) {
                source = null;
                previous = null;
                return null;
            }
            PyTuple pair = PyTuple.of(previous, v);
            previous = v;
            return pair;
        }

        @Override public PyType getType() { return PAIRWISE; }
    }

    /**
     * groupby: the groups share the source iterator. Advancing the groupby abandons the current
     * group (its grouper then yields nothing more), as in CPython.
     */
    static final class GroupBy extends PyIterator {
        private final Object source;
        private final Object keyFunc;
        /** The last item read from the source and its key; null before the first read or at the end. */
        Object currentValue;
        Object currentKey;
        /** Key of the group handed out last. */
        Object targetKey;
        /** The grouper allowed to read; older groupers see they are stale. */
        Grouper activeGroup;
        boolean exhausted;

        GroupBy(Object source, Object keyFunc) {
            this.source = source;
            this.keyFunc = keyFunc;
        }

        /** Reads the next item into currentValue/currentKey; false at the end. */
        boolean step() {
            Object v = Ops.next(source);
            if (v == null) {
                exhausted = true;
                currentValue = null;
                currentKey = null;
                return false;
            }
            currentKey = keyFunc == null ? v : Ops.call(keyFunc, v);
            currentValue = v;
            return true;
        }

        @Override
        public Object next() {
            activeGroup = null;
            if (exhausted) return null;
            if (currentValue == null && !step()) return null;
            if (targetKey != null) {
                while (Ops.eq(currentKey, targetKey)) {
                    if (!step()) return null;
                }
            }
            targetKey = currentKey;
            activeGroup = new Grouper(this, targetKey);
            return PyTuple.of(currentKey, activeGroup);
        }

        @Override public PyType getType() { return GROUPBY; }
    }

    static final class Grouper extends PyIterator {
        private final GroupBy parent;
        private final Object key;

        Grouper(GroupBy parent, Object key) {
            this.parent = parent;
            this.key = key;
        }

        @Override
        public Object next() {
            if (parent.activeGroup != this || parent.exhausted && parent.currentValue == null) return null;
            if (parent.currentValue == null && !parent.step()) return null;
            if (!Ops.eq(key, parent.currentKey)) return null;
            Object v = parent.currentValue;
            parent.currentValue = null;
            return v;
        }

        @Override public PyType getType() { return GROUPER; }
    }

    /** Items read from a tee's source, shared by all its copies: a linked list of chunks. */
    static final class TeeBuffer {
        static final int CHUNK = 57;
        final Object source;

        TeeBuffer(Object source) { this.source = source; }
    }

    static final class TeeLink {
        final Object[] values = new Object[TeeBuffer.CHUNK];
        int filled;
        TeeLink next;
    }

    static final class Tee extends PyIterator {
        private final TeeBuffer buffer;
        private TeeLink link;
        private int index;

        private Tee(TeeBuffer buffer, TeeLink link, int index) {
            this.buffer = buffer;
            this.link = link;
            this.index = index;
        }

        static Tee of(Object source) { return new Tee(new TeeBuffer(source), new TeeLink(), 0); }

        Tee copy() { return new Tee(buffer, link, index); }

        @Override
        public Object next() {
            if (index == TeeBuffer.CHUNK) {
                if (link.next == null) link.next = new TeeLink();
                link = link.next;
                index = 0;
            }
            if (index == link.filled) {
                Object v = Ops.next(buffer.source);
                if (v == null) return null;
                // Another copy may have filled the slot while the source ran Python code.
                if (index == link.filled) link.values[link.filled++] = v;
            }
            return link.values[index++];
        }

        @Override public PyType getType() { return TEE; }
    }

    static final class Product extends PyIterator {
        private final Object[][] pools;
        private int[] indices;
        private boolean done;

        Product(Object[][] pools) {
            this.pools = pools;
            for (Object[] p : pools) if (p.length == 0) done = true;
        }

        @Override
        public Object next() {
            if (done) return null;
            if (indices == null) {
                indices = new int[pools.length];
            } else {
                int i = pools.length - 1;
                while (i >= 0 && ++indices[i] == pools[i].length) {
                    indices[i] = 0;
                    i--;
                }
                if (i < 0) {
                    done = true;
                    return null;
                }
            }
            Object[] row = new Object[pools.length];
            for (int i = 0; i < row.length; i++) row[i] = pools[i][indices[i]];
            return new PyTuple(row);
        }

        @Override public PyType getType() { return PRODUCT; }
    }

    static final class Permutations extends PyIterator {
        private final Object[] pool;
        private final int r;
        private final int[] indices;
        private final int[] cycles;
        private boolean started;
        private boolean done;

        Permutations(Object[] pool, int r) {
            this.pool = pool;
            this.r = r;
            int n = pool.length;
            this.done = r > n;
            this.indices = new int[done ? 0 : n];
            this.cycles = new int[done ? 0 : r];
            if (!done) {
                for (int i = 0; i < n; i++) indices[i] = i;
                for (int i = 0; i < r; i++) cycles[i] = n - i;
            }
        }

        @Override
        public Object next() {
            if (done) return null;
            int n = pool.length;
            if (started) {
                int i = r - 1;
                for (; i >= 0; i--) {
                    if (--cycles[i] == 0) {
                        int first = indices[i];
                        System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                        indices[n - 1] = first;
                        cycles[i] = n - i;
                    } else {
                        int j = n - cycles[i];
                        int tmp = indices[i];
                        indices[i] = indices[j];
                        indices[j] = tmp;
                        break;
                    }
                }
                if (i < 0) {
                    done = true;
                    return null;
                }
            }
            started = true;
            Object[] row = new Object[r];
            for (int k = 0; k < r; k++) row[k] = pool[indices[k]];
            return new PyTuple(row);
        }

        @Override public PyType getType() { return PERMUTATIONS; }
    }

    /** combinations and combinations_with_replacement, in lexicographic index order. */
    static final class Combinations extends PyIterator {
        private final Object[] pool;
        private final int r;
        private final boolean withReplacement;
        private final int[] indices;
        private boolean started;
        private boolean done;

        Combinations(Object[] pool, int r, boolean withReplacement) {
            this.pool = pool;
            this.r = r;
            this.withReplacement = withReplacement;
            this.done = withReplacement ? pool.length == 0 && r > 0 : r > pool.length;
            this.indices = new int[done ? 0 : r];
            if (!done && !withReplacement) for (int i = 0; i < r; i++) indices[i] = i;
        }

        @Override
        public Object next() {
            if (done) return null;
            int n = pool.length;
            if (started) {
                int i = r - 1;
                if (withReplacement) {
                    while (i >= 0 && indices[i] == n - 1) i--;
                    if (i < 0) {
                        done = true;
                        return null;
                    }
                    int v = indices[i] + 1;
                    for (int j = i; j < r; j++) indices[j] = v;
                } else {
                    while (i >= 0 && indices[i] == i + n - r) i--;
                    if (i < 0) {
                        done = true;
                        return null;
                    }
                    indices[i]++;
                    for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
                }
            }
            started = true;
            Object[] row = new Object[r];
            for (int k = 0; k < r; k++) row[k] = pool[indices[k]];
            return new PyTuple(row);
        }

        @Override public PyType getType() { return withReplacement ? COMBINATIONS_WR : COMBINATIONS; }
    }
}
