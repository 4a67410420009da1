package dev.gild.runtime;

/**
 * sys.getsizeof approximations: CPython 3.11's 64-bit sizes for the common types, so that
 * scripts comparing sizes see the same relationships. Documented as approximate.
 */
final class SysSizes {
    private SysSizes() {}

    static long sizeOf(Object o) {
        if (o instanceof Boolean b) return b ? 28 : 24;
        if (o instanceof Long l) return l == 0 ? 24 : 28 + 4 * ((64 - Long.numberOfLeadingZeros(Math.abs(l)) - 1) / 30);
        if (o instanceof java.math.BigInteger b) return 24 + 4L * ((b.bitLength() + 29) / 30);
        if (o instanceof Double) return 24;
        if (o instanceof String s) {
            boolean ascii = s.chars().allMatch(c -> c < 128);
            return ascii ? 49 + s.length() : 74 + 2L * s.length();
        }
        if (o instanceof PyList l) return 56 + 8L * l.items.length;
        if (o instanceof PyTuple t) return 40 + 8L * t.items.length;
        if (o instanceof PyDict d) return d.size() == 0 ? 64 : 232 + 8L * d.size();
        if (o instanceof PySet s) return 216 + 16L * s.size();
        if (o instanceof PyBytes b) return 33 + b.bytes.length;
        return 48;
    }
}
