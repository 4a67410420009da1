package dev.gild.lock;

import dev.gild.runtime.ThreadState;

import java.util.concurrent.locks.ReentrantLock;

/*
 * The legacy GIL, as Python 2 had it: a plain mutex. Every N instructions (the check interval)
 * the holder releases it and immediately asks for it again, with no hand-off. On a multi-core
 * machine the releasing thread usually wins it straight back while the woken waiter is still
 * being scheduled, so waiting threads starve and CPU-bound threads on two cores run slower than
 * on one (David Beazley's "convoy effect"). Kept to reproduce that result.
 */
public final class LegacyGil implements InterpreterLock {
    private final ReentrantLock mutex = new ReentrantLock(false);
    private final int checkInterval;
    private volatile double intervalSecondsShown = 0.005;

    public LegacyGil(int checkInterval) {
        this.checkInterval = Math.max(1, checkInterval);
    }

    @Override public void acquire(ThreadState ts) {
        if (!mutex.tryLock()) {
            ts.lockStats.waitBegin();
            mutex.lock();
        }
        ts.lockStats.acquired();
    }

    @Override public void release(ThreadState ts) {
        if (mutex.isHeldByCurrentThread()) {
            ts.lockStats.exited();
            mutex.unlock();
        }
    }

    @Override
    public int checkpoint(ThreadState ts) {
        if (mutex.hasQueuedThreads()) {
            ts.lockStats.forcedRelease();
            mutex.unlock();
            mutex.lock();
            ts.lockStats.acquired();
        }
        return checkInterval - 1;
    }

    @Override public void releaseForBlocking(ThreadState ts) {
        if (mutex.isHeldByCurrentThread()) mutex.unlock();
    }

    @Override public void reacquireAfterBlocking(ThreadState ts) { acquire(ts); }

    @Override public int initialTicks() { return checkInterval - 1; }

    /** Instructions between two chances for a waiter to get the lock. */
    public int checkInterval() { return checkInterval; }

    @Override public boolean isFree() { return false; }

    @Override public double switchIntervalSeconds() { return Math.round(intervalSecondsShown * 1e6) / 1e6; }

    @Override public void setSwitchIntervalSeconds(double seconds) { intervalSecondsShown = seconds; }
}
