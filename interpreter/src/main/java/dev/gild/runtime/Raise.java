package dev.gild.runtime;

/** RAISE_VARARGS: building the exception to raise, with its cause and context. */
final class Raise {
    private Raise() {}

    static PyException raise(ThreadState ts, Object[] stack, int sp, int n) {
        if (n == 0) {
            if (ts.handled == null) throw Py.runtimeError("No active exception to reraise");
            PyBaseException exc = ts.handled;
            return exc.toThrowable();
        }
        Object cause = n == 2 ? stack[sp - 1] : null;
        Object excObj = stack[sp - n];
        PyBaseException exc = instantiate(excObj);
        if (n == 2) {
            if (cause == Py.None) {
                exc.cause = Py.None;
            } else {
                PyBaseException c = causeOf(cause);
                exc.cause = c;
            }
            exc.suppressContext = true;
        }
        if (ts.handled != null && ts.handled != exc) {
            exc.context = ts.handled;
            breakContextCycle(exc, ts.handled);
        }
        return exc.toThrowable();
    }

    private static PyBaseException causeOf(Object cause) {
        if (cause instanceof PyType t && t.isSubtypeOf(PyExc.BaseException)) {
            return (PyBaseException) Ops.call(t);
        }
        if (cause instanceof PyBaseException e) return e;
        throw Py.typeError("exception causes must derive from BaseException");
    }

    /** An exception instance from a raise operand: an instance, or a class to call with no arguments. */
    static PyBaseException instantiate(Object excObj) {
        if (excObj instanceof PyBaseException e) return e;
        if (excObj instanceof PyType t && t.isSubtypeOf(PyExc.BaseException)) {
            Object made = Ops.call(t);
            if (made instanceof PyBaseException e) return e;
            throw Py.typeError("calling " + Ops.repr(t) + " should have returned an instance of BaseException, not "
                    + Ops.typeName(made));
        }
        throw Py.typeError("exceptions must derive from BaseException");
    }

    /** Avoids a context chain that loops back to exc, as CPython does. */
    private static void breakContextCycle(PyBaseException exc, PyBaseException start) {
        PyBaseException o = start;
        int guard = 0;
        while (o.context instanceof PyBaseException next && guard++ < 10_000) {
            if (next == exc) {
                o.context = Py.None;
                break;
            }
            o = next;
        }
    }
}
