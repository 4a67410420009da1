package dev.gild.stdlib.binary;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** {@code binascii}: hex and base64 conversions and checksums, with CPython's errors. */
public final class BinasciiModule implements ModuleProvider {
    static final PyType ERROR = ErrorClasses.define("binascii", "Error", PyExc.ValueError);
    static final PyType INCOMPLETE = ErrorClasses.define("binascii", "Incomplete", PyExc.Exception);

    private static final byte[] BASE64_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BASE64_VALUES = new byte[256];

    static {
        java.util.Arrays.fill(BASE64_VALUES, (byte) -1);
        for (int i = 0; i < 64; i++) BASE64_VALUES[BASE64_ALPHABET[i]] = (byte) i;
    }

    static PyException error(String message) { return Py.raise(ERROR, message); }

    /** The data of an a2b_* argument: bytes-like, or a str of ASCII characters. */
    static byte[] asciiData(Object o) {
        byte[] b = Buffers.bytesOrNull(o);
        if (b != null) return b;
        if (Ops.unbox(o) instanceof String s) {
            byte[] out = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > 127) throw Py.valueError("string argument should contain only ASCII characters");
                out[i] = (byte) c;
            }
            return out;
        }
        throw Py.typeError("argument should be bytes, buffer or ASCII string, not '" + Ops.typeName(o) + "'");
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static byte[] unhexlify(byte[] data) {
        if (data.length % 2 != 0) throw error("Odd-length string");
        byte[] out = new byte[data.length / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexValue(data[2 * i]);
            int lo = hexValue(data[2 * i + 1]);
            if (hi < 0 || lo < 0) throw error("Non-hexadecimal digit found");
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** hexlify with a separator every bytesPerSep bytes, counted from the right when positive. */
    static byte[] hexlify(byte[] data, Object sepArg, Object bytesPerSepArg) {
        byte[] hex = Hex.encodeBytes(data);
        if (sepArg == null || sepArg == Py.None || data.length == 0) return hex;
        byte sep;
        Object raw = Ops.unbox(sepArg);
        if (raw instanceof String s) {
            if (s.length() != 1) throw Py.valueError("sep must be length 1.");
            if (s.charAt(0) > 127) throw Py.valueError("sep must be ASCII.");
            sep = (byte) s.charAt(0);
        } else {
            byte[] b = Buffers.bytesOrNull(sepArg);
            if (b == null) throw Py.typeError("sep must be str or bytes.");
            if (b.length != 1) throw Py.valueError("sep must be length 1.");
            sep = b[0];
        }
        int group = bytesPerSepArg == null ? 1 : Ops.indexInt(bytesPerSepArg);
        int width = Math.abs(group);
        if (width == 0 || width >= data.length) return hex;
        int separators = (data.length - 1) / width;
        byte[] out = new byte[hex.length + separators];
        // Groups are aligned at the right for a positive count and at the left for a negative one.
        int firstGroup = group > 0 ? data.length - separators * width : width;
        int o = 0;
        for (int i = 0; i < data.length; i++) {
            if (i > 0 && (i - firstGroup) % width == 0 && i >= firstGroup) out[o++] = sep;
            out[o++] = hex[2 * i];
            out[o++] = hex[2 * i + 1];
        }
        return out;
    }

    static byte[] b2aBase64(byte[] data, boolean newline) {
        int full = data.length / 3;
        int rest = data.length - full * 3;
        byte[] out = new byte[(full + (rest > 0 ? 1 : 0)) * 4 + (newline ? 1 : 0)];
        int o = 0;
        int i = 0;
        for (int g = 0; g < full; g++, i += 3) {
            int v = (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
            out[o++] = BASE64_ALPHABET[v >>> 18];
            out[o++] = BASE64_ALPHABET[(v >>> 12) & 63];
            out[o++] = BASE64_ALPHABET[(v >>> 6) & 63];
            out[o++] = BASE64_ALPHABET[v & 63];
        }
        if (rest > 0) {
            int v = (data[i] & 0xFF) << 16 | (rest == 2 ? (data[i + 1] & 0xFF) << 8 : 0);
            out[o++] = BASE64_ALPHABET[v >>> 18];
            out[o++] = BASE64_ALPHABET[(v >>> 12) & 63];
            out[o++] = rest == 2 ? BASE64_ALPHABET[(v >>> 6) & 63] : (byte) '=';
            out[o++] = '=';
        }
        if (newline) out[o] = '\n';
        return out;
    }

    /**
     * base64 decoding as CPython does it: outside strict mode, characters that are not base64 are
     * skipped and decoding stops at the padding that completes a quad.
     */
    static byte[] a2bBase64(byte[] data, boolean strict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 * 3 + 3);
        if (strict && data.length > 0 && data[0] == '=') throw error("Leading padding not allowed");
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        boolean paddingStarted = false;
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xFF;
            if (c == '=') {
                paddingStarted = true;
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    if (strict && i + 1 < data.length) throw error("Excess data after padding");
                    return out.toByteArray();
                }
                continue;
            }
            int v = BASE64_VALUES[c];
            if (v < 0) {
                if (strict) throw error("Only base64 data is allowed");
                continue;
            }
            if (strict && paddingStarted) throw error("Discontinuous padding not allowed");
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write(leftChar << 2 | v >> 4);
                    leftChar = v & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write(leftChar << 4 | v >> 2);
                    leftChar = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write(leftChar << 6 | v);
                    leftChar = 0;
                }
            }
        }
        if (quadPos == 1) {
            throw error("Invalid base64-encoded string: number of data characters (" + (out.size() / 3 * 4 + 1)
                    + ") cannot be 1 more than a multiple of 4");
        }
        if (quadPos != 0) throw error("Incorrect padding");
        return out.toByteArray();
    }

    private static final int[] CRC_HQX_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int b = 0; b < 8; b++) crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            CRC_HQX_TABLE[i] = crc & 0xFFFF;
        }
    }

    static long crcHqx(byte[] data, long start) {
        int crc = (int) (start & 0xFFFF);
        for (byte b : data) crc = ((crc << 8) & 0xFF00) ^ CRC_HQX_TABLE[((crc >> 8) & 0xFF) ^ (b & 0xFF)];
        return crc;
    }

    private static long unsigned32(Object o) {
        Object v = Ops.index(o);
        if (v instanceof Long l) return l & 0xFFFFFFFFL;
        return ((BigInteger) v).longValue() & 0xFFFFFFFFL;
    }

    @Override public String name() { return "binascii"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("binascii");
        m.set("Error", ERROR);
        m.set("Incomplete", INCOMPLETE);
        for (String name : new String[] {"hexlify", "b2a_hex"}) {
            m.define(name, (args, kw) -> {
                Object[] p = Args.parse(name, args, kw, 0, new String[] {"data", "sep", "bytes_per_sep"}, 1, 3);
                return new PyBytes(hexlify(Buffers.bytes(p[0]), p[1], p[2]));
            });
        }
        for (String name : new String[] {"unhexlify", "a2b_hex"}) {
            m.define(name, (args, kw) -> {
                Object[] p = Args.parse(name, args, kw, 0, new String[] {"hexstr"}, 1, 1);
                return new PyBytes(unhexlify(asciiData(p[0])));
            });
        }
        m.define("b2a_base64", (args, kw) -> {
            Object[] p = Args.parse("b2a_base64", args, kw, 0, new String[] {"data", "newline"}, 1, 1);
            return new PyBytes(b2aBase64(Buffers.bytes(p[0]), p[1] == null || Ops.isTrue(p[1])));
        });
        m.define("a2b_base64", (args, kw) -> {
            Object[] p = Args.parse("a2b_base64", args, kw, 0, new String[] {"data", "strict_mode"}, 1, 1);
            return new PyBytes(a2bBase64(asciiData(p[0]), p[1] != null && Ops.isTrue(p[1])));
        });
        m.define("crc32", (args, kw) -> {
            Args.check("crc32", args, kw, 0, 1, 2);
            byte[] data = Buffers.bytes(args[0]);
            long start = args.length > 1 ? unsigned32(args[1]) : 0;
            return ZlibModule.maybeReleasing(data.length, () -> Checksums.crc32(start, data));
        });
        m.define("crc_hqx", (args, kw) -> {
            Args.check("crc_hqx", args, kw, 0, 2, 2);
            return crcHqx(Buffers.bytes(args[0]), unsigned32(args[1]));
        });
        return m;
    }
}
