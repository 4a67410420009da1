package dev.gild.stdlib.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.lock.FairGil;
import dev.gild.lock.InterpreterLock;
import dev.gild.lock.NoLock;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyDict;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** _thread and threading through Python snippets, with the fair GIL and with no lock. */
class ThreadModuleTest {

    private static InterpreterLock lock(String policy) {
        Supplier<InterpreterLock> make = policy.equals("gil") ? () -> new FairGil(5_000_000, 0) : NoLock::new;
        return make.get();
    }

    private static String str(PyDict globals, String name) {
        return Ops.str(globals.getStr(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gil", "free"})
    void lockCountsExactlyUnderContention(String policy) {
        PyDict g = Snippets.run(lock(policy), """
                import threading
                lock = threading.Lock()
                total = 0
                def add():
                    global total
                    for _ in range(2000):
                        with lock:
                            total += 1
                ts = [threading.Thread(target=add) for _ in range(4)]
                for t in ts: t.start()
                for t in ts: t.join()
                """);
        assertEquals("8000", str(g, "total"));
    }

    @Test
    void lockErrorsAreCPythons() {
        PyDict g = Snippets.run(lock("gil"), """
                import _thread
                lk = _thread.allocate_lock()
                out = []
                for call in (lambda: lk.release(), lambda: lk.acquire(False, 1),
                             lambda: lk.acquire(timeout=-2), lambda: lk.acquire(1, 2, 3)):
                    try:
                        call()
                    except Exception as e:
                        out.append(f"{type(e).__name__}: {e}")
                rl = _thread.RLock()
                rl.acquire(); rl.acquire()
                count = rl._recursion_count()
                rl.release(); rl.release()
                try:
                    rl.release()
                except RuntimeError as e:
                    out.append(str(e))
                result = " | ".join(out)
                """);
        assertEquals("RuntimeError: release unlocked lock | ValueError: can't specify a timeout for a non-blocking call"
                + " | ValueError: timeout value must be positive | TypeError: acquire() takes at most 2 arguments (3 given)"
                + " | cannot release un-acquired lock", str(g, "result"));
        assertEquals("2", str(g, "count"));
    }

    @Test
    void timedAcquireGivesUpAndAnotherThreadCanRelease() {
        PyDict g = Snippets.run(lock("gil"), """
                import _thread, time
                lk = _thread.allocate_lock()
                lk.acquire()
                timed_out = lk.acquire(timeout=0.02)
                done = _thread.allocate_lock()
                done.acquire()
                def release_both():
                    lk.release()
                    done.release()
                _thread.start_new_thread(release_both, ())
                done.acquire()
                result = (timed_out, lk.acquire(timeout=5))
                """);
        assertEquals("(False, True)", str(g, "result"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gil", "free"})
    void threadLocalIsPerThreadAndInitRunsInEach(String policy) {
        PyDict g = Snippets.run(lock(policy), """
                import threading
                class Ctx(threading.local):
                    def __init__(self, start):
                        self.value = start
                ctx = Ctx(5)
                ctx.value = 6
                seen = []
                def use():
                    seen.append(ctx.value)
                    ctx.value = 99
                t = threading.Thread(target=use); t.start(); t.join()
                result = (seen, ctx.value)
                """);
        assertEquals("([5], 6)", str(g, "result"));
    }

    @Test
    void nonDaemonThreadsAreJoinedAtExit() {
        PyDict g = Snippets.run(lock("gil"), """
                import threading, time
                log = []
                def late():
                    time.sleep(0.05)
                    log.append("late thread done")
                threading.Thread(target=late).start()
                """);
        assertEquals("['late thread done']", Ops.repr(g.getStr("log")));
    }
}
