package dev.gild.lock.stats;

import dev.gild.lock.FairGil;
import dev.gild.lock.InterpreterLock;
import dev.gild.lock.LegacyGil;
import dev.gild.lock.NoLock;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lock statistics and trace, with the lock driven from Java threads the way the eval loop and
 * the blocking gate drive it. Properties, not exact timings, are asserted.
 */
class LockStatsTest {
    /** Each "Python thread": spins through instructions for cpuMillis, then sleeps sleepMillis through the gate. */
    private static InterpreterState runThreads(InterpreterLock lock, boolean tracing, int threads,
                                               long cpuMillis, long sleepMillis) throws InterruptedException {
        InterpreterState interp = new InterpreterState(RuntimeOptions.defaults(), lock, null);
        if (tracing) interp.lockMonitor.enableTracing();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                ThreadState ts = interp.attachThread();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                lock.acquire(ts);
                long end = System.nanoTime() + cpuMillis * 1_000_000;
                int ticks = lock.initialTicks();
                long spins = 0;
                while (true) {
                    spins++;
                    if (--ticks < 0) {
                        if (System.nanoTime() >= end) break;
                        ticks = lock.checkpoint(ts);
                    }
                }
                if (sleepMillis > 0) {
                    Blocking.call("sleep", () -> {
                        Thread.sleep(sleepMillis);
                        return null;
                    });
                }
                lock.release(ts);
                ThreadState.detach();
                assertTrue(spins > 0);
            }, "worker-" + t);
            th.start();
            started.add(th);
        }
        start.countDown();
        for (Thread th : started) th.join(30_000);
        return interp;
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    @Test
    void runningWaitingAndBlockedAddUpToEachThreadsLifetime() throws InterruptedException {
        InterpreterState interp = runThreads(new FairGil(1_000_000, 0), false, 2, 60, 20);
        LockStatsSnapshot snapshot = interp.lockMonitor.snapshot();
        assertEquals(2, snapshot.threads().size());
        for (Map<String, Object> row : snapshot.threads()) {
            double sum = number(row, "running") + number(row, "waiting") + number(row, "blocked");
            assertEquals(number(row, "lifetime"), sum, 1e-6, "figures of " + row.get("name"));
            assertTrue(number(row, "blocked") >= 0.015, "slept 20 ms: " + row);
            @SuppressWarnings("unchecked")
            Map<String, Object> calls = (Map<String, Object>) row.get("blocked_by_call");
            assertEquals(Map.of("sleep", row.get("blocked")), calls);
            assertEquals(1L, row.get("voluntary_releases"));
            assertFalse((Boolean) row.get("alive"));
        }
        Map<String, Object> total = snapshot.total();
        assertTrue(number(total, "forced_switches") > 0, "two CPU-bound threads must be switched: " + total);
        assertTrue(number(total, "waits") > 0);
        assertTrue(number(total, "wait_p99") >= number(total, "wait_p50"));
        assertTrue(number(total, "longest_wait") >= number(total, "wait_p50") * 0.8);
        assertTrue(snapshot.toTable().contains("worker-1"), snapshot.toTable());
    }

    @Test
    void twoCpuBoundThreadsUnderTheGilWaitAlmostAllTheTimeAndNeverRunTogether() throws InterruptedException {
        InterpreterState interp = runThreads(new FairGil(1_000_000, 0), true, 2, 80, 0);
        Map<String, Object> figures = interp.lockMonitor.snapshot().figures();
        // Both threads start together: while one runs the other waits, except the last turn.
        double activeShare = (Double) figures.get("wait_share");
        assertTrue(activeShare > 0.3, "wait share " + activeShare);
        Map<String, Object> trace = traceOf(interp);
        List<double[]> running = spans(trace, "running");
        assertTrue(running.size() > 10, "expected interleaved turns, got " + running.size());
        assertFalse(overlap(running), "running spans overlap under the GIL");
        assertTrue(spans(trace, "waiting").size() > 10);
        assertEquals(List.of("worker-0", "worker-1"), threadNames(trace).stream().sorted().toList());
        assertTrue(instants(trace).contains("interval"));
        assertTrue(instants(trace).contains("exit"));
    }

    @Test
    void legacyPolicyIsMeasuredToo() throws InterruptedException {
        InterpreterState interp = runThreads(new LegacyGil(100), true, 2, 40, 5);
        Map<String, Object> trace = traceOf(interp);
        assertFalse(overlap(spans(trace, "running")), "running spans overlap under the legacy GIL");
        for (Map<String, Object> row : interp.lockMonitor.snapshot().threads()) {
            double sum = number(row, "running") + number(row, "waiting") + number(row, "blocked");
            assertEquals(number(row, "lifetime"), sum, 1e-6);
        }
    }

    @Test
    void withoutTheGilRunningSpansOverlapAndNothingWaits() throws InterruptedException {
        InterpreterState interp = runThreads(new NoLock(), true, 2, 60, 10);
        Map<String, Object> trace = traceOf(interp);
        assertTrue(overlap(spans(trace, "running")), "free-threaded spans should overlap");
        assertTrue(spans(trace, "waiting").isEmpty());
        assertEquals(2, spans(trace, "blocked: sleep").size());
        assertEquals(0.0, (Double) interp.lockMonitor.snapshot().total().get("waiting"));
    }

    @Test
    void histogramPercentilesAreCloseToTheTruth() {
        WaitHistogram h = new WaitHistogram();
        for (int i = 1; i <= 1000; i++) h.record(i * 1000L);
        assertEquals(500_000, h.percentile(0.5), 500_000 * 0.2);
        assertEquals(990_000, h.percentile(0.99), 990_000 * 0.2);
        assertEquals(0.0, new WaitHistogram().percentile(0.5));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> traceOf(InterpreterState interp) {
        StringWriter out = new StringWriter();
        try {
            TraceWriter.write(interp.lockMonitor, "test", System.nanoTime(), out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return (Map<String, Object>) Json.parse(out.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> trace) {
        return (List<Map<String, Object>>) trace.get("traceEvents");
    }

    /** [tid, start, end] of each complete event with that name. */
    private static List<double[]> spans(Map<String, Object> trace, String name) {
        List<double[]> out = new ArrayList<>();
        for (Map<String, Object> e : events(trace)) {
            if ("X".equals(e.get("ph")) && name.equals(e.get("name"))) {
                double ts = number(e, "ts");
                out.add(new double[] {number(e, "tid"), ts, ts + number(e, "dur")});
            }
        }
        return out;
    }

    private static boolean overlap(List<double[]> spans) {
        for (double[] a : spans) {
            for (double[] b : spans) {
                if (a[0] != b[0] && a[1] < b[2] && b[1] < a[2]) return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<String> threadNames(Map<String, Object> trace) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> e : events(trace)) {
            if ("thread_name".equals(e.get("name"))) names.add((String) ((Map<String, Object>) e.get("args")).get("name"));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> instants(Map<String, Object> trace) {
        List<String> reasons = new ArrayList<>();
        for (Map<String, Object> e : events(trace)) {
            if ("i".equals(e.get("ph"))) reasons.add((String) ((Map<String, Object>) e.get("args")).get("reason"));
        }
        return reasons;
    }
}
