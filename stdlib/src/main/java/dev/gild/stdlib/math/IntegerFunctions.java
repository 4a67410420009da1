package dev.gild.stdlib.math;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import java.math.BigInteger;

/** The integer functions of the math module: exact on ints of any size. */
final class IntegerFunctions {
    private IntegerFunctions() {}

    private static BigInteger big(Object intValue) {
        return intValue instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) intValue;
    }

    static Object gcd(Object[] args) {
        if (args.length == 0) return 0L;
        Object result = Ops.index(args[0]);
        if (args.length == 1) return absolute(result);
        for (int i = 1; i < args.length; i++) result = gcd2(result, Ops.index(args[i]));
        return result;
    }

    private static Object absolute(Object v) {
        if (v instanceof Long l) return l == Long.MIN_VALUE ? Py.newInt(BigInteger.valueOf(l).negate()) : (Object) Math.abs(l);
        return ((BigInteger) v).abs();
    }

    private static Object gcd2(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y && x != Long.MIN_VALUE && y != Long.MIN_VALUE) {
            long p = Math.abs(x), q = Math.abs(y);
            while (q != 0) {
                long t = p % q;
                p = q;
                q = t;
            }
            return p;
        }
        return Py.newInt(big(a).gcd(big(b)));
    }

    static Object lcm(Object[] args) {
        if (args.length == 0) return 1L;
        BigInteger result = big(Ops.index(args[0])).abs();
        for (int i = 1; i < args.length; i++) {
            BigInteger b = big(Ops.index(args[i]));
            if (result.signum() == 0 || b.signum() == 0) {
                result = BigInteger.ZERO;
                continue;
            }
            result = result.divide(result.gcd(b)).multiply(b.abs());
        }
        return Py.newInt(result);
    }

    private static final long[] SMALL_FACTORIALS = new long[21];

    static {
        SMALL_FACTORIALS[0] = 1;
        for (int i = 1; i < SMALL_FACTORIALS.length; i++) SMALL_FACTORIALS[i] = SMALL_FACTORIALS[i - 1] * i;
    }

    static Object factorial(Object arg) {
        Object n = Ops.index(arg);
        if (n instanceof BigInteger b) {
            if (b.signum() < 0) throw Py.valueError("factorial() not defined for negative values");
            throw Py.overflowError("factorial() argument should not exceed " + Long.MAX_VALUE);
        }
        long v = (Long) n;
        if (v < 0) throw Py.valueError("factorial() not defined for negative values");
        if (v < SMALL_FACTORIALS.length) return SMALL_FACTORIALS[(int) v];
        if (v > Integer.MAX_VALUE) throw Py.memoryError();
        return Py.newInt(product(1, v));
    }

    /** lo * (lo+1) * ... * hi by binary splitting, so the big multiplications are balanced. */
    private static BigInteger product(long lo, long hi) {
        if (lo > hi) return BigInteger.ONE;
        if (hi - lo < 16) {
            BigInteger r = BigInteger.valueOf(lo);
            long acc = 1;
            for (long i = lo + 1; i <= hi; i++) {
                if (Math.multiplyHigh(acc, i) != 0 || acc * i < 0) {
                    r = r.multiply(BigInteger.valueOf(acc));
                    acc = i;
                } else {
                    acc *= i;
                }
            }
            return r.multiply(BigInteger.valueOf(acc));
        }
        long mid = (lo + hi) >>> 1;
        return product(lo, mid).multiply(product(mid + 1, hi));
    }

    static Object isqrt(Object arg) {
        Object n = Ops.index(arg);
        if (n instanceof Long l) {
            if (l < 0) throw Py.valueError("isqrt() argument must be nonnegative");
            long s = (long) Math.sqrt((double) l);
            while (s > 0 && (s > 3037000499L || s * s > l)) s--;
            while (s + 1 <= 3037000499L && (s + 1) * (s + 1) <= l) s++;
            return s;
        }
        BigInteger b = (BigInteger) n;
        if (b.signum() < 0) throw Py.valueError("isqrt() argument must be nonnegative");
        return Py.newInt(b.sqrt());
    }

    private static BigInteger nonNegative(Object arg, String which) {
        BigInteger v = big(Ops.index(arg));
        if (v.signum() < 0) throw Py.valueError(which + " must be a non-negative integer");
        return v;
    }

    static Object comb(Object nArg, Object kArg) {
        BigInteger n = nonNegative(nArg, "n");
        BigInteger k = nonNegative(kArg, "k");
        if (k.compareTo(n) > 0) return 0L;
        BigInteger other = n.subtract(k);
        if (other.compareTo(k) < 0) k = other;
        if (k.bitLength() > 63) throw Py.overflowError("min(n - k, k) must not exceed " + Long.MAX_VALUE);
        long kk = k.longValueExact();
        if (n.bitLength() < 63) {
            long nn = n.longValue();
            long acc = 1;
            long i = 1;
            for (; i <= kk; i++) {
                long factor = nn - kk + i;
                if (Math.multiplyHigh(acc, factor) != 0 || acc * factor < 0) break;
                acc = acc * factor / i;
            }
            if (i > kk) return acc;
            BigInteger r = BigInteger.valueOf(acc);
            for (; i <= kk; i++) r = r.multiply(BigInteger.valueOf(nn - kk + i)).divide(BigInteger.valueOf(i));
            return Py.newInt(r);
        }
        BigInteger r = BigInteger.ONE;
        BigInteger base = n.subtract(k);
        for (long i = 1; i <= kk; i++) {
            r = r.multiply(base.add(BigInteger.valueOf(i))).divide(BigInteger.valueOf(i));
        }
        return Py.newInt(r);
    }

    static Object perm(Object nArg, Object kArg) {
        if (kArg == Py.None) return factorial(nArg);
        BigInteger n = nonNegative(nArg, "n");
        BigInteger k = nonNegative(kArg, "k");
        if (k.compareTo(n) > 0) return 0L;
        if (k.bitLength() > 63) throw Py.overflowError("k must not exceed " + Long.MAX_VALUE);
        long kk = k.longValueExact();
        if (n.bitLength() < 63) return Py.newInt(product(n.longValue() - kk + 1, n.longValue()));
        BigInteger r = BigInteger.ONE;
        for (long i = 0; i < kk; i++) r = r.multiply(n.subtract(BigInteger.valueOf(i)));
        return Py.newInt(r);
    }
}
