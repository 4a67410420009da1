package dev.gild.stdlib.collections;

import dev.gild.bytecode.CompareOp;
import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PySingleton;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * {@code _weakref}: weak references on the JVM's {@link WeakReference}. A referent disappears
 * when the JVM's collector reclaims it (not at the moment its last reference goes, as with
 * CPython's reference counting). Callbacks of cleared references are run by the next weakref
 * operation in any thread ({@link #runCallbacks}), under the interpreter lock.
 */
public final class WeakrefNative implements ModuleProvider {
    static final PyType REF = PyTypes.newBuiltin("ReferenceType", null, true, null);
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();

    static {
        REF.namespace().put("__module__", "weakref");
        REF.defineStatic("__new__", (a, kw) -> {
            Object[] p = Args.parse("ref", a, kw, 1, new String[] {"object", "callback"}, 1, 2);
            runCallbacks();
            return new PyWeakRef((PyType) a[0], p[0], p[1] == null || p[1] == Py.None ? null : p[1]);
        });
        REF.define("__init__", (a, kw) -> Py.None);
        REF.define("__call__", (a, kw) -> {
            Args.check("weakref", a, kw, 1, 0, 0);
            runCallbacks();
            Object o = ((PyWeakRef) a[0]).ref.get();
            return o == null ? Py.None : o;
        });
        REF.define("__repr__", (a, kw) -> {
            PyWeakRef r = (PyWeakRef) a[0];
            Object o = r.ref.get();
            String self = "<weakref at " + Py.addressOf(r) + "; ";
            return o == null ? self + "dead>" : self + "to '" + Ops.typeName(o) + "' at " + Py.addressOf(o) + ">";
        });
        REF.define("__hash__", (a, kw) -> ((PyWeakRef) a[0]).hash());
        REF.define("__eq__", (a, kw) -> compare(a[0], a[1], true));
        REF.define("__ne__", (a, kw) -> compare(a[0], a[1], false));
        REF.defineGetter("__callback__", o -> {
            Object cb = ((PyWeakRef) o).callback;
            return cb == null ? Py.None : cb;
        });
        REF.defineClassMethod("__class_getitem__", (a, kw) -> new dev.gild.runtime.PyGenericAlias(a[0], a[1]));
    }

    @Override public String name() { return "_weakref"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_weakref");
        m.set("ref", REF);
        m.set("ReferenceType", REF);
        m.define("_run_callbacks", (a, kw) -> {
            runCallbacks();
            return Py.None;
        });
        return m;
    }

    private static Object compare(Object self, Object other, boolean eq) {
        if (!(other instanceof PyWeakRef o)) return Py.NotImplemented;
        Object x = ((PyWeakRef) self).ref.get();
        Object y = o.ref.get();
        if (x == null || y == null) return Py.bool((self == other) == eq);
        return Ops.compare(x, y, eq ? CompareOp.EQ : CompareOp.NE);
    }

    /** Whether CPython lets this object be weakly referenced (instances of built-in value types cannot). */
    static boolean weakReferenceable(Object o) {
        if (!(o instanceof PyObject p) || o instanceof PySingleton) return false;
        PyType t = p.getType();
        return t != PyTypes.LIST && t != PyTypes.DICT && t != PyTypes.TUPLE && t != PyTypes.BYTES
                && t != PyTypes.BYTEARRAY && t != PyTypes.COMPLEX && !(t.builtin && t.getBase() == PyTypes.INT);
    }

    /** Runs the callbacks of references whose referents were collected. */
    static void runCallbacks() {
        Reference<?> cleared;
        while ((cleared = CLEARED.poll()) != null) {
            PyWeakRef owner = ((Link) cleared).owner;
            Object callback = owner.callback;
            owner.callback = null;
            if (callback == null) continue;
            try {
                Ops.call(callback, owner);
            } catch (PyException e) {
                // As CPython: an exception in a callback is reported and ignored.
                System.err.println("Exception ignored in: " + Ops.repr(callback));
                System.err.println(Ops.typeName(e.value) + ": " + Ops.str(e.value));
            }
        }
    }

    /** The JVM reference; it keeps its weakref alive only as long as the weakref itself is. */
    static final class Link extends WeakReference<Object> {
        final PyWeakRef owner;

        Link(Object referent, PyWeakRef owner) {
            super(referent, CLEARED);
            this.owner = owner;
        }
    }

    static final class PyWeakRef extends PyObject {
        private final PyType type;
        final Link ref;
        volatile Object callback;
        private long hash;
        private boolean hashed;
        private PyDict dict;

        PyWeakRef(PyType type, Object referent, Object callback) {
            if (!weakReferenceable(referent)) {
                throw Py.typeError("cannot create weak reference to '" + Ops.typeName(referent) + "' object");
            }
            this.type = type;
            this.callback = callback;
            this.ref = new Link(referent, this);
        }

        long hash() {
            if (!hashed) {
                Object o = ref.get();
                if (o == null) throw Py.typeError("weak object has gone away");
                hash = Ops.hash(o);
                hashed = true;
            }
            return hash;
        }

        @Override public PyType getType() { return type; }

        @Override public PyDict getDict() {
            if (dict == null && type != REF && type.hasInstanceDict()) dict = new PyDict();
            return dict;
        }

        @Override public boolean equals(Object o) {
            return this == o || o instanceof PyWeakRef && Ops.isTrue(compare(this, o, true));
        }

        @Override public int hashCode() { return Long.hashCode(hash()); }
    }
}
