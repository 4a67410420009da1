package dev.gild.stdlib.random;

import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;
import java.math.BigInteger;

/**
 * An instance of {@code _random.Random}: the MT19937 generator with CPython's seeding
 * (init_by_array over the 32-bit words of the seed) and output conversions, so a seed gives the
 * same sequence as under CPython. The public operations synchronise on the generator so threads
 * sharing one (free-threaded mode has no interpreter lock to serialise them) never corrupt it.
 */
final class MersenneTwister extends PyObject {
    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final PyType type;
    private PyDict dict;
    final int[] mt = new int[N];
    /** The next word of mt to temper; N means "regenerate first", N + 1 "never seeded". */
    int index = N + 1;

    MersenneTwister(PyType type) {
        this.type = type;
    }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }

    private void initGenrand(int seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        index = N;
    }

    /** Seeds from the 32-bit words of a key, least significant word first. */
    synchronized void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1, j = 0;
        int keyLength = key.length;
        for (int k = Math.max(N, keyLength); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= keyLength) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /** Seeds from a non-negative integer as CPython does: its 32-bit words, [0] for zero. */
    void seed(BigInteger n) {
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int w = 0; w < words; w++) key[w] = n.shiftRight(32 * w).intValue();
        initByArray(key);
    }

    void seed(long n) {
        if (n >>> 32 == 0) {
            initByArray(new int[] {(int) n});
        } else {
            initByArray(new int[] {(int) n, (int) (n >>> 32)});
        }
    }

    /** The next 32 random bits. */
    private int next32() {
        if (index >= N) {
            if (index > N) RandomModule.seed(this, dev.gild.runtime.Py.None);
            generate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void generate() {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        index = 0;
    }

    /** A float in [0, 1) with 53 random bits, as CPython's random(). */
    synchronized double nextDouble() {
        int a = next32() >>> 5;
        int b = next32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** k random bits for 0 <= k <= 63, drawn as getrandbits draws them. */
    private long bitsAsLong(int k) {
        if (k <= 32) return k == 0 ? 0L : (next32() & 0xFFFFFFFFL) >>> (32 - k);
        long low = next32() & 0xFFFFFFFFL;
        long high = (next32() & 0xFFFFFFFFL) >>> (64 - k);
        return high << 32 | low;
    }

    /** A random int in [0, n) for n > 0, by rejection on n.bit_length() random bits (CPython's _randbelow). */
    synchronized Object below(Object n) {
        if (n instanceof Long bound) {
            int k = 64 - Long.numberOfLeadingZeros(bound);
            long r = bitsAsLong(k);
            while (r >= bound) r = bitsAsLong(k);
            return r;
        }
        BigInteger bound = (BigInteger) n;
        int k = bound.bitLength();
        Object r = getrandbits(k);
        while ((r instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) r).compareTo(bound) >= 0) r = getrandbits(k);
        return r;
    }

    /** k random bits as a Python int (k >= 0), filled from the least significant 32-bit word up. */
    synchronized Object getrandbits(long k) {
        if (k <= 63) return bitsAsLong((int) k);
        int words = (int) ((k - 1) / 32 + 1);
        byte[] bigEndian = new byte[words * 4];
        long remaining = k;
        for (int w = 0; w < words; w++, remaining -= 32) {
            int r = next32();
            if (remaining < 32) r >>>= 32 - remaining;
            int at = (words - 1 - w) * 4;
            bigEndian[at] = (byte) (r >>> 24);
            bigEndian[at + 1] = (byte) (r >>> 16);
            bigEndian[at + 2] = (byte) (r >>> 8);
            bigEndian[at + 3] = (byte) r;
        }
        return dev.gild.runtime.Py.newInt(new BigInteger(1, bigEndian));
    }
}
