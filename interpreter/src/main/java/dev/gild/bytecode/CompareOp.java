package dev.gild.bytecode;

/** The operand of COMPARE_OP, in CPython's order ({@code Py_LT ... Py_GE}). */
public enum CompareOp {
    LT("<", "__lt__"), LE("<=", "__le__"), EQ("==", "__eq__"), NE("!=", "__ne__"),
    GT(">", "__gt__"), GE(">=", "__ge__");

    private static final CompareOp[] VALUES = values();

    public final String symbol;
    public final String dunder;

    CompareOp(String symbol, String dunder) {
        this.symbol = symbol;
        this.dunder = dunder;
    }

    public static CompareOp of(int ordinal) { return VALUES[ordinal]; }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public CompareOp swapped() {
        return switch (this) {
            case LT -> GT; case LE -> GE; case GT -> LT; case GE -> LE; default -> this;
        };
    }
}
