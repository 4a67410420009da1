package dev.gild.runtime;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Character properties and case mappings as CPython 3.11 has them.
 *
 * <p>The JDK's {@link Character} follows another Unicode version and lacks Python's notions of
 * digit, numeric, printable, casefold and full titlecase, so the data comes from CPython itself
 * (tools/gen_unicode_data.py writes {@code unicode.dat}). ASCII is answered from a table built
 * here, so scripts that only touch ASCII text never load the file.
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
        if (cp < 128) return ASCII[cp];
        return Tables.flags(cp);
    }

    public static boolean has(int cp, int flag) { return (flags(cp) & flag) != 0; }

    public static boolean isSpace(int cp) {
        if (cp < 128) return (ASCII[cp] & SPACE) != 0;
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
            String[] m = Tables.CASES.get(cp);
            if (m != null) return m[which];
        }
        return new String(Character.toChars(cp));
    }

    /** Appends the mapping to sb; a faster path than the String-returning methods for text. */
    static void appendMapping(StringBuilder sb, int cp, int which) {
        if ((flags(cp) & HAS_CASE_MAPPING) == 0) {
            sb.appendCodePoint(cp);
        } else if (cp < 128) {
            sb.append(mapping(cp, which));
        } else {
            sb.append(Tables.CASES.get(cp)[which]);
        }
    }

    static final int MAP_LOWER = 0;
    static final int MAP_UPPER = 1;
    static final int MAP_TITLE = 2;
    static final int MAP_FOLD = 3;

    /** The data file, loaded the first time a non-ASCII code point is looked up. */
    private static final class Tables {
        private static final int BLOCK_SHIFT = 7;
        private static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
        /** Block number of each run of 128 code points; blocks with equal flags are shared. */
        private static final char[] BLOCK_INDEX = new char[0x110000 >> BLOCK_SHIFT];
        private static final short[] BLOCKS;
        static final Map<Integer, String[]> CASES = new HashMap<>();

        static {
            try (InputStream raw = UnicodeData.class.getResourceAsStream("unicode.dat")) {
                if (raw == null) throw new IllegalStateException("unicode.dat is missing from the class path");
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
                if (in.readInt() != 0x47554431) throw new IllegalStateException("unicode.dat has a bad header");
                int runCount = in.readInt();
                int[] starts = new int[runCount + 1];
                short[] runFlags = new short[runCount];
                for (int i = 0; i < runCount; i++) {
                    starts[i] = in.readInt();
                    runFlags[i] = in.readShort();
                }
                starts[runCount] = 0x110000;
                BLOCKS = buildBlocks(starts, runFlags);
                int caseCount = in.readInt();
                for (int i = 0; i < caseCount; i++) {
                    int cp = in.readInt();
                    String[] m = new String[4];
                    for (int k = 0; k < 4; k++) {
                        char[] chars = new char[in.readUnsignedShort()];
                        for (int j = 0; j < chars.length; j++) chars[j] = in.readChar();
                        m[k] = new String(chars);
                    }
                    CASES.put(cp, m);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static short[] buildBlocks(int[] starts, short[] runFlags) {
            Map<BlockKey, Character> seen = new HashMap<>();
            short[] blocks = new short[BLOCK_SIZE * 64];
            int blockCount = 0;
            int run = 0;
            short[] block = new short[BLOCK_SIZE];
            for (int b = 0; b < BLOCK_INDEX.length; b++) {
                int base = b << BLOCK_SHIFT;
                for (int i = 0; i < BLOCK_SIZE; i++) {
                    while (starts[run + 1] <= base + i) run++;
                    block[i] = runFlags[run];
                }
                BlockKey key = new BlockKey(block.clone());
                Character id = seen.get(key);
                if (id == null) {
                    id = (char) blockCount;
                    seen.put(key, id);
                    if ((blockCount + 1) * BLOCK_SIZE > blocks.length) blocks = Arrays.copyOf(blocks, blocks.length * 2);
                    System.arraycopy(block, 0, blocks, blockCount * BLOCK_SIZE, BLOCK_SIZE);
                    blockCount++;
                }
                BLOCK_INDEX[b] = id;
            }
            return Arrays.copyOf(blocks, blockCount * BLOCK_SIZE);
        }

        private record BlockKey(short[] flags) {
            @Override public boolean equals(Object o) { return o instanceof BlockKey k && Arrays.equals(flags, k.flags); }

            @Override public int hashCode() { return Arrays.hashCode(flags); }
        }

        static int flags(int cp) {
            if (cp < 0 || cp > 0x10ffff) return 0;
            return BLOCKS[(BLOCK_INDEX[cp >> BLOCK_SHIFT] << BLOCK_SHIFT) | (cp & (BLOCK_SIZE - 1))];
        }
    }
}
