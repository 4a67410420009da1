package dev.gild.stdlib.re;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyByteArray;
import dev.gild.runtime.PyBytes;

import java.nio.charset.StandardCharsets;

/**
 * The string a pattern runs over: the Python object, the Java text the matcher sees (bytes as
 * Latin-1 so each byte is one char), and conversions between Java char indexes and Python's
 * code-point indexes (the identity unless a str holds characters outside the BMP).
 */
final class Subject {
    final Object original;
    final String text;
    final boolean bytes;
    /** For texts with surrogate pairs: code-point index of each char index (length + 1 entries). */
    private int[] cpOfChar;
    /** For texts with surrogate pairs: char index of each code-point index. */
    private int[] charOfCp;

    private Subject(Object original, String text, boolean bytes) {
        this.original = original;
        this.text = text;
        this.bytes = bytes;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                buildIndexTables();
                break;
            }
        }
    }

    /** Wraps a str or bytes-like argument, checking it suits a pattern of the given kind. */
    static Subject of(Object o, boolean bytesPattern) {
        Object v = Ops.unbox(o);
        if (v instanceof String s) {
            if (bytesPattern) throw Py.typeError("cannot use a bytes pattern on a string-like object");
            return new Subject(o, s, false);
        }
        byte[] data;
        if (v instanceof PyBytes b) {
            data = b.bytes;
        } else if (v instanceof PyByteArray ba) {
            data = java.util.Arrays.copyOf(ba.bytes, ba.size);
        } else {
            throw Py.typeError("expected string or bytes-like object, got '" + Ops.typeName(o) + "'");
        }
        if (!bytesPattern) throw Py.typeError("cannot use a string pattern on a bytes-like object");
        return new Subject(o, new String(data, StandardCharsets.ISO_8859_1), true);
    }

    private void buildIndexTables() {
        int n = text.length();
        cpOfChar = new int[n + 1];
        int cps = text.codePointCount(0, n);
        charOfCp = new int[cps + 1];
        int cp = 0;
        for (int i = 0; i < n; i++) {
            cpOfChar[i] = cp;
            if (!(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                charOfCp[cp++] = i;
            }
        }
        cpOfChar[n] = cp;
        charOfCp[cp] = n;
    }

    /** Python's len(). */
    int length() { return charOfCp == null ? text.length() : charOfCp.length - 1; }

    int toPython(int charIndex) { return cpOfChar == null || charIndex < 0 ? charIndex : cpOfChar[charIndex]; }

    int toJava(int cpIndex) { return charOfCp == null ? cpIndex : charOfCp[cpIndex]; }

    /** The next char index after the code point at i. */
    int advance(int i) {
        return i + 1 < text.length() && Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1)) ? i + 2 : i + 1;
    }

    /** A slice as a Python value (str, or bytes for bytes-like subjects), by char indexes. */
    Object slice(int start, int end) {
        String s = text.substring(start, end);
        return bytes ? new PyBytes(s.getBytes(StandardCharsets.ISO_8859_1)) : s;
    }

    Object empty() { return bytes ? PyBytes.EMPTY : ""; }

    /** A Java string as a Python value of this subject's kind. */
    Object wrap(String s) { return bytes ? new PyBytes(s.getBytes(StandardCharsets.ISO_8859_1)) : s; }
}
