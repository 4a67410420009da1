package dev.gild.runtime;

/**
 * The shared layout of staticmethod and classmethod: a wrapped callable, a type (they can be
 * subclassed) and an attribute dict (functools.wraps copies attributes onto them).
 */
public abstract class PyCallableWrapper extends PyObject {
    private final PyType type;
    private PyDict dict;
    public Object callable;

    protected PyCallableWrapper(PyType type, Object callable) {
        this.type = type;
        this.callable = callable;
    }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null) dict = new PyDict();
        return dict;
    }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
