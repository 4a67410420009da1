package dev.gild.runtime;

/** super(type, obj): attribute lookup that starts after {@link #thisType} in obj's MRO. */
public final class PySuper extends PyObject {
    private final PyType type;
    public PyType thisType;
    /** The instance or class the lookup binds to. */
    public Object obj;
    /** type(obj), or obj itself when obj is a class. */
    public PyType objType;

    public PySuper(PyType type) { this.type = type; }

    @Override public PyType getType() { return type; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
