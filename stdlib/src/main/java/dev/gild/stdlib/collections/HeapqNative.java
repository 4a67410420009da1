package dev.gild.stdlib.collections;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;

/**
 * {@code _heapq}: the heap operations on lists (min-heaps, plus the max-heap helpers heapq.merge
 * and nlargest use). A comparison may run Python code that changes the list: like CPython, each
 * sift checks the size afterwards and raises RuntimeError.
 */
public final class HeapqNative implements ModuleProvider {
    @Override public String name() { return "_heapq"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_heapq");
        m.define("heappush", (a, kw) -> {
            Args.check("heappush", a, kw, 0, 2, 2);
            PyList heap = list("heappush", a[0]);
            heap.append(a[1]);
            siftDown(heap, 0, heap.size() - 1, false);
            return Py.None;
        });
        m.define("heappop", (a, kw) -> {
            Args.check("heappop", a, kw, 0, 1, 1);
            return pop(heapArg("heappop", a[0]), false);
        });
        m.define("heapreplace", (a, kw) -> {
            Args.check("heapreplace", a, kw, 0, 2, 2);
            return replace(list("heapreplace", a[0]), a[1], false);
        });
        m.define("heappushpop", (a, kw) -> {
            Args.check("heappushpop", a, kw, 0, 2, 2);
            PyList heap = list("heappushpop", a[0]);
            if (heap.size() == 0 || !Ops.lessThan(heap.get(0), a[1])) return a[1];
            Object top = heap.get(0);
            heap.set(0, a[1]);
            siftUp(heap, 0, false);
            return top;
        });
        m.define("heapify", (a, kw) -> {
            Args.check("heapify", a, kw, 0, 1, 1);
            heapify(heapArg("heapify", a[0]), false);
            return Py.None;
        });
        m.define("_heappop_max", (a, kw) -> {
            Args.check("_heappop_max", a, kw, 0, 1, 1);
            return pop(heapArg("_heappop_max", a[0]), true);
        });
        m.define("_heapreplace_max", (a, kw) -> {
            Args.check("_heapreplace_max", a, kw, 0, 2, 2);
            return replace(list("_heapreplace_max", a[0]), a[1], true);
        });
        m.define("_heapify_max", (a, kw) -> {
            Args.check("_heapify_max", a, kw, 0, 1, 1);
            heapify(heapArg("_heapify_max", a[0]), true);
            return Py.None;
        });
        return m;
    }

    private static PyList list(String fname, Object o) {
        if (o instanceof PyList l) return l;
        throw Py.typeError(fname + "() argument 1 must be list, not " + Ops.typeName(o));
    }

    private static PyList heapArg(String fname, Object o) {
        if (o instanceof PyList l) return l;
        throw Py.typeError(fname + "() argument must be list, not " + Ops.typeName(o));
    }

    private static boolean before(Object a, Object b, boolean max) {
        return max ? Ops.lessThan(b, a) : Ops.lessThan(a, b);
    }

    private static Object pop(PyList heap, boolean max) {
        int n = heap.size();
        if (n == 0) throw Py.indexError("index out of range");
        Object last = heap.removeAt(n - 1);
        if (n == 1) return last;
        Object top = heap.get(0);
        heap.set(0, last);
        siftUp(heap, 0, max);
        return top;
    }

    private static Object replace(PyList heap, Object item, boolean max) {
        if (heap.size() == 0) throw Py.indexError("index out of range");
        Object top = heap.get(0);
        heap.set(0, item);
        siftUp(heap, 0, max);
        return top;
    }

    private static void heapify(PyList heap, boolean max) {
        for (int i = heap.size() / 2 - 1; i >= 0; i--) siftUp(heap, i, max);
    }

    /** Moves the item at pos towards the root (index start) while it sorts before its parent. */
    private static void siftDown(PyList heap, int start, int pos, boolean max) {
        int size = heap.size();
        Object item = heap.get(pos);
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            Object parent = heap.get(parentPos);
            boolean less = before(item, parent, max);
            if (heap.size() != size) throw Py.runtimeError("list changed size during iteration");
            if (!less) break;
            heap.set(pos, parent);
            pos = parentPos;
        }
        heap.set(pos, item);
    }

    /** Moves the smaller child up until a leaf is reached, then sifts the item down into place. */
    private static void siftUp(PyList heap, int pos, boolean max) {
        int end = heap.size();
        int start = pos;
        Object item = heap.get(pos);
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end) {
                boolean rightFirst = !before(heap.get(child), heap.get(right), max);
                if (heap.size() != end) throw Py.runtimeError("list changed size during iteration");
                if (rightFirst) child = right;
            }
            heap.set(pos, heap.get(child));
            pos = child;
            child = 2 * pos + 1;
        }
        heap.set(pos, item);
        siftDown(heap, start, pos, max);
    }
}
