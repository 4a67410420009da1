package dev.gild.compiler;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CompareOp;
import dev.gild.bytecode.Opcode;
import dev.gild.runtime.Py;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a compiled code object (and the ones nested in it) independently of the compiler's own
 * bookkeeping: operands in range, jumps inside the code and in the right direction, a sane
 * exception table, and a simulation of the stack depth along every path (falling through, jumping
 * and entering handlers) using only {@link Opcode#stackEffect} and the exception table. The depth
 * must never go negative, must agree wherever paths meet, and its maximum must be exactly maxStack.
 */
final class BytecodeVerifier {
    private BytecodeVerifier() {}

    /** Returns the problems found, each prefixed with the code object's qualname; empty when sound. */
    static List<String> verify(CodeObject code) {
        List<String> problems = new ArrayList<>();
        verifyRecursively(code, problems);
        return problems;
    }

    private static void verifyRecursively(CodeObject code, List<String> problems) {
        new Check(code, problems).run();
        for (Object c : code.consts) {
            if (c instanceof CodeObject nested) verifyRecursively(nested, problems);
        }
    }

    private static final class Check {
        private final CodeObject code;
        private final List<String> problems;
        private final int n;

        Check(CodeObject code, List<String> problems) {
            this.code = code;
            this.problems = problems;
            this.n = code.code.length;
        }

        private void problem(String message) {
            problems.add(code.qualname + ": " + message);
        }

        void run() {
            if (n == 0) {
                problem("empty code");
                return;
            }
            if (code.lines.length != n) problem("lines has " + code.lines.length + " entries for " + n + " instructions");
            if (code.cellArgs.length != code.cellvars.length) problem("cellArgs length differs from cellvars");
            if ((code.flags & CodeObject.OPTIMIZED) != 0
                    && !(code.consts.length > 0 && (code.consts[0] instanceof String || code.consts[0] == Py.None))) {
                problem("function code without docstring-or-None at consts[0]");
            }
            for (int pc = 0; pc < n; pc++) checkOperand(pc);
            checkExceptionTable();
            if (problems.isEmpty()) simulateStack();
        }

        private void checkOperand(int pc) {
            int word = code.code[pc];
            if ((word & Opcode.OPCODE_MASK) >= Opcode.values().length) {
                problem("bad opcode at " + pc);
                return;
            }
            Opcode op = Opcode.opcodeOf(word);
            int arg = Opcode.operandOf(word);
            boolean ok = switch (op.operandKind) {
                case NONE -> arg == 0;
                case CONST -> arg < code.consts.length;
                case LOCAL -> arg < code.varnames.length;
                case NAME -> arg < code.names.length;
                case DEREF -> arg < code.cellCount();
                case JUMP -> arg < n && (op == Opcode.JUMP_BACKWARD ? arg <= pc : arg > pc);
                case BINARY_OP -> arg < BinaryOp.values().length;
                case COMPARE_OP -> arg < CompareOp.values().length;
                case COUNT, FLAGS -> true;
            };
            if (!ok) problem("bad operand " + arg + " for " + op + " at " + pc);
        }

        private void checkExceptionTable() {
            int[] t = code.exceptionTable;
            if (t.length % 4 != 0) {
                problem("exception table length " + t.length);
                return;
            }
            int previousEnd = 0;
            for (int k = 0; k < t.length; k += 4) {
                int start = t[k];
                int end = t[k + 1];
                int handler = t[k + 2];
                int depth = t[k + 3];
                if (start < previousEnd || start >= end || end > n || handler < 0 || handler >= n || depth < 0
                        || depth + 1 > code.maxStack) {
                    problem("bad exception entry " + Arrays.toString(Arrays.copyOfRange(t, k, k + 4)));
                }
                previousEnd = end;
            }
        }

        private int[] entryCovering(int pc) {
            int[] t = code.exceptionTable;
            for (int k = 0; k < t.length; k += 4) {
                if (pc >= t[k] && pc < t[k + 1]) return Arrays.copyOfRange(t, k, k + 4);
            }
            return null;
        }

        private void simulateStack() {
            int[] depthAt = new int[n];
            Arrays.fill(depthAt, -1);
            ArrayDeque<Integer> work = new ArrayDeque<>();
            int[] maxSeen = {0};
            reach(0, 0, depthAt, work, maxSeen);
            while (!work.isEmpty() && problems.isEmpty()) {
                int pc = work.pop();
                int depth = depthAt[pc];
                Opcode op = Opcode.opcodeOf(code.code[pc]);
                int arg = Opcode.operandOf(code.code[pc]);
                int[] entry = entryCovering(pc);
                if (entry != null) {
                    // The eval loop cuts the stack to the entry's depth, so it must not be deeper than here.
                    if (entry[3] > depth) problem("handler depth " + entry[3] + " above stack depth " + depth + " at " + pc);
                    reach(entry[2], entry[3] + 1, depthAt, work, maxSeen);
                }
                if (op.hasJump()) reach(arg, depth + op.stackEffect(arg, true), depthAt, work, maxSeen);
                if (!op.isUnconditional()) {
                    if (pc + 1 >= n) problem("falls off the end at " + pc);
                    else reach(pc + 1, depth + op.stackEffect(arg, false), depthAt, work, maxSeen);
                }
            }
            if (problems.isEmpty() && maxSeen[0] != code.maxStack) {
                problem("maxStack is " + code.maxStack + " but the deepest path reaches " + maxSeen[0]);
            }
        }

        private void reach(int pc, int depth, int[] depthAt, ArrayDeque<Integer> work, int[] maxSeen) {
            if (depth < 0) {
                problem("stack underflow reaching " + pc);
                return;
            }
            if (depth > code.maxStack) {
                problem("depth " + depth + " above maxStack " + code.maxStack + " at " + pc);
                return;
            }
            maxSeen[0] = Math.max(maxSeen[0], depth);
            if (depthAt[pc] == -1) {
                depthAt[pc] = depth;
                work.push(pc);
            } else if (depthAt[pc] != depth) {
                problem("inconsistent depth at " + pc + ": " + depthAt[pc] + " and " + depth);
            }
        }
    }
}
