package dev.gild.runtime;

/** property(fget, fset, fdel, doc): a data descriptor calling Python functions. */
public final class PyProperty extends PyObject {
    private final PyType type;
    public Object fget;
    public Object fset;
    public Object fdel;
    public Object doc;
    /** The attribute name, learnt from __set_name__, for error messages. */
    public String name;

    public PyProperty(PyType type, Object fget, Object fset, Object fdel, Object doc) {
        this.type = type;
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
        this.doc = doc;
    }

    @Override public PyType getType() { return type; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
