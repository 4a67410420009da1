package dev.gild.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's type: a class, built in or defined by a script.
 *
 * <p>Attribute lookup on instances walks {@link #mro} and reads each class's namespace
 * ({@link #dict}); see {@link #lookup}. Built-in types hold their methods as {@link PyBuiltin}
 * objects in the same namespace, so {@code list.append}, {@code [].append} and a subclass override
 * all resolve the same way.
 *
 * <p>A class's instances are made by its {@link Allocator}, inherited from the nearest built-in
 * base: a subclass of {@code list} allocates {@link PyList}s whose type is the subclass, a plain
 * class allocates {@link PyInstance}s.
 */
public class PyType extends PyObject {
    /** Creates a bare instance of a type (object.__new__), before __init__ runs. */
    @FunctionalInterface
    public interface Allocator {
        PyObject allocate(PyType type);
    }

    private PyType metatype;
    private String name;
    private String qualname;
    private PyType[] bases;
    private PyType[] mro;
    private final PyDict dict;
    /** Built-in types cannot have attributes set from Python. */
    public final boolean builtin;
    /** Whether a script may subclass this type. */
    public final boolean baseType;
    Allocator allocator;
    /** Whether instances carry a {@code __dict__}: true for script classes without __slots__. */
    private boolean instanceDict;
    /** Bumped whenever this type's or a base's namespace changes; lookups may cache by it. */
    public int version;
    private final List<PyType> subclasses = new ArrayList<>();

    /** A built-in type; its methods are added with {@link #define}. */
    PyType(String name, PyType base, boolean baseType, Allocator allocator) {
        this.metatype = null;
        this.name = name;
        this.qualname = name;
        this.bases = base == null ? new PyType[0] : new PyType[] {base};
        this.dict = new PyDict((PyType) null);
        this.builtin = true;
        this.baseType = baseType;
        this.allocator = allocator;
        this.instanceDict = false;
        computeMro();
        if (base != null) base.subclasses.add(this);
    }

    /** A class made by a class statement or type(name, bases, dict). */
    public PyType(PyType metatype, String name, PyType[] bases, PyDict namespace) {
        this.metatype = metatype;
        this.name = name;
        this.qualname = name;
        this.bases = bases.length == 0 ? new PyType[] {PyTypes.OBJECT} : bases;
        this.dict = namespace;
        this.builtin = false;
        this.baseType = true;
        for (PyType b : this.bases) {
            if (!b.baseType) {
                throw Py.typeError("type '" + b.name + "' is not an acceptable base type");
            }
        }
        PyType solid = solidBase(this.bases);
        this.allocator = solid.allocator;
        this.instanceDict = !namespace.containsKey("__slots__") || hasInstanceDictInBases();
        computeMro();
        for (PyType b : this.bases) b.subclasses.add(this);
    }

    private boolean hasInstanceDictInBases() {
        for (PyType b : bases) if (b.instanceDict) return true;
        return false;
    }

    /** The base whose layout instances use; TypeError when bases have incompatible layouts. */
    private static PyType solidBase(PyType[] bases) {
        PyType winner = null;
        for (PyType b : bases) {
            PyType s = layoutOf(b);
            if (winner == null || s.isSubtypeOf(winner)) {
                winner = s;
            } else if (!winner.isSubtypeOf(s)) {
                throw Py.typeError("multiple bases have instance lay-out conflict");
            }
        }
        return winner;
    }

    /** The nearest built-in ancestor that defines the instance layout. */
    private static PyType layoutOf(PyType t) {
        if (!t.builtin) {
            PyType next = null;
            for (PyType b : t.bases) {
                PyType l = layoutOf(b);
                if (next == null || l.isSubtypeOf(next)) next = l;
            }
            return next;
        }
        PyType t2 = t;
        while (t2.bases.length > 0 && t2.allocator == t2.bases[0].allocator) t2 = t2.bases[0];
        return t2;
    }

    // ------------------------------------------------------------------ MRO

    private void computeMro() {
        if (bases.length == 0) {
            mro = new PyType[] {this};
            return;
        }
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) seqs.add(new ArrayList<>(List.of(b.mro)));
        seqs.add(new ArrayList<>(List.of(bases)));
        List<PyType> result = new ArrayList<>();
        result.add(this);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) break;
            PyType candidate = null;
            for (List<PyType> seq : seqs) {
                PyType head = seq.get(0);
                boolean inTail = false;
                for (List<PyType> other : seqs) {
                    if (other.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                StringBuilder sb = new StringBuilder(
                        "Cannot create a consistent method resolution order (MRO) for bases ");
                for (int i = 0; i < bases.length; i++) {
                    if (i > 0) sb.append(", ");
                    sb.append(bases[i].name);
                }
                throw Py.typeError(sb.toString());
            }
            result.add(candidate);
            for (List<PyType> seq : seqs) if (!seq.isEmpty() && seq.get(0) == candidate) seq.remove(0);
        }
        mro = result.toArray(new PyType[0]);
    }

    // ------------------------------------------------------------------ lookup

    /** The attribute found first along the MRO, or null: no descriptor binding. */
    public Object lookup(String name) {
        for (PyType t : mro) {
            Object v = t.dict.getStr(name);
            if (v != null) return v;
        }
        return null;
    }

    public boolean isSubtypeOf(PyType other) {
        if (this == other) return true;
        for (PyType t : mro) if (t == other) return true;
        return false;
    }

    /** Adds a built-in method (a {@link PyBuiltin} method descriptor) to this type. */
    public PyBuiltin define(String name, PyBuiltin.Impl impl) {
        PyBuiltin f = new PyBuiltin(name, this, PyBuiltin.Kind.METHOD, impl);
        dict.put(name, f);
        return f;
    }

    /** Adds a built-in class method: the Impl receives the class as args[0]. */
    public PyBuiltin defineClassMethod(String name, PyBuiltin.Impl impl) {
        PyBuiltin f = new PyBuiltin(name, this, PyBuiltin.Kind.CLASSMETHOD, impl);
        dict.put(name, f);
        return f;
    }

    /** Adds a built-in static method (no receiver). */
    public PyBuiltin defineStatic(String name, PyBuiltin.Impl impl) {
        PyBuiltin f = new PyBuiltin(name, this, PyBuiltin.Kind.STATIC, impl);
        dict.put(name, new PyStaticMethod(f));
        return f;
    }

    /** Adds a read-only attribute computed from the instance. */
    public void defineGetter(String name, java.util.function.Function<Object, Object> getter) {
        dict.put(name, new PyGetSetDescriptor(name, this, getter, null));
    }

    /** Adds a read-write attribute. */
    public void defineGetSet(String name, java.util.function.Function<Object, Object> getter,
                             java.util.function.BiConsumer<Object, Object> setter) {
        dict.put(name, new PyGetSetDescriptor(name, this, getter, setter));
    }

    /** Sets a class attribute from Python (STORE_ATTR on a class). */
    public void setAttribute(String name, Object value) {
        if (builtin) {
            throw Py.typeError("cannot set '" + name + "' attribute of immutable type '" + this.name + "'");
        }
        dict.put(name, value);
        invalidate();
    }

    public void deleteAttribute(String name) {
        if (builtin) {
            throw Py.typeError("cannot set '" + name + "' attribute of immutable type '" + this.name + "'");
        }
        if (dict.remove(name) == null) {
            throw Py.attributeError("type object '" + this.name + "' has no attribute '" + name + "'");
        }
        invalidate();
    }

    /** Marks cached lookups on this type and its subclasses stale. */
    public void invalidate() {
        version++;
        for (PyType s : subclasses) s.invalidate();
    }

    /** Creates a bare instance (object.__new__(this)). */
    public PyObject allocate() {
        if (allocator == null) {
            throw Py.typeError("cannot create '" + name + "' instances");
        }
        return allocator.allocate(this);
    }

    /**
     * Whether attribute access uses object's own __getattribute__ / __setattr__ (no override
     * anywhere in the MRO), cached per {@link #version}: bit 0 getattribute, bit 1 setattr, the
     * version above them, in one field so a racing reader never pairs a flag with the wrong version.
     */
    private long genericAccessCache = -1;

    private long genericAccess() {
        long cache = genericAccessCache;
        if (cache >> 2 == version) return cache;
        long flags = (lookup("__getattribute__") == ObjectMethods.GETATTRIBUTE ? 1 : 0)
                | (lookup("__setattr__") == ObjectMethods.SETATTR ? 2 : 0);
        cache = (long) version << 2 | flags;
        genericAccessCache = cache;
        return cache;
    }

    /** True when no class in the MRO overrides __getattribute__. */
    public boolean usesGenericGetattribute() { return (genericAccess() & 1) != 0; }

    /** True when no class in the MRO overrides __setattr__. */
    public boolean usesGenericSetattr() { return (genericAccess() & 2) != 0; }

    // ------------------------------------------------------------------ accessors

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getQualname() { return qualname; }

    public void setQualname(String qualname) { this.qualname = qualname; }

    public PyType[] getBases() { return bases; }

    public PyType getBase() { return bases.length == 0 ? null : bases[0]; }

    public PyType[] getMro() { return mro; }

    public List<PyType> getSubclasses() { return subclasses; }

    public boolean hasInstanceDict() { return instanceDict; }

    void setInstanceDict(boolean instanceDict) { this.instanceDict = instanceDict; }

    /** The class namespace. */
    public PyDict namespace() { return dict; }

    @Override
    public PyDict getDict() { return dict; }

    @Override
    public PyType getType() { return metatype == null ? PyTypes.TYPE : metatype; }

    /** The module name shown in reprs: "builtins" for built-in types. */
    public String getModuleName() {
        Object m = dict.getStr("__module__");
        return m instanceof String s ? s : "builtins";
    }

    @Override public boolean equals(Object other) { return this == other; }

    @Override public int hashCode() { return System.identityHashCode(this); }

    @Override public String toString() { return "<class '" + name + "'>"; }
}
