package dev.gild.stdlib.collections;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTypes;

/** {@code _bisect}: binary search and insertion into sorted sequences, with lo/hi bounds and key=. */
public final class BisectNative implements ModuleProvider {
    private static final String[] PARAMS = {"a", "x", "lo", "hi", "key"};

    @Override public String name() { return "_bisect"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_bisect");
        m.define("bisect_right", (a, kw) -> search("bisect_right", a, kw, true));
        m.define("bisect_left", (a, kw) -> search("bisect_left", a, kw, false));
        m.define("insort_right", (a, kw) -> insort("insort_right", a, kw, true));
        m.define("insort_left", (a, kw) -> insort("insort_left", a, kw, false));
        return m;
    }

    private static Object search(String fname, Object[] a, String[] kw, boolean right) {
        Object[] p = Args.parse(fname, a, kw, 0, PARAMS, 2, 4);
        return (long) find(p, right);
    }

    private static Object insort(String fname, Object[] a, String[] kw, boolean right) {
        Object[] p = Args.parse(fname, a, kw, 0, PARAMS, 2, 4);
        Object key = p[4] == null ? Py.None : p[4];
        // With key=, x is the item inserted; its key is what is searched for.
        Object[] searchArgs = p.clone();
        if (key != Py.None) searchArgs[1] = Ops.call(key, p[1]);
        int i = find(searchArgs, right);
        if (p[0] instanceof PyList list && Ops.typeOf(list) == PyTypes.LIST) {
            list.insert(i, p[1]);
        } else {
            Ops.call(Ops.getattr(p[0], "insert"), (long) i, p[1]);
        }
        return Py.None;
    }

    /** The insertion index; p = (a, x, lo, hi, key) with x already a key. */
    private static int find(Object[] p, boolean right) {
        Object seq = p[0];
        Object x = p[1];
        long lo = p[2] == null ? 0 : Ops.indexLong(p[2]);
        if (lo < 0) throw Py.valueError("lo must be non-negative");
        long hi = p[3] == null || p[3] == Py.None ? Ops.len(seq) : Ops.indexLong(p[3]);
        Object key = p[4] == null ? Py.None : p[4];
        PyList fast = seq instanceof PyList l && Ops.typeOf(l) == PyTypes.LIST ? l : null;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            Object item;
            if (fast != null) {
                if (mid >= fast.size()) throw Py.indexError("list index out of range");
                item = fast.get((int) mid);
            } else {
                item = Ops.getitem(seq, mid);
            }
            if (key != Py.None) item = Ops.call(key, item);
            boolean goLeft = right ? Ops.lessThan(x, item) : !Ops.lessThan(item, x);
            if (goLeft) hi = mid;
            else lo = mid + 1;
        }
        return (int) lo;
    }
}
