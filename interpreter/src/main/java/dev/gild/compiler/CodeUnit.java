package dev.gild.compiler;

import dev.gild.ast.Node;
import dev.gild.bytecode.Opcode;
import dev.gild.runtime.Py;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's state for one code object being built (CPython's {@code compiler_unit}): the
 * blocks emitted so far, the tables that operands index (consts, names, varnames, cells), the
 * stack of enclosing control structures ({@link FBlock}s), and the current source location.
 */
final class CodeUnit {
    /** Kinds of enclosing structure that break, continue and return must unwind (CPython's fblocktype). */
    enum FBlockKind { WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, EXCEPTION_HANDLER,
        HANDLER_CLEANUP, POP_VALUE }

    /**
     * An enclosing structure. block is a loop's continue target, exit its break target; datum is
     * the finally body (FINALLY_TRY), the with statement (WITH) or the bound exception name
     * (HANDLER_CLEANUP, null when there is none).
     */
    record FBlock(FBlockKind kind, BasicBlock block, BasicBlock exit, Object datum) {}

    final Scope scope;
    final CodeUnit parent;
    final String name;
    final String qualname;
    final int firstLine;
    /** The class whose private names are mangled here, inherited by nested functions. */
    String privateName;

    final Map<String, Integer> varnames = new LinkedHashMap<>();
    final Map<String, Integer> names = new LinkedHashMap<>();
    final List<Object> consts = new ArrayList<>();
    private final Map<Constants.Key, Integer> constIndex = new HashMap<>();
    final List<String> cellvars;
    final List<String> freevars;

    int argCount;
    int posOnlyArgCount;
    int kwOnlyArgCount;

    final BasicBlock entry = new BasicBlock();
    BasicBlock current = entry;
    final ArrayDeque<FBlock> fblocks = new ArrayDeque<>();

    /** Line given to emitted instructions; -1 marks them artificial (the assembler fills them in). */
    int line;
    /** Span reported by compile-time errors raised at the current location. */
    Node.Pos pos;

    CodeUnit(Scope scope, CodeUnit parent, String name, String qualname, int firstLine) {
        this.scope = scope;
        this.parent = parent;
        this.name = name;
        this.qualname = qualname;
        this.firstLine = firstLine;
        this.line = firstLine;
        this.pos = new Node.Pos(firstLine, 0, firstLine, 0);
        this.privateName = parent == null ? null : parent.privateName;
        for (String param : scope.params) varnames.putIfAbsent(param, varnames.size());
        this.cellvars = scope.cellvars();
        this.freevars = scope.freevars();
    }

    // ------------------------------------------------------------------ tables

    int addConst(Object value) {
        return constIndex.computeIfAbsent(new Constants.Key(value), k -> {
            consts.add(value);
            return consts.size() - 1;
        });
    }

    /**
     * Function code keeps its docstring (or None) as consts[0], as CPython 3.11 does, so the
     * runtime can read {@code __doc__} from there.
     */
    void reserveDocstring(String docstring) {
        addConst(docstring == null ? Py.None : docstring);
    }

    int addName(String name) { return names.computeIfAbsent(name, k -> names.size()); }

    int addVarname(String name) { return varnames.computeIfAbsent(name, k -> varnames.size()); }

    /** Index of a cell in the frame's cell array (cellvars, then freevars). */
    int cellIndex(String name) {
        int i = cellvars.indexOf(name);
        if (i < 0) throw new IllegalStateException("no cell " + name + " in " + qualname);
        return i;
    }

    int freeIndex(String name) {
        int i = freevars.indexOf(name);
        if (i < 0) throw new IllegalStateException("no free variable " + name + " in " + qualname);
        return cellvars.size() + i;
    }

    // ------------------------------------------------------------------ emission

    void emit(Opcode opcode, int operand) {
        append(new Instr(opcode, operand, null, line));
    }

    void emitJump(Opcode opcode, BasicBlock target) {
        append(new Instr(opcode, 0, target, line));
    }

    void emitPseudo(Pseudo pseudo, BasicBlock target) {
        append(new Instr(pseudo, target, line));
    }

    private void append(Instr instr) {
        // The span is known when the current position belongs to the current line (a method call
        // spread over lines takes the attribute's end line, and then no column).
        if (line >= 0 && pos.line() == line) {
            instr.endLine = pos.endLine();
            instr.col = pos.col();
            instr.endCol = pos.endCol();
        }
        current.instrs.add(instr);
        // Jumps and exits end a basic block: what follows is a new block (maybe unreachable).
        if (instr.isJump() || instr.isUnconditional()) useNextBlock(new BasicBlock());
    }

    void useNextBlock(BasicBlock block) {
        current.next = block;
        current = block;
    }
}
