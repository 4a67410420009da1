package dev.gild.stdlib.thread;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBoxed;
import dev.gild.runtime.PyExc;

/** Conversion of script-level timeouts and durations (seconds as int or float) to nanoseconds. */
public final class Timeouts {
    private Timeouts() {}

    /** The largest timeout a lock accepts, in seconds (CPython's value on 64-bit Linux). */
    public static final double TIMEOUT_MAX = 9223372036.0;

    /**
     * Seconds given as an int or a float, as CPython's time functions read them: a float as is,
     * anything else through __index__ ("'str' object cannot be interpreted as an integer").
     */
    public static double seconds(Object o) {
        if (o instanceof Double d) return d;
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof PyBoxed b && b.value instanceof Double d) return d;
        Object i = Ops.index(o);
        if (i instanceof Long l) return l;
        throw Py.raise(PyExc.OverflowError, "timestamp too large to convert to C _PyTime_t");
    }

    /** Binds acquire(blocking=True, timeout=-1) of a lock method (args[0] is the lock). */
    static Object[] parseAcquire(Object[] args, String[] kwnames, String[] names) {
        int given = args.length - 1;
        if (given > 2) throw Py.typeError("acquire() takes at most 2 arguments (" + given + " given)");
        return Args.parse("acquire", args, kwnames, 1, names, 0, 2);
    }

    /**
     * The (blocking, timeout) pair of Lock.acquire and friends as a wait in nanoseconds:
     * {@link Blocking#FOREVER}, 0 for a non-blocking try, or the limit; CPython's errors.
     */
    public static long lockTimeout(boolean blocking, Object timeout) {
        double t = timeout == null ? -1 : seconds(timeout);
        if (!blocking) {
            if (t != -1) throw Py.valueError("can't specify a timeout for a non-blocking call");
            return 0;
        }
        if (t == -1) return Blocking.FOREVER;
        if (t < 0) throw Py.valueError("timeout value must be positive");
        if (Double.isNaN(t)) throw Py.valueError("Invalid value NaN (not a number)");
        if (t * 1e9 >= 9.223372036854775807e18) {
            throw Py.raise(PyExc.OverflowError, "timestamp out of range for platform time_t");
        }
        if (t > TIMEOUT_MAX) throw Py.raise(PyExc.OverflowError, "timeout value is too large");
        return Blocking.toNanos(t);
    }
}
