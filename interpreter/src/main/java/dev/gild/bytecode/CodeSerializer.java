package dev.gild.bytecode;

import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyComplex;
import dev.gild.runtime.PySet;
import dev.gild.runtime.PyTuple;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The {@code .gbc} file format: a {@link CodeObject} tree in a compact binary form, written by
 * {@code gild compile} and by the {@code __pycache__} cache, read back without the source compiler.
 *
 * <h2>Layout</h2>
 * <pre>
 * header (36 bytes, big-endian):
 *   "GILD"                 magic
 *   u16  FORMAT_VERSION    layout of the payload
 *   u16  0                 reserved
 *   u32  instruction set   fingerprint of the opcode, binary-op and compare-op tables: a file
 *                          written by a build whose enums differ would decode to wrong operations
 *   u64  source mtime      nanoseconds since the epoch (0 when unknown)
 *   u64  source size       bytes (-1 when unknown)
 *   u32  payload length    bytes after the header: a cut-off file is told from a damaged one
 *   u32  CRC-32            of the payload: a flipped byte is noticed before decoding
 * payload: one code object (see {@link Writer#code})
 * </pre>
 * Numbers in the payload are LEB128 varints (signed ones zigzag-encoded); strings are written
 * once and referred to by index afterwards (file names, names and qualnames repeat in every
 * nested code object). String characters are varints of UTF-16 units, so strings holding lone
 * surrogates (legal in Python) survive unchanged.
 *
 * <p>Reading validates everything the eval loop takes on trust (opcodes, operand ranges, jump
 * targets, exception-table entries, table lengths), so a damaged file is a {@link FormatException}
 * with one-line message, never an exception inside the VM.
 */
public final class CodeSerializer {
    public static final byte[] MAGIC = {'G', 'I', 'L', 'D'};
    /** Bump whenever the payload layout changes. */
    public static final int FORMAT_VERSION = 2;
    /** Names cache files {@code NAME.<tag>.gbc}, as CPython's {@code sys.implementation.cache_tag}. */
    public static final String CACHE_TAG = "gild-" + FORMAT_VERSION;
    public static final int HEADER_BYTES = 36;
    /** Fingerprint of the instruction set this build encodes (see the header). */
    public static final int INSTRUCTION_SET = instructionSetFingerprint();

    /** Nested code objects and constant tuples deeper than this mean a damaged file. */
    private static final int MAX_DEPTH = 2000;

    // Constant tags.
    private static final int NONE = 0, ELLIPSIS = 1, FALSE = 2, TRUE = 3, INT = 4, BIG_INT = 5, FLOAT = 6,
            COMPLEX = 7, STR = 8, BYTES = 9, TUPLE = 10, FROZENSET = 11, CODE = 12;

    private CodeSerializer() {}

    /** Why a {@code .gbc} file cannot be used; the message is one line meant for users. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message, null, false, false);
        }
    }

    /** What a file's header says about the source it was compiled from. */
    public record Header(int formatVersion, int instructionSet, long sourceMtimeNanos, long sourceSize) {
        /** Whether the file was written by this build's format and instruction set. */
        public boolean isCurrent() {
            return formatVersion == FORMAT_VERSION && instructionSet == INSTRUCTION_SET;
        }
    }

    /** Whether {@code data} starts with the {@code .gbc} magic. */
    public static boolean hasMagic(byte[] data) {
        if (data.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) return false;
        }
        return true;
    }

    /** The whole file for {@code code}, stamped with its source's mtime and size. */
    public static byte[] write(CodeObject code, long sourceMtimeNanos, long sourceSize) {
        Writer w = new Writer();
        w.code(code, 0);
        byte[] payload = w.out.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] file = new byte[HEADER_BYTES + payload.length];
        System.arraycopy(MAGIC, 0, file, 0, MAGIC.length);
        putInt(file, 4, FORMAT_VERSION << 16);
        putInt(file, 8, INSTRUCTION_SET);
        putLong(file, 12, sourceMtimeNanos);
        putLong(file, 20, sourceSize);
        putInt(file, 28, payload.length);
        putInt(file, 32, (int) crc.getValue());
        System.arraycopy(payload, 0, file, HEADER_BYTES, payload.length);
        return file;
    }

    /** Reads just the header (cheap: decides whether a cache file is stale). */
    public static Header readHeader(byte[] data) throws FormatException {
        if (!hasMagic(data)) throw new FormatException("not a Gild bytecode file (bad magic number)");
        if (data.length < HEADER_BYTES) throw new FormatException("truncated bytecode file (incomplete header)");
        if ((getInt(data, 4) & 0xFFFF) != 0) throw new FormatException("corrupt bytecode file (bad header)");
        return new Header(getInt(data, 4) >>> 16, getInt(data, 8), getLong(data, 12), getLong(data, 20));
    }

    /**
     * Decodes a whole file.
     *
     * @param filename when not null, replaces the file name recorded at compile time in every code
     *                 object that carries it (the source may have moved since, as CPython fixes up
     *                 {@code co_filename} when it loads a pyc)
     */
    public static CodeObject read(byte[] data, String filename) throws FormatException {
        Header header = readHeader(data);
        if (header.formatVersion() != FORMAT_VERSION) {
            throw new FormatException("bytecode format version " + header.formatVersion()
                    + " is not supported (this Gild reads version " + FORMAT_VERSION + "); recompile the source");
        }
        if (header.instructionSet() != INSTRUCTION_SET) {
            throw new FormatException("bytecode was compiled by a Gild build with a different instruction set;"
                    + " recompile the source");
        }
        long payloadLength = getInt(data, 28) & 0xFFFFFFFFL;
        if (data.length - HEADER_BYTES < payloadLength) throw new FormatException("truncated bytecode file");
        if (data.length - HEADER_BYTES > payloadLength) throw new FormatException("corrupt bytecode file (trailing data)");
        CRC32 crc = new CRC32();
        crc.update(data, HEADER_BYTES, data.length - HEADER_BYTES);
        if ((int) crc.getValue() != getInt(data, 32)) {
            throw new FormatException("corrupt bytecode file (checksum mismatch)");
        }
        Reader r = new Reader(data, HEADER_BYTES, filename);
        CodeObject code = r.code(0);
        if (r.pos != data.length) throw new FormatException("corrupt bytecode file (trailing data)");
        return code;
    }

    // ------------------------------------------------------------------ writing

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        private final Map<String, Integer> strings = new HashMap<>();

        /**
         * name, qualname, filename, firstLine, argCount, posOnlyArgCount, kwOnlyArgCount, flags,
         * maxStack, varnames, names, cellvars, freevars, cellArgs, consts, code, lines, positions,
         * exception table.
         */
        void code(CodeObject c, int depth) {
            string(c.name);
            string(c.qualname);
            string(c.filename);
            uvarint(c.firstLine);
            uvarint(c.argCount);
            uvarint(c.posOnlyArgCount);
            uvarint(c.kwOnlyArgCount);
            uvarint(c.flags);
            uvarint(c.maxStack);
            strings(c.varnames);
            strings(c.names);
            strings(c.cellvars);
            strings(c.freevars);
            for (int i = 0; i < c.cellvars.length; i++) uvarint(c.cellArgs[i] + 1);
            uvarint(c.consts.length);
            for (Object k : c.consts) constant(k, depth + 1);
            uvarint(c.code.length);
            for (int word : c.code) uvarint(word);
            // Lines change little from one instruction to the next: deltas are mostly one byte.
            int previous = c.firstLine;
            for (int line : c.lines) {
                svarint(line - (long) previous);
                if (line != 0) previous = line;
            }
            // Positions: -1 (unknown) is written as 0, so every value is an unsigned varint.
            for (int v : c.positions) uvarint(v + 1L);
            uvarint(c.exceptionTable.length / 4);
            for (int v : c.exceptionTable) uvarint(v);
        }

        private void constant(Object k, int depth) {
            switch (k) {
                case Boolean b -> uvarint(b ? TRUE : FALSE);
                case Long l -> {
                    uvarint(INT);
                    svarint(l);
                }
                case BigInteger big -> {
                    uvarint(BIG_INT);
                    byte[] bytes = big.toByteArray();
                    uvarint(bytes.length);
                    out.write(bytes, 0, bytes.length);
                }
                case Double d -> {
                    uvarint(FLOAT);
                    fixed64(Double.doubleToRawLongBits(d));
                }
                case PyComplex z -> {
                    uvarint(COMPLEX);
                    fixed64(Double.doubleToRawLongBits(z.real));
                    fixed64(Double.doubleToRawLongBits(z.imag));
                }
                case String s -> {
                    uvarint(STR);
                    string(s);
                }
                case PyBytes b -> {
                    uvarint(BYTES);
                    uvarint(b.bytes.length);
                    out.write(b.bytes, 0, b.bytes.length);
                }
                case PyTuple t -> {
                    uvarint(TUPLE);
                    uvarint(t.items.length);
                    for (Object item : t.items) constant(item, depth + 1);
                }
                case PySet s when s.frozen -> {
                    uvarint(FROZENSET);
                    Object[] items = s.toArray();
                    uvarint(items.length);
                    for (Object item : items) constant(item, depth + 1);
                }
                case CodeObject c -> {
                    uvarint(CODE);
                    code(c, depth + 1);
                }
                default -> {
                    if (k == Py.None) uvarint(NONE);
                    else if (k == Py.Ellipsis) uvarint(ELLIPSIS);
                    else throw new IllegalArgumentException("not a code constant: " + k.getClass().getName());
                }
            }
        }

        private void strings(String[] values) {
            uvarint(values.length);
            for (String s : values) string(s);
        }

        /** 0 then the characters for a new string; index + 1 for one written before. */
        private void string(String s) {
            Integer seen = strings.get(s);
            if (seen != null) {
                uvarint(seen + 1L);
                return;
            }
            strings.put(s, strings.size());
            uvarint(0);
            uvarint(s.length());
            for (int i = 0; i < s.length(); i++) uvarint(s.charAt(i));
        }

        private void svarint(long v) {
            uvarint((v << 1) ^ (v >> 63));
        }

        private void uvarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        private void fixed64(long v) {
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (v >>> shift));
        }
    }

    // ------------------------------------------------------------------ reading

    private static final class Reader {
        private final byte[] data;
        int pos;
        private final String filenameOverride;
        private final List<String> strings = new java.util.ArrayList<>();
        /** The file name the root code object was compiled with, replaced by the override. */
        private String recordedFilename;

        Reader(byte[] data, int pos, String filenameOverride) {
            this.data = data;
            this.pos = pos;
            this.filenameOverride = filenameOverride;
        }

        CodeObject code(int depth) throws FormatException {
            if (depth > MAX_DEPTH) throw corrupt("code objects nested too deeply");
            String name = string();
            String qualname = string();
            String filename = string();
            if (recordedFilename == null) recordedFilename = filename;
            if (filenameOverride != null && filename.equals(recordedFilename)) filename = filenameOverride;
            int firstLine = count();
            int argCount = count();
            int posOnlyArgCount = count();
            int kwOnlyArgCount = count();
            int flags = count();
            int maxStack = count();
            String[] varnames = strings();
            String[] names = strings();
            String[] cellvars = strings();
            String[] freevars = strings();
            int[] cellArgs = new int[cellvars.length];
            for (int i = 0; i < cellArgs.length; i++) {
                cellArgs[i] = count() - 1;
                if (cellArgs[i] >= varnames.length) throw corrupt("cell argument index out of range");
            }
            Object[] consts = new Object[length()];
            for (int i = 0; i < consts.length; i++) consts[i] = constant(depth + 1);
            int[] code = new int[length()];
            for (int i = 0; i < code.length; i++) code[i] = (int) uvarint();
            int[] lines = new int[code.length];
            long previous = firstLine;
            for (int i = 0; i < lines.length; i++) {
                long line = previous + svarint();
                if (line < 0 || line > Integer.MAX_VALUE) throw corrupt("line number out of range");
                lines[i] = (int) line;
                if (line != 0) previous = line;
            }
            int[] positions = new int[3 * code.length];
            for (int i = 0; i < positions.length; i++) {
                long v = uvarint() - 1;
                if (v > Integer.MAX_VALUE) throw corrupt("source position out of range");
                positions[i] = (int) v;
            }
            int entries = length();
            int[] exceptionTable = new int[entries * 4];
            for (int i = 0; i < exceptionTable.length; i++) exceptionTable[i] = count();
            if (argCount < posOnlyArgCount
                    || argCount + kwOnlyArgCount + ((flags & CodeObject.VARARGS) != 0 ? 1 : 0)
                    + ((flags & CodeObject.VARKEYWORDS) != 0 ? 1 : 0) > varnames.length) {
                throw corrupt("argument counts do not match the variable names");
            }
            validate(code, exceptionTable, maxStack, consts.length, varnames.length, names.length,
                    cellvars.length + freevars.length);
            return new CodeObject(name, qualname, filename, firstLine, argCount, posOnlyArgCount,
                    kwOnlyArgCount, flags, varnames, names, consts, cellvars, freevars, cellArgs, code,
                    lines, positions, exceptionTable, maxStack);
        }

        private void validate(int[] code, int[] exceptionTable, int maxStack, int consts, int locals,
                              int names, int cells) throws FormatException {
            int opcodes = Opcode.values().length;
            for (int pc = 0; pc < code.length; pc++) {
                int word = code[pc];
                if (word < 0 || (word & Opcode.OPCODE_MASK) >= opcodes) throw corrupt("invalid opcode at " + pc);
                Opcode op = Opcode.opcodeOf(word);
                int operand = Opcode.operandOf(word);
                int limit = switch (op.operandKind) {
                    case NONE -> 1;
                    case CONST -> consts;
                    case LOCAL -> locals;
                    case NAME -> names;
                    case DEREF -> cells;
                    case JUMP -> code.length;
                    case BINARY_OP -> BinaryOp.values().length;
                    case COMPARE_OP -> CompareOp.values().length;
                    case COUNT, FLAGS -> Integer.MAX_VALUE;
                };
                if (operand >= limit) throw corrupt(op + " operand out of range at " + pc);
            }
            if (code.length > 0 && !Opcode.opcodeOf(code[code.length - 1]).isUnconditional()) {
                throw corrupt("code does not end with a return or jump");
            }
            for (int i = 0; i < exceptionTable.length; i += 4) {
                int start = exceptionTable[i], end = exceptionTable[i + 1], handler = exceptionTable[i + 2];
                if (start > end || end > code.length || handler >= code.length || exceptionTable[i + 3] > maxStack) {
                    throw corrupt("exception table entry out of range");
                }
            }
        }

        private Object constant(int depth) throws FormatException {
            if (depth > MAX_DEPTH) throw corrupt("constants nested too deeply");
            int tag = (int) uvarint();
            switch (tag) {
                case NONE: return Py.None;
                case ELLIPSIS: return Py.Ellipsis;
                case FALSE: return Boolean.FALSE;
                case TRUE: return Boolean.TRUE;
                case INT: return svarint();
                case BIG_INT: {
                    byte[] bytes = bytes(length());
                    if (bytes.length == 0) throw corrupt("empty big int");
                    BigInteger big = new BigInteger(bytes);
                    return big.bitLength() < 64 ? (Object) big.longValue() : big;
                }
                case FLOAT: return Double.longBitsToDouble(fixed64());
                case COMPLEX: return new PyComplex(Double.longBitsToDouble(fixed64()), Double.longBitsToDouble(fixed64()));
                case STR: return string();
                case BYTES: return new PyBytes(bytes(length()));
                case TUPLE: {
                    Object[] items = new Object[length()];
                    for (int i = 0; i < items.length; i++) items[i] = constant(depth + 1);
                    return items.length == 0 ? PyTuple.EMPTY : new PyTuple(items);
                }
                case FROZENSET: {
                    int n = length();
                    PySet set = PySet.frozen();
                    for (int i = 0; i < n; i++) set.add(constant(depth + 1));
                    return set;
                }
                case CODE: return code(depth + 1);
                default: throw corrupt("unknown constant tag " + tag);
            }
        }

        private String[] strings() throws FormatException {
            String[] values = new String[length()];
            for (int i = 0; i < values.length; i++) values[i] = string();
            return values;
        }

        private String string() throws FormatException {
            long ref = uvarint();
            if (ref != 0) {
                if (ref > strings.size()) throw corrupt("string reference out of range");
                return strings.get((int) ref - 1);
            }
            int n = length();
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                long c = uvarint();
                if (c > Character.MAX_VALUE) throw corrupt("invalid character");
                chars[i] = (char) c;
            }
            String s = new String(chars);
            strings.add(s);
            return s;
        }

        /** A length: each element takes at least one byte, so it cannot exceed the bytes left. */
        private int length() throws FormatException {
            long n = uvarint();
            if (n > data.length - pos) throw corrupt("length out of range");
            return (int) n;
        }

        private int count() throws FormatException {
            long n = uvarint();
            if (n > Integer.MAX_VALUE) throw corrupt("number out of range");
            return (int) n;
        }

        private byte[] bytes(int n) {
            byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }

        private long svarint() throws FormatException {
            long v = uvarint();
            return (v >>> 1) ^ -(v & 1);
        }

        private long uvarint() throws FormatException {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= data.length) throw truncated();
                int b = data[pos++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return result;
            }
            throw corrupt("varint too long");
        }

        private long fixed64() throws FormatException {
            if (data.length - pos < 8) throw truncated();
            long v = getLong(data, pos);
            pos += 8;
            return v;
        }

        private static FormatException truncated() {
            return new FormatException("truncated bytecode file");
        }

        private static FormatException corrupt(String detail) {
            return new FormatException("corrupt bytecode file (" + detail + ")");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int instructionSetFingerprint() {
        StringBuilder table = new StringBuilder();
        for (Opcode op : Opcode.values()) table.append(op.name()).append(':').append(op.operandKind).append(';');
        for (BinaryOp op : BinaryOp.values()) table.append(op.name()).append(';');
        for (CompareOp op : CompareOp.values()) table.append(op.name()).append(';');
        CRC32 crc = new CRC32();
        crc.update(table.toString().getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (24 - 8 * i));
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (56 - 8 * i));
    }

    private static int getInt(byte[] b, int at) {
        int v = 0;
        for (int i = 0; i < 4; i++) v = v << 8 | (b[at + i] & 0xFF);
        return v;
    }

    private static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (b[at + i] & 0xFF);
        return v;
    }
}
