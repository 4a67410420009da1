package dev.gild.stdlib.math;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.NumberOps;
import dev.gild.runtime.Ops;
import dev.gild.bytecode.BinaryOp;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;
import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} module: CPython 3.11's functions with its error rules. A function of one float
 * fails with ValueError "math domain error" when it turns a non-NaN into NaN, and with
 * OverflowError "math range error" (or the domain error, for functions that cannot overflow) when
 * it turns a finite argument into an infinity.
 */
public final class MathModule implements ModuleProvider {
    @Override public String name() { return "math"; }

    // Library choice per function: glibc's results (CPython's oracle) are nearly always correctly
    // rounded; measured over thousands of arguments, the JDK's Math intrinsics match them best for
    // exp, log, sin, cos, tan and pow, and StrictMath (fdlibm) for the rest.

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("math");
        m.set("pi", Math.PI);
        m.set("e", Math.E);
        m.set("tau", 2 * Math.PI);
        m.set("inf", Double.POSITIVE_INFINITY);
        m.set("nan", Double.NaN);

        unary(m, "sqrt", Math::sqrt, false);
        unary(m, "exp", Math::exp, true);
        unary(m, "exp2", x -> Math.pow(2.0, x), true);
        unary(m, "expm1", StrictMath::expm1, true);
        unary(m, "log1p", StrictMath::log1p, false);
        unary(m, "cbrt", MathFunctions::cbrt, false);
        unary(m, "sin", Math::sin, false);
        unary(m, "cos", Math::cos, false);
        unary(m, "tan", Math::tan, false);
        unary(m, "asin", StrictMath::asin, false);
        unary(m, "acos", StrictMath::acos, false);
        unary(m, "atan", StrictMath::atan, false);
        unary(m, "sinh", MathFunctions::sinh, true);
        unary(m, "cosh", MathFunctions::cosh, true);
        unary(m, "tanh", StrictMath::tanh, false);
        unary(m, "asinh", MathFunctions::asinh, false);
        unary(m, "acosh", MathFunctions::acosh, false);
        unary(m, "atanh", MathFunctions::atanh, false);
        unary(m, "fabs", Math::abs, false);
        unary(m, "erf", ErrorFunction::erf, false);
        unary(m, "erfc", ErrorFunction::erfc, false);
        m.define("gamma", (a, k) -> MathFunctions.gamma(real1("gamma", a, k)));
        m.define("lgamma", (a, k) -> MathFunctions.lgamma(real1("lgamma", a, k)));
        m.define("degrees", (a, k) -> real1("degrees", a, k) * (180.0 / Math.PI));
        m.define("radians", (a, k) -> real1("radians", a, k) * (Math.PI / 180.0));
        m.define("isnan", (a, k) -> Double.isNaN(real1("isnan", a, k)));
        m.define("isinf", (a, k) -> Double.isInfinite(real1("isinf", a, k)));
        m.define("isfinite", (a, k) -> Double.isFinite(real1("isfinite", a, k)));
        m.define("ulp", (a, k) -> Math.ulp(real1("ulp", a, k)));

        m.define("atan2", (a, k) -> {
            check("atan2", a, k, 2, 2);
            return StrictMath.atan2(real(a[0]), real(a[1]));
        });
        m.define("copysign", (a, k) -> {
            check("copysign", a, k, 2, 2);
            return Math.copySign(real(a[0]), real(a[1]));
        });
        m.define("nextafter", (a, k) -> {
            check("nextafter", a, k, 2, 2);
            return Math.nextAfter(real(a[0]), real(a[1]));
        });
        m.define("pow", (a, k) -> {
            check("pow", a, k, 2, 2);
            return MathFunctions.pow(real(a[0]), real(a[1]));
        });
        m.define("fmod", (a, k) -> {
            check("fmod", a, k, 2, 2);
            return MathFunctions.fmod(real(a[0]), real(a[1]));
        });
        m.define("remainder", (a, k) -> {
            check("remainder", a, k, 2, 2);
            return MathFunctions.remainder(real(a[0]), real(a[1]));
        });
        m.define("log", (a, k) -> {
            if (k != null && k.length > 0) throw Py.typeError("log() takes no keyword arguments");
            if (a.length < 1 || a.length > 2) throw Py.typeError("math.log requires 1 to 2 arguments");
            double num = MathFunctions.logOf(a[0], Math::log);
            if (a.length == 1) return num;
            double den = MathFunctions.logOf(a[1], Math::log);
            if (den == 0.0) throw Py.zeroDivisionError("float division by zero");
            return num / den;
        });
        m.define("log2", (a, k) -> MathFunctions.logOf(arg1("log2", a, k), MathFunctions::log2));
        m.define("log10", (a, k) -> MathFunctions.logOf(arg1("log10", a, k), MathFunctions::log10));

        m.define("floor", (a, k) -> MathFunctions.floor(arg1("floor", a, k)));
        m.define("ceil", (a, k) -> MathFunctions.ceil(arg1("ceil", a, k)));
        m.define("trunc", (a, k) -> MathFunctions.trunc(arg1("trunc", a, k)));
        m.define("modf", (a, k) -> {
            double x = real1("modf", a, k);
            if (Double.isInfinite(x)) return PyTuple.of(Math.copySign(0.0, x), x);
            double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PyTuple.of(Math.copySign(x - ip, x), ip);
        });
        m.define("frexp", (a, k) -> {
            double x = real1("frexp", a, k);
            if (x == 0.0 || !Double.isFinite(x)) return PyTuple.of(x, 0L);
            int e = MathFunctions.frexpExponent(x);
            return PyTuple.of(Math.scalb(x, -e), (long) e);
        });
        m.define("ldexp", (a, k) -> {
            check("ldexp", a, k, 2, 2);
            return MathFunctions.ldexp(real(a[0]), a[1]);
        });

        m.define("isclose", (a, k) -> {
            int positional = Args.positional(a, k);
            if (positional > 2) {
                throw Py.typeError("isclose() takes exactly 2 positional arguments (" + positional + " given)");
            }
            Object[] p = Args.parse("isclose", a, k, 0, new String[] {"a", "b", "rel_tol", "abs_tol"}, 2, 2);
            double x = real(p[0]), y = real(p[1]);
            double relTol = p[2] == null ? 1e-09 : real(p[2]);
            double absTol = p[3] == null ? 0.0 : real(p[3]);
            if (relTol < 0.0 || absTol < 0.0) throw Py.valueError("tolerances must be non-negative");
            if (x == y) return true;
            if (Double.isInfinite(x) || Double.isInfinite(y)) return false;
            double diff = Math.abs(y - x);
            return diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol;
        });
        m.define("hypot", (a, k) -> {
            if (k != null && k.length > 0) throw Py.typeError("math.hypot() takes no keyword arguments");
            double[] v = new double[a.length];
            for (int i = 0; i < a.length; i++) v[i] = real(a[i]);
            return MathFunctions.vectorNorm(v);
        });
        m.define("dist", (a, k) -> {
            check("dist", a, k, 2, 2);
            Object[] p = Ops.toArray(a[0]);
            Object[] q = Ops.toArray(a[1]);
            if (p.length != q.length) throw Py.valueError("both points must have the same number of dimensions");
            double[] v = new double[p.length];
            for (int i = 0; i < p.length; i++) v[i] = real(p[i]) - real(q[i]);
            return MathFunctions.vectorNorm(v);
        });
        m.define("fsum", (a, k) -> MathFunctions.fsum(arg1("fsum", a, k)));
        m.define("prod", (a, k) -> {
            int positional = Args.positional(a, k);
            if (positional != 1) {
                throw Py.typeError("prod() takes exactly 1 positional argument (" + positional + " given)");
            }
            Object[] p = Args.parse("prod", a, k, 0, new String[] {"iterable", "start"}, 1, 1);
            Object acc = p[1] == null ? (Object) 1L : p[1];
            Object it = Ops.iter(p[0]);
            for (Object x = Ops.next(it); x != null; x = Ops.next(it)) acc = Ops.binaryOp(acc, x, BinaryOp.MULTIPLY);
            return acc;
        });

        m.define("gcd", (a, k) -> {
            if (k != null && k.length > 0) throw Py.typeError("math.gcd() takes no keyword arguments");
            return IntegerFunctions.gcd(a);
        });
        m.define("lcm", (a, k) -> {
            if (k != null && k.length > 0) throw Py.typeError("math.lcm() takes no keyword arguments");
            return IntegerFunctions.lcm(a);
        });
        m.define("factorial", (a, k) -> IntegerFunctions.factorial(arg1("factorial", a, k)));
        m.define("isqrt", (a, k) -> IntegerFunctions.isqrt(arg1("isqrt", a, k)));
        m.define("comb", (a, k) -> {
            check("comb", a, k, 2, 2);
            return IntegerFunctions.comb(a[0], a[1]);
        });
        m.define("perm", (a, k) -> {
            check("perm", a, k, 1, 2);
            return IntegerFunctions.perm(a[0], a.length > 1 ? a[1] : Py.None);
        });
        return m;
    }

    /** A function of one float with math_1's error rules. */
    private static void unary(PyModule m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        m.define(name, (a, k) -> {
            double x = real1(name, a, k);
            double r = f.applyAsDouble(x);
            if (Double.isNaN(r) && !Double.isNaN(x)) throw domainError();
            if (Double.isInfinite(r) && Double.isFinite(x)) throw canOverflow ? rangeError() : domainError();
            return r;
        });
    }

    static PyException domainError() { return Py.valueError("math domain error"); }

    static PyException rangeError() { return Py.overflowError("math range error"); }

    static double real(Object o) {
        return o instanceof Double d ? d : NumberOps.toDouble(o);
    }

    /** The one argument of a METH_O function, with CPython's messages for other counts. */
    static Object arg1(String name, Object[] a, String[] k) {
        if (k != null && k.length > 0) throw Py.typeError("math." + name + "() takes no keyword arguments");
        if (a.length != 1) throw Py.typeError("math." + name + "() takes exactly one argument (" + a.length + " given)");
        return a[0];
    }

    static double real1(String name, Object[] a, String[] k) { return real(arg1(name, a, k)); }

    /** Positional-only argument count check of an Argument Clinic function. */
    static void check(String name, Object[] a, String[] k, int min, int max) {
        if (k != null && k.length > 0) throw Py.typeError("math." + name + "() takes no keyword arguments");
        Args.check(name, a, null, 0, min, max);
    }
}
