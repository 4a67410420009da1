package dev.gild.runtime;

/** A function bound to an instance (or, for class methods, to a class). */
public final class PyMethod extends PyObject {
    public final Object function;
    public final Object self;

    public PyMethod(Object function, Object self) {
        this.function = function;
        this.self = self;
    }

    @Override public PyType getType() { return PyTypes.METHOD; }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof PyMethod m && m.function == function && m.self == self;
    }

    @Override public int hashCode() { return System.identityHashCode(function) ^ System.identityHashCode(self); }
}
