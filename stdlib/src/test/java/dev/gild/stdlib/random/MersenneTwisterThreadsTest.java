package dev.gild.stdlib.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One generator shared by Java threads, as free-threaded scripts share random's: every draw is
 * whole, so the threads together see exactly the draws of one sequential run, in some order.
 */
class MersenneTwisterThreadsTest {
    private static final int THREADS = 4;
    private static final int DRAWS = 20_000;

    @Test
    void concurrentDrawsAreTheSequentialDraws() throws InterruptedException {
        MersenneTwister shared = (MersenneTwister) RandomModule.RANDOM.allocate();
        shared.seed(BigInteger.valueOf(12345));
        long[][] seen = new long[THREADS][DRAWS];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long[] mine = seen[t];
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < DRAWS; i++) mine[i] = (Long) shared.getrandbits(32);
            }));
        }
        for (Thread t : threads) t.join();

        MersenneTwister sequential = (MersenneTwister) RandomModule.RANDOM.allocate();
        sequential.seed(BigInteger.valueOf(12345));
        long[] expected = new long[THREADS * DRAWS];
        for (int i = 0; i < expected.length; i++) expected[i] = (Long) sequential.getrandbits(32);

        long[] all = Arrays.stream(seen).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        Arrays.sort(expected);
        assertEquals(Arrays.toString(expected), Arrays.toString(all));
    }

    @Test
    void firstDrawsOfSeed42MatchCPython() {
        MersenneTwister r = (MersenneTwister) RandomModule.RANDOM.allocate();
        r.seed(42L);
        // random.seed(42); random.random() under CPython 3.11
        assertEquals(0.6394267984578837, r.nextDouble());
        assertEquals(0.025010755222666936, r.nextDouble());
    }
}
