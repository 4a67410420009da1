package dev.gild.stdlib.math;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** The float algorithms of the math module, following CPython's own where the result depends on them. */
final class MathFunctions {
    private MathFunctions() {}

    private static final double LN2 = 0.6931471805599453;
    private static final double TWO_POW_28 = 0x1p28;

    static double asinh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        if (ax < 0x1p-28) return x;
        double w;
        if (ax > TWO_POW_28) {
            w = Math.log(ax) + LN2;
        } else if (ax > 2.0) {
            w = Math.log(2.0 * ax + 1.0 / (Math.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            w = StrictMath.log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return Math.copySign(w, x);
    }

    static double acosh(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 1.0) return Double.NaN;
        if (x >= TWO_POW_28) return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        if (x == 1.0) return 0.0;
        if (x > 2.0) return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
        double t = x - 1.0;
        return StrictMath.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    private static final double LOG_MAX_DOUBLE = 7.09782712893383973096e+02;

    /** cosh by the ranges glibc uses: expm1 near zero, exp beyond, split exp near overflow. */
    static double cosh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x)) return x;
        if (ax < 0.5 * LN2) {
            double t = StrictMath.expm1(ax);
            double w = 1.0 + t;
            if (ax < 0x1p-55) return w;
            return 1.0 + (t * t) / (w + w);
        }
        if (ax < 22.0) {
            double t = Math.exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ax < LOG_MAX_DOUBLE) return 0.5 * Math.exp(ax);
        double w = Math.exp(0.5 * ax);
        double t = 0.5 * w;
        return t * w;
    }

    static double sinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        double h = x < 0 ? -0.5 : 0.5;
        double ax = Math.abs(x);
        if (ax < 22.0) {
            if (ax < 0x1p-28) return x;
            double t = StrictMath.expm1(ax);
            if (ax < 1.0) return h * (2.0 * t - t * t / (t + 1.0));
            return h * (t + t / (t + 1.0));
        }
        if (ax < LOG_MAX_DOUBLE) return h * Math.exp(ax);
        double w = Math.exp(0.5 * ax);
        double t = h * w;
        return t * w;
    }

    private static final double CBRT2 = 1.2599210498948731648, SQUARED_CBRT2 = 1.5874010519681994748;
    private static final double[] CBRT_EXPONENT_FACTOR = {1.0 / SQUARED_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQUARED_CBRT2};

    /**
     * The cube root as glibc computes it (CPython's results, which are not always correctly
     * rounded: cbrt(27) is 3.0000000000000004): a polynomial guess on the mantissa in [0.5, 1),
     * one Halley step, then the exponent's third.
     */
    static double cbrt(double x) {
        if (x == 0.0 || !Double.isFinite(x)) return x + x;
        double ax = Math.abs(x);
        int xe = frexpExponent(ax);
        double xm = Math.scalb(ax, -xe);
        double u = 0.354895765043919860 + (1.50819193781584896 + (-2.11499494167371287 + (2.44693122563534430
                + (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm) * xm) * xm) * xm;
        double t2 = u * u * u;
        double ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * CBRT_EXPONENT_FACTOR[2 + xe % 3];
        return Math.scalb(Math.copySign(ym, x), xe / 3);
    }

    static double atanh(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax > 1.0) return Double.NaN;
        if (ax == 1.0) return Math.copySign(Double.POSITIVE_INFINITY, x);
        if (ax < 0x1p-28) return x;
        double t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * StrictMath.log1p(t + t * ax / (1.0 - ax));
        } else {
            t = 0.5 * StrictMath.log1p((ax + ax) / (1.0 - ax));
        }
        return Math.copySign(t, x);
    }

    // ------------------------------------------------------------------ gamma, lgamma (Lanczos, as CPython)

    private static final double LANCZOS_G = 6.024680040776729583740234375;
    private static final double LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
    private static final double[] LANCZOS_NUM = {
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    };
    private static final double[] LANCZOS_DEN = {
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
        2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    };
    private static final double LOG_PI = 1.144729885849400174143427351353058711647;
    private static final double[] GAMMA_INTEGRAL = new double[23];

    static {
        double f = 1.0;
        for (int i = 0; i < GAMMA_INTEGRAL.length; i++) {
            GAMMA_INTEGRAL[i] = f;
            f *= i + 1;
        }
    }

    private static double lanczosSum(double x) {
        double num = 0.0, den = 0.0;
        int n = LANCZOS_NUM.length;
        if (x < 5.0) {
            for (int i = n - 1; i >= 0; i--) {
                num = num * x + LANCZOS_NUM[i];
                den = den * x + LANCZOS_DEN[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                num = num / x + LANCZOS_NUM[i];
                den = den / x + LANCZOS_DEN[i];
            }
        }
        return num / den;
    }

    /** sin(pi * x), exact at the multiples of one half. */
    private static double sinPi(double x) {
        double y = Math.abs(x) % 2.0;
        int n = (int) Math.rint(2.0 * y);
        double r = switch (n) {
            case 0 -> Math.sin(Math.PI * y);
            case 1 -> Math.cos(Math.PI * (y - 0.5));
            case 2 -> Math.sin(Math.PI * (1.0 - y));
            case 3 -> -Math.cos(Math.PI * (y - 1.5));
            default -> Math.sin(Math.PI * (y - 2.0));
        };
        return Math.copySign(1.0, x) * r;
    }

    static double gamma(double x) {
        if (!Double.isFinite(x)) {
            if (Double.isNaN(x) || x > 0.0) return x;
            throw MathModule.domainError();
        }
        if (x == 0.0) throw MathModule.domainError();
        if (x == Math.floor(x)) {
            if (x < 0.0) throw MathModule.domainError();
            if (x <= GAMMA_INTEGRAL.length) return GAMMA_INTEGRAL[(int) x - 1];
        }
        double ax = Math.abs(x);
        if (ax < 1e-20) {
            double r = 1.0 / x;
            if (Double.isInfinite(r)) throw MathModule.rangeError();
            return r;
        }
        if (ax > 200.0) {
            if (x < 0.0) return 0.0 / sinPi(x);
            throw MathModule.rangeError();
        }
        double y = ax + LANCZOS_G_MINUS_HALF;
        double q, z;
        if (ax > LANCZOS_G_MINUS_HALF) {
            q = y - ax;
            z = q - LANCZOS_G_MINUS_HALF;
        } else {
            q = y - LANCZOS_G_MINUS_HALF;
            z = q - ax;
        }
        z = z * LANCZOS_G / y;
        double r;
        if (x < 0.0) {
            r = -Math.PI / sinPi(ax) / ax * Math.exp(y) / lanczosSum(ax);
            r -= z * r;
            if (ax < 140.0) {
                r /= Math.pow(y, ax - 0.5);
            } else {
                double sqrtpow = Math.pow(y, ax / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        } else {
            r = lanczosSum(ax) / Math.exp(y);
            r += z * r;
            if (ax < 140.0) {
                r *= Math.pow(y, ax - 0.5);
            } else {
                double sqrtpow = Math.pow(y, ax / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        if (Double.isInfinite(r)) throw MathModule.rangeError();
        return r;
    }

    static double lgamma(double x) {
        if (!Double.isFinite(x)) return Double.isNaN(x) ? x : Double.POSITIVE_INFINITY;
        if (x == Math.floor(x) && x <= 2.0) {
            if (x <= 0.0) throw MathModule.domainError();
            return 0.0;
        }
        double ax = Math.abs(x);
        if (ax < 1e-20) return -Math.log(ax);
        double r = Math.log(lanczosSum(ax)) - LANCZOS_G;
        r += (ax - 0.5) * (Math.log(ax + LANCZOS_G - 0.5) - 1);
        if (x < 0.0) r = LOG_PI - Math.log(Math.abs(sinPi(ax))) - Math.log(ax) - r;
        if (Double.isInfinite(r)) throw MathModule.rangeError();
        return r;
    }

    // ------------------------------------------------------------------ pow, fmod, remainder

    static double pow(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (Double.isNaN(x)) return y == 0.0 ? 1.0 : x;
            if (Double.isNaN(y)) return x == 1.0 ? 1.0 : y;
            if (Double.isInfinite(x)) {
                boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
                if (y > 0.0) return oddY ? x : Math.abs(x);
                if (y == 0.0) return 1.0;
                return oddY ? Math.copySign(0.0, x) : 0.0;
            }
            if (Math.abs(x) == 1.0) return 1.0;
            if (y > 0.0 && Math.abs(x) > 1.0) return y;
            if (y < 0.0 && Math.abs(x) < 1.0) return -y;
            return 0.0;
        }
        double r = Math.pow(x, y);
        if (Double.isNaN(r)) throw MathModule.domainError();
        if (Double.isInfinite(r)) throw x == 0.0 ? MathModule.domainError() : MathModule.rangeError();
        return r;
    }

    static double fmod(double x, double y) {
        if (Double.isInfinite(y) && Double.isFinite(x)) return x;
        double r = x % y;
        if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw MathModule.domainError();
        return r;
    }

    static double remainder(double x, double y) {
        if (Double.isNaN(x)) return x;
        if (Double.isNaN(y)) return y;
        if (Double.isInfinite(x) || y == 0.0) throw MathModule.domainError();
        if (Double.isInfinite(y)) return x;
        return Math.IEEEremainder(x, y);
    }

    // ------------------------------------------------------------------ logarithms

    private static final double INV_LN2_HI = 1.4426950408889634, INV_LN2_LO = 2.0355273740931033e-17;
    private static final double INV_LN10 = 4.34294481903251816668e-01;
    private static final double LOG10_2_HI = 3.01029995663611771306e-01, LOG10_2_LO = 3.69423907715893078616e-13;

    static double log2(double x) {
        if (!(x > 0.0) || Double.isInfinite(x)) return x == 0.0 ? Double.NEGATIVE_INFINITY : x > 0 ? x : Double.NaN;
        return logDoubleDouble(x, INV_LN2_HI, INV_LN2_LO, 1.0, 0.0);
    }

    /**
     * log10 as glibc computes it (its results are CPython's): the exponent and mantissa split
     * around 1, the mantissa's natural log scaled, and log10(2) in two parts.
     */
    static double log10(double x) {
        if (!(x > 0.0) || Double.isInfinite(x)) return x == 0.0 ? Double.NEGATIVE_INFINITY : x > 0 ? x : Double.NaN;
        int k = 0;
        if (x < Double.MIN_NORMAL) {
            k -= 54;
            x *= 0x1p54;
        }
        long bits = Double.doubleToRawLongBits(x);
        int high = (int) (bits >>> 32);
        k += (high >> 20) - 1023;
        int below = k < 0 ? 1 : 0;
        high = (high & 0x000fffff) | ((0x3ff - below) << 20);
        double y = k + below;
        double mantissa = Double.longBitsToDouble(((long) high << 32) | (bits & 0xFFFFFFFFL));
        double z = y * LOG10_2_LO + INV_LN10 * Math.log(mantissa);
        return z + y * LOG10_2_HI;
    }

    /**
     * e * unit + ln(m) * inverse for x = m * 2**e (m in [sqrt(1/2), sqrt(2))), carried in
     * double-double arithmetic so the result is nearly always correctly rounded, as glibc's log2
     * and log10 (CPython's oracle) are. ln(m) = 2 atanh(s) with s = (m - 1) / (m + 1).
     */
    private static double logDoubleDouble(double x, double inverseHi, double inverseLo, double unitHi, double unitLo) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) {
            x *= 0x1p54;
            e = Math.getExponent(x) - 54;
            x = Math.scalb(x, -Math.getExponent(x));
        } else {
            x = Math.scalb(x, -e);
        }
        double m = x;
        if (m > 1.4142135623730951) {
            m *= 0.5;
            e++;
        }
        double num = m - 1.0;
        double den = m + 1.0;
        double denLo = m - (den - 1.0);
        double s = num / den;
        double sLo = (Math.fma(-s, den, num) - s * denLo) / den;
        double s2 = s * s;
        double tail = 0.0;
        for (int k = 25; k >= 3; k -= 2) tail = tail * s2 + 1.0 / k;
        tail *= s2 * s;
        double lnHi = 2.0 * s;
        double lnLo = 2.0 * sLo + 2.0 * tail;
        double q = lnHi * inverseHi;
        double qLo = Math.fma(lnHi, inverseHi, -q) + lnHi * inverseLo + lnLo * inverseHi;
        double p = e * unitHi;
        double pLo = Math.fma(e, unitHi, -p) + e * unitLo;
        double sum = p + q;
        double bb = sum - p;
        double err = (p - (sum - bb)) + (q - bb);
        return sum + (err + pLo + qLo);
    }

    /**
     * A logarithm of a number; ints too large for a float are split into mantissa and power of two
     * (log(m * 2**e) = log(m) + e * log(2)) instead of overflowing.
     */
    static double logOf(Object arg, DoubleUnaryOperator log) {
        Object v = Ops.unbox(arg);
        if (v instanceof BigInteger b) {
            if (b.signum() <= 0) throw MathModule.domainError();
            double d = b.doubleValue();
            if (Double.isFinite(d)) return checkedLog(d, log);
            int bits = b.bitLength();
            double mantissa = topBitsAsFraction(b, bits);
            return log.applyAsDouble(mantissa) + log.applyAsDouble(2.0) * bits;
        }
        if ((v instanceof Long l && l <= 0) || (v instanceof Boolean bo && !bo)) throw MathModule.domainError();
        return checkedLog(MathModule.real(arg), log);
    }

    private static double checkedLog(double x, DoubleUnaryOperator log) {
        double r = log.applyAsDouble(x);
        if (Double.isNaN(r) && !Double.isNaN(x)) throw MathModule.domainError();
        if (Double.isInfinite(r) && Double.isFinite(x)) throw MathModule.domainError();
        return r;
    }

    /** b / 2**bits rounded once to a double in [0.5, 1]: the top 55 bits with a sticky bit. */
    private static double topBitsAsFraction(BigInteger b, int bits) {
        int shift = bits - 55;
        long top = b.shiftRight(shift).longValue();
        if (b.getLowestSetBit() < shift) top |= 1;
        return Math.scalb((double) top, -55);
    }

    // ------------------------------------------------------------------ rounding to int

    static Object toInt(double d) {
        if (d > -0x1p63 && d < 0x1p63) return (long) d;
        if (Double.isNaN(d)) throw Py.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Py.overflowError("cannot convert float infinity to integer");
        return Py.newInt(new BigDecimal(d).toBigInteger());
    }

    static Object floor(Object o) {
        if (o instanceof Double d) return toInt(Math.floor(d));
        if (o instanceof Long || o instanceof BigInteger) return o;
        if (o instanceof Boolean b) return b ? 1L : 0L;
        Object r = Ops.callSpecial(o, "__floor__");
        if (r != null) return r;
        return toInt(Math.floor(MathModule.real(o)));
    }

    static Object ceil(Object o) {
        if (o instanceof Double d) return toInt(Math.ceil(d));
        if (o instanceof Long || o instanceof BigInteger) return o;
        if (o instanceof Boolean b) return b ? 1L : 0L;
        Object r = Ops.callSpecial(o, "__ceil__");
        if (r != null) return r;
        return toInt(Math.ceil(MathModule.real(o)));
    }

    static Object trunc(Object o) {
        if (o instanceof Double d) return toInt(d);
        if (o instanceof Long || o instanceof BigInteger) return o;
        if (o instanceof Boolean b) return b ? 1L : 0L;
        Object r = Ops.callSpecial(o, "__trunc__");
        if (r != null) return r;
        throw Py.typeError("type " + Ops.typeName(o) + " doesn't define __trunc__ method");
    }

    // ------------------------------------------------------------------ frexp, ldexp

    /** The exponent e of frexp: x = m * 2**e with 0.5 <= |m| < 1; x finite and non-zero. */
    static int frexpExponent(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) return Math.getExponent(x * 0x1p54) + 1 - 54;
        return e + 1;
    }

    static double ldexp(double x, Object exponent) {
        Object e = Ops.unbox(exponent);
        if (e instanceof Boolean b) e = b ? 1L : 0L;
        long n;
        if (e instanceof Long l) {
            n = l;
        } else if (e instanceof BigInteger b) {
            n = b.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        } else {
            throw Py.typeError("Expected an int as second argument to ldexp.");
        }
        if (x == 0.0 || !Double.isFinite(x)) return x;
        if (n > 4000) throw MathModule.rangeError();
        if (n < -4000) return Math.copySign(0.0, x);
        double r = Math.scalb(x, (int) n);
        if (Double.isInfinite(r)) throw MathModule.rangeError();
        return r;
    }

    // ------------------------------------------------------------------ hypot, dist

    private static final double T27 = 134217729.0;

    /**
     * The Euclidean norm of v (magnitudes taken here), as CPython's vector_norm computes it:
     * scaled by a power of two, squares summed with their rounding errors kept, and a final
     * correction step so the result is (nearly always) correctly rounded.
     */
    static double vectorNorm(double[] v) {
        double max = 0.0;
        boolean foundNan = false;
        for (int i = 0; i < v.length; i++) {
            double x = Math.abs(v[i]);
            v[i] = x;
            foundNan |= Double.isNaN(x);
            if (x > max) max = x;
        }
        return vectorNorm(v, max, foundNan);
    }

    private static double vectorNorm(double[] v, double max, boolean foundNan) {
        if (Double.isInfinite(max)) return max;
        if (foundNan) return Double.NaN;
        if (max == 0.0 || v.length <= 1) return max;
        int maxE = frexpExponent(max);
        if (maxE < -1023) {
            for (int i = 0; i < v.length; i++) v[i] /= Double.MIN_NORMAL;
            return Double.MIN_NORMAL * vectorNorm(v, max / Double.MIN_NORMAL, false);
        }
        double scale = Math.scalb(1.0, -maxE);
        double csum = 1.0, frac = 0.0;
        for (double value : v) {
            double x = value * scale;
            double t = x * T27;
            double hi = t - (t - x);
            double lo = x - hi;
            x = hi * hi;
            double old = csum;
            csum += x;
            frac += (old - csum) + x;
            x = 2.0 * hi * lo;
            old = csum;
            csum += x;
            frac += (old - csum) + x;
            x = lo * lo;
            old = csum;
            csum += x;
            frac += (old - csum) + x;
        }
        double h = Math.sqrt(csum - 1.0 + frac);
        double t = h * T27;
        double hi = t - (t - h);
        double lo = h - hi;
        double x = -hi * hi;
        double old = csum;
        csum += x;
        frac += (old - csum) + x;
        x = -2.0 * hi * lo;
        old = csum;
        csum += x;
        frac += (old - csum) + x;
        x = -lo * lo;
        old = csum;
        csum += x;
        frac += (old - csum) + x;
        x = csum - 1.0 + frac;
        return (h + x / (2.0 * h)) / scale;
    }

    // ------------------------------------------------------------------ fsum

    /** The correctly rounded sum (Shewchuk's partials, with half-even rounding across them). */
    static double fsum(Object iterable) {
        double[] p = new double[32];
        int n = 0;
        double specialSum = 0.0, infSum = 0.0;
        Object it = Ops.iter(iterable);
        for (Object item = Ops.next(it); item != null; item = Ops.next(it)) {
            double x = MathModule.real(item);
            double xsave = x;
            int i = 0;
            for (int j = 0; j < n; j++) {
                double y = p[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) p[i++] = lo;
                x = hi;
            }
            n = i;
            if (x != 0.0) {
                if (!Double.isFinite(x)) {
                    if (Double.isFinite(xsave)) throw Py.overflowError("intermediate overflow in fsum");
                    if (Double.isInfinite(xsave)) infSum += xsave;
                    specialSum += xsave;
                    n = 0;
                } else {
                    if (n == p.length) p = Arrays.copyOf(p, n * 2);
                    p[n++] = x;
                }
            }
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) throw Py.valueError("-inf + inf in fsum");
            return specialSum;
        }
        double hi = 0.0;
        if (n > 0) {
            hi = p[--n];
            double lo = 0.0;
            while (n > 0) {
                double x = hi;
                double y = p[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) break;
            }
            if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) hi = x;
            }
        }
        return hi;
    }
}
