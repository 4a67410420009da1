package dev.gild.runtime;

import dev.gild.lock.VirtualWaits;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * The one gate for blocking calls: every call that may wait (sleep, lock and condition waits,
 * join, queue waits, file and socket I/O, input, long pure-Java work) runs through here, which
 * gives the interpreter lock up for the duration and takes it back after. No other code touches
 * the interpreter lock.
 *
 * <p>The timed helpers ({@link #sleepNanos}, {@link #acquire(Semaphore, long)},
 * {@link #monotonicNanos}) are the only places a script's waits and clocks meet the JVM's, so
 * a deterministic scheduler can replace them with a virtual clock.
 *
 * <p>An interrupted wait (Ctrl-C delivered to the main thread) raises the pending
 * KeyboardInterrupt at once, as CPython's waits do.
 */
public final class Blocking {
    private Blocking() {}

    /** A timeout meaning "wait for as long as it takes". */
    public static final long FOREVER = -1;

    /** Work that may block; it must not touch interpreter state. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws InterruptedException;
    }

    /** The label of blocking calls that do not name themselves, in lock statistics and traces. */
    public static final String UNNAMED_CALL = "call";

    /** Runs call with the interpreter lock released. */
    public static <T> T call(Call<T> call) {
        return call(UNNAMED_CALL, call);
    }

    /**
     * Runs call with the interpreter lock released; {@code label} names the kind of wait (sleep,
     * acquire, join, ...) for whoever observes or schedules waits.
     */
    public static <T> T call(String label, Call<T> call) {
        ThreadState ts = ThreadState.currentOrNull();
        if (ts == null) return runInterruptibly(null, call);
        deliverPendingInterrupt(ts);
        ts.lockStats.blockBegin(label);
        ts.interp.lock.releaseForBlocking(ts);
        try {
            return runInterruptibly(ts, call);
        } finally {
            ts.interp.lock.reacquireAfterBlocking(ts);
        }
    }

    /**
     * Raises a KeyboardInterrupt that arrived while the thread was running (rather than waiting),
     * and clears a stale interrupt flag so that it cannot cut the coming wait short.
     */
    private static void deliverPendingInterrupt(ThreadState ts) {
        // Clear first: a signal arriving after this line both sets pendingAsync and interrupts.
        Thread.interrupted();
        PyBaseException pending = ts.pendingAsync;
        if (pending != null) {
            ts.pendingAsync = null;
            throw pending.toThrowable();
        }
    }

    private static <T> T runInterruptibly(ThreadState ts, Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            PyBaseException pending = ts == null ? null : ts.pendingAsync;
            if (pending != null) {
                ts.pendingAsync = null;
                throw pending.toThrowable();
            }
            throw Py.raise(PyExc.KeyboardInterrupt, "");
        }
    }

    /**
     * The deterministic scheduler's replacement for the JVM waits and clock when the calling
     * thread's interpreter runs under one (--schedule), else null.
     */
    private static VirtualWaits virtualWaits(ThreadState ts) {
        return ts != null && ts.interp.lock instanceof VirtualWaits v ? v : null;
    }

    /** Takes a Java lock, waiting without the interpreter lock when it is contended. */
    public static void acquireLock(Lock lock) {
        acquireLock(lock, "acquire");
    }

    /** As {@link #acquireLock(Lock)}, with the label the wait has in statistics and traces. */
    public static void acquireLock(Lock lock, String label) {
        if (lock.tryLock()) return;
        ThreadState ts = ThreadState.currentOrNull();
        VirtualWaits virtual = virtualWaits(ts);
        if (virtual != null) {
            virtual.acquire(ts, lock);
            return;
        }
        call(label, () -> {
            lock.lockInterruptibly();
            return null;
        });
    }

    /** time.sleep: waits nanos nanoseconds without the interpreter lock (0 still lets others run). */
    public static void sleepNanos(long nanos) {
        ThreadState ts = ThreadState.currentOrNull();
        VirtualWaits virtual = virtualWaits(ts);
        if (virtual != null) {
            virtual.sleep(ts, nanos);
            return;
        }
        call("sleep", () -> {
            if (nanos > 0) TimeUnit.NANOSECONDS.sleep(nanos);
            else Thread.yield();
            return null;
        });
    }

    /** Seconds as a whole number of nanoseconds, saturating for huge values. */
    public static long toNanos(double seconds) {
        double nanos = seconds * 1e9;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(nanos);
    }

    /**
     * Takes one permit of a semaphore (the primitive under the script-level locks), waiting at
     * most timeoutNanos ({@link #FOREVER} for no limit; 0 only tries). An uncontended take never
     * gives up the interpreter lock.
     */
    public static boolean acquire(Semaphore permits, long timeoutNanos) {
        if (permits.tryAcquire()) return true;
        if (timeoutNanos == 0) return false;
        ThreadState ts = ThreadState.currentOrNull();
        VirtualWaits virtual = virtualWaits(ts);
        if (virtual != null) return virtual.acquire(ts, permits, timeoutNanos);
        return call("acquire", () -> {
            if (timeoutNanos < 0) {
                permits.acquire();
                return true;
            }
            return permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        });
    }

    /** The clock script-level timeouts are measured on (time.monotonic). */
    public static long monotonicNanos() {
        VirtualWaits virtual = virtualWaits(ThreadState.currentOrNull());
        if (virtual != null) return virtual.monotonicNanos();
        return System.nanoTime();
    }
}
