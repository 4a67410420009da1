package dev.gild.runtime;

/**
 * A function implemented in Java: a module-level builtin ({@code len}), a method of a built-in
 * type ({@code list.append}, a method descriptor until bound), or such a method bound to its
 * receiver ({@code [].append}).
 *
 * <p>Calling convention, shared with Python functions: positional arguments first, then the
 * values of keyword arguments whose names are in {@code kwnames} (null when there are none).
 * A method receives its receiver as {@code args[0]}.
 */
public final class PyBuiltin extends PyObject {
    /** The Java body of a builtin. */
    @FunctionalInterface
    public interface Impl {
        Object call(Object[] args, String[] kwnames);
    }

    public enum Kind { FUNCTION, METHOD, CLASSMETHOD, STATIC }

    public final String name;
    /** The type a method belongs to, or null for a module-level function. */
    public final PyType owner;
    public final Kind kind;
    public final Impl impl;
    /** The bound receiver, or null for an unbound function/descriptor. */
    public final Object self;
    /** Module name shown by repr for functions ("builtins"), or null. */
    public String module;

    public PyBuiltin(String name, PyType owner, Kind kind, Impl impl) {
        this(name, owner, kind, impl, null);
    }

    private PyBuiltin(String name, PyType owner, Kind kind, Impl impl, Object self) {
        this.name = name;
        this.owner = owner;
        this.kind = kind;
        this.impl = impl;
        this.self = self;
    }

    /** A module-level function. */
    public static PyBuiltin function(String name, Impl impl) {
        return new PyBuiltin(name, null, Kind.FUNCTION, impl);
    }

    public PyBuiltin bind(Object receiver) {
        return new PyBuiltin(name, owner, kind, impl, receiver);
    }

    public boolean isBound() { return self != null; }

    /** Calls with args that do not include a bound receiver. */
    public Object call(Object[] args, String[] kwnames) {
        if (self == null) {
            if (kind == Kind.METHOD && args.length - (kwnames == null ? 0 : kwnames.length) == 0) {
                throw Py.typeError("unbound method " + owner.getName() + "." + name + "() needs an argument");
            }
            return impl.call(args, kwnames);
        }
        Object[] full = new Object[args.length + 1];
        full[0] = self;
        System.arraycopy(args, 0, full, 1, args.length);
        return impl.call(full, kwnames);
    }

    @Override public PyType getType() {
        return self == null && kind == Kind.METHOD ? PyTypes.METHOD_DESCRIPTOR : PyTypes.BUILTIN_FUNCTION;
    }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof PyBuiltin b && b.impl == impl && b.self == self && self != null;
    }

    @Override public int hashCode() { return System.identityHashCode(impl) * 31 + System.identityHashCode(self); }

    public String repr() {
        if (self == null) {
            if (kind == Kind.METHOD) return "<method '" + name + "' of '" + owner.getName() + "' objects>";
            return "<built-in function " + name + ">";
        }
        if (self instanceof PyModule m) return "<built-in function " + name + ">";
        return "<built-in method " + name + " of " + Ops.typeName(self) + " object at " + Py.addressOf(self) + ">";
    }
}
