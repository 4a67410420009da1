package dev.gild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The numbers area: int, bool, float and complex. Most expected values come from CPython 3.11
 * through the tables in resources/dev/gild/runtime/numbers (regenerate them with generate.py
 * there); the hand-written tests below cover the corpus's examples readably.
 */
class NumbersTest {
    static {
        // The built-in types must initialise before the exception classes (see the report: PyExc
        // touched first leaves UnicodeEncodeError null while the text installer runs).
        PyTypes.INT.getName();
    }

    // ================================================================== table-driven cases

    @Test
    void casesFromCPython() throws IOException {
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (BufferedReader in = resource("cases.txt")) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) continue;
                count++;
                String[] f = line.split("\t");
                String op = f[0];
                Object[] args = new Object[f.length - 3];
                for (int i = 0; i < args.length; i++) args[i] = decode(f[i + 1]);
                String expected = normalize(f[f.length - 1]);
                String actual;
                try {
                    actual = encode(run(op, args));
                } catch (PyException e) {
                    actual = "E:" + e.type().getName() + ":" + hex(message(e));
                } catch (RuntimeException e) {
                    actual = "Java " + e;
                }
                boolean approximate = op.endsWith("~");
                if (!actual.equals(expected) && !(approximate && withinFewUlps(expected, actual))) {
                    failures.add(op + " " + describe(args) + " expected " + readable(expected) + " got " + readable(actual));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + count + " cases differ from CPython:\n"
                    + String.join("\n", failures.subList(0, Math.min(150, failures.size()))));
        }
    }

    @Test
    void floatReprOfRandomDoubles() throws IOException {
        List<String> failures = new ArrayList<>();
        try (BufferedReader in = resource("float_repr.txt")) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) continue;
                int space = line.indexOf(' ');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, space), 16));
                String expected = line.substring(space + 1);
                String actual = FloatMethods.repr(d);
                if (!actual.equals(expected)) failures.add(expected + " got " + actual);
            }
        }
        if (!failures.isEmpty()) fail(failures.size() + " reprs differ:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static BufferedReader resource(String name) {
        InputStream s = NumbersTest.class.getResourceAsStream("/dev/gild/runtime/numbers/" + name);
        if (s == null) throw new IllegalStateException("missing test resource " + name);
        return new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
    }

    /** Whether two encoded floats or complexes differ by at most 4 ulps in each component (libm accuracy). */
    private static boolean withinFewUlps(String expected, String actual) {
        if (expected.startsWith("E:") || actual.startsWith("E:") || expected.charAt(0) != actual.charAt(0)) return false;
        Object e = decode(expected);
        Object a = decode(actual);
        if (e instanceof Double x && a instanceof Double y) return closeDoubles(x, y);
        if (e instanceof PyComplex x && a instanceof PyComplex y) {
            return closeDoubles(x.real, y.real) && closeDoubles(x.imag, y.imag);
        }
        return false;
    }

    private static boolean closeDoubles(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.isNaN(x) && Double.isNaN(y);
        return x == y || Math.abs(x - y) <= 4 * Math.ulp(x);
    }

    private static Object run(String op, Object[] a) {
        if (op.endsWith("~")) op = op.substring(0, op.length() - 1);
        if (op.startsWith("bin")) return Ops.binaryOp(a[0], a[1], binaryOp(op.substring(3)));
        if (op.startsWith("cmp")) return Ops.compare(a[0], a[1], compareOp(op.substring(3)));
        if (op.startsWith("method:")) return Ops.call(Ops.getattr(a[0], op.substring(7)));
        if (op.startsWith("attr:")) return Ops.getattr(a[0], op.substring(5));
        return switch (op) {
            case "divmod" -> NumberOps.divmod(a[0], a[1]);
            case "neg" -> Ops.negative(a[0]);
            case "pos" -> Ops.positive(a[0]);
            case "abs" -> NumberOps.abs(a[0]);
            case "invert" -> Ops.invert(a[0]);
            case "hash" -> Ops.isTrue(Ops.compare(a[0], a[0], CompareOp.EQ)) ? Ops.hash(a[0]) : 0L;
            case "repr" -> Ops.repr(a[0]);
            case "truth" -> Ops.isTrue(a[0]);
            case "int", "intbase" -> Ops.call(PyTypes.INT, a);
            case "float" -> Ops.call(PyTypes.FLOAT, a);
            case "complex" -> Ops.call(PyTypes.COMPLEX, a);
            case "round" -> NumberOps.round(a[0], null);
            case "round2" -> NumberOps.round(a[0], a[1]);
            case "pow3" -> NumberOps.pow(a[0], a[1], a[2]);
            case "fromhex" -> Ops.call(Ops.getattr(PyTypes.FLOAT, "fromhex"), a);
            case "to_bytes" -> Ops.call(Ops.getattr(a[0], "to_bytes"), new Object[] {a[1], a[2], a[3]}, new String[] {"signed"});
            case "from_bytes" -> Ops.call(Ops.getattr(PyTypes.INT, "from_bytes"), a, new String[] {"signed"});
            default -> throw new IllegalArgumentException("unknown operation " + op);
        };
    }

    private static BinaryOp binaryOp(String symbol) {
        for (BinaryOp op : BinaryOp.values()) if (!op.isInplace() && op.symbol.equals(symbol)) return op;
        throw new IllegalArgumentException(symbol);
    }

    private static CompareOp compareOp(String symbol) {
        for (CompareOp op : CompareOp.values()) if (op.symbol.equals(symbol)) return op;
        throw new IllegalArgumentException(symbol);
    }

    /** str(exception) for exceptions made by the numbers code (one message, or errno and strerror). */
    private static String message(PyException e) {
        Object[] args = e.value.args.items;
        if (args.length == 0) return "";
        if (args.length == 1) return args[0] instanceof String s ? s : Ops.repr(args[0]);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(Ops.repr(args[i]));
        }
        return sb.append(')').toString();
    }

    private static Object decode(String s) {
        String body = s.substring(2);
        return switch (s.charAt(0)) {
            case 'i' -> Py.newInt(new BigInteger(body));
            case 'b' -> body.equals("1");
            case 'f' -> bitsToDouble(body);
            case 'c' -> {
                int comma = body.indexOf(',');
                yield new PyComplex(bitsToDouble(body.substring(0, comma)), bitsToDouble(body.substring(comma + 1)));
            }
            case 's' -> new String(HexFormat.of().parseHex(body), StandardCharsets.UTF_8);
            case 'y' -> new PyBytes(HexFormat.of().parseHex(body));
            case 'N' -> Py.None;
            case 't' -> {
                String[] parts = body.isEmpty() ? new String[0] : body.split(";");
                Object[] items = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) items[i] = decode(parts[i]);
                yield PyTuple.of(items);
            }
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static double bitsToDouble(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    private static String encodeDouble(double d) {
        return d != d ? "nan" : String.format("%016x", Double.doubleToRawLongBits(d));
    }

    private static String encode(Object v) {
        if (v == Py.None) return "N:";
        if (v instanceof Boolean b) return b ? "b:1" : "b:0";
        if (v instanceof Long || v instanceof BigInteger) {
            if (v instanceof BigInteger b && Py.fitsLong(b)) return "not normalised " + b;
            return "i:" + v;
        }
        if (v instanceof Double d) return "f:" + encodeDouble(d);
        if (v instanceof PyComplex c) return "c:" + encodeDouble(c.real) + "," + encodeDouble(c.imag);
        if (v instanceof String s) return "s:" + hex(s);
        if (v instanceof PyBytes b) return "y:" + HexFormat.of().formatHex(b.bytes);
        if (v instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("t:");
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) sb.append(';');
                sb.append(encode(t.get(i)));
            }
            return sb.toString();
        }
        return "unexpected " + v.getClass().getSimpleName();
    }

    /** The expected value re-encoded, so that every NaN reads the same. */
    private static String normalize(String expected) {
        return expected.startsWith("E:") ? expected : encode(decode(expected));
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) {
            if (sb.length() > 0) sb.append(", ");
            String r = a instanceof PyComplex c ? "complex(" + FloatMethods.repr(c.real) + ", " + FloatMethods.repr(c.imag) + ")"
                    : a instanceof PyBytes b ? "bytes" + HexFormat.of().formatHex(b.bytes)
                    : a instanceof PyTuple ? "tuple" : a instanceof String s ? "'" + s + "'" : Ops.repr(a);
            sb.append(r.length() > 80 ? r.substring(0, 80) + "..." : r);
        }
        return sb.toString();
    }

    private static String readable(String encoded) {
        if (encoded.startsWith("E:")) {
            int colon = encoded.indexOf(':', 2);
            String msg = new String(HexFormat.of().parseHex(encoded.substring(colon + 1)), StandardCharsets.UTF_8);
            return encoded.substring(2, colon) + "(" + msg + ")";
        }
        if (!encoded.contains(":") || encoded.startsWith("Java") || encoded.startsWith("unexpected")) return encoded;
        try {
            Object v = decode(encoded);
            String r = v instanceof PyComplex c ? "complex(" + FloatMethods.repr(c.real) + ", " + FloatMethods.repr(c.imag) + ")"
                    : v instanceof String s ? "'" + s + "'" : v instanceof PyBytes ? encoded
                    : v instanceof PyTuple ? encoded : Ops.repr(v);
            return r.length() > 100 ? r.substring(0, 100) + "..." : r;
        } catch (RuntimeException e) {
            return encoded;
        }
    }

    // ================================================================== hand-written cases

    private static Object bin(Object a, BinaryOp op, Object b) { return Ops.binaryOp(a, b, op); }

    private static PyException raises(Runnable r) {
        return assertThrows(PyException.class, r::run);
    }

    private static BigInteger big(String s) { return new BigInteger(s); }

    @Test
    void intArithmeticFastPathsAndOverflow() {
        assertEquals(42L, bin(6L, BinaryOp.MULTIPLY, 7L));
        assertEquals(big("9223372036854775808"), bin(Long.MAX_VALUE, BinaryOp.ADD, 1L));
        assertEquals(big("-9223372036854775809"), bin(Long.MIN_VALUE, BinaryOp.SUBTRACT, 1L));
        assertEquals(big("18446744073709551614"), bin(Long.MAX_VALUE, BinaryOp.MULTIPLY, 2L));
        assertEquals(big("9223372036854775808"), bin(Long.MIN_VALUE, BinaryOp.FLOOR_DIVIDE, -1L));
        assertEquals(big("9223372036854775808"), Ops.negative(Long.MIN_VALUE));
        // Results that fit a long come back as Long even from BigInteger operands.
        assertEquals(1L, bin(big("9223372036854775808"), BinaryOp.SUBTRACT, Long.MAX_VALUE));
        assertEquals(-3L, bin(-7L, BinaryOp.FLOOR_DIVIDE, 3L));
        assertEquals(2L, bin(-7L, BinaryOp.REMAINDER, 3L));
        assertEquals(-2L, bin(7L, BinaryOp.REMAINDER, -3L));
        assertEquals(0.5, bin(1L, BinaryOp.TRUE_DIVIDE, 2L));
        assertEquals(0.25, bin(2L, BinaryOp.POWER, -2L));
        assertEquals(1024L, bin(2L, BinaryOp.POWER, 10L));
        assertEquals(-4L, bin(-16L, BinaryOp.RSHIFT, 2L));
        assertEquals(-1L, bin(-1L, BinaryOp.RSHIFT, 100L));
        assertEquals(big("1267650600228229401496703205376"), bin(1L, BinaryOp.LSHIFT, 100L));
    }

    @Test
    void boolBehavesAsInt() {
        assertEquals(2L, bin(true, BinaryOp.ADD, true));
        assertEquals(Boolean.TRUE, bin(true, BinaryOp.AND, true));
        assertEquals(Boolean.TRUE, bin(true, BinaryOp.OR, false));
        assertEquals(Boolean.FALSE, bin(true, BinaryOp.XOR, true));
        assertEquals(1L, bin(true, BinaryOp.AND, 1L));
        assertEquals(-2L, Ops.invert(true));
        assertEquals(-1L, Ops.negative(true));
        assertEquals(8L, bin(true, BinaryOp.LSHIFT, 3L));
        assertEquals(0.5, bin(true, BinaryOp.TRUE_DIVIDE, 2L));
        assertEquals("True", Ops.repr(true));
        assertEquals(Boolean.TRUE, Ops.call(PyTypes.BOOL, "False"));
        assertEquals(Boolean.FALSE, Ops.call(PyTypes.BOOL));
        assertEquals(Boolean.FALSE, Ops.call(PyTypes.BOOL, 0.0));
        // int's own methods give ints on bools, bool's give bools.
        assertEquals(1L, Ops.call(Ops.getattr(PyTypes.INT, "__and__"), true, true));
        assertEquals(Boolean.TRUE, Ops.call(Ops.getattr(true, "__and__"), true));
        assertEquals("bool expected at most 1 argument, got 2", raises(() -> Ops.call(PyTypes.BOOL, 1L, 2L)).value.args.get(0));
    }

    @Test
    void zeroDivisionMessages() {
        assertEquals("integer division or modulo by zero", raises(() -> bin(1L, BinaryOp.FLOOR_DIVIDE, 0L)).value.args.get(0));
        assertEquals("integer modulo by zero", raises(() -> bin(1L, BinaryOp.REMAINDER, 0L)).value.args.get(0));
        assertEquals("division by zero", raises(() -> bin(1L, BinaryOp.TRUE_DIVIDE, 0L)).value.args.get(0));
        assertEquals("float division by zero", raises(() -> bin(5L, BinaryOp.TRUE_DIVIDE, 0.0)).value.args.get(0));
        assertEquals("float floor division by zero", raises(() -> bin(1.0, BinaryOp.FLOOR_DIVIDE, 0.0)).value.args.get(0));
        assertEquals("float modulo", raises(() -> bin(1.0, BinaryOp.REMAINDER, 0.0)).value.args.get(0));
        assertEquals("float divmod()", raises(() -> NumberOps.divmod(1.0, 0L)).value.args.get(0));
        assertEquals("0.0 cannot be raised to a negative power", raises(() -> bin(0L, BinaryOp.POWER, -1L)).value.args.get(0));
        PyException e = raises(() -> bin(2.0, BinaryOp.POWER, 10000L));
        assertTrue(e.matches(PyExc.OverflowError));
        assertEquals(PyTuple.of(34L, "Numerical result out of range").items[1], e.value.args.get(1));
    }

    @Test
    void exactComparisonsBetweenIntAndFloat() {
        Object twoPow53Plus1 = bin(bin(2L, BinaryOp.POWER, 53L), BinaryOp.ADD, 1L);
        assertEquals(Boolean.TRUE, Ops.compare(twoPow53Plus1, 0x1p53, CompareOp.GT));
        assertEquals(Boolean.FALSE, Ops.compare(twoPow53Plus1, 0x1p53, CompareOp.EQ));
        assertEquals(Boolean.TRUE, Ops.compare(big("18446744073709551617"), 0x1p64, CompareOp.GT));
        assertEquals(Boolean.TRUE, Ops.compare(1L, 1.0, CompareOp.EQ));
        assertEquals(Boolean.FALSE, Ops.compare(Double.NaN, Double.NaN, CompareOp.EQ));
        assertEquals(Boolean.TRUE, Ops.compare(Double.NaN, 1L, CompareOp.NE));
        assertEquals(Boolean.FALSE, Ops.compare(Double.NaN, 1L, CompareOp.LT));
        assertEquals(Boolean.TRUE, Ops.compare(big("1" + "0".repeat(400)), Double.POSITIVE_INFINITY, CompareOp.LT));
        assertEquals(Boolean.TRUE, Ops.compare(true, 1.0, CompareOp.EQ));
        PyException e = raises(() -> Ops.compare(new PyComplex(0, 1), 1L, CompareOp.LT));
        assertEquals("'<' not supported between instances of 'complex' and 'int'", e.value.args.get(0));
    }

    @Test
    void hashesAgreeAcrossTypes() {
        assertEquals(Ops.hash(1L), Ops.hash(1.0));
        assertEquals(Ops.hash(1L), Ops.hash(true));
        assertEquals(-2L, Ops.hash(-1L));
        assertEquals(-2L, Ops.hash(-1.0));
        assertEquals(0L, Ops.hash(big("2305843009213693951")));
        assertEquals(1152921504606846977L, Ops.hash(1.5));
        assertEquals(230584300921369408L, Ops.hash(0.1));
        assertEquals(314159L, Ops.hash(Double.POSITIVE_INFINITY));
        assertEquals(Ops.hash(bin(10L, BinaryOp.POWER, 20L)), Ops.hash(1e20));
        assertEquals(2000007L, Ops.hash(new PyComplex(1, 2)));
        assertEquals(Ops.hash(1L), Ops.hash(new PyComplex(1, 0)));
    }

    @Test
    void floatReprLayout() {
        assertEquals("0.30000000000000004", Ops.repr(0.1 + 0.2));
        assertEquals("1e+16", FloatMethods.repr(1e16));
        assertEquals("1234567890123456.0", FloatMethods.repr(1234567890123456.0));
        assertEquals("1.2345678901234568e+16", FloatMethods.repr(12345678901234567.0));
        assertEquals("1e-05", FloatMethods.repr(1e-5));
        assertEquals("1.5e-05", FloatMethods.repr(1.5e-5));
        assertEquals("0.0001", FloatMethods.repr(0.0001));
        assertEquals("100.0", FloatMethods.repr(100.0));
        assertEquals("-0.0", FloatMethods.repr(-0.0));
        assertEquals("5e-324", FloatMethods.repr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", FloatMethods.repr(Double.MAX_VALUE));
        assertEquals("1e+22", FloatMethods.repr(1e22));
        assertEquals("1e+23", FloatMethods.repr(1e23));
        assertEquals("inf", FloatMethods.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", FloatMethods.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", FloatMethods.repr(Double.NaN));
        assertEquals("(1+2j)", Ops.repr(new PyComplex(1, 2)));
        assertEquals("1.5j", Ops.repr(new PyComplex(0, 1.5)));
        assertEquals("(-0-0j)", Ops.repr(new PyComplex(-0.0, -0.0)));
        assertEquals("(1e+16+1j)", Ops.repr(new PyComplex(1e16, 1)));
    }

    @Test
    void roundFollowsCPython() {
        assertEquals(2.67, NumberOps.round(2.675, 2L));
        assertEquals(0L, NumberOps.round(0.5, null));
        assertEquals(2L, NumberOps.round(1.5, null));
        assertEquals(2L, NumberOps.round(2.5, Py.None));
        assertEquals(0L, NumberOps.round(-0.5, null));
        assertEquals(-0.0, NumberOps.round(-0.5, 0L));
        assertEquals(0.12, NumberOps.round(0.125, 2L));
        assertEquals(1200.0, NumberOps.round(1234.5678, -2L));
        assertEquals(1200L, NumberOps.round(1250L, -2L));
        assertEquals(-40L, NumberOps.round(-35L, -1L));
        assertEquals(7L, NumberOps.round(7L, 1L));
        assertEquals(0L, NumberOps.round(5L, big("-100000000000000000000")));
        assertEquals("type str doesn't define __round__ method", raises(() -> NumberOps.round("a", null)).value.args.get(0));
        assertEquals("cannot convert float infinity to integer",
                raises(() -> NumberOps.round(Double.POSITIVE_INFINITY, null)).value.args.get(0));
    }

    @Test
    void powWithModulus() {
        assertEquals(5L, NumberOps.pow(3L, -1L, 7L));
        assertEquals(-2L, NumberOps.pow(2L, 3L, -5L));
        assertEquals(855473248L, NumberOps.pow(2L, bin(10L, BinaryOp.POWER, 20L), 1000000007L));
        assertEquals("base is not invertible for the given modulus", raises(() -> NumberOps.pow(2L, -1L, 4L)).value.args.get(0));
        assertEquals("pow() 3rd argument cannot be 0", raises(() -> NumberOps.pow(2L, 3L, 0L)).value.args.get(0));
        assertEquals("pow() 3rd argument not allowed unless all arguments are integers",
                raises(() -> NumberOps.pow(2.0, 3L, 5L)).value.args.get(0));
        assertEquals(1024L, NumberOps.pow(2L, 10L, Py.None));
    }

    @Test
    void intConstructor() {
        assertEquals(0L, Ops.call(PyTypes.INT));
        assertEquals(255L, Ops.call(PyTypes.INT, "0xff", 0L));
        assertEquals(-3L, Ops.call(PyTypes.INT, -3.9));
        assertEquals(big("123456789012345678901234567890"), Ops.call(PyTypes.INT, "123456789012345678901234567890"));
        assertEquals(18L, Ops.call(PyTypes.INT, new Object[] {"12", 16L}, new String[] {"base"}));
        assertEquals("invalid literal for int() with base 10: 'abc'", raises(() -> Ops.call(PyTypes.INT, "abc")).value.args.get(0));
        assertEquals("int() base must be >= 2 and <= 36, or 0", raises(() -> Ops.call(PyTypes.INT, "12", 1L)).value.args.get(0));
        assertEquals("int() can't convert non-string with explicit base", raises(() -> Ops.call(PyTypes.INT, 5.0, 10L)).value.args.get(0));
        assertEquals("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
                raises(() -> Ops.call(PyTypes.INT, Py.None)).value.args.get(0));
        assertEquals("cannot convert float NaN to integer", raises(() -> Ops.call(PyTypes.INT, Double.NaN)).value.args.get(0));
        // Huge literals convert in subquadratic time.
        String digits = "7".repeat(200_000);
        Object v = IntMethods.parseInt(digits, 10);
        assertEquals(digits, v.toString());
        assertEquals("-0x1f", IntMethods.toString(-31L, 16, "0x"));
        assertEquals("0b0", IntMethods.toString(0L, 2, "0b"));
        assertEquals("-0o10", IntMethods.toString(-8L, 8, "0o"));
    }

    @Test
    void floatConstructorAndParsing() {
        assertEquals(0.0, Ops.call(PyTypes.FLOAT));
        assertEquals(-2500.0, FloatMethods.parseFloat("  -2.5e3 "));
        assertEquals(1000.5, FloatMethods.parseFloat("1_000.5"));
        assertEquals(Double.NEGATIVE_INFINITY, FloatMethods.parseFloat("-Infinity"));
        assertTrue(Double.isNaN(FloatMethods.parseFloat("nan")));
        assertEquals("could not convert string to float: 'abc'", raises(() -> FloatMethods.parseFloat("abc")).value.args.get(0));
        assertEquals("int too large to convert to float",
                raises(() -> Ops.call(PyTypes.FLOAT, bin(10L, BinaryOp.POWER, 400L))).value.args.get(0));
        assertEquals(3.0, NumberOps.toDouble(3L));
        assertEquals("3.0", Ops.repr(Ops.call(Ops.getattr(PyTypes.FLOAT, "fromhex"), "0x1.8p1")));
        assertEquals("0x1.8000000000000p+0", Ops.call(Ops.getattr(1.5, "hex")));
    }

    @Test
    void trueDivisionOfHugeInts() {
        Object tenPow400 = bin(10L, BinaryOp.POWER, 400L);
        assertEquals(10.0, bin(tenPow400, BinaryOp.TRUE_DIVIDE, bin(10L, BinaryOp.POWER, 399L)));
        assertEquals("integer division result too large for a float",
                raises(() -> bin(tenPow400, BinaryOp.TRUE_DIVIDE, 3L)).value.args.get(0));
        assertEquals("int too large to convert to float",
                raises(() -> bin(bin(2L, BinaryOp.POWER, 10000L), BinaryOp.TRUE_DIVIDE, 1.0)).value.args.get(0));
    }

    @Test
    void shiftsAndHugeResults() {
        assertEquals("negative shift count", raises(() -> bin(1L, BinaryOp.LSHIFT, -1L)).value.args.get(0));
        assertTrue(raises(() -> bin(1L, BinaryOp.LSHIFT, 1L << 40)).matches(PyExc.MemoryError));
        assertEquals(0L, bin(0L, BinaryOp.LSHIFT, 1L << 40));
        assertTrue(raises(() -> bin(3L, BinaryOp.POWER, 1L << 40)).matches(PyExc.MemoryError));
        assertEquals(1L, bin(1L, BinaryOp.POWER, 1L << 40));
    }

    @Test
    void subclassInstancesAreUnboxed() {
        PyType myInt = new PyType(PyTypes.TYPE, "MyInt", new PyType[] {PyTypes.INT}, new PyDict());
        Object five = Ops.call(myInt, 5L);
        assertTrue(five instanceof PyBoxed);
        assertEquals(myInt, Ops.typeOf(five));
        assertEquals(7L, bin(five, BinaryOp.ADD, 2L));
        assertEquals(7L, bin(2L, BinaryOp.ADD, five));
        assertEquals(7.5, bin(five, BinaryOp.ADD, 2.5));
        assertEquals("5", Ops.repr(five));
        assertEquals(Ops.hash(5L), Ops.hash(five));
        assertTrue(Ops.isTrue(Ops.compare(five, 5.0, CompareOp.EQ)));
        assertEquals(5L, Ops.index(five));
        assertEquals(5L, Ops.call(PyTypes.INT, five));
        PyType myFloat = new PyType(PyTypes.TYPE, "MyFloat", new PyType[] {PyTypes.FLOAT}, new PyDict());
        Object half = Ops.call(myFloat, "0.5");
        assertEquals(1.5, bin(half, BinaryOp.ADD, 1L));
        assertEquals(1.5, bin(1L, BinaryOp.ADD, half));
        assertEquals("0.5", Ops.repr(half));
        assertFalse(Ops.isTrue(Ops.call(myFloat)));
    }

    @Test
    void unsupportedOperandsRaiseTypeError() {
        assertEquals("unsupported operand type(s) for &: 'float' and 'int'",
                raises(() -> bin(1.5, BinaryOp.AND, 1L)).value.args.get(0));
        assertEquals("unsupported operand type(s) for //: 'complex' and 'int'",
                raises(() -> bin(new PyComplex(0, 1), BinaryOp.FLOOR_DIVIDE, 1L)).value.args.get(0));
        assertEquals("unsupported operand type(s) for divmod(): 'complex' and 'int'",
                raises(() -> NumberOps.divmod(new PyComplex(0, 1), 1L)).value.args.get(0));
        assertEquals(Py.NotImplemented, Ops.call(Ops.getattr(3L, "__add__"), 1.5));
        assertEquals("descriptor '__add__' requires a 'int' object but received a 'float'",
                raises(() -> Ops.call(Ops.getattr(PyTypes.INT, "__add__"), 1.5, 2L)).value.args.get(0));
    }
}
