package dev.gild.runtime;

import java.util.concurrent.locks.Lock;

/**
 * The one gate for blocking calls: every call that may wait (sleep, lock and condition waits,
 * join, queue waits, file and socket I/O, input, long pure-Java work) runs through here, which
 * gives the interpreter lock up for the duration and takes it back after. No other code touches
 * the interpreter lock.
 */
public final class Blocking {
    private Blocking() {}

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
     * Runs call with the interpreter lock released; {@code label} names the call in the lock
     * statistics and the trace (sleep, acquire, join, recv, read, ...).
     */
    public static <T> T call(String label, Call<T> call) {
        ThreadState ts = ThreadState.currentOrNull();
        if (ts == null) return runUninterruptibly(call);
        ts.lockStats.blockBegin(label);
        ts.interp.lock.releaseForBlocking(ts);
        try {
            return runUninterruptibly(call);
        } finally {
            ts.interp.lock.reacquireAfterBlocking(ts);
        }
    }

    private static <T> T runUninterruptibly(Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Py.raise(PyExc.KeyboardInterrupt, "");
        }
    }

    /** Takes a Java lock, waiting without the interpreter lock when it is contended. */
    public static void acquireLock(Lock lock) {
        acquireLock(lock, "acquire");
    }

    /** As {@link #acquireLock(Lock)}, with the label the wait has in statistics and traces. */
    public static void acquireLock(Lock lock, String label) {
        if (lock.tryLock()) return;
        call(label, () -> {
            lock.lockInterruptibly();
            return null;
        });
    }
}
