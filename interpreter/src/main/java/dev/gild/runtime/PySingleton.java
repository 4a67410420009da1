package dev.gild.runtime;

/** None, NotImplemented and Ellipsis: one instance each, with a fixed repr. */
public final class PySingleton extends PyObject {
    private final String repr;
    private PyType type;

    PySingleton(String repr) { this.repr = repr; }

    void setType(PyType type) { this.type = type; }

    public String repr() { return repr; }

    @Override public PyType getType() { return type; }

    @Override public boolean equals(Object other) { return this == other; }

    @Override public int hashCode() { return System.identityHashCode(this); }

    @Override public String toString() { return repr; }
}
