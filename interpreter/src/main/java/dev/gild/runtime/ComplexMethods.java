package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

/**
 * Python's complex: arithmetic as CPython's complexobject.c (Smith's division, repeated
 * multiplication for small integral powers), repr, hash, the constructor and the methods.
 * Installed from {@link FloatMethods#install()}.
 */
final class ComplexMethods {
    private ComplexMethods() {}

    static final PyComplex ONE = new PyComplex(1, 0);

    /** A number (int, bool, float, complex) as a complex; OverflowError for an int too large for a float. */
    static PyComplex toComplex(Object number) {
        if (number instanceof PyComplex c) return c;
        return new PyComplex(NumberOps.toDouble(number), 0);
    }

    /** a op b, or NotImplemented for operators complex does not have (//, %, bitwise). */
    static Object binary(BinaryOp op, PyComplex a, PyComplex b) {
        switch (op) {
            case ADD:
                return new PyComplex(a.real + b.real, a.imag + b.imag);
            case SUBTRACT:
                return new PyComplex(a.real - b.real, a.imag - b.imag);
            case MULTIPLY:
                return multiply(a, b);
            case TRUE_DIVIDE: {
                PyComplex q = quotient(a, b);
                if (q == null) throw Py.zeroDivisionError("complex division by zero");
                return q;
            }
            case POWER:
                return power(a, b);
            default:
                return Py.NotImplemented;
        }
    }

    static PyComplex multiply(PyComplex a, PyComplex b) {
        return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
    }

    /** a / b by Smith's algorithm (CPython's _Py_c_quot); null when b is zero. */
    static PyComplex quotient(PyComplex a, PyComplex b) {
        double absReal = Math.abs(b.real);
        double absImag = Math.abs(b.imag);
        if (absReal >= absImag) {
            if (absReal == 0.0) return null;
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
        }
        if (absImag >= absReal) {
            double ratio = b.real / b.imag;
            double denom = b.real * ratio + b.imag;
            return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
        }
        return new PyComplex(Double.NaN, Double.NaN);
    }

    /** a ** b as CPython's complex_pow. */
    static PyComplex power(PyComplex a, PyComplex b) {
        PyComplex p;
        if (b.imag == 0.0 && b.real == Math.floor(b.real) && Math.abs(b.real) <= 100.0) {
            int n = (int) b.real;
            if (n >= 0) {
                p = unsignedPower(a, n);
            } else {
                p = quotient(ONE, unsignedPower(a, -n));
                if (p == null) throw Py.zeroDivisionError("0.0 to a negative or complex power");
            }
        } else if (b.real == 0.0 && b.imag == 0.0) {
            p = ONE;
        } else if (a.real == 0.0 && a.imag == 0.0) {
            if (b.imag != 0.0 || b.real < 0.0) throw Py.zeroDivisionError("0.0 to a negative or complex power");
            p = new PyComplex(0, 0);
        } else {
            double magnitude = hypot(a.real, a.imag);
            double length = Math.pow(magnitude, b.real);
            double angle = Math.atan2(a.imag, a.real);
            double phase = angle * b.real;
            if (b.imag != 0.0) {
                length /= Math.exp(angle * b.imag);
                phase += b.imag * Math.log(magnitude);
            }
            // libm's cos and sin of an infinite phase set EDOM, which CPython reports as below.
            if (Double.isInfinite(phase)) throw Py.zeroDivisionError("0.0 to a negative or complex power");
            p = new PyComplex(length * Math.cos(phase), length * Math.sin(phase));
        }
        if (Double.isInfinite(p.real) || Double.isInfinite(p.imag)) {
            throw Py.overflowError("complex exponentiation");
        }
        return p;
    }

    private static PyComplex unsignedPower(PyComplex x, int n) {
        PyComplex r = ONE;
        PyComplex p = x;
        for (int mask = 1; mask > 0 && n >= mask; mask <<= 1) {
            if ((n & mask) != 0) r = multiply(r, p);
            p = multiply(p, p);
        }
        return r;
    }

    static double abs(PyComplex c) {
        if (Double.isInfinite(c.real) || Double.isInfinite(c.imag)) return Double.POSITIVE_INFINITY;
        if (Double.isNaN(c.real) || Double.isNaN(c.imag)) return Double.NaN;
        double r = hypot(c.real, c.imag);
        if (Double.isInfinite(r)) throw Py.overflowError("absolute value too large");
        return r;
    }

    /**
     * sqrt(x*x + y*y) without undue overflow, correctly rounded in all but astronomically rare
     * cases (as glibc's hypot, which CPython uses; Java's Math.hypot is often one ulp off): the
     * sum of squares is formed exactly as a double-double and its square root refined once.
     */
    static double hypot(double x, double y) {
        x = Math.abs(x);
        y = Math.abs(y);
        if (Double.isInfinite(x) || Double.isInfinite(y)) return Double.POSITIVE_INFINITY;
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (x < y) {
            double t = x;
            x = y;
            y = t;
        }
        if (y == 0) return x;
        int scale = Math.getExponent(x);
        if (scale - Math.getExponent(y) > 30) return x;
        if (scale < Double.MIN_EXPONENT) scale = Double.MIN_EXPONENT;
        double xs = Math.scalb(x, -scale);
        double ys = Math.scalb(y, -scale);
        double xx = xs * xs;
        double xxError = Math.fma(xs, xs, -xx);
        double yy = ys * ys;
        double yyError = Math.fma(ys, ys, -yy);
        double sum = xx + yy;
        double sumError = (xx - sum) + yy + xxError + yyError;
        double root = Math.sqrt(sum);
        double square = root * root;
        double squareError = Math.fma(root, root, -square);
        double correction = ((sum - square) - squareError + sumError) / (2 * root);
        return Math.scalb(root + correction, scale);
    }

    /** c == other for a number other (exact against ints). */
    static boolean equalsNumber(PyComplex c, Object other) {
        if (other instanceof PyComplex o) return c.real == o.real && c.imag == o.imag;
        if (c.imag != 0) return false;
        return NumberOps.compareReal(c.real, other) == 0;
    }

    static long hash(PyComplex c) {
        if (Double.isNaN(c.real) || Double.isNaN(c.imag)) return System.identityHashCode(c);
        long h = NumberOps.hashDouble(c.real) + 1000003L * NumberOps.hashDouble(c.imag);
        return h == -1 ? -2 : h;
    }

    static String repr(PyComplex c) {
        String imag = FloatMethods.format(c.imag, false);
        if (c.real == 0 && Math.copySign(1.0, c.real) == 1.0) return imag + "j";
        String real = FloatMethods.format(c.real, false);
        boolean needsSign = !imag.startsWith("-");
        return "(" + real + (needsSign ? "+" : "") + imag + "j)";
    }

    // ------------------------------------------------------------------ construction

    /** complex(string): CPython's complex_from_string_inner. */
    static PyComplex parse(Object original, String text) {
        String s = FloatMethods.removeUnderscores(FloatMethods.toAsciiDigits(text), original, "complex");
        int len = s.length();
        int i = 0;
        while (i < len && FloatMethods.isSpace(s.charAt(i))) i++;
        boolean bracket = false;
        if (i < len && s.charAt(i) == '(') {
            bracket = true;
            i++;
            while (i < len && FloatMethods.isSpace(s.charAt(i))) i++;
        }
        double real = 0;
        double imag = 0;
        int end = FloatMethods.scanFloat(s, i);
        if (end != i) {
            double z = FloatMethods.convertScanned(s, i, end);
            i = end;
            if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                real = z;
                end = FloatMethods.scanFloat(s, i);
                if (end != i) {
                    imag = FloatMethods.convertScanned(s, i, end);
                    i = end;
                } else {
                    imag = s.charAt(i) == '+' ? 1.0 : -1.0;
                    i++;
                }
                if (i >= len || (s.charAt(i) != 'j' && s.charAt(i) != 'J')) throw malformed();
                i++;
            } else if (i < len && (s.charAt(i) == 'j' || s.charAt(i) == 'J')) {
                i++;
                imag = z;
            } else {
                real = z;
            }
        } else {
            if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                imag = s.charAt(i) == '+' ? 1.0 : -1.0;
                i++;
            } else {
                imag = 1.0;
            }
            if (i >= len || (s.charAt(i) != 'j' && s.charAt(i) != 'J')) throw malformed();
            i++;
        }
        while (i < len && FloatMethods.isSpace(s.charAt(i))) i++;
        if (bracket) {
            if (i >= len || s.charAt(i) != ')') throw malformed();
            i++;
            while (i < len && FloatMethods.isSpace(s.charAt(i))) i++;
        }
        if (i != len) throw malformed();
        return new PyComplex(real, imag);
    }

    private static PyException malformed() {
        return Py.valueError("complex() arg is a malformed string");
    }

    private static boolean isStr(Object o) {
        return o instanceof String || o instanceof PyBoxed b && b.value instanceof String;
    }

    /** Whether complex() accepts o as a number: complex, or a type with __float__ or __index__. */
    private static boolean isComplexArgument(Object o) {
        if (NumberOps.isNumber(o)) return true;
        PyType t = Ops.typeOf(o);
        return t.lookup("__float__") != null || t.lookup("__index__") != null || t.lookup("__complex__") != null;
    }

    /** o.__complex__() when the type defines it, else null. */
    private static PyComplex complexSpecial(Object o) {
        if (o instanceof PyComplex || NumberOps.isNumber(o)) return null;
        Object r = Ops.callSpecial(o, "__complex__");
        if (r == null) return null;
        Object v = Ops.unbox(r);
        if (!(v instanceof PyComplex c)) {
            throw Py.typeError("__complex__ returned non-complex (type " + Ops.typeName(r) + ")");
        }
        return c;
    }

    /** complex.__new__(cls, real=0, imag=0). */
    static Object construct(Object[] args, String[] kwnames) {
        PyType cls = (PyType) args[0];
        int npos = Args.positional(args, kwnames) - 1;
        if (npos + Args.kwCount(kwnames) > 2) {
            throw Py.typeError("complex() takes at most 2 arguments (" + (npos + Args.kwCount(kwnames)) + " given)");
        }
        Object[] p = Args.parse("complex", args, kwnames, 1, new String[] {"real", "imag"}, 0, 2);
        Object r = p[0];
        Object i = p[1];
        PyComplex value;
        if (r == null) {
            value = i == null ? new PyComplex(0, 0) : fromParts(0L, i);
        } else if (isStr(r)) {
            if (i != null) throw Py.typeError("complex() can't take second arg if first is a string");
            value = parse(r, (String) Ops.unbox(r));
        } else {
            value = fromParts(r, i);
        }
        return cls == PyTypes.COMPLEX ? value : new PyBoxed(cls, value);
    }

    private static PyComplex fromParts(Object r, Object i) {
        if (i != null && isStr(i)) throw Py.typeError("complex() second arg can't be a string");
        PyComplex special = complexSpecial(r);
        Object real = special != null ? special : Ops.unbox(r);
        if (special == null && !isComplexArgument(real)) {
            throw Py.typeError("complex() first argument must be a string or a number, not '" + Ops.typeName(r) + "'");
        }
        Object imagArg = i == null ? null : Ops.unbox(i);
        if (imagArg != null && !isComplexArgument(imagArg)) {
            throw Py.typeError("complex() second argument must be a number, not '" + Ops.typeName(i) + "'");
        }
        double crReal;
        double crImag;
        boolean realIsComplex = real instanceof PyComplex;
        if (real instanceof PyComplex c) {
            crReal = c.real;
            crImag = c.imag;
        } else {
            crReal = NumberOps.toDouble(real);
            crImag = 0;
        }
        double ciReal;
        double ciImag = 0;
        if (imagArg == null) {
            ciReal = crImag;
        } else if (imagArg instanceof PyComplex c) {
            ciReal = c.real;
            ciImag = c.imag;
            crReal -= ciImag;
        } else {
            ciReal = NumberOps.toDouble(imagArg);
        }
        if (realIsComplex && imagArg != null) ciReal += crImag;
        return new PyComplex(crReal, ciReal);
    }

    // ------------------------------------------------------------------ methods

    private static PyComplex self(Object o, String name) {
        Object v = Ops.unbox(o);
        if (v instanceof PyComplex c) return c;
        throw Py.typeError("descriptor '" + name + "' requires a 'complex' object but received a '"
                + Ops.typeName(o) + "'");
    }

    /** The other operand of a complex dunder as a complex, or null when complex does not handle it. */
    private static PyComplex other(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof PyComplex c) return c;
        if (v instanceof Double || NumberOps.isInt(v)) return toComplex(v);
        return null;
    }

    static void install() {
        PyType t = PyTypes.COMPLEX;
        t.defineStatic("__new__", ComplexMethods::construct);
        defineBinary(t, "add", BinaryOp.ADD);
        defineBinary(t, "sub", BinaryOp.SUBTRACT);
        defineBinary(t, "mul", BinaryOp.MULTIPLY);
        defineBinary(t, "truediv", BinaryOp.TRUE_DIVIDE);
        t.define("__pow__", (args, kw) -> powerDunder(args, kw, "__pow__", false));
        t.define("__rpow__", (args, kw) -> powerDunder(args, kw, "__rpow__", true));
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> {
                IntMethods.checkArity(op.dunder, args, kw, 1);
                PyComplex a = self(args[0], op.dunder);
                PyComplex b = other(args[1]);
                if (b == null || (op != CompareOp.EQ && op != CompareOp.NE)) return Py.NotImplemented;
                Object original = Ops.unbox(args[1]);
                boolean eq = original instanceof PyComplex ? equalsNumber(a, b) : equalsNumber(a, original);
                return Py.bool(eq == (op == CompareOp.EQ));
            });
        }
        t.define("__neg__", (args, kw) -> {
            IntMethods.checkArity("__neg__", args, kw, 0);
            PyComplex c = self(args[0], "__neg__");
            return new PyComplex(-c.real, -c.imag);
        });
        t.define("__pos__", (args, kw) -> {
            IntMethods.checkArity("__pos__", args, kw, 0);
            PyComplex c = self(args[0], "__pos__");
            return new PyComplex(c.real, c.imag);
        });
        t.define("__abs__", (args, kw) -> {
            IntMethods.checkArity("__abs__", args, kw, 0);
            return abs(self(args[0], "__abs__"));
        });
        t.define("__bool__", (args, kw) -> {
            IntMethods.checkArity("__bool__", args, kw, 0);
            PyComplex c = self(args[0], "__bool__");
            return Py.bool(c.real != 0 || c.imag != 0);
        });
        t.define("__hash__", (args, kw) -> {
            IntMethods.checkArity("__hash__", args, kw, 0);
            return hash(self(args[0], "__hash__"));
        });
        t.define("__repr__", (args, kw) -> {
            IntMethods.checkArity("__repr__", args, kw, 0);
            return repr(self(args[0], "__repr__"));
        });
        t.define("conjugate", (args, kw) -> {
            Args.check("complex.conjugate", args, kw, 1, 0, 0);
            PyComplex c = self(args[0], "conjugate");
            return new PyComplex(c.real, -c.imag);
        });
        t.define("__getnewargs__", (args, kw) -> {
            Args.check("complex.__getnewargs__", args, kw, 1, 0, 0);
            PyComplex c = self(args[0], "__getnewargs__");
            return PyTuple.of(c.real, c.imag);
        });
        t.defineGetter("real", o -> self(o, "real").real);
        t.defineGetter("imag", o -> self(o, "imag").imag);
    }

    private static void defineBinary(PyType t, String name, BinaryOp op) {
        String dunder = "__" + name + "__";
        String reflected = "__r" + name + "__";
        t.define(dunder, (args, kw) -> {
            IntMethods.checkArity(dunder, args, kw, 1);
            PyComplex a = self(args[0], dunder);
            PyComplex b = other(args[1]);
            return b == null ? Py.NotImplemented : binary(op, a, b);
        });
        t.define(reflected, (args, kw) -> {
            IntMethods.checkArity(reflected, args, kw, 1);
            PyComplex a = self(args[0], reflected);
            PyComplex b = other(args[1]);
            return b == null ? Py.NotImplemented : binary(op, b, a);
        });
    }

    private static Object powerDunder(Object[] args, String[] kw, String name, boolean reflected) {
        IntMethods.checkPowerArity(name, args, kw);
        PyComplex a = self(args[0], name);
        if (args.length == 3 && args[2] != Py.None) throw Py.valueError("complex modulo");
        PyComplex b = other(args[1]);
        if (b == null) return Py.NotImplemented;
        return reflected ? power(b, a) : power(a, b);
    }
}
