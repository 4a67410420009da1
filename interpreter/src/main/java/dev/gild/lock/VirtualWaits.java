package dev.gild.lock;

import dev.gild.runtime.ThreadState;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;

/**
 * Implemented by a lock policy that runs one thread at a time on a virtual clock (the
 * {@link DeterministicScheduler}): {@code dev.gild.runtime.Blocking}'s waits and clock defer to it
 * instead of waiting on the JVM, so the policy always knows which threads are blocked on what,
 * never runs a blocked thread, advances time itself and detects deadlock.
 *
 * <p>Timeouts are in nanoseconds; a negative timeout waits for as long as it takes.
 */
public interface VirtualWaits {
    /** time.sleep: lets the virtual clock move nanos forward for this thread (0: a plain yield). */
    void sleep(ThreadState ts, long nanos);

    /** Takes one permit (the primitive under the script-level locks); false when the timeout ran out. */
    boolean acquire(ThreadState ts, Semaphore permits, long timeoutNanos);

    /** Takes a Java lock of the runtime (the import lock), waiting as long as it takes. */
    void acquire(ThreadState ts, Lock lock);

    /** Waits for a thread to end; false when the timeout ran out first. */
    boolean join(ThreadState ts, Thread thread, long timeoutNanos);

    /** The virtual monotonic clock, in nanoseconds. */
    long monotonicNanos();
}
