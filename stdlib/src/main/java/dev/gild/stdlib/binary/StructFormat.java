package dev.gild.stdlib.binary;

import dev.gild.runtime.NumberOps;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyByteArray;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled struct format: its items with their offsets, and packing/unpacking with CPython's
 * rules. Native mode ('@', the default) uses x86-64 Linux sizes and alignment; '=', '<', '>' and
 * '!' use the standard sizes without alignment.
 */
final class StructFormat {
    /** One packed value ('s' and 'p' take one value of {@code length} bytes). */
    private record Item(char code, int offset, int length) {}

    final String format;
    final int size;
    private final boolean littleEndian;
    private final boolean nativeMode;
    private final Item[] items;

    private StructFormat(String format, int size, boolean littleEndian, boolean nativeMode, Item[] items) {
        this.format = format;
        this.size = size;
        this.littleEndian = littleEndian;
        this.nativeMode = nativeMode;
        this.items = items;
    }

    int itemCount() { return items.length; }

    static PyException error(String message) { return Py.raise(StructModule.ERROR, message); }

    private static int standardSize(char c) {
        return switch (c) {
            case 'x', 'c', 'b', 'B', '?', 's', 'p' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'l', 'L', 'f' -> 4;
            case 'q', 'Q', 'd' -> 8;
            default -> -1;
        };
    }

    private static int nativeSize(char c) {
        return switch (c) {
            case 'l', 'L', 'n', 'N', 'P' -> 8;
            default -> standardSize(c);
        };
    }

    static StructFormat compile(String format) {
        int i = 0;
        boolean nativeMode = true;
        boolean little = true;
        if (!format.isEmpty()) {
            switch (format.charAt(0)) {
                case '@' -> i = 1;
                case '=', '<' -> {
                    nativeMode = false;
                    i = 1;
                }
                case '>', '!' -> {
                    nativeMode = false;
                    little = false;
                    i = 1;
                }
                default -> { }
            }
        }
        List<Item> items = new ArrayList<>();
        long offset = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            long count = 1;
            if (c >= '0' && c <= '9') {
                count = 0;
                while (i < n && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                    count = count * 10 + (format.charAt(i) - '0');
                    if (count > Integer.MAX_VALUE) throw error("total struct size too long");
                    i++;
                }
                if (i >= n) throw error("repeat count given without format specifier");
                c = format.charAt(i);
            }
            i++;
            int itemSize = nativeMode ? nativeSize(c) : standardSize(c);
            if (itemSize < 0) throw error("bad char in struct format");
            if (nativeMode && c != 's' && c != 'p' && c != 'x') offset = (offset + itemSize - 1) / itemSize * itemSize;
            if (c == 's' || c == 'p') {
                items.add(new Item(c, (int) offset, (int) count));
                offset += count;
            } else if (c == 'x') {
                offset += count;
            } else {
                for (long k = 0; k < count; k++) {
                    items.add(new Item(c, (int) offset, itemSize));
                    offset += itemSize;
                    if (offset > Integer.MAX_VALUE) throw error("total struct size too long");
                }
            }
            if (offset > Integer.MAX_VALUE) throw error("total struct size too long");
        }
        return new StructFormat(format, (int) offset, little, nativeMode, items.toArray(new Item[0]));
    }

    // ------------------------------------------------------------------ packing

    void pack(Object[] values, int from, byte[] out, int base) {
        for (int k = 0; k < items.length; k++) {
            Item item = items[k];
            Object v = values[from + k];
            int at = base + item.offset;
            switch (item.code) {
                case 's', 'p' -> packString(item, v, out, at);
                case 'c' -> {
                    byte[] b = Buffers.bytesOrNull(v);
                    if (b == null || b.length != 1) throw error("char format requires a bytes object of length 1");
                    out[at] = b[0];
                }
                case '?' -> out[at] = (byte) (Ops.isTrue(v) ? 1 : 0);
                case 'e' -> writeInt(out, at, 2, HalfFloat.pack(toDouble(v)));
                case 'f' -> {
                    double d = toDouble(v);
                    float f = (float) d;
                    if (Float.isInfinite(f) && !Double.isInfinite(d) && !nativeMode) {
                        throw Py.overflowError("float too large to pack with f format");
                    }
                    writeInt(out, at, 4, Float.floatToRawIntBits(f));
                }
                case 'd' -> writeInt(out, at, 8, Double.doubleToRawLongBits(toDouble(v)));
                default -> writeInt(out, at, item.length, integerBits(item.code, item.length, v));
            }
        }
    }

    private static void packString(Item item, Object v, byte[] out, int at) {
        byte[] b = Buffers.bytesOrNull(v);
        if (b == null) throw error("argument for '" + item.code + "' must be a bytes object");
        if (item.code == 's') {
            System.arraycopy(b, 0, out, at, Math.min(b.length, item.length));
        } else if (item.length > 0) {
            int n = Math.min(b.length, item.length - 1);
            System.arraycopy(b, 0, out, at + 1, n);
            out[at] = (byte) Math.min(n, 255);
        }
    }

    private void writeInt(byte[] out, int at, int width, long bits) {
        if (littleEndian) {
            for (int b = 0; b < width; b++) out[at + b] = (byte) (bits >>> (8 * b));
        } else {
            for (int b = 0; b < width; b++) out[at + width - 1 - b] = (byte) (bits >>> (8 * b));
        }
    }

    private static double toDouble(Object v) {
        Object raw = Ops.unbox(v);
        if (raw instanceof Double d) return d;
        try {
            if (raw instanceof Long || raw instanceof BigInteger || raw instanceof Boolean || Ops.typeOf(v).lookup("__float__") != null
                    || Ops.typeOf(v).lookup("__index__") != null) {
                return NumberOps.toDouble(v);
            }
        } catch (PyException e) {
            if (!e.matches(PyExc.OverflowError)) throw e;
        }
        throw error("required argument is not a float");
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** The bits of an integer item, range-checked with CPython's messages. */
    private long integerBits(char code, int width, Object v) {
        Object raw = Ops.unbox(v);
        Object value;
        if (raw instanceof Long || raw instanceof BigInteger) {
            value = raw;
        } else if (raw instanceof Boolean b) {
            value = b ? 1L : 0L;
        } else if (Ops.typeOf(v).lookup("__index__") != null) {
            value = Ops.index(v);
        } else {
            throw error("required argument is not an integer");
        }
        // Big-endian 8-byte items convert through _PyLong_AsByteArray, whose overflow message differs.
        String outOfRange = !littleEndian && (code == 'q' || code == 'Q') ? "int too large to convert" : "argument out of range";
        boolean unsignedLong = code == 'I' || code == 'L' || code == 'Q' || code == 'N';
        if (code == 'P') {
            if (value instanceof BigInteger b && (b.signum() < 0 || b.compareTo(TWO_64) >= 0)) {
                throw error("int too large to convert");
            }
            return value instanceof Long l ? l : ((BigInteger) value).longValue();
        }
        if (unsignedLong) {
            if (value instanceof Long l) {
                if (l < 0) throw error(outOfRange);
                if (width == 4 && l > 0xFFFFFFFFL) throw error("'" + code + "' format requires 0 <= number <= 4294967295");
                return l;
            }
            BigInteger b = (BigInteger) value;
            if (b.signum() < 0 || b.compareTo(TWO_64) >= 0) throw error(outOfRange);
            if (width < 8) throw error("'" + code + "' format requires 0 <= number <= 4294967295");
            return b.longValue();
        }
        if (!(value instanceof Long)) throw error(outOfRange);
        long l = (Long) value;
        switch (code) {
            case 'b' -> {
                if (l < -128 || l > 127) throw error("byte format requires -128 <= number <= 127");
            }
            case 'B' -> {
                if (l < 0 || l > 255) throw error("ubyte format requires 0 <= number <= 255");
            }
            case 'h' -> {
                if (l < -32768 || l > 32767) {
                    throw error(littleEndian ? "short format requires -32768 <= number <= 32767"
                            : "'h' format requires -32768 <= number <= 32767");
                }
            }
            case 'H' -> {
                // Big-endian 'H' converts as an unsigned long first, as CPython's bp_uint does.
                if (l < 0 && !littleEndian) throw error("argument out of range");
                if (l < 0 || l > 65535) {
                    throw error(littleEndian ? "ushort format requires 0 <= number <= 65535"
                            : "'H' format requires 0 <= number <= 65535");
                }
            }
            default -> {
                if (width == 4 && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                    throw error("'" + code + "' format requires -2147483648 <= number <= 2147483647");
                }
            }
        }
        return l;
    }

    // ------------------------------------------------------------------ unpacking

    Object[] unpack(byte[] data, int base) {
        Object[] out = new Object[items.length];
        for (int k = 0; k < items.length; k++) {
            Item item = items[k];
            int at = base + item.offset;
            out[k] = switch (item.code) {
                case 's' -> new PyBytes(java.util.Arrays.copyOfRange(data, at, at + item.length));
                case 'p' -> {
                    if (item.length == 0) yield PyBytes.EMPTY;
                    int n = Math.min(data[at] & 0xFF, item.length - 1);
                    yield new PyBytes(java.util.Arrays.copyOfRange(data, at + 1, at + 1 + n));
                }
                case 'c' -> new PyBytes(new byte[] {data[at]});
                case '?' -> data[at] != 0;
                case 'e' -> HalfFloat.unpack((int) readInt(data, at, 2));
                case 'f' -> (double) Float.intBitsToFloat((int) readInt(data, at, 4));
                case 'd' -> Double.longBitsToDouble(readInt(data, at, 8));
                default -> integerValue(item.code, item.length, readInt(data, at, item.length));
            };
        }
        return out;
    }

    private long readInt(byte[] data, int at, int width) {
        long v = 0;
        if (littleEndian) {
            for (int b = width - 1; b >= 0; b--) v = v << 8 | (data[at + b] & 0xFF);
        } else {
            for (int b = 0; b < width; b++) v = v << 8 | (data[at + b] & 0xFF);
        }
        return v;
    }

    private static Object integerValue(char code, int width, long bits) {
        boolean unsigned = Character.isUpperCase(code) || code == 'P';
        if (width == 8) {
            if (unsigned && bits < 0) return Py.newInt(new BigInteger(Long.toUnsignedString(bits)));
            return bits;
        }
        if (unsigned) return bits;
        int shift = 64 - 8 * width;
        return bits << shift >> shift;
    }
}
