package dev.gild.stdlib.math;

/**
 * erf and erfc carried in double-double arithmetic (about 32 significant digits) and rounded
 * once at the end, so they give the correctly rounded results glibc (CPython's libm) gives
 * for nearly all arguments. erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (2n+1)!! (terms all
 * positive: no cancellation); erfc for x >= 5 by its continued fraction.
 */
final class ErrorFunction {
    private ErrorFunction() {}

    /** A double-double value hi + lo with |lo| <= ulp(hi) / 2. */
    private record DD(double hi, double lo) {
        static DD of(double v) { return new DD(v, 0.0); }

        static DD normalized(double s, double e) {
            double hi = s + e;
            return new DD(hi, e - (hi - s));
        }

        DD add(DD b) {
            double s = hi + b.hi;
            double bb = s - hi;
            double e = (hi - (s - bb)) + (b.hi - bb);
            return normalized(s, e + lo + b.lo);
        }

        DD negate() { return new DD(-hi, -lo); }

        DD multiply(DD b) {
            double p = hi * b.hi;
            double e = Math.fma(hi, b.hi, -p) + (hi * b.lo + lo * b.hi);
            return normalized(p, e);
        }

        DD multiply(double b) {
            double p = hi * b;
            double e = Math.fma(hi, b, -p) + lo * b;
            return normalized(p, e);
        }

        DD divide(DD b) {
            double q1 = hi / b.hi;
            DD r = add(b.multiply(q1).negate());
            double q2 = r.hi / b.hi;
            r = r.add(b.multiply(q2).negate());
            double q3 = r.hi / b.hi;
            return normalized(q1, q2).add(of(q3));
        }
    }

    private static final DD TWO_OVER_SQRT_PI = new DD(1.1283791670955126, 1.533545961316588e-17);
    private static final DD ONE_OVER_SQRT_PI = new DD(0.5641895835477563, 7.66772980658294e-18);
    private static final DD LN2 = new DD(0.6931471805599453, 2.3190468138462996e-17);

    /** exp(x) for a double-double x <= 0: reduced by ln 2 and by 2^8, Taylor series, squared back. */
    private static DD exp(DD x) {
        double k = Math.rint(x.hi / LN2.hi);
        DD r = x.add(LN2.multiply(-k));
        r = r.multiply(1.0 / 256.0);
        DD sum = DD.of(1.0);
        DD term = DD.of(1.0);
        for (int n = 1; n <= 14; n++) {
            term = term.multiply(r).multiply(1.0 / n);
            sum = sum.add(term);
        }
        for (int i = 0; i < 8; i++) sum = sum.multiply(sum);
        return new DD(Math.scalb(sum.hi, (int) k), Math.scalb(sum.lo, (int) k));
    }

    /** exp(-x^2) with x^2 formed exactly. */
    private static DD expMinusSquare(double x) {
        double sq = x * x;
        double sqLo = Math.fma(x, x, -sq);
        return exp(new DD(-sq, -sqLo));
    }

    /** erf(x) for 0 <= x < 6, as a double-double. */
    private static DD erfSeries(double x) {
        DD x2 = DD.of(x).multiply(DD.of(x));
        DD term = DD.of(x);
        DD sum = term;
        for (int n = 1; n < 400; n++) {
            term = term.multiply(x2.multiply(2.0)).divide(DD.of(2 * n + 1));
            sum = sum.add(term);
            if (Math.abs(term.hi) < Math.abs(sum.hi) * 1e-34) break;
        }
        return TWO_OVER_SQRT_PI.multiply(expMinusSquare(x)).multiply(sum);
    }

    /** erfc(x) for x >= 5: exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))). */
    private static DD erfcContinuedFraction(double x) {
        DD xd = DD.of(x);
        DD tail = xd;
        for (int k = 120; k >= 1; k--) tail = xd.add(DD.of(k / 2.0).divide(tail));
        return ONE_OVER_SQRT_PI.multiply(expMinusSquare(x)).divide(tail);
    }

    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax >= 6.0) return Math.copySign(1.0, x);
        if (ax < 0x1p-60) return TWO_OVER_SQRT_PI.hi * x;
        DD r = ax < 5.0 ? erfSeries(ax) : DD.of(1.0).add(erfcContinuedFraction(ax).negate());
        return Math.copySign(r.hi + r.lo, x);
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x == Double.POSITIVE_INFINITY) return 0.0;
        if (x == Double.NEGATIVE_INFINITY) return 2.0;
        double ax = Math.abs(x);
        DD tail;
        if (ax < 5.0) {
            tail = DD.of(1.0).add(erfSeries(ax).negate());
        } else if (ax < 27.3) {
            tail = erfcContinuedFraction(ax);
        } else {
            tail = DD.of(0.0);
        }
        double positive = tail.hi + tail.lo;
        // For negative x glibc rounds twice: 1 + erf(|x|) below 1.25, 2 - erfc(|x|) above; so do we.
        if (x >= 0) return positive;
        return ax < 1.25 ? 1.0 + erf(ax) : 2.0 - positive;
    }
}
