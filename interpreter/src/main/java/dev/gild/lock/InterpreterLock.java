package dev.gild.lock;

import dev.gild.runtime.ThreadState;

/**
 * The interpreter lock seen by the eval loop. A thread must hold it to run bytecode (in GIL
 * policies); the eval loop calls {@link #checkpoint} at an instruction boundary when the thread's
 * tick budget runs out, and every blocking call goes through {@link #releaseForBlocking} and
 * {@link #reacquireAfterBlocking} (see {@code dev.gild.runtime.Blocking}).
 */
public interface InterpreterLock {
    /**
     * Called by the thread that starts a new script thread, before {@code thread.start()}: a
     * deterministic policy must know of the thread before it can run (nothing to do otherwise).
     */
    default void threadStarting(Thread thread) {}

    /** Takes the lock for a thread that starts running Python code. */
    void acquire(ThreadState ts);

    /** Gives the lock up for good (thread exit). */
    void release(ThreadState ts);

    /**
     * Called at an instruction boundary when the budget ran out: may hand the lock to a waiting
     * thread and wait to get it back. Returns the next tick budget.
     */
    int checkpoint(ThreadState ts);

    /** Releases the lock before a blocking call. */
    void releaseForBlocking(ThreadState ts);

    /** Takes the lock back after a blocking call. */
    void reacquireAfterBlocking(ThreadState ts);

    /** The tick budget a thread starts with. */
    int initialTicks();

    /** Whether threads run without the lock (free-threaded mode). */
    boolean isFree();

    /** The switch interval in seconds, as sys.getswitchinterval() reports. */
    double switchIntervalSeconds();

    void setSwitchIntervalSeconds(double seconds);
}
