package dev.gild.compiler;

import dev.gild.bytecode.Opcode;

/**
 * One instruction of a code unit under construction: a real {@link Opcode} or a {@link Pseudo},
 * its operand or jump target, its source line (-1 for an artificial instruction whose line is
 * filled in later from its neighbours), the rest of its source span (for the carets of 3.11
 * tracebacks; -1 where unknown) and, after exception labelling, its innermost handler.
 */
final class Instr {
    Opcode opcode;
    Pseudo pseudo;
    int operand;
    BasicBlock target;
    int line;
    /** End line, start column and end column (code points) of the source span; -1 when unknown. */
    int endLine = -1;
    int col = -1;
    int endCol = -1;
    /** The handler block covering this instruction, or null; set by the assembler. */
    BasicBlock handler;

    Instr(Opcode opcode, int operand, BasicBlock target, int line) {
        this.opcode = opcode;
        this.operand = operand;
        this.target = target;
        this.line = line;
    }

    Instr(Pseudo pseudo, BasicBlock target, int line) {
        this.pseudo = pseudo;
        this.target = target;
        this.line = line;
    }

    Instr copy() {
        Instr c = pseudo != null ? new Instr(pseudo, target, line) : new Instr(opcode, operand, target, line);
        c.handler = handler;
        c.endLine = endLine;
        c.col = col;
        c.endCol = endCol;
        return c;
    }

    /** A jump in the control flow (conditional or not), not counting SETUP_* handler links. */
    boolean isJump() {
        return pseudo == Pseudo.JUMP || opcode != null && opcode.hasJump();
    }

    boolean isBlockPush() { return pseudo != null && pseudo.isBlockPush(); }

    boolean isPopBlock() { return pseudo == Pseudo.POP_BLOCK; }

    /** Execution never continues with the next instruction. */
    boolean isUnconditional() {
        return pseudo == Pseudo.JUMP || opcode != null && opcode.isUnconditional();
    }

    /** Leaves the code unit: return or raise. */
    boolean exitsScope() {
        return opcode == Opcode.RETURN_VALUE || opcode == Opcode.RAISE_VARARGS || opcode == Opcode.RERAISE;
    }

    boolean isNop() { return opcode == Opcode.NOP; }

    int stackEffect(boolean jumpTaken) {
        if (pseudo != null) return jumpTaken ? pseudo.jumpEffect() : 0;
        return opcode.stackEffect(operand, jumpTaken);
    }

    void makeNop() {
        opcode = Opcode.NOP;
        pseudo = null;
        operand = 0;
        target = null;
    }

    @Override
    public String toString() {
        return (pseudo != null ? pseudo.name() : opcode.name()) + " " + operand + " line " + line;
    }
}
