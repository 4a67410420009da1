package dev.gild.compiler;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CompareOp;
import dev.gild.bytecode.Opcode;
import dev.gild.parser.Parser;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Compiling snippets and reading the result back in a form tests can compare. */
final class CompileHelper {
    static final String FILENAME = "test.py";

    static {
        // The runtime's types must be set up before anything asks for a repr (the disassembler
        // does): first touching dev.gild.runtime.StrMethods fails its static initialisation.
        Objects.requireNonNull(PyTypes.TUPLE);
    }

    private CompileHelper() {}

    static CodeObject compile(String source) {
        return compile(source, FILENAME);
    }

    static CodeObject compile(String source, String filename) {
        return Compiler.compileModule(Parser.parseModule(source, filename), filename, source);
    }

    /** The code object with this qualname, searched through the nested constants. */
    static CodeObject find(CodeObject root, String qualname) {
        if (root.qualname.equals(qualname)) return root;
        for (Object c : root.consts) {
            if (c instanceof CodeObject nested) {
                CodeObject found = find(nested, qualname);
                if (found != null) return found;
            }
        }
        return null;
    }

    static CodeObject compileAndFind(String source, String qualname) {
        CodeObject code = find(compile(source), qualname);
        if (code == null) throw new AssertionError("no code object " + qualname);
        return code;
    }

    /**
     * One line per instruction: the opcode name and what the operand means (constant, name,
     * operator symbol, target index or count), e.g. {@code LOAD_FAST x}, {@code BINARY_OP +=}.
     */
    static List<String> instructions(CodeObject code) {
        List<String> result = new ArrayList<>();
        for (int word : code.code) {
            Opcode op = Opcode.opcodeOf(word);
            int arg = Opcode.operandOf(word);
            String meaning = switch (op.operandKind) {
                case NONE -> null;
                case CONST -> constant(code.consts[arg]);
                case LOCAL -> code.varnames[arg];
                case NAME -> code.names[arg];
                case DEREF -> arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length];
                case BINARY_OP -> BinaryOp.of(arg).symbol;
                case COMPARE_OP -> CompareOp.of(arg).symbol;
                case JUMP, COUNT, FLAGS -> String.valueOf(arg);
            };
            result.add(meaning == null ? op.name() : op.name() + " " + meaning);
        }
        return result;
    }

    static String listing(CodeObject code) {
        return String.join("\n", instructions(code));
    }

    static long count(CodeObject code, Opcode opcode) {
        long n = 0;
        for (int word : code.code) {
            if (Opcode.opcodeOf(word) == opcode) n++;
        }
        return n;
    }

    static String constant(Object c) {
        return switch (c) {
            case String s -> "'" + s + "'";
            case CodeObject code -> "<code " + code.name + ">";
            case PyTuple t -> {
                List<String> items = new ArrayList<>();
                for (Object item : t.items) items.add(constant(item));
                yield "(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")");
            }
            case Boolean b -> b ? "True" : "False";
            default -> String.valueOf(c);
        };
    }

    static String lines(String... lines) {
        return String.join("\n", lines);
    }

    static String joined(List<String> parts) {
        return parts.stream().collect(Collectors.joining("\n"));
    }
}
