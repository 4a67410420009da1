package dev.gild.runtime;

import dev.gild.bytecode.Opcode;

/**
 * A generator: a suspended frame. send() pushes the sent value (except on the first resumption)
 * and runs the frame until its next yield or return; throw() raises inside the frame at the
 * point of suspension, or forwards to the iterator a {@code yield from} is delegating to.
 */
public final class PyGenerator extends PyIterator {
    final Frame frame;
    private boolean started;
    private boolean finished;
    private boolean running;
    private PyBaseException savedHandled;
    public String name;
    public String qualname;

    PyGenerator(Frame frame) {
        this.frame = frame;
        frame.generator = this;
        this.name = frame.code.name;
        this.qualname = frame.code.qualname;
    }

    @Override public PyType getType() { return PyTypes.GENERATOR; }

    public boolean isFinished() { return finished; }

    public boolean isRunning() { return running; }

    public boolean isSuspended() { return started && !finished && !running; }

    public Frame frame() { return frame; }

    @Override
    public Object next() {
        return resume(Py.None, null, true);
    }

    /** send(value): the next yielded value; raises StopIteration(return value) when the generator ends. */
    public Object send(Object value) {
        Object v = resume(value, null, false);
        return v;
    }

    /**
     * Resumes the frame with a value to send or an exception to raise at the suspension point.
     * With nullAtEnd, returns null when the generator returns (for iteration); otherwise raises
     * StopIteration carrying the return value.
     */
    Object resume(Object sendValue, PyBaseException toThrow, boolean nullAtEnd) {
        if (running) throw Py.valueError("generator already executing");
        if (finished) {
            if (toThrow != null) throw toThrow.toThrowable();
            if (nullAtEnd) return null;
            throw Py.stopIteration();
        }
        if (!started && sendValue != Py.None && sendValue != null && toThrow == null) {
            throw Py.typeError("can't send non-None value to a just-started generator");
        }
        ThreadState ts = ThreadState.current();
        if (toThrow == null && sendValue != null && started) frame.stack[frame.sp++] = sendValue;
        started = true;
        running = true;
        PyBaseException outerHandled = ts.handled;
        ts.handled = savedHandled;
        if (++ts.depth > ts.interp.recursionLimit) {
            ts.depth--;
            running = false;
            ts.handled = outerHandled;
            throw Py.recursionError("maximum recursion depth exceeded");
        }
        frame.back = ts.frame;
        ts.frame = frame;
        Object result;
        try {
            if (toThrow != null) {
                result = Eval.resumeWithException(ts, frame, toThrow);
            } else {
                result = Eval.run(ts, frame);
            }
        } catch (PyException e) {
            finished = true;
            if (e.matches(PyExc.StopIteration)) {
                PyException re = Py.runtimeError("generator raised StopIteration");
                re.value.cause = e.value;
                re.value.context = e.value;
                throw re;
            }
            throw e;
        } finally {
            running = false;
            ts.frame = frame.back;
            ts.depth--;
            savedHandled = ts.handled;
            ts.handled = outerHandled;
        }
        if (frame.yielded) return result;
        finished = true;
        if (nullAtEnd) return null;
        throw Py.stopIteration(result);
    }

    /** throw(exc): raises exc at the suspension point; returns the next yielded value. */
    public Object throwInto(PyBaseException exc) {
        Object sub = delegatee();
        if (sub != null) {
            Object out;
            try {
                if (exc.isInstance(PyExc.GeneratorExit)) {
                    closeIterator(sub);
                    return resume(null, exc, false);
                }
                if (sub instanceof PyGenerator g) {
                    out = g.throwInto(exc);
                } else {
                    Object thrower = Ops.getattrOrNull(sub, "throw");
                    if (thrower == null) return resume(null, exc, false);
                    out = Ops.call(thrower, exc.getType(), exc, exc.traceback == null ? Py.None : exc.traceback);
                }
            } catch (PyException e) {
                if (e.matches(PyExc.StopIteration)) {
                    Object value = e.value.attr("value");
                    frame.stack[frame.sp - 1] = value == null ? Py.None : value;
                    frame.pc++;
                    return resume(null, null, false);
                }
                return resume(null, e.value, false);
            }
            return out;
        }
        return resume(null, exc, false);
    }

    /** The iterator a suspended {@code yield from} is delegating to, or null. */
    private Object delegatee() {
        if (!started || finished || running) return null;
        int word = frame.code.code[frame.pc];
        if (Opcode.opcodeOf(word) != Opcode.YIELD_FROM) return null;
        return frame.stack[frame.sp - 1];
    }

    private static void closeIterator(Object it) {
        if (it instanceof PyGenerator g) {
            g.close();
            return;
        }
        Object close = Ops.getattrOrNull(it, "close");
        if (close != null) Ops.call(close);
    }

    /** close(): raises GeneratorExit inside; RuntimeError if the generator yields again. */
    public void close() {
        if (finished) return;
        if (!started) {
            finished = true;
            return;
        }
        try {
            resume(null, new PyBaseException(PyExc.GeneratorExit), false);
        } catch (PyException e) {
            if (e.matches(PyExc.GeneratorExit) || e.matches(PyExc.StopIteration)) return;
            throw e;
        }
        throw Py.runtimeError("generator ignored GeneratorExit");
    }

    /**
     * One step of {@code yield from}: sends v into sub. Returns true with the yielded value in
     * out[0] when sub yielded, false with the return value in out[0] when sub finished.
     */
    static boolean delegate(Object sub, Object v, Object[] out) {
        if (sub instanceof PyGenerator g) {
            try {
                out[0] = g.send(v);
                return true;
            } catch (PyException e) {
                if (!e.matches(PyExc.StopIteration)) throw e;
                Object value = e.value.attr("value");
                out[0] = value == null ? Py.None : value;
                return false;
            }
        }
        Object r;
        if (v == Py.None) {
            r = Ops.next(sub);
            if (r == null) {
                out[0] = Py.None;
                return false;
            }
        } else {
            try {
                r = Ops.call(Ops.getattr(sub, "send"), v);
            } catch (PyException e) {
                if (!e.matches(PyExc.StopIteration)) throw e;
                Object value = e.value.attr("value");
                out[0] = value == null ? Py.None : value;
                return false;
            }
        }
        out[0] = r;
        return true;
    }
}
