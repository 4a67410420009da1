package dev.gild.lock.stats;

import dev.gild.runtime.ThreadState;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one thread did with the interpreter lock: a small state machine (outside, running,
 * waiting, blocked) whose every transition adds the time spent in the state it leaves, so that
 * running + waiting + blocked is the thread's lifetime under the lock.
 *
 * <p>Only the thread itself calls the transition methods (the lock policies and the blocking
 * gate call them with the thread's own state), so they need no synchronisation; other threads
 * read the figures racily, which is good enough for statistics. Transitions happen only when the
 * lock changes hands or around a blocking call, never on the eval loop's fast path.
 *
 * <p>Hooks: a policy calls {@link #waitBegin} when the thread must queue for the lock,
 * {@link #acquired} when it has it, {@link #forcedRelease} when it hands the lock over at the end
 * of its switch interval and {@link #exited} when the thread gives the lock up for good;
 * {@code Blocking} calls {@link #blockBegin} before releasing it around a blocking call.
 */
public final class ThreadLockStats {
    static final int OUTSIDE = 0;
    static final int RUNNING = 1;
    static final int WAITING = 2;
    static final int BLOCKED = 3;

    private final LockMonitor monitor;
    final Thread thread;
    /** Trace events, or null when tracing is off (the one check the trace costs otherwise). */
    final TraceBuffer trace;
    /** Position in the monitor's list plus one, 0 until the first acquisition registers it. */
    int id;

    int state = OUTSIDE;
    /** When the current state began (System.nanoTime). */
    long since;
    String blockedCall;
    long firstSeen;
    long lastSeen;

    long runningNanos;
    long waitingNanos;
    long blockedNanos;
    long acquisitions;
    long forcedSwitches;
    long voluntaryReleases;
    long longestWait;
    final WaitHistogram waits = new WaitHistogram();
    /** Blocked time and count per call label: a handful of labels per thread, read by others. */
    final Map<String, long[]> blockedByCall = new ConcurrentHashMap<>();
    /** The totals of the last call label seen: a thread usually blocks in the same call again. */
    private String lastCall;
    private long[] lastCallTotals;

    public ThreadLockStats(LockMonitor monitor, Thread thread) {
        this.monitor = monitor;
        this.thread = thread;
        this.trace = monitor.tracing() ? new TraceBuffer() : null;
    }

    /** The statistics of a thread state (a shorthand for the lock policies). */
    public static ThreadLockStats of(ThreadState ts) { return ts.lockStats; }

    /** The thread must queue for the lock (it did not get it at once). */
    public void waitBegin() {
        if (state == WAITING) return;
        long now = System.nanoTime();
        leave(now);
        enter(WAITING, now);
        monitor.waiterArrived(now);
    }

    /** The thread holds the lock (or, with no lock, runs) from now on. */
    public void acquired() {
        long now = System.nanoTime();
        if (state == WAITING) {
            long waited = now - since;
            waits.record(waited);
            if (waited > longestWait) longestWait = waited;
            monitor.waiterLeft(now);
        }
        if (state == RUNNING) return;
        acquisitions++;
        leave(now);
        enter(RUNNING, now);
    }

    /** The holder hands the lock to a waiter at the end of its switch interval, and queues. */
    public void forcedRelease() {
        long now = System.nanoTime();
        forcedSwitches++;
        if (trace != null) trace.add(TraceBuffer.SWITCH, now, now, "interval");
        leave(now);
        enter(WAITING, now);
        monitor.waiterArrived(now);
    }

    /** The thread gives the lock up around a blocking call; call names the call ("sleep"). */
    public void blockBegin(String call) {
        long now = System.nanoTime();
        voluntaryReleases++;
        if (trace != null) trace.add(TraceBuffer.SWITCH, now, now, "blocking");
        leave(now);
        blockedCall = call;
        enter(BLOCKED, now);
    }

    /** The thread gives the lock up for good. */
    public void exited() {
        if (state == OUTSIDE) return;
        long now = System.nanoTime();
        if (trace != null) trace.add(TraceBuffer.SWITCH, now, now, "exit");
        if (state == WAITING) monitor.waiterLeft(now);
        leave(now);
        state = OUTSIDE;
    }

    private void enter(int next, long now) {
        if (id == 0) {
            monitor.register(this);
            firstSeen = now;
        }
        state = next;
        since = now;
    }

    /** Adds the time of the current state, up to now, to its total (and to the trace). */
    private void leave(long now) {
        long spent = now - since;
        switch (state) {
            case RUNNING -> {
                runningNanos += spent;
                if (trace != null) trace.add(TraceBuffer.RUNNING, since, now, null);
            }
            case WAITING -> {
                waitingNanos += spent;
                if (trace != null) trace.add(TraceBuffer.WAITING, since, now, null);
            }
            case BLOCKED -> {
                blockedNanos += spent;
                long[] perCall = blockedCall == lastCall ? lastCallTotals
                        : blockedByCall.computeIfAbsent(blockedCall, k -> new long[2]);
                lastCall = blockedCall;
                lastCallTotals = perCall;
                perCall[0] += spent;
                perCall[1]++;
                if (trace != null) trace.add(TraceBuffer.BLOCKED, since, now, blockedCall);
            }
            default -> { }
        }
        lastSeen = now;
    }
}
