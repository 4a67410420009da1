package dev.gild.bytecode;

import dev.gild.runtime.Ops;
import dev.gild.runtime.PyTuple;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Text listing of a code object in the layout of CPython 3.11's {@code dis.dis}: line number
 * (on the first instruction of each line), {@code >>} on jump and handler targets, offset (two
 * per instruction, as CPython's code units), opcode name, operand and its meaning in parentheses;
 * then an {@code ExceptionTable:} section and the nested code objects, recursively.
 *
 * <p>Code objects are shown as {@code <code object f at 0x0001, file "x.py", line 3>}: the
 * "address" is a number given in order of appearance, so listings are stable from run to run.
 *
 * <p>With {@code showSwitchPoints}, a {@code *} column marks the instructions before which a
 * thread may switch in {@code backedge} preemption mode (the first instruction of the code and
 * every {@link Opcode#isSwitchPoint() switch point}).
 */
public final class Disassembler {
    private static final int OPNAME_WIDTH = 20;
    private static final int OPARG_WIDTH = 5;
    private static final String[] MAKE_FUNCTION_FLAGS = {"defaults", "kwdefaults", "annotations", "closure"};
    private static final String[] CONVERSIONS = {"", "str", "repr", "ascii"};

    private final boolean showSwitchPoints;
    private final Map<CodeObject, Integer> addresses = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private Disassembler(boolean showSwitchPoints) {
        this.showSwitchPoints = showSwitchPoints;
    }

    public static String disassemble(CodeObject code) {
        return disassemble(code, false);
    }

    public static String disassemble(CodeObject code, boolean showSwitchPoints) {
        Disassembler d = new Disassembler(showSwitchPoints);
        d.disassembleRecursive(code);
        return d.out.toString();
    }

    private void disassembleRecursive(CodeObject code) {
        disassembleOne(code);
        for (Object c : code.consts) {
            if (c instanceof CodeObject nested) {
                out.append('\n').append("Disassembly of ").append(codeRepr(nested)).append(":\n");
                disassembleRecursive(nested);
            }
        }
    }

    private void disassembleOne(CodeObject code) {
        int n = code.code.length;
        boolean[] labels = new boolean[n + 1];
        for (int word : code.code) {
            Opcode op = Opcode.opcodeOf(word);
            if (op.operandKind == OperandKind.JUMP) labels[Opcode.operandOf(word)] = true;
        }
        for (int k = 0; k < code.exceptionTable.length; k += 4) labels[code.exceptionTable[k + 2]] = true;

        int[] lineStarts = new int[n];
        int lastLine = 0;
        int maxLine = 0;
        for (int i = 0; i < n; i++) {
            int line = code.lines[i];
            if (line > 0 && line != lastLine) {
                lineStarts[i] = line;
                lastLine = line;
                maxLine = Math.max(maxLine, line);
            }
        }
        int lineWidth = maxLine == 0 ? 0 : Math.max(3, String.valueOf(maxLine).length());
        int maxOffset = 2 * (n - 1);
        int offsetWidth = maxOffset >= 10000 ? String.valueOf(maxOffset).length() : 4;

        for (int i = 0; i < n; i++) {
            if (lineWidth > 0 && lineStarts[i] != 0 && i > 0) out.append('\n');
            StringBuilder line = new StringBuilder();
            if (lineWidth > 0) {
                line.append(lineStarts[i] != 0 ? padLeft(String.valueOf(lineStarts[i]), lineWidth)
                        : " ".repeat(lineWidth)).append(' ');
            }
            Opcode op = Opcode.opcodeOf(code.code[i]);
            int operand = Opcode.operandOf(code.code[i]);
            if (showSwitchPoints) line.append(i == 0 || op.isSwitchPoint() ? '*' : ' ').append(' ');
            line.append("   ").append(' ');
            line.append(labels[i] ? ">>" : "  ").append(' ');
            line.append(padLeft(String.valueOf(2 * i), offsetWidth)).append(' ');
            line.append(padRight(op.name(), OPNAME_WIDTH));
            if (op.operandKind != OperandKind.NONE) {
                line.append(' ').append(padLeft(String.valueOf(operand), OPARG_WIDTH));
                String meaning = operandMeaning(code, op, operand);
                if (!meaning.isEmpty()) line.append(" (").append(meaning).append(')');
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }

        if (code.exceptionTable.length > 0) {
            out.append("ExceptionTable:\n");
            int[] t = code.exceptionTable;
            for (int k = 0; k < t.length; k += 4) {
                out.append("  ").append(2 * t[k]).append(" to ").append(2 * (t[k + 1] - 1))
                        .append(" -> ").append(2 * t[k + 2]).append(" [").append(t[k + 3]).append("]\n");
            }
        }
    }

    private String operandMeaning(CodeObject code, Opcode op, int operand) {
        return switch (op.operandKind) {
            case CONST -> constRepr(code.consts[operand]);
            case LOCAL -> code.varnames[operand];
            case NAME -> code.names[operand];
            case DEREF -> operand < code.cellvars.length ? code.cellvars[operand]
                    : code.freevars[operand - code.cellvars.length];
            case JUMP -> "to " + 2 * operand;
            case BINARY_OP -> BinaryOp.of(operand).symbol;
            case COMPARE_OP -> CompareOp.of(operand).symbol;
            case FLAGS -> flagsMeaning(op, operand);
            case COUNT, NONE -> "";
        };
    }

    private static String flagsMeaning(Opcode op, int operand) {
        if (op == Opcode.FORMAT_VALUE) {
            String conversion = CONVERSIONS[operand & 3];
            if ((operand & 4) == 0) return conversion;
            return conversion.isEmpty() ? "with format" : conversion + ", with format";
        }
        if (op == Opcode.MAKE_FUNCTION) {
            StringBuilder s = new StringBuilder();
            for (int bit = 0; bit < MAKE_FUNCTION_FLAGS.length; bit++) {
                if ((operand & 1 << bit) == 0) continue;
                if (!s.isEmpty()) s.append(", ");
                s.append(MAKE_FUNCTION_FLAGS[bit]);
            }
            return s.toString();
        }
        return "";
    }

    private String constRepr(Object c) {
        if (c instanceof CodeObject code) return codeRepr(code);
        if (c instanceof PyTuple t) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) s.append(", ");
                s.append(constRepr(t.get(i)));
            }
            if (t.size() == 1) s.append(',');
            return s.append(')').toString();
        }
        return Ops.repr(c);
    }

    private String codeRepr(CodeObject code) {
        int address = addresses.computeIfAbsent(code, k -> addresses.size() + 1);
        return "<code object " + code.name + " at 0x" + String.format("%04x", address) + ", file \""
                + code.filename + "\", line " + code.firstLine + ">";
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
