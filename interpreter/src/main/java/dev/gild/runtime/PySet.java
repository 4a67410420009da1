package dev.gild.runtime;

/**
 * Python's set and frozenset. The elements are the keys of a {@link PyDict} (values unused),
 * which gives Python's hashing and equality rules.
 */
public class PySet extends PyObject {
    private final PyType type;
    private PyDict dict;
    public final PyDict table = new PyDict();
    public final boolean frozen;

    public PySet(PyType type) {
        this.type = type;
        this.frozen = false;
    }

    private PySet(PyType type, boolean frozen) {
        this.type = type;
        this.frozen = frozen;
    }

    public PySet() { this(PyTypes.SET); }

    public static PySet newFrozen(PyType type) { return new PySet(type, true); }

    public static PySet frozen() { return new PySet(PyTypes.FROZENSET, true); }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type != PyTypes.SET && type != PyTypes.FROZENSET && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    public int size() { return table.size(); }

    public void add(Object o) { table.put(o, Boolean.TRUE); }

    public boolean contains(Object o) { return table.containsKey(o); }

    public boolean discard(Object o) { return table.remove(o) != null; }

    public Object[] toArray() { return table.keysArray(); }

    @Override public int hashCode() {
        if (!frozen) throw Py.typeError("unhashable type: '" + type.getName() + "'");
        return super.hashCode();
    }
}
