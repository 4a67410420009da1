package dev.gild.lock.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lock statistics of one interpreter: every thread's {@link ThreadLockStats} plus the one
 * figure no thread can keep alone, the time during which at least one thread waited for the lock.
 * Always on: it is only touched when the lock changes hands or around blocking calls. Tracing
 * (per-thread event buffers) is off unless {@link #enableTracing} is called before the threads
 * start.
 */
public final class LockMonitor {
    final long startNanos = System.nanoTime();
    private final List<ThreadLockStats> threads = new ArrayList<>();
    private volatile boolean tracing;
    /** What the lock is, for reports: "gil" or "free", the policy, the switch interval. */
    private volatile String mode = "gil";
    private volatile String policy = "fair";
    private volatile Supplier<String> switchInterval = () -> "5ms";

    private final Object waitersGuard = new Object();
    private int waiters;
    private long someoneWaitingSince;
    private long someoneWaitingNanos;

    public void enableTracing() { tracing = true; }

    public boolean tracing() { return tracing; }

    /**
     * Describes the lock for reports and traces, e.g. ("gil", "fair", "5ms") or ("free", "none",
     * "5ms"); the switch interval is asked for at report time, since a script may change it.
     */
    public void describe(String mode, String policy, Supplier<String> switchInterval) {
        this.mode = mode;
        this.policy = policy;
        this.switchInterval = switchInterval;
    }

    public String mode() { return mode; }

    public String policy() { return policy; }

    public String switchInterval() { return switchInterval.get(); }

    /** "fair GIL, switch interval 5ms", "legacy GIL, switch interval 100 instructions" or "no GIL". */
    public static String lockTitle(String mode, String policy, String switchInterval) {
        if (mode.equals("free")) return "no GIL";
        boolean count = !switchInterval.isEmpty() && switchInterval.chars().allMatch(Character::isDigit);
        return policy + " GIL, switch interval " + switchInterval + (count ? " instructions" : "");
    }

    public String lockTitle() { return lockTitle(mode, policy, switchInterval()); }

    void register(ThreadLockStats stats) {
        synchronized (threads) {
            threads.add(stats);
            stats.id = threads.size();
        }
    }

    /** The threads seen so far, in the order they first took the lock. */
    public List<ThreadLockStats> threads() {
        synchronized (threads) {
            return new ArrayList<>(threads);
        }
    }

    /**
     * The names threads are shown by: their JVM thread's name (the threading module's name when
     * the thread sets it), made unique with " #id" where several threads share one.
     */
    static Map<ThreadLockStats, String> displayNames(List<ThreadLockStats> threads) {
        Map<String, Integer> uses = new HashMap<>();
        Map<ThreadLockStats, String> names = new HashMap<>();
        for (ThreadLockStats t : threads) names.put(t, t.thread.getName());
        for (String name : names.values()) uses.merge(name, 1, Integer::sum);
        for (ThreadLockStats t : threads) {
            String name = names.get(t);
            if (uses.get(name) > 1) names.put(t, name + " #" + t.id);
        }
        return names;
    }

    void waiterArrived(long now) {
        synchronized (waitersGuard) {
            if (waiters++ == 0) someoneWaitingSince = now;
        }
    }

    void waiterLeft(long now) {
        synchronized (waitersGuard) {
            if (--waiters == 0) someoneWaitingNanos += now - someoneWaitingSince;
        }
    }

    /** Nanoseconds, up to now, during which at least one thread waited for the lock. */
    long someoneWaitingNanos(long now) {
        synchronized (waitersGuard) {
            return someoneWaitingNanos + (waiters > 0 ? now - someoneWaitingSince : 0);
        }
    }

    /** The figures as of now (threads still running count up to now). */
    public LockStatsSnapshot snapshot() {
        return new LockStatsSnapshot(this, System.nanoTime());
    }
}
