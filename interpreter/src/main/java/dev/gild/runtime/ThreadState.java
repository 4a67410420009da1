package dev.gild.runtime;

/**
 * Per-thread interpreter state: the current frame, the exception being handled
 * ({@code sys.exc_info()}), the recursion depth. Every thread that runs Python code has one.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<>();

    public final InterpreterState interp;
    public final Thread thread;
    /** The innermost running frame, or null. */
    public Frame frame;
    /** Python call depth, checked against the recursion limit. */
    public int depth;
    /** The exception being handled (by an except block), or null. */
    public PyBaseException handled;

    public ThreadState(InterpreterState interp, Thread thread) {
        this.interp = interp;
        this.thread = thread;
    }

    public static ThreadState current() {
        ThreadState ts = CURRENT.get();
        if (ts == null) throw new IllegalStateException("thread has no interpreter state");
        return ts;
    }

    public static ThreadState currentOrNull() { return CURRENT.get(); }

    public static void attach(ThreadState ts) { CURRENT.set(ts); }

    public static void detach() { CURRENT.remove(); }
}
