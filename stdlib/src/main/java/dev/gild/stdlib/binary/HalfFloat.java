package dev.gild.stdlib.binary;

import dev.gild.runtime.Py;

/** IEEE 754 binary16, rounded directly from a double (half-even) as CPython's 'e' format does. */
final class HalfFloat {
    private HalfFloat() {}

    static int pack(double x) {
        int sign = (Double.doubleToRawLongBits(x) < 0) ? 0x8000 : 0;
        if (Double.isNaN(x)) return sign | 0x7e00;
        double ax = Math.abs(x);
        if (Double.isInfinite(ax)) return sign | 0x7c00;
        if (ax == 0.0) return sign;
        // Scale so the half's 10-bit (or subnormal) significand is the integer part, then round.
        int e = Math.getExponent(ax);
        if (e < -14) {
            double m = ax * 0x1p24;
            long r = Math.round(Math.rint(m));
            if (r >= 1024) return sign | (1 << 10) | (int) (r - 1024);
            return sign | (int) r;
        }
        double m = Math.scalb(ax, 10 - e);
        long r = (long) Math.rint(m);
        if (r == 2048) {
            r = 1024;
            e++;
        }
        if (e > 15) throw Py.overflowError("float too large to pack with e format");
        return sign | (e + 15) << 10 | (int) (r - 1024);
    }

    static double unpack(int bits) {
        int sign = bits & 0x8000;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        double v;
        if (exponent == 0x1f) {
            v = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponent == 0) {
            v = mantissa * 0x1p-24;
        } else {
            v = Math.scalb((double) (mantissa | 0x400), exponent - 25);
        }
        return sign != 0 ? -v : v;
    }
}
