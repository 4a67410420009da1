package dev.gild.runtime;

/** classmethod(f): binds f to the class, whether reached through an instance or the class. */
public final class PyClassMethod extends PyCallableWrapper {
    public PyClassMethod(Object callable) { this(PyTypes.CLASSMETHOD, callable); }

    public PyClassMethod(PyType type, Object callable) { super(type, callable); }
}
