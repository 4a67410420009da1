package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

/** A function defined in Python: code plus the globals, defaults and closure it was made with. */
public final class PyFunction extends PyObject {
    public final CodeObject code;
    public final PyDict globals;
    /** Positional defaults (for the last parameters), or null. */
    public Object[] defaults;
    /** Keyword-only defaults, or null. */
    public PyDict kwDefaults;
    /** Cells of the free variables, parallel to code.freevars, or null. */
    public final PyCell[] closure;
    public String name;
    public String qualname;
    public Object doc = Py.None;
    public Object module = Py.None;
    public PyDict annotations;
    private PyDict dict;

    public PyFunction(CodeObject code, PyDict globals, Object[] defaults, PyDict kwDefaults, PyCell[] closure) {
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
        this.name = code.name;
        this.qualname = code.qualname;
        Object m = globals.getStr("__name__");
        if (m != null) this.module = m;
    }

    public Object call(Object[] args, String[] kwnames) {
        return Eval.callFunction(ThreadState.current(), this, args, kwnames);
    }

    @Override public PyType getType() { return PyTypes.FUNCTION; }

    @Override public PyDict getDict() {
        if (dict == null) dict = new PyDict();
        return dict;
    }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
