package dev.gild.compiler;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.Opcode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the control-flow graph of one {@link CodeUnit} into a {@link CodeObject}, in the order of
 * CPython 3.11's {@code assemble()}:
 *
 * <ol>
 *   <li>jumps are retargeted past empty blocks and past other unconditional jumps, a jump to a short exit block (such as the
 *       implicit {@code return None}) is replaced by a copy of it, and unreachable blocks are
 *       dropped (code after a return, the normal exit of a {@code while True} loop...);</li>
 *   <li>every instruction is labelled with its innermost exception handler by walking the graph
 *       with a stack of handlers, pushed by SETUP_* and popped by POP_BLOCK;</li>
 *   <li>the stack depth at the start of every block is computed along all paths, a SETUP_* being an
 *       edge to its handler with the exception pushed; the deepest point is {@code maxStack} and a
 *       handler's entry depth minus one is its exception-table depth;</li>
 *   <li>SETUP_* and POP_BLOCK become NOPs, jumps to the next block disappear, artificial
 *       instructions inherit the line of the code before them, and NOPs are removed unless one
 *       is needed to keep a line visible;</li>
 *   <li>a last walk follows the real edges only (jumps, fall-through, and each instruction's
 *       handler): handlers that no remaining instruction can raise into (a {@code try} whose body
 *       was only a {@code break}) are dropped, and the deepest point reached is {@code maxStack};</li>
 *   <li>the blocks are laid out, JUMP becomes JUMP_FORWARD or JUMP_BACKWARD (conditional jumps
 *       only ever go forward, so JUMP_BACKWARD marks every loop back edge), and runs of
 *       instructions with the same handler become exception-table entries.</li>
 * </ol>
 */
final class Assembler {
    /** Longest exit block copied in place of a jump to it. */
    private static final int MAX_COPY_SIZE = 4;
    /** Bound on jump-to-jump hops followed, so that a cycle of jumps cannot hang the compiler. */
    private static final int MAX_JUMP_THREADING = 100;

    private final CodeUnit unit;
    private BasicBlock entry;

    private Assembler(CodeUnit unit) {
        this.unit = unit;
    }

    static CodeObject assemble(CodeUnit unit, String filename, int flags) {
        return new Assembler(unit).run(filename, flags);
    }

    private CodeObject run(String filename, int flags) {
        skipEmptyBlocks();
        threadJumps();
        inlineSmallExits();
        removeUnreachable();
        trimUnusedConsts();
        labelExceptionTargets();
        computeStackDepths();
        convertBlockMarkersToNops();
        removeRedundantJumps();
        countPredecessors();
        duplicateExitsWithoutLine();
        propagateLineNumbers();
        guaranteeLineForExits();
        for (BasicBlock b = entry; b != null; b = b.next) removeRedundantNops(b);
        int maxStack = dropDeadHandlersAndMeasureStack();
        return emit(filename, flags, maxStack);
    }

    private List<BasicBlock> layout() {
        List<BasicBlock> blocks = new ArrayList<>();
        for (BasicBlock b = entry; b != null; b = b.next) blocks.add(b);
        return blocks;
    }

    private void resetVisited() {
        for (BasicBlock b = entry; b != null; b = b.next) b.visited = false;
    }

    // ------------------------------------------------------------------ graph cleanup

    /** Points every jump at the first non-empty block at or after its target, then drops empty blocks. */
    private void skipEmptyBlocks() {
        for (BasicBlock b = unit.entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (i.target != null) i.target = firstNonEmpty(i.target);
            }
        }
        entry = firstNonEmpty(unit.entry);
        for (BasicBlock b = entry; b != null; b = b.next) b.next = firstNonEmpty(b.next);
    }

    private static BasicBlock firstNonEmpty(BasicBlock b) {
        while (b != null && b.isEmpty()) b = b.next;
        return b;
    }

    /**
     * CPython's jump_thread for unconditional jumps: a JUMP to a block that starts with a JUMP
     * goes straight to the final target, when both have the same line (no line event is lost).
     */
    private void threadJumps() {
        for (BasicBlock b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last == null || last.pseudo != Pseudo.JUMP) continue;
            for (int hops = 0; hops < MAX_JUMP_THREADING; hops++) {
                Instr first = last.target.instrs.get(0);
                if (first.pseudo != Pseudo.JUMP || first.target == last.target) break;
                if (first.line != last.line) break;
                last.target = first.target;
            }
        }
    }

    /**
     * CPython's extend_block: a JUMP to an artificial exit block (no line of its own, at most four
     * instructions, such as the implicit {@code return None}) becomes a copy of that block.
     */
    private void inlineSmallExits() {
        // Later blocks first, so that a jump to a jump to an exit collapses (CPython's block order).
        List<BasicBlock> blocks = layout();
        for (int k = blocks.size() - 1; k >= 0; k--) {
            BasicBlock b = blocks.get(k);
            Instr last = b.last();
            if (last == null || last.pseudo != Pseudo.JUMP) continue;
            BasicBlock target = last.target;
            if (target.isExitWithoutLine() && target.instrs.size() <= MAX_COPY_SIZE) {
                last.makeNop();
                for (Instr i : target.instrs) b.instrs.add(i.copy());
            }
        }
    }

    private void removeUnreachable() {
        resetVisited();
        ArrayDeque<BasicBlock> work = new ArrayDeque<>();
        entry.visited = true;
        work.push(entry);
        while (!work.isEmpty()) {
            BasicBlock b = work.pop();
            for (Instr i : b.instrs) {
                if ((i.isJump() || i.isBlockPush()) && !i.target.visited) {
                    i.target.visited = true;
                    work.push(i.target);
                }
            }
            if (b.hasFallthrough() && b.next != null && !b.next.visited) {
                b.next.visited = true;
                work.push(b.next);
            }
        }
        keepVisitedBlocks();
    }

    /** Unlinks the blocks the last walk did not visit. */
    private void keepVisitedBlocks() {
        BasicBlock previous = entry;
        for (BasicBlock b = entry.next; b != null; b = b.next) {
            if (b.visited) {
                previous.next = b;
                previous = b;
            }
        }
        previous.next = null;
    }

    /** Drops constants that only unreachable code used; consts[0] (docstring or None) always stays. */
    private void trimUnusedConsts() {
        int maxUsed = 0;
        for (BasicBlock b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (i.opcode == Opcode.LOAD_CONST) maxUsed = Math.max(maxUsed, i.operand);
            }
        }
        while (unit.consts.size() > maxUsed + 1) unit.consts.remove(unit.consts.size() - 1);
    }

    // ------------------------------------------------------------------ exception handlers

    /** CPython's label_exception_targets: each instruction learns its innermost handler. */
    private void labelExceptionTargets() {
        resetVisited();
        ArrayDeque<BasicBlock> todo = new ArrayDeque<>();
        entry.exceptStack = new ArrayDeque<>();
        entry.visited = true;
        todo.push(entry);
        while (!todo.isEmpty()) {
            BasicBlock b = todo.pop();
            ArrayDeque<BasicBlock> handlers = b.exceptStack;
            b.exceptStack = null;
            for (Instr i : b.instrs) {
                if (i.isBlockPush()) {
                    // The handler itself runs under the handlers active before the SETUP.
                    reach(i.target, handlers.clone(), todo);
                    handlers.push(i.target);
                } else if (i.isPopBlock()) {
                    handlers.pop();
                } else {
                    i.handler = handlers.peek();
                    if (i.isJump()) reach(i.target, handlers.clone(), todo);
                }
            }
            if (b.hasFallthrough() && b.next != null) reach(b.next, handlers, todo);
        }
    }

    private static void reach(BasicBlock target, ArrayDeque<BasicBlock> handlers, ArrayDeque<BasicBlock> todo) {
        if (target.visited) return;
        target.visited = true;
        target.exceptStack = handlers;
        todo.push(target);
    }

    // ------------------------------------------------------------------ stack depth

    /**
     * Depth at the start of every block along all paths, a SETUP_* leading to its handler with
     * the exception pushed. Paths that meet must agree: a mismatch is a compiler bug.
     */
    private void computeStackDepths() {
        ArrayDeque<BasicBlock> work = new ArrayDeque<>();
        enterAtDepth(entry, 0, work);
        while (!work.isEmpty()) {
            BasicBlock b = work.pop();
            int depth = b.startDepth;
            boolean fallsThrough = true;
            for (Instr i : b.instrs) {
                int after = depth + i.stackEffect(false);
                if (after < 0) throw new IllegalStateException("stack underflow at " + i + " in " + unit.qualname);
                if (i.isJump() || i.isBlockPush()) enterAtDepth(i.target, depth + i.stackEffect(true), work);
                depth = after;
                if (i.isUnconditional()) {
                    fallsThrough = false;
                    break;
                }
            }
            if (fallsThrough && b.next != null) enterAtDepth(b.next, depth, work);
        }
    }

    private void enterAtDepth(BasicBlock b, int depth, ArrayDeque<BasicBlock> work) {
        if (b.startDepth == Integer.MIN_VALUE) {
            b.startDepth = depth;
            work.push(b);
        } else if (b.startDepth != depth) {
            throw new IllegalStateException("inconsistent stack depth " + b.startDepth + " vs " + depth
                    + " in " + unit.qualname);
        }
    }

    // ------------------------------------------------------------------ cleanup and line numbers

    private void convertBlockMarkersToNops() {
        for (BasicBlock b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (i.isBlockPush() || i.isPopBlock()) i.makeNop();
            }
        }
    }

    /** A JUMP to the block that follows anyway is a NOP (kept only while it carries a line). */
    private void removeRedundantJumps() {
        for (BasicBlock b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last != null && last.pseudo == Pseudo.JUMP && last.target == b.next) last.makeNop();
        }
    }

    private void countPredecessors() {
        for (BasicBlock b = entry; b != null; b = b.next) b.predecessors = 0;
        entry.predecessors = 1;
        for (BasicBlock b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (i.target != null) i.target.predecessors++;
            }
            if (b.hasFallthrough() && b.next != null) b.next.predecessors++;
        }
    }

    /**
     * An artificial exit (the implicit {@code return None}, a RERAISE) reached by several jumps
     * is copied for each jump, so that each copy can take the line of the code that led to it.
     */
    private void duplicateExitsWithoutLine() {
        for (BasicBlock b : layout()) {
            Instr last = b.last();
            if (last == null || !last.isJump()) continue;
            BasicBlock target = last.target;
            if (target.isExitWithoutLine() && target.predecessors > 1) {
                BasicBlock copy = new BasicBlock();
                for (Instr i : target.instrs) copy.instrs.add(i.copy());
                copy.instrs.get(0).line = last.line;
                copy.startDepth = target.startDepth;
                last.target = copy;
                target.predecessors--;
                copy.predecessors = 1;
                copy.next = target.next;
                target.next = copy;
            }
        }
        for (BasicBlock b = entry; b != null; b = b.next) {
            if (b.hasFallthrough() && b.next != null && b.next.isExitWithoutLine()) {
                b.next.instrs.get(0).line = b.last().line;
            }
        }
    }

    private void propagateLineNumbers() {
        for (BasicBlock b = entry; b != null; b = b.next) {
            int previous = -1;
            for (Instr i : b.instrs) {
                if (i.line < 0) i.line = previous;
                else previous = i.line;
            }
            if (b.hasFallthrough() && b.next != null && b.next.predecessors == 1) {
                Instr first = b.next.instrs.get(0);
                if (first.line < 0) first.line = previous;
            }
            Instr last = b.last();
            if (last.isJump() && last.target.predecessors == 1) {
                Instr first = last.target.instrs.get(0);
                if (first.line < 0) first.line = previous;
            }
        }
    }

    private void guaranteeLineForExits() {
        int line = unit.firstLine;
        for (BasicBlock b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last.line < 0) {
                if (last.opcode == Opcode.RETURN_VALUE) {
                    for (Instr i : b.instrs) i.line = line;
                }
            } else {
                line = last.line;
            }
        }
    }

    /** CPython's clean_basic_block: a NOP stays only when it is the sole carrier of its line. */
    private static void removeRedundantNops(BasicBlock b) {
        List<Instr> kept = new ArrayList<>(b.instrs.size());
        int previousLine = -1;
        for (int k = 0; k < b.instrs.size(); k++) {
            Instr i = b.instrs.get(k);
            int line = i.line;
            if (i.isNop()) {
                if (line < 0 || line == previousLine) continue;
                if (k < b.instrs.size() - 1) {
                    Instr next = b.instrs.get(k + 1);
                    if (next.line < 0 || next.line == line) {
                        next.line = line;
                        continue;
                    }
                } else {
                    BasicBlock next = firstNonEmpty(b.next);
                    if (next != null && next.instrs.get(0).line == line) continue;
                }
            }
            kept.add(i);
            previousLine = line;
        }
        b.instrs.clear();
        b.instrs.addAll(kept);
    }

    /**
     * Walks the final graph along jumps, fall-through and the handler of each instruction (the
     * edges the eval loop can take), removes the blocks this does not reach, and returns the
     * deepest stack reached: the exact maxStack.
     */
    private int dropDeadHandlersAndMeasureStack() {
        resetVisited();
        ArrayDeque<BasicBlock> work = new ArrayDeque<>();
        entry.visited = true;
        work.push(entry);
        int maxDepth = 0;
        while (!work.isEmpty()) {
            BasicBlock b = work.pop();
            int depth = b.startDepth;
            maxDepth = Math.max(maxDepth, depth);
            boolean fallsThrough = true;
            for (Instr i : b.instrs) {
                if (i.handler != null) visit(i.handler, work);
                int after = depth + i.stackEffect(false);
                maxDepth = Math.max(maxDepth, after);
                if (i.isJump()) {
                    maxDepth = Math.max(maxDepth, depth + i.stackEffect(true));
                    visit(i.target, work);
                }
                depth = after;
                if (i.isUnconditional()) {
                    fallsThrough = false;
                    break;
                }
            }
            if (fallsThrough && b.next != null) visit(b.next, work);
        }
        keepVisitedBlocks();
        // Dropping a handler can leave a jump over nothing.
        for (BasicBlock b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last != null && last.pseudo == Pseudo.JUMP && firstNonEmpty(last.target) == firstNonEmpty(b.next)) {
                b.instrs.remove(b.instrs.size() - 1);
            }
        }
        return maxDepth;
    }

    private static void visit(BasicBlock b, ArrayDeque<BasicBlock> work) {
        if (b.visited) return;
        b.visited = true;
        work.push(b);
    }

    // ------------------------------------------------------------------ final layout

    private CodeObject emit(String filename, int flags, int maxStack) {
        int count = 0;
        for (BasicBlock b = entry; b != null; b = b.next) {
            b.index = count;
            count += b.instrs.size();
        }
        int[] code = new int[count];
        int[] lines = new int[count];
        int[] positions = new int[3 * count];
        List<Instr> flat = new ArrayList<>(count);
        int pc = 0;
        for (BasicBlock b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                code[pc] = encode(i, pc);
                lines[pc] = Math.max(i.line, 0);
                positions[3 * pc] = i.endLine;
                positions[3 * pc + 1] = i.col;
                positions[3 * pc + 2] = i.endCol;
                flat.add(i);
                pc++;
            }
        }
        return new CodeObject(unit.name, unit.qualname, filename, unit.firstLine,
                unit.argCount, unit.posOnlyArgCount, unit.kwOnlyArgCount, flags,
                unit.varnames.keySet().toArray(String[]::new),
                unit.names.keySet().toArray(String[]::new),
                unit.consts.toArray(),
                unit.cellvars.toArray(String[]::new),
                unit.freevars.toArray(String[]::new),
                cellArgs(), code, lines, positions, exceptionTable(flat), maxStack);
    }

    private int encode(Instr i, int pc) {
        if (i.pseudo == Pseudo.JUMP) {
            int target = i.target.index;
            return (target > pc ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD).encode(target);
        }
        if (i.pseudo != null) throw new IllegalStateException("pseudo-instruction left: " + i);
        if (i.opcode.hasJump()) {
            int target = i.target.index;
            // Only JUMP_BACKWARD may go backwards: it is the loop back edge the eval loop switches threads at.
            if (target <= pc && i.opcode != Opcode.JUMP_BACKWARD) {
                throw new IllegalStateException("backward conditional jump " + i + " in " + unit.qualname);
            }
            return i.opcode.encode(target);
        }
        return i.opcode.encode(i.operand);
    }

    /** Runs of instructions sharing a handler become entries: start, end, handler, depth. */
    private static int[] exceptionTable(List<Instr> flat) {
        List<int[]> entries = new ArrayList<>();
        int start = 0;
        while (start < flat.size()) {
            BasicBlock handler = flat.get(start).handler;
            int end = start + 1;
            while (end < flat.size() && flat.get(end).handler == handler) end++;
            if (handler != null) entries.add(new int[] {start, end, handler.index, handler.startDepth - 1});
            start = end;
        }
        int[] table = new int[entries.size() * 4];
        for (int k = 0; k < entries.size(); k++) System.arraycopy(entries.get(k), 0, table, 4 * k, 4);
        return table;
    }

    private int[] cellArgs() {
        int[] cellArgs = new int[unit.cellvars.size()];
        for (int k = 0; k < cellArgs.length; k++) {
            int param = unit.scope.params.indexOf(unit.cellvars.get(k));
            cellArgs[k] = param < 0 ? -1 : unit.varnames.get(unit.cellvars.get(k));
        }
        return cellArgs;
    }
}
