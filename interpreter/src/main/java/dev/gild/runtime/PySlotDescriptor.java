package dev.gild.runtime;

/** A member of a class with {@code __slots__}: reads and writes one named slot of the instance. */
public final class PySlotDescriptor extends PyObject {
    public final String name;
    public final PyType owner;

    public PySlotDescriptor(String name, PyType owner) {
        this.name = name;
        this.owner = owner;
    }

    private PyDict storage(Object obj) {
        if (obj instanceof PyInstance i) return i.slotStorage();
        throw Py.typeError("descriptor '" + name + "' for '" + owner.getName() + "' objects doesn't apply to a '"
                + Ops.typeName(obj) + "' object");
    }

    public Object get(Object obj) {
        Object v = storage(obj).getStr(name);
        if (v == null) throw Py.attributeError("'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
        return v;
    }

    public void set(Object obj, Object value) { storage(obj).put(name, value); }

    public void delete(Object obj) {
        if (storage(obj).remove(name) == null) {
            throw Py.attributeError("'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
        }
    }

    @Override public PyType getType() { return PyTypes.GETSET_DESCRIPTOR; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
