package dev.gild.runtime;

/**
 * Base of every Python object that is not represented by a JVM value. Python's int, float, str
 * and bool are the JVM's Long (or BigInteger past 64 bits), Double, String and Boolean; None is
 * {@link Py#None}. Everything else extends this class.
 *
 * <p>{@link #equals} and {@link #hashCode} follow Python's {@code ==} and {@code hash()} (see
 * {@link PyDict}), so Python objects can be keys of Java hash tables.
 */
public abstract class PyObject {
    /** The Python type of this object. */
    public abstract PyType getType();

    /** The instance attribute dictionary ({@code __dict__}), or null when the object has none. */
    public PyDict getDict() { return null; }

    @Override
    public boolean equals(Object other) {
        return this == other || other != null && Ops.eq(this, other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Ops.hash(this));
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
