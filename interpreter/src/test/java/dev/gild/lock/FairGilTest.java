package dev.gild.lock;

import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fair GIL's hand-off, driven the way the eval loop drives it: a tick budget counted down per
 * "instruction" and a checkpoint when it runs out. Counts, not timings, are asserted.
 */
class FairGilTest {
    /** Runs two CPU-bound "threads" under the lock for a fixed number of instructions in total. */
    private static long[] runTwo(FairGil lock, InterpreterState interp, long perThread) throws InterruptedException {
        long[] counts = new long[2];
        AtomicBoolean inside = new AtomicBoolean();
        AtomicLong overlaps = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                ThreadState ts = new ThreadState(interp, Thread.currentThread());
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                lock.acquire(ts);
                // The first thread to get the lock waits for the other to queue up, so they compete.
                while (!done.get() && lock.waitingThreads() == 0) Thread.onSpinWait();
                int ticks = lock.initialTicks();
                for (long i = 0; i < perThread; i++) {
                    if (!inside.compareAndSet(false, true)) overlaps.incrementAndGet();
                    counts[id]++;
                    inside.set(false);
                    if (--ticks < 0) ticks = lock.checkpoint(ts);
                }
                done.set(true);
                lock.release(ts);
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread th : threads) th.join(60_000);
        assertEquals(0, overlaps.get(), "two threads ran 'bytecode' at the same time under the GIL");
        return counts;
    }

    @Test
    void instructionModeSwitchesAboutOncePerInterval() throws InterruptedException {
        InterpreterState interp = new InterpreterState(RuntimeOptions.defaults(), new NoLock(), null);
        FairGil gil = new FairGil(0, 100);
        long perThread = 200_000;
        long[] counts = runTwo(gil, interp, perThread);
        assertEquals(perThread, counts[0]);
        assertEquals(perThread, counts[1]);
        // While both threads compete, every budget of 100 instructions ends in a hand-off.
        long switches = gil.switchCount();
        assertTrue(switches > perThread / 100, "too few switches: " + switches);
        assertTrue(switches <= 2 * perThread / 100 + 10, "too many switches: " + switches);
    }

    @Test
    void intervalOfOneSwitchesAtEveryInstruction() throws InterruptedException {
        InterpreterState interp = new InterpreterState(RuntimeOptions.defaults(), new NoLock(), null);
        FairGil gil = new FairGil(0, 1);
        long perThread = 5_000;
        runTwo(gil, interp, perThread);
        assertTrue(gil.switchCount() >= perThread, "switches " + gil.switchCount() + " for " + 2 * perThread + " instructions");
    }

    @Test
    void switchIntervalIsKeptInMicroseconds() {
        FairGil gil = new FairGil(5_000_000, 0);
        assertEquals(0.005, gil.switchIntervalSeconds());
        gil.setSwitchIntervalSeconds(0.0005);
        assertEquals(0.0005, gil.switchIntervalSeconds());
    }
}
