package dev.gild.bytecode;

/** What an instruction's operand means; the disassembler resolves it for display. */
public enum OperandKind {
    /** No operand (the encoded value is 0). */
    NONE,
    /** Index into {@code CodeObject.consts}. */
    CONST,
    /** Index into {@code CodeObject.varnames} (fast locals). */
    LOCAL,
    /** Index into {@code CodeObject.names} (globals, attributes, module names). */
    NAME,
    /** Index into the frame's cells: {@code cellvars} first, then {@code freevars}. */
    DEREF,
    /** Absolute instruction index of the jump target. */
    JUMP,
    /** A count (items, arguments, stack depth). */
    COUNT,
    /** A {@link BinaryOp} ordinal. */
    BINARY_OP,
    /** A {@link CompareOp} ordinal. */
    COMPARE_OP,
    /** Bit flags whose meaning the opcode's comment gives. */
    FLAGS
}
