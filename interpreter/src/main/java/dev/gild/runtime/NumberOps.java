package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;

/**
 * Arithmetic, comparison and hashing of int, bool, float and complex with CPython's semantics.
 *
 * <p>{@link #binary} and {@link #compare} are on the interpreter's hot path: they dispatch on the
 * operands' Java classes with the Long/Long and Double/Double cases first and only fall into the
 * general (bool, BigInteger, complex, mixed) code when those fail. Ints are Longs until they
 * overflow; every int result goes through {@link Py#newInt(BigInteger)} so a value that fits a
 * long is always a Long.
 */
public final class NumberOps {
    private NumberOps() {}

    /** CPython's numeric hash modulus, the Mersenne prime 2**61 - 1. */
    static final long HASH_MODULUS = (1L << 61) - 1;
    static final int HASH_BITS = 61;
    static final long HASH_INF = 314159;
    private static final BigInteger BIG_HASH_MODULUS = BigInteger.valueOf(HASH_MODULUS);
    /** Ints up to this magnitude convert to double exactly. */
    private static final long TWO_POW_53 = 1L << 53;
    /** compare() result for comparisons involving NaN: only != holds. */
    private static final int UNORDERED = 2;
    /**
     * Ints that would need more bits than this raise MemoryError up front: BigInteger's own limit
     * (2**31 bits), or a quarter of the heap, whichever is smaller.
     */
    static final long MAX_INT_BITS = Math.min(Integer.MAX_VALUE - 32, Runtime.getRuntime().maxMemory() * 2);
    private static final BigInteger LONG_MIN_NEGATED = BigInteger.ONE.shiftLeft(63);

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger
                || o instanceof PyComplex;
    }

    static boolean isInt(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
    }

    // ================================================================== binary operators

    /**
     * a op b for two numbers (op is never an in-place operator). Returns Py.NotImplemented when the
     * operator is not defined for these operand types (e.g. float &amp; int), so that Ops reports the
     * TypeError.
     */
    public static Object binary(BinaryOp op, Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) return longBinary(op, x, y);
            if (b instanceof Double y) return floatBinary(op, (double) x, y);
        } else if (a instanceof Double x) {
            if (b instanceof Double y) return floatBinary(op, x, y);
            if (b instanceof Long y) return floatBinary(op, x, (double) y);
        }
        return mixedBinary(op, a, b);
    }

    static Object longBinary(BinaryOp op, long x, long y) {
        switch (op) {
            case ADD: {
                long r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
                return r;
            }
            case SUBTRACT: {
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
                return r;
            }
            case MULTIPLY: {
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
                return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
            }
            case TRUE_DIVIDE:
                return longTrueDivide(x, y);
            case FLOOR_DIVIDE:
                if (y == 0) throw Py.zeroDivisionError("integer division or modulo by zero");
                if (y == -1) return x == Long.MIN_VALUE ? LONG_MIN_NEGATED : -x;
                return Math.floorDiv(x, y);
            case REMAINDER:
                if (y == 0) throw Py.zeroDivisionError("integer modulo by zero");
                return Math.floorMod(x, y);
            case POWER:
                return longPower(x, y);
            case LSHIFT:
                return leftShift(x, y);
            case RSHIFT:
                if (y < 0) throw Py.valueError("negative shift count");
                return x >> Math.min(y, 63);
            case AND:
                return x & y;
            case OR:
                return x | y;
            case XOR:
                return x ^ y;
            default:
                return Py.NotImplemented;
        }
    }

    /** Operators that float supports: everything but the bitwise ones and @. */
    static boolean isFloatOperator(BinaryOp op) {
        return switch (op) {
            case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, REMAINDER, POWER -> true;
            default -> false;
        };
    }

    static Object floatBinary(BinaryOp op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUBTRACT:
                return x - y;
            case MULTIPLY:
                return x * y;
            case TRUE_DIVIDE:
                if (y == 0) throw Py.zeroDivisionError("float division by zero");
                return x / y;
            case FLOOR_DIVIDE:
                if (y == 0) throw Py.zeroDivisionError("float floor division by zero");
                return floatFloorDivide(x, y);
            case REMAINDER:
                if (y == 0) throw Py.zeroDivisionError("float modulo");
                return floatModulo(x, y);
            case POWER:
                return floatPower(x, y);
            default:
                return Py.NotImplemented;
        }
    }

    /** The general case: bools, BigIntegers, complex, int/float mixes involving those. */
    private static Object mixedBinary(BinaryOp op, Object a, Object b) {
        if (a instanceof Boolean x) {
            if (b instanceof Boolean y) {
                switch (op) {
                    case AND: return Py.bool(x & y);
                    case OR: return Py.bool(x | y);
                    case XOR: return Py.bool(x ^ y);
                    default: return longBinary(op, x ? 1 : 0, y ? 1 : 0);
                }
            }
            return binary(op, x ? 1L : 0L, b);
        }
        if (b instanceof Boolean y) return binary(op, a, y ? 1L : 0L);
        if (a instanceof PyComplex || b instanceof PyComplex) {
            if (!isNumber(a) || !isNumber(b)) return Py.NotImplemented;
            return ComplexMethods.binary(op, ComplexMethods.toComplex(a), ComplexMethods.toComplex(b));
        }
        if (a instanceof Double x) {
            if (!(b instanceof BigInteger y) || !isFloatOperator(op)) return Py.NotImplemented;
            return floatBinary(op, x, bigToDouble(y));
        }
        if (b instanceof Double y) {
            if (!(a instanceof BigInteger x) || !isFloatOperator(op)) return Py.NotImplemented;
            return floatBinary(op, bigToDouble(x), y);
        }
        if (isInt(a) && isInt(b)) return bigBinary(op, toBig(a), toBig(b));
        return Py.NotImplemented;
    }

    static Object bigBinary(BinaryOp op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD:
                return Py.newInt(x.add(y));
            case SUBTRACT:
                return Py.newInt(x.subtract(y));
            case MULTIPLY:
                if ((long) x.bitLength() + y.bitLength() > MAX_INT_BITS) throw Py.memoryError();
                return Py.newInt(x.multiply(y));
            case TRUE_DIVIDE:
                return bigTrueDivide(x, y);
            case FLOOR_DIVIDE:
                if (y.signum() == 0) throw Py.zeroDivisionError("integer division or modulo by zero");
                return Py.newInt(floorDivide(x, y));
            case REMAINDER:
                if (y.signum() == 0) throw Py.zeroDivisionError("integer modulo by zero");
                return Py.newInt(floorModulo(x, y));
            case POWER:
                return bigPower(x, y);
            case LSHIFT:
                return bigLeftShift(x, y);
            case RSHIFT:
                if (y.signum() < 0) throw Py.valueError("negative shift count");
                if (y.bitLength() > 31) return x.signum() < 0 ? -1L : 0L;
                return Py.newInt(x.shiftRight(y.intValue()));
            case AND:
                return Py.newInt(x.and(y));
            case OR:
                return Py.newInt(x.or(y));
            case XOR:
                return Py.newInt(x.xor(y));
            default:
                return Py.NotImplemented;
        }
    }

    // ------------------------------------------------------------------ int helpers

    static BigInteger toBig(Object intValue) {
        if (intValue instanceof Long l) return BigInteger.valueOf(l);
        if (intValue instanceof BigInteger b) return b;
        if (intValue instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        throw new IllegalArgumentException("not an int: " + intValue);
    }

    /** Python's // on BigIntegers (rounds toward negative infinity); y is nonzero. */
    static BigInteger floorDivide(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    /** Python's % on BigIntegers (the result has the sign of y); y is nonzero. */
    static BigInteger floorModulo(BigInteger x, BigInteger y) {
        BigInteger r = x.remainder(y);
        if (r.signum() != 0 && r.signum() != y.signum()) return r.add(y);
        return r;
    }

    private static Object leftShift(long x, long y) {
        if (y < 0) throw Py.valueError("negative shift count");
        if (x == 0) return 0L;
        if (y < 64) {
            long r = x << y;
            if ((r >> y) == x) return r;
        }
        return bigLeftShift(BigInteger.valueOf(x), BigInteger.valueOf(y));
    }

    private static Object bigLeftShift(BigInteger x, BigInteger y) {
        if (y.signum() < 0) throw Py.valueError("negative shift count");
        if (x.signum() == 0) return 0L;
        if (y.bitLength() > 31 || x.bitLength() + y.longValue() > MAX_INT_BITS) throw tooLarge(y);
        return Py.newInt(x.shiftLeft(y.intValue()));
    }

    /**
     * The error for an int result of about {@code bits} bits that cannot be built: CPython raises
     * OverflowError past its 2**62-digit size limit (30-bit digits) and MemoryError below it.
     */
    private static PyException tooLarge(BigInteger bits) {
        BigInteger maxDigits = BigInteger.valueOf((Long.MAX_VALUE - 24) / 4);
        if (bits.divide(BigInteger.valueOf(30)).compareTo(maxDigits) >= 0) {
            return Py.overflowError("too many digits in integer");
        }
        return Py.memoryError();
    }

    /** int ** int with y a long: exact for y &gt;= 0, a float for y &lt; 0. */
    static Object longPower(long x, long y) {
        if (y < 0) return floatPower((double) x, (double) y);
        if (x == 0) return y == 0 ? 1L : 0L;
        if (x == 1) return 1L;
        if (x == -1) return (y & 1) == 0 ? 1L : -1L;
        if (y < 64) {
            long result = 1;
            long base = x;
            long e = y;
            while (true) {
                if ((e & 1) != 0) {
                    long hi = Math.multiplyHigh(result, base);
                    long lo = result * base;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) break;
                    result = lo;
                }
                e >>= 1;
                if (e == 0) return result;
                long hi = Math.multiplyHigh(base, base);
                long lo = base * base;
                if (hi != 0 || lo < 0) break;
                base = lo;
            }
        }
        return bigPower(BigInteger.valueOf(x), BigInteger.valueOf(y));
    }

    static Object bigPower(BigInteger x, BigInteger y) {
        if (y.signum() < 0) {
            return floatPower(bigToDouble(x), bigToDouble(y));
        }
        if (x.signum() == 0) return y.signum() == 0 ? 1L : 0L;
        if (x.equals(BigInteger.ONE)) return 1L;
        if (x.equals(BigInteger.ONE.negate())) return y.testBit(0) ? -1L : 1L;
        if (y.bitLength() > 31) throw Py.memoryError();
        if ((double) x.bitLength() * y.longValue() > MAX_INT_BITS) throw Py.memoryError();
        return Py.newInt(x.pow(y.intValue()));
    }

    // ------------------------------------------------------------------ true division

    private static Object longTrueDivide(long x, long y) {
        if (y == 0) throw Py.zeroDivisionError("division by zero");
        if (-TWO_POW_53 <= x && x <= TWO_POW_53 && -TWO_POW_53 <= y && y <= TWO_POW_53) {
            return (double) x / (double) y;
        }
        return bigTrueDivide(BigInteger.valueOf(x), BigInteger.valueOf(y));
    }

    /** int / int correctly rounded, however large the operands (CPython's long_true_divide). */
    static Object bigTrueDivide(BigInteger x, BigInteger y) {
        if (y.signum() == 0) throw Py.zeroDivisionError("division by zero");
        boolean negative = x.signum() * y.signum() < 0 || (x.signum() == 0 && y.signum() < 0);
        double r = scaledRatio(x.abs(), y.abs(), 0);
        if (Double.isInfinite(r)) throw Py.overflowError("integer division result too large for a float");
        return negative ? -r : r;
    }

    /**
     * num / den * 2**exp2 correctly rounded to a double (round half to even, with gradual underflow);
     * positive infinity when the result is too large. num &gt;= 0, den &gt; 0.
     */
    static double scaledRatio(BigInteger num, BigInteger den, long exp2) {
        if (num.signum() == 0) return 0.0;
        int bitDiff = num.bitLength() - den.bitLength();
        boolean atLeast = bitDiff >= 0
                ? num.compareTo(den.shiftLeft(bitDiff)) >= 0
                : num.shiftLeft(-bitDiff).compareTo(den) >= 0;
        // The ratio lies in [2**floorLog2, 2**(floorLog2 + 1)).
        long floorLog2 = bitDiff + exp2 - (atLeast ? 0 : 1);
        if (floorLog2 >= 1024) return Double.POSITIVE_INFINITY;
        if (floorLog2 < -1076) return 0.0;
        long ulpExponent = Math.max(floorLog2 - 52, -1074);
        // Quotient with two guard bits below the last kept bit; the remainder is the sticky bit.
        long shift = exp2 - ulpExponent + 2;
        BigInteger n = num;
        BigInteger d = den;
        if (shift >= 0) n = n.shiftLeft((int) shift);
        else d = d.shiftLeft((int) -shift);
        BigInteger[] qr = n.divideAndRemainder(d);
        long q = qr[0].longValue();
        boolean sticky = qr[1].signum() != 0;
        long mantissa = q >> 2;
        int guard = (int) (q & 3);
        if (guard > 2 || (guard == 2 && (sticky || (mantissa & 1) != 0))) mantissa++;
        return Math.scalb((double) mantissa, (int) ulpExponent);
    }

    // ------------------------------------------------------------------ float helpers

    /** Python's float //, as CPython's float_floor_div (via float_divmod). y is nonzero. */
    static double floatFloorDivide(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) div -= 1.0;
        if (div != 0) {
            double floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) floorDiv += 1.0;
            return floorDiv;
        }
        return Math.copySign(0.0, x / y);
    }

    /** Python's float %: the result has the sign of y. y is nonzero. */
    static double floatModulo(double x, double y) {
        double mod = x % y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) mod += y;
            return mod;
        }
        return Math.copySign(0.0, y);
    }

    private static boolean isOddInteger(double d) {
        return Math.abs(d) % 2.0 == 1.0;
    }

    /** float ** float as CPython's float_pow; a complex for a negative base and fractional exponent. */
    static Object floatPower(double x, double y) {
        if (y == 0) return 1.0;
        if (Double.isNaN(x)) return x;
        if (Double.isNaN(y)) return x == 1.0 ? 1.0 : y;
        if (Double.isInfinite(y)) {
            double ax = Math.abs(x);
            if (ax == 1.0) return 1.0;
            if ((y > 0) == (ax > 1.0)) return Double.POSITIVE_INFINITY;
            return 0.0;
        }
        if (Double.isInfinite(x)) {
            boolean odd = isOddInteger(y);
            if (y > 0) return odd ? x : Math.abs(x);
            return odd ? Math.copySign(0.0, x) : 0.0;
        }
        if (x == 0) {
            if (y < 0) throw Py.zeroDivisionError("0.0 cannot be raised to a negative power");
            return isOddInteger(y) ? x : 0.0;
        }
        boolean negate = false;
        if (x < 0) {
            if (y != Math.floor(y)) {
                return ComplexMethods.power(new PyComplex(x, 0), new PyComplex(y, 0));
            }
            x = -x;
            negate = isOddInteger(y);
        }
        if (x == 1.0) return negate ? -1.0 : 1.0;
        double r = positivePower(x, y);
        if (Double.isInfinite(r)) {
            throw new PyBaseException(PyExc.OverflowError, 34L, "Numerical result out of range").toThrowable();
        }
        return negate ? -r : r;
    }

    /**
     * x ** y for finite positive x != 1 and finite nonzero y. CPython calls the C library's pow;
     * glibc's is not correctly rounded either (it differs from the correctly rounded result about
     * once in a thousand, near halfway cases), so no Java computation matches it bit for bit.
     * Math.pow agrees with it as often as a correctly rounded power would, and is fast; squares
     * and square roots, the commonest cases, are computed exactly rounded directly.
     */
    static double positivePower(double x, double y) {
        if (y == 2) return x * x;
        if (y == 0.5) return Math.sqrt(x);
        return Math.pow(x, y);
    }

    // ------------------------------------------------------------------ conversions

    /** An int as a double, rounded to nearest; OverflowError when it is too large. */
    static double bigToDouble(BigInteger b) {
        double d = b.doubleValue();
        if (Double.isInfinite(d)) throw Py.overflowError("int too large to convert to float");
        return d;
    }

    /**
     * A real number as a Java double: int (OverflowError when too large), bool, float, subclass
     * instances, and objects with __float__ or __index__.
     */
    public static double toDouble(Object o) {
        if (o instanceof Double d) return d;
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1.0 : 0.0;
        if (o instanceof BigInteger b) return bigToDouble(b);
        if (o instanceof PyBoxed b && (b.value instanceof Double || isInt(b.value))
                && Ops.typeOf(o).lookup("__float__") == Ops.typeOf(b.value).lookup("__float__")) {
            return toDouble(b.value);
        }
        Object f = Ops.callSpecial(o, "__float__");
        if (f != null) {
            Object v = Ops.unbox(f);
            if (!(v instanceof Double d)) {
                throw Py.typeError(Ops.typeName(o) + ".__float__ returned non-float (type " + Ops.typeName(f) + ")");
            }
            return d;
        }
        if (Ops.typeOf(o).lookup("__index__") != null) return toDouble(Ops.index(o));
        throw Py.typeError("must be real number, not " + Ops.typeName(o));
    }

    /** int(d) for a float: truncation toward zero, exact for any magnitude. */
    static Object floatToInt(double d) {
        if (d > -0x1p63 && d < 0x1p63) return (long) d;
        if (Double.isNaN(d)) throw Py.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Py.overflowError("cannot convert float infinity to integer");
        return Py.newInt(integralDoubleToBig(d));
    }

    /** The exact BigInteger value of an integral double. */
    static BigInteger integralDoubleToBig(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1075;
        long mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
        BigInteger m = BigInteger.valueOf(mantissa);
        m = exponent >= 0 ? m.shiftLeft(exponent) : m.shiftRight(-exponent);
        return d < 0 ? m.negate() : m;
    }

    // ================================================================== comparisons

    /** a op b for two numbers, as a Boolean. Orderings involving complex raise TypeError. */
    public static Object compare(CompareOp op, Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                long l = x;
                long r = y;
                return switch (op) {
                    case LT -> Py.bool(l < r);
                    case LE -> Py.bool(l <= r);
                    case EQ -> Py.bool(l == r);
                    case NE -> Py.bool(l != r);
                    case GT -> Py.bool(l > r);
                    case GE -> Py.bool(l >= r);
                };
            }
            if (b instanceof Double y) return result(op, compareLongDouble(x, y));
        } else if (a instanceof Double x) {
            if (b instanceof Double y) {
                double l = x;
                double r = y;
                return switch (op) {
                    case LT -> Py.bool(l < r);
                    case LE -> Py.bool(l <= r);
                    case EQ -> Py.bool(l == r);
                    case NE -> Py.bool(l != r);
                    case GT -> Py.bool(l > r);
                    case GE -> Py.bool(l >= r);
                };
            }
            if (b instanceof Long y) return result(op, swap(compareLongDouble(y, x)));
        }
        return slowCompare(op, a, b);
    }

    private static Object slowCompare(CompareOp op, Object a, Object b) {
        if (a instanceof PyComplex || b instanceof PyComplex) {
            if (op == CompareOp.EQ || op == CompareOp.NE) {
                boolean eq = a instanceof PyComplex c ? ComplexMethods.equalsNumber(c, b)
                        : ComplexMethods.equalsNumber((PyComplex) b, a);
                return Py.bool(eq == (op == CompareOp.EQ));
            }
            throw Py.typeError("'" + op.symbol + "' not supported between instances of '" + Ops.typeName(a)
                    + "' and '" + Ops.typeName(b) + "'");
        }
        if (a instanceof Boolean x) return compare(op, x ? 1L : 0L, b);
        if (b instanceof Boolean y) return compare(op, a, y ? 1L : 0L);
        int c = compareReal(a, b);
        if (c == Integer.MIN_VALUE) return Py.NotImplemented;
        return result(op, c);
    }

    /**
     * Exact comparison of two real numbers (int, bool, float in any mix): -1, 0, 1, UNORDERED for
     * NaN, or Integer.MIN_VALUE when either is not a real number.
     */
    static int compareReal(Object a, Object b) {
        if (a instanceof Boolean x) a = x ? 1L : 0L;
        if (b instanceof Boolean y) b = y ? 1L : 0L;
        if (a instanceof Double x) {
            if (b instanceof Double y) return compareDoubles(x, y);
            if (b instanceof Long y) return swap(compareLongDouble(y, x));
            if (b instanceof BigInteger y) return swap(compareBigDouble(y, x));
            return Integer.MIN_VALUE;
        }
        if (b instanceof Double y) {
            if (a instanceof Long x) return compareLongDouble(x, y);
            if (a instanceof BigInteger x) return compareBigDouble(x, y);
            return Integer.MIN_VALUE;
        }
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (isInt(a) && isInt(b)) return Integer.signum(toBig(a).compareTo(toBig(b)));
        return Integer.MIN_VALUE;
    }

    private static int swap(int c) {
        return c == UNORDERED ? UNORDERED : -c;
    }

    private static int compareDoubles(double x, double y) {
        if (x < y) return -1;
        if (x > y) return 1;
        if (x == y) return 0;
        return UNORDERED;
    }

    /** Exact comparison of a long with a double. */
    static int compareLongDouble(long x, double y) {
        if (y != y) return UNORDERED;
        if (y >= 0x1p63) return -1;
        if (y < -0x1p63) return 1;
        long t = (long) y;
        if (x != t) return x < t ? -1 : 1;
        double fraction = y - t;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    private static int compareBigDouble(BigInteger x, double y) {
        if (y != y) return UNORDERED;
        if (Double.isInfinite(y)) return y > 0 ? -1 : 1;
        if (Py.fitsLong(x)) return compareLongDouble(x.longValue(), y);
        // |x| >= 2**63: a double of smaller magnitude cannot tie; a larger one is an integer.
        if (Math.abs(y) < 0x1p63) return x.signum();
        return Integer.signum(x.compareTo(integralDoubleToBig(y)));
    }

    private static Boolean result(CompareOp op, int c) {
        if (c == UNORDERED) return Py.bool(op == CompareOp.NE);
        return switch (op) {
            case LT -> Py.bool(c < 0);
            case LE -> Py.bool(c <= 0);
            case EQ -> Py.bool(c == 0);
            case NE -> Py.bool(c != 0);
            case GT -> Py.bool(c > 0);
            case GE -> Py.bool(c >= 0);
        };
    }

    // ================================================================== unary operators

    public static Object negative(Object a) {
        if (a instanceof Long l) return l == Long.MIN_VALUE ? LONG_MIN_NEGATED : (Object) (-l);
        if (a instanceof Double d) return -d;
        if (a instanceof Boolean b) return b ? -1L : 0L;
        if (a instanceof BigInteger b) return Py.newInt(b.negate());
        if (a instanceof PyComplex c) return new PyComplex(-c.real, -c.imag);
        throw new IllegalArgumentException("not a number: " + a);
    }

    public static Object positive(Object a) {
        if (a instanceof Boolean b) return b ? 1L : 0L;
        if (a instanceof PyComplex c) return new PyComplex(c.real, c.imag);
        return a;
    }

    public static Object invert(Object a) {
        if (a instanceof Long l) return ~l;
        if (a instanceof Boolean b) return b ? -2L : -1L;
        if (a instanceof BigInteger b) return Py.newInt(b.not());
        throw new IllegalArgumentException("not an int: " + a);
    }

    /** abs(x): numbers directly, anything else through __abs__. */
    public static Object abs(Object a) {
        if (a instanceof Long l) {
            if (l >= 0) return l;
            return l == Long.MIN_VALUE ? LONG_MIN_NEGATED : (Object) (-l);
        }
        if (a instanceof Double d) return Math.abs(d);
        if (a instanceof Boolean b) return b ? 1L : 0L;
        if (a instanceof BigInteger b) return Py.newInt(b.abs());
        if (a instanceof PyComplex c) return ComplexMethods.abs(c);
        Object r = Ops.callSpecial(a, "__abs__");
        if (r == null) throw Py.typeError("bad operand type for abs(): '" + Ops.typeName(a) + "'");
        return r;
    }

    // ================================================================== divmod, pow, round

    /** Python's //, for any operands. */
    public static Object floorDiv(Object a, Object b) { return Ops.binaryOp(a, b, BinaryOp.FLOOR_DIVIDE); }

    /** Python's %, for any operands. */
    public static Object mod(Object a, Object b) { return Ops.binaryOp(a, b, BinaryOp.REMAINDER); }

    /** Python's ** (two-argument pow), for any operands. */
    public static Object pow(Object a, Object b) { return Ops.binaryOp(a, b, BinaryOp.POWER); }

    /** divmod(a, b) for two numbers, or NotImplemented when not defined (complex). */
    static Object numberDivmod(Object a, Object b) {
        if (a instanceof Boolean x) a = x ? 1L : 0L;
        if (b instanceof Boolean y) b = y ? 1L : 0L;
        if (a instanceof Long x && b instanceof Long y) {
            long l = x;
            long r = y;
            if (r == 0) throw Py.zeroDivisionError("integer division or modulo by zero");
            if (r != -1 || l != Long.MIN_VALUE) return PyTuple.of(Math.floorDiv(l, r), Math.floorMod(l, r));
        }
        if (a instanceof PyComplex || b instanceof PyComplex) return Py.NotImplemented;
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (y == 0) throw Py.zeroDivisionError("float divmod()");
            return PyTuple.of(floatFloorDivide(x, y), floatModulo(x, y));
        }
        if (isInt(a) && isInt(b)) {
            BigInteger y = toBig(b);
            if (y.signum() == 0) throw Py.zeroDivisionError("integer division or modulo by zero");
            BigInteger[] qr = toBig(a).divideAndRemainder(y);
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                qr[0] = qr[0].subtract(BigInteger.ONE);
                qr[1] = qr[1].add(y);
            }
            return PyTuple.of(Py.newInt(qr[0]), Py.newInt(qr[1]));
        }
        return Py.NotImplemented;
    }

    /** The builtin divmod(a, b): numbers directly, other types through __divmod__/__rdivmod__. */
    public static Object divmod(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            Object r = numberDivmod(a, b);
            if (r != Py.NotImplemented) return r;
        }
        Object r = binaryProtocol(a, b, "__divmod__", "__rdivmod__");
        if (r != Py.NotImplemented) return r;
        throw Py.typeError("unsupported operand type(s) for divmod(): '" + Ops.typeName(a) + "' and '"
                + Ops.typeName(b) + "'");
    }

    /** CPython's binary_op1 for a dunder pair not covered by Ops.binaryOp; NotImplemented when both decline. */
    private static Object binaryProtocol(Object a, Object b, String name, String reflected) {
        PyType ta = Ops.typeOf(a);
        PyType tb = Ops.typeOf(b);
        boolean reflectedFirst = ta != tb && tb.isSubtypeOf(ta) && tb.lookup(reflected) != null
                && tb.lookup(reflected) != ta.lookup(reflected);
        if (reflectedFirst) {
            Object r = Ops.callSpecial(b, reflected, a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        Object r = Ops.callSpecial(a, name, b);
        if (r != null && r != Py.NotImplemented) return r;
        if (ta != tb && !reflectedFirst) {
            r = Ops.callSpecial(b, reflected, a);
            if (r != null && r != Py.NotImplemented) return r;
        }
        return Py.NotImplemented;
    }

    /** The builtin pow(a, b, mod); mod null or None means two-argument pow. */
    public static Object pow(Object a, Object b, Object mod) {
        if (mod == null || mod == Py.None) return pow(a, b);
        if (isNumber(a) && isNumber(b) && isNumber(mod)) {
            Object r = ternaryPower(a, b, mod);
            if (r != Py.NotImplemented) return r;
        }
        // Three-argument pow never calls __rpow__ (CPython's slot_nb_power).
        Object r = Ops.callSpecial(a, "__pow__", b, mod);
        if (r != null && r != Py.NotImplemented) return r;
        throw Py.typeError("unsupported operand type(s) for ** or pow(): '" + Ops.typeName(a) + "', '"
                + Ops.typeName(b) + "', '" + Ops.typeName(mod) + "'");
    }

    /** pow(a, b, mod) for three numbers: modular exponentiation for ints, errors for the others. */
    static Object ternaryPower(Object a, Object b, Object mod) {
        if (a instanceof PyComplex || b instanceof PyComplex || mod instanceof PyComplex) {
            throw Py.valueError("complex modulo");
        }
        if (!isInt(a) || !isInt(b) || !isInt(mod)) {
            throw Py.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        return intPowMod(a, b, mod);
    }

    /** pow(base, exponent, modulus) for ints, including a negative exponent (modular inverse). */
    static Object intPowMod(Object base, Object exponent, Object modulus) {
        if (modulus instanceof Boolean m) modulus = m ? 1L : 0L;
        if (modulus instanceof Long m && m == 0 || modulus instanceof BigInteger mb && mb.signum() == 0) {
            throw Py.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger m = toBig(modulus);
        boolean negativeResult = m.signum() < 0;
        m = m.abs();
        if (m.equals(BigInteger.ONE)) return 0L;
        BigInteger x = toBig(base);
        BigInteger e = toBig(exponent);
        if (e.signum() < 0) {
            try {
                x = x.modInverse(m);
            } catch (ArithmeticException notInvertible) {
                throw Py.valueError("base is not invertible for the given modulus");
            }
            e = e.negate();
        }
        BigInteger r;
        if (m.bitLength() <= 31 && e.bitLength() <= 63) {
            r = BigInteger.valueOf(smallPowMod(floorModulo(x, m).longValue(), e.longValue(), m.longValue()));
        } else {
            r = x.modPow(e, m);
        }
        if (negativeResult && r.signum() != 0) r = r.subtract(m);
        return Py.newInt(r);
    }

    /** base ** e % m for 0 &lt;= base &lt; m &lt; 2**31: products fit a long. */
    private static long smallPowMod(long base, long e, long m) {
        long result = 1 % m;
        while (e > 0) {
            if ((e & 1) != 0) result = result * base % m;
            base = base * base % m;
            e >>= 1;
        }
        return result;
    }

    /**
     * The builtin round(x[, ndigits]); ndigits null (absent) or None rounds to an int. Numbers are
     * handled directly, anything else through __round__.
     */
    public static Object round(Object x, Object ndigits) {
        boolean toInt = ndigits == null || ndigits == Py.None;
        if (x instanceof Double d) {
            return toInt ? floatToInt(Math.rint(d)) : FloatMethods.round(d, clampedIndex(ndigits));
        }
        if (isInt(x)) return toInt ? positive(x) : roundInt(x, Ops.index(ndigits));
        Object r = toInt ? Ops.callSpecial(x, "__round__") : Ops.callSpecial(x, "__round__", ndigits);
        if (r == null) throw Py.typeError("type " + Ops.typeName(x) + " doesn't define __round__ method");
        return r;
    }

    /** index(o) clamped to the long range, as PyNumber_AsSsize_t with no error type. */
    static long clampedIndex(Object o) {
        Object i = Ops.index(o);
        if (i instanceof Long l) return l;
        return ((BigInteger) i).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** round(int, ndigits): unchanged for ndigits &gt;= 0, else round half to even at 10**-ndigits. */
    static Object roundInt(Object x, Object ndigits) {
        x = positive(x);
        boolean nonNegative = ndigits instanceof Long l ? l >= 0 : ((BigInteger) ndigits).signum() >= 0;
        if (nonNegative) return x;
        BigInteger digits = toBig(ndigits).negate();
        BigInteger value = toBig(x);
        // 10**k > 8**k >= 2 * 2**bitLength > 2|x| makes the result 0.
        if (digits.bitLength() > 31 || digits.longValue() * 3 >= value.bitLength() + 1) return 0L;
        int k = digits.intValue();
        if (x instanceof Long l && k <= 18) {
            long p = LONG_POWERS_OF_TEN[k];
            long q = Math.floorDiv(l, p);
            long r = Math.floorMod(l, p);
            long twice = r * 2;
            if (twice > p || (twice == p && (q & 1) != 0)) r -= p;
            return longBinary(BinaryOp.SUBTRACT, l, r);
        }
        BigInteger p = BigInteger.TEN.pow(k);
        BigInteger[] qr = value.divideAndRemainder(p);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() < 0) {
            q = q.subtract(BigInteger.ONE);
            r = r.add(p);
        }
        int c = r.shiftLeft(1).compareTo(p);
        if (c > 0 || (c == 0 && q.testBit(0))) r = r.subtract(p);
        return Py.newInt(value.subtract(r));
    }

    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    // ================================================================== hashing

    /** CPython's hash of an int: the value modulo 2**61 - 1 with the sign kept; -1 becomes -2. */
    public static long hashLong(long v) {
        if (v >= 0) return v < HASH_MODULUS ? v : v % HASH_MODULUS;
        if (v == Long.MIN_VALUE) return -4;
        long h = -((-v) % HASH_MODULUS);
        return h == -1 ? -2 : h;
    }

    public static long hashBig(BigInteger b) {
        if (b.bitLength() < 64) return hashLong(b.longValue());
        long h = b.abs().mod(BIG_HASH_MODULUS).longValue();
        if (b.signum() < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /** hash() of a float object: as {@link #hashDouble(double)}, but a NaN hashes by identity (3.10+). */
    public static long hashDouble(Double d) {
        double v = d;
        if (v != v) return System.identityHashCode(d);
        return hashDouble(v);
    }

    /**
     * CPython's _Py_HashDouble: equal to the hash of the int for integral values, otherwise the
     * exact binary value reduced modulo 2**61 - 1. NaN gives 0 here (no object identity).
     */
    public static long hashDouble(double v) {
        if (v > -0x1p63 && v < 0x1p63) {
            long l = (long) v;
            if (l == v) return hashLong(l);
        }
        if (v != v) return 0;
        if (Double.isInfinite(v)) return v > 0 ? HASH_INF : -HASH_INF;
        int sign = 1;
        double m = v;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        // frexp: m = fraction * 2**e with fraction in [0.5, 1)
        int scale = 0;
        if (m < Double.MIN_NORMAL) {
            m *= 0x1p54;
            scale = 54;
        }
        int e = Math.getExponent(m) + 1;
        m = Math.scalb(m, -e);
        e -= scale;
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & HASH_MODULUS) | x >>> (HASH_BITS - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= HASH_MODULUS) x -= HASH_MODULUS;
        }
        e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
        x = ((x << e) & HASH_MODULUS) | x >>> (HASH_BITS - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }
}
