package dev.gild.runtime;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Python's bytes and bytearray. Both share one implementation of the read-only methods over a
 * (byte[], length) view; methods of bytearray return bytearrays as CPython's do. bytes values
 * are {@link PyBytes} (or {@link PyBoxed} around one for script subclasses); bytearrays are
 * {@link PyByteArray} whatever their type.
 */
public final class BytesMethods {
    private BytesMethods() {}

    /* Created by install(), run from PyTypes' static initialiser (see StrMethods). */
    static PyType BYTES_ITERATOR;
    static PyType BYTEARRAY_ITERATOR;

    /** The bytes of a bytes-like value, read-only, with its length (a bytearray's array may be longer). */
    record View(byte[] data, int length) {
        byte at(int i) { return data[i]; }
    }

    static void install() {
        BYTES_ITERATOR = PyTypes.newBuiltin("bytes_iterator", null, false, null);
        BYTEARRAY_ITERATOR = PyTypes.newBuiltin("bytearray_iterator", null, false, null);
        PyIterator.installMethods(BYTES_ITERATOR);
        PyIterator.installMethods(BYTEARRAY_ITERATOR);
        installCommon(PyTypes.BYTES, false);
        installCommon(PyTypes.BYTEARRAY, true);
        installBytes(PyTypes.BYTES);
        installByteArray(PyTypes.BYTEARRAY);
    }

    // ------------------------------------------------------------------ public helpers

    /** The bytes of a bytes or bytearray (an exact-length array; the caller must not modify it for bytes). */
    public static byte[] asBytes(Object bytesLike) {
        Object raw = Ops.unbox(bytesLike);
        if (raw instanceof PyBytes b) return b.bytes;
        if (raw instanceof PyByteArray ba) return Arrays.copyOf(ba.bytes, ba.size);
        throw Py.typeError("a bytes-like object is required, not '" + Ops.typeName(bytesLike) + "'");
    }

    /** The view of a bytes-like object, or null when o is not one. */
    static View view(Object o) {
        if (o instanceof PyBytes b) return new View(b.bytes, b.bytes.length);
        if (o instanceof PyByteArray ba) return new View(ba.bytes, ba.size);
        if (o instanceof PyBoxed x && x.value instanceof PyBytes b) return new View(b.bytes, b.bytes.length);
        return null;
    }

    private static View bytesLike(Object o) {
        View v = view(o);
        if (v == null) throw Py.typeError("a bytes-like object is required, not '" + Ops.typeName(o) + "'");
        return v;
    }

    /** Python's repr of bytes: b'...' with CPython's quote choice and escapes. */
    public static String repr(byte[] data, int length) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < length; i++) {
            if (data[i] == '\'') single = true;
            else if (data[i] == '"') dbl = true;
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder(length + 3);
        sb.append('b').append(quote);
        for (int i = 0; i < length; i++) {
            int c = data[i] & 0xff;
            if (c == quote || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
            else sb.append((char) c);
        }
        return sb.append(quote).toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    // ------------------------------------------------------------------ receivers and results

    private static View self(Object o, boolean array, String method) {
        if (array) {
            if (o instanceof PyByteArray ba) return new View(ba.bytes, ba.size);
        } else {
            if (o instanceof PyBytes b) return new View(b.bytes, b.bytes.length);
            if (o instanceof PyBoxed x && x.value instanceof PyBytes b) return new View(b.bytes, b.bytes.length);
        }
        String type = array ? "bytearray" : "bytes";
        throw Py.typeError("descriptor '" + method + "' for '" + type + "' objects doesn't apply to a '" + Ops.typeName(o) + "' object");
    }

    private static PyByteArray selfArray(Object o, String method) {
        if (o instanceof PyByteArray ba) return ba;
        throw Py.typeError("descriptor '" + method + "' for 'bytearray' objects doesn't apply to a '" + Ops.typeName(o) + "' object");
    }

    private static Object make(boolean array, byte[] data) {
        return array ? new PyByteArray(data) : new PyBytes(data);
    }

    private static Object make(boolean array, View v, int from, int to) {
        return make(array, Arrays.copyOfRange(v.data, from, Math.max(from, to)));
    }

    private static String typeName(boolean array) { return array ? "bytearray" : "bytes"; }

    // ------------------------------------------------------------------ methods of both types

    private static void installCommon(PyType t, boolean array) {
        String tn = typeName(array);
        t.define("__len__", (args, kw) -> (long) self(args[0], array, "__len__").length);
        t.define("__repr__", (args, kw) -> {
            View v = self(args[0], array, "__repr__");
            if (!array) return repr(v.data, v.length);
            String prefix = Ops.typeOf(args[0]) == PyTypes.BYTEARRAY ? "bytearray" : Ops.typeName(args[0]);
            return prefix + "(" + repr(v.data, v.length) + ")";
        });
        t.define("__str__", (args, kw) -> Ops.repr(args[0]));
        t.define("__getitem__", (args, kw) -> {
            View v = self(args[0], array, "__getitem__");
            return getitem(v, args[1], array);
        });
        t.define("__iter__", (args, kw) -> new BytesIterator(args[0], array));
        t.define("__contains__", (args, kw) -> {
            View v = self(args[0], array, "__contains__");
            return contains(v, args[1]);
        });
        t.define("__add__", (args, kw) -> {
            View v = self(args[0], array, "__add__");
            View o = view(args[1]);
            if (o == null) {
                // CPython tries the right operand's __radd__ before bytes concatenation rejects it.
                Object r = Ops.typeOf(args[1]).lookup("__radd__") != null ? Ops.callSpecial(args[1], "__radd__", args[0]) : null;
                if (r != null && r != Py.NotImplemented) return r;
                throw Py.typeError("can't concat " + Ops.typeName(args[1]) + " to " + tn);
            }
            byte[] r = Arrays.copyOf(v.data, v.length + o.length);
            System.arraycopy(o.data, 0, r, v.length, o.length);
            return make(array, r);
        });
        PyBuiltin.Impl mul = (args, kw) -> {
            View v = self(args[0], array, "__mul__");
            Object times = args[1];
            if (!(times instanceof Long) && !(times instanceof Boolean) && !(times instanceof BigInteger)
                    && Ops.typeOf(times).lookup("__index__") == null) {
                return Py.NotImplemented;
            }
            return make(array, repeat(v, Ops.index(times), array));
        };
        t.define("__mul__", mul);
        t.define("__rmul__", mul);
        t.define("__mod__", (args, kw) -> {
            View v = self(args[0], array, "__mod__");
            return make(array, PercentFormat.formatBytes(v.data, v.length, args[1]));
        });
        t.define("__rmod__", (args, kw) -> {
            self(args[0], array, "__rmod__");
            // The reflected operation only formats a left operand of the same type: bytes % x.
            boolean sameType = array ? args[1] instanceof PyByteArray : Ops.unbox(args[1]) instanceof PyBytes;
            if (!sameType) return Py.NotImplemented;
            View format = view(args[1]);
            return make(array, PercentFormat.formatBytes(format.data, format.length, args[0]));
        });
        defineComparisons(t, array);
        t.define("decode", (args, kw) -> {
            View v = self(args[0], array, "decode");
            Object[] a = MethodArgs.keywords("decode", args, kw, new String[] {"encoding", "errors"});
            String encoding = a[0] == null ? "utf-8" : strParam("decode", "encoding", a[0]);
            String errors = a[1] == null ? "strict" : strParam("decode", "errors", a[1]);
            return Codecs.decode(v.data, v.length, encoding, errors);
        });
        t.define("hex", (args, kw) -> {
            View v = self(args[0], array, "hex");
            Object[] a = MethodArgs.keywords("hex", args, kw, new String[] {"sep", "bytes_per_sep"});
            return hex(v, a[0], a[1]);
        });
        t.defineClassMethod("fromhex", (args, kw) -> {
            Object arg = MethodArgs.one(tn, "fromhex", args, kw);
            String s = StrMethods.asStr(arg);
            if (s == null) throw Py.typeError("fromhex() argument must be str, not " + Ops.typeName(arg));
            byte[] data = fromhex(s);
            PyType cls = (PyType) args[0];
            if (cls == PyTypes.BYTES) return new PyBytes(data);
            if (cls == PyTypes.BYTEARRAY) return new PyByteArray(data);
            return Ops.call(cls, make(array, data));
        });
        installSearch(t, array);
        installTransforms(t, array);
        installSplitting(t, array);
        installPredicates(t, array);
        t.defineStatic("maketrans", (args, kw) -> {
            if (kw != null && kw.length > 0) throw Py.typeError("maketrans() takes no keyword arguments");
            if (args.length != 2) throw Py.typeError("maketrans expected 2 arguments, got " + args.length);
            View from = bytesLike(args[0]);
            View to = bytesLike(args[1]);
            if (from.length != to.length) throw Py.valueError("maketrans arguments must have same length");
            byte[] table = new byte[256];
            for (int i = 0; i < 256; i++) table[i] = (byte) i;
            for (int i = 0; i < from.length; i++) table[from.data[i] & 0xff] = to.data[i];
            return new PyBytes(table);
        });
    }

    private static String strParam(String fname, String param, Object o) {
        String s = StrMethods.asStr(o);
        if (s == null) throw Py.typeError(fname + "() argument '" + param + "' must be str, not " + Ops.typeName(o));
        return s;
    }

    private static byte[] repeat(View v, Object times, boolean array) {
        if (!(times instanceof Long)) {
            if (((BigInteger) times).signum() < 0) return new byte[0];
            throw Py.overflowError("cannot fit 'int' into an index-sized integer");
        }
        long n = (Long) times;
        if (n <= 0 || v.length == 0) return new byte[0];
        if (!array && n > Long.MAX_VALUE / v.length) throw Py.overflowError("repeated bytes are too long");
        if (n > (Integer.MAX_VALUE - 16) / v.length) throw Py.memoryError();
        byte[] r = new byte[(int) (v.length * n)];
        for (int k = 0; k < n; k++) System.arraycopy(v.data, 0, r, k * v.length, v.length);
        return r;
    }

    private static void defineComparisons(PyType t, boolean array) {
        String[] names = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
        for (int k = 0; k < names.length; k++) {
            int op = k;
            String name = names[k];
            t.define(name, (args, kw) -> {
                View a = self(args[0], array, name);
                // bytes compares only with bytes; bytearray with any bytes-like object, so
                // bytes == bytearray is answered by bytearray's reflected method.
                View b = array || Ops.unbox(args[1]) instanceof PyBytes ? view(args[1]) : null;
                if (b == null) return Py.NotImplemented;
                int c = compare(a, b);
                return Py.bool(switch (op) {
                    case 0 -> c == 0;
                    case 1 -> c != 0;
                    case 2 -> c < 0;
                    case 3 -> c <= 0;
                    case 4 -> c > 0;
                    default -> c >= 0;
                });
            });
        }
    }

    static int compare(View a, View b) {
        int mismatch = Arrays.mismatch(a.data, 0, a.length, b.data, 0, b.length);
        if (mismatch < 0) return 0;
        if (mismatch >= a.length || mismatch >= b.length) return a.length - b.length;
        return (a.data[mismatch] & 0xff) - (b.data[mismatch] & 0xff);
    }

    // ------------------------------------------------------------------ indexing

    private static Object getitem(View v, Object key, boolean array) {
        if (key instanceof Long || key instanceof Boolean || key instanceof BigInteger
                || !CodePoints.isSlice(key) && Ops.typeOf(key).lookup("__index__") != null) {
            long i = Ops.indexLong(key);
            if (i < 0) i += v.length;
            if (i < 0 || i >= v.length) throw Py.indexError(array ? "bytearray index out of range" : "index out of range");
            return (long) (v.data[(int) i] & 0xff);
        }
        if (CodePoints.isSlice(key)) {
            long[] r = CodePoints.sliceIndices(key, v.length);
            int start = (int) r[0];
            int step = (int) r[2];
            int count = (int) r[3];
            if (step == 1) return make(array, v, start, start + count);
            byte[] out = new byte[count];
            for (int k = 0, i = start; k < count; k++, i += step) out[k] = v.data[i];
            return make(array, out);
        }
        throw Py.typeError((array ? "bytearray" : "byte") + " indices must be integers or slices, not " + Ops.typeName(key));
    }

    private static boolean contains(View v, Object item) {
        Object raw = Ops.unbox(item);
        if (!(raw instanceof Long || raw instanceof Boolean || raw instanceof BigInteger)
                && (raw instanceof String || view(item) != null || Ops.typeOf(item).lookup("__index__") == null)) {
            return indexOf(v, bytesLike(item), 0, v.length) >= 0;
        }
        int b = byteValue(item);
        for (int i = 0; i < v.length; i++) if ((v.data[i] & 0xff) == b) return true;
        return false;
    }

    /** An int argument that must be a byte: via __index__, ValueError outside 0..255. */
    private static int byteValue(Object o) {
        Object i = Ops.index(o);
        if (!(i instanceof Long l) || l < 0 || l > 255) throw Py.valueError("byte must be in range(0, 256)");
        return (int) (long) l;
    }

    static final class BytesIterator extends PyIterator {
        private final Object source;
        private final boolean array;
        private int pos;

        BytesIterator(Object source, boolean array) {
            this.source = source;
            this.array = array;
        }

        @Override
        public Object next() {
            View v = view(source);
            if (v == null || pos >= v.length) return null;
            return (long) (v.data[pos++] & 0xff);
        }

        @Override
        public int lengthHint() {
            View v = view(source);
            return v == null ? 0 : Math.max(0, v.length - pos);
        }

        @Override public PyType getType() { return array ? BYTEARRAY_ITERATOR : BYTES_ITERATOR; }
    }

    // ------------------------------------------------------------------ hex

    private static String hex(View v, Object sepObj, Object perSepObj) {
        char[] out;
        if (sepObj == null || sepObj == Py.None) {
            out = new char[v.length * 2];
            for (int i = 0; i < v.length; i++) {
                int b = v.data[i] & 0xff;
                out[2 * i] = HEX[b >> 4];
                out[2 * i + 1] = HEX[b & 15];
            }
            return new String(out);
        }
        String sepStr = StrMethods.asStr(sepObj);
        View sepBytes = sepStr == null ? view(sepObj) : null;
        long sepLen = sepStr != null ? CodePoints.length(sepStr) : sepBytes != null ? sepBytes.length : Ops.len(sepObj);
        if (sepLen != 1) throw Py.valueError("sep must be length 1.");
        int sep = sepStr != null ? sepStr.codePointAt(0) : sepBytes.data[0] & 0xff;
        if (sep > 127) throw Py.valueError("sep must be ASCII.");
        long perSep = perSepObj == null ? 1 : Ops.indexLong(perSepObj);
        if (v.length == 0) return "";
        long group = Math.abs(perSep);
        if (group == 0 || group >= v.length) return hex(v, null, null);
        StringBuilder sb = new StringBuilder(v.length * 3);
        for (int i = 0; i < v.length; i++) {
            // Groups are counted from the right for a positive bytes_per_sep, from the left for a negative one.
            boolean boundary = perSep > 0 ? i > 0 && (v.length - i) % group == 0 : i > 0 && i % group == 0;
            if (boundary) sb.append((char) sep);
            int b = v.data[i] & 0xff;
            sb.append(HEX[b >> 4]).append(HEX[b & 15]);
        }
        return sb.toString();
    }

    private static boolean isAsciiSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static byte[] fromhex(String s) {
        int[] cps = CodePoints.toArray(s);
        byte[] out = new byte[cps.length / 2];
        int n = 0;
        int i = 0;
        while (i < cps.length) {
            if (isAsciiSpace(cps[i])) {
                i++;
                continue;
            }
            int top = hexDigit(cps[i]);
            if (top < 0) throw Py.valueError("non-hexadecimal number found in fromhex() arg at position " + i);
            int bot = i + 1 < cps.length ? hexDigit(cps[i + 1]) : -1;
            if (bot < 0) throw Py.valueError("non-hexadecimal number found in fromhex() arg at position " + (i + 1));
            out[n++] = (byte) (top << 4 | bot);
            i += 2;
        }
        return Arrays.copyOf(out, n);
    }

    // ------------------------------------------------------------------ searching

    /** The needle of find/count/index: a bytes-like object or an int byte. */
    private static View needle(Object o) {
        View v = view(o);
        if (v != null) return v;
        Object raw = Ops.unbox(o);
        if (raw instanceof String || raw instanceof Double || !(raw instanceof Long || raw instanceof Boolean
                || raw instanceof BigInteger) && Ops.typeOf(o).lookup("__index__") == null) {
            throw Py.typeError("argument should be integer or bytes-like object, not '" + Ops.typeName(o) + "'");
        }
        return new View(new byte[] {(byte) byteValue(o)}, 1);
    }

    static int indexOf(View hay, View needle, int from, int to) {
        int m = needle.length;
        if (m == 0) return from <= to ? from : -1;
        byte first = needle.data[0];
        for (int i = from; i <= to - m; i++) {
            if (hay.data[i] != first) continue;
            if (Arrays.equals(hay.data, i, i + m, needle.data, 0, m)) return i;
        }
        return -1;
    }

    static int lastIndexOf(View hay, View needle, int from, int to) {
        int m = needle.length;
        if (m == 0) return from <= to ? to : -1;
        for (int i = to - m; i >= from; i--) {
            if (Arrays.equals(hay.data, i, i + m, needle.data, 0, m)) return i;
        }
        return -1;
    }

    private static Object opt(Object[] args, int i) { return i < args.length ? args[i] : Py.None; }

    private static long find(View v, Object sub, Object start, Object end, boolean reverse) {
        View needle = needle(sub);
        int[] r = CodePoints.adjust(start, end, v.length);
        if (r[0] > v.length) return -1;
        if (r[1] - r[0] < needle.length) return -1;
        return reverse ? lastIndexOf(v, needle, r[0], r[1]) : indexOf(v, needle, r[0], r[1]);
    }

    private static void installSearch(PyType t, boolean array) {
        String tn = typeName(array);
        t.define("find", (args, kw) -> {
            MethodArgs.varargs(tn, "find", args, kw, 1, 3);
            return find(self(args[0], array, "find"), args[1], opt(args, 2), opt(args, 3), false);
        });
        t.define("rfind", (args, kw) -> {
            MethodArgs.varargs(tn, "rfind", args, kw, 1, 3);
            return find(self(args[0], array, "rfind"), args[1], opt(args, 2), opt(args, 3), true);
        });
        t.define("index", (args, kw) -> {
            MethodArgs.varargs(tn, "index", args, kw, 1, 3);
            long r = find(self(args[0], array, "index"), args[1], opt(args, 2), opt(args, 3), false);
            if (r < 0) throw Py.valueError("subsection not found");
            return r;
        });
        t.define("rindex", (args, kw) -> {
            MethodArgs.varargs(tn, "rindex", args, kw, 1, 3);
            long r = find(self(args[0], array, "rindex"), args[1], opt(args, 2), opt(args, 3), true);
            if (r < 0) throw Py.valueError("subsection not found");
            return r;
        });
        t.define("count", (args, kw) -> {
            MethodArgs.varargs(tn, "count", args, kw, 1, 3);
            View v = self(args[0], array, "count");
            View needle = needle(args[1]);
            int[] r = CodePoints.adjust(opt(args, 2), opt(args, 3), v.length);
            if (r[0] > v.length || r[1] < r[0]) return 0L;
            if (needle.length == 0) return (long) (r[1] - r[0] + 1);
            long n = 0;
            int i = indexOf(v, needle, r[0], r[1]);
            while (i >= 0) {
                n++;
                i = indexOf(v, needle, i + needle.length, r[1]);
            }
            return n;
        });
        t.define("startswith", (args, kw) -> {
            MethodArgs.varargs(tn, "startswith", args, kw, 1, 3);
            return affix(self(args[0], array, "startswith"), args[1], opt(args, 2), opt(args, 3), false, "startswith");
        });
        t.define("endswith", (args, kw) -> {
            MethodArgs.varargs(tn, "endswith", args, kw, 1, 3);
            return affix(self(args[0], array, "endswith"), args[1], opt(args, 2), opt(args, 3), true, "endswith");
        });
        t.define("removeprefix", (args, kw) -> {
            View v = self(args[0], array, "removeprefix");
            View p = bytesLike(MethodArgs.one(tn, "removeprefix", args, kw));
            if (p.length <= v.length && Arrays.equals(v.data, 0, p.length, p.data, 0, p.length)) {
                return make(array, v, p.length, v.length);
            }
            return array ? make(true, v, 0, v.length) : args[0] instanceof PyBytes ? args[0] : make(false, v, 0, v.length);
        });
        t.define("removesuffix", (args, kw) -> {
            View v = self(args[0], array, "removesuffix");
            View s = bytesLike(MethodArgs.one(tn, "removesuffix", args, kw));
            if (s.length > 0 && s.length <= v.length
                    && Arrays.equals(v.data, v.length - s.length, v.length, s.data, 0, s.length)) {
                return make(array, v, 0, v.length - s.length);
            }
            return array ? make(true, v, 0, v.length) : args[0] instanceof PyBytes ? args[0] : make(false, v, 0, v.length);
        });
    }

    private static boolean affix(View v, Object affix, Object start, Object end, boolean suffix, String name) {
        if (affix instanceof PyTuple tuple) {
            for (Object item : tuple.items) {
                if (matchesAt(v, bytesLike(item), start, end, suffix)) return true;
            }
            return false;
        }
        View a = view(affix);
        if (a == null) {
            throw Py.typeError(name + " first arg must be bytes or a tuple of bytes, not " + Ops.typeName(affix));
        }
        return matchesAt(v, a, start, end, suffix);
    }

    private static boolean matchesAt(View v, View a, Object start, Object end, boolean suffix) {
        int[] r = CodePoints.adjust(start, end, v.length);
        if (r[0] > v.length || r[1] - r[0] < a.length) return false;
        int at = suffix ? r[1] - a.length : r[0];
        return Arrays.equals(v.data, at, at + a.length, a.data, 0, a.length);
    }

    // ------------------------------------------------------------------ transforms

    private static void installTransforms(PyType t, boolean array) {
        String tn = typeName(array);
        defineCaseMap(t, array, "lower");
        defineCaseMap(t, array, "upper");
        defineCaseMap(t, array, "swapcase");
        defineCaseMap(t, array, "title");
        defineCaseMap(t, array, "capitalize");
        t.define("replace", (args, kw) -> {
            MethodArgs.positional(tn, "replace", args, kw, 2, 3);
            View v = self(args[0], array, "replace");
            View old = bytesLike(args[1]);
            View rep = bytesLike(args[2]);
            long count = args.length > 3 ? MethodArgs.size(args[3]) : -1;
            return make(array, replace(v, old, rep, count));
        });
        t.define("join", (args, kw) -> {
            View sep = self(args[0], array, "join");
            return make(array, join(sep, MethodArgs.one(tn, "join", args, kw)));
        });
        t.define("strip", (args, kw) -> strip(args, kw, array, "strip", true, true));
        t.define("lstrip", (args, kw) -> strip(args, kw, array, "lstrip", true, false));
        t.define("rstrip", (args, kw) -> strip(args, kw, array, "rstrip", false, true));
        t.define("center", (args, kw) -> pad(args, kw, array, "center"));
        t.define("ljust", (args, kw) -> pad(args, kw, array, "ljust"));
        t.define("rjust", (args, kw) -> pad(args, kw, array, "rjust"));
        t.define("zfill", (args, kw) -> {
            View v = self(args[0], array, "zfill");
            long width = MethodArgs.size(MethodArgs.one(tn, "zfill", args, kw));
            if (width <= v.length) return make(array, v, 0, v.length);
            if (width > Integer.MAX_VALUE - 16) throw Py.memoryError();
            byte[] out = new byte[(int) width];
            int fill = (int) width - v.length;
            Arrays.fill(out, 0, fill, (byte) '0');
            System.arraycopy(v.data, 0, out, fill, v.length);
            if (v.length > 0 && (v.data[0] == '+' || v.data[0] == '-')) {
                out[0] = v.data[0];
                out[fill] = '0';
            }
            return make(array, out);
        });
        t.define("expandtabs", (args, kw) -> {
            View v = self(args[0], array, "expandtabs");
            Object[] a = MethodArgs.keywords("expandtabs", args, kw, new String[] {"tabsize"});
            long tabsize = a[0] == null ? 8 : MethodArgs.cInt(a[0]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(v.length + 16);
            long column = 0;
            for (int i = 0; i < v.length; i++) {
                byte b = v.data[i];
                if (b == '\t') {
                    if (tabsize > 0) {
                        long spaces = tabsize - column % tabsize;
                        if (out.size() + spaces > Integer.MAX_VALUE - 16) throw Py.memoryError();
                        for (long k = 0; k < spaces; k++) out.write(' ');
                        column += spaces;
                    }
                } else {
                    out.write(b);
                    column = b == '\n' || b == '\r' ? 0 : column + 1;
                }
            }
            return make(array, out.toByteArray());
        });
        t.define("translate", (args, kw) -> {
            View v = self(args[0], array, "translate");
            Object[] a = MethodArgs.keywords("translate", args, kw, new String[] {"table", "delete"});
            if (a[0] == null) throw Py.typeError("translate() missing required argument 'table' (pos 1)");
            View table = a[0] == Py.None ? null : bytesLike(a[0]);
            if (table != null && table.length != 256) throw Py.valueError("translation table must be 256 characters long");
            boolean[] delete = new boolean[256];
            if (a[1] != null) {
                View d = bytesLike(a[1]);
                for (int i = 0; i < d.length; i++) delete[d.data[i] & 0xff] = true;
            }
            byte[] out = new byte[v.length];
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                int b = v.data[i] & 0xff;
                if (delete[b]) continue;
                out[n++] = table == null ? (byte) b : table.data[b];
            }
            return make(array, Arrays.copyOf(out, n));
        });
    }

    private static boolean isLower(int c) { return c >= 'a' && c <= 'z'; }

    private static boolean isUpper(int c) { return c >= 'A' && c <= 'Z'; }

    private static void defineCaseMap(PyType t, boolean array, String name) {
        String tn = typeName(array);
        t.define(name, (args, kw) -> {
            MethodArgs.none(tn, name, args, kw);
            View v = self(args[0], array, name);
            byte[] out = new byte[v.length];
            boolean previousCased = false;
            for (int i = 0; i < v.length; i++) {
                int c = v.data[i] & 0xff;
                boolean lower = isLower(c);
                boolean upper = isUpper(c);
                int r = switch (name) {
                    case "lower" -> upper ? c + 32 : c;
                    case "upper" -> lower ? c - 32 : c;
                    case "swapcase" -> upper ? c + 32 : lower ? c - 32 : c;
                    case "title" -> previousCased ? (upper ? c + 32 : c) : (lower ? c - 32 : c);
                    default -> i == 0 ? (lower ? c - 32 : c) : (upper ? c + 32 : c);
                };
                previousCased = lower || upper;
                out[i] = (byte) r;
            }
            return make(array, out);
        });
    }

    private static byte[] replace(View v, View old, View rep, long count) {
        if (count < 0) count = Long.MAX_VALUE;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(v.length + 16);
        if (old.length == 0) {
            long done = 0;
            int i = 0;
            while (done < count) {
                out.write(rep.data, 0, rep.length);
                done++;
                if (i >= v.length) break;
                out.write(v.data[i++]);
            }
            out.write(v.data, i, v.length - i);
            return out.toByteArray();
        }
        int last = 0;
        long done = 0;
        int i = indexOf(v, old, 0, v.length);
        while (i >= 0 && done < count) {
            out.write(v.data, last, i - last);
            out.write(rep.data, 0, rep.length);
            last = i + old.length;
            done++;
            i = indexOf(v, old, last, v.length);
        }
        out.write(v.data, last, v.length - last);
        return out.toByteArray();
    }

    /** Whether iter(o) can work: the built-in containers, or a type with __iter__ or __getitem__. */
    static boolean isIterable(Object o) {
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet
                || o instanceof String || o instanceof PyIterator) {
            return true;
        }
        PyType type = Ops.typeOf(o);
        return type.lookup("__iter__") != null || type.lookup("__getitem__") != null;
    }

    private static byte[] join(View sep, Object iterable) {
        Object[] items;
        if (iterable instanceof PyList l) {
            items = l.toArray();
        } else if (iterable instanceof PyTuple tu) {
            items = tu.items;
        } else {
            if (!isIterable(iterable)) throw Py.typeError("can only join an iterable");
            items = Ops.toArray(iterable);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < items.length; i++) {
            View v = view(items[i]);
            if (v == null) {
                throw Py.typeError("sequence item " + i + ": expected a bytes-like object, " + Ops.typeName(items[i]) + " found");
            }
            if (i > 0) out.write(sep.data, 0, sep.length);
            out.write(v.data, 0, v.length);
        }
        return out.toByteArray();
    }

    private static Object strip(Object[] args, String[] kw, boolean array, String name, boolean left, boolean right) {
        MethodArgs.positional(typeName(array), name, args, kw, 0, 1);
        View v = self(args[0], array, name);
        Object charsArg = opt(args, 1);
        boolean[] strip = new boolean[256];
        if (charsArg == Py.None) {
            for (int c : new int[] {' ', '\t', '\n', '\r', 0x0b, 0x0c}) strip[c] = true;
        } else {
            View chars = bytesLike(charsArg);
            for (int i = 0; i < chars.length; i++) strip[chars.data[i] & 0xff] = true;
        }
        int start = 0;
        int end = v.length;
        if (left) while (start < end && strip[v.data[start] & 0xff]) start++;
        if (right) while (end > start && strip[v.data[end - 1] & 0xff]) end--;
        if (!array && start == 0 && end == v.length && args[0] instanceof PyBytes) return args[0];
        return make(array, v, start, end);
    }

    private static Object pad(Object[] args, String[] kw, boolean array, String name) {
        MethodArgs.positional(typeName(array), name, args, kw, 1, 2);
        View v = self(args[0], array, name);
        long width = MethodArgs.size(args[1]);
        byte fill = ' ';
        if (args.length > 2) {
            View f = view(args[2]);
            if (f == null || f.length != 1) {
                throw Py.typeError(name + "() argument 2 must be a byte string of length 1, not " + Ops.typeName(args[2]));
            }
            fill = f.data[0];
        }
        if (width <= v.length) return make(array, v, 0, v.length);
        if (width > Integer.MAX_VALUE - 16) throw Py.memoryError();
        long margin = width - v.length;
        long left = switch (name) {
            case "ljust" -> 0;
            case "rjust" -> margin;
            default -> margin / 2 + (margin & width & 1);
        };
        byte[] out = new byte[(int) width];
        Arrays.fill(out, fill);
        System.arraycopy(v.data, 0, out, (int) left, v.length);
        return make(array, out);
    }

    // ------------------------------------------------------------------ splitting

    private static final String[] SPLIT_PARAMS = {"sep", "maxsplit"};

    private static void installSplitting(PyType t, boolean array) {
        String tn = typeName(array);
        t.define("split", (args, kw) -> {
            View v = self(args[0], array, "split");
            Object[] a = MethodArgs.keywords("split", args, kw, SPLIT_PARAMS);
            long max = a[1] == null ? -1 : MethodArgs.size(a[1]);
            return split(v, splitSep(a[0]), max, array, false);
        });
        t.define("rsplit", (args, kw) -> {
            View v = self(args[0], array, "rsplit");
            Object[] a = MethodArgs.keywords("rsplit", args, kw, SPLIT_PARAMS);
            long max = a[1] == null ? -1 : MethodArgs.size(a[1]);
            return split(v, splitSep(a[0]), max, array, true);
        });
        t.define("splitlines", (args, kw) -> {
            View v = self(args[0], array, "splitlines");
            Object[] a = MethodArgs.keywords("splitlines", args, kw, new String[] {"keepends"});
            boolean keep = a[0] != null && Ops.isTrue(a[0]);
            PyList out = new PyList();
            int start = 0;
            int i = 0;
            while (i < v.length) {
                byte b = v.data[i];
                if (b != '\n' && b != '\r') {
                    i++;
                    continue;
                }
                int eol = i + (b == '\r' && i + 1 < v.length && v.data[i + 1] == '\n' ? 2 : 1);
                out.append(make(array, v, start, keep ? eol : i));
                start = eol;
                i = eol;
            }
            if (start < v.length) out.append(make(array, v, start, v.length));
            return out;
        });
        t.define("partition", (args, kw) -> {
            View v = self(args[0], array, "partition");
            View sep = partitionSep(MethodArgs.one(tn, "partition", args, kw));
            int i = indexOf(v, sep, 0, v.length);
            if (i < 0) return PyTuple.of(make(array, v, 0, v.length), make(array, new byte[0]), make(array, new byte[0]));
            return PyTuple.of(make(array, v, 0, i), make(array, sep, 0, sep.length), make(array, v, i + sep.length, v.length));
        });
        t.define("rpartition", (args, kw) -> {
            View v = self(args[0], array, "rpartition");
            View sep = partitionSep(MethodArgs.one(tn, "rpartition", args, kw));
            int i = lastIndexOf(v, sep, 0, v.length);
            if (i < 0) return PyTuple.of(make(array, new byte[0]), make(array, new byte[0]), make(array, v, 0, v.length));
            return PyTuple.of(make(array, v, 0, i), make(array, sep, 0, sep.length), make(array, v, i + sep.length, v.length));
        });
    }

    private static View splitSep(Object o) {
        if (o == null || o == Py.None) return null;
        View sep = bytesLike(o);
        if (sep.length == 0) throw Py.valueError("empty separator");
        return sep;
    }

    private static View partitionSep(Object o) {
        View sep = bytesLike(o);
        if (sep.length == 0) throw Py.valueError("empty separator");
        return sep;
    }

    private static PyList split(View v, View sep, long max, boolean array, boolean fromRight) {
        if (max < 0) max = Long.MAX_VALUE;
        PyList out = new PyList();
        if (sep == null) {
            if (!fromRight) {
                int i = 0;
                while (true) {
                    while (i < v.length && isAsciiSpace(v.data[i])) i++;
                    if (i == v.length) break;
                    if (max-- == 0) {
                        out.append(make(array, v, i, v.length));
                        break;
                    }
                    int j = i;
                    while (j < v.length && !isAsciiSpace(v.data[j])) j++;
                    out.append(make(array, v, i, j));
                    i = j;
                }
                return out;
            }
            int i = v.length;
            while (true) {
                while (i > 0 && isAsciiSpace(v.data[i - 1])) i--;
                if (i == 0) break;
                if (max-- == 0) {
                    out.append(make(array, v, 0, i));
                    break;
                }
                int j = i;
                while (j > 0 && !isAsciiSpace(v.data[j - 1])) j--;
                out.append(make(array, v, j, i));
                i = j;
            }
            reverse(out);
            return out;
        }
        if (!fromRight) {
            int last = 0;
            int i;
            while (max > 0 && (i = indexOf(v, sep, last, v.length)) >= 0) {
                out.append(make(array, v, last, i));
                last = i + sep.length;
                max--;
            }
            out.append(make(array, v, last, v.length));
            return out;
        }
        int end = v.length;
        while (max > 0) {
            int i = lastIndexOf(v, sep, 0, end);
            if (i < 0) break;
            out.append(make(array, v, i + sep.length, end));
            end = i;
            max--;
        }
        out.append(make(array, v, 0, end));
        reverse(out);
        return out;
    }

    private static void reverse(PyList list) {
        for (int a = 0, b = list.size - 1; a < b; a++, b--) {
            Object tmp = list.items[a];
            list.items[a] = list.items[b];
            list.items[b] = tmp;
        }
    }

    // ------------------------------------------------------------------ predicates

    private static void installPredicates(PyType t, boolean array) {
        String tn = typeName(array);
        String[] names = {"isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper"};
        for (String name : names) {
            t.define(name, (args, kw) -> {
                MethodArgs.none(tn, name, args, kw);
                View v = self(args[0], array, name);
                return predicate(name, v);
            });
        }
    }

    private static boolean predicate(String name, View v) {
        switch (name) {
            case "isascii" -> {
                for (int i = 0; i < v.length; i++) if (v.data[i] < 0) return false;
                return true;
            }
            case "islower", "isupper" -> {
                boolean lower = name.equals("islower");
                boolean cased = false;
                for (int i = 0; i < v.length; i++) {
                    int c = v.data[i] & 0xff;
                    if (lower ? isUpper(c) : isLower(c)) return false;
                    if (lower ? isLower(c) : isUpper(c)) cased = true;
                }
                return cased;
            }
            case "istitle" -> {
                boolean cased = false;
                boolean previousCased = false;
                for (int i = 0; i < v.length; i++) {
                    int c = v.data[i] & 0xff;
                    if (isUpper(c)) {
                        if (previousCased) return false;
                        previousCased = true;
                        cased = true;
                    } else if (isLower(c)) {
                        if (!previousCased) return false;
                        previousCased = true;
                        cased = true;
                    } else {
                        previousCased = false;
                    }
                }
                return cased;
            }
            default -> {
                if (v.length == 0) return false;
                for (int i = 0; i < v.length; i++) {
                    int c = v.data[i] & 0xff;
                    boolean ok = switch (name) {
                        case "isalnum" -> isLower(c) || isUpper(c) || c >= '0' && c <= '9';
                        case "isalpha" -> isLower(c) || isUpper(c);
                        case "isdigit" -> c >= '0' && c <= '9';
                        default -> isAsciiSpace(c);
                    };
                    if (!ok) return false;
                }
                return true;
            }
        }
    }

    // ------------------------------------------------------------------ bytes only

    private static final String[] NEW_PARAMS = {"source", "encoding", "errors"};

    private static void installBytes(PyType t) {
        t.defineStatic("__new__", (args, kw) -> {
            if (args.length == 0 || !(args[0] instanceof PyType cls) || !cls.isSubtypeOf(PyTypes.BYTES)) {
                throw Py.typeError("bytes.__new__(X): X is not a subtype of bytes");
            }
            Object[] a = constructorArgs("bytes", args, kw);
            byte[] data = construct(a[0], a[1], a[2], false);
            PyBytes value = data.length == 0 ? PyBytes.EMPTY : new PyBytes(data);
            return cls == PyTypes.BYTES ? value : new PyBoxed(cls, value);
        });
        t.define("__hash__", (args, kw) -> {
            View v = self(args[0], false, "__hash__");
            int h = 1;
            for (int i = 0; i < v.length; i++) h = 31 * h + v.data[i];
            return (long) h;
        });
        t.define("__bytes__", (args, kw) -> {
            View v = self(args[0], false, "__bytes__");
            return args[0] instanceof PyBytes ? args[0] : new PyBytes(v.data);
        });
        t.define("__getnewargs__", (args, kw) -> PyTuple.of(new PyBytes(self(args[0], false, "__getnewargs__").data)));
        t.define("__sizeof__", (args, kw) -> {
            MethodArgs.none("bytes", "__sizeof__", args, kw);
            return 33L + self(args[0], false, "__sizeof__").length;
        });
    }

    private static Object[] constructorArgs(String fname, Object[] args, String[] kw) {
        int nkw = kw == null ? 0 : kw.length;
        int npos = args.length - 1 - nkw;
        if (npos > 3) throw Py.typeError(fname + "() takes at most 3 arguments (" + npos + " given)");
        Object[] a = new Object[3];
        System.arraycopy(args, 1, a, 0, npos);
        for (int k = 0; k < nkw; k++) {
            int slot = -1;
            for (int i = 0; i < 3; i++) if (NEW_PARAMS[i].equals(kw[k])) slot = i;
            if (slot < 0) throw Py.typeError("'" + kw[k] + "' is an invalid keyword argument for " + fname + "()");
            if (slot < npos) {
                throw Py.typeError("argument for " + fname + "() given by name ('" + kw[k] + "') and position (" + (slot + 1) + ")");
            }
            a[slot] = args[1 + npos + k];
        }
        if (a[1] != null && StrMethods.asStr(a[1]) == null) {
            throw Py.typeError(fname + "() argument 'encoding' must be str, not " + Ops.typeName(a[1]));
        }
        if (a[2] != null && StrMethods.asStr(a[2]) == null) {
            throw Py.typeError(fname + "() argument 'errors' must be str, not " + Ops.typeName(a[2]));
        }
        return a;
    }

    /** The contents of bytes(source, encoding, errors) / bytearray(...). */
    private static byte[] construct(Object source, Object encoding, Object errors, boolean array) {
        if (source == null) {
            if (encoding != null) throw Py.typeError("encoding without a string argument");
            if (errors != null) throw Py.typeError("errors without a string argument");
            return new byte[0];
        }
        String text = StrMethods.asStr(source);
        if (encoding != null || errors != null) {
            if (text == null) {
                throw Py.typeError(encoding != null ? "encoding without a string argument" : "errors without a string argument");
            }
            if (encoding == null) throw Py.typeError("string argument without an encoding");
            return Codecs.encode(text, StrMethods.asStr(encoding), errors == null ? "strict" : StrMethods.asStr(errors));
        }
        if (text != null) throw Py.typeError("string argument without an encoding");
        if (!array && !(source instanceof PyBytes)) {
            Object r = Ops.callSpecial(source, "__bytes__");
            if (r != null) {
                Object rb = Ops.unbox(r);
                if (!(rb instanceof PyBytes b)) {
                    throw Py.typeError("__bytes__ returned non-bytes (type " + Ops.typeName(r) + ")");
                }
                return b.bytes;
            }
        }
        View v = view(source);
        if (v != null) return Arrays.copyOf(v.data, v.length);
        Object raw = Ops.unbox(source);
        if (raw instanceof Long || raw instanceof Boolean || raw instanceof BigInteger
                || Ops.typeOf(source).lookup("__index__") != null) {
            Object n = Ops.index(source);
            if (!(n instanceof Long len)) throw Py.overflowError("cannot fit 'int' into an index-sized integer");
            if (len < 0) throw Py.valueError("negative count");
            if (len > Integer.MAX_VALUE - 16) throw Py.memoryError();
            return new byte[(int) (long) len];
        }
        if (!isIterable(source)) {
            throw Py.typeError("cannot convert '" + Ops.typeName(source) + "' object to " + typeName(array));
        }
        return fromIterable(source, array);
    }

    private static byte[] fromIterable(Object iterable, boolean array) {
        Object[] items = Ops.toArray(iterable);
        byte[] out = new byte[items.length];
        for (int k = 0; k < items.length; k++) {
            Object i = Ops.index(items[k]);
            if (!(i instanceof Long l) || l < 0 || l > 255) {
                throw Py.valueError(array ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
            }
            out[k] = (byte) (long) l;
        }
        return out;
    }

    // ------------------------------------------------------------------ bytearray only

    private static void installByteArray(PyType t) {
        t.namespace().put("__hash__", Py.None);
        t.define("__init__", (args, kw) -> {
            PyByteArray self = selfArray(args[0], "__init__");
            Object[] a = constructorArgs("bytearray", args, kw);
            byte[] data = construct(a[0], a[1], a[2], true);
            self.bytes = data;
            self.size = data.length;
            return Py.None;
        });
        t.define("__setitem__", (args, kw) -> {
            setitem(selfArray(args[0], "__setitem__"), args[1], args[2]);
            return Py.None;
        });
        t.define("__delitem__", (args, kw) -> {
            delitem(selfArray(args[0], "__delitem__"), args[1]);
            return Py.None;
        });
        t.define("__iadd__", (args, kw) -> {
            PyByteArray self = selfArray(args[0], "__iadd__");
            View o = view(args[1]);
            if (o == null) throw Py.typeError("can't concat " + Ops.typeName(args[1]) + " to bytearray");
            append(self, o.data, o.length);
            return self;
        });
        t.define("__imul__", (args, kw) -> {
            PyByteArray self = selfArray(args[0], "__imul__");
            Object times = args[1];
            if (!(times instanceof Long) && !(times instanceof Boolean) && !(times instanceof BigInteger)
                    && Ops.typeOf(times).lookup("__index__") == null) {
                return Py.NotImplemented;
            }
            byte[] r = repeat(new View(self.bytes, self.size), Ops.index(times), true);
            self.bytes = r;
            self.size = r.length;
            return self;
        });
        t.define("append", (args, kw) -> {
            PyByteArray self = selfArray(args[0], "append");
            int b = byteValue(MethodArgs.one("bytearray", "append", args, kw));
            append(self, new byte[] {(byte) b}, 1);
            return Py.None;
        });
        t.define("extend", (args, kw) -> {
            PyByteArray self = selfArray(args[0], "extend");
            Object src = MethodArgs.one("bytearray", "extend", args, kw);
            View v = view(src);
            if (v != null) {
                append(self, Arrays.copyOf(v.data, v.length), v.length);
                return Py.None;
            }
            if (!isIterable(src)) throw Py.typeError("can't extend bytearray with " + Ops.typeName(src));
            byte[] data = fromIterable(src, true);
            append(self, data, data.length);
            return Py.None;
        });
        t.define("insert", (args, kw) -> {
            MethodArgs.positional("bytearray", "insert", args, kw, 2, 2);
            PyByteArray self = selfArray(args[0], "insert");
            long i = MethodArgs.size(args[1]);
            int b = byteValue(args[2]);
            if (i < 0) i = Math.max(0, i + self.size);
            if (i > self.size) i = self.size;
            ensureCapacity(self, self.size + 1);
            System.arraycopy(self.bytes, (int) i, self.bytes, (int) i + 1, self.size - (int) i);
            self.bytes[(int) i] = (byte) b;
            self.size++;
            return Py.None;
        });
        t.define("pop", (args, kw) -> {
            MethodArgs.positional("bytearray", "pop", args, kw, 0, 1);
            PyByteArray self = selfArray(args[0], "pop");
            long i = args.length > 1 ? MethodArgs.size(args[1]) : -1;
            if (self.size == 0) throw Py.indexError("pop from empty bytearray");
            if (i < 0) i += self.size;
            if (i < 0 || i >= self.size) throw Py.indexError("pop index out of range");
            int b = self.bytes[(int) i] & 0xff;
            System.arraycopy(self.bytes, (int) i + 1, self.bytes, (int) i, self.size - (int) i - 1);
            self.size--;
            return (long) b;
        });
        t.define("remove", (args, kw) -> {
            PyByteArray self = selfArray(args[0], "remove");
            int b = byteValue(MethodArgs.one("bytearray", "remove", args, kw));
            for (int i = 0; i < self.size; i++) {
                if ((self.bytes[i] & 0xff) == b) {
                    System.arraycopy(self.bytes, i + 1, self.bytes, i, self.size - i - 1);
                    self.size--;
                    return Py.None;
                }
            }
            throw Py.valueError("value not found in bytearray");
        });
        t.define("clear", (args, kw) -> {
            MethodArgs.none("bytearray", "clear", args, kw);
            PyByteArray self = selfArray(args[0], "clear");
            self.bytes = new byte[0];
            self.size = 0;
            return Py.None;
        });
        t.define("copy", (args, kw) -> {
            MethodArgs.none("bytearray", "copy", args, kw);
            PyByteArray self = selfArray(args[0], "copy");
            return new PyByteArray(Arrays.copyOf(self.bytes, self.size));
        });
        t.define("reverse", (args, kw) -> {
            MethodArgs.none("bytearray", "reverse", args, kw);
            PyByteArray self = selfArray(args[0], "reverse");
            for (int a = 0, b = self.size - 1; a < b; a++, b--) {
                byte tmp = self.bytes[a];
                self.bytes[a] = self.bytes[b];
                self.bytes[b] = tmp;
            }
            return Py.None;
        });
    }

    private static void ensureCapacity(PyByteArray ba, long needed) {
        if (needed > Integer.MAX_VALUE - 16) throw Py.memoryError();
        if (needed > ba.bytes.length) {
            ba.bytes = Arrays.copyOf(ba.bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, ba.bytes.length + (ba.bytes.length >> 1) + 8)));
        }
    }

    private static void append(PyByteArray ba, byte[] data, int length) {
        ensureCapacity(ba, (long) ba.size + length);
        System.arraycopy(data, 0, ba.bytes, ba.size, length);
        ba.size += length;
    }

    private static void setitem(PyByteArray ba, Object key, Object value) {
        if (!CodePoints.isSlice(key)) {
            if (!(key instanceof Long || key instanceof Boolean || key instanceof BigInteger)
                    && Ops.typeOf(key).lookup("__index__") == null) {
                throw Py.typeError("bytearray indices must be integers or slices, not " + Ops.typeName(key));
            }
            long i = Ops.indexLong(key);
            if (i < 0) i += ba.size;
            if (i < 0 || i >= ba.size) throw Py.indexError("bytearray index out of range");
            ba.bytes[(int) i] = (byte) byteValue(value);
            return;
        }
        byte[] src = assignedBytes(value);
        long[] r = CodePoints.sliceIndices(key, ba.size);
        int start = (int) r[0];
        int step = (int) r[2];
        int count = (int) r[3];
        if (step == 1) {
            int stop = Math.max(start, (int) r[1]);
            replaceRange(ba, start, stop, src);
            return;
        }
        if (src.length != count) {
            throw Py.valueError("attempt to assign bytes of size " + src.length + " to extended slice of size " + count);
        }
        for (int k = 0, i = start; k < count; k++, i += step) ba.bytes[i] = src[k];
    }

    /** The bytes assigned to a bytearray slice: a bytes-like object or an iterable of ints. */
    private static byte[] assignedBytes(Object value) {
        View v = view(value);
        if (v != null) return Arrays.copyOf(v.data, v.length);
        Object raw = Ops.unbox(value);
        if (raw instanceof String || raw instanceof Long || raw instanceof Boolean || raw instanceof BigInteger
                || !isIterable(value)) {
            throw Py.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        return fromIterable(value, true);
    }

    private static void replaceRange(PyByteArray ba, int start, int stop, byte[] src) {
        int tail = ba.size - stop;
        long newSize = (long) start + src.length + tail;
        ensureCapacity(ba, newSize);
        System.arraycopy(ba.bytes, stop, ba.bytes, start + src.length, tail);
        System.arraycopy(src, 0, ba.bytes, start, src.length);
        ba.size = (int) newSize;
    }

    private static void delitem(PyByteArray ba, Object key) {
        if (!CodePoints.isSlice(key)) {
            if (!(key instanceof Long || key instanceof Boolean || key instanceof BigInteger)
                    && Ops.typeOf(key).lookup("__index__") == null) {
                throw Py.typeError("bytearray indices must be integers or slices, not " + Ops.typeName(key));
            }
            long i = Ops.indexLong(key);
            if (i < 0) i += ba.size;
            if (i < 0 || i >= ba.size) throw Py.indexError("bytearray index out of range");
            replaceRange(ba, (int) i, (int) i + 1, new byte[0]);
            return;
        }
        long[] r = CodePoints.sliceIndices(key, ba.size);
        int start = (int) r[0];
        int step = (int) r[2];
        int count = (int) r[3];
        if (count == 0) return;
        if (step == 1) {
            replaceRange(ba, start, start + count, new byte[0]);
            return;
        }
        boolean[] drop = new boolean[ba.size];
        for (int k = 0, i = start; k < count; k++, i += step) drop[i] = true;
        int n = 0;
        for (int i = 0; i < ba.size; i++) if (!drop[i]) ba.bytes[n++] = ba.bytes[i];
        ba.size = n;
    }
}
