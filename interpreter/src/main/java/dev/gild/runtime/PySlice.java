package dev.gild.runtime;

import java.math.BigInteger;

/**
 * Python's slice: three arbitrary objects (usually ints or None). Sequences turn a slice into
 * concrete positions with {@link #indices(PySlice, long)}, CPython's PySlice_Unpack followed by
 * PySlice_AdjustIndices.
 */
public final class PySlice extends PyObject {
    public final Object start;
    public final Object stop;
    public final Object step;

    public PySlice(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override public PyType getType() { return PyTypes.SLICE; }

    /**
     * The slice applied to a sequence of the given length: {start, stop, step, sliceLength}, with
     * start and stop clamped into the sequence as CPython's PySlice_AdjustIndices does. The items
     * selected are start, start + step, ... (sliceLength of them). Raises ValueError for a zero
     * step and TypeError for indices that are neither ints, None nor have __index__.
     */
    public static long[] indices(PySlice s, long length) {
        long step = s.step == Py.None ? 1 : clampedIndex(s.step);
        if (step == 0) throw Py.valueError("slice step cannot be zero");
        // CPython clamps the step to -PY_SSIZE_T_MAX so that negating it cannot overflow.
        if (step < -Long.MAX_VALUE) step = -Long.MAX_VALUE;
        long start = s.start == Py.None ? (step < 0 ? Long.MAX_VALUE : 0) : clampedIndex(s.start);
        long stop = s.stop == Py.None ? (step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : clampedIndex(s.stop);
        return adjust(start, stop, step, length);
    }

    /** PySlice_AdjustIndices: clamps start and stop into [0, length] (or [-1, length - 1] for a negative step). */
    static long[] adjust(long start, long stop, long step, long length) {
        if (start < 0) {
            start += length;
            if (start < 0) start = step < 0 ? -1 : 0;
        } else if (start >= length) {
            start = step < 0 ? length - 1 : length;
        }
        if (stop < 0) {
            stop += length;
            if (stop < 0) stop = step < 0 ? -1 : 0;
        } else if (stop >= length) {
            stop = step < 0 ? length - 1 : length;
        }
        long count;
        if (step < 0) {
            count = stop < start ? (start - stop - 1) / -step + 1 : 0;
        } else {
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return new long[] {start, stop, step, count};
    }

    /** A slice bound as a long, saturated at the long range as CPython's _PyEval_SliceIndex does. */
    private static long clampedIndex(Object o) {
        if (o instanceof Long l) return l;
        if (!(o instanceof BigInteger || o instanceof Boolean) && Ops.typeOf(o).lookup("__index__") == null) {
            throw Py.typeError("slice indices must be integers or None or have an __index__ method");
        }
        Object i = Ops.index(o);
        if (i instanceof Long l) return l;
        return ((BigInteger) i).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** slice.indices(length) with an arbitrary-precision length: (start, stop, step) as Python ints. */
    static PyTuple indicesBig(PySlice s, BigInteger length) {
        if (length.signum() < 0) throw Py.valueError("length should not be negative");
        BigInteger step = s.step == Py.None ? BigInteger.ONE : bigIndex(s.step);
        if (step.signum() == 0) throw Py.valueError("slice step cannot be zero");
        boolean backwards = step.signum() < 0;
        BigInteger lower = backwards ? BigInteger.ONE.negate() : BigInteger.ZERO;
        BigInteger upper = backwards ? length.subtract(BigInteger.ONE) : length;
        BigInteger start = s.start == Py.None ? (backwards ? upper : lower) : clampBig(bigIndex(s.start), length, lower, upper);
        BigInteger stop = s.stop == Py.None ? (backwards ? lower : upper) : clampBig(bigIndex(s.stop), length, lower, upper);
        return PyTuple.of(Py.newInt(start), Py.newInt(stop), Py.newInt(step));
    }

    private static BigInteger clampBig(BigInteger v, BigInteger length, BigInteger lower, BigInteger upper) {
        if (v.signum() < 0) {
            v = v.add(length);
            return v.compareTo(lower) < 0 ? lower : v;
        }
        return v.compareTo(upper) > 0 ? upper : v;
    }

    private static BigInteger bigIndex(Object o) {
        if (!(o instanceof Long || o instanceof BigInteger || o instanceof Boolean)
                && Ops.typeOf(o).lookup("__index__") == null) {
            throw Py.typeError("slice indices must be integers or None or have an __index__ method");
        }
        Object i = Ops.index(o);
        return i instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) i;
    }

    @Override public boolean equals(Object other) {
        return this == other || other instanceof PySlice s && Ops.eq(start, s.start) && Ops.eq(stop, s.stop)
                && Ops.eq(step, s.step);
    }

    @Override public int hashCode() { throw Py.typeError("unhashable type: 'slice'"); }
}
