package dev.gild.runtime;

/**
 * An instance of BaseException or a subclass. Extra attributes of particular exceptions
 * ({@code StopIteration.value}, {@code SystemExit.code}, {@code OSError.errno}, {@code KeyError}'s
 * str, {@code SyntaxError.lineno} ...) live in the instance dict, set by their {@code __init__}.
 *
 * <p>It is thrown through Java code wrapped in a {@link PyException}.
 */
public class PyBaseException extends PyObject {
    private PyType type;
    private PyDict dict;
    public PyTuple args = PyTuple.EMPTY;
    /** Innermost-last chain of (frame, line) entries, CPython's tb_next order. */
    public PyTraceback traceback;
    /** {@code __cause__}: set by {@code raise ... from}; None when absent. */
    public Object cause = Py.None;
    /** {@code __context__}: the exception being handled when this one was raised; None when absent. */
    public Object context = Py.None;
    public boolean suppressContext;
    /** Notes added by add_note (3.11). */
    public PyList notes;
    private PyException carrier;

    public PyBaseException(PyType type) { this.type = type; }

    public PyBaseException(PyType type, Object... args) {
        this.type = type;
        this.args = PyTuple.of(args);
    }

    @Override public PyType getType() { return type; }

    public void setType(PyType type) { this.type = type; }

    @Override public PyDict getDict() {
        if (dict == null) dict = new PyDict();
        return dict;
    }

    /** The Java throwable carrying this exception; one per exception object. */
    public PyException toThrowable() {
        if (carrier == null) carrier = new PyException(this);
        return carrier;
    }

    public boolean isInstance(PyType t) { return type.isSubtypeOf(t); }

    /** An attribute from the instance dict, or null. */
    public Object attr(String name) { return dict == null ? null : dict.getStr(name); }

    public void setAttr(String name, Object value) { getDict().put(name, value); }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
