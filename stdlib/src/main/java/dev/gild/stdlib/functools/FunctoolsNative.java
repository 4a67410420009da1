package dev.gild.stdlib.functools;

import dev.gild.bytecode.CompareOp;
import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyMethod;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code _functools}: the hot parts of functools in Java (reduce, partial, cmp_to_key and the
 * lru_cache wrapper). The functools module written in Python re-exports them.
 */
public final class FunctoolsNative implements ModuleProvider {
    static final String MODULE = "functools";

    @Override public String name() { return "_functools"; }

    private static PyType moduleType(String name, boolean subclassable, PyType.Allocator allocator) {
        PyType t = PyTypes.newBuiltin(name, null, subclassable, allocator);
        t.namespace().put("__module__", MODULE);
        return t;
    }

    static final PyType PARTIAL = moduleType("partial", true, t -> new Partial(t));
    static final PyType KEY_WRAPPER = moduleType("KeyWrapper", false, null);
    static final PyType LRU_WRAPPER = moduleType("_lru_cache_wrapper", false, null);

    static {
        PARTIAL.defineStatic("__new__", FunctoolsNative::newPartial);
        PARTIAL.define("__call__", (a, kw) -> ((Partial) a[0]).call(Arrays.copyOfRange(a, 1, a.length), kw));
        PARTIAL.define("__repr__", (a, kw) -> ((Partial) a[0]).repr());
        PARTIAL.defineGetter("func", o -> ((Partial) o).func);
        PARTIAL.defineGetter("args", o -> new PyTuple(((Partial) o).args.clone()));
        PARTIAL.defineGetter("keywords", o -> ((Partial) o).keywordDict());
        PARTIAL.defineGetSet("__dict__", o -> ((Partial) o).getDict(), (o, v) -> {
            if (!(v instanceof PyDict d)) throw Py.typeError("__dict__ must be set to a dictionary");
            ((Partial) o).dict = d;
        });

        for (CompareOp op : CompareOp.values()) {
            KEY_WRAPPER.define(op.dunder, (a, kw) -> {
                Args.check(op.dunder, a, kw, 1, 1, 1);
                KeyWrapper self = (KeyWrapper) a[0];
                if (!(a[1] instanceof KeyWrapper other)) throw Py.typeError("other argument must be K instance");
                Object c = Ops.call(self.cmp, self.obj, other.obj);
                return Ops.compare(c, 0L, op);
            });
        }
        KEY_WRAPPER.namespace().put("__hash__", Py.None);
        KEY_WRAPPER.define("__call__", (a, kw) -> {
            Object[] p = Args.parse("K", a, kw, 1, new String[] {"obj"}, 1, 1);
            return new KeyWrapper(((KeyWrapper) a[0]).cmp, p[0]);
        });
        KEY_WRAPPER.defineGetter("obj", o -> ((KeyWrapper) o).obj == null ? Py.None : ((KeyWrapper) o).obj);

        LRU_WRAPPER.define("__call__", (a, kw) -> ((LruCacheWrapper) a[0]).call(Arrays.copyOfRange(a, 1, a.length), kw));
        LRU_WRAPPER.define("__get__", (a, kw) -> a.length < 2 || a[1] == Py.None ? a[0] : new PyMethod(a[0], a[1]));
        LRU_WRAPPER.define("cache_info", (a, kw) -> {
            Args.check("cache_info", a, kw, 1, 0, 0);
            return ((LruCacheWrapper) a[0]).info();
        });
        LRU_WRAPPER.define("cache_clear", (a, kw) -> {
            Args.check("cache_clear", a, kw, 1, 0, 0);
            ((LruCacheWrapper) a[0]).clear();
            return Py.None;
        });
        LRU_WRAPPER.define("cache_parameters", (a, kw) -> {
            LruCacheWrapper w = (LruCacheWrapper) a[0];
            PyDict d = new PyDict();
            d.put("maxsize", w.maxsize < 0 ? Py.None : (Object) w.maxsize);
            d.put("typed", Py.bool(w.typed));
            return d;
        });
        LRU_WRAPPER.defineGetSet("__dict__", o -> ((LruCacheWrapper) o).getDict(), (o, v) -> {
            if (!(v instanceof PyDict d)) throw Py.typeError("__dict__ must be set to a dictionary");
            ((LruCacheWrapper) o).dict = d;
        });
    }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_functools");
        m.define("reduce", FunctoolsNative::reduce);
        m.set("partial", PARTIAL);
        m.set("KeyWrapper", KEY_WRAPPER);
        m.set("_lru_cache_wrapper", LRU_WRAPPER);
        m.define("cmp_to_key", (a, kw) -> {
            Object[] p = Args.parse("cmp_to_key", a, kw, new String[] {"mycmp"}, 1);
            return new KeyWrapper(p[0], null);
        });
        m.define("_lru_cache_wrapper", (a, kw) -> {
            Args.check("_lru_cache_wrapper", a, kw, 0, 4, 4);
            long maxsize = a[1] == Py.None ? -1 : Math.max(0, Ops.indexLong(a[1]));
            return new LruCacheWrapper(a[0], maxsize, Ops.isTrue(a[2]), a[3]);
        });
        return m;
    }

    static Object reduce(Object[] a, String[] kw) {
        Args.check("reduce", a, kw, 0, 2, 3);
        Object func = a[0];
        Object it = Ops.iter(a[1]);
        Object acc = a.length == 3 ? a[2] : Ops.next(it);
        if (acc == null) throw Py.typeError("reduce() of empty iterable with no initial value");
        Object[] pair = new Object[2];
        for (Object x = Ops.next(it); x != null; x = Ops.next(it)) {
            pair[0] = acc;
            pair[1] = x;
            acc = Ops.call(func, pair, null);
            pair = new Object[2];
        }
        return acc;
    }

    // ------------------------------------------------------------------ partial

    static Object newPartial(Object[] a, String[] kw) {
        PyType cls = (PyType) a[0];
        int npos = Args.positional(a, kw) - 1;
        if (npos < 1) throw Py.typeError("type 'partial' takes at least one argument");
        Object func = a[1];
        if (!Ops.isCallable(func)) throw Py.typeError("the first argument must be callable");
        Object[] args = Arrays.copyOfRange(a, 2, 1 + npos);
        int nkw = Args.kwCount(kw);
        String[] kwnames = new String[nkw];
        Object[] kwvalues = new Object[nkw];
        for (int i = 0; i < nkw; i++) {
            kwnames[i] = kw[i];
            kwvalues[i] = a[1 + npos + i];
        }
        // A partial of a plain partial flattens into one (CPython does the same).
        if (func instanceof Partial inner && Ops.typeOf(inner) == PARTIAL && (inner.dict == null || inner.dict.size() == 0)) {
            Object[] merged = new Object[inner.args.length + args.length];
            System.arraycopy(inner.args, 0, merged, 0, inner.args.length);
            System.arraycopy(args, 0, merged, inner.args.length, args.length);
            args = merged;
            LinkedHashMap<String, Object> kws = new LinkedHashMap<>();
            for (int i = 0; i < inner.kwnames.length; i++) kws.put(inner.kwnames[i], inner.kwvalues[i]);
            for (int i = 0; i < nkw; i++) kws.put(kwnames[i], kwvalues[i]);
            kwnames = kws.keySet().toArray(new String[0]);
            kwvalues = kws.values().toArray();
            func = inner.func;
        } else {
            LinkedHashMap<String, Object> kws = new LinkedHashMap<>();
            for (int i = 0; i < nkw; i++) kws.put(kwnames[i], kwvalues[i]);
            if (kws.size() != nkw) {
                kwnames = kws.keySet().toArray(new String[0]);
                kwvalues = kws.values().toArray();
            }
        }
        Partial p = new Partial(cls);
        p.func = func;
        p.args = args;
        p.kwnames = kwnames;
        p.kwvalues = kwvalues;
        return p;
    }

    static final class Partial extends PyObject {
        private final PyType type;
        Object func = Py.None;
        Object[] args = new Object[0];
        String[] kwnames = new String[0];
        Object[] kwvalues = new Object[0];
        PyDict dict;

        Partial(PyType type) { this.type = type; }

        Object call(Object[] callArgs, String[] callKw) {
            int ckw = Args.kwCount(callKw);
            int cpos = callArgs.length - ckw;
            if (kwnames.length == 0) {
                if (args.length == 0) return Ops.call(func, callArgs, callKw);
                Object[] full = new Object[args.length + callArgs.length];
                System.arraycopy(args, 0, full, 0, args.length);
                System.arraycopy(callArgs, 0, full, args.length, callArgs.length);
                return Ops.call(func, full, callKw);
            }
            // Stored keywords first, overridden by the call's keywords of the same name.
            String[] names = new String[kwnames.length + ckw];
            Object[] values = new Object[kwnames.length + ckw];
            int n = 0;
            for (int i = 0; i < kwnames.length; i++) {
                boolean overridden = false;
                for (int j = 0; j < ckw; j++) {
                    if (callKw[j].equals(kwnames[i])) {
                        overridden = true;
                        break;
                    }
                }
                if (!overridden) {
                    names[n] = kwnames[i];
                    values[n++] = kwvalues[i];
                }
            }
            for (int j = 0; j < ckw; j++) {
                names[n] = callKw[j];
                values[n++] = callArgs[cpos + j];
            }
            Object[] full = new Object[args.length + cpos + n];
            System.arraycopy(args, 0, full, 0, args.length);
            System.arraycopy(callArgs, 0, full, args.length, cpos);
            System.arraycopy(values, 0, full, args.length + cpos, n);
            return Ops.call(func, full, Arrays.copyOf(names, n));
        }

        PyDict keywordDict() {
            PyDict d = new PyDict();
            for (int i = 0; i < kwnames.length; i++) d.put(kwnames[i], kwvalues[i]);
            return d;
        }

        String repr() {
            String name = type == PARTIAL ? "functools.partial" : type.getQualname();
            if (!Ops.reprEnter(this)) return "...";
            try {
                StringBuilder sb = new StringBuilder(name).append('(').append(Ops.repr(func));
                for (Object arg : args) sb.append(", ").append(Ops.repr(arg));
                for (int i = 0; i < kwnames.length; i++) sb.append(", ").append(kwnames[i]).append('=').append(Ops.repr(kwvalues[i]));
                return sb.append(')').toString();
            } finally {
                Ops.reprLeave(this);
            }
        }

        @Override public PyType getType() { return type; }

        @Override public PyDict getDict() {
            if (dict == null) dict = new PyDict();
            return dict;
        }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    // ------------------------------------------------------------------ cmp_to_key

    /** cmp_to_key's result (obj null), and the keys that calling it makes. */
    static final class KeyWrapper extends PyObject {
        final Object cmp;
        final Object obj;

        KeyWrapper(Object cmp, Object obj) {
            this.cmp = cmp;
            this.obj = obj;
        }

        @Override public PyType getType() { return KEY_WRAPPER; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    // ------------------------------------------------------------------ lru_cache

    /** The key for an argument list: positional args, a marker, keyword pairs, then types if typed. */
    static final Object KWD_MARK = PyTypes.OBJECT.allocate();

    static final class LruCacheWrapper extends PyObject {
        final Object func;
        /** -1: unbounded. */
        final long maxsize;
        final boolean typed;
        private final Object cacheInfoType;
        /** Access-ordered when bounded, so the eldest entry is the least recently used. */
        private final Map<Object, Object> cache;
        private final ReentrantLock lock = new ReentrantLock();
        private long hits;
        private long misses;
        PyDict dict;

        LruCacheWrapper(Object func, long maxsize, boolean typed, Object cacheInfoType) {
            this.func = func;
            this.maxsize = maxsize;
            this.typed = typed;
            this.cacheInfoType = cacheInfoType;
            this.cache = maxsize < 0 ? new HashMap<>() : new LinkedHashMap<>(16, 0.75f, true);
            getDict().put("__wrapped__", func);
        }

        private Object makeKey(Object[] args, String[] kw) {
            int nkw = Args.kwCount(kw);
            if (nkw == 0 && args.length == 1 && (args[0] instanceof String || args[0] instanceof Long)) return args[0];
            int size = args.length + (nkw > 0 ? 1 + nkw : 0) + (typed ? args.length : 0);
            Object[] key = new Object[size];
            int npos = args.length - nkw;
            int k = 0;
            for (int i = 0; i < npos; i++) key[k++] = args[i];
            if (nkw > 0) {
                key[k++] = KWD_MARK;
                for (int i = 0; i < nkw; i++) {
                    key[k++] = kw[i];
                    key[k++] = args[npos + i];
                }
            }
            if (typed) {
                for (int i = 0; i < npos; i++) key[k++] = Ops.typeOf(args[i]);
                for (int i = 0; i < nkw; i++) key[k++] = Ops.typeOf(args[npos + i]);
            }
            return new PyTuple(key);
        }

        Object call(Object[] args, String[] kw) {
            if (maxsize == 0) {
                misses++;
                return Ops.call(func, args, kw);
            }
            Object key = makeKey(args, kw);
            // Hash first: a Python __hash__ may run (and switch threads) outside the lock.
            key.hashCode();
            Object found;
            Blocking.acquireLock(lock);
            try {
                found = cache.get(key);
                if (found != null) hits++;
            } finally {
                lock.unlock();
            }
            if (found != null) return found;
            Object result = Ops.call(func, args, kw);
            Blocking.acquireLock(lock);
            try {
                misses++;
                cache.put(key, result);
                if (maxsize > 0 && cache.size() > maxsize) {
                    var eldest = cache.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            } finally {
                lock.unlock();
            }
            return result;
        }

        Object info() {
            long h, m, size;
            Blocking.acquireLock(lock);
            try {
                h = hits;
                m = misses;
                size = cache.size();
            } finally {
                lock.unlock();
            }
            return Ops.call(cacheInfoType, h, m, maxsize < 0 ? Py.None : (Object) maxsize, size);
        }

        void clear() {
            Blocking.acquireLock(lock);
            try {
                cache.clear();
                hits = 0;
                misses = 0;
            } finally {
                lock.unlock();
            }
        }

        @Override public PyType getType() { return LRU_WRAPPER; }

        @Override public PyDict getDict() {
            if (dict == null) dict = new PyDict();
            return dict;
        }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }
}
