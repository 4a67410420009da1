package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

/**
 * One activation of a code object: its fast locals, cells, operand stack and position. Frames
 * are heap objects so a generator can suspend by keeping its frame, a traceback can read the line
 * a frame was at, and the scheduler can inspect a thread.
 */
public final class Frame extends PyObject {
    public final CodeObject code;
    public final PyFunction function;
    public final PyDict globals;
    public final PyDict builtins;
    /** The locals mapping of module and class bodies (LOAD_NAME); null in functions. */
    public PyDict locals;
    public final Object[] fast;
    /** cellvars then freevars. */
    public final PyCell[] cells;
    public final Object[] stack;
    public int sp;
    /** Index of the next instruction to run. */
    public int pc;
    /** Index of the instruction running or last run (for line numbers). */
    public int lasti;
    /** The calling frame (f_back), or null. */
    public Frame back;
    /** The generator that owns this frame, or null. */
    public PyGenerator generator;
    /** Set by YIELD_VALUE / YIELD_FROM when run() returned because the frame yielded. */
    public boolean yielded;

    public Frame(CodeObject code, PyFunction function, PyDict globals, PyDict builtins, PyDict locals) {
        this.code = code;
        this.function = function;
        this.globals = globals;
        this.builtins = builtins;
        this.locals = locals;
        this.fast = new Object[code.varnames.length];
        int ncells = code.cellvars.length + code.freevars.length;
        this.cells = ncells == 0 ? NO_CELLS : new PyCell[ncells];
        this.stack = new Object[code.maxStack + 1];
    }

    private static final PyCell[] NO_CELLS = new PyCell[0];

    public int line() { return code.lineAt(lasti); }

    @Override public PyType getType() { return PyTypes.FRAME; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
