package dev.gild.runtime;

import java.math.BigInteger;

/**
 * The format() protocol: {@code __format__} of str, int (and so bool), float and complex,
 * following CPython's Python/formatter_unicode.c, and {@link #format}, the builtin
 * format(value, spec) that str.format uses (and f-strings and the format builtin may).
 */
public final class FormatMethods {
    private FormatMethods() {}

    static void install() {
        PyTypes.STR.define("__format__", (args, kw) -> {
            String spec = specArg(args, kw);
            Object self = args[0];
            if (StrMethods.asStr(self) == null) {
                throw Py.typeError("descriptor '__format__' requires a 'str' object but received a '" + Ops.typeName(self) + "'");
            }
            return formatStr(self, spec);
        });
        PyTypes.INT.define("__format__", (args, kw) -> {
            String spec = specArg(args, kw);
            Object v = Ops.unbox(args[0]);
            if (!(v instanceof Long || v instanceof BigInteger || v instanceof Boolean)) {
                throw Py.typeError("descriptor '__format__' requires a 'int' object but received a '" + Ops.typeName(args[0]) + "'");
            }
            if (spec.isEmpty()) return Ops.str(args[0]);
            return formatInt(args[0], v, spec);
        });
        PyTypes.FLOAT.define("__format__", (args, kw) -> {
            String spec = specArg(args, kw);
            Object v = Ops.unbox(args[0]);
            if (!(v instanceof Double d)) {
                throw Py.typeError("descriptor '__format__' requires a 'float' object but received a '" + Ops.typeName(args[0]) + "'");
            }
            if (spec.isEmpty()) return Ops.str(args[0]);
            return formatFloat(args[0], d, spec);
        });
        installComplex();
    }

    private static void installComplex() {
        PyTypes.COMPLEX.define("__format__", (args, kw) -> {
            String spec = specArg(args, kw);
            Object v = Ops.unbox(args[0]);
            if (!(v instanceof PyComplex c)) {
                throw Py.typeError("descriptor '__format__' requires a 'complex' object but received a '" + Ops.typeName(args[0]) + "'");
            }
            if (spec.isEmpty()) return Ops.str(args[0]);
            return formatComplex(args[0], c.real, c.imag, spec);
        });
    }

    private static String specArg(Object[] args, String[] kw) {
        if (kw != null && kw.length > 0) throw Py.typeError("__format__() takes no keyword arguments");
        if (args.length != 2) throw Py.typeError("__format__() takes exactly one argument (" + (args.length - 1) + " given)");
        String spec = StrMethods.asStr(args[1]);
        if (spec == null) throw Py.typeError("__format__() argument must be str, not " + Ops.typeName(args[1]));
        return spec;
    }

    /**
     * The builtin format(value, spec): value.__format__(spec), which must return a str. Exact
     * str, int and float values skip the method lookup.
     */
    public static String format(Object value, String spec) {
        if (spec.isEmpty()) {
            if (value instanceof String s) return s;
            if (value instanceof Long l) return l.toString();
        } else {
            if (value instanceof String s) return formatStr(s, spec);
            if (value instanceof Long l) return formatInt(l, l, spec);
            if (value instanceof Double d) return formatFloat(d, d, spec);
        }
        Object r = Ops.callSpecial(value, "__format__", spec);
        if (r == null) throw Py.typeError("Type " + Ops.typeName(value) + " doesn't define __format__");
        String s = StrMethods.asStr(r);
        if (s == null) throw Py.typeError("__format__ must return a str, not " + Ops.typeName(r));
        return s;
    }

    // ------------------------------------------------------------------ str

    static String formatStr(Object self, String spec) {
        if (spec.isEmpty()) return Ops.str(self);
        String s = StrMethods.asStr(self);
        FormatSpec f = FormatSpec.parse(spec, self, 's', '<');
        if (f.type != 's') throw FormatSpec.unknownCode(f.type, self);
        if (f.sign == ' ') throw Py.valueError("Space not allowed in string format specifier");
        if (f.sign != 0) throw Py.valueError("Sign not allowed in string format specifier");
        if (f.noNegativeZero) throw Py.valueError("Negative zero coercion (z) not allowed in string format specifier");
        if (f.alternate) throw Py.valueError("Alternate form (#) not allowed in string format specifier");
        if (f.align == '=') throw Py.valueError("'=' alignment not allowed in string format specifier");
        if (f.precision >= 0 && f.precision < CodePoints.length(s)) {
            s = CodePoints.substring(s, 0, (int) f.precision);
        }
        return f.padString(s);
    }

    // ------------------------------------------------------------------ int

    /** Formats an int (self is the receiver for messages, value its Long/BigInteger/Boolean). */
    static String formatInt(Object self, Object value, String spec) {
        FormatSpec f = FormatSpec.parse(spec, self, 'd', '>');
        switch (f.type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return formatDouble(f, toDouble(value), self);
            }
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> { }
            default -> throw FormatSpec.unknownCode(f.type, self);
        }
        if (f.precision != -1) throw Py.valueError("Precision not allowed in integer format specifier");
        if (f.noNegativeZero) throw Py.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        if (f.type == 'c') {
            if (f.sign != 0) throw Py.valueError("Sign not allowed with integer format specifier 'c'");
            if (f.alternate) throw Py.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            long cp = value instanceof Long l ? l : value instanceof Boolean b ? (b ? 1 : 0) : -1;
            if (cp < 0 || cp > 0x10ffff) throw Py.overflowError("%c arg not in range(0x110000)");
            return f.layoutNumber(false, "", "", false, CodePoints.charString((int) cp), 3);
        }
        BigInteger big = null;
        long small = 0;
        if (value instanceof Long l) small = l;
        else if (value instanceof Boolean b) small = b ? 1 : 0;
        else big = (BigInteger) value;
        boolean negative = big != null ? big.signum() < 0 : small < 0;
        if (big == null && small == Long.MIN_VALUE) big = BigInteger.valueOf(small);
        int radix = switch (f.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = big != null ? big.abs().toString(radix) : Long.toString(Math.abs(small), radix);
        String prefix = "";
        if (f.alternate) {
            prefix = switch (f.type) {
                case 'b' -> "0b";
                case 'o' -> "0o";
                case 'x' -> "0x";
                case 'X' -> "0X";
                default -> "";
            };
        }
        if (f.type == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        int groupSize = radix == 10 ? 3 : 4;
        return f.layoutNumber(negative, prefix, digits, false, "", groupSize);
    }

    // ------------------------------------------------------------------ float

    static String formatFloat(Object self, double value, String spec) {
        FormatSpec f = FormatSpec.parse(spec, self, (char) 0, '>');
        switch (f.type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> { }
            default -> throw FormatSpec.unknownCode(f.type, self);
        }
        return formatDouble(f, value, self);
    }

    /** format_float_internal. */
    private static String formatDouble(FormatSpec f, double value, Object self) {
        if (f.precision > Integer.MAX_VALUE) throw Py.valueError("precision too big");
        int type = f.type;
        boolean addDot0 = false;
        int defaultPrecision = 6;
        if (type == 0) {
            addDot0 = true;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') type = 'g';
        boolean percent = false;
        if (type == '%') {
            type = 'f';
            value *= 100;
            percent = true;
        }
        int precision = (int) f.precision;
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        String s = FloatFormat.format(value, (char) type, precision, f.alternate, addDot0, f.noNegativeZero);
        if (percent) s = s + "%";
        return layoutFloatText(f, s);
    }

    // ------------------------------------------------------------------ complex

    /** format_complex_internal: both parts formatted alike, the imaginary one always signed, then padded as a whole. */
    static String formatComplex(Object self, double re, double im, String spec) {
        FormatSpec f = FormatSpec.parse(spec, self, (char) 0, '>');
        switch (f.type) {
            case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n' -> { }
            default -> throw FormatSpec.unknownCode(f.type, self);
        }
        if (f.fill == '0') throw Py.valueError("Zero padding is not allowed in complex format specifier");
        if (f.align == '=') throw Py.valueError("'=' alignment flag is not allowed in complex format specifier");
        if (f.precision > Integer.MAX_VALUE) throw Py.valueError("precision too big");
        int type = f.type;
        int defaultPrecision = 6;
        boolean skipReal = false;
        boolean parens = false;
        if (type == 0) {
            type = 'r';
            defaultPrecision = 0;
            skipReal = re == 0.0 && Double.doubleToRawLongBits(re) == 0;
            parens = !skipReal;
        }
        if (type == 'n') type = 'g';
        int precision = (int) f.precision;
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        String reText = FloatFormat.format(re, (char) type, precision, f.alternate, false, f.noNegativeZero);
        String imText = FloatFormat.format(im, (char) type, precision, f.alternate, false, f.noNegativeZero);
        StringBuilder body = new StringBuilder(reText.length() + imText.length() + 4);
        if (parens) body.append('(');
        if (!skipReal) body.append(layoutPart(f, reText, f.sign));
        body.append(layoutPart(f, imText, skipReal ? f.sign : '+')).append('j');
        if (parens) body.append(')');
        return f.padString(body.toString(), '>');
    }

    private static String layoutPart(FormatSpec f, String s, char sign) {
        boolean negative = s.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int pos = start;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
        boolean hasDecimal = pos < s.length() && s.charAt(pos) == '.';
        return f.layoutNumber(negative, "", s.substring(start, pos), hasDecimal, s.substring(hasDecimal ? pos + 1 : pos),
                3, -1, sign);
    }

    /** Splits the text of a formatted float into sign, digits and remainder, and lays it out. */
    private static String layoutFloatText(FormatSpec f, String s) {
        if (f.width < 0 && f.sign != '+' && f.sign != ' ' && f.grouping == 0) return s;
        boolean negative = s.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int pos = start;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
        String digits = s.substring(start, pos);
        boolean hasDecimal = pos < s.length() && s.charAt(pos) == '.';
        String remainder = s.substring(hasDecimal ? pos + 1 : pos);
        return f.layoutNumber(negative, "", digits, hasDecimal, remainder, 3);
    }

    /** float(x) for a real number (int, bool, float, or an object with __float__ / __index__). */
    static double toDouble(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof Double d) return d;
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof BigInteger b) return bigToDouble(b);
        Object r = Ops.callSpecial(o, "__float__");
        if (r != null) {
            Object d = Ops.unbox(r);
            if (d instanceof Double x) return x;
            throw Py.typeError(Ops.typeName(o) + ".__float__ returned non-float (type " + Ops.typeName(r) + ")");
        }
        if (Ops.typeOf(o).lookup("__index__") != null) {
            Object i = Ops.index(o);
            return i instanceof Long l ? (double) l : bigToDouble((BigInteger) i);
        }
        throw Py.typeError("must be real number, not " + Ops.typeName(o));
    }

    static double bigToDouble(BigInteger b) {
        double d = b.doubleValue();
        if (Double.isInfinite(d)) throw Py.overflowError("int too large to convert to float");
        return d;
    }
}
