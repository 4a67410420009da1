package dev.gild.lock;

import dev.gild.runtime.ThreadState;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The fair GIL, after CPython 3.2's ceval_gil.c.
 *
 * One flag, `locked`, guarded by a mutex, says whether some thread holds the interpreter lock.
 *
 * Taking the lock: while it is held, wait on `released` for one switch interval. A waiter that
 * waited a whole interval while the same holder kept the lock (the switch counter did not move)
 * sets `dropRequest`, a volatile flag the holder reads at its next checkpoint.
 *
 * Holding the lock: the eval loop counts instructions down and calls checkpoint() when its
 * budget runs out. In time mode the budget is a small number of instructions between looks at
 * `dropRequest`; in instruction mode (--switch-interval N) it is N and the holder yields whenever
 * a thread waits.
 *
 * Handing over: the holder that yields clears `locked`, signals a waiter, and then waits until
 * the switch counter changes, i.e. until another thread has actually taken the lock. Only then
 * does it queue up again. That is the hand-off that keeps a CPU-bound thread from winning the
 * lock straight back (CPython's FORCE_SWITCHING), so two CPU-bound threads share the time fairly.
 *
 * Blocking calls release the lock without the hand-off wait: the thread is about to block, so
 * there is nothing to win back.
 */
public final class FairGil implements InterpreterLock {
    /** Instructions between two looks at the drop request in time mode. */
    private static final int TIME_MODE_BUDGET = 200;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition released = mutex.newCondition();
    private final Condition switched = mutex.newCondition();
    private boolean locked;
    private ThreadState holder;
    private long switchNumber;
    private int waiters;
    private volatile boolean dropRequest;
    /** Switch interval in nanoseconds (time mode), or 0 in instruction mode. */
    private volatile long intervalNanos;
    /** Instructions per turn in instruction mode. */
    private final int intervalInstructions;
    /** The interval as last set from Python; in instruction mode it does not change the count. */
    private volatile double intervalSecondsShown;

    /** intervalNanos 0 selects instruction mode with intervalInstructions per turn. */
    public FairGil(long intervalNanos, int intervalInstructions) {
        this.intervalNanos = intervalNanos;
        this.intervalInstructions = Math.max(1, intervalInstructions);
        this.intervalSecondsShown = intervalNanos == 0 ? 0.005 : intervalNanos / 1e9;
    }

    private boolean instructionMode() { return intervalNanos == 0; }

    @Override
    public void acquire(ThreadState ts) {
        mutex.lock();
        try {
            take(ts);
        } finally {
            mutex.unlock();
        }
    }

    /** Waits until the lock is free and takes it; the mutex is held. */
    private void take(ThreadState ts) {
        if (locked) {
                while (locked) {
                long seen = switchNumber;
                waiters++;
                try {
                    if (instructionMode()) {
                        dropRequest = true;
                        released.awaitUninterruptibly();
                    } else {
                        long left = released.awaitNanos(intervalNanos);
                        if (left <= 0 && locked && switchNumber == seen) dropRequest = true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiters--;
                }
            }
        }
        locked = true;
        holder = ts;
        switchNumber++;
        dropRequest = waiters > 0 && instructionMode();
        switched.signalAll();
    }

    private void drop() {
        locked = false;
        holder = null;
        released.signal();
    }

    @Override
    public void release(ThreadState ts) {
        mutex.lock();
        try {
            if (holder == ts) drop();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public int checkpoint(ThreadState ts) {
        if (!dropRequest) return budget();
        mutex.lock();
        try {
            if (waiters == 0) {
                dropRequest = false;
                return budget();
            }
            long turn = switchNumber;
            drop();
            while (switchNumber == turn) switched.awaitUninterruptibly();
            take(ts);
        } finally {
            mutex.unlock();
        }
        return budget();
    }

    private int budget() {
        return instructionMode() ? intervalInstructions - 1 : TIME_MODE_BUDGET;
    }

    @Override
    public void releaseForBlocking(ThreadState ts) {
        mutex.lock();
        try {
            if (holder == ts) drop();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void reacquireAfterBlocking(ThreadState ts) { acquire(ts); }

    @Override
    public int initialTicks() { return budget(); }

    @Override
    public boolean isFree() { return false; }

    /** CPython keeps the interval in whole microseconds, and so does sys.getswitchinterval() here. */
    @Override
    public double switchIntervalSeconds() {
        return Math.round(intervalSecondsShown * 1e6) / 1e6;
    }

    @Override
    public void setSwitchIntervalSeconds(double seconds) {
        if (!instructionMode()) intervalNanos = Math.max(1000L, Math.round(seconds * 1e6) * 1000L);
        intervalSecondsShown = seconds;
    }

    public long switchCount() {
        mutex.lock();
        try {
            return switchNumber;
        } finally {
            mutex.unlock();
        }
    }
}
