package dev.gild.runtime;

import java.math.BigInteger;

/**
 * printf-style formatting, {@code str % args} and {@code bytes % args}, as CPython's
 * PyUnicode_Format and _PyBytes_FormatEx: conversions s r a d i u o x X e E f F g G c %% (and b
 * for bytes), flags {@code - + space # 0}, width and precision (with {@code *}), mapping keys
 * {@code %(name)s}, and the same error messages.
 *
 * <p>Bytes are formatted by the same engine over a Latin-1 view of the format (one char per
 * byte), with the conversions that differ for bytes (%s/%b take bytes-like objects, %r/%a give
 * ascii(), %c takes a byte) switched on {@link #bytesMode}.
 */
final class PercentFormat {
    private final String format;
    private final boolean bytesMode;
    private final StringBuilder out;
    private int pos;
    /**
     * The arguments: a tuple's items, or the single non-tuple argument. A %(key) conversion
     * replaces them by the one value looked up, as CPython does.
     */
    private Object[] args;
    private boolean argsIsTuple;
    private int argIndex;
    /** The mapping for %(key)s, or null. */
    private final Object dict;

    private PercentFormat(String format, Object values, boolean bytesMode) {
        this.format = format;
        this.bytesMode = bytesMode;
        this.out = new StringBuilder(format.length() + 16);
        if (values instanceof PyTuple t) {
            args = t.items;
            argsIsTuple = true;
        } else {
            args = new Object[] {values};
            argsIsTuple = false;
        }
        this.dict = !argsIsTuple && isMapping(values) ? values : null;
    }

    private boolean isMapping(Object values) {
        Object raw = Ops.unbox(values);
        if (raw instanceof String) return false;
        if (bytesMode && (raw instanceof PyBytes || raw instanceof PyByteArray)) return false;
        if (values instanceof PyDict || values instanceof PyList) return true;
        return Ops.typeOf(values).lookup("__getitem__") != null;
    }

    /** str % values. */
    static String format(String format, Object values) {
        if (format.indexOf('%') < 0) {
            PercentFormat f = new PercentFormat(format, values, false);
            f.checkAllConverted();
            return format;
        }
        return new PercentFormat(format, values, false).run();
    }

    /** bytes % values over data[0:length]. */
    static byte[] formatBytes(byte[] data, int length, Object values) {
        String format = Codecs.decodeLatin1(data, length);
        String result = new PercentFormat(format, values, true).run();
        byte[] bytes = new byte[result.length()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) result.charAt(i);
        return bytes;
    }

    private void checkAllConverted() {
        boolean unused = argsIsTuple ? argIndex < args.length : argIndex == 0;
        if (unused && dict == null) {
            throw Py.typeError("not all arguments converted during " + (bytesMode ? "bytes" : "string") + " formatting");
        }
    }

    private Object nextArg() {
        if (argsIsTuple ? argIndex < args.length : argIndex == 0) return args[argIndex++];
        throw Py.typeError("not enough arguments for format string");
    }

    private static final int F_LJUST = 1;
    private static final int F_SIGN = 2;
    private static final int F_BLANK = 4;
    private static final int F_ALT = 8;
    private static final int F_ZERO = 16;

    private String run() {
        String fmt = format;
        int n = fmt.length();
        while (pos < n) {
            int pct = fmt.indexOf('%', pos);
            if (pct < 0) {
                out.append(fmt, pos, n);
                break;
            }
            out.append(fmt, pos, pct);
            pos = pct + 1;
            if (pos < n && fmt.charAt(pos) == '%') {
                out.append('%');
                pos++;
                continue;
            }
            if (pos < n && fmt.charAt(pos) == '(') {
                if (dict == null) throw Py.typeError("format requires a mapping");
                int depth = 1;
                int keyStart = ++pos;
                while (depth > 0 && pos < n) {
                    char c = fmt.charAt(pos++);
                    if (c == ')') depth--;
                    else if (c == '(') depth++;
                }
                if (depth > 0) throw Py.valueError("incomplete format key");
                String key = fmt.substring(keyStart, pos - 1);
                Object keyObj = bytesMode ? new PyBytes(latin1Bytes(key)) : key;
                args = new Object[] {Ops.getitem(dict, keyObj)};
                argsIsTuple = false;
                argIndex = 0;
            }
            convert(parseSpec());
        }
        checkAllConverted();
        return out.toString();
    }

    /** One conversion: its flags, width, precision and conversion character. */
    private static final class Spec {
        int flags;
        long width = -1;
        int precision = -1;
        char conversion;
    }

    private Spec parseSpec() {
        String fmt = format;
        int n = fmt.length();
        Spec spec = new Spec();
        char c = 0;
        boolean haveChar = false;
        while (pos < n) {
            c = fmt.charAt(pos++);
            haveChar = true;
            int flag = switch (c) {
                case '-' -> F_LJUST;
                case '+' -> F_SIGN;
                case ' ' -> F_BLANK;
                case '#' -> F_ALT;
                case '0' -> F_ZERO;
                default -> 0;
            };
            if (flag == 0) break;
            spec.flags |= flag;
            haveChar = false;
        }
        if (!haveChar) throw Py.valueError("incomplete format");
        if (c == '*') {
            Object w = nextArg();
            if (!(Ops.unbox(w) instanceof Long) && !(Ops.unbox(w) instanceof Boolean) && !(Ops.unbox(w) instanceof BigInteger)) {
                throw Py.typeError("* wants int");
            }
            spec.width = MethodArgs.size(w);
            if (spec.width < 0) {
                spec.flags |= F_LJUST;
                spec.width = -spec.width;
            }
            haveChar = pos < n;
            if (haveChar) c = fmt.charAt(pos++);
        } else if (c >= '0' && c <= '9') {
            long width = c - '0';
            haveChar = false;
            while (pos < n) {
                c = fmt.charAt(pos++);
                haveChar = true;
                if (c < '0' || c > '9') break;
                haveChar = false;
                if (width > (Long.MAX_VALUE - (c - '0')) / 10) throw Py.valueError("width too big");
                width = width * 10 + (c - '0');
            }
            spec.width = width;
        }
        if (haveChar && c == '.') {
            spec.precision = 0;
            haveChar = pos < n;
            if (haveChar) c = fmt.charAt(pos++);
            if (haveChar && c == '*') {
                Object p = nextArg();
                if (!(Ops.unbox(p) instanceof Long) && !(Ops.unbox(p) instanceof Boolean) && !(Ops.unbox(p) instanceof BigInteger)) {
                    throw Py.typeError("* wants int");
                }
                long prec = Ops.indexLong(p);
                if (prec > Integer.MAX_VALUE || prec < Integer.MIN_VALUE) {
                    throw Py.overflowError("Python int too large to convert to C int");
                }
                spec.precision = (int) Math.max(0, prec);
                haveChar = pos < n;
                if (haveChar) c = fmt.charAt(pos++);
            } else if (haveChar && c >= '0' && c <= '9') {
                int prec = c - '0';
                haveChar = false;
                while (pos < n) {
                    c = fmt.charAt(pos++);
                    haveChar = true;
                    if (c < '0' || c > '9') break;
                    haveChar = false;
                    if (prec > (Integer.MAX_VALUE - (c - '0')) / 10) throw Py.valueError("precision too big");
                    prec = prec * 10 + (c - '0');
                }
                spec.precision = prec;
            }
        }
        if (haveChar && (c == 'h' || c == 'l' || c == 'L')) {
            haveChar = pos < n;
            if (haveChar) c = fmt.charAt(pos++);
        }
        if (!haveChar) throw Py.valueError("incomplete format");
        spec.conversion = c;
        return spec;
    }

    private void convert(Spec spec) {
        char c = spec.conversion;
        if (c == '%') {
            // "%5%": CPython takes an argument first, then rejects the conversion.
            nextArg();
            throw unsupported(c);
        }
        Object v = nextArg();
        String text;
        boolean numeric = false;
        switch (c) {
            case 's', 'r', 'a', 'b' -> {
                if (c == 'b' && !bytesMode) throw unsupported(c);
                if (bytesMode) text = c == 's' || c == 'b' ? bytesText(v) : StrMethods.asciiEscape(Ops.repr(v));
                else text = c == 's' ? Ops.str(v) : c == 'r' ? Ops.repr(v) : Ops.ascii(v);
            }
            case 'd', 'i', 'u', 'o', 'x', 'X' -> {
                text = formatInteger(v, spec);
                numeric = true;
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                double d = realValue(v);
                int precision = spec.precision < 0 ? 6 : spec.precision;
                text = FloatFormat.format(d, c, precision, (spec.flags & F_ALT) != 0, false, false);
                numeric = true;
            }
            case 'c' -> text = bytesMode ? byteChar(v) : CodePoints.charString(charValue(v));
            default -> throw unsupported(c);
        }
        output(spec, text, numeric);
    }

    private PyException unsupported(char c) {
        char shown = c >= 31 && c <= 126 ? c : '?';
        return Py.valueError("unsupported format character '" + shown + "' (0x" + Integer.toHexString(c) + ") at index " + (pos - 1));
    }

    private static byte[] latin1Bytes(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) s.charAt(i);
        return b;
    }

    /** %s / %b of bytes formatting: the bytes of a bytes-like object or of __bytes__(). */
    private static String bytesText(Object v) {
        Object raw = Ops.unbox(v);
        if (raw instanceof PyBytes b) return Codecs.decodeLatin1(b.bytes, b.bytes.length);
        if (raw instanceof PyByteArray ba) return Codecs.decodeLatin1(ba.bytes, ba.size);
        Object r = Ops.callSpecial(v, "__bytes__");
        if (r != null) {
            Object rb = Ops.unbox(r);
            if (rb instanceof PyBytes b) return Codecs.decodeLatin1(b.bytes, b.bytes.length);
            throw Py.typeError("__bytes__ returned non-bytes (type " + Ops.typeName(r) + ")");
        }
        throw Py.typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '"
                + Ops.typeName(v) + "'");
    }

    private static String byteChar(Object v) {
        Object raw = Ops.unbox(v);
        if (raw instanceof PyBytes b && b.bytes.length == 1) return String.valueOf((char) (b.bytes[0] & 0xff));
        if (raw instanceof PyByteArray ba && ba.size == 1) return String.valueOf((char) (ba.bytes[0] & 0xff));
        if (raw instanceof Long || raw instanceof Boolean || raw instanceof BigInteger
                || !(raw instanceof String) && !(raw instanceof PyBytes) && !(raw instanceof PyByteArray)
                && Ops.typeOf(v).lookup("__index__") != null) {
            Object i = Ops.index(v);
            if (!(i instanceof Long l) || l < 0 || l > 255) throw Py.overflowError("%c arg not in range(256)");
            return String.valueOf((char) (long) l);
        }
        throw Py.typeError("%c requires an integer in range(256) or a single byte");
    }

    private static int charValue(Object v) {
        String s = StrMethods.asStr(v);
        if (s != null) {
            if (s.codePointCount(0, s.length()) == 1) return s.codePointAt(0);
            throw Py.typeError("%c requires int or char");
        }
        Object raw = Ops.unbox(v);
        if (!(raw instanceof Long || raw instanceof Boolean || raw instanceof BigInteger)
                && Ops.typeOf(v).lookup("__index__") == null) {
            throw Py.typeError("%c requires int or char");
        }
        Object i = Ops.index(v);
        if (!(i instanceof Long l) || l < 0 || l > 0x10ffff) throw Py.overflowError("%c arg not in range(0x110000)");
        return (int) (long) l;
    }

    private static double realValue(Object v) {
        return FormatMethods.toDouble(v);
    }

    /** True for objects PyNumber_Check accepts: ints, floats, complex, or anything with __index__/__int__/__float__. */
    private static boolean isNumber(Object v) {
        Object raw = Ops.unbox(v);
        if (raw instanceof Long || raw instanceof Double || raw instanceof Boolean || raw instanceof BigInteger
                || raw instanceof PyComplex) {
            return true;
        }
        PyType t = Ops.typeOf(v);
        return t.lookup("__index__") != null || t.lookup("__int__") != null || t.lookup("__float__") != null;
    }

    /** mainformatlong + _PyUnicode_FormatLong: the digits with sign, base prefix (when '#') and precision zeros. */
    private static String formatInteger(Object v, Spec spec) {
        char type = spec.conversion;
        if (!isNumber(v)) throw wrongNumberType(type, v);
        Object raw = Ops.unbox(v);
        Object iv;
        if (raw instanceof Long || raw instanceof BigInteger) {
            iv = raw;
        } else if (raw instanceof Boolean b) {
            iv = b ? 1L : 0L;
        } else if (type == 'o' || type == 'x' || type == 'X') {
            if (Ops.typeOf(v).lookup("__index__") == null) throw wrongNumberType(type, v);
            iv = Ops.index(v);
        } else {
            iv = toInt(v, type);
        }
        BigInteger big = iv instanceof BigInteger b ? b : null;
        long small = iv instanceof Long l ? l : 0;
        boolean negative = big != null ? big.signum() < 0 : small < 0;
        int radix = type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
        String digits = big != null || small == Long.MIN_VALUE
                ? (big != null ? big : BigInteger.valueOf(small)).abs().toString(radix)
                : Long.toString(Math.abs(small), radix);
        StringBuilder sb = new StringBuilder(digits.length() + 4);
        if (negative) sb.append('-');
        if ((spec.flags & F_ALT) != 0 && radix != 10) sb.append('0').append(type == 'o' ? 'o' : type);
        for (int k = digits.length(); k < spec.precision; k++) sb.append('0');
        sb.append(type == 'X' ? digits.toUpperCase(java.util.Locale.ROOT) : digits);
        return sb.toString();
    }

    /** int(v) for %d and friends (a float truncates). */
    private static Object toInt(Object v, char type) {
        Object raw = Ops.unbox(v);
        if (raw instanceof Double d) {
            if (Double.isNaN(d)) throw Py.valueError("cannot convert float NaN to integer");
            if (Double.isInfinite(d)) throw Py.overflowError("cannot convert float infinity to integer");
            if (Math.abs(d) < 9.0e18) return (long) (double) d;
            return Py.newInt(new java.math.BigDecimal(d).toBigInteger());
        }
        PyType t = Ops.typeOf(v);
        if (t.lookup("__index__") != null) return Ops.index(v);
        if (t.lookup("__int__") != null) {
            Object r = Ops.unbox(Ops.callSpecial(v, "__int__"));
            if (r instanceof Long || r instanceof BigInteger) return r;
            if (r instanceof Boolean b) return b ? 1L : 0L;
            throw Py.typeError("__int__ returned non-int (type " + Ops.typeName(r) + ")");
        }
        throw wrongNumberType(type, v);
    }

    private static PyException wrongNumberType(char type, Object v) {
        if (type == 'o' || type == 'x' || type == 'X') {
            return Py.typeError("%" + type + " format: an integer is required, not " + Ops.typeName(v));
        }
        return Py.typeError("%" + type + " format: a real number is required, not " + Ops.typeName(v));
    }

    /** unicode_format_arg_output: padding, sign and the '#' prefix around the converted text. */
    private void output(Spec spec, String text, boolean numeric) {
        int flags = spec.flags;
        long width = spec.width;
        int len = text.length();
        boolean isString = spec.conversion == 's' || spec.conversion == 'r' || spec.conversion == 'a'
                || spec.conversion == 'b';
        long cpLen = bytesMode ? len : CodePoints.length(text);
        if ((width == -1 || width <= cpLen) && (spec.precision == -1 || spec.precision >= cpLen || !isString)
                && (flags & (F_SIGN | F_BLANK)) == 0) {
            out.append(text);
            return;
        }
        if (isString && spec.precision >= 0 && cpLen > spec.precision) {
            text = bytesMode ? text.substring(0, spec.precision) : CodePoints.substring(text, 0, spec.precision);
            len = text.length();
            cpLen = spec.precision;
        }
        char fill = numeric && (flags & F_ZERO) != 0 ? '0' : ' ';
        int index = 0;
        char signChar = 0;
        boolean sign = numeric;
        if (sign) {
            char first = text.charAt(0);
            if (first == '-' || first == '+') {
                signChar = first;
                cpLen--;
                index++;
            } else if ((flags & F_SIGN) != 0) {
                signChar = '+';
            } else if ((flags & F_BLANK) != 0) {
                signChar = ' ';
            } else {
                sign = false;
            }
        }
        if (width < cpLen) width = cpLen;
        if (width > Integer.MAX_VALUE - 16 - out.length()) throw Py.memoryError();
        if (sign) {
            if (fill != ' ') out.append(signChar);
            if (width > cpLen) width--;
        }
        char conv = spec.conversion;
        boolean basePrefix = (flags & F_ALT) != 0 && (conv == 'x' || conv == 'X' || conv == 'o');
        if (basePrefix) {
            if (fill != ' ') {
                out.append('0').append(conv);
                index += 2;
            }
            width -= 2;
            if (width < 0) width = 0;
            cpLen -= 2;
        }
        if (width > cpLen && (flags & F_LJUST) == 0) {
            for (long k = width - cpLen; k > 0; k--) out.append(fill);
            width = cpLen;
        }
        if (fill == ' ') {
            if (sign) out.append(signChar);
            if (basePrefix) {
                out.append('0').append(conv);
                index += 2;
            }
        }
        out.append(text, index, text.length());
        for (long k = width - cpLen; k > 0; k--) out.append(' ');
    }
}
