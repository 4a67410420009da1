package dev.gild.runtime;

/** staticmethod(f): returns f unbound from both instances and the class. */
public final class PyStaticMethod extends PyObject {
    private final PyType type;
    private PyDict dict;
    public Object callable;

    public PyStaticMethod(Object callable) { this(PyTypes.STATICMETHOD, callable); }

    public PyStaticMethod(PyType type, Object callable) {
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
