package dev.gild.bytecode;

/**
 * The operand of BINARY_OP, numbered as CPython 3.11's {@code NB_*} constants so that {@code dis}
 * output reads the same. The in-place forms try {@code __iadd__} and friends first.
 */
public enum BinaryOp {
    ADD("+", "__add__"), AND("&", "__and__"), FLOOR_DIVIDE("//", "__floordiv__"),
    LSHIFT("<<", "__lshift__"), MATRIX_MULTIPLY("@", "__matmul__"), MULTIPLY("*", "__mul__"),
    REMAINDER("%", "__mod__"), OR("|", "__or__"), POWER("**", "__pow__"), RSHIFT(">>", "__rshift__"),
    SUBTRACT("-", "__sub__"), TRUE_DIVIDE("/", "__truediv__"), XOR("^", "__xor__"),
    INPLACE_ADD("+=", "__iadd__"), INPLACE_AND("&=", "__iand__"),
    INPLACE_FLOOR_DIVIDE("//=", "__ifloordiv__"), INPLACE_LSHIFT("<<=", "__ilshift__"),
    INPLACE_MATRIX_MULTIPLY("@=", "__imatmul__"), INPLACE_MULTIPLY("*=", "__imul__"),
    INPLACE_REMAINDER("%=", "__imod__"), INPLACE_OR("|=", "__ior__"), INPLACE_POWER("**=", "__ipow__"),
    INPLACE_RSHIFT(">>=", "__irshift__"), INPLACE_SUBTRACT("-=", "__isub__"),
    INPLACE_TRUE_DIVIDE("/=", "__itruediv__"), INPLACE_XOR("^=", "__ixor__");

    private static final BinaryOp[] VALUES = values();
    /** Number of non-in-place operators; {@code INPLACE_X.ordinal() == X.ordinal() + INPLACE_OFFSET}. */
    public static final int INPLACE_OFFSET = 13;

    /** The operator as written in source ({@code +}, {@code +=}). */
    public final String symbol;
    /** The special method tried first ({@code __add__}, {@code __iadd__}). */
    public final String dunder;

    BinaryOp(String symbol, String dunder) {
        this.symbol = symbol;
        this.dunder = dunder;
    }

    public static BinaryOp of(int ordinal) { return VALUES[ordinal]; }

    public boolean isInplace() { return ordinal() >= INPLACE_OFFSET; }

    /** The plain operator behind an in-place one ({@code INPLACE_ADD -> ADD}); itself otherwise. */
    public BinaryOp base() { return isInplace() ? VALUES[ordinal() - INPLACE_OFFSET] : this; }

    /** The reflected method name ({@code __radd__}). */
    public String reflected() { return "__r" + base().dunder.substring(2); }
}
