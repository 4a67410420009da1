package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interpreter lock as scripts see it, each case in a child JVM: CPU-bound threads take turns,
 * sleeping threads leave the lock to others, shutdown waits for non-daemon threads only, and the
 * blocking primitives survive many rapid hand-offs. No assertion is on absolute speed: only on
 * who made progress, and on waits overlapping.
 */
class LockBehaviourTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    private GildProcess.Result run(String source, String... options) throws IOException {
        Path script = Files.writeString(workDir.resolve("case.py"), source);
        List<String> args = new ArrayList<>(Arrays.asList(options));
        args.add(script.toString());
        GildProcess.Result result = GildProcess.run(workDir, TIMEOUT, args);
        assertFalse(result.timedOut(), () -> "timed out; stderr:\n" + result.stderrText());
        assertEquals(0, result.exitCode(), () -> "stderr:\n" + result.stderrText());
        return result;
    }

    private static long[] numbers(GildProcess.Result result) {
        return Arrays.stream(result.stdoutText().trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    /** Two CPU-bound threads spin until told to stop: both must have had a real share. */
    private static final String TWO_SPINNERS = """
            import threading, time
            stop = False
            counts = [0, 0]
            def spin(i):
                n = 0
                while not stop:
                    n += 1
                counts[i] = n
            ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
            for t in ts: t.start()
            time.sleep(0.4)
            stop = True
            for t in ts: t.join()
            print(counts[0], counts[1])
            """;

    @ParameterizedTest
    @ValueSource(strings = {"--gil=on", "--gil=off"})
    void twoCpuBoundThreadsBothProgress(String mode) throws IOException {
        long[] counts = numbers(run(TWO_SPINNERS, mode));
        long low = Math.min(counts[0], counts[1]);
        long high = Math.max(counts[0], counts[1]);
        assertTrue(low > 0, () -> "a thread starved: " + Arrays.toString(counts));
        // A fair hand-off gives each about half; allow wide scheduling noise on a loaded machine.
        assertTrue(low * 5 >= high, () -> "unfair shares: " + Arrays.toString(counts));
    }

    @Test
    void switchIntervalOfOneInstructionSwitchesAboutEveryInstruction() throws IOException {
        String script = """
                import threading, _thread
                N = 5000
                lock = threading.Lock()
                arrived = [0]
                def work():
                    with lock:
                        arrived[0] += 1
                    # Spin (never block) until both threads are running, so both contend from here on.
                    while arrived[0] < 2:
                        pass
                    for _ in range(N):
                        pass
                before = _thread._lock_switches()
                ts = [threading.Thread(target=work) for _ in range(2)]
                for t in ts: t.start()
                for t in ts: t.join()
                print(_thread._lock_switches() - before)
                """;
        long switches = numbers(run(script, "--switch-interval", "1"))[0];
        // Each loop iteration is several instructions; while both threads run, every instruction
        // boundary hands over, so there are at least as many switches as iterations.
        assertTrue(switches >= 5000, () -> "only " + switches + " switches for 2 x 5000 iterations");
    }

    @Test
    void aSleepingThreadNeverHoldsTheLock() throws IOException {
        String script = """
                import threading, time
                stop = False
                progress = [0]
                def spin():
                    n = 0
                    while not stop:
                        n += 1
                        progress[0] = n
                def nap():
                    time.sleep(0.3)
                cpu = threading.Thread(target=spin)
                cpu.start()
                sleepers = [threading.Thread(target=nap) for _ in range(4)]
                start_count = progress[0]
                t0 = time.monotonic()
                for s in sleepers: s.start()
                for s in sleepers: s.join()
                elapsed = time.monotonic() - t0
                during = progress[0] - start_count
                stop = True
                cpu.join()
                print(int(elapsed * 1000), during)
                """;
        long[] r = numbers(run(script));
        // Four 0.3 s sleeps in turn would take 1.2 s; overlapping, about 0.3 s.
        assertTrue(r[0] < 900, () -> "sleeps did not overlap: " + r[0] + " ms");
        assertTrue(r[1] > 1000, () -> "the CPU thread hardly ran while the others slept: " + r[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gil=on", "--gil=off"})
    void shutdownWaitsForNonDaemonThreadsOnly(String mode) throws IOException {
        String script = """
                import threading, time
                forever = threading.Event()
                threading.Thread(target=forever.wait, daemon=True).start()
                def spin_forever():
                    while True:
                        pass
                threading.Thread(target=spin_forever, daemon=True).start()
                def finish_late():
                    time.sleep(0.2)
                    print("non-daemon finished")
                threading.Thread(target=finish_late).start()
                print("main finished")
                """;
        GildProcess.Result result = run(script, mode);
        assertEquals("main finished\nnon-daemon finished\n", result.stdoutText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gil=on", "--gil=off"})
    void thousandConditionAndQueuePingPongsFinish(String mode) throws IOException {
        String script = """
                import threading, queue
                ROUNDS = 1000
                cond = threading.Condition()
                turn = [0]
                def player(me):
                    for _ in range(ROUNDS):
                        with cond:
                            cond.wait_for(lambda: turn[0] % 2 == me)
                            turn[0] += 1
                            cond.notify()
                ps = [threading.Thread(target=player, args=(i,)) for i in range(2)]
                for p in ps: p.start()
                for p in ps: p.join()
                print(turn[0])
                ping, pong = queue.Queue(maxsize=1), queue.Queue(maxsize=1)
                def echo():
                    for _ in range(ROUNDS):
                        pong.put(ping.get() + 1)
                t = threading.Thread(target=echo)
                t.start()
                value = 0
                for _ in range(ROUNDS):
                    ping.put(value)
                    value = pong.get()
                t.join()
                print(value)
                """;
        GildProcess.Result result = run(script, mode);
        assertEquals("2000\n1000\n", result.stdoutText());
    }
}
