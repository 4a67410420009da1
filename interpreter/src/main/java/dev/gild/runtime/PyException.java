package dev.gild.runtime;

/**
 * The Java throwable that carries a Python exception through Java frames. It has no Java stack
 * trace (filling one in is the main cost of a Java exception); the Python traceback is in
 * {@link PyBaseException#traceback}.
 */
public final class PyException extends RuntimeException {
    public final PyBaseException value;

    PyException(PyBaseException value) {
        super(null, null, false, false);
        this.value = value;
    }

    public PyType type() { return value.getType(); }

    public boolean matches(PyType t) { return value.isInstance(t); }

    @Override
    public String getMessage() {
        return value.getType().getName() + ": " + Ops.str(value);
    }
}
