package dev.gild.lock;

import dev.gild.runtime.ThreadState;

/**
 * Free-threaded mode: no interpreter lock at all. Threads run bytecode in parallel on all cores;
 * built-in containers protect themselves per object. The checkpoint only serves asynchronous
 * events (KeyboardInterrupt), so its budget is large.
 */
public final class NoLock implements InterpreterLock {
    private static final int BUDGET = 1 << 20;
    private volatile double switchInterval = 0.005;

    /** With no lock a thread runs from its start; its statistics still tell running from blocked. */
    @Override public void acquire(ThreadState ts) { ts.lockStats.acquired(); }

    @Override public void release(ThreadState ts) { ts.lockStats.exited(); }

    @Override public int checkpoint(ThreadState ts) { return BUDGET; }

    @Override public void releaseForBlocking(ThreadState ts) { }

    @Override public void reacquireAfterBlocking(ThreadState ts) { ts.lockStats.acquired(); }

    @Override public int initialTicks() { return BUDGET; }

    @Override public boolean isFree() { return true; }

    @Override public double switchIntervalSeconds() { return switchInterval; }

    @Override public void setSwitchIntervalSeconds(double seconds) { switchInterval = seconds; }
}
