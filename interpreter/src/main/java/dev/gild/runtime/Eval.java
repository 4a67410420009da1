package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CompareOp;
import dev.gild.bytecode.Opcode;

/**
 * The eval loop: runs a {@link Frame} until it returns or yields.
 *
 * <p>Tour. {@link #run} caches the frame's pc, sp, operand stack, code and constants in locals and
 * dispatches on the low byte of each instruction word. The only cost it pays per instruction for
 * the interpreter lock is {@code if (--ticks < 0)} (in {@code --preempt-at instruction} mode); when
 * the budget runs out, {@link ThreadState#checkpoint} decides whether to hand the lock to another
 * thread, deliver an asynchronous exception, or record a trace event, and returns a new budget. In
 * {@code backedge} mode the same check sits only at backward jumps, calls and function entry.
 *
 * <p>Exceptions: a Python exception is a Java {@link PyException}. The outer loop catches it, adds
 * this frame's traceback entry, and looks up the exception table; with a handler the stack is cut
 * to the entry's depth, the exception pushed and the loop re-entered; without one the exception
 * propagates to the caller.
 *
 * <p>Calls to Python functions recurse on the Java stack ({@link #callFunction}); the recursion
 * limit (and a Java stack overflow) becomes RecursionError.
 *
 * <p>Rare or large operations live in static helpers so that {@link #run} stays small enough for
 * HotSpot to compile.
 */
public final class Eval {
    private static final Object[] NO_ARGS = new Object[0];

    private Eval() {}

    // ------------------------------------------------------------------ function calls

    public static Object callFunction(ThreadState ts, PyFunction fn, Object[] args, String[] kwnames) {
        CodeObject code = fn.code;
        Frame f = new Frame(code, fn, fn.globals, ts.interp.builtins, null);
        if (kwnames == null && !code.hasVarargs() && !code.hasVarkeywords() && args.length == code.argCount && code.kwOnlyArgCount == 0) {
            System.arraycopy(args, 0, f.fast, 0, args.length);
        } else {
            ArgumentBinder.bind(fn, f.fast, args, kwnames);
        }
        initCells(f, fn);
        if (code.isGenerator()) return new PyGenerator(f);
        return execute(ts, f);
    }

    static void initCells(Frame f, PyFunction fn) {
        CodeObject code = f.code;
        int ncell = code.cellvars.length;
        for (int i = 0; i < ncell; i++) {
            int arg = code.cellArgs[i];
            f.cells[i] = new PyCell(arg >= 0 ? f.fast[arg] : null);
        }
        if (code.freevars.length > 0) {
            System.arraycopy(fn.closure, 0, f.cells, ncell, code.freevars.length);
        }
    }

    /** Runs a non-generator frame to completion with the recursion check. */
    public static Object execute(ThreadState ts, Frame f) {
        if (++ts.depth > ts.interp.recursionLimit) {
            ts.depth--;
            throw Py.recursionError("maximum recursion depth exceeded");
        }
        f.back = ts.frame;
        ts.frame = f;
        try {
            return run(ts, f);
        } finally {
            ts.frame = f.back;
            ts.depth--;
        }
    }

    /** Runs a module's code with the given globals as its locals too. */
    public static Object runModule(ThreadState ts, CodeObject code, PyDict globals) {
        Frame f = new Frame(code, null, globals, ts.interp.builtins, globals);
        return execute(ts, f);
    }

    /** Runs code (exec/eval) with separate globals and locals mappings. */
    public static Object runCode(ThreadState ts, CodeObject code, PyDict globals, PyDict locals) {
        Frame f = new Frame(code, null, globals, ts.interp.builtins, locals);
        return execute(ts, f);
    }

    /** Runs a class body with ns as its locals; returns what the body returned. */
    public static Object runClassBody(PyFunction body, PyDict ns) {
        ThreadState ts = ThreadState.current();
        Frame f = new Frame(body.code, body, body.globals, ts.interp.builtins, ns);
        initCells(f, body);
        return execute(ts, f);
    }

    /** The (class, first argument) pair that super() without arguments uses. */
    public static Object[] implicitSuperArgs(ThreadState ts) {
        Frame f = ts.frame;
        if (f == null || f.code.argCount == 0 && !f.code.hasVarargs()) throw Py.runtimeError("super(): no arguments");
        CodeObject code = f.code;
        Object first = f.fast[0];
        for (int i = 0; i < code.cellvars.length; i++) {
            if (code.cellArgs[i] == 0) first = f.cells[i].contents;
        }
        if (first == null) throw Py.runtimeError("super(): arg[0] deleted");
        for (int i = 0; i < code.freevars.length; i++) {
            if ("__class__".equals(code.freevars[i])) {
                Object cls = f.cells[code.cellvars.length + i].contents;
                if (cls == null) throw Py.runtimeError("super(): empty __class__ cell");
                if (!(cls instanceof PyType)) throw Py.runtimeError("super(): __class__ is not a type (" + Ops.typeName(cls) + ")");
                return new Object[] {cls, first};
            }
        }
        throw Py.runtimeError("super(): __class__ cell not found");
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Runs f from f.pc until RETURN_VALUE (returns the value, f.yielded false) or a yield (returns
     * the yielded value, f.yielded true, f.pc/f.sp saved for resumption).
     */
    public static Object run(ThreadState ts, Frame f) {
        final CodeObject code = f.code;
        final int[] insns = code.code;
        final Object[] consts = code.consts;
        final String[] names = code.names;
        final Object[] stack = f.stack;
        final Object[] fast = f.fast;
        final boolean perInstruction = ts.perInstruction;
        int pc = f.pc;
        int sp = f.sp;
        int ticks = ts.ticks;
        boolean reraise = false;
        if (pc == 0 && !perInstruction && --ticks < 0) ticks = ts.checkpoint(f);
        while (true) {
            try {
                while (true) {
                    if (perInstruction && --ticks < 0) {
                        f.pc = pc;
                        ticks = ts.checkpoint(f);
                    }
                    final int word = insns[pc++];
                    final int arg = word >>> 8;
                    switch (word & 0xFF) {
                        case 0 /* NOP */ -> { }
                        case 1 /* POP_TOP */ -> stack[--sp] = null;
                        case 2 /* PUSH_NULL */ -> stack[sp++] = null;
                        case 3 /* COPY */ -> {
                            stack[sp] = stack[sp - arg];
                            sp++;
                        }
                        case 4 /* SWAP */ -> {
                            Object t = stack[sp - 1];
                            stack[sp - 1] = stack[sp - arg];
                            stack[sp - arg] = t;
                        }
                        case 5 /* LOAD_CONST */ -> stack[sp++] = consts[arg];
                        case 6 /* LOAD_FAST */ -> {
                            Object v = fast[arg];
                            if (v == null) throw unboundLocal(code.varnames[arg]);
                            stack[sp++] = v;
                        }
                        case 7 /* STORE_FAST */ -> {
                            fast[arg] = stack[--sp];
                            stack[sp] = null;
                        }
                        case 8 /* DELETE_FAST */ -> {
                            if (fast[arg] == null) throw unboundLocal(code.varnames[arg]);
                            fast[arg] = null;
                        }
                        case 9 /* LOAD_DEREF */ -> stack[sp++] = loadDeref(f, arg);
                        case 10 /* STORE_DEREF */ -> {
                            f.cells[arg].contents = stack[--sp];
                            stack[sp] = null;
                        }
                        case 11 /* DELETE_DEREF */ -> {
                            loadDeref(f, arg);
                            f.cells[arg].contents = null;
                        }
                        case 12 /* LOAD_CLOSURE */ -> stack[sp++] = f.cells[arg];
                        case 13 /* LOAD_CLASSDEREF */ -> stack[sp++] = loadClassDeref(f, arg);
                        case 14 /* LOAD_GLOBAL */ -> stack[sp++] = loadGlobal(f, names[arg]);
                        case 15 /* STORE_GLOBAL */ -> {
                            f.globals.put(names[arg], stack[--sp]);
                            stack[sp] = null;
                        }
                        case 16 /* DELETE_GLOBAL */ -> {
                            if (f.globals.remove(names[arg]) == null) throw Py.nameError(names[arg]);
                        }
                        case 17 /* LOAD_NAME */ -> stack[sp++] = loadName(f, names[arg]);
                        case 18 /* STORE_NAME */ -> {
                            f.locals.put(names[arg], stack[--sp]);
                            stack[sp] = null;
                        }
                        case 19 /* DELETE_NAME */ -> {
                            if (f.locals.remove(names[arg]) == null) throw Py.nameError(names[arg]);
                        }
                        case 20 /* LOAD_ATTR */ -> stack[sp - 1] = Ops.getattr(stack[sp - 1], names[arg]);
                        case 21 /* STORE_ATTR */ -> {
                            Ops.setattr(stack[sp - 1], names[arg], stack[sp - 2]);
                            stack[--sp] = null;
                            stack[--sp] = null;
                        }
                        case 22 /* DELETE_ATTR */ -> {
                            Ops.delattr(stack[--sp], names[arg]);
                            stack[sp] = null;
                        }
                        case 23 /* LOAD_METHOD */ -> {
                            sp = loadMethod(stack, sp, names[arg]);
                        }
                        case 24 /* LOAD_ASSERTION_ERROR */ -> stack[sp++] = PyExc.AssertionError;
                        case 25 /* LOAD_BUILD_CLASS */ -> stack[sp++] = loadGlobal(f, "__build_class__");
                        case 26 /* BINARY_OP */ -> {
                            Object b = stack[--sp];
                            Object a = stack[sp - 1];
                            stack[sp] = null;
                            stack[sp - 1] = binaryOp(a, b, arg);
                        }
                        case 27 /* UNARY_NEGATIVE */ -> stack[sp - 1] = Ops.negative(stack[sp - 1]);
                        case 28 /* UNARY_POSITIVE */ -> stack[sp - 1] = Ops.positive(stack[sp - 1]);
                        case 29 /* UNARY_NOT */ -> stack[sp - 1] = Ops.not(stack[sp - 1]);
                        case 30 /* UNARY_INVERT */ -> stack[sp - 1] = Ops.invert(stack[sp - 1]);
                        case 31 /* COMPARE_OP */ -> {
                            Object b = stack[--sp];
                            Object a = stack[sp - 1];
                            stack[sp] = null;
                            stack[sp - 1] = compareOp(a, b, arg);
                        }
                        case 32 /* IS_OP */ -> {
                            Object b = stack[--sp];
                            stack[sp] = null;
                            stack[sp - 1] = Py.bool(isSame(stack[sp - 1], b) ^ (arg != 0));
                        }
                        case 33 /* CONTAINS_OP */ -> {
                            Object container = stack[--sp];
                            stack[sp] = null;
                            stack[sp - 1] = Py.bool(Ops.contains(container, stack[sp - 1]) ^ (arg != 0));
                        }
                        case 34 /* BINARY_SUBSCR */ -> {
                            Object key = stack[--sp];
                            stack[sp] = null;
                            stack[sp - 1] = Ops.getitem(stack[sp - 1], key);
                        }
                        case 35 /* STORE_SUBSCR */ -> {
                            Ops.setitem(stack[sp - 2], stack[sp - 1], stack[sp - 3]);
                            sp -= 3;
                            stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
                        }
                        case 36 /* DELETE_SUBSCR */ -> {
                            Ops.delitem(stack[sp - 2], stack[sp - 1]);
                            sp -= 2;
                            stack[sp] = stack[sp + 1] = null;
                        }
                        case 37 /* BUILD_SLICE */ -> sp = Builders.buildSlice(stack, sp, arg);
                        case 38 /* BUILD_TUPLE */ -> {
                            Object[] items = new Object[arg];
                            sp -= arg;
                            System.arraycopy(stack, sp, items, 0, arg);
                            clear(stack, sp, arg);
                            stack[sp++] = arg == 0 ? PyTuple.EMPTY : new PyTuple(items);
                        }
                        case 39 /* BUILD_LIST */ -> {
                            Object[] items = new Object[arg];
                            sp -= arg;
                            System.arraycopy(stack, sp, items, 0, arg);
                            clear(stack, sp, arg);
                            stack[sp++] = new PyList(items);
                        }
                        case 40 /* BUILD_SET */ -> sp = Builders.buildSet(stack, sp, arg);
                        case 41 /* BUILD_MAP */ -> sp = Builders.buildMap(stack, sp, arg);
                        case 42 /* BUILD_CONST_KEY_MAP */ -> sp = Builders.buildConstKeyMap(stack, sp, arg);
                        case 43 /* BUILD_STRING */ -> sp = Builders.buildString(stack, sp, arg);
                        case 44 /* LIST_APPEND */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            ((PyList) stack[sp - arg]).append(v);
                        }
                        case 45 /* SET_ADD */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            ((PySet) stack[sp - arg]).add(v);
                        }
                        case 46 /* MAP_ADD */ -> {
                            Object v = stack[--sp];
                            Object k = stack[--sp];
                            stack[sp] = stack[sp + 1] = null;
                            ((PyDict) stack[sp - arg]).put(k, v);
                        }
                        case 47 /* LIST_EXTEND */ -> {
                            Object it = stack[--sp];
                            stack[sp] = null;
                            Builders.listExtend((PyList) stack[sp - arg], it);
                        }
                        case 48 /* SET_UPDATE */ -> {
                            Object it = stack[--sp];
                            stack[sp] = null;
                            for (Object x : Ops.toArray(it)) ((PySet) stack[sp - arg]).add(x);
                        }
                        case 49 /* DICT_UPDATE */ -> {
                            Object m = stack[--sp];
                            stack[sp] = null;
                            Builders.dictUpdate((PyDict) stack[sp - arg], m);
                        }
                        case 50 /* DICT_MERGE */ -> {
                            Object m = stack[--sp];
                            stack[sp] = null;
                            Builders.dictMerge((PyDict) stack[sp - arg], m, stack[sp - arg - 2]);
                        }
                        case 51 /* LIST_TO_TUPLE */ -> stack[sp - 1] = PyTuple.of(((PyList) stack[sp - 1]).toArray());
                        case 52 /* FORMAT_VALUE */ -> sp = Builders.formatValue(stack, sp, arg);
                        case 53 /* UNPACK_SEQUENCE */ -> sp = Builders.unpackSequence(stack, sp, arg);
                        case 54 /* UNPACK_EX */ -> sp = Builders.unpackEx(stack, sp, arg);
                        case 55 /* JUMP_FORWARD */ -> pc = arg;
                        case 56 /* JUMP_BACKWARD */ -> {
                            pc = arg;
                            if (!perInstruction && --ticks < 0) {
                                f.pc = pc;
                                ticks = ts.checkpoint(f);
                            }
                        }
                        case 57 /* POP_JUMP_IF_FALSE */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            if (v == Boolean.FALSE || v != Boolean.TRUE && !Ops.isTrue(v)) pc = arg;
                        }
                        case 58 /* POP_JUMP_IF_TRUE */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            if (v == Boolean.TRUE || v != Boolean.FALSE && Ops.isTrue(v)) pc = arg;
                        }
                        case 59 /* POP_JUMP_IF_NONE */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            if (v == Py.None) pc = arg;
                        }
                        case 60 /* POP_JUMP_IF_NOT_NONE */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            if (v != Py.None) pc = arg;
                        }
                        case 61 /* JUMP_IF_FALSE_OR_POP */ -> {
                            if (!Ops.isTrue(stack[sp - 1])) pc = arg;
                            else stack[--sp] = null;
                        }
                        case 62 /* JUMP_IF_TRUE_OR_POP */ -> {
                            if (Ops.isTrue(stack[sp - 1])) pc = arg;
                            else stack[--sp] = null;
                        }
                        case 63 /* GET_ITER */ -> stack[sp - 1] = Ops.iter(stack[sp - 1]);
                        case 64 /* FOR_ITER */ -> {
                            Object it = stack[sp - 1];
                            Object v = it instanceof PyIterator p ? p.next() : Ops.next(it);
                            if (v == null) {
                                stack[--sp] = null;
                                pc = arg;
                            } else {
                                stack[sp++] = v;
                            }
                        }
                        case 65 /* CALL */ -> {
                            f.lasti = pc - 1;
                            ts.ticks = ticks;
                            sp = call(ts, stack, sp, arg, null);
                            ticks = ts.ticks;
                            if (!perInstruction && --ticks < 0) {
                                f.pc = pc;
                                ticks = ts.checkpoint(f);
                            }
                        }
                        case 66 /* CALL_KW */ -> {
                            f.lasti = pc - 1;
                            PyTuple kw = (PyTuple) stack[--sp];
                            stack[sp] = null;
                            ts.ticks = ticks;
                            sp = call(ts, stack, sp, arg, kwNames(kw));
                            ticks = ts.ticks;
                        }
                        case 67 /* CALL_FUNCTION_EX */ -> {
                            f.lasti = pc - 1;
                            ts.ticks = ticks;
                            sp = Builders.callEx(stack, sp, arg);
                            ticks = ts.ticks;
                        }
                        case 68 /* MAKE_FUNCTION */ -> sp = Builders.makeFunction(f, stack, sp, arg);
                        case 69 /* RETURN_VALUE */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            f.sp = sp;
                            f.pc = pc;
                            f.yielded = false;
                            ts.ticks = ticks;
                            return v;
                        }
                        case 70 /* YIELD_VALUE */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            f.sp = sp;
                            f.pc = pc;
                            f.lasti = pc - 1;
                            f.yielded = true;
                            ts.ticks = ticks;
                            return v;
                        }
                        case 71 /* GET_YIELD_FROM_ITER */ -> {
                            Object o = stack[sp - 1];
                            if (!(o instanceof PyGenerator)) stack[sp - 1] = Ops.iter(o);
                        }
                        case 72 /* YIELD_FROM */ -> {
                            f.lasti = pc - 1;
                            Object v = stack[sp - 1];
                            Object sub = stack[sp - 2];
                            Object[] out = new Object[1];
                            if (PyGenerator.delegate(sub, v, out)) {
                                stack[sp - 1] = null;
                                f.sp = sp - 1;
                                f.pc = pc - 1;
                                f.yielded = true;
                                ts.ticks = ticks;
                                return out[0];
                            }
                            stack[--sp] = null;
                            stack[sp - 1] = out[0];
                        }
                        case 73 /* PUSH_EXC_INFO */ -> {
                            Object exc = stack[sp - 1];
                            stack[sp - 1] = ts.handled == null ? Py.None : ts.handled;
                            stack[sp++] = exc;
                            ts.handled = (PyBaseException) exc;
                        }
                        case 74 /* POP_EXCEPT */ -> {
                            Object prev = stack[--sp];
                            stack[sp] = null;
                            ts.handled = prev == Py.None ? null : (PyBaseException) prev;
                        }
                        case 75 /* CHECK_EXC_MATCH */ -> stack[sp - 1] = Py.bool(ExceptionMethods.matches(stack[sp - 2], stack[sp - 1]));
                        case 76 /* RERAISE */ -> {
                            Object exc = stack[--sp];
                            stack[sp] = null;
                            reraise = true;
                            throw ((PyBaseException) exc).toThrowable();
                        }
                        case 77 /* RAISE_VARARGS */ -> {
                            f.lasti = pc - 1;
                            throw Raise.raise(ts, stack, sp, arg);
                        }
                        case 78 /* BEFORE_WITH */ -> sp = Builders.beforeWith(stack, sp);
                        case 79 /* WITH_EXCEPT_START */ -> {
                            PyBaseException exc = (PyBaseException) stack[sp - 1];
                            Object exit = stack[sp - 3];
                            stack[sp++] = Ops.call(exit, exc.getType(), exc, exc.traceback == null ? Py.None : exc.traceback);
                        }
                        case 80 /* IMPORT_NAME */ -> {
                            Object fromlist = stack[--sp];
                            Object level = stack[sp - 1];
                            stack[sp] = null;
                            stack[sp - 1] = ts.interp.imports.importName(names[arg], f.globals, fromlist, level);
                        }
                        case 81 /* IMPORT_FROM */ -> {
                            stack[sp] = ts.interp.imports.importFrom(stack[sp - 1], names[arg]);
                            sp++;
                        }
                        case 82 /* IMPORT_STAR */ -> {
                            ts.interp.imports.importStar(stack[--sp], f.locals == null ? f.globals : f.locals);
                            stack[sp] = null;
                        }
                        case 83 /* SETUP_ANNOTATIONS */ -> {
                            if (f.locals.getStr("__annotations__") == null) f.locals.put("__annotations__", new PyDict());
                        }
                        case 84 /* PRINT_EXPR */ -> {
                            Object v = stack[--sp];
                            stack[sp] = null;
                            ts.interp.displayHook(v);
                        }
                        default -> throw new IllegalStateException("bad opcode " + (word & 0xFF) + " at " + (pc - 1));
                    }
                }
            } catch (Throwable t) {
                PyException e = toPyException(t);
                f.lasti = pc - 1;
                int handler = unwind(ts, f, e, reraise);
                reraise = false;
                if (handler < 0) {
                    clear(stack, 0, sp);
                    f.sp = 0;
                    f.pc = pc;
                    ts.ticks = ticks;
                    throw e;
                }
                int depth = f.sp;
                clear(stack, depth, sp - depth);
                sp = depth;
                stack[sp++] = e.value;
                pc = handler;
            }
        }
    }

    /**
     * A Python exception for anything thrown while running bytecode: Python exceptions as they
     * are, a Java stack overflow as RecursionError, exhausted memory as MemoryError, and a Java
     * exception that escaped the runtime (a bug) as SystemError naming it, so that the script
     * sees a Python traceback rather than a Java one.
     */
    static PyException toPyException(Throwable t) {
        if (t instanceof PyException e) return e;
        if (t instanceof StackOverflowError) return Py.recursionError("maximum recursion depth exceeded");
        if (t instanceof OutOfMemoryError) return Py.memoryError();
        if (t instanceof dev.gild.parser.SyntaxErrorException se) return Builtins.syntaxError(se);
        if (t instanceof Error err) throw err;
        StackTraceElement where = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        return Py.raise(PyExc.SystemError, "internal error: " + t + (where == null ? "" : " at " + where));
    }

    /** Resumes a suspended generator frame by raising exc at its suspension point. */
    static Object resumeWithException(ThreadState ts, Frame f, PyBaseException exc) {
        boolean atYieldFrom = Opcode.opcodeOf(f.code.code[f.pc]) == Opcode.YIELD_FROM;
        f.lasti = atYieldFrom ? f.pc : f.pc - 1;
        int oldSp = f.sp;
        PyException e = exc.toThrowable();
        int handler = unwind(ts, f, e, false);
        if (handler < 0) {
            clear(f.stack, 0, oldSp);
            f.sp = 0;
            throw e;
        }
        clear(f.stack, f.sp, oldSp - f.sp);
        f.stack[f.sp++] = exc;
        f.pc = handler;
        return run(ts, f);
    }

    /**
     * Records the traceback entry and implicit context of an exception passing through f, and
     * finds its handler. Returns the handler index (with the stack depth left in f.sp) or -1.
     */
    private static int unwind(ThreadState ts, Frame f, PyException e, boolean reraise) {
        PyBaseException exc = e.value;
        if (!reraise) {
            if (exc.traceback == null && ts.handled != null && ts.handled != exc && exc.context == Py.None) {
                exc.context = ts.handled;
            }
            int[] positions = f.code.positions;
            int at = 3 * f.lasti;
            exc.traceback = at >= 0 && at + 2 < positions.length
                    ? new PyTraceback(exc.traceback, f, f.code.filename, f.code.name, f.line(),
                            positions[at], positions[at + 1], positions[at + 2])
                    : new PyTraceback(exc.traceback, f, f.code.filename, f.code.name, f.line());
        }
        int[] depth = new int[1];
        int handler = f.code.handlerFor(f.lasti, depth);
        if (handler >= 0) f.sp = depth[0];
        return handler;
    }

    private static void clear(Object[] stack, int from, int n) {
        for (int i = 0; i < n; i++) stack[from + i] = null;
    }

    private static boolean isSame(Object a, Object b) {
        if (a == b) return true;
        // Small ints and floats are boxed per value; identity of equal ints/bools is what CPython shows.
        if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue() && x >= -5 && x <= 256;
        return false;
    }

    private static PyException unboundLocal(String name) {
        PyBaseException e = new PyBaseException(PyExc.UnboundLocalError,
                "cannot access local variable '" + name + "' where it is not associated with a value");
        e.setAttr("name", name);
        return e.toThrowable();
    }

    private static Object loadDeref(Frame f, int i) {
        Object v = f.cells[i].contents;
        if (v != null) return v;
        int ncell = f.code.cellvars.length;
        if (i < ncell) throw unboundLocal(f.code.cellvars[i]);
        String name = f.code.freevars[i - ncell];
        PyBaseException e = new PyBaseException(PyExc.NameError,
                "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
        e.setAttr("name", name);
        throw e.toThrowable();
    }

    private static Object loadClassDeref(Frame f, int i) {
        int ncell = f.code.cellvars.length;
        String name = i < ncell ? f.code.cellvars[i] : f.code.freevars[i - ncell];
        Object v = f.locals.getStr(name);
        return v != null ? v : loadDeref(f, i);
    }

    static Object loadGlobal(Frame f, String name) {
        Object v = f.globals.getStr(name);
        if (v != null) return v;
        v = f.builtins.getStr(name);
        if (v != null) return v;
        throw Py.nameError(name);
    }

    private static Object loadName(Frame f, String name) {
        Object v = f.locals.getStr(name);
        if (v != null) return v;
        return loadGlobal(f, name);
    }

    /** LOAD_METHOD: (obj -- meth obj) for a plain method found on the type, else (obj -- attr NULL). */
    private static int loadMethod(Object[] stack, int sp, String name) {
        Object obj = stack[sp - 1];
        PyType t = Ops.typeOf(obj);
        if (!(obj instanceof PyType) && !(obj instanceof PyModule) && !(obj instanceof PySuper)
                && (t.builtin || t.usesGenericGetattribute())) {
            Object descr = t.lookup(name);
            if (descr instanceof PyFunction || descr instanceof PyBuiltin b && !b.isBound() && b.kind == PyBuiltin.Kind.METHOD) {
                PyDict d = obj instanceof PyObject p ? p.getDict() : null;
                if (d == null || d.getStr(name) == null) {
                    stack[sp - 1] = descr;
                    stack[sp] = obj;
                    return sp + 1;
                }
            }
        }
        stack[sp - 1] = Ops.getattr(obj, name);
        stack[sp] = null;
        return sp + 1;
    }

    private static Object binaryOp(Object a, Object b, int op) {
        if (a instanceof Long x && b instanceof Long y) {
            long l = x;
            long r = y;
            switch (op) {
                case 0, 13 -> {
                    long s = l + r;
                    if (((l ^ s) & (r ^ s)) < 0) break;
                    return s;
                }
                case 10, 23 -> {
                    long s = l - r;
                    if (((l ^ r) & (l ^ s)) < 0) break;
                    return s;
                }
                case 5, 18 -> {
                    long hi = Math.multiplyHigh(l, r);
                    long lo = l * r;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
                }
                case 6, 19 -> {
                    if (r > 0) return Math.floorMod(l, r);
                }
                case 2, 15 -> {
                    if (r > 0) return Math.floorDiv(l, r);
                }
                default -> { }
            }
        } else if (a instanceof Double x && b instanceof Double y) {
            switch (op) {
                case 0, 13 -> { return x + y; }
                case 10, 23 -> { return x - y; }
                case 5, 18 -> { return x * y; }
                case 11, 24 -> {
                    if (y != 0.0) return x / y;
                }
                default -> { }
            }
        } else if (a instanceof String x && b instanceof String y && (op == 0 || op == 13)) {
            return x.concat(y);
        }
        return Ops.binaryOp(a, b, BinaryOp.of(op));
    }

    private static Object compareOp(Object a, Object b, int op) {
        if (a instanceof Long x && b instanceof Long y) {
            long l = x;
            long r = y;
            return switch (op) {
                case 0 -> Py.bool(l < r);
                case 1 -> Py.bool(l <= r);
                case 2 -> Py.bool(l == r);
                case 3 -> Py.bool(l != r);
                case 4 -> Py.bool(l > r);
                default -> Py.bool(l >= r);
            };
        }
        return Ops.compare(a, b, CompareOp.of(op));
    }

    private static String[] kwNames(PyTuple kw) {
        String[] names = new String[kw.items.length];
        for (int i = 0; i < names.length; i++) names[i] = (String) kw.items[i];
        return names;
    }

    /** CALL / CALL_KW: (f self_or_null args... -- result). */
    private static int call(ThreadState ts, Object[] stack, int sp, int n, String[] kwnames) {
        int base = sp - n - 2;
        Object callable = stack[base];
        Object self = stack[base + 1];
        Object[] args;
        if (self == null) {
            args = n == 0 ? NO_ARGS : new Object[n];
            System.arraycopy(stack, base + 2, args, 0, n);
        } else {
            args = new Object[n + 1];
            args[0] = self;
            System.arraycopy(stack, base + 2, args, 1, n);
        }
        clear(stack, base, n + 2);
        Object result;
        if (callable instanceof PyFunction fn) {
            result = callFunction(ts, fn, args, kwnames);
        } else if (callable instanceof PyBuiltin b) {
            result = self != null && !b.isBound() ? b.impl.call(args, kwnames) : b.call(args, kwnames);
        } else {
            result = Ops.call(callable, args, kwnames);
        }
        stack[base] = result;
        return base + 1;
    }
}
