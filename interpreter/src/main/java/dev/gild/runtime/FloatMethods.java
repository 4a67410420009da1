package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's float: repr (shortest round-tripping digits in CPython's layout), parsing, hex/fromhex,
 * round, the constructor and the methods. Also installs complex ({@link ComplexMethods}).
 */
public final class FloatMethods {
    private FloatMethods() {}

    static void install() {
        installFloat();
        ComplexMethods.install();
    }

    // ================================================================== repr

    /** Python's repr of a float: the shortest string that reads back as the same value. */
    public static String repr(double d) { return format(d, true); }

    /**
     * The shortest round-tripping digits laid out as CPython's float repr: positional notation for
     * decimal exponents -4 &lt;= exp &lt; 16, otherwise {@code 1.5e-05} style. addDotZero appends
     * ".0" to integral values in positional notation (float repr does, complex repr does not).
     */
    static String format(double d, boolean addDotZero) {
        if (d != d) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) {
            boolean negative = Double.doubleToRawLongBits(d) < 0;
            return addDotZero ? (negative ? "-0.0" : "0.0") : (negative ? "-0" : "0");
        }
        if (d > -1e16 && d < 1e16) {
            long l = (long) d;
            if (l == d) return addDotZero ? Long.toString(l) + ".0" : Long.toString(l);
        }
        double magnitude = Math.abs(d);
        String javaDigits = Double.toString(magnitude);
        StringBuilder digits = new StringBuilder(24);
        int exponentAt = javaDigits.indexOf('E');
        int mantissaEnd = exponentAt < 0 ? javaDigits.length() : exponentAt;
        int decimalPoint = exponentAt < 0 ? 0 : Integer.parseInt(javaDigits, exponentAt + 1, javaDigits.length(), 10);
        boolean afterDot = false;
        for (int i = 0; i < mantissaEnd; i++) {
            char c = javaDigits.charAt(i);
            if (c == '.') {
                afterDot = true;
                continue;
            }
            if (!afterDot) decimalPoint++;
            if (c == '0' && digits.length() == 0) {
                decimalPoint--;
                continue;
            }
            digits.append(c);
        }
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') n--;
        digits.setLength(n);
        if (n == 2 && magnitude < Double.MIN_NORMAL) decimalPoint = preferOneDigit(magnitude, digits, decimalPoint);
        return layout(d < 0, digits, decimalPoint, addDotZero);
    }

    /**
     * Java's Double.toString never gives fewer than two significant digits (4.9E-324), where
     * Python's shortest repr may use one (5e-324): when a one-digit decimal also reads back as the
     * value, use it (the closer one when two do, the even one on a tie). Updates digits and returns
     * the possibly changed decimal point position. Only subnormals have a rounding interval wide
     * enough for a one-digit decimal and a different two-digit one to both read back.
     */
    private static int preferOneDigit(double magnitude, StringBuilder digits, int decimalPoint) {
        int first = digits.charAt(0) - '0';
        int exp = decimalPoint - 1;
        boolean lowReadsBack = Double.parseDouble(first + "E" + exp) == magnitude;
        boolean highReadsBack = Double.parseDouble((first + 1) + "E" + exp) == magnitude;
        if (!lowReadsBack && !highReadsBack) return decimalPoint;
        boolean useHigh;
        if (lowReadsBack && highReadsBack) {
            BigDecimal exact = new BigDecimal(magnitude);
            BigDecimal low = new BigDecimal(BigInteger.valueOf(first), -exp);
            BigDecimal high = new BigDecimal(BigInteger.valueOf(first + 1), -exp);
            int c = exact.subtract(low).compareTo(high.subtract(exact));
            useHigh = c > 0 || (c == 0 && (first & 1) == 1);
        } else {
            useHigh = highReadsBack;
        }
        digits.setLength(0);
        if (!useHigh) {
            digits.append((char) ('0' + first));
            return decimalPoint;
        }
        if (first + 1 == 10) {
            digits.append('1');
            return decimalPoint + 1;
        }
        digits.append((char) ('0' + first + 1));
        return decimalPoint;
    }

    /** digits (no leading or trailing zeros) with value 0.digits * 10**decimalPoint, in repr layout. */
    private static String layout(boolean negative, CharSequence digits, int decimalPoint, boolean addDotZero) {
        int n = digits.length();
        StringBuilder out = new StringBuilder(n + 8);
        if (negative) out.append('-');
        if (decimalPoint <= -4 || decimalPoint > 16) {
            out.append(digits.charAt(0));
            if (n > 1) out.append('.').append(digits, 1, n);
            int exp = decimalPoint - 1;
            out.append(exp < 0 ? "e-" : "e+");
            int absExp = Math.abs(exp);
            if (absExp < 10) out.append('0');
            out.append(absExp);
        } else if (decimalPoint <= 0) {
            out.append("0.");
            for (int i = decimalPoint; i < 0; i++) out.append('0');
            out.append(digits);
        } else if (decimalPoint >= n) {
            out.append(digits);
            for (int i = n; i < decimalPoint; i++) out.append('0');
            if (addDotZero) out.append(".0");
        } else {
            out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, n);
        }
        return out.toString();
    }

    // ================================================================== parsing

    /** Python's str.isspace() for one char. */
    static boolean isSpace(int c) {
        if (c <= ' ') return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
        if (c < 0x85) return false;
        return c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode decimal digits become ASCII
     * digits, Unicode spaces become ' ', any other non-ASCII character becomes '?' (invalid).
     */
    static String toAsciiDigits(String s) {
        int len = s.length();
        int i = 0;
        while (i < len && s.charAt(i) < 128) i++;
        if (i == len) return s;
        StringBuilder out = new StringBuilder(len);
        out.append(s, 0, i);
        while (i < len) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) out.append((char) cp);
            else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) out.append((char) ('0' + Character.digit(cp, 10)));
            else if (isSpace(cp)) out.append(' ');
            else out.append('?');
        }
        return out.toString();
    }

    /**
     * Removes underscores that stand between two digits (CPython's
     * _Py_string_to_number_with_underscores); any other underscore is a ValueError
     * "could not convert string to {what}: {repr of original}".
     */
    static String removeUnderscores(String s, Object original, String what) {
        if (s.indexOf('_') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (!(prev >= '0' && prev <= '9')) throw cannotConvert(what, original);
            } else {
                out.append(c);
                if (prev == '_' && !(c >= '0' && c <= '9')) throw cannotConvert(what, original);
            }
            prev = c;
        }
        if (prev == '_') throw cannotConvert(what, original);
        return out.toString();
    }

    private static PyException cannotConvert(String what, Object original) {
        return Py.valueError("could not convert string to " + what + ": " + Ops.repr(original));
    }

    private static boolean regionMatches(String s, int at, String word) {
        return s.regionMatches(true, at, word, 0, word.length());
    }

    /**
     * The end of the longest prefix of s[start..] that is a float literal as CPython's
     * PyOS_string_to_double reads it (sign, digits with optional point and exponent, or
     * inf/infinity/nan in any case); start itself when there is none.
     */
    static int scanFloat(String s, int start) {
        int len = s.length();
        int i = start;
        if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        if (regionMatches(s, i, "infinity")) return i + 8;
        if (regionMatches(s, i, "inf") || regionMatches(s, i, "nan")) return i + 3;
        int digitCount = 0;
        while (i < len && isAsciiDigit(s.charAt(i))) {
            i++;
            digitCount++;
        }
        if (i < len && s.charAt(i) == '.') {
            i++;
            while (i < len && isAsciiDigit(s.charAt(i))) {
                i++;
                digitCount++;
            }
        }
        if (digitCount == 0) return start;
        if (i < len && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < len && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            int exponentStart = j;
            while (j < len && isAsciiDigit(s.charAt(j))) j++;
            if (j > exponentStart) i = j;
        }
        return i;
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    /** The value of s[start..end], a range accepted by {@link #scanFloat}. */
    static double convertScanned(String s, int start, int end) {
        int i = start;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        char first = s.charAt(i);
        if (first == 'i' || first == 'I') return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (first == 'n' || first == 'N') return Double.NaN;
        return Double.parseDouble(s.substring(start, end));
    }

    /** float(s) for a str: Python's float syntax (underscores, inf/nan, surrounding whitespace). */
    public static double parseFloat(String s) { return parseFloat(s, s); }

    /** float(text); errors show repr(original) (the str, bytes or bytearray given). */
    static double parseFloat(Object original, String text) {
        String s = removeUnderscores(toAsciiDigits(text), original, "float");
        int len = s.length();
        int start = 0;
        while (start < len && isSpace(s.charAt(start))) start++;
        int end = len;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        if (start < end && scanFloat(s, start) == end) {
            if (start == 0 && end == len) {
                char last = s.charAt(end - 1);
                if (isAsciiDigit(last) || last == '.') return Double.parseDouble(s);
            }
            return convertScanned(s, start, end);
        }
        throw cannotConvert("float", original);
    }

    /**
     * float(x): str/bytes parsing, __float__ (which must return a float), __index__; the
     * TypeError "float() argument must be a string or a real number" otherwise.
     */
    static double floatValue(Object x) {
        if (x instanceof Double d) return d;
        if (x instanceof Long || x instanceof Boolean || x instanceof java.math.BigInteger) return NumberOps.toDouble(x);
        if (x instanceof String s) return parseFloat(s, s);
        PyType t = Ops.typeOf(x);
        if (t.lookup("__float__") != null) return NumberOps.toDouble(x);
        if (t.lookup("__index__") != null) return NumberOps.toDouble(Ops.index(x));
        Object v = Ops.unbox(x);
        if (v instanceof String s) return parseFloat(x, s);
        if (v instanceof PyBytes b) return parseFloat(x, latin1(b.bytes, b.bytes.length));
        if (v instanceof PyByteArray b) return parseFloat(x, latin1(b.bytes, b.size));
        throw Py.typeError("float() argument must be a string or a real number, not '" + Ops.typeName(x) + "'");
    }

    static String latin1(byte[] bytes, int length) {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // ================================================================== hex

    /** float.hex(): CPython's exact hexadecimal form, e.g. 0x1.8000000000000p+0. */
    static String hex(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return repr(x);
        long bits = Double.doubleToRawLongBits(x);
        String sign = bits < 0 ? "-" : "";
        if (x == 0) return sign + "0x0.0p+0";
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & ((1L << 52) - 1);
        String lead;
        int exponent;
        if (biased == 0) {
            lead = "0";
            exponent = -1022;
        } else {
            lead = "1";
            exponent = biased - 1023;
        }
        String hexFraction = Long.toHexString(fraction | (1L << 52)).substring(1);
        return sign + "0x" + lead + "." + hexFraction + "p" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static int hexDigit(String s, int i) {
        return i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
    }

    /** float.fromhex(s), correctly rounded (half to even), as CPython's float_fromhex. */
    static double fromHex(String s) {
        int len = s.length();
        int i = 0;
        while (i < len && isSpace(s.charAt(i))) i++;
        double result;
        int special = scanSpecial(s, i);
        if (special != i) {
            result = convertScanned(s, i, special);
            i = special;
        } else {
            boolean negative = false;
            if (i < len && s.charAt(i) == '-') {
                negative = true;
                i++;
            } else if (i < len && s.charAt(i) == '+') {
                i++;
            }
            if (i + 1 < len && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) i += 2;
            StringBuilder coefficient = new StringBuilder();
            while (hexDigit(s, i) >= 0) coefficient.append(s.charAt(i++));
            int fractionDigits = 0;
            if (i < len && s.charAt(i) == '.') {
                i++;
                while (hexDigit(s, i) >= 0) {
                    coefficient.append(s.charAt(i++));
                    fractionDigits++;
                }
            }
            if (coefficient.length() == 0) throw invalidHex();
            long exponent = 0;
            if (i < len && (s.charAt(i) == 'p' || s.charAt(i) == 'P')) {
                i++;
                boolean negativeExponent = false;
                if (i < len && (s.charAt(i) == '-' || s.charAt(i) == '+')) negativeExponent = s.charAt(i++) == '-';
                if (i >= len || !isAsciiDigit(s.charAt(i))) throw invalidHex();
                while (i < len && isAsciiDigit(s.charAt(i))) {
                    // Saturate: any exponent this large over- or underflows anyway.
                    if (exponent < 1_000_000_000_000L) exponent = exponent * 10 + (s.charAt(i) - '0');
                    i++;
                }
                if (negativeExponent) exponent = -exponent;
            }
            BigInteger value = new BigInteger(coefficient.toString(), 16);
            double magnitude = NumberOps.scaledRatio(value, BigInteger.ONE, exponent - 4L * fractionDigits);
            if (Double.isInfinite(magnitude)) throw Py.overflowError("hexadecimal value too large to represent as a float");
            result = negative ? -magnitude : magnitude;
        }
        while (i < len && isSpace(s.charAt(i))) i++;
        if (i != len) throw invalidHex();
        return result;
    }

    /** The end of a signed inf/infinity/nan at i, or i. */
    private static int scanSpecial(String s, int i) {
        int j = i;
        if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
        if (regionMatches(s, j, "infinity")) return j + 8;
        if (regionMatches(s, j, "inf") || regionMatches(s, j, "nan")) return j + 3;
        return i;
    }

    private static PyException invalidHex() {
        return Py.valueError("invalid hexadecimal floating-point string");
    }

    // ================================================================== round

    /**
     * round(x, ndigits) for a float: the exact binary value rounded half-to-even at 10**-ndigits
     * and read back, as CPython's double_round (dtoa mode 3).
     */
    static double round(double x, long ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        if (ndigits > 323) return x;
        if (ndigits < -308) return 0.0 * x;
        if (x == 0) return x;
        BigDecimal rounded = new BigDecimal(x).setScale((int) ndigits, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) return Math.copySign(0.0, x);
        double r = Double.parseDouble(rounded.toString());
        if (Double.isInfinite(r)) throw Py.overflowError("rounded value too large to represent");
        return r;
    }

    // ================================================================== float type

    /** The receiver of a float method as a double (subclass instances unboxed). */
    private static double self(Object o, String name) {
        Object v = Ops.unbox(o);
        if (v instanceof Double d) return d;
        throw Py.typeError("descriptor '" + name + "' requires a 'float' object but received a '"
                + Ops.typeName(o) + "'");
    }

    /** The other operand of a float dunder as a double, or null when float does not handle its type. */
    private static Double other(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof Double d) return d;
        if (NumberOps.isInt(v)) return NumberOps.toDouble(v);
        return null;
    }

    private static void installFloat() {
        PyType t = PyTypes.FLOAT;
        t.defineStatic("__new__", (args, kw) -> {
            Args.check("float", args, kw, 1, 0, 1);
            PyType cls = (PyType) args[0];
            if (!cls.isSubtypeOf(PyTypes.FLOAT)) {
                throw Py.typeError("float.__new__(" + cls.getName() + "): " + cls.getName() + " is not a subtype of float");
            }
            double value = args.length == 1 ? 0.0 : floatValue(args[1]);
            return cls == PyTypes.FLOAT ? (Object) value : new PyBoxed(cls, value);
        });
        BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY, BinaryOp.TRUE_DIVIDE,
                BinaryOp.FLOOR_DIVIDE, BinaryOp.REMAINDER, BinaryOp.POWER};
        for (BinaryOp op : ops) {
            String name = op.dunder.substring(2, op.dunder.length() - 2);
            String reflected = "__r" + name + "__";
            if (op == BinaryOp.POWER) {
                t.define("__pow__", (args, kw) -> powerDunder(args, kw, "__pow__", false));
                t.define("__rpow__", (args, kw) -> powerDunder(args, kw, "__rpow__", true));
                continue;
            }
            t.define(op.dunder, (args, kw) -> {
                IntMethods.checkArity(op.dunder, args, kw, 1);
                double a = self(args[0], op.dunder);
                Double b = other(args[1]);
                return b == null ? Py.NotImplemented : NumberOps.floatBinary(op, a, b);
            });
            t.define(reflected, (args, kw) -> {
                IntMethods.checkArity(reflected, args, kw, 1);
                double a = self(args[0], reflected);
                Double b = other(args[1]);
                return b == null ? Py.NotImplemented : NumberOps.floatBinary(op, b, a);
            });
        }
        t.define("__divmod__", (args, kw) -> {
            IntMethods.checkArity("__divmod__", args, kw, 1);
            double a = self(args[0], "__divmod__");
            Double b = other(args[1]);
            return b == null ? Py.NotImplemented : NumberOps.numberDivmod(a, b);
        });
        t.define("__rdivmod__", (args, kw) -> {
            IntMethods.checkArity("__rdivmod__", args, kw, 1);
            double a = self(args[0], "__rdivmod__");
            Double b = other(args[1]);
            return b == null ? Py.NotImplemented : NumberOps.numberDivmod(b, a);
        });
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> {
                IntMethods.checkArity(op.dunder, args, kw, 1);
                double a = self(args[0], op.dunder);
                Object b = Ops.unbox(args[1]);
                if (!(b instanceof Double) && !NumberOps.isInt(b)) return Py.NotImplemented;
                return NumberOps.compare(op, a, b);
            });
        }
        t.define("__neg__", (args, kw) -> {
            IntMethods.checkArity("__neg__", args, kw, 0);
            return -self(args[0], "__neg__");
        });
        t.define("__pos__", (args, kw) -> {
            IntMethods.checkArity("__pos__", args, kw, 0);
            return self(args[0], "__pos__");
        });
        t.define("__abs__", (args, kw) -> {
            IntMethods.checkArity("__abs__", args, kw, 0);
            return Math.abs(self(args[0], "__abs__"));
        });
        t.define("__bool__", (args, kw) -> {
            IntMethods.checkArity("__bool__", args, kw, 0);
            return Py.bool(self(args[0], "__bool__") != 0);
        });
        t.define("__float__", (args, kw) -> {
            IntMethods.checkArity("__float__", args, kw, 0);
            return self(args[0], "__float__");
        });
        t.define("__int__", (args, kw) -> {
            IntMethods.checkArity("__int__", args, kw, 0);
            return NumberOps.floatToInt(self(args[0], "__int__"));
        });
        t.define("__trunc__", (args, kw) -> {
            IntMethods.checkArity("__trunc__", args, kw, 0);
            return NumberOps.floatToInt(self(args[0], "__trunc__"));
        });
        t.define("__floor__", (args, kw) -> {
            IntMethods.checkArity("__floor__", args, kw, 0);
            return NumberOps.floatToInt(Math.floor(self(args[0], "__floor__")));
        });
        t.define("__ceil__", (args, kw) -> {
            IntMethods.checkArity("__ceil__", args, kw, 0);
            return NumberOps.floatToInt(Math.ceil(self(args[0], "__ceil__")));
        });
        t.define("__round__", (args, kw) -> {
            Args.check("__round__", args, kw, 1, 0, 1);
            double x = self(args[0], "__round__");
            if (args.length == 1 || args[1] == Py.None) return NumberOps.floatToInt(Math.rint(x));
            return round(x, NumberOps.clampedIndex(args[1]));
        });
        t.define("__hash__", (args, kw) -> {
            IntMethods.checkArity("__hash__", args, kw, 0);
            Object v = Ops.unbox(args[0]);
            self(args[0], "__hash__");
            return NumberOps.hashDouble((Double) v);
        });
        t.define("__repr__", (args, kw) -> {
            IntMethods.checkArity("__repr__", args, kw, 0);
            return repr(self(args[0], "__repr__"));
        });
        t.define("__getnewargs__", (args, kw) -> {
            Args.check("float.__getnewargs__", args, kw, 1, 0, 0);
            return PyTuple.of(self(args[0], "__getnewargs__"));
        });
        t.define("conjugate", (args, kw) -> {
            Args.check("float.conjugate", args, kw, 1, 0, 0);
            return self(args[0], "conjugate");
        });
        t.define("is_integer", (args, kw) -> {
            Args.check("float.is_integer", args, kw, 1, 0, 0);
            double x = self(args[0], "is_integer");
            return Py.bool(!Double.isInfinite(x) && x == Math.floor(x));
        });
        t.define("as_integer_ratio", (args, kw) -> {
            Args.check("float.as_integer_ratio", args, kw, 1, 0, 0);
            return integerRatio(self(args[0], "as_integer_ratio"));
        });
        t.define("hex", (args, kw) -> {
            Args.check("float.hex", args, kw, 1, 0, 0);
            return hex(self(args[0], "hex"));
        });
        t.defineClassMethod("fromhex", (args, kw) -> {
            Args.check("float.fromhex", args, kw, 1, 1, 1);
            Object arg = Ops.unbox(args[1]);
            if (!(arg instanceof String s)) throw Py.typeError("bad argument type for built-in operation");
            double value = fromHex(s);
            PyType cls = (PyType) args[0];
            return cls == PyTypes.FLOAT ? (Object) value : Ops.call(cls, value);
        });
        t.defineGetter("real", o -> self(o, "real"));
        t.defineGetter("imag", o -> {
            self(o, "imag");
            return 0.0;
        });
    }

    /** float.as_integer_ratio(): the exact value as a reduced fraction with a positive denominator. */
    static PyTuple integerRatio(double x) {
        if (Double.isInfinite(x)) throw Py.overflowError("cannot convert Infinity to integer ratio");
        if (Double.isNaN(x)) throw Py.valueError("cannot convert NaN to integer ratio");
        if (x == 0) return PyTuple.of(0L, 1L);
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biased == 0) {
            exponent = -1074;
        } else {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        int zeros = Long.numberOfTrailingZeros(mantissa);
        mantissa >>>= zeros;
        exponent += zeros;
        if (x < 0) mantissa = -mantissa;
        if (exponent >= 0) {
            return PyTuple.of(Py.newInt(BigInteger.valueOf(mantissa).shiftLeft(exponent)), 1L);
        }
        return PyTuple.of(mantissa, Py.newInt(BigInteger.ONE.shiftLeft(-exponent)));
    }

    private static Object powerDunder(Object[] args, String[] kw, String name, boolean reflected) {
        IntMethods.checkPowerArity(name, args, kw);
        double a = self(args[0], name);
        Double b = other(args[1]);
        if (b == null) return Py.NotImplemented;
        if (args.length == 3 && args[2] != Py.None) {
            throw Py.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        return reflected ? NumberOps.floatPower(b, a) : NumberOps.floatPower(a, b);
    }
}
