package dev.gild.stdlib.math;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.NumberOps;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyComplex;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;
import java.util.function.UnaryOperator;

/**
 * {@code cmath}: complex functions by CPython's formulas for finite arguments (scaled to avoid
 * overflow, with its domain and range errors). Infinite and NaN components go through the same
 * formulas rather than C99's special-value tables.
 */
public final class CmathModule implements ModuleProvider {
    private static final double LARGE_DOUBLE = Double.MAX_VALUE / 4.0;
    private static final double SQRT_LARGE_DOUBLE = Math.sqrt(LARGE_DOUBLE);
    private static final double LOG_LARGE_DOUBLE = Math.log(LARGE_DOUBLE);
    private static final double SQRT_DBL_MIN = Math.sqrt(Double.MIN_NORMAL);
    private static final double LN2 = 0.6931471805599453;
    private static final double LN10 = 2.302585092994046;

    /** A complex value and the error CPython's C function would report with it. */
    private record C(double re, double im) {}

    private static final class DomainError extends RuntimeException {
        DomainError() { super(null, null, false, false); }
    }

    private static final class RangeError extends RuntimeException {
        RangeError() { super(null, null, false, false); }
    }

    @Override public String name() { return "cmath"; }

    static C toComplex(Object o) {
        if (o instanceof PyComplex c) return new C(c.real, c.imag);
        Object raw = Ops.unbox(o);
        if (raw instanceof PyComplex c && Ops.typeOf(o).lookup("__complex__") == null) return new C(c.real, c.imag);
        Object viaDunder = Ops.callSpecial(o, "__complex__");
        if (viaDunder != null) {
            Object v = Ops.unbox(viaDunder);
            if (!(v instanceof PyComplex c)) {
                throw Py.typeError("__complex__ returned non-complex (type " + Ops.typeName(viaDunder) + ")");
            }
            return new C(c.real, c.imag);
        }
        if (raw instanceof PyComplex c) return new C(c.real, c.imag);
        return new C(NumberOps.toDouble(o), 0.0);
    }

    private static double hypot(double a, double b) {
        return MathFunctions.vectorNorm(new double[] {a, b});
    }

    static C sqrt(C z) {
        if (z.re == 0.0 && z.im == 0.0) return new C(0.0, z.im);
        double ax = Math.abs(z.re), ay = Math.abs(z.im);
        double s;
        if (ax < Double.MIN_NORMAL && ay < Double.MIN_NORMAL) {
            ax = Math.scalb(ax, 53);
            s = Math.scalb(Math.sqrt(ax + hypot(ax, Math.scalb(ay, 53))), -27);
        } else {
            ax /= 8.0;
            s = 2.0 * Math.sqrt(ax + hypot(ax, ay / 8.0));
        }
        double d = ay / (2.0 * s);
        if (z.re >= 0.0) return new C(s, Math.copySign(d, z.im));
        return new C(d, Math.copySign(s, z.im));
    }

    static C exp(C z) {
        double l;
        C r;
        if (z.re > LOG_LARGE_DOUBLE) {
            l = Math.exp(z.re - 1.0);
            r = new C(l * Math.cos(z.im) * Math.E, l * Math.sin(z.im) * Math.E);
        } else {
            l = Math.exp(z.re);
            r = new C(l * Math.cos(z.im), l * Math.sin(z.im));
        }
        if (Double.isFinite(z.re) && Double.isFinite(z.im) && (Double.isInfinite(r.re) || Double.isInfinite(r.im))) {
            throw new RangeError();
        }
        return r;
    }

    static C log(C z) {
        double ax = Math.abs(z.re), ay = Math.abs(z.im);
        double re;
        if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) {
            re = Math.log(hypot(ax / 2.0, ay / 2.0)) + LN2;
        } else if (ax < Double.MIN_NORMAL && ay < Double.MIN_NORMAL) {
            if (ax > 0.0 || ay > 0.0) {
                re = Math.log(hypot(Math.scalb(ax, 53), Math.scalb(ay, 53))) - 53 * LN2;
            } else {
                throw new DomainError();
            }
        } else {
            double h = hypot(ax, ay);
            if (0.71 <= h && h <= 1.73) {
                double am = Math.max(ax, ay), an = Math.min(ax, ay);
                re = StrictMath.log1p((am - 1) * (am + 1) + an * an) / 2.0;
            } else {
                re = Math.log(h);
            }
        }
        return new C(re, StrictMath.atan2(z.im, z.re));
    }

    static C sinh(C z) {
        C r;
        if (Math.abs(z.re) > LOG_LARGE_DOUBLE) {
            double xm1 = z.re - Math.copySign(1.0, z.re);
            r = new C(Math.cos(z.im) * MathFunctions.sinh(xm1) * Math.E, Math.sin(z.im) * MathFunctions.cosh(xm1) * Math.E);
        } else {
            r = new C(Math.cos(z.im) * MathFunctions.sinh(z.re), Math.sin(z.im) * MathFunctions.cosh(z.re));
        }
        if (Double.isFinite(z.re) && Double.isFinite(z.im) && (Double.isInfinite(r.re) || Double.isInfinite(r.im))) {
            throw new RangeError();
        }
        return r;
    }

    static C cosh(C z) {
        C r;
        if (Math.abs(z.re) > LOG_LARGE_DOUBLE) {
            double xm1 = z.re - Math.copySign(1.0, z.re);
            r = new C(Math.cos(z.im) * MathFunctions.cosh(xm1) * Math.E, Math.sin(z.im) * MathFunctions.sinh(xm1) * Math.E);
        } else {
            r = new C(Math.cos(z.im) * MathFunctions.cosh(z.re), Math.sin(z.im) * MathFunctions.sinh(z.re));
        }
        if (Double.isFinite(z.re) && Double.isFinite(z.im) && (Double.isInfinite(r.re) || Double.isInfinite(r.im))) {
            throw new RangeError();
        }
        return r;
    }

    static C tanh(C z) {
        if (Math.abs(z.re) > LOG_LARGE_DOUBLE) {
            return new C(Math.copySign(1.0, z.re), 4.0 * Math.sin(z.im) * Math.cos(z.im) * Math.exp(-2.0 * Math.abs(z.re)));
        }
        double tx = StrictMath.tanh(z.re);
        double ty = Math.tan(z.im);
        double cx = 1.0 / MathFunctions.cosh(z.re);
        double txty = tx * ty;
        double denom = 1.0 + txty * txty;
        return new C(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx);
    }

    static C asinh(C z) {
        if (Math.abs(z.re) > SQRT_LARGE_DOUBLE || Math.abs(z.im) > SQRT_LARGE_DOUBLE) {
            double l = Math.log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
            double re = z.im >= 0.0 ? Math.copySign(l, z.re) : -Math.copySign(l, -z.re);
            return new C(re, StrictMath.atan2(z.im, Math.abs(z.re)));
        }
        C s1 = sqrt(new C(1.0 + z.im, -z.re));
        C s2 = sqrt(new C(1.0 - z.im, z.re));
        return new C(MathFunctions.asinh(s1.re * s2.im - s2.re * s1.im), StrictMath.atan2(z.im, s1.re * s2.re - s1.im * s2.im));
    }

    static C acos(C z) {
        if (Math.abs(z.re) > SQRT_LARGE_DOUBLE || Math.abs(z.im) > SQRT_LARGE_DOUBLE) {
            double re = StrictMath.atan2(Math.abs(z.im), z.re);
            double l = Math.log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
            double im = z.re < 0.0 ? -Math.copySign(l, z.im) : Math.copySign(l, -z.im);
            return new C(re, im);
        }
        C s1 = sqrt(new C(1.0 - z.re, -z.im));
        C s2 = sqrt(new C(1.0 + z.re, z.im));
        return new C(2.0 * StrictMath.atan2(s1.re, s2.re), MathFunctions.asinh(s2.re * s1.im - s2.im * s1.re));
    }

    static C acosh(C z) {
        if (Math.abs(z.re) > SQRT_LARGE_DOUBLE || Math.abs(z.im) > SQRT_LARGE_DOUBLE) {
            return new C(Math.log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0, StrictMath.atan2(z.im, z.re));
        }
        C s1 = sqrt(new C(z.re - 1.0, z.im));
        C s2 = sqrt(new C(z.re + 1.0, z.im));
        return new C(MathFunctions.asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * StrictMath.atan2(s1.im, s2.re));
    }

    static C atanh(C z) {
        if (z.re < 0.0) {
            C r = atanh(new C(-z.re, -z.im));
            return new C(-r.re, -r.im);
        }
        double ay = Math.abs(z.im);
        if (z.re > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
            double h = hypot(z.re / 2.0, z.im / 2.0);
            return new C(z.re / 4.0 / h / h, -Math.copySign(Math.PI / 2.0, -z.im));
        }
        if (z.re == 1.0 && ay < SQRT_DBL_MIN) {
            if (ay == 0.0) throw new DomainError();
            return new C(-Math.log(Math.sqrt(ay) / Math.sqrt(hypot(ay, 2.0))), Math.copySign(StrictMath.atan2(2.0, -ay) / 2, z.im));
        }
        return new C(StrictMath.log1p(4.0 * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.0,
                -StrictMath.atan2(-2.0 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.0);
    }

    private static C logOrMinusInfinity(C z) {
        try {
            return log(z);
        } catch (DomainError e) {
            return new C(Double.NEGATIVE_INFINITY, StrictMath.atan2(z.im, z.re));
        }
    }

    /** f(z) = -i g(i z), the relation between the circular and hyperbolic functions. */
    private static C rotated(C z, UnaryOperator<C> hyperbolic) {
        C s = hyperbolic.apply(new C(-z.im, z.re));
        return new C(s.im, -s.re);
    }

    private static Object box(C z) { return new PyComplex(z.re, z.im); }

    private static void unary(PyModule m, String name, UnaryOperator<C> f) {
        m.define(name, (a, k) -> box(call(f, toComplex(arg1(name, a, k)))));
    }

    private static C call(UnaryOperator<C> f, C z) {
        try {
            return f.apply(z);
        } catch (DomainError e) {
            throw MathModule.domainError();
        } catch (RangeError e) {
            throw MathModule.rangeError();
        }
    }

    private static Object arg1(String name, Object[] a, String[] k) {
        if (k != null && k.length > 0) throw Py.typeError("cmath." + name + "() takes no keyword arguments");
        if (a.length != 1) throw Py.typeError("cmath." + name + "() takes exactly one argument (" + a.length + " given)");
        return a[0];
    }

    /** a / b as CPython's complex quotient; a zero divisor is a domain error here. */
    private static C quotient(C a, C b) {
        double absBr = Math.abs(b.re), absBi = Math.abs(b.im);
        if (absBr >= absBi) {
            if (absBr == 0.0) throw new DomainError();
            double ratio = b.im / b.re;
            double denom = b.re + b.im * ratio;
            return new C((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom);
        }
        if (absBi >= absBr) {
            double ratio = b.re / b.im;
            double denom = b.re * ratio + b.im;
            return new C((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom);
        }
        return new C(Double.NaN, Double.NaN);
    }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("cmath");
        m.set("pi", Math.PI);
        m.set("e", Math.E);
        m.set("tau", 2 * Math.PI);
        m.set("inf", Double.POSITIVE_INFINITY);
        m.set("infj", new PyComplex(0.0, Double.POSITIVE_INFINITY));
        m.set("nan", Double.NaN);
        m.set("nanj", new PyComplex(0.0, Double.NaN));
        unary(m, "sqrt", CmathModule::sqrt);
        unary(m, "exp", CmathModule::exp);
        unary(m, "sinh", CmathModule::sinh);
        unary(m, "cosh", CmathModule::cosh);
        unary(m, "tanh", CmathModule::tanh);
        unary(m, "asinh", CmathModule::asinh);
        unary(m, "acosh", CmathModule::acosh);
        unary(m, "atanh", CmathModule::atanh);
        unary(m, "acos", CmathModule::acos);
        unary(m, "sin", z -> rotated(z, CmathModule::sinh));
        unary(m, "tan", z -> rotated(z, CmathModule::tanh));
        unary(m, "asin", z -> rotated(z, CmathModule::asinh));
        unary(m, "atan", z -> rotated(z, CmathModule::atanh));
        unary(m, "cos", z -> cosh(new C(-z.im, z.re)));
        unary(m, "log10", z -> {
            C r = log(z);
            return new C(r.re / LN10, r.im / LN10);
        });
        m.define("log", (a, k) -> {
            Object[] p = Args.parse("log", a, k, 0, new String[] {"x", "base"}, 1, 2);
            C z = toComplex(p[0]);
            if (p[1] == null) return box(call(CmathModule::log, z));
            // With a base only the division reports errors, as in CPython: log(0, b) is -inf+nanj.
            C x = logOrMinusInfinity(z);
            C base = logOrMinusInfinity(toComplex(p[1]));
            return box(call(unused -> quotient(x, base), x));
        });
        m.define("phase", (a, k) -> {
            C z = toComplex(arg1("phase", a, k));
            return StrictMath.atan2(z.im, z.re);
        });
        m.define("polar", (a, k) -> {
            C z = toComplex(arg1("polar", a, k));
            double r = hypot(z.re, z.im);
            if (Double.isInfinite(r) && Double.isFinite(z.re) && Double.isFinite(z.im)) throw MathModule.rangeError();
            return PyTuple.of(r, StrictMath.atan2(z.im, z.re));
        });
        m.define("rect", (a, k) -> {
            MathModule.check("rect", a, k, 2, 2);
            double r = MathModule.real(a[0]), phi = MathModule.real(a[1]);
            if (phi == 0.0) return new PyComplex(r, r * phi);
            if (Double.isInfinite(phi) && Double.isFinite(r) && r != 0.0) throw MathModule.domainError();
            return new PyComplex(r * Math.cos(phi), r * Math.sin(phi));
        });
        m.define("isfinite", (a, k) -> {
            C z = toComplex(arg1("isfinite", a, k));
            return Double.isFinite(z.re) && Double.isFinite(z.im);
        });
        m.define("isinf", (a, k) -> {
            C z = toComplex(arg1("isinf", a, k));
            return Double.isInfinite(z.re) || Double.isInfinite(z.im);
        });
        m.define("isnan", (a, k) -> {
            C z = toComplex(arg1("isnan", a, k));
            return Double.isNaN(z.re) || Double.isNaN(z.im);
        });
        m.define("isclose", (a, k) -> {
            int positional = Args.positional(a, k);
            if (positional > 2) {
                throw Py.typeError("isclose() takes exactly 2 positional arguments (" + positional + " given)");
            }
            Object[] p = Args.parse("isclose", a, k, 0, new String[] {"a", "b", "rel_tol", "abs_tol"}, 2, 2);
            C x = toComplex(p[0]), y = toComplex(p[1]);
            double relTol = p[2] == null ? 1e-09 : MathModule.real(p[2]);
            double absTol = p[3] == null ? 0.0 : MathModule.real(p[3]);
            if (relTol < 0.0 || absTol < 0.0) throw Py.valueError("tolerances must be non-negative");
            if (x.re == y.re && x.im == y.im) return true;
            if (Double.isInfinite(x.re) || Double.isInfinite(x.im) || Double.isInfinite(y.re) || Double.isInfinite(y.im)) {
                return false;
            }
            double diff = hypot(y.re - x.re, y.im - x.im);
            return diff <= relTol * hypot(y.re, y.im) || diff <= relTol * hypot(x.re, x.im) || diff <= absTol;
        });
        return m;
    }
}
