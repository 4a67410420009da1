package dev.gild.stdlib.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.lock.FairGil;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocking file and process calls give up the interpreter lock: while the main thread waits in
 * them, another thread takes the GIL. The GIL never forces a hand-off here (its instruction
 * budget is unbounded), so only the blocking gate can let the other thread in.
 */
class BlockingReleaseTest {
    @TempDir Path dir;

    /** Runs source under a GIL and reports how long after its start another thread got the GIL. */
    private long otherThreadAcquiredAfterMillis(String source, Runnable helper) throws Exception {
        FairGil gil = new FairGil(0, Integer.MAX_VALUE);
        InterpreterState other = new InterpreterState(RuntimeOptions.defaults(), gil, null);
        AtomicLong acquiredAt = new AtomicLong();
        long start = System.nanoTime();
        Thread contender = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            ThreadState ts = new ThreadState(other, Thread.currentThread());
            gil.acquire(ts);
            acquiredAt.set(System.nanoTime());
            gil.release(ts);
        });
        contender.start();
        if (helper != null) new Thread(helper).start();
        PythonRunner.run(dir, source, gil);
        long finished = System.nanoTime();
        contender.join(10_000);
        assertTrue(acquiredAt.get() != 0, "the other thread never got the GIL");
        assertTrue(acquiredAt.get() < finished - 300_000_000L, "the GIL was only free after the blocking call");
        return (acquiredAt.get() - start) / 1_000_000;
    }

    @Test
    void subprocessWaitReleasesTheLock() throws Exception {
        long ms = otherThreadAcquiredAfterMillis("import subprocess\nsubprocess.run(['sleep', '1.5'])\n", null);
        assertTrue(ms < 1200, "acquired after " + ms + " ms");
    }

    @Test
    void readingAPipeReleasesTheLock() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Runnable writer = () -> {
            try {
                Thread.sleep(1500);
                try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
                    out.write("late data\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
        long ms = otherThreadAcquiredAfterMillis("with open('fifo') as f:\n    data = f.read()\nassert data == 'late data\\n'\n", writer);
        assertTrue(ms < 1200, "acquired after " + ms + " ms");
    }
}
