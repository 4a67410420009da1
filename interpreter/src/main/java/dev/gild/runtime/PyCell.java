package dev.gild.runtime;

/** A cell: one variable shared between a scope and the closures that capture it. */
public final class PyCell extends PyObject {
    /** The value, or null when the variable is unbound. */
    public Object contents;

    public PyCell() {}

    public PyCell(Object contents) { this.contents = contents; }

    @Override public PyType getType() { return PyTypes.CELL; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
