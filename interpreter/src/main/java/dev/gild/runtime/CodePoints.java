package dev.gild.runtime;

import java.math.BigInteger;

/**
 * Code point indexing of Java strings. A Python str indexes by code point while a Java String
 * holds UTF-16 units, so a character outside the BMP takes two chars. Strings without surrogates
 * (nearly all of them) take the fast path where both indexes agree; whether a string has any is
 * found by a scan, remembered for the last long string so loops that index one text stay O(1).
 */
final class CodePoints {
    private CodePoints() {}

    /** Strings shorter than this are scanned every time: cheaper than the cache check. */
    private static final int CACHE_MIN_LENGTH = 64;

    private record BmpInfo(String text, boolean bmp) {}

    /** The last long string scanned; racy but safe since the record is immutable. */
    private static BmpInfo lastScan = new BmpInfo("", true);

    /** True when s has no surrogate chars, so char indexes are code point indexes. */
    static boolean isBmp(String s) {
        int n = s.length();
        if (n < CACHE_MIN_LENGTH) return scanBmp(s, n);
        BmpInfo info = lastScan;
        if (info.text == s) return info.bmp;
        boolean bmp = scanBmp(s, n);
        lastScan = new BmpInfo(s, bmp);
        return bmp;
    }

    private static boolean scanBmp(String s, int n) {
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) return false;
        }
        return true;
    }

    static int length(String s) {
        return isBmp(s) ? s.length() : s.codePointCount(0, s.length());
    }

    /** The char offset of code point number cpIndex (0 <= cpIndex <= length). */
    static int charIndex(String s, int cpIndex) {
        return isBmp(s) ? cpIndex : s.offsetByCodePoints(0, cpIndex);
    }

    /** The code point number of the char at charIndex. */
    static int cpIndex(String s, int charIndex) {
        return isBmp(s) ? charIndex : s.codePointCount(0, charIndex);
    }

    /** The substring between code point positions (already clamped). */
    static String substring(String s, int cpStart, int cpEnd) {
        if (cpStart >= cpEnd) return "";
        if (isBmp(s)) return s.substring(cpStart, cpEnd);
        int from = s.offsetByCodePoints(0, cpStart);
        return s.substring(from, s.offsetByCodePoints(from, cpEnd - cpStart));
    }

    /** The string of one code point. */
    static String charString(int cp) {
        if (cp < 128) return ASCII_STRINGS[cp];
        return Character.isBmpCodePoint(cp) ? String.valueOf((char) cp) : new String(Character.toChars(cp));
    }

    private static final String[] ASCII_STRINGS = new String[128];

    static {
        for (int i = 0; i < 128; i++) ASCII_STRINGS[i] = String.valueOf((char) i).intern();
    }

    /** The code points of s. */
    static int[] toArray(String s) {
        return s.codePoints().toArray();
    }

    // ------------------------------------------------------------------ indexes and slices

    /** A start or end argument of find/count/startswith...: None, or an int through __index__, clamped to long. */
    static long sliceIndex(Object o, long ifNone) {
        if (o == Py.None || o == null) return ifNone;
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (!(o instanceof BigInteger) && Ops.typeOf(o).lookup("__index__") == null) {
            throw Py.typeError("slice indices must be integers or None or have an __index__ method");
        }
        Object i = Ops.index(o);
        if (i instanceof Long l) return l;
        return ((BigInteger) i).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** CPython's ADJUST_INDICES for [start, end) over a sequence of length len: returns {start, end}. */
    static int[] adjust(Object start, Object end, int len) {
        long s = sliceIndex(start, 0);
        long e = sliceIndex(end, len);
        if (e > len) e = len;
        else if (e < 0) {
            e += len;
            if (e < 0) e = 0;
        }
        if (s < 0) {
            s += len;
            if (s < 0) s = 0;
        }
        return new int[] {(int) Math.min(s, Integer.MAX_VALUE), (int) e};
    }

    /**
     * PySlice_GetIndicesEx: the start, stop, step and length of a slice object applied to a
     * sequence of length len, as {start, stop, step, sliceLength}.
     */
    static long[] sliceIndices(Object slice, long len) {
        Object stepObj = Ops.getattr(slice, "step");
        long step = stepObj == Py.None ? 1 : sliceIndex(stepObj, 1);
        if (step == 0) throw Py.valueError("slice step cannot be zero");
        if (step == Long.MIN_VALUE) step = -Long.MAX_VALUE;
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? len - 1 : len;
        long start = boundSliceEnd(Ops.getattr(slice, "start"), step < 0 ? upper : lower, len, lower, upper);
        long stop = boundSliceEnd(Ops.getattr(slice, "stop"), step < 0 ? lower : upper, len, lower, upper);
        long n;
        if (step < 0) n = stop < start ? (start - stop - 1) / -step + 1 : 0;
        else n = start < stop ? (stop - start - 1) / step + 1 : 0;
        return new long[] {start, stop, step, n};
    }

    private static long boundSliceEnd(Object o, long ifNone, long len, long lower, long upper) {
        if (o == Py.None) return ifNone;
        long v = sliceIndex(o, ifNone);
        if (v < 0) {
            v = v == Long.MIN_VALUE ? lower : v + len;
            if (v < lower) v = lower;
        } else if (v > upper) {
            v = upper;
        }
        return v;
    }

    /** True when key is a slice object. */
    static boolean isSlice(Object key) {
        return key instanceof PyObject p && p.getType() == PyTypes.SLICE;
    }
}
