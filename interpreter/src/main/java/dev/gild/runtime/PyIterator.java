package dev.gild.runtime;

/**
 * Base of iterators implemented in Java. {@link #next} returns null at the end instead of raising
 * StopIteration, so loops over built-in containers create no exception objects; the Python-level
 * {@code __next__} (installed by {@link #installMethods}) raises StopIteration.
 */
public abstract class PyIterator extends PyObject {
    /** The next item, or null when exhausted. */
    public abstract Object next();

    /** Python's length_hint, or -1 when unknown. */
    public int lengthHint() { return -1; }

    /** Gives an iterator type {@code __iter__} (returns itself) and {@code __next__}. */
    public static void installMethods(PyType t) {
        t.define("__iter__", (args, kw) -> args[0]);
        t.define("__next__", (args, kw) -> {
            Object v = ((PyIterator) args[0]).next();
            if (v == null) throw Py.stopIteration();
            return v;
        });
        t.define("__length_hint__", (args, kw) -> (long) Math.max(0, ((PyIterator) args[0]).lengthHint()));
    }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
