package dev.gild.bytecode;

/**
 * Compiled code of one scope (module, class body, function, lambda, comprehension), immutable
 * once built. Field meanings follow CPython's {@code co_*} attributes.
 *
 * <p>Constants are Python values: Long, java.math.BigInteger (only beyond long range), Double,
 * String, Boolean, {@code Py.None}, {@code Py.Ellipsis}, {@code PyBytes}, {@code PyComplex},
 * {@code PyTuple} of constants, and nested CodeObjects.
 *
 * <p>Variables: {@link #varnames} lists the parameters first (positional-only, positional,
 * keyword-only, then the {@code *args} and {@code **kwargs} names when present) and then the
 * other fast locals. Cells: {@link #cellvars} (locals captured by inner scopes) then
 * {@link #freevars} (captured from outer scopes) form the frame's cell array; a parameter that is
 * also a cellvar is copied into its cell when the frame starts ({@link #cellArgs}).
 */
public final class CodeObject {
    // co_flags bits, CPython's values
    public static final int OPTIMIZED = 0x1;
    public static final int NEWLOCALS = 0x2;
    public static final int VARARGS = 0x4;
    public static final int VARKEYWORDS = 0x8;
    public static final int NESTED = 0x10;
    public static final int GENERATOR = 0x20;
    public static final int NOFREE = 0x40;

    public final String name;
    public final String qualname;
    public final String filename;
    public final int firstLine;
    /** Positional parameters, including positional-only ones. */
    public final int argCount;
    public final int posOnlyArgCount;
    public final int kwOnlyArgCount;
    public final int flags;
    public final String[] varnames;
    /** Global, attribute and module names used by NAME operands. */
    public final String[] names;
    public final Object[] consts;
    public final String[] cellvars;
    public final String[] freevars;
    /** For each cellvar, the index in varnames of the parameter it starts from, or -1. */
    public final int[] cellArgs;
    /** The instructions, encoded as {@link Opcode#encode(int)}. */
    public final int[] code;
    /** Source line of each instruction (0 where none). */
    public final int[] lines;
    /**
     * The rest of each instruction's source span, three ints an instruction: end line, start
     * column, end column (columns in code points, 0-based); -1 where unknown. With {@link #lines}
     * this is CPython's co_positions, used for the carets under a traceback's source line.
     */
    public final int[] positions;
    /**
     * Exception table, four ints an entry: start (inclusive), end (exclusive) instruction index of
     * the protected range, handler index, stack depth at the handler before the exception is
     * pushed. Entries are ordered so that the first entry covering an index is the innermost.
     */
    public final int[] exceptionTable;
    /** Deepest operand stack this code can need. */
    public final int maxStack;

    public CodeObject(String name, String qualname, String filename, int firstLine, int argCount,
                      int posOnlyArgCount, int kwOnlyArgCount, int flags, String[] varnames,
                      String[] names, Object[] consts, String[] cellvars, String[] freevars,
                      int[] cellArgs, int[] code, int[] lines, int[] positions, int[] exceptionTable,
                      int maxStack) {
        this.name = name;
        this.qualname = qualname;
        this.filename = filename;
        this.firstLine = firstLine;
        this.argCount = argCount;
        this.posOnlyArgCount = posOnlyArgCount;
        this.kwOnlyArgCount = kwOnlyArgCount;
        this.flags = flags;
        this.varnames = varnames;
        this.names = names;
        this.consts = consts;
        this.cellvars = cellvars;
        this.freevars = freevars;
        this.cellArgs = cellArgs;
        this.code = code;
        this.lines = lines;
        this.positions = positions;
        this.exceptionTable = exceptionTable;
        this.maxStack = maxStack;
    }

    public boolean isGenerator() { return (flags & GENERATOR) != 0; }

    public boolean hasVarargs() { return (flags & VARARGS) != 0; }

    public boolean hasVarkeywords() { return (flags & VARKEYWORDS) != 0; }

    /** Number of parameters including *args and **kwargs. */
    public int totalArgCount() {
        return argCount + kwOnlyArgCount + (hasVarargs() ? 1 : 0) + (hasVarkeywords() ? 1 : 0);
    }

    public int cellCount() { return cellvars.length + freevars.length; }

    /** Source line of the instruction at index pc, or the first line. */
    public int lineAt(int pc) {
        for (int i = Math.min(pc, lines.length - 1); i >= 0; i--) {
            if (lines[i] != 0) return lines[i];
        }
        return firstLine;
    }

    /** Handler index for an exception raised at pc, or -1; stores the depth into depthOut[0]. */
    public int handlerFor(int pc, int[] depthOut) {
        int[] table = exceptionTable;
        for (int i = 0; i < table.length; i += 4) {
            if (pc >= table[i] && pc < table[i + 1]) {
                depthOut[0] = table[i + 3];
                return table[i + 2];
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "<code object " + name + ", file \"" + filename + "\", line " + firstLine + ">";
    }
}
