package dev.gild.runtime;

import java.util.Arrays;

/** Python's tuple: an immutable array. Subclasses (namedtuple) keep their type in {@link #type}. */
public class PyTuple extends PyObject {
    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final PyType type;
    private PyDict dict;
    public final Object[] items;

    /** Wraps the array without copying: the caller gives up ownership. */
    public PyTuple(Object[] items) {
        this(PyTypes.TUPLE, items);
    }

    public PyTuple(PyType type, Object[] items) {
        this.type = type;
        this.items = items;
    }

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    public static PyTuple copyOf(Object[] items, int from, int to) {
        return to <= from ? EMPTY : new PyTuple(Arrays.copyOfRange(items, from, to));
    }

    public int size() { return items.length; }

    public Object get(int i) { return items[i]; }

    @Override public PyType getType() { return type; }

    @Override
    public PyDict getDict() {
        if (dict == null && type != PyTypes.TUPLE && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }
}
