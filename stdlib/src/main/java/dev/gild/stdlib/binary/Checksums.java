package dev.gild.stdlib.binary;

import java.util.zip.CRC32;

/** CRC-32 and Adler-32 continuing from a previous value, as zlib's crc32(data, value) does. */
final class Checksums {
    private Checksums() {}

    /** crc32 of data continued from start (the JDK's intrinsic for the data, then zlib's combine step). */
    static long crc32(long start, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length);
        return start == 0 ? crc.getValue() : crc32Combine(start, crc.getValue(), data.length);
    }

    private static long gf2MatrixTimes(long[] mat, long vec) {
        long sum = 0;
        for (int i = 0; vec != 0; i++, vec >>>= 1) {
            if ((vec & 1) != 0) sum ^= mat[i];
        }
        return sum;
    }

    private static void gf2MatrixSquare(long[] square, long[] mat) {
        for (int n = 0; n < 32; n++) square[n] = gf2MatrixTimes(mat, mat[n]);
    }

    /** The CRC of A followed by B from crc(A), crc(B) and len(B): len2 zero bits applied by matrix powers. */
    static long crc32Combine(long crc1, long crc2, long len2) {
        if (len2 <= 0) return crc1;
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = 0xedb88320L;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        gf2MatrixSquare(even, odd);
        gf2MatrixSquare(odd, even);
        do {
            gf2MatrixSquare(even, odd);
            if ((len2 & 1) != 0) crc1 = gf2MatrixTimes(even, crc1);
            len2 >>= 1;
            if (len2 == 0) break;
            gf2MatrixSquare(odd, even);
            if ((len2 & 1) != 0) crc1 = gf2MatrixTimes(odd, crc1);
            len2 >>= 1;
        } while (len2 != 0);
        return (crc1 ^ crc2) & 0xFFFFFFFFL;
    }

    private static final int ADLER_BASE = 65521;
    /** The most bytes summed before the 32-bit sums must be reduced (zlib's NMAX). */
    private static final int ADLER_NMAX = 5552;

    static long adler32(long start, byte[] data) {
        long a = start & 0xFFFF;
        long b = (start >>> 16) & 0xFFFF;
        int i = 0;
        while (i < data.length) {
            int end = Math.min(data.length, i + ADLER_NMAX);
            for (; i < end; i++) {
                a += data[i] & 0xFF;
                b += a;
            }
            a %= ADLER_BASE;
            b %= ADLER_BASE;
        }
        return b << 16 | a;
    }
}
