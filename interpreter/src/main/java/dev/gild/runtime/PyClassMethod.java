package dev.gild.runtime;

/** classmethod(f): binds f to the class, whether reached through an instance or the class. */
public final class PyClassMethod extends PyObject {
    private final PyType type;
    private PyDict dict;
    public Object callable;

    public PyClassMethod(Object callable) { this(PyTypes.CLASSMETHOD, callable); }

    public PyClassMethod(PyType type, Object callable) {
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
