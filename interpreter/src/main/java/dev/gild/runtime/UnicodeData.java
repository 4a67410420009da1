package dev.gild.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Character properties and case mappings as CPython 3.11 has them.
 *
 * <p>The JDK's {@link Character} follows another Unicode version and lacks Python's notions of
 * digit, numeric, printable, casefold and full titlecase, so the data comes from CPython itself
 * (tools/gen_unicode_data.py writes {@code unicode-flags.dat} and {@code unicode-case.dat}).
 * ASCII is answered from a table built here, so scripts that only touch ASCII text never load
 * the files.
 */
public final class UnicodeData {
    public static final int ALPHA = 1;
    public static final int DECIMAL = 1 << 1;
    public static final int DIGIT = 1 << 2;
    public static final int NUMERIC = 1 << 3;
    public static final int SPACE = 1 << 4;
    public static final int PRINTABLE = 1 << 5;
    public static final int LOWER = 1 << 6;
    public static final int UPPER = 1 << 7;
    public static final int TITLE = 1 << 8;
    public static final int CASE_IGNORABLE = 1 << 9;
    public static final int XID_START = 1 << 10;
    public static final int XID_CONTINUE = 1 << 11;
    public static final int HAS_CASE_MAPPING = 1 << 12;
    public static final int CASED = 1 << 13;

    static final short[] ASCII = asciiFlags();

    private UnicodeData() {}

    private static short[] asciiFlags() {
        short[] t = new short[128];
        for (int c = 0; c < 128; c++) {
            int f = 0;
            if (c >= 'a' && c <= 'z') f |= ALPHA | LOWER | CASED | XID_START | XID_CONTINUE | HAS_CASE_MAPPING;
            if (c >= 'A' && c <= 'Z') f |= ALPHA | UPPER | CASED | XID_START | XID_CONTINUE | HAS_CASE_MAPPING;
            if (c >= '0' && c <= '9') f |= DECIMAL | DIGIT | NUMERIC | XID_CONTINUE;
            if (c == '_') f |= XID_START | XID_CONTINUE;
            if (c >= 0x09 && c <= 0x0d || c >= 0x1c && c <= 0x20) f |= SPACE;
            if (c >= 0x20 && c < 0x7f) f |= PRINTABLE;
            if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`') f |= CASE_IGNORABLE;
            t[c] = (short) f;
        }
        return t;
    }

    /** The property flags of a code point (the constants of this class). */
    public static int flags(int cp) {
        if (cp < 128) return cp >= 0 ? ASCII[cp] : 0;
        return Tables.flags(cp);
    }

    public static boolean has(int cp, int flag) { return (flags(cp) & flag) != 0; }

    /** The flags from the generated data, bypassing the ASCII table (which must agree with it). */
    static int generatedFlags(int cp) { return Tables.flags(cp); }

    public static boolean isSpace(int cp) {
        if (cp < 128) return cp >= 0 && (ASCII[cp] & SPACE) != 0;
        return (Tables.flags(cp) & SPACE) != 0;
    }

    public static boolean isPrintable(int cp) {
        if (cp < 128) return cp >= 0x20 && cp < 0x7f;
        return (Tables.flags(cp) & PRINTABLE) != 0;
    }

    /** Python's line boundaries (str.splitlines). */
    public static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp >= 0x1c && cp <= 0x1e
                || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    /** The full lowercase mapping (without the final sigma rule, which needs context). */
    public static String lower(int cp) { return mapping(cp, 0); }

    public static String upper(int cp) { return mapping(cp, 1); }

    /** The full titlecase mapping. */
    public static String title(int cp) { return mapping(cp, 2); }

    public static String casefold(int cp) { return mapping(cp, 3); }

    private static String mapping(int cp, int which) {
        if (cp < 128) {
            if (which == 1 || which == 2) return String.valueOf((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
            return String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        }
        if ((Tables.flags(cp) & HAS_CASE_MAPPING) != 0) {
            StringBuilder sb = new StringBuilder(3);
            CaseTables.append(sb, cp, which);
            return sb.toString();
        }
        return new String(Character.toChars(cp));
    }

    /** Appends the mapping to sb; a faster path than the String-returning methods for text. */
    static void appendMapping(StringBuilder sb, int cp, int which) {
        if (cp < 128) {
            char c = (char) cp;
            if (which == MAP_UPPER || which == MAP_TITLE) sb.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            else sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        } else if ((Tables.flags(cp) & HAS_CASE_MAPPING) == 0) {
            sb.appendCodePoint(cp);
        } else {
            CaseTables.append(sb, cp, which);
        }
    }

    static final int MAP_LOWER = 0;
    static final int MAP_UPPER = 1;
    static final int MAP_TITLE = 2;
    static final int MAP_FOLD = 3;

    private static java.nio.ByteBuffer load(String name, int magic) {
        try (InputStream in = UnicodeData.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(in.readAllBytes());
            if (data.getInt() != magic) throw new IllegalStateException(name + " has a bad header");
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The property flags, loaded the first time a non-ASCII code point is looked up: a two-level
     * table (block number per 128 code points, blocks with equal flags shared) made by the
     * generator, read with bulk copies.
     */
    private static final class Tables {
        private static final int BLOCK_SHIFT = 7;
        private static final char[] BLOCK_INDEX;
        private static final short[] BLOCKS;

        static {
            java.nio.ByteBuffer data = load("unicode-flags.dat", 0x47554631);
            BLOCK_INDEX = new char[data.getInt()];
            data.asCharBuffer().get(BLOCK_INDEX);
            data.position(data.position() + 2 * BLOCK_INDEX.length);
            BLOCKS = new short[data.getInt() << BLOCK_SHIFT];
            data.asShortBuffer().get(BLOCKS);
        }

        static int flags(int cp) {
            if (cp < 0 || cp > 0x10ffff) return 0;
            return BLOCKS[(BLOCK_INDEX[cp >> BLOCK_SHIFT] << BLOCK_SHIFT) | (cp & ((1 << BLOCK_SHIFT) - 1))];
        }
    }

    /**
     * The full case mappings, loaded the first time a non-ASCII character is case-mapped: the
     * code points with a mapping in ascending order and their four mappings as slices of one
     * char pool, so no per-character objects are made.
     */
    private static final class CaseTables {
        private static final int[] CODE_POINTS;
        private static final char[] POOL;
        private static final int[] OFFSETS;

        static {
            java.nio.ByteBuffer data = load("unicode-case.dat", 0x47554331);
            CODE_POINTS = new int[data.getInt()];
            data.asIntBuffer().get(CODE_POINTS);
            data.position(data.position() + 4 * CODE_POINTS.length);
            POOL = new char[data.getInt()];
            data.asCharBuffer().get(POOL);
            data.position(data.position() + 2 * POOL.length);
            OFFSETS = new int[CODE_POINTS.length * 4 + 1];
            data.asIntBuffer().get(OFFSETS);
        }

        /** Appends mapping number which (MAP_LOWER ...) of a code point that has HAS_CASE_MAPPING. */
        static void append(StringBuilder sb, int cp, int which) {
            int i = java.util.Arrays.binarySearch(CODE_POINTS, cp);
            if (i < 0) {
                sb.appendCodePoint(cp);
                return;
            }
            int from = OFFSETS[4 * i + which];
            sb.append(POOL, from, OFFSETS[4 * i + which + 1] - from);
        }
    }
}
