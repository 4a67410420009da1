package dev.gild.runtime;

/** An instance of a script class whose layout is plain {@code object}. */
public final class PyInstance extends PyObject {
    private PyType type;
    private final PyDict dict;

    public PyInstance(PyType type) {
        this.type = type;
        this.dict = new PyDict();
    }

    @Override public PyType getType() { return type; }

    /** {@code obj.__class__ = Other}. */
    public void setType(PyType type) { this.type = type; }

    @Override public PyDict getDict() { return type.hasInstanceDict() ? dict : null; }

    /** Storage for __slots__ members (and the dict when there is one). */
    public PyDict slotStorage() { return dict; }
}
