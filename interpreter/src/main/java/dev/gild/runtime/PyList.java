package dev.gild.runtime;

import java.util.Arrays;

/** Python's list: a growable array. Subclasses keep their type in {@link #type}. */
public class PyList extends PyObject {
    private static final Object[] NO_ITEMS = new Object[0];

    private final PyType type;
    private PyDict dict;
    public Object[] items;
    public int size;

    public PyList() {
        this.type = PyTypes.LIST;
        this.items = NO_ITEMS;
    }

    public PyList(PyType type) {
        this.type = type;
        this.items = NO_ITEMS;
    }

    /** Wraps the array without copying: the caller gives up ownership. */
    public PyList(Object[] items) {
        this.type = PyTypes.LIST;
        this.items = items;
        this.size = items.length;
    }

    public PyList(Object[] items, int size) {
        this.type = PyTypes.LIST;
        this.items = items;
        this.size = size;
    }

    public static PyList of(Object... items) { return new PyList(items.clone()); }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type != PyTypes.LIST && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    public int size() { return size; }

    public Object get(int i) { return items[i]; }

    public void set(int i, Object v) { items[i] = v; }

    public void append(Object v) {
        if (FreeThreading.enabled) {
            synchronized (this) {
                appendUnlocked(v);
            }
        } else {
            appendUnlocked(v);
        }
    }

    private void appendUnlocked(Object v) {
        if (size == items.length) items = Arrays.copyOf(items, Math.max(8, size + (size >> 1) + 1));
        items[size++] = v;
    }

    public void ensureCapacity(int n) {
        if (n > items.length) items = Arrays.copyOf(items, Math.max(n, size + (size >> 1) + 1));
    }

    public void insert(int i, Object v) {
        if (size == items.length) items = Arrays.copyOf(items, Math.max(8, size + (size >> 1) + 1));
        System.arraycopy(items, i, items, i + 1, size - i);
        items[i] = v;
        size++;
    }

    public Object removeAt(int i) {
        Object v = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
        return v;
    }

    /**
     * The item at i, or null when i is past the end: the safe read for loops that run Python code
     * between items (the list may shrink meanwhile, under the GIL or without it).
     */
    public Object itemOrNull(int i) {
        if (FreeThreading.enabled) {
            synchronized (this) {
                return itemOrNullUnlocked(i);
            }
        }
        return itemOrNullUnlocked(i);
    }

    private Object itemOrNullUnlocked(int i) {
        return i < size ? items[i] : null;
    }

    /** Removes the item at i if it is still the object {@code expected} (list.remove after a search). */
    public synchronized boolean removeIfSame(int i, Object expected) {
        if (i >= size || items[i] != expected) return false;
        removeAt(i);
        return true;
    }

    public Object[] toArray() {
        if (FreeThreading.enabled) {
            synchronized (this) {
                return Arrays.copyOf(items, size);
            }
        }
        return Arrays.copyOf(items, size);
    }

    @Override public int hashCode() {
        throw Py.typeError("unhashable type: '" + type.getName() + "'");
    }
}
