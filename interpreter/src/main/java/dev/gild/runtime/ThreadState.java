package dev.gild.runtime;

import dev.gild.lock.stats.ThreadLockStats;

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
    /** Instructions left before the next lock checkpoint (the eval loop caches it in a local). */
    public int ticks;
    /** True in {@code --preempt-at instruction} mode: the check runs at every instruction. */
    public final boolean perInstruction;
    /** An exception to raise in this thread at its next checkpoint (KeyboardInterrupt), or null. */
    public volatile PyBaseException pendingAsync;
    /** This thread's lock statistics (time running, waiting, blocked), kept by the lock policies. */
    public final ThreadLockStats lockStats;

    public ThreadState(InterpreterState interp, Thread thread) {
        this.interp = interp;
        this.thread = thread;
        this.perInstruction = interp.options.perInstruction();
        this.ticks = interp.lock.initialTicks();
        this.lockStats = new ThreadLockStats(interp.lockMonitor, thread);
    }

    /**
     * Called by the eval loop at an instruction boundary when the tick budget ran out: lets the
     * lock hand over to another thread, and delivers a pending asynchronous exception.
     */
    public int checkpoint(Frame f) {
        int budget = interp.lock.checkpoint(this);
        PyBaseException pending = pendingAsync;
        if (pending != null) {
            pendingAsync = null;
            throw pending.toThrowable();
        }
        return budget;
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
