package dev.gild.runtime;

/** A module: a namespace dict with a name. */
public final class PyModule extends PyObject {
    private final PyType type;
    public final PyDict dict;

    public PyModule(PyType type) {
        this.type = type;
        this.dict = new PyDict();
    }

    public PyModule(String name) {
        this(PyTypes.MODULE);
        dict.put("__name__", name);
        dict.put("__doc__", Py.None);
    }

    /** Defines a built-in function of this module (its {@code __module__} is the module's name). */
    public PyBuiltin define(String name, PyBuiltin.Impl impl) {
        PyBuiltin b = PyBuiltin.function(name, impl);
        b.module = getName();
        dict.put(name, b);
        return b;
    }

    /** Sets a module attribute. */
    public void set(String name, Object value) {
        dict.put(name, value);
    }

    public String getName() {
        Object n = dict.getStr("__name__");
        return n instanceof String s ? s : "?";
    }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() { return dict; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
