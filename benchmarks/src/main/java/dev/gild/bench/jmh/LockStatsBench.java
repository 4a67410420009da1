package dev.gild.bench.jmh;

import dev.gild.lock.FairGil;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the lock statistics cost where they are recorded: a blocking call's round trip through
 * the gate (release the fair GIL, run the call, take the lock back) with its two transitions
 * recorded, with and without tracing, against the two transitions alone. The eval loop's cheap
 * path (no other thread waiting) records nothing and is not measured here.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 LockStatsBench
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LockStatsBench {
    @Param({"false", "true"})
    public boolean tracing;

    private FairGil lock;
    private ThreadState ts;
    private final Blocking.Call<Object> nothing = () -> null;

    @Setup(Level.Trial)
    public void setUp() {
        lock = new FairGil(5_000_000, 0);
        InterpreterState interp = new InterpreterState(RuntimeOptions.defaults(), lock, null);
        if (tracing) interp.lockMonitor.enableTracing();
        ts = interp.attachThread();
        lock.acquire(ts);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lock.release(ts);
        ThreadState.detach();
    }

    /** A blocking call that returns at once: the gate's whole cost, statistics included. */
    @Benchmark
    public Object blockingCallRoundTrip() {
        return Blocking.call("sleep", nothing);
    }

    /** The two transitions a blocking call records (running to blocked, blocked to running). */
    @Benchmark
    public void statisticsTransitionsOnly() {
        ts.lockStats.blockBegin("sleep");
        ts.lockStats.acquired();
    }
}
