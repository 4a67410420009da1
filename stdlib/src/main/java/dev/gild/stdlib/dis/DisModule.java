package dev.gild.stdlib.dis;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.Disassembler;
import dev.gild.bytecode.Disassembler.Instruction;
import dev.gild.bytecode.Disassembler.SwitchMarks;
import dev.gild.bytecode.OperandKind;
import dev.gild.bytecode.Opcode;
import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code _dis}: the native half of {@code dis} (written in Python on top of it). It decodes code
 * objects through the interpreter's own {@link Disassembler}, so the listing, the instruction
 * records and the switch-point marks come from the one instruction table.
 *
 * <p>Switch-point modes are passed as strings: {@code "instruction"}, {@code "backedge"}, or
 * {@code None} for no marks. {@code preempt_at} is the mode this interpreter runs in.
 */
public final class DisModule implements ModuleProvider {
    /** Code objects are shown at the address their repr() gives, as CPython's dis does. */
    private static final Function<CodeObject, String> RUNTIME_ADDRESSES = Py::addressOf;

    @Override
    public String name() {
        return "_dis";
    }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_dis");
        m.set("preempt_at", interp.options.perInstruction() ? "instruction" : "backedge");
        Opcode[] ops = Opcode.values();
        Object[] names = new Object[ops.length];
        for (Opcode op : ops) names[op.ordinal()] = op.name();
        m.set("opname", PyList.of(names));
        m.set("hasconst", opcodesWith(OperandKind.CONST));
        m.set("hasname", opcodesWith(OperandKind.NAME));
        m.set("haslocal", opcodesWith(OperandKind.LOCAL));
        m.set("hasfree", opcodesWith(OperandKind.DEREF));
        m.set("hascompare", opcodesWith(OperandKind.COMPARE_OP));
        m.set("hasjabs", opcodesWith(OperandKind.JUMP));
        m.set("hasjrel", new PyList());
        m.define("disassemble", (args, kw) -> {
            Object[] a = Args.parse("disassemble", args, kw, new String[] {"code", "switch_points", "recursive"}, 1);
            return Disassembler.disassemble(code(a[0]), marks(a[1]), RUNTIME_ADDRESSES,
                    a[2] == null || Ops.isTrue(a[2]));
        });
        m.define("instructions", (args, kw) -> {
            Object[] a = Args.parse("instructions", args, kw, new String[] {"code", "switch_points"}, 1);
            CodeObject code = code(a[0]);
            List<Instruction> decoded = Disassembler.instructions(code, marks(a[1]), RUNTIME_ADDRESSES);
            Object[] rows = new Object[decoded.size()];
            for (int i = 0; i < rows.length; i++) rows[i] = row(code, decoded.get(i));
            return PyList.of(rows);
        });
        m.define("exception_table", (args, kw) -> {
            Args.check("exception_table", args, kw, 0, 1, 1);
            int[] t = code(args[0]).exceptionTable;
            Object[] entries = new Object[t.length / 4];
            for (int k = 0; k < t.length; k += 4) {
                entries[k / 4] = PyTuple.of(2L * t[k], 2L * t[k + 1], 2L * t[k + 2], (long) t[k + 3]);
            }
            return PyList.of(entries);
        });
        m.define("stacksize", (args, kw) -> {
            Args.check("stacksize", args, kw, 0, 1, 1);
            return (long) code(args[0]).maxStack;
        });
        m.define("compile_file", (args, kw) -> {
            Args.check("compile_file", args, kw, 0, 1, 1);
            String path = Ops.str(args[0]);
            String source = Blocking.call(() -> readSource(path));
            return Builtins.compileSource(interp, source, path, CodeCompiler.Mode.EXEC);
        });
        return m;
    }

    /** The script's text (UTF-8), or CPython's OSError message when it cannot be read. */
    private static String readSource(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw Py.raise(PyExc.FileNotFoundError, "[Errno 2] No such file or directory: " + Ops.repr(path));
        } catch (IOException | InvalidPathException e) {
            throw Py.raise(PyExc.OSError, "cannot read " + Ops.repr(path) + ": " + e.getMessage());
        }
    }

    private static PyList opcodesWith(OperandKind kind) {
        PyList list = new PyList();
        for (Opcode op : Opcode.values()) {
            if (op.operandKind == kind) list.append((long) op.ordinal());
        }
        return list;
    }

    private static CodeObject code(Object o) {
        if (o instanceof CodeObject c) return c;
        throw Py.typeError("expected a code object, not " + Ops.typeOf(o).getName());
    }

    private static SwitchMarks marks(Object mode) {
        if (mode == null || mode == Py.None || Boolean.FALSE.equals(mode)) return SwitchMarks.NONE;
        return switch (Ops.str(mode)) {
            case "instruction" -> SwitchMarks.INSTRUCTION;
            case "backedge" -> SwitchMarks.BACKEDGE;
            default -> throw Py.valueError("switch_points must be 'instruction', 'backedge' or None, not "
                    + Ops.repr(mode));
        };
    }

    /** (opname, opcode, arg, argval, argrepr, offset, starts_line, is_jump_target, switch_point). */
    private static PyTuple row(CodeObject code, Instruction in) {
        Object arg = in.hasArg() ? (Object) (long) in.arg() : Py.None;
        return PyTuple.of(in.op().name(), (long) in.op().ordinal(), arg, argValue(code, in), in.argRepr(),
                (long) in.offset(), in.startsLine() == 0 ? Py.None : (Object) (long) in.startsLine(),
                in.jumpTarget(), in.switchPoint());
    }

    /** The resolved operand, as CPython's Instruction.argval. */
    private static Object argValue(CodeObject code, Instruction in) {
        int arg = in.arg();
        return switch (in.op().operandKind) {
            case NONE -> Py.None;
            case CONST -> code.consts[arg];
            case LOCAL -> code.varnames[arg];
            case NAME -> code.names[arg];
            case DEREF -> Disassembler.derefName(code, arg);
            case JUMP -> 2L * arg;
            case COMPARE_OP -> in.argRepr();
            case COUNT, FLAGS, BINARY_OP -> (long) arg;
        };
    }
}
