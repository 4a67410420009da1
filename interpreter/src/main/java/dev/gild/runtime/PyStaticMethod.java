package dev.gild.runtime;

/** staticmethod(f): returns f unbound from both instances and the class. */
public final class PyStaticMethod extends PyCallableWrapper {
    public PyStaticMethod(Object callable) { this(PyTypes.STATICMETHOD, callable); }

    public PyStaticMethod(PyType type, Object callable) { super(type, callable); }
}
