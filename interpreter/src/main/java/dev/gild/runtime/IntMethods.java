package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;

/**
 * Python's int and bool: the constructors (int() with string parsing in any base, bool()), the
 * arithmetic and comparison dunders (which delegate to {@link NumberOps}), the conversion
 * dunders, and the methods (bit_length, to_bytes, from_bytes, ...).
 */
public final class IntMethods {
    private IntMethods() {}

    static void install() {
        installInt();
        installBool();
    }

    // ================================================================== parsing and printing

    /** int(s, base) for a str: Python's int literal syntax; ValueError as int() raises it. */
    public static Object parseInt(String s, int base) { return parseInt(s, s, base); }

    /**
     * Parses text as int(original, base) does (CPython's PyLong_FromString): surrounding
     * whitespace, a sign, an optional 0x/0o/0b prefix matching the base (any of them for base 0),
     * digits with single underscores between them. Errors quote repr(original).
     */
    static Object parseInt(Object original, String text, int base) {
        String s = FloatMethods.toAsciiDigits(text);
        int end = s.length();
        int i = 0;
        while (i < end && FloatMethods.isSpace(s.charAt(i))) i++;
        while (end > i && FloatMethods.isSpace(s.charAt(end - 1))) end--;
        boolean negative = false;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = base;
        boolean onlyZerosAllowed = false;
        char prefix = i + 1 < end && s.charAt(i) == '0' ? Character.toLowerCase(s.charAt(i + 1)) : 0;
        if (radix == 0) {
            if (i < end && s.charAt(i) != '0') radix = 10;
            else if (prefix == 'x') radix = 16;
            else if (prefix == 'o') radix = 8;
            else if (prefix == 'b') radix = 2;
            else {
                onlyZerosAllowed = true;
                radix = 10;
            }
        }
        if ((radix == 16 && prefix == 'x') || (radix == 8 && prefix == 'o') || (radix == 2 && prefix == 'b')) {
            i += 2;
            if (i < end && s.charAt(i) == '_') i++;
        }
        if (i >= end || s.charAt(i) == '_') throw invalidLiteral(original, base);
        char[] digits = new char[end - i];
        int count = 0;
        char prev = 0;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (prev == '_') throw invalidLiteral(original, base);
            } else {
                if (Character.digit(c, radix) < 0) throw invalidLiteral(original, base);
                digits[count++] = c;
            }
            prev = c;
        }
        if (prev == '_') throw invalidLiteral(original, base);
        if (onlyZerosAllowed) {
            for (int k = 0; k < count; k++) if (digits[k] != '0') throw invalidLiteral(original, base);
            return 0L;
        }
        return parseDigits(digits, count, radix, negative);
    }

    private static PyException invalidLiteral(Object original, int base) {
        String r = Ops.repr(original);
        if (r.codePointCount(0, r.length()) > 200) r = r.substring(0, r.offsetByCodePoints(0, 200));
        return Py.valueError("invalid literal for int() with base " + base + ": " + r);
    }

    /** Longest digit string in each radix that surely fits a long. */
    private static final int[] SAFE_LONG_DIGITS = new int[37];

    static {
        for (int r = 2; r <= 36; r++) SAFE_LONG_DIGITS[r] = (int) Math.floor(63 / (Math.log(r) / Math.log(2)));
    }

    /** Validated digits (no sign, no underscores) to an int. */
    private static Object parseDigits(char[] digits, int count, int radix, boolean negative) {
        if (count <= SAFE_LONG_DIGITS[radix]) {
            long v = 0;
            for (int k = 0; k < count; k++) v = v * radix + Character.digit(digits[k], radix);
            return negative ? -v : v;
        }
        BigInteger v = parseBig(digits, 0, count, radix);
        return Py.newInt(negative ? v.negate() : v);
    }

    /**
     * Digits to a BigInteger by divide and conquer (high half * radix**len(low half) + low half),
     * so that huge literals convert in subquadratic time.
     */
    private static BigInteger parseBig(char[] digits, int from, int to, int radix) {
        int n = to - from;
        if (n <= 1000) return new BigInteger(new String(digits, from, n), radix);
        int lowLength = n / 2;
        int mid = to - lowLength;
        BigInteger high = parseBig(digits, from, mid, radix);
        BigInteger low = parseBig(digits, mid, to, radix);
        if (Integer.bitCount(radix) == 1) {
            return high.shiftLeft(lowLength * Integer.numberOfTrailingZeros(radix)).or(low);
        }
        return high.multiply(BigInteger.valueOf(radix).pow(lowLength)).add(low);
    }

    /**
     * An int in the given radix with a prefix after the sign, as hex()/oct()/bin() print it:
     * toString(-31, 16, "0x") is "-0x1f".
     */
    public static String toString(Object intValue, int radix, String prefix) {
        Object v = Ops.unbox(intValue);
        if (v instanceof Boolean b) v = b ? 1L : 0L;
        if (v instanceof Long l) {
            if (l >= 0) return prefix + Long.toString(l, radix);
            if (l != Long.MIN_VALUE) return "-" + prefix + Long.toString(-l, radix);
            v = BigInteger.valueOf(l);
        }
        BigInteger b = (BigInteger) v;
        if (b.signum() >= 0) return prefix + b.toString(radix);
        return "-" + prefix + b.negate().toString(radix);
    }

    // ================================================================== int()

    /** int(x) without a base (CPython's PyNumber_Long). */
    static Object intValue(Object x) {
        if (x instanceof Long || x instanceof BigInteger) return x;
        if (x instanceof Boolean b) return b ? 1L : 0L;
        if (x instanceof Double d) return NumberOps.floatToInt(d);
        if (x instanceof String s) return parseInt(s, s, 10);
        PyType t = Ops.typeOf(x);
        if (t.lookup("__int__") != null) {
            Object r = Ops.callSpecial(x, "__int__");
            Object v = Ops.unbox(r);
            if (!NumberOps.isInt(v)) throw Py.typeError("__int__ returned non-int (type " + Ops.typeName(r) + ")");
            return NumberOps.positive(v);
        }
        if (t.lookup("__index__") != null) return Ops.index(x);
        if (t.lookup("__trunc__") != null) {
            Object r = Ops.callSpecial(x, "__trunc__");
            Object v = Ops.unbox(r);
            if (NumberOps.isInt(v)) return NumberOps.positive(v);
            if (Ops.typeOf(r).lookup("__index__") == null) {
                throw Py.typeError("__trunc__ returned non-Integral (type " + Ops.typeName(r) + ")");
            }
            return Ops.index(r);
        }
        Object v = Ops.unbox(x);
        if (v instanceof String s) return parseInt(x, s, 10);
        if (v instanceof PyBytes b) return parseInt(x, FloatMethods.latin1(b.bytes, b.bytes.length), 10);
        if (v instanceof PyByteArray b) return parseInt(x, FloatMethods.latin1(b.bytes, b.size), 10);
        throw Py.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + Ops.typeName(x) + "'");
    }

    /** int(x, base): x must be a str, bytes or bytearray. */
    static Object intWithBase(Object x, Object baseArg) {
        long base = NumberOps.clampedIndex(baseArg);
        if ((base != 0 && base < 2) || base > 36) throw Py.valueError("int() base must be >= 2 and <= 36, or 0");
        Object v = Ops.unbox(x);
        if (v instanceof String s) return parseInt(x, s, (int) base);
        if (v instanceof PyBytes b) return parseInt(x, FloatMethods.latin1(b.bytes, b.bytes.length), (int) base);
        if (v instanceof PyByteArray b) return parseInt(x, FloatMethods.latin1(b.bytes, b.size), (int) base);
        throw Py.typeError("int() can't convert non-string with explicit base");
    }

    /** int.__new__(cls, x=0, base=10). */
    static Object construct(Object[] args, String[] kwnames) {
        PyType cls = (PyType) args[0];
        int kwCount = Args.kwCount(kwnames);
        int npos = args.length - kwCount - 1;
        if (npos + kwCount > 2) throw Py.typeError("int() takes at most 2 arguments (" + (npos + kwCount) + " given)");
        Object x = npos >= 1 ? args[1] : null;
        Object base = npos >= 2 ? args[2] : null;
        for (int k = 0; k < kwCount; k++) {
            if (!kwnames[k].equals("base")) {
                throw Py.typeError("'" + kwnames[k] + "' is an invalid keyword argument for int()");
            }
            if (base != null) throw Py.typeError("argument for int() given by name ('base') and position (2)");
            base = args[args.length - kwCount + k];
        }
        if (cls == PyTypes.BOOL) throw Py.typeError("int.__new__(bool) is not safe, use bool.__new__()");
        if (!cls.isSubtypeOf(PyTypes.INT)) {
            throw Py.typeError("int.__new__(" + cls.getName() + "): " + cls.getName() + " is not a subtype of int");
        }
        Object value;
        if (x == null) {
            if (base != null) throw Py.typeError("int() missing string argument");
            value = 0L;
        } else {
            value = base == null ? intValue(x) : intWithBase(x, base);
        }
        return cls == PyTypes.INT ? value : new PyBoxed(cls, value);
    }

    // ================================================================== dunder helpers

    /** The argument count check of CPython's slot wrappers: "expected 1 argument, got 0". */
    static void checkArity(String name, Object[] args, String[] kwnames, int expected) {
        if (kwnames != null && kwnames.length > 0) throw Py.typeError("wrapper " + name + "() takes no keyword arguments");
        int given = args.length - 1;
        if (given != expected) {
            throw Py.typeError("expected " + expected + " argument" + (expected == 1 ? "" : "s") + ", got " + given);
        }
    }

    /** The argument check of the __pow__/__rpow__ slot wrappers (one or two arguments). */
    static void checkPowerArity(String name, Object[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) throw Py.typeError("wrapper " + name + "() takes no keyword arguments");
        // CPython's message starts with a space: the function name it formats in is empty.
        int given = args.length - 1;
        if (given < 1) throw Py.typeError(" expected at least 1 argument, got " + given);
        if (given > 2) throw Py.typeError(" expected at most 2 arguments, got " + given);
    }

    /** The receiver of an int method as a Long or BigInteger (bools become 0/1). */
    static Object self(Object o, String name) {
        Object v = Ops.unbox(o);
        if (v instanceof Long || v instanceof BigInteger) return v;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        throw Py.typeError("descriptor '" + name + "' requires a 'int' object but received a '"
                + Ops.typeName(o) + "'");
    }

    /** The other operand of an int dunder as a Long or BigInteger, or null when it is not an int. */
    private static Object other(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof Long || v instanceof BigInteger) return v;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        return null;
    }

    // ================================================================== int type

    private static void installInt() {
        PyType t = PyTypes.INT;
        t.defineStatic("__new__", IntMethods::construct);
        BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.SUBTRACT, BinaryOp.MULTIPLY, BinaryOp.TRUE_DIVIDE,
                BinaryOp.FLOOR_DIVIDE, BinaryOp.REMAINDER, BinaryOp.LSHIFT, BinaryOp.RSHIFT, BinaryOp.AND,
                BinaryOp.OR, BinaryOp.XOR};
        for (BinaryOp op : ops) {
            String name = op.dunder;
            String reflected = op.reflected();
            t.define(name, (args, kw) -> {
                checkArity(name, args, kw, 1);
                Object a = self(args[0], name);
                Object b = other(args[1]);
                return b == null ? Py.NotImplemented : NumberOps.binary(op, a, b);
            });
            t.define(reflected, (args, kw) -> {
                checkArity(reflected, args, kw, 1);
                Object a = self(args[0], reflected);
                Object b = other(args[1]);
                return b == null ? Py.NotImplemented : NumberOps.binary(op, b, a);
            });
        }
        t.define("__pow__", (args, kw) -> powerDunder(args, kw, "__pow__", false));
        t.define("__rpow__", (args, kw) -> powerDunder(args, kw, "__rpow__", true));
        t.define("__divmod__", (args, kw) -> {
            checkArity("__divmod__", args, kw, 1);
            Object a = self(args[0], "__divmod__");
            Object b = other(args[1]);
            return b == null ? Py.NotImplemented : NumberOps.numberDivmod(a, b);
        });
        t.define("__rdivmod__", (args, kw) -> {
            checkArity("__rdivmod__", args, kw, 1);
            Object a = self(args[0], "__rdivmod__");
            Object b = other(args[1]);
            return b == null ? Py.NotImplemented : NumberOps.numberDivmod(b, a);
        });
        for (CompareOp op : CompareOp.values()) {
            t.define(op.dunder, (args, kw) -> {
                checkArity(op.dunder, args, kw, 1);
                Object a = self(args[0], op.dunder);
                Object b = other(args[1]);
                return b == null ? Py.NotImplemented : NumberOps.compare(op, a, b);
            });
        }
        t.define("__neg__", (args, kw) -> {
            checkArity("__neg__", args, kw, 0);
            return NumberOps.negative(self(args[0], "__neg__"));
        });
        t.define("__pos__", (args, kw) -> {
            checkArity("__pos__", args, kw, 0);
            return self(args[0], "__pos__");
        });
        t.define("__abs__", (args, kw) -> {
            checkArity("__abs__", args, kw, 0);
            return NumberOps.abs(self(args[0], "__abs__"));
        });
        t.define("__invert__", (args, kw) -> {
            checkArity("__invert__", args, kw, 0);
            return NumberOps.invert(self(args[0], "__invert__"));
        });
        t.define("__bool__", (args, kw) -> {
            checkArity("__bool__", args, kw, 0);
            Object v = self(args[0], "__bool__");
            return Py.bool(v instanceof Long l ? l != 0 : ((BigInteger) v).signum() != 0);
        });
        t.define("__float__", (args, kw) -> {
            checkArity("__float__", args, kw, 0);
            return NumberOps.toDouble(self(args[0], "__float__"));
        });
        for (String name : new String[] {"__int__", "__index__", "__trunc__", "__floor__", "__ceil__"}) {
            t.define(name, (args, kw) -> {
                checkArity(name, args, kw, 0);
                return self(args[0], name);
            });
        }
        t.define("__round__", (args, kw) -> {
            Args.check("__round__", args, kw, 1, 0, 1);
            Object v = self(args[0], "__round__");
            if (args.length == 1 || args[1] == Py.None) return v;
            return NumberOps.roundInt(v, Ops.index(args[1]));
        });
        t.define("__hash__", (args, kw) -> {
            checkArity("__hash__", args, kw, 0);
            return Ops.hash(self(args[0], "__hash__"));
        });
        t.define("__repr__", (args, kw) -> {
            checkArity("__repr__", args, kw, 0);
            return self(args[0], "__repr__").toString();
        });
        t.define("__getnewargs__", (args, kw) -> {
            Args.check("int.__getnewargs__", args, kw, 1, 0, 0);
            return PyTuple.of(self(args[0], "__getnewargs__"));
        });
        t.define("conjugate", (args, kw) -> {
            Args.check("int.conjugate", args, kw, 1, 0, 0);
            return self(args[0], "conjugate");
        });
        t.define("bit_length", (args, kw) -> {
            Args.check("int.bit_length", args, kw, 1, 0, 0);
            return (long) bitLength(self(args[0], "bit_length"));
        });
        t.define("bit_count", (args, kw) -> {
            Args.check("int.bit_count", args, kw, 1, 0, 0);
            Object v = self(args[0], "bit_count");
            if (v instanceof Long l) return l == Long.MIN_VALUE ? 1L : (long) Long.bitCount(Math.abs(l));
            return (long) ((BigInteger) v).abs().bitCount();
        });
        t.define("as_integer_ratio", (args, kw) -> {
            Args.check("int.as_integer_ratio", args, kw, 1, 0, 0);
            return PyTuple.of(self(args[0], "as_integer_ratio"), 1L);
        });
        t.define("to_bytes", IntMethods::toBytes);
        t.defineClassMethod("from_bytes", IntMethods::fromBytes);
        t.defineGetter("real", o -> self(o, "real"));
        t.defineGetter("numerator", o -> self(o, "numerator"));
        t.defineGetter("imag", o -> {
            self(o, "imag");
            return 0L;
        });
        t.defineGetter("denominator", o -> {
            self(o, "denominator");
            return 1L;
        });
    }

    static int bitLength(Object intValue) {
        if (intValue instanceof Long l) {
            return l == Long.MIN_VALUE ? 64 : 64 - Long.numberOfLeadingZeros(Math.abs(l));
        }
        return ((BigInteger) intValue).abs().bitLength();
    }

    private static Object powerDunder(Object[] args, String[] kw, String name, boolean reflected) {
        checkPowerArity(name, args, kw);
        Object a = self(args[0], name);
        Object b = other(args[1]);
        if (b == null) return Py.NotImplemented;
        Object base = reflected ? b : a;
        Object exponent = reflected ? a : b;
        if (args.length == 3 && args[2] != Py.None) {
            Object mod = other(args[2]);
            if (mod == null) return Py.NotImplemented;
            return NumberOps.intPowMod(base, exponent, mod);
        }
        return NumberOps.binary(BinaryOp.POWER, base, exponent);
    }

    /** "big" or "little" as a boolean (true for little), with to_bytes/from_bytes's errors. */
    private static boolean littleEndian(String fname, Object order) {
        if (order == null) return false;
        Object v = Ops.unbox(order);
        if (!(v instanceof String s)) {
            throw Py.typeError(fname + "() argument 'byteorder' must be str, not " + Ops.typeName(order));
        }
        if (s.equals("little")) return true;
        if (s.equals("big")) return false;
        throw Py.valueError("byteorder must be either 'little' or 'big'");
    }

    /** int.to_bytes(length=1, byteorder='big', *, signed=False). */
    private static Object toBytes(Object[] args, String[] kw) {
        Object[] p = Args.parse("to_bytes", args, kw, 1, new String[] {"length", "byteorder", "signed"}, 0, 2);
        Object value = self(args[0], "to_bytes");
        long length = p[0] == null ? 1 : NumberOps.clampedIndex(p[0]);
        if (length < 0) throw Py.valueError("length argument must be non-negative");
        boolean little = littleEndian("to_bytes", p[1]);
        boolean signed = p[2] != null && Ops.isTrue(p[2]);
        BigInteger v = NumberOps.toBig(value);
        if (!signed && v.signum() < 0) throw Py.overflowError("can't convert negative int to unsigned");
        // A sign bit is needed for signed values, except that 0 and -1 fit in zero bytes.
        long needed = signed && v.bitLength() > 0 ? v.bitLength() + 1L : v.bitLength();
        if (needed > length * 8) throw Py.overflowError("int too big to convert");
        if (length > NumberOps.MAX_INT_BITS / 8) throw Py.memoryError();
        byte[] out = new byte[(int) length];
        byte[] twos = v.toByteArray();
        byte fill = (byte) (v.signum() < 0 ? 0xff : 0);
        int copy = Math.min(twos.length, out.length);
        int pad = out.length - copy;
        for (int i = 0; i < pad; i++) out[i] = fill;
        System.arraycopy(twos, twos.length - copy, out, pad, copy);
        if (little) reverse(out);
        return new PyBytes(out);
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte tmp = b[i];
            b[i] = b[j];
            b[j] = tmp;
        }
    }

    /** int.from_bytes(bytes, byteorder='big', *, signed=False), a class method. */
    private static Object fromBytes(Object[] args, String[] kw) {
        Object[] p = Args.parse("from_bytes", args, kw, 1, new String[] {"bytes", "byteorder", "signed"}, 1, 2);
        PyType cls = (PyType) args[0];
        byte[] bytes = bytesOf(p[0]);
        boolean little = littleEndian("from_bytes", p[1]);
        boolean signed = p[2] != null && Ops.isTrue(p[2]);
        if (little) reverse(bytes);
        Object value;
        if (bytes.length == 0) value = 0L;
        else value = Py.newInt(signed ? new BigInteger(bytes) : new BigInteger(1, bytes));
        return cls == PyTypes.INT ? value : Ops.call(cls, value);
    }

    /** bytes(o) for from_bytes: a fresh copy of a bytes-like object, or the items of an iterable of ints. */
    private static byte[] bytesOf(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof PyBytes b) return b.bytes.clone();
        if (v instanceof PyByteArray b) return java.util.Arrays.copyOf(b.bytes, b.size);
        if (v instanceof String || NumberOps.isNumber(v) || Ops.typeOf(o).lookup("__iter__") == null
                && Ops.typeOf(o).lookup("__getitem__") == null) {
            throw Py.typeError("cannot convert '" + Ops.typeName(o) + "' object to bytes");
        }
        Object[] items = Ops.toArray(o);
        byte[] out = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            long b = Ops.indexLong(items[i]);
            if (b < 0 || b > 255) throw Py.valueError("bytes must be in range(0, 256)");
            out[i] = (byte) b;
        }
        return out;
    }

    // ================================================================== bool type

    private static void installBool() {
        PyType t = PyTypes.BOOL;
        t.defineStatic("__new__", (args, kw) -> {
            Args.check("bool", args, kw, 1, 0, 1);
            return Py.bool(args.length > 1 && Ops.isTrue(args[1]));
        });
        t.define("__repr__", (args, kw) -> {
            checkArity("__repr__", args, kw, 0);
            Object v = args[0];
            if (!(v instanceof Boolean b)) {
                throw Py.typeError("descriptor '__repr__' requires a 'bool' object but received a '"
                        + Ops.typeName(v) + "'");
            }
            return b ? "True" : "False";
        });
        for (BinaryOp op : new BinaryOp[] {BinaryOp.AND, BinaryOp.OR, BinaryOp.XOR}) {
            for (boolean reflected : new boolean[] {false, true}) {
                String name = reflected ? op.reflected() : op.dunder;
                t.define(name, (args, kw) -> {
                    checkArity(name, args, kw, 1);
                    Object a = args[0];
                    Object b = args[1];
                    if (a instanceof Boolean && b instanceof Boolean) return NumberOps.binary(op, a, b);
                    Object x = self(a, name);
                    Object y = other(b);
                    if (y == null) return Py.NotImplemented;
                    return reflected ? NumberOps.binary(op, y, x) : NumberOps.binary(op, x, y);
                });
            }
        }
    }
}
