package dev.gild.lock;

import dev.gild.runtime.ThreadState;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The fair GIL: CPython 3.2's "new GIL" (ceval_gil.c) with a direct hand-off.
 *
 * State, guarded by a mutex: the holder (or none) and a FIFO queue of waiting threads.
 *
 * Taking the lock: when it is free and nobody queues, take it. Otherwise join the queue and wait
 * until a releasing thread names you the holder. In time mode a waiter that has waited one whole
 * switch interval while the same holder kept the lock (the switch counter did not move) sets
 * `dropRequest`, a volatile flag the holder reads at its next checkpoint; in instruction mode
 * joining the queue sets it at once.
 *
 * Holding the lock: the eval loop counts instructions down and calls checkpoint() when its budget
 * runs out. In time mode the budget is a small number of instructions between looks at
 * `dropRequest`; in instruction mode (--switch-interval N) it is N, so a thread yields after N
 * instructions whenever another waits.
 *
 * Handing over: the yielding holder passes the lock straight to the first waiter (which owns it
 * before it has even woken up), then queues behind it. So the holder cannot win the lock straight
 * back while others wait (CPython's FORCE_SWITCHING has the same aim), and CPU-bound threads take
 * strict turns.
 *
 * Blocking calls release the lock (to the first waiter, if any) without queueing: the thread is
 * about to block, and takes the lock back through the queue when its call returns.
 */
public final class FairGil implements InterpreterLock {
    /** Instructions between two looks at the drop request in time mode. */
    private static final int TIME_MODE_BUDGET = 200;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition handedOver = mutex.newCondition();
    private final ArrayDeque<ThreadState> queue = new ArrayDeque<>();
    private ThreadState holder;
    private long switchNumber;
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

    /** Takes the lock, queueing until a releasing thread names this one the holder; mutex held. */
    private void take(ThreadState ts) {
        if (holder == null && queue.isEmpty()) {
            holder = ts;
            switchNumber++;
            ts.lockStats.acquired();
            return;
        }
        ts.lockStats.waitBegin();
        queue.addLast(ts);
        if (instructionMode()) dropRequest = true;
        while (holder != ts) {
            if (instructionMode()) {
                handedOver.awaitUninterruptibly();
            } else {
                long seen = switchNumber;
                try {
                    long left = handedOver.awaitNanos(intervalNanos);
                    if (left <= 0 && holder != ts && switchNumber == seen) dropRequest = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        ts.lockStats.acquired();
    }

    /** Gives the lock to the first waiter, or frees it; mutex held. */
    private void handOver() {
        ThreadState next = queue.pollFirst();
        holder = next;
        if (next != null) {
            switchNumber++;
            dropRequest = instructionMode() && !queue.isEmpty();
            handedOver.signalAll();
        } else {
            dropRequest = false;
        }
    }

    @Override
    public void release(ThreadState ts) {
        mutex.lock();
        try {
            if (holder == ts) {
                ts.lockStats.exited();
                handOver();
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public int checkpoint(ThreadState ts) {
        if (!dropRequest) return budget();
        mutex.lock();
        try {
            if (queue.isEmpty()) {
                dropRequest = false;
            } else {
                ts.lockStats.forcedRelease();
                handOver();
                take(ts);
            }
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
            if (holder == ts) handOver();
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

    /** Threads waiting for the lock right now. */
    public int waitingThreads() {
        mutex.lock();
        try {
            return queue.size();
        } finally {
            mutex.unlock();
        }
    }

    /** How many times the lock changed hands (or was taken when free). */
    public long switchCount() {
        mutex.lock();
        try {
            return switchNumber;
        } finally {
            mutex.unlock();
        }
    }
}
