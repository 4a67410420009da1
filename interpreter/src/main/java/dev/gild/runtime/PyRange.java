package dev.gild.runtime;

import java.math.BigInteger;

/**
 * Python's range. The bounds are Python ints; when start, stop, step and the length all fit a
 * long (nearly always) the range is "small" and every operation works on longs, otherwise on
 * BigIntegers, so {@code range(10**20)[-1]} works as in CPython.
 */
public final class PyRange extends PyObject {
    /** The bounds as given, normalised Python ints (Long or BigInteger). */
    public final Object start;
    public final Object stop;
    public final Object step;
    /** The number of items, a Python int. */
    final Object length;
    /** Whether start, stop, step and length all fit a long; the l* fields are then valid. */
    final boolean small;
    final long lstart;
    final long lstep;
    final long llength;

    /** A range with Python int bounds; ValueError for a zero step. */
    public PyRange(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        if (isZero(step)) throw Py.valueError("range() arg 3 must not be zero");
        if (start instanceof Long a && stop instanceof Long b && step instanceof Long c) {
            long n = unsignedLength(a, b, c);
            if (n >= 0) {
                small = true;
                lstart = a;
                lstep = c;
                llength = n;
                length = n;
                return;
            }
            length = new BigInteger(Long.toUnsignedString(n));
        } else {
            length = Py.newInt(bigLength(big(start), big(stop), big(step)));
        }
        small = false;
        lstart = 0;
        lstep = 0;
        llength = 0;
    }

    /** range(0, n) for a long n. */
    public PyRange(long n) {
        this(0L, n, 1L);
    }

    @Override public PyType getType() { return PyTypes.RANGE; }

    private static boolean isZero(Object o) {
        return o instanceof Long l ? l == 0 : ((BigInteger) o).signum() == 0;
    }

    static BigInteger big(Object o) {
        return o instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) o;
    }

    /**
     * The length of range(start, stop, step) as an unsigned 64-bit value (it always fits): the
     * distance between the bounds is exact in unsigned arithmetic. Negative as a signed long
     * when the length exceeds Long.MAX_VALUE.
     */
    private static long unsignedLength(long start, long stop, long step) {
        if (step > 0) {
            if (start >= stop) return 0;
            return Long.divideUnsigned(stop - start - 1, step) + 1;
        }
        if (start <= stop) return 0;
        return Long.divideUnsigned(start - stop - 1, -step) + 1;
    }

    static BigInteger bigLength(BigInteger start, BigInteger stop, BigInteger step) {
        if (step.signum() > 0) {
            if (start.compareTo(stop) >= 0) return BigInteger.ZERO;
            return stop.subtract(start).subtract(BigInteger.ONE).divide(step).add(BigInteger.ONE);
        }
        if (start.compareTo(stop) <= 0) return BigInteger.ZERO;
        return start.subtract(stop).subtract(BigInteger.ONE).divide(step.negate()).add(BigInteger.ONE);
    }

    /** Whether the range is empty. */
    public boolean isEmpty() {
        return small ? llength == 0 : length instanceof Long l ? l == 0 : ((BigInteger) length).signum() == 0;
    }

    /** len(range): OverflowError when the length does not fit. */
    public long size() {
        if (small) return llength;
        if (length instanceof Long l) return l;
        throw Py.overflowError("Python int too large to convert to C ssize_t");
    }

    /** The item at a non-negative position below the length. */
    Object itemAt(Object position) {
        if (small) return lstart + (Long) position * lstep;
        return Py.newInt(big(start).add(big(position).multiply(big(step))));
    }

    /** Whether the int x (Long or BigInteger) is one of the range's values, in O(1). */
    boolean containsInt(Object x) {
        if (small && x instanceof Long v) {
            if (lstep > 0) {
                if (v < lstart || v >= (Long) stop) return false;
                return Long.remainderUnsigned(v - lstart, lstep) == 0;
            }
            if (v > lstart || v <= (Long) stop) return false;
            return Long.remainderUnsigned(lstart - v, -lstep) == 0;
        }
        BigInteger v = big(x);
        BigInteger a = big(start);
        BigInteger b = big(stop);
        BigInteger c = big(step);
        if (c.signum() > 0) {
            if (v.compareTo(a) < 0 || v.compareTo(b) >= 0) return false;
        } else if (v.compareTo(a) > 0 || v.compareTo(b) <= 0) {
            return false;
        }
        return v.subtract(a).mod(c.abs()).signum() == 0;
    }

    /** The position of an int known to be in the range. */
    Object positionOf(Object x) {
        if (small && x instanceof Long v) return Long.divideUnsigned(lstep > 0 ? v - lstart : lstart - v, Math.abs(lstep));
        return Py.newInt(big(x).subtract(big(start)).divide(big(step)));
    }

    public PyIterator iterator() {
        return small ? new RangeIterator(lstart, lstep, llength) : new LongRangeIterator(big(start), big(step), big(length));
    }

    public PyIterator reverseIterator() {
        if (small) return new RangeIterator(lstart + (llength - 1) * lstep, -lstep, llength);
        BigInteger c = big(step);
        BigInteger n = big(length);
        BigInteger last = big(start).add(n.subtract(BigInteger.ONE).multiply(c));
        return new LongRangeIterator(last, c.negate(), n);
    }

    /** Iterates a range of longs: the hot loop of {@code for i in range(n)}. */
    static final class RangeIterator extends PyIterator {
        private long next;
        private final long step;
        private long remaining;

        RangeIterator(long first, long step, long count) {
            this.next = first;
            this.step = step;
            this.remaining = count;
        }

        @Override
        public Object next() {
            if (remaining <= 0) return null;
            remaining--;
            long v = next;
            next = v + step;
            return v;
        }

        @Override public int lengthHint() { return (int) Math.min(remaining, Integer.MAX_VALUE); }

        @Override public PyType getType() { return RangeSliceMethods.RANGE_ITERATOR; }
    }

    static final class LongRangeIterator extends PyIterator {
        private BigInteger next;
        private final BigInteger step;
        private BigInteger remaining;

        LongRangeIterator(BigInteger first, BigInteger step, BigInteger count) {
            this.next = first;
            this.step = step;
            this.remaining = count;
        }

        @Override
        public Object next() {
            if (remaining.signum() <= 0) return null;
            remaining = remaining.subtract(BigInteger.ONE);
            BigInteger v = next;
            next = v.add(step);
            return Py.newInt(v);
        }

        @Override public int lengthHint() {
            return remaining.bitLength() < 32 ? remaining.intValue() : Integer.MAX_VALUE;
        }

        @Override public PyType getType() { return RangeSliceMethods.LONG_RANGE_ITERATOR; }
    }
}
