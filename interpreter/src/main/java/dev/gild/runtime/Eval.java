package dev.gild.runtime;

/** The eval loop (being written). */
public final class Eval {
    private Eval() {}

    public static Object callFunction(ThreadState ts, PyFunction f, Object[] args, String[] kwnames) {
        throw new UnsupportedOperationException("eval loop not written yet");
    }

    public static Object runClassBody(PyFunction body, PyDict ns) {
        throw new UnsupportedOperationException("eval loop not written yet");
    }

    public static Object[] implicitSuperArgs(ThreadState ts) {
        throw new UnsupportedOperationException("eval loop not written yet");
    }
}
