package dev.gild.runtime;

/**
 * An instance of a script subclass of an immutable built-in value type (int, float, complex,
 * str, bytes): the built-in value plus the subclass and an attribute dict. Built-in methods of
 * those types take their receiver through {@link Ops#unbox}, so they work on these too.
 */
public final class PyBoxed extends PyObject {
    private final PyType type;
    private PyDict dict;
    /** The built-in value: Long, BigInteger, Double, PyComplex, String or PyBytes. */
    public Object value;

    public PyBoxed(PyType type) {
        this.type = type;
    }

    public PyBoxed(PyType type, Object value) {
        this.type = type;
        this.value = value;
    }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }
}
