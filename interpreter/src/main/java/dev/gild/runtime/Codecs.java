package dev.gild.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text encodings of str.encode / bytes.decode: UTF-8 (and utf-8-sig), ASCII, Latin-1, UTF-16
 * and UTF-32 in both byte orders, with the error handlers strict, ignore, replace,
 * backslashreplace, xmlcharrefreplace (encoding) and surrogateescape. Errors are raised as CPython
 * raises them: UnicodeEncodeError / UnicodeDecodeError with encoding, object, start, end and
 * reason, covering the same range of characters or bytes.
 */
public final class Codecs {
    private Codecs() {}

    /** The codecs Gild has, by their canonical CPython name. */
    private enum Codec {
        UTF8("utf-8"), UTF8_SIG("utf-8-sig"), ASCII("ascii"), LATIN1("latin-1"),
        UTF16("utf-16"), UTF16_LE("utf-16-le"), UTF16_BE("utf-16-be"),
        UTF32("utf-32"), UTF32_LE("utf-32-le"), UTF32_BE("utf-32-be");

        final String errorName;

        Codec(String errorName) { this.errorName = errorName; }
    }

    /**
     * Finds a codec as encodings.search_function does: the name lowercased, runs of characters
     * other than letters, digits and '.' folded into '_', then CPython's aliases.
     */
    private static Codec lookup(String encoding) {
        String n = normalize(encoding);
        switch (n) {
            case "utf_8": case "utf8": case "u8": case "utf": case "cp65001": return Codec.UTF8;
            case "utf_8_sig": return Codec.UTF8_SIG;
            case "ascii": case "us_ascii": case "646": case "us": case "ansi_x3.4_1968": case "iso646_us":
            case "cp367": case "csascii": case "ibm367": case "iso_ir_6": case "ansi_x3_4_1968":
                return Codec.ASCII;
            case "latin_1": case "latin1": case "latin": case "l1": case "iso8859_1": case "iso_8859_1":
            case "iso8859": case "8859": case "cp819": case "iso_ir_100": case "ibm819": case "csisolatin1":
            case "iso_8859_1_1987":
                return Codec.LATIN1;
            case "utf_16": case "utf16": case "u16": return Codec.UTF16;
            case "utf_16_le": case "utf_16le": case "utf16le": return Codec.UTF16_LE;
            case "utf_16_be": case "utf_16be": case "utf16be": return Codec.UTF16_BE;
            case "utf_32": case "utf32": case "u32": return Codec.UTF32;
            case "utf_32_le": case "utf_32le": case "utf32le": return Codec.UTF32_LE;
            case "utf_32_be": case "utf_32be": case "utf32be": return Codec.UTF32_BE;
            default: throw Py.raise(PyExc.LookupError, "unknown encoding: " + encoding);
        }
    }

    private static String normalize(String encoding) {
        StringBuilder sb = new StringBuilder(encoding.length());
        boolean pendingUnderscore = false;
        for (int i = 0; i < encoding.length(); i++) {
            char c = encoding.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.')) {
                if (pendingUnderscore && sb.length() > 0) sb.append('_');
                pendingUnderscore = false;
                sb.append(Character.toLowerCase(c));
            } else {
                pendingUnderscore = true;
            }
        }
        return sb.toString();
    }

    /** True when the encoding name means UTF-8 (the common case, checked without normalising). */
    private static boolean isUtf8(String encoding) {
        return encoding.equals("utf-8") || encoding.equals("utf8") || encoding.equals("UTF-8");
    }

    // ------------------------------------------------------------------ errors

    private static PyException unknownHandler(String errors) {
        return Py.raise(PyExc.LookupError, "unknown error handler name '" + errors + "'");
    }

    static PyException encodeError(String encoding, String text, int start, int end, String reason) {
        PyBaseException e = new PyBaseException(PyExc.UnicodeEncodeError, encoding, text, (long) start, (long) end, reason);
        e.setAttr("encoding", encoding);
        e.setAttr("object", text);
        e.setAttr("start", (long) start);
        e.setAttr("end", (long) end);
        e.setAttr("reason", reason);
        return e.toThrowable();
    }

    static PyException decodeError(String encoding, byte[] data, int start, int end, String reason) {
        PyBytes object = new PyBytes(data);
        PyBaseException e = new PyBaseException(PyExc.UnicodeDecodeError, encoding, object, (long) start, (long) end, reason);
        e.setAttr("encoding", encoding);
        e.setAttr("object", object);
        e.setAttr("start", (long) start);
        e.setAttr("end", (long) end);
        e.setAttr("reason", reason);
        return e.toThrowable();
    }

    /**
     * Gives UnicodeEncodeError and UnicodeDecodeError their five-argument constructor and their
     * str(), unless the exception classes already define them.
     */
    static void installErrorTypes() {
        PyType encodeError = PyExc.UnicodeEncodeError;
        PyType decodeError = PyExc.UnicodeDecodeError;
        if (encodeError.namespace().getStr("__init__") == null) {
            encodeError.define("__init__", (args, kw) -> initError(args, kw, false));
        }
        if (encodeError.namespace().getStr("__str__") == null) {
            encodeError.define("__str__", (args, kw) -> encodeErrorMessage((PyBaseException) args[0]));
        }
        if (decodeError.namespace().getStr("__init__") == null) {
            decodeError.define("__init__", (args, kw) -> initError(args, kw, true));
        }
        if (decodeError.namespace().getStr("__str__") == null) {
            decodeError.define("__str__", (args, kw) -> decodeErrorMessage((PyBaseException) args[0]));
        }
    }

    /** UnicodeEncodeError(encoding, object, start, end, reason) / UnicodeDecodeError(...). */
    private static Object initError(Object[] args, String[] kw, boolean decode) {
        if (kw != null && kw.length > 0) {
            throw Py.typeError(Ops.typeName(args[0]) + "() takes no keyword arguments");
        }
        if (args.length != 6) throw Py.typeError("function takes exactly 5 arguments (" + (args.length - 1) + " given)");
        PyBaseException e = (PyBaseException) args[0];
        String encoding = StrMethods.asStr(args[1]);
        if (encoding == null) throw Py.typeError("argument 1 must be str, not " + Ops.typeName(args[1]));
        Object object;
        if (decode) {
            Object raw = Ops.unbox(args[2]);
            if (raw instanceof PyBytes b) object = b;
            else if (raw instanceof PyByteArray ba) object = new PyBytes(java.util.Arrays.copyOf(ba.bytes, ba.size));
            else throw Py.typeError("a bytes-like object is required, not '" + Ops.typeName(args[2]) + "'");
        } else {
            object = StrMethods.asStr(args[2]);
            if (object == null) throw Py.typeError("argument 2 must be str, not " + Ops.typeName(args[2]));
        }
        Object start = Ops.index(args[3]);
        Object end = Ops.index(args[4]);
        String reason = StrMethods.asStr(args[5]);
        if (reason == null) throw Py.typeError("argument 5 must be str, not " + Ops.typeName(args[5]));
        e.args = PyTuple.of(args[1], args[2], args[3], args[4], args[5]);
        e.setAttr("encoding", encoding);
        e.setAttr("object", object);
        e.setAttr("start", start);
        e.setAttr("end", end);
        e.setAttr("reason", reason);
        return Py.None;
    }

    /** str() of a UnicodeEncodeError, from its attributes as CPython computes it. */
    static String encodeErrorMessage(PyBaseException e) {
        Object encoding = e.attr("encoding");
        Object object = e.attr("object");
        Object start = e.attr("start");
        Object end = e.attr("end");
        Object reason = e.attr("reason");
        if (!(encoding instanceof String enc) || !(object instanceof String text) || !(start instanceof Long s)
                || !(end instanceof Long en) || !(reason instanceof String why)) {
            return e.args.size() == 1 ? Ops.str(e.args.get(0)) : e.args.size() == 0 ? "" : Ops.str(e.args);
        }
        int[] cps = CodePoints.toArray(text);
        if (s < cps.length && en == s + 1) {
            int bad = cps[(int) (long) s];
            String escaped = bad <= 0xff ? "\\x" + hex(bad, 2) : bad <= 0xffff ? "\\u" + hex(bad, 4) : "\\U" + hex(bad, 8);
            return "'" + enc + "' codec can't encode character '" + escaped + "' in position " + s + ": " + why;
        }
        return "'" + enc + "' codec can't encode characters in position " + s + "-" + (en - 1) + ": " + why;
    }

    /** str() of a UnicodeDecodeError. */
    static String decodeErrorMessage(PyBaseException e) {
        Object encoding = e.attr("encoding");
        Object object = e.attr("object");
        Object start = e.attr("start");
        Object end = e.attr("end");
        Object reason = e.attr("reason");
        byte[] data = object instanceof PyBytes b ? b.bytes : object instanceof PyByteArray ba ? ba.bytes : null;
        int size = object instanceof PyBytes b ? b.bytes.length : object instanceof PyByteArray ba ? ba.size : 0;
        if (!(encoding instanceof String enc) || data == null || !(start instanceof Long s)
                || !(end instanceof Long en) || !(reason instanceof String why)) {
            return e.args.size() == 1 ? Ops.str(e.args.get(0)) : e.args.size() == 0 ? "" : Ops.str(e.args);
        }
        if (s >= 0 && s < size && en == s + 1) {
            return "'" + enc + "' codec can't decode byte 0x" + hex(data[(int) (long) s] & 0xff, 2) + " in position " + s
                    + ": " + why;
        }
        return "'" + enc + "' codec can't decode bytes in position " + s + "-" + (en - 1) + ": " + why;
    }

    static String hex(int v, int digits) {
        String h = Integer.toHexString(v);
        return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
    }

    // ------------------------------------------------------------------ encoding

    /** str.encode(encoding, errors). */
    public static byte[] encode(String s, String encoding, String errors) {
        if (isUtf8(encoding)) return encodeUtf8(s, "utf-8", errors);
        return switch (lookup(encoding)) {
            case UTF8 -> encodeUtf8(s, "utf-8", errors);
            case UTF8_SIG -> {
                byte[] body = encodeUtf8(s, "utf-8", errors);
                byte[] out = new byte[body.length + 3];
                out[0] = (byte) 0xef;
                out[1] = (byte) 0xbb;
                out[2] = (byte) 0xbf;
                System.arraycopy(body, 0, out, 3, body.length);
                yield out;
            }
            case ASCII -> encodeCharmap(s, "ascii", 0x80, errors);
            case LATIN1 -> encodeCharmap(s, "latin-1", 0x100, errors);
            case UTF16 -> encodeWide(s, "utf-16", 2, false, true, errors);
            case UTF16_LE -> encodeWide(s, "utf-16-le", 2, false, false, errors);
            case UTF16_BE -> encodeWide(s, "utf-16-be", 2, true, false, errors);
            case UTF32 -> encodeWide(s, "utf-32", 4, false, true, errors);
            case UTF32_LE -> encodeWide(s, "utf-32-le", 4, false, false, errors);
            case UTF32_BE -> encodeWide(s, "utf-32-be", 4, true, false, errors);
        };
    }

    /** UTF-8 with a fast path for text without surrogates. */
    public static byte[] encodeUtf8(String s, String name, String errors) {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) return s.getBytes(StandardCharsets.ISO_8859_1);
        // Without surrogates there is nothing to reject, and the JDK's encoder gives the same bytes.
        if (CodePoints.isBmp(s)) return s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + n / 2);
        int cpIndex = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | cp >> 6);
                out.write(0x80 | cp & 0x3f);
            } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                int runEnd = i + 1;
                while (runEnd < n && Character.isSurrogate(s.charAt(runEnd))) runEnd++;
                int runLength = runEnd - i;
                encodeFailure(out, s, name, cpIndex, cpIndex + runLength, i, runEnd, "surrogates not allowed", errors);
                cpIndex += runLength;
                i = runEnd;
                continue;
            } else if (cp < 0x10000) {
                out.write(0xe0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            } else {
                out.write(0xf0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3f);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            }
            i += width;
            cpIndex++;
        }
        return out.toByteArray();
    }

    /** ASCII and Latin-1: one byte per code point below limit. */
    private static byte[] encodeCharmap(String s, String name, int limit, String errors) {
        int n = s.length();
        ByteArrayOutputStream out = null;
        byte[] fast = new byte[n];
        int cpIndex = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (cp < limit) {
                if (out == null) fast[cpIndex] = (byte) cp;
                else out.write(cp);
                i += Character.charCount(cp);
                cpIndex++;
                continue;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(n + 16);
                out.write(fast, 0, cpIndex);
            }
            int runEnd = i;
            int runCps = 0;
            while (runEnd < n) {
                int c = s.codePointAt(runEnd);
                if (c < limit) break;
                runEnd += Character.charCount(c);
                runCps++;
            }
            encodeFailure(out, s, name, cpIndex, cpIndex + runCps, i, runEnd,
                    "ordinal not in range(" + limit + ")", errors);
            cpIndex += runCps;
            i = runEnd;
        }
        if (out == null) return cpIndex == n ? fast : java.util.Arrays.copyOf(fast, cpIndex);
        return out.toByteArray();
    }

    private static byte[] encodeWide(String s, String name, int width, boolean bigEndian, boolean bom, String errors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * width + 4);
        if (bom) writeUnit(out, 0xfeff, width, bigEndian);
        int n = s.length();
        int cpIndex = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (cp < 0x10000 && Character.isSurrogate((char) cp)) {
                int runEnd = i + 1;
                while (runEnd < n && Character.isSurrogate(s.charAt(runEnd))) runEnd++;
                ByteArrayOutputStream replacement = new ByteArrayOutputStream();
                encodeFailure(replacement, s, name, cpIndex, cpIndex + runEnd - i, i, runEnd, "surrogates not allowed", errors);
                // A replacement made of ASCII characters is re-encoded in this codec's width.
                for (byte b : replacement.toByteArray()) writeUnit(out, b & 0xff, width, bigEndian);
                cpIndex += runEnd - i;
                i = runEnd;
                continue;
            }
            if (width == 2 && cp >= 0x10000) {
                writeUnit(out, Character.highSurrogate(cp), 2, bigEndian);
                writeUnit(out, Character.lowSurrogate(cp), 2, bigEndian);
            } else {
                writeUnit(out, cp, width, bigEndian);
            }
            i += Character.charCount(cp);
            cpIndex++;
        }
        return out.toByteArray();
    }

    private static void writeUnit(ByteArrayOutputStream out, int unit, int width, boolean bigEndian) {
        if (bigEndian) {
            for (int k = width - 1; k >= 0; k--) out.write(unit >>> (8 * k));
        } else {
            for (int k = 0; k < width; k++) out.write(unit >>> (8 * k));
        }
    }

    /**
     * Applies the error handler to the unencodable characters s[charStart:charEnd] (code point
     * positions cpStart..cpEnd, the positions the exception reports).
     */
    private static void encodeFailure(ByteArrayOutputStream out, String s, String name, int cpStart, int cpEnd,
                                      int charStart, int charEnd, String reason, String errors) {
        switch (errors) {
            case "strict" -> throw encodeError(name, s, cpStart, cpEnd, reason);
            case "ignore" -> { }
            case "replace" -> {
                for (int k = cpStart; k < cpEnd; k++) out.write('?');
            }
            case "backslashreplace" -> {
                for (int i = charStart; i < charEnd; ) {
                    int cp = s.codePointAt(i);
                    String esc = cp <= 0xff ? "\\x" + hex(cp, 2) : cp <= 0xffff ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
                    writeAscii(out, esc);
                    i += Character.charCount(cp);
                }
            }
            case "xmlcharrefreplace" -> {
                for (int i = charStart; i < charEnd; ) {
                    int cp = s.codePointAt(i);
                    writeAscii(out, "&#" + cp + ";");
                    i += Character.charCount(cp);
                }
            }
            case "surrogateescape" -> {
                for (int i = charStart; i < charEnd; i++) {
                    char c = s.charAt(i);
                    if (c < 0xdc80 || c > 0xdcff) {
                        throw encodeError(name, s, cpStart + (i - charStart), cpStart + (i - charStart) + 1, reason);
                    }
                    out.write(c & 0xff);
                }
            }
            default -> throw unknownHandler(errors);
        }
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        for (int i = 0; i < text.length(); i++) out.write(text.charAt(i));
    }

    // ------------------------------------------------------------------ decoding

    /** bytes.decode(encoding, errors) of data[0:length]. */
    public static String decode(byte[] data, int length, String encoding, String errors) {
        if (isUtf8(encoding)) return decodeUtf8(data, length, errors);
        return switch (lookup(encoding)) {
            case UTF8 -> decodeUtf8(data, length, errors);
            case UTF8_SIG -> {
                boolean bom = length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf;
                if (!bom) yield decodeUtf8(data, length, errors);
                byte[] rest = java.util.Arrays.copyOfRange(data, 3, length);
                yield decodeUtf8(rest, rest.length, errors);
            }
            case ASCII -> decodeAscii(data, length, errors);
            case LATIN1 -> decodeLatin1(data, length);
            case UTF16 -> {
                if (length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe) yield decodeUtf16(data, 2, length, false, errors);
                if (length >= 2 && (data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff) yield decodeUtf16(data, 2, length, true, errors);
                yield decodeUtf16(data, 0, length, false, errors);
            }
            case UTF16_LE -> decodeUtf16(data, 0, length, false, errors);
            case UTF16_BE -> decodeUtf16(data, 0, length, true, errors);
            case UTF32 -> {
                if (length >= 4 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe && data[2] == 0 && data[3] == 0) {
                    yield decodeUtf32(data, 4, length, false, errors);
                }
                if (length >= 4 && data[0] == 0 && data[1] == 0 && (data[2] & 0xff) == 0xfe && (data[3] & 0xff) == 0xff) {
                    yield decodeUtf32(data, 4, length, true, errors);
                }
                yield decodeUtf32(data, 0, length, false, errors);
            }
            case UTF32_LE -> decodeUtf32(data, 0, length, false, errors);
            case UTF32_BE -> decodeUtf32(data, 0, length, true, errors);
        };
    }

    public static String decodeLatin1(byte[] data, int length) {
        return new String(data, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static String decodeAscii(byte[] data, int length, String errors) {
        StringBuilder sb = null;
        for (int i = 0; i < length; i++) {
            if (data[i] < 0) {
                if (sb == null) {
                    sb = new StringBuilder(length);
                    for (int k = 0; k < i; k++) sb.append((char) data[k]);
                }
                decodeFailure(sb, data, length, "ascii", i, i + 1, "ordinal not in range(128)", errors);
            } else if (sb != null) {
                sb.append((char) data[i]);
            }
        }
        if (sb != null) return sb.toString();
        return decodeLatin1(data, length);
    }

    /** UTF-8, reporting malformed sequences over the same byte ranges as CPython. */
    public static String decodeUtf8(byte[] data, int length, String errors) {
        int i = 0;
        while (i < length && data[i] >= 0) i++;
        if (i == length) return decodeLatin1(data, length);
        StringBuilder sb = new StringBuilder(length);
        for (int k = 0; k < i; k++) sb.append((char) data[k]);
        while (i < length) {
            int b = data[i] & 0xff;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xbf;
            if (b < 0xc2) {
                i = decodeFailure(sb, data, length, "utf-8", i, i + 1, "invalid start byte", errors);
                continue;
            } else if (b < 0xe0) {
                need = 1;
            } else if (b < 0xf0) {
                need = 2;
                if (b == 0xe0) lo = 0xa0;
                if (b == 0xed) hi = 0x9f;
            } else if (b < 0xf5) {
                need = 3;
                if (b == 0xf0) lo = 0x90;
                if (b == 0xf4) hi = 0x8f;
            } else {
                i = decodeFailure(sb, data, length, "utf-8", i, i + 1, "invalid start byte", errors);
                continue;
            }
            int cp = b & (0x3f >> need);
            int j = i + 1;
            boolean ok = true;
            for (int k = 0; k < need; k++, j++) {
                if (j >= length) {
                    i = decodeFailure(sb, data, length, "utf-8", i, length, "unexpected end of data", errors);
                    ok = false;
                    break;
                }
                int c = data[j] & 0xff;
                if (c < lo || c > hi) {
                    i = decodeFailure(sb, data, length, "utf-8", i, j, "invalid continuation byte", errors);
                    ok = false;
                    break;
                }
                lo = 0x80;
                hi = 0xbf;
                cp = cp << 6 | c & 0x3f;
            }
            if (!ok) continue;
            sb.appendCodePoint(cp);
            i = j;
        }
        return sb.toString();
    }

    private static String decodeUtf16(byte[] data, int start, int length, boolean bigEndian, String errors) {
        String name = bigEndian ? "utf-16-be" : "utf-16-le";
        StringBuilder sb = new StringBuilder((length - start) / 2);
        int i = start;
        while (i < length) {
            if (i + 1 >= length) {
                i = decodeFailure(sb, data, length, name, i, length, "truncated data", errors);
                continue;
            }
            int u = unit16(data, i, bigEndian);
            if (!Character.isSurrogate((char) u)) {
                sb.append((char) u);
                i += 2;
            } else if (Character.isLowSurrogate((char) u)) {
                i = decodeFailure(sb, data, length, name, i, i + 2, "illegal encoding", errors);
            } else if (i + 3 >= length) {
                i = decodeFailure(sb, data, length, name, i, length, "unexpected end of data", errors);
            } else {
                int low = unit16(data, i + 2, bigEndian);
                if (!Character.isLowSurrogate((char) low)) {
                    i = decodeFailure(sb, data, length, name, i, i + 2, "illegal UTF-16 surrogate", errors);
                } else {
                    sb.append((char) u).append((char) low);
                    i += 4;
                }
            }
        }
        return sb.toString();
    }

    private static int unit16(byte[] data, int i, boolean bigEndian) {
        int a = data[i] & 0xff;
        int b = data[i + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    private static String decodeUtf32(byte[] data, int start, int length, boolean bigEndian, String errors) {
        String name = bigEndian ? "utf-32-be" : "utf-32-le";
        StringBuilder sb = new StringBuilder((length - start) / 4);
        int i = start;
        while (i < length) {
            if (i + 3 >= length) {
                i = decodeFailure(sb, data, length, name, i, length, "truncated data", errors);
                continue;
            }
            long cp = 0;
            for (int k = 0; k < 4; k++) {
                int b = data[bigEndian ? i + k : i + 3 - k] & 0xff;
                cp = cp << 8 | b;
            }
            if (cp >= 0x110000) {
                i = decodeFailure(sb, data, length, name, i, i + 4, "code point not in range(0x110000)", errors);
            } else if (cp >= 0xd800 && cp < 0xe000) {
                i = decodeFailure(sb, data, length, name, i, i + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)", errors);
            } else {
                sb.appendCodePoint((int) cp);
                i += 4;
            }
        }
        return sb.toString();
    }

    /** Applies the error handler to the undecodable bytes data[start:end]; returns where decoding resumes. */
    private static int decodeFailure(StringBuilder sb, byte[] data, int length, String name, int start, int end,
                                     String reason, String errors) {
        switch (errors) {
            case "strict" -> throw decodeError(name, java.util.Arrays.copyOf(data, length), start, end, reason);
            case "ignore" -> { }
            case "replace" -> sb.append('\ufffd');
            case "backslashreplace" -> {
                for (int k = start; k < end; k++) sb.append("\\x").append(hex(data[k] & 0xff, 2));
            }
            case "surrogateescape" -> {
                for (int k = start; k < end; k++) {
                    int b = data[k] & 0xff;
                    if (b < 0x80) throw decodeError(name, java.util.Arrays.copyOf(data, length), start, end, reason);
                    sb.append((char) (0xdc00 + b));
                }
            }
            default -> throw unknownHandler(errors);
        }
        return end;
    }
}
