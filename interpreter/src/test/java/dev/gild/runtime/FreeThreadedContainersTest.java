package dev.gild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in containers with no GIL: JVM threads hammer one shared list, dict or set through the
 * same entry points the eval loop uses (Ops and the types' methods). Operations the Python FAQ calls
 * atomic must lose nothing, and no operation may throw anything but a Python exception.
 */
class FreeThreadedContainersTest {
    private static final int THREADS = 8;
    private static final int OPS = 20_000;

    @BeforeAll
    static void freeThreaded() {
        PyTypes.LIST.getName();
        FreeThreading.enabled = true;
    }

    @AfterAll
    static void backToTheGil() {
        FreeThreading.enabled = false;
    }

    /** Runs body(threadNumber) on THREADS threads at once; returns the Java exceptions they threw. */
    private static List<Throwable> inParallel(ThreadBody body) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int number = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.run(number);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        return new ArrayList<>(failures);
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static Object method(Object self, String name, Object... args) {
        return Ops.call(Ops.getattr(self, name), args);
    }

    @Test
    void appendsExtendsAndPopsLoseNothing() throws InterruptedException {
        PyList shared = new PyList();
        PyList source = PyList.of(1L, 2L);
        List<Throwable> failures = inParallel(t -> {
            for (int i = 0; i < OPS; i++) {
                method(shared, "append", (long) i);
                method(shared, "extend", source);
            }
        });
        assertEquals(List.of(), failures);
        assertEquals((long) THREADS * OPS * 3, Ops.len(shared));
        PyList drained = new PyList();
        List<Throwable> popFailures = inParallel(t -> {
            for (int i = 0; i < OPS * 3; i++) drained.append(method(shared, "pop"));
        });
        assertEquals(List.of(), popFailures);
        assertEquals(0, Ops.len(shared));
        assertEquals((long) THREADS * OPS * 3, Ops.len(drained));
    }

    @Test
    void indexingSortingAndSlicingWhileOthersAppendNeverTearTheList() throws InterruptedException {
        PyList shared = new PyList();
        for (long i = 0; i < 100; i++) shared.append(i);
        List<Throwable> failures = inParallel(t -> {
            for (int i = 0; i < OPS / 4; i++) {
                switch (t % 4) {
                    case 0 -> method(shared, "append", (long) i);
                    case 1 -> Ops.getitem(shared, -1L);
                    case 2 -> method(shared, "sort");
                    default -> {
                        Ops.setitem(shared, 0L, (long) i);
                        Ops.len(Ops.getitem(shared, new PySlice(0L, 50L, Py.None)));
                        Ops.contains(shared, -5L);
                    }
                }
            }
        });
        List<Throwable> javaFailures = failures.stream()
                .filter(e -> !(e instanceof PyException p && p.value.isInstance(PyExc.ValueError))).toList();
        assertEquals(List.of(), javaFailures, "only 'list modified during sort' may be raised");
        assertEquals(100L + (long) (THREADS / 4) * (OPS / 4), Ops.len(shared));
    }

    @Test
    void dictStoresFromManyThreadsAllLand() throws InterruptedException {
        PyDict shared = new PyDict();
        List<Throwable> failures = inParallel(t -> {
            for (int i = 0; i < OPS; i++) {
                Ops.setitem(shared, (long) t * OPS + i, (long) i);
                Ops.getitem(shared, (long) t * OPS + i);
                if (i % 2 == 0) Ops.delitem(shared, (long) t * OPS + i);
            }
        });
        assertEquals(List.of(), failures);
        assertEquals((long) THREADS * OPS / 2, Ops.len(shared));
        PyDict copy = new PyDict();
        copy.putAll(shared);
        assertEquals((long) THREADS * OPS / 2, Ops.len(copy));
    }

    @Test
    void iteratingADictOthersChangeRaisesOnlyRuntimeError() throws InterruptedException {
        PyDict shared = new PyDict();
        for (long i = 0; i < 1000; i++) shared.put(i, i);
        List<Throwable> failures = inParallel(t -> {
            for (int i = 0; i < OPS / 20; i++) {
                if (t == 0) {
                    shared.put(10_000L + i, 0L);
                    shared.remove(10_000L + i);
                } else {
                    try {
                        Object it = Ops.iter(method(shared, "items"));
                        while (Ops.next(it) != null) {
                            // walking is the point: it must end or raise RuntimeError
                        }
                    } catch (PyException e) {
                        if (!e.value.isInstance(PyExc.RuntimeError)) throw e;
                    }
                }
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(1000, shared.size());
    }

    @Test
    void setAddsAndDiscardsFromManyThreads() throws InterruptedException {
        PySet shared = new PySet();
        List<Throwable> failures = inParallel(t -> {
            for (int i = 0; i < OPS; i++) {
                method(shared, "add", (long) t * OPS + i);
                if (i % 4 == 0) method(shared, "discard", (long) t * OPS + i);
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(THREADS * OPS * 3 / 4, shared.size());
        assertTrue(shared.contains((long) OPS + 1));
    }
}
