package dev.gild.stdlib.collections;

import dev.gild.bytecode.CompareOp;
import dev.gild.runtime.Args;
import dev.gild.runtime.FreeThreading;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyIterator;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/**
 * collections.deque: a growable ring buffer. Every operation is plain Java run under the
 * interpreter lock, so append/pop at either end are atomic as in CPython; with no GIL
 * ({@link FreeThreading}) the operations that run no Python code hold the deque's monitor.
 * {@link #state} counts
 * structural changes so iterators can raise "deque mutated during iteration".
 */
public final class PyDeque extends PyObject {
    static final PyType TYPE = PyTypes.newBuiltin("deque", null, true, PyDeque::new);
    static final PyType ITERATOR = PyTypes.newBuiltin("_deque_iterator", null, false, null);
    static final PyType REVERSE_ITERATOR = PyTypes.newBuiltin("_deque_reverse_iterator", null, false, null);

    private final PyType type;
    private PyDict dict;
    private Object[] items = new Object[8];
    private int head;
    private int size;
    /** -1: unbounded. */
    private int maxlen = -1;
    /** Bumped by every change of length or order. */
    private long state;

    PyDeque(PyType type) { this.type = type; }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type != TYPE && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    // ------------------------------------------------------------------ storage

    private Object at(int i) {
        Object[] a = items;
        return a[(head + i) & (a.length - 1)];
    }

    private void setAt(int i, Object v) {
        Object[] a = items;
        a[(head + i) & (a.length - 1)] = v;
    }

    private void grow() {
        if (items.length >= 1 << 30) throw Py.memoryError();
        Object[] bigger = new Object[items.length * 2];
        for (int i = 0; i < size; i++) bigger[i] = at(i);
        items = bigger;
        head = 0;
    }

    void append(Object v) {
        if (FreeThreading.enabled) {
            synchronized (this) {
                appendUnlocked(v);
            }
            return;
        }
        appendUnlocked(v);
    }

    private void appendUnlocked(Object v) {
        if (maxlen == 0) return;
        if (size == maxlen) popLeftUnlocked();
        if (size == items.length) grow();
        setAt(size++, v);
        state++;
    }

    void appendLeft(Object v) {
        if (FreeThreading.enabled) {
            synchronized (this) {
                appendLeftUnlocked(v);
            }
            return;
        }
        appendLeftUnlocked(v);
    }

    private void appendLeftUnlocked(Object v) {
        if (maxlen == 0) return;
        if (size == maxlen) popUnlocked();
        if (size == items.length) grow();
        head = (head - 1) & (items.length - 1);
        items[head] = v;
        size++;
        state++;
    }

    Object pop() {
        if (FreeThreading.enabled) {
            synchronized (this) {
                return popUnlocked();
            }
        }
        return popUnlocked();
    }

    private Object popUnlocked() {
        if (size == 0) throw Py.indexError("pop from an empty deque");
        int i = (head + size - 1) & (items.length - 1);
        Object v = items[i];
        items[i] = null;
        size--;
        state++;
        return v;
    }

    Object popLeft() {
        if (FreeThreading.enabled) {
            synchronized (this) {
                return popLeftUnlocked();
            }
        }
        return popLeftUnlocked();
    }

    private Object popLeftUnlocked() {
        if (size == 0) throw Py.indexError("pop from an empty deque");
        Object v = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        state++;
        return v;
    }

    void clear() {
        if (FreeThreading.enabled) {
            synchronized (this) {
                clearUnlocked();
            }
            return;
        }
        clearUnlocked();
    }

    private void clearUnlocked() {
        items = new Object[8];
        head = 0;
        size = 0;
        state++;
    }

    Object[] toArray() {
        if (FreeThreading.enabled) {
            synchronized (this) {
                return toArrayUnlocked();
            }
        }
        return toArrayUnlocked();
    }

    private Object[] toArrayUnlocked() {
        Object[] out = new Object[size];
        for (int i = 0; i < size; i++) out[i] = at(i);
        return out;
    }

    private void extend(Object iterable) {
        if (iterable == this) iterable = new PyTuple(toArray());
        Object it = Ops.iter(iterable);
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) append(x);
    }

    private void extendLeft(Object iterable) {
        if (iterable == this) iterable = new PyTuple(toArray());
        Object it = Ops.iter(iterable);
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) appendLeft(x);
    }

    void rotate(long n) {
        if (FreeThreading.enabled) {
            synchronized (this) {
                rotateUnlocked(n);
            }
            return;
        }
        rotateUnlocked(n);
    }

    private void rotateUnlocked(long n) {
        if (size <= 1) return;
        int k = (int) Math.floorMod(n, (long) size);
        if (k == 0) return;
        Object[] all = toArrayUnlocked();
        for (int i = 0; i < size; i++) setAt((i + k) % size, all[i]);
        state++;
    }

    /** The element index for a Python index, or IndexError. */
    private int checkIndex(Object index) {
        Object u = Ops.unbox(index);
        if (!(u instanceof Long) && !(u instanceof Boolean) && Ops.typeOf(index).lookup("__index__") == null) {
            throw Py.typeError("sequence index must be integer, not '" + Ops.typeName(index) + "'");
        }
        long i = Ops.indexLong(index);
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw Py.indexError("deque index out of range");
        return (int) i;
    }

    private void removeAt(int index) {
        for (int i = index; i < size - 1; i++) setAt(i, at(i + 1));
        setAt(size - 1, null);
        size--;
        state++;
    }

    private void insertAt(int index, Object v) {
        if (size == items.length) grow();
        for (int i = size; i > index; i--) setAt(i, at(i - 1));
        setAt(index, v);
        size++;
        state++;
    }

    /** Index of the first element equal to v in [start, stop), or -1; RuntimeError if changed meanwhile. */
    private int find(Object v, int start, int stop) {
        long before = state;
        for (int i = start; i < stop && i < size; i++) {
            Object x = at(i);
            boolean same = x == v || Ops.eq(x, v);
            if (state != before) throw Py.runtimeError("deque mutated during iteration");
            if (same) return i;
        }
        return -1;
    }

    private PyDeque newLike(Object[] content) {
        PyDeque d = (PyDeque) Ops.call(type, new Object[0], null);
        d.maxlen = maxlen;
        for (Object x : content) d.append(x);
        return d;
    }

    private String repr() {
        if (!Ops.reprEnter(this)) return "[...]";
        try {
            StringBuilder sb = new StringBuilder(type.getName()).append("([");
            for (int i = 0; i < size; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.repr(at(i)));
            }
            sb.append(']');
            if (maxlen >= 0) sb.append(", maxlen=").append(maxlen);
            return sb.append(')').toString();
        } finally {
            Ops.reprLeave(this);
        }
    }

    private static Object compare(Object a, Object b, CompareOp op) {
        if (!(b instanceof PyDeque other)) return Py.NotImplemented;
        PyDeque self = (PyDeque) a;
        Object[] x = self.toArray();
        Object[] y = other.toArray();
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (x[i] == y[i] || Ops.eq(x[i], y[i])) continue;
            if (op == CompareOp.EQ) return Boolean.FALSE;
            if (op == CompareOp.NE) return Boolean.TRUE;
            return Ops.compare(x[i], y[i], op);
        }
        int c = Integer.compare(x.length, y.length);
        return Py.bool(switch (op) {
            case LT -> c < 0; case LE -> c <= 0; case EQ -> c == 0; case NE -> c != 0; case GT -> c > 0; case GE -> c >= 0;
        });
    }

    // ------------------------------------------------------------------ iterators

    static final class Iter extends PyIterator {
        private final PyDeque deque;
        private final long state;
        private final boolean reverse;
        private int index;

        Iter(PyDeque deque, boolean reverse) {
            this.deque = deque;
            this.state = deque.state;
            this.reverse = reverse;
        }

        @Override
        public Object next() {
            if (FreeThreading.enabled) {
                synchronized (deque) {
                    return nextUnlocked();
                }
            }
            return nextUnlocked();
        }

        private Object nextUnlocked() {
            if (deque.state != state) throw Py.runtimeError("deque mutated during iteration");
            if (index >= deque.size) return null;
            int i = index++;
            return deque.at(reverse ? deque.size - 1 - i : i);
        }

        @Override public int lengthHint() { return Math.max(0, deque.size - index); }

        @Override public PyType getType() { return reverse ? REVERSE_ITERATOR : ITERATOR; }
    }

    // ------------------------------------------------------------------ methods

    static void install() {
        TYPE.namespace().put("__module__", "collections");
        ITERATOR.namespace().put("__module__", "_collections");
        REVERSE_ITERATOR.namespace().put("__module__", "_collections");
        PyIterator.installMethods(ITERATOR);
        PyIterator.installMethods(REVERSE_ITERATOR);
        PyType t = TYPE;
        t.defineStatic("__new__", (a, kw) -> ((PyType) a[0]).allocate());
        t.define("__init__", (a, kw) -> {
            Object[] p = Args.parse("deque", a, kw, 1, new String[] {"iterable", "maxlen"}, 0, 2);
            PyDeque d = (PyDeque) a[0];
            if (p[1] != null && p[1] != Py.None) {
                long m = Ops.indexLong(p[1]);
                if (m < 0) throw Py.valueError("maxlen must be non-negative");
                d.maxlen = (int) Math.min(m, Integer.MAX_VALUE);
            } else {
                d.maxlen = -1;
            }
            if (d.size > 0) d.clear();
            if (p[0] != null) d.extend(p[0]);
            return Py.None;
        });
        t.defineGetter("maxlen", o -> ((PyDeque) o).maxlen < 0 ? Py.None : (Object) (long) ((PyDeque) o).maxlen);
        t.define("append", (a, kw) -> {
            Args.check("append", a, kw, 1, 1, 1);
            ((PyDeque) a[0]).append(a[1]);
            return Py.None;
        });
        t.define("appendleft", (a, kw) -> {
            Args.check("appendleft", a, kw, 1, 1, 1);
            ((PyDeque) a[0]).appendLeft(a[1]);
            return Py.None;
        });
        t.define("pop", (a, kw) -> {
            Args.check("pop", a, kw, 1, 0, 0);
            return ((PyDeque) a[0]).pop();
        });
        t.define("popleft", (a, kw) -> {
            Args.check("popleft", a, kw, 1, 0, 0);
            return ((PyDeque) a[0]).popLeft();
        });
        t.define("extend", (a, kw) -> {
            Args.check("extend", a, kw, 1, 1, 1);
            ((PyDeque) a[0]).extend(a[1]);
            return Py.None;
        });
        t.define("extendleft", (a, kw) -> {
            Args.check("extendleft", a, kw, 1, 1, 1);
            ((PyDeque) a[0]).extendLeft(a[1]);
            return Py.None;
        });
        t.define("clear", (a, kw) -> {
            Args.check("clear", a, kw, 1, 0, 0);
            ((PyDeque) a[0]).clear();
            return Py.None;
        });
        t.define("copy", (a, kw) -> {
            Args.check("copy", a, kw, 1, 0, 0);
            PyDeque d = (PyDeque) a[0];
            return d.newLike(d.toArray());
        });
        t.define("__copy__", (a, kw) -> {
            PyDeque d = (PyDeque) a[0];
            return d.newLike(d.toArray());
        });
        t.define("count", (a, kw) -> {
            Args.check("count", a, kw, 1, 1, 1);
            PyDeque d = (PyDeque) a[0];
            long before = d.state;
            long n = 0;
            for (int i = 0; i < d.size; i++) {
                Object x = d.at(i);
                boolean same = x == a[1] || Ops.eq(x, a[1]);
                if (d.state != before) throw Py.runtimeError("deque mutated during iteration");
                if (same) n++;
            }
            return n;
        });
        t.define("index", (a, kw) -> {
            Args.check("index", a, kw, 1, 1, 3);
            PyDeque d = (PyDeque) a[0];
            int start = a.length > 2 ? clampIndex(Ops.indexLong(a[2]), d.size) : 0;
            int stop = a.length > 3 ? clampIndex(Ops.indexLong(a[3]), d.size) : d.size;
            int i = d.find(a[1], start, stop);
            if (i < 0) throw Py.valueError(Ops.repr(a[1]) + " is not in deque");
            return (long) i;
        });
        t.define("insert", (a, kw) -> {
            Args.check("insert", a, kw, 1, 2, 2);
            PyDeque d = (PyDeque) a[0];
            if (d.size == d.maxlen) throw Py.indexError("deque already at its maximum size");
            long i = Ops.indexLong(a[1]);
            if (i < 0) i = Math.max(0, i + d.size);
            d.insertAt((int) Math.min(i, d.size), a[2]);
            return Py.None;
        });
        t.define("remove", (a, kw) -> {
            Args.check("remove", a, kw, 1, 1, 1);
            PyDeque d = (PyDeque) a[0];
            int i = d.find(a[1], 0, d.size);
            if (i < 0) throw Py.valueError(Ops.repr(a[1]) + " is not in deque");
            d.removeAt(i);
            return Py.None;
        });
        t.define("reverse", (a, kw) -> {
            Args.check("reverse", a, kw, 1, 0, 0);
            PyDeque d = (PyDeque) a[0];
            for (int i = 0, j = d.size - 1; i < j; i++, j--) {
                Object x = d.at(i);
                d.setAt(i, d.at(j));
                d.setAt(j, x);
            }
            d.state++;
            return Py.None;
        });
        t.define("rotate", (a, kw) -> {
            Args.check("rotate", a, kw, 1, 0, 1);
            ((PyDeque) a[0]).rotate(a.length > 1 ? Ops.indexLong(a[1]) : 1);
            return Py.None;
        });
        t.define("__len__", (a, kw) -> (long) ((PyDeque) a[0]).size);
        t.define("__bool__", (a, kw) -> Py.bool(((PyDeque) a[0]).size > 0));
        t.define("__getitem__", (a, kw) -> {
            PyDeque d = (PyDeque) a[0];
            return d.at(d.checkIndex(a[1]));
        });
        t.define("__setitem__", (a, kw) -> {
            PyDeque d = (PyDeque) a[0];
            d.setAt(d.checkIndex(a[1]), a[2]);
            return Py.None;
        });
        t.define("__delitem__", (a, kw) -> {
            PyDeque d = (PyDeque) a[0];
            d.removeAt(d.checkIndex(a[1]));
            return Py.None;
        });
        t.define("__contains__", (a, kw) -> {
            PyDeque d = (PyDeque) a[0];
            return Py.bool(d.find(a[1], 0, d.size) >= 0);
        });
        t.define("__iter__", (a, kw) -> new Iter((PyDeque) a[0], false));
        t.define("__reversed__", (a, kw) -> new Iter((PyDeque) a[0], true));
        t.define("__repr__", (a, kw) -> ((PyDeque) a[0]).repr());
        t.namespace().put("__hash__", Py.None);
        for (CompareOp op : CompareOp.values()) t.define(op.dunder, (a, kw) -> compare(a[0], a[1], op));
        t.define("__add__", (a, kw) -> {
            if (!(a[1] instanceof PyDeque other)) {
                throw Py.typeError("can only concatenate deque (not \"" + Ops.typeName(a[1]) + "\") to deque");
            }
            PyDeque d = (PyDeque) a[0];
            PyDeque out = d.newLike(d.toArray());
            out.extend(new PyTuple(other.toArray()));
            return out;
        });
        t.define("__iadd__", (a, kw) -> {
            ((PyDeque) a[0]).extend(a[1]);
            return a[0];
        });
        t.define("__mul__", (a, kw) -> repeat((PyDeque) a[0], a[1], false));
        t.define("__rmul__", (a, kw) -> repeat((PyDeque) a[0], a[1], false));
        t.define("__imul__", (a, kw) -> repeat((PyDeque) a[0], a[1], true));
        t.define("__reduce__", (a, kw) -> {
            PyDeque d = (PyDeque) a[0];
            Object state = d.getDict() == null ? Py.None : d.getDict();
            return PyTuple.of(d.type, PyTuple.of(new dev.gild.runtime.PyList(d.toArray()),
                    d.maxlen < 0 ? Py.None : (Object) (long) d.maxlen), state);
        });
        t.defineClassMethod("__class_getitem__", (a, kw) -> new dev.gild.runtime.PyGenericAlias(a[0], a[1]));
    }

    private static int clampIndex(long i, int size) {
        if (i < 0) i = Math.max(0, i + size);
        return (int) Math.min(i, size);
    }

    private static Object repeat(PyDeque d, Object count, boolean inPlace) {
        Object u = Ops.unbox(count);
        if (!(u instanceof Long) && !(u instanceof Boolean) && Ops.typeOf(count).lookup("__index__") == null) {
            return Py.NotImplemented;
        }
        long n = Ops.indexLong(count);
        Object[] content = d.toArray();
        PyDeque target = inPlace ? d : d.newLike(new Object[0]);
        if (inPlace) target.clear();
        if (n > 0 && content.length > 0) {
            long total = n * content.length;
            if (total / n != content.length || total > Integer.MAX_VALUE - 8 && d.maxlen < 0) throw Py.memoryError();
            // With a maxlen only the last maxlen items survive: skip the repeats that would be dropped.
            long skipRounds = d.maxlen >= 0 ? Math.max(0, n - (d.maxlen / content.length + 1)) : 0;
            for (long r = skipRounds; r < n; r++) for (Object x : content) target.append(x);
        }
        return target;
    }
}
