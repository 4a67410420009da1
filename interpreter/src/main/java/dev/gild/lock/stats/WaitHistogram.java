package dev.gild.lock.stats;

/**
 * Wait times on a logarithmic scale: four buckets per power of two of nanoseconds, so a
 * percentile read from it is within 19% of the true value, at a fixed 256 counters and no
 * allocation per sample. Written by one thread; read (racily, for statistics) by any.
 */
final class WaitHistogram {
    private static final int SUB_BUCKET_BITS = 2;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = 64 * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long samples;

    void record(long nanos) {
        counts[bucketOf(Math.max(1, nanos))]++;
        samples++;
    }

    void addTo(WaitHistogram total) {
        for (int i = 0; i < BUCKETS; i++) total.counts[i] += counts[i];
        total.samples += samples;
    }

    long samples() { return samples; }

    /** Bucket of a positive value: its power of two, then the two bits below the leading one. */
    private static int bucketOf(long nanos) {
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent < SUB_BUCKET_BITS) return (int) nanos;
        int sub = (int) (nanos >>> (exponent - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return exponent * SUB_BUCKETS + sub;
    }

    /** The middle of a bucket's range, in nanoseconds. */
    private static double middleOf(int bucket) {
        int exponent = bucket / SUB_BUCKETS;
        if (exponent < SUB_BUCKET_BITS) return bucket;
        int sub = bucket % SUB_BUCKETS;
        double width = Math.scalb(1.0, exponent - SUB_BUCKET_BITS);
        double low = Math.scalb(1.0, exponent) + sub * width;
        return low + width / 2;
    }

    /** The value below which {@code fraction} of the samples lie, in nanoseconds (0 when empty). */
    double percentile(double fraction) {
        if (samples == 0) return 0;
        long rank = (long) Math.ceil(fraction * samples);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) return middleOf(i);
        }
        return middleOf(BUCKETS - 1);
    }
}
