package dev.gild.bytecode;

import dev.gild.runtime.Ops;
import dev.gild.runtime.PyTuple;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Text listing of a code object in the layout of CPython 3.11's {@code dis.dis}: line number
 * (on the first instruction of each line), {@code >>} on jump and handler targets, offset (two
 * per instruction, as CPython's code units), opcode name, operand and its meaning in parentheses;
 * then an {@code ExceptionTable:} section and the nested code objects, recursively.
 *
 * <p>{@link #instructions} gives the same information as records (the {@code dis} module's
 * {@code get_instructions} is built on it), so the text and the records cannot disagree.
 *
 * <p>Code objects are shown as {@code <code object f at 0x0001, file "x.py", line 3>} by default:
 * the "address" is a number given in order of appearance, so listings are stable from run to run.
 * The {@code dis} module passes the runtime's own addresses instead, so a listing agrees with
 * {@code repr(f.__code__)}.
 *
 * <p>Switch points: with {@link SwitchMarks#BACKEDGE} or {@link SwitchMarks#INSTRUCTION} a
 * {@code *} column marks the instructions before which the interpreter lock may change hands in
 * that {@code --preempt-at} mode. In instruction mode that is every instruction. In backedge mode
 * the eval loop checks on entry to a code object, right after a backward jump (so before the
 * jump's target) and right after a call returns (so before the instruction that follows a
 * {@link Opcode#isSwitchPoint() switch-point} call); nothing else can interleave between two
 * instructions, which is what makes e.g. {@code counter += 1} in a plain loop effectively atomic.
 */
public final class Disassembler {
    private static final int OPNAME_WIDTH = 20;
    private static final int OPARG_WIDTH = 5;
    private static final String[] MAKE_FUNCTION_FLAGS = {"defaults", "kwdefaults", "annotations", "closure"};
    private static final String[] CONVERSIONS = {"", "str", "repr", "ascii"};

    /** Which switch points a listing marks. */
    public enum SwitchMarks { NONE, INSTRUCTION, BACKEDGE }

    /**
     * One decoded instruction.
     *
     * @param offset      2 * index, as CPython's code-unit offsets
     * @param startsLine  the source line this instruction starts, or 0 when it continues a line
     * @param argRepr     the operand's meaning as the listing shows it ("" when none)
     * @param switchPoint whether the lock may change hands just before this instruction
     */
    public record Instruction(int index, int offset, Opcode op, int arg, int startsLine, boolean jumpTarget,
                              String argRepr, boolean switchPoint) {
        public boolean hasArg() { return op.operandKind != OperandKind.NONE; }
    }

    private final SwitchMarks marks;
    private final Function<CodeObject, String> addressOf;
    private final StringBuilder out = new StringBuilder();

    private Disassembler(SwitchMarks marks, Function<CodeObject, String> addressOf) {
        this.marks = marks;
        this.addressOf = addressOf;
    }

    public static String disassemble(CodeObject code) {
        return disassemble(code, SwitchMarks.NONE);
    }

    /** With showSwitchPoints, marks the switch points of {@code --preempt-at backedge}. */
    public static String disassemble(CodeObject code, boolean showSwitchPoints) {
        return disassemble(code, showSwitchPoints ? SwitchMarks.BACKEDGE : SwitchMarks.NONE);
    }

    public static String disassemble(CodeObject code, SwitchMarks marks) {
        return disassemble(code, marks, stableAddresses(), true);
    }

    /**
     * The listing of code (and, when recursive, of the code objects among its constants), showing
     * code objects at the addresses addressOf gives.
     */
    public static String disassemble(CodeObject code, SwitchMarks marks, Function<CodeObject, String> addressOf,
                                     boolean recursive) {
        Disassembler d = new Disassembler(marks, addressOf);
        if (recursive) d.disassembleRecursive(code);
        else d.disassembleOne(code);
        return d.out.toString();
    }

    /** Addresses 0x0001, 0x0002, ... in order of first appearance. */
    public static Function<CodeObject, String> stableAddresses() {
        Map<CodeObject, Integer> numbers = new IdentityHashMap<>();
        return code -> {
            int n = numbers.computeIfAbsent(code, k -> numbers.size() + 1);
            String hex = Integer.toHexString(n);
            return "0x" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
        };
    }

    /** Whether the lock may change hands before each instruction of code, in the given mode. */
    public static boolean[] switchPoints(CodeObject code, boolean perInstruction) {
        int n = code.code.length;
        boolean[] points = new boolean[n];
        if (n == 0) return points;
        if (perInstruction) {
            java.util.Arrays.fill(points, true);
            return points;
        }
        points[0] = true;
        for (int i = 0; i < n; i++) {
            Opcode op = Opcode.opcodeOf(code.code[i]);
            if (!op.isSwitchPoint()) continue;
            if (op.hasJump()) points[Opcode.operandOf(code.code[i])] = true;
            else if (i + 1 < n) points[i + 1] = true;
        }
        return points;
    }

    /** The instructions of code, decoded. */
    public static List<Instruction> instructions(CodeObject code, SwitchMarks marks,
                                                 Function<CodeObject, String> addressOf) {
        return new Disassembler(marks, addressOf).decode(code);
    }

    private List<Instruction> decode(CodeObject code) {
        int n = code.code.length;
        boolean[] labels = new boolean[n + 1];
        for (int word : code.code) {
            Opcode op = Opcode.opcodeOf(word);
            if (op.operandKind == OperandKind.JUMP) labels[Opcode.operandOf(word)] = true;
        }
        for (int k = 0; k < code.exceptionTable.length; k += 4) labels[code.exceptionTable[k + 2]] = true;
        boolean[] switches = marks == SwitchMarks.NONE ? new boolean[n]
                : switchPoints(code, marks == SwitchMarks.INSTRUCTION);
        List<Instruction> result = new ArrayList<>(n);
        int lastLine = 0;
        for (int i = 0; i < n; i++) {
            int line = code.lines[i];
            int startsLine = 0;
            if (line > 0 && line != lastLine) {
                startsLine = line;
                lastLine = line;
            }
            Opcode op = Opcode.opcodeOf(code.code[i]);
            int operand = Opcode.operandOf(code.code[i]);
            result.add(new Instruction(i, 2 * i, op, operand, startsLine, labels[i],
                    operandMeaning(code, op, operand), switches[i]));
        }
        return result;
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
        List<Instruction> instructions = decode(code);
        int maxLine = 0;
        for (Instruction in : instructions) maxLine = Math.max(maxLine, in.startsLine());
        int lineWidth = maxLine == 0 ? 0 : Math.max(3, String.valueOf(maxLine).length());
        int maxOffset = 2 * (instructions.size() - 1);
        int offsetWidth = maxOffset >= 10000 ? String.valueOf(maxOffset).length() : 4;

        for (Instruction in : instructions) {
            if (lineWidth > 0 && in.startsLine() != 0 && in.index() > 0) out.append('\n');
            StringBuilder line = new StringBuilder();
            if (lineWidth > 0) {
                line.append(in.startsLine() != 0 ? padLeft(String.valueOf(in.startsLine()), lineWidth)
                        : " ".repeat(lineWidth)).append(' ');
            }
            if (marks != SwitchMarks.NONE) line.append(in.switchPoint() ? '*' : ' ').append(' ');
            line.append("   ").append(' ');
            line.append(in.jumpTarget() ? ">>" : "  ").append(' ');
            line.append(padLeft(String.valueOf(in.offset()), offsetWidth)).append(' ');
            line.append(padRight(in.op().name(), OPNAME_WIDTH));
            if (in.hasArg()) {
                line.append(' ').append(padLeft(String.valueOf(in.arg()), OPARG_WIDTH));
                if (!in.argRepr().isEmpty()) line.append(" (").append(in.argRepr()).append(')');
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
            case DEREF -> derefName(code, operand);
            case JUMP -> "to " + 2 * operand;
            case BINARY_OP -> BinaryOp.of(operand).symbol;
            case COMPARE_OP -> CompareOp.of(operand).symbol;
            case FLAGS -> flagsMeaning(op, operand);
            case COUNT, NONE -> "";
        };
    }

    /** The variable a DEREF operand names: cellvars first, then freevars. */
    public static String derefName(CodeObject code, int operand) {
        return operand < code.cellvars.length ? code.cellvars[operand] : code.freevars[operand - code.cellvars.length];
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
        return "<code object " + code.name + " at " + addressOf.apply(code) + ", file \""
                + code.filename + "\", line " + code.firstLine + ">";
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
