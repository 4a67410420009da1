package dev.gild.runtime;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A computed attribute of a built-in type ({@code getset_descriptor}), e.g. {@code int.real}. */
public final class PyGetSetDescriptor extends PyObject {
    public final String name;
    public final PyType owner;
    final Function<Object, Object> getter;
    final BiConsumer<Object, Object> setter;

    PyGetSetDescriptor(String name, PyType owner, Function<Object, Object> getter,
                       BiConsumer<Object, Object> setter) {
        this.name = name;
        this.owner = owner;
        this.getter = getter;
        this.setter = setter;
    }

    public Object get(Object obj) { return getter.apply(obj); }

    public void set(Object obj, Object value) {
        if (setter == null) {
            throw Py.attributeError("attribute '" + name + "' of '" + owner.getName() + "' objects is not writable");
        }
        setter.accept(obj, value);
    }

    @Override public PyType getType() { return PyTypes.GETSET_DESCRIPTOR; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
