package dev.gild.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A straight run of instructions entered only at the top. Blocks are chained by {@link #next} in
 * layout order (the order the final code has); a block whose last instruction is not
 * unconditional falls through into its {@code next}.
 */
final class BasicBlock {
    final List<Instr> instrs = new ArrayList<>();
    BasicBlock next;

    // Per-pass working state of the assembler.
    boolean visited;
    int predecessors;
    int startDepth = Integer.MIN_VALUE;
    /** Index of the block's first instruction in the final code. */
    int index;
    /** Handler blocks active on entry, innermost on top, while exception targets are labelled. */
    ArrayDeque<BasicBlock> exceptStack;

    boolean isEmpty() { return instrs.isEmpty(); }

    Instr last() { return instrs.isEmpty() ? null : instrs.get(instrs.size() - 1); }

    boolean hasFallthrough() {
        Instr last = last();
        return last == null || !last.isUnconditional();
    }

    /** Ends with a return or raise and has no line of its own (CPython's is_exit_without_lineno). */
    boolean isExitWithoutLine() {
        Instr last = last();
        if (last == null || !last.exitsScope()) return false;
        for (Instr i : instrs) {
            if (i.line >= 0) return false;
        }
        return true;
    }
}
