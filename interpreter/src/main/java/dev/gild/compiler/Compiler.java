package dev.gild.compiler;


import dev.gild.ast.Node;
import dev.gild.ast.Node.Expr;
import dev.gild.ast.Node.Pos;
import dev.gild.ast.Node.Stmt;
import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CompareOp;
import dev.gild.bytecode.Opcode;
import dev.gild.compiler.CodeUnit.FBlock;
import dev.gild.compiler.CodeUnit.FBlockKind;
import dev.gild.compiler.Scope.Binding;
import dev.gild.parser.SyntaxErrorException;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyTuple;
import dev.gild.util.DeepStack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static dev.gild.bytecode.Opcode.*;

/**
 * The bytecode compiler: AST in, {@link CodeObject} out, following CPython 3.11's
 * {@code compile.c} closely so that {@code dis} output reads the same (same instructions in the
 * same order, modulo CPython's caches, RESUME and PRECALL).
 *
 * <h2>The tour</h2>
 *
 * <p><b>Scopes.</b> {@link Symtable} runs first over the whole file and decides, for every name in
 * every scope, whether it is a fast local, a cell, a free variable, a global or a name looked up
 * in a namespace. Each scope then becomes one {@link CodeUnit} (module, class body, function,
 * lambda, comprehension) compiled into its own code object; nested code objects go into the
 * parent's constants and are turned into functions by MAKE_FUNCTION (with a closure tuple built
 * from LOAD_CLOSUREs when they capture variables).
 *
 * <p><b>Code generation per node kind.</b> Statements and expressions are visited recursively
 * ({@code visitStmt}, {@code visitExpr}); assignment and deletion targets have their own visitors
 * ({@code visitStore}, {@code visitDelete}) since the AST carries no load/store context. Names go
 * through {@code nameOp}, which picks LOAD_FAST / LOAD_DEREF / LOAD_CLASSDEREF / LOAD_GLOBAL /
 * LOAD_NAME (and the STORE/DELETE forms) from the symbol table. Calls push
 * {@code callable, self_or_null, args}: {@code obj.m(...)} uses LOAD_METHOD, other calls
 * PUSH_NULL, keyword names come as a constant tuple for CALL_KW, and any {@code *}/{@code **}
 * argument switches to a tuple (and dict) for CALL_FUNCTION_EX. Conditions in {@code if},
 * {@code while}, {@code assert} and comprehension filters go through {@code jumpIf}, which folds
 * {@code not}, {@code and}, {@code or}, conditional expressions and chained comparisons into
 * jumps instead of computing a boolean value, as CPython does.
 *
 * <p><b>Blocks and the exception table.</b> Code is emitted into {@link BasicBlock}s chained in
 * layout order; a jump or an exit always ends its block. Protected regions are opened with the
 * pseudo-instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH (naming the handler block) and
 * closed with POP_BLOCK, exactly where CPython emits them. The {@link Assembler} walks the graph
 * to label each instruction with its innermost handler, computes stack depths along every path
 * (the depth at a SETUP, plus the pushed exception, is the handler's entry depth), turns the
 * markers into nothing and writes runs of equally protected instructions as exception-table
 * entries. Handlers begin with PUSH_EXC_INFO (saving the previously handled exception) and are
 * themselves protected by a cleanup handler {@code COPY 2; POP_EXCEPT; RERAISE} that restores it.
 *
 * <p><b>Leaving blocks early, and finally bodies.</b> Every enclosing loop, try, with and handler
 * is recorded as an {@link FBlock}. {@code return}, {@code break} and {@code continue} unwind the
 * FBlocks between them and their destination ({@code unwindFBlockStack}): a for loop pops its
 * iterator, a with calls {@code __exit__(None, None, None)}, a handler restores the previous
 * exception (and deletes the {@code as} name), and a {@code finally} body is compiled again
 * right there, so that each exit path (normal completion, each return/break/continue, and the
 * exception handler) carries its own copy of the finally code, as in CPython. A returned value
 * stays on top of the stack while the unwinding code runs under it.
 *
 * <p><b>Shapes the eval loop relies on</b> (see also {@link Opcode}):
 * <ul>
 *   <li>comprehensions and generator expressions are called as {@code MAKE_FUNCTION; <outer
 *       iterable>; GET_ITER; CALL 0}: the iterator sits in the self slot and is passed as the
 *       function's only positional argument {@code .0} (CPython 3.11's own trick); decorators
 *       ({@code CALL 0} with the function in the self slot), {@code assert} messages
 *       ({@code LOAD_ASSERTION_ERROR; msg; CALL 0}) and {@code with} exits
 *       ({@code exit, None, None, None; CALL 2}) use the same convention;</li>
 *   <li>a {@code with} handler is entered with {@code exit exc} on the stack: the exception takes
 *       the slot of {@code __enter__}'s result, and the table depth leaves {@code exit} below;</li>
 *   <li>only JUMP_BACKWARD ever jumps backwards;</li>
 *   <li>function code (def, lambda, comprehension) always has its docstring or None as consts[0];</li>
 *   <li>a class body that needs {@code __class__} ends with
 *       {@code LOAD_CLOSURE __class__; STORE_NAME __classcell__; LOAD_CONST None; RETURN_VALUE}.</li>
 * </ul>
 */
public final class Compiler {
    /** CPython's STACK_USE_GUIDELINE: bigger displays and calls are built incrementally. */
    private static final int STACK_USE_GUIDELINE = 30;
    /** Stack of the helper thread for deeply nested code: ample for MAX_NESTING levels. */
    private static final long DEEP_STACK_BYTES = 256L << 20;
    /** CPython's CO_MAXBLOCKS: nesting limit of loops, try and with statements in one function. */
    private static final int MAX_BLOCKS = 20;
    private static final Set<String> FUTURE_FEATURES = Set.of("nested_scopes", "generators", "division",
            "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
            "generator_stop", "annotations");

    private enum CompKind { GENEXP, LISTCOMP, SETCOMP, DICTCOMP }

    static {
        // Constants are runtime objects (None, tuples, bytes). Their classes are initialised here,
        // on a shallow stack: a class whose static initialiser fails stays unusable, and a first
        // use deep inside a compile that then overflows the stack would do just that.
        Objects.requireNonNull(Py.None);
        Objects.requireNonNull(PyTuple.EMPTY);
    }

    private final SourceInfo source;
    private final Symtable symtable;
    private final boolean interactive;
    /** {@code from __future__} imports placed where they are allowed (at the top of the module). */
    private final Set<Stmt> allowedFutureImports = Collections.newSetFromMap(new IdentityHashMap<>());
    private CodeUnit unit;
    private int nestLevel;
    private int depth;

    private Compiler(SourceInfo source, Symtable symtable, boolean interactive) {
        this.source = source;
        this.symtable = symtable;
        this.interactive = interactive;
    }

    // ================================================================== entry points

    /** Compiles a module (a file, or {@code -c} text) for {@code exec}. */
    public static CodeObject compileModule(Node.Module module, String filename) {
        return compileModule(module, filename, null);
    }

    /** As {@link #compileModule(Node.Module, String)}; source (or null) gives SyntaxErrors their text. */
    public static CodeObject compileModule(Node.Module module, String filename, String source) {
        return guard(() -> {
            Compiler c = create(module, filename, source, false);
            c.findAllowedFutureImports(module.body());
            c.enterScope(c.symtable.top(), "<module>", 1);
            c.compileBody(module.body(), true);
            return c.finishScope(true);
        });
    }

    /** Compiles one REPL entry: expression statements print their value (PRINT_EXPR). */
    public static CodeObject compileInteractive(Node.Interactive interactive, String filename) {
        return compileInteractive(interactive, filename, null);
    }

    public static CodeObject compileInteractive(Node.Interactive interactive, String filename, String source) {
        return guard(() -> {
            Compiler c = create(interactive, filename, source, true);
            c.findAllowedFutureImports(interactive.body());
            c.enterScope(c.symtable.top(), "<module>", 1);
            if (containsAnnotations(interactive.body())) c.op(SETUP_ANNOTATIONS);
            c.visitStmts(interactive.body());
            return c.finishScope(true);
        });
    }

    /** Compiles an expression for {@code eval()}: the code returns its value. */
    public static CodeObject compileExpression(Expr expression, String filename) {
        return compileExpression(expression, filename, null);
    }

    public static CodeObject compileExpression(Expr expression, String filename, String source) {
        return guard(() -> {
            Compiler c = create(expression, filename, source, false);
            c.enterScope(c.symtable.top(), "<module>", 1);
            c.visitExpr(expression);
            return c.finishScope(false);
        });
    }

    private static Compiler create(Node root, String filename, String text, boolean interactive) {
        SourceInfo source = new SourceInfo(filename, text);
        return new Compiler(source, Symtable.build(root, source), interactive);
    }

    /**
     * Runs a compilation. The walk over the AST recurses once per nesting level, bounded by
     * {@link Symtable#MAX_NESTING} as CPython bounds it; code nested deeply enough to overflow the
     * caller's Java stack before that (a long elif chain on a small thread stack) is compiled
     * again on a helper thread with a large stack, so that the limit does not depend on the caller.
     */
    private static CodeObject guard(Supplier<CodeObject> job) {
        try {
            return job.get();
        } catch (StackOverflowError e) {
            return onDeepStack(job);
        }
    }

    private static CodeObject onDeepStack(Supplier<CodeObject> job) {
        return DeepStack.call("gild-compiler", DEEP_STACK_BYTES, () -> {
            try {
                return job.get();
            } catch (StackOverflowError e) {
                throw new CompilerRecursionError();
            }
        });
    }

    private void enterNested() {
        if (++depth > Symtable.MAX_NESTING) throw new CompilerRecursionError();
    }

    private SyntaxErrorException error(String message, Pos pos) {
        return source.error(message, pos);
    }

    private SyntaxErrorException error(String message) {
        return source.error(message, unit.pos);
    }

    // ================================================================== units

    private void enterScope(Scope scope, String name, int firstLine) {
        unit = new CodeUnit(scope, unit, name, qualnameFor(scope, name), firstLine);
        nestLevel++;
    }

    /** CPython's compiler_set_qualname: {@code f.<locals>.g}, {@code C.m}, a global def keeps its name. */
    private String qualnameFor(Scope scope, String name) {
        CodeUnit parent = unit;
        if (parent == null || parent.parent == null) return name;
        if (scope.kind == Scope.Kind.FUNCTION || scope.kind == Scope.Kind.CLASS) {
            String mangled = Symtable.mangle(parent.privateName, name);
            if (parent.scope.binding(mangled) == Binding.GLOBAL_EXPLICIT) return name;
        }
        if (parent.scope.kind == Scope.Kind.FUNCTION || parent.scope.kind == Scope.Kind.LAMBDA) {
            return parent.qualname + ".<locals>." + name;
        }
        return parent.qualname + "." + name;
    }

    /** Ends the current unit (adding the implicit {@code return None}) and returns its code object. */
    private CodeObject finishScope(boolean returnNone) {
        unit.line = -1;
        if (returnNone) loadConst(Py.None);
        op(RETURN_VALUE);
        CodeObject code = Assembler.assemble(unit, source.filename, codeFlags());
        unit = unit.parent;
        nestLevel--;
        return code;
    }

    private int codeFlags() {
        Scope scope = unit.scope;
        int flags = 0;
        if (scope.isFunctionLike()) {
            flags |= CodeObject.OPTIMIZED | CodeObject.NEWLOCALS;
            if (scope.nested) flags |= CodeObject.NESTED;
            if (scope.generator) flags |= CodeObject.GENERATOR;
            if (scope.varargs) flags |= CodeObject.VARARGS;
            if (scope.varkeywords) flags |= CodeObject.VARKEYWORDS;
        }
        return flags;
    }

    // ================================================================== emission helpers

    private void op(Opcode opcode) { unit.emit(opcode, 0); }

    private void op(Opcode opcode, int operand) { unit.emit(opcode, operand); }

    private void jump(Opcode opcode, BasicBlock target) { unit.emitJump(opcode, target); }

    /** An unconditional jump, direction decided at layout. */
    private void jump(BasicBlock target) { unit.emitPseudo(Pseudo.JUMP, target); }

    /** A jump without a line of its own (CPython's ADDOP_JUMP_NOLINE): it takes the preceding line. */
    private void jumpNoLine(BasicBlock target) {
        int saved = unit.line;
        unit.line = -1;
        jump(target);
        unit.line = saved;
    }

    private void popBlockNoLine() {
        int saved = unit.line;
        unit.line = -1;
        popBlock();
        unit.line = saved;
    }

    private void setup(Pseudo kind, BasicBlock handler) { unit.emitPseudo(kind, handler); }

    private void popBlock() { unit.emitPseudo(Pseudo.POP_BLOCK, null); }

    private void loadConst(Object value) { op(LOAD_CONST, unit.addConst(value)); }

    /** An attribute or method name: mangled inside a class, as CPython's ADDOP_NAME does. */
    private void nameOperand(Opcode opcode, String name) {
        op(opcode, unit.addName(Symtable.mangle(unit.privateName, name)));
    }

    /** A name used as is: modules, imported names, and the compiler's own dunder names. */
    private void rawNameOperand(Opcode opcode, String name) { op(opcode, unit.addName(name)); }

    private BasicBlock newBlock() { return new BasicBlock(); }

    private void useNextBlock(BasicBlock block) { unit.useNextBlock(block); }

    private void setLoc(Node node) {
        unit.line = node.pos().line();
        unit.pos = node.pos();
    }

    private void setLoc(Pos pos) {
        unit.line = pos.line();
        unit.pos = pos;
    }

    /** Marks the following instructions artificial: they take the line of what precedes them. */
    private void unsetLoc() { unit.line = -1; }

    private void pushFBlock(FBlockKind kind, BasicBlock block, BasicBlock exit, Object datum) {
        if (unit.fblocks.size() >= MAX_BLOCKS) throw error("too many statically nested blocks");
        unit.fblocks.push(new FBlock(kind, block, exit, datum));
    }

    private void popFBlock(FBlockKind kind) {
        FBlock top = unit.fblocks.pop();
        if (top.kind() != kind) throw new IllegalStateException("fblock mismatch: " + top.kind() + " vs " + kind);
    }

    // ================================================================== names

    private enum Ctx { LOAD, STORE, DEL }

    private void checkForbiddenName(String name, Ctx ctx) {
        if (!name.equals("__debug__")) return;
        if (ctx == Ctx.STORE) throw error("cannot assign to __debug__");
        if (ctx == Ctx.DEL) throw error("cannot delete __debug__");
    }

    /** CPython's compiler_nameop: the symbol table decides the instruction family. */
    private void nameOp(String name, Ctx ctx) {
        checkForbiddenName(name, ctx);
        String mangled = Symtable.mangle(unit.privateName, name);
        Binding binding = unit.scope.binding(mangled);
        boolean functionLike = unit.scope.isFunctionLike();
        if (binding == Binding.FREE || binding == Binding.CELL) {
            int index = binding == Binding.FREE ? unit.freeIndex(mangled) : unit.cellIndex(mangled);
            switch (ctx) {
                case LOAD -> op(unit.scope.kind == Scope.Kind.CLASS ? LOAD_CLASSDEREF : LOAD_DEREF, index);
                case STORE -> op(STORE_DEREF, index);
                case DEL -> op(DELETE_DEREF, index);
            }
        } else if (binding == Binding.LOCAL && functionLike) {
            int index = unit.addVarname(mangled);
            op(ctx == Ctx.LOAD ? LOAD_FAST : ctx == Ctx.STORE ? STORE_FAST : DELETE_FAST, index);
        } else if (binding == Binding.GLOBAL_EXPLICIT || binding == Binding.GLOBAL_IMPLICIT && functionLike) {
            int index = unit.addName(mangled);
            op(ctx == Ctx.LOAD ? LOAD_GLOBAL : ctx == Ctx.STORE ? STORE_GLOBAL : DELETE_GLOBAL, index);
        } else {
            int index = unit.addName(mangled);
            op(ctx == Ctx.LOAD ? LOAD_NAME : ctx == Ctx.STORE ? STORE_NAME : DELETE_NAME, index);
        }
    }

    /** Whether a name target compiles to STORE_FAST here (what static swaps may reorder). */
    private boolean isFastLocal(String name) {
        return unit.scope.isFunctionLike()
                && unit.scope.binding(Symtable.mangle(unit.privateName, name)) == Binding.LOCAL;
    }

    // ================================================================== statements

    private void visitStmts(List<Stmt> body) {
        for (Stmt s : body) visitStmt(s);
    }

    private void visitStmt(Stmt stmt) {
        enterNested();
        setLoc(stmt);
        switch (stmt) {
            case Node.FunctionDef f -> compileFunctionDef(f);
            case Node.ClassDef c -> compileClassDef(c);
            case Node.Return r -> compileReturn(r);
            case Node.Delete d -> {
                for (Expr target : d.targets()) visitDelete(target);
            }
            case Node.Assign a -> compileAssign(a);
            case Node.AugAssign a -> compileAugAssign(a);
            case Node.AnnAssign a -> compileAnnAssign(a);
            case Node.For f -> compileFor(f);
            case Node.While w -> compileWhile(w);
            case Node.If i -> compileIf(i);
            case Node.With w -> compileWith(w, 0);
            case Node.Raise r -> {
                int count = 0;
                if (r.exc() != null) {
                    visitExpr(r.exc());
                    count++;
                    if (r.cause() != null) {
                        visitExpr(r.cause());
                        count++;
                    }
                }
                op(RAISE_VARARGS, count);
            }
            case Node.Try t -> {
                if (!t.finalbody().isEmpty()) compileTryFinally(t);
                else compileTryExcept(t);
            }
            case Node.Assert a -> compileAssert(a);
            case Node.Import i -> compileImport(i);
            case Node.ImportFrom i -> compileImportFrom(i);
            case Node.Global g -> { }
            case Node.Nonlocal n -> { }
            case Node.ExprStmt e -> compileExprStmt(e.value());
            case Node.Pass p -> op(NOP);
            case Node.Break b -> compileBreak();
            case Node.Continue c -> compileContinue();
        }
        depth--;
    }

    /** Module and class bodies: SETUP_ANNOTATIONS when needed, the docstring into __doc__, then the code. */
    private void compileBody(List<Stmt> body, boolean isModule) {
        if (isModule && !body.isEmpty()) setLoc(body.get(0));
        if (containsAnnotations(body)) op(SETUP_ANNOTATIONS);
        int first = 0;
        String docstring = docstringOf(body);
        if (docstring != null) {
            first = 1;
            Stmt doc = body.get(0);
            setLoc(doc);
            visitExpr(((Node.ExprStmt) doc).value());
            nameOp("__doc__", Ctx.STORE);
        }
        for (int i = first; i < body.size(); i++) visitStmt(body.get(i));
    }

    private static String docstringOf(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Node.ExprStmt e
                && e.value() instanceof Node.Constant c && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    /** CPython's find_ann: an annotated assignment anywhere in the body, outside nested defs and classes. */
    private static boolean containsAnnotations(List<Stmt> body) {
        for (Stmt s : body) {
            boolean found = switch (s) {
                case Node.AnnAssign a -> true;
                case Node.For f -> containsAnnotations(f.body()) || containsAnnotations(f.orelse());
                case Node.While w -> containsAnnotations(w.body()) || containsAnnotations(w.orelse());
                case Node.If i -> containsAnnotations(i.body()) || containsAnnotations(i.orelse());
                case Node.With w -> containsAnnotations(w.body());
                case Node.Try t -> t.handlers().stream().anyMatch(h -> containsAnnotations(h.body()))
                        || containsAnnotations(t.body()) || containsAnnotations(t.finalbody())
                        || containsAnnotations(t.orelse());
                default -> false;
            };
            if (found) return true;
        }
        return false;
    }

    private void compileExprStmt(Expr value) {
        if (interactive && nestLevel <= 1) {
            visitExpr(value);
            op(PRINT_EXPR);
            return;
        }
        if (Constants.isConstant(value)) {
            // A constant statement (a stray string, ...) only keeps its line.
            op(NOP);
            return;
        }
        visitExpr(value);
        unsetLoc();
        op(POP_TOP);
    }

    // ------------------------------------------------------------------ functions and classes

    private void compileFunctionDef(Node.FunctionDef f) {
        int firstLine = Symtable.firstLine(f.pos(), f.decorators());
        checkDebugArgs(f.args());
        for (Expr decorator : f.decorators()) visitExpr(decorator);
        int flags = compileDefaults(f.args());
        if (compileAnnotations(f.args(), f.returns())) flags |= 4;

        enterScope(symtable.scopeOf(f), f.name(), firstLine);
        String docstring = docstringOf(f.body());
        unit.reserveDocstring(docstring);
        setArgCounts(f.args());
        List<Stmt> body = f.body();
        for (int i = docstring == null ? 0 : 1; i < body.size(); i++) visitStmt(body.get(i));
        CodeObject code = finishScope(true);

        makeClosure(code, flags);
        applyDecorators(f.decorators());
        nameOp(f.name(), Ctx.STORE);
    }

    private void setArgCounts(Node.Arguments args) {
        unit.argCount = args.posonly().size() + args.args().size();
        unit.posOnlyArgCount = args.posonly().size();
        unit.kwOnlyArgCount = args.kwonly().size();
    }

    private void checkDebugArgs(Node.Arguments args) {
        List<Node.Arg> all = new ArrayList<>(args.posonly());
        all.addAll(args.args());
        if (args.vararg() != null) all.add(args.vararg());
        all.addAll(args.kwonly());
        if (args.kwarg() != null) all.add(args.kwarg());
        for (Node.Arg a : all) checkForbiddenName(a.name(), Ctx.STORE);
    }

    /** Pushes the defaults tuple and the keyword-only defaults dict; returns the MAKE_FUNCTION flags. */
    private int compileDefaults(Node.Arguments args) {
        int flags = 0;
        if (!args.defaults().isEmpty()) {
            buildTuple(args.defaults());
            flags |= 1;
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < args.kwonly().size(); i++) {
            Expr value = args.kwDefaults().get(i);
            if (value != null) {
                keys.add(Symtable.mangle(unit.privateName, args.kwonly().get(i).name()));
                visitExpr(value);
            }
        }
        if (!keys.isEmpty()) {
            loadConst(PyTuple.of(keys.toArray()));
            op(BUILD_CONST_KEY_MAP, keys.size());
            flags |= 2;
        }
        return flags;
    }

    /** A tuple of values, folded into one constant when they all are constants (CPython's optimizer does it). */
    private void buildTuple(List<Expr> values) {
        Object[] folded = new Object[values.size()];
        boolean allConstant = true;
        for (int i = 0; i < folded.length && allConstant; i++) {
            folded[i] = Constants.fold(values.get(i));
            allConstant = folded[i] != Constants.NOT_CONSTANT;
        }
        if (allConstant) {
            loadConst(PyTuple.of(folded));
            return;
        }
        for (Expr e : values) visitExpr(e);
        op(BUILD_TUPLE, values.size());
    }

    /**
     * Pushes the annotations dict of a def (parameter names and 'return' to the evaluated
     * annotations), in CPython's evaluation order; false when there are none.
     */
    private boolean compileAnnotations(Node.Arguments args, Expr returns) {
        List<String> keys = new ArrayList<>();
        for (Node.Arg a : args.args()) annotation(a.name(), a.annotation(), keys);
        for (Node.Arg a : args.posonly()) annotation(a.name(), a.annotation(), keys);
        if (args.vararg() != null) annotation(args.vararg().name(), args.vararg().annotation(), keys);
        for (Node.Arg a : args.kwonly()) annotation(a.name(), a.annotation(), keys);
        if (args.kwarg() != null) annotation(args.kwarg().name(), args.kwarg().annotation(), keys);
        annotation("return", returns, keys);
        if (keys.isEmpty()) return false;
        loadConst(PyTuple.of(keys.toArray()));
        op(BUILD_CONST_KEY_MAP, keys.size());
        return true;
    }

    private void annotation(String name, Expr annotation, List<String> keys) {
        if (annotation == null) return;
        keys.add(Symtable.mangle(unit.privateName, name));
        visitExpr(annotation);
    }

    /** Pushes the function object: closure cells when the code captures variables, then MAKE_FUNCTION. */
    private void makeClosure(CodeObject code, int flags) {
        if (code.freevars.length > 0) {
            for (String name : code.freevars) {
                boolean isCell = unit.scope.kind == Scope.Kind.CLASS && name.equals("__class__")
                        || unit.scope.binding(name) == Binding.CELL;
                op(LOAD_CLOSURE, isCell ? unit.cellIndex(name) : unit.freeIndex(name));
            }
            op(BUILD_TUPLE, code.freevars.length);
            flags |= 8;
        }
        loadConst(code);
        op(MAKE_FUNCTION, flags);
    }

    /** Decorators were pushed first; each CALL 0 calls one with the function in the self slot, innermost first. */
    private void applyDecorators(List<Expr> decorators) {
        int savedLine = unit.line;
        Pos savedPos = unit.pos;
        for (int i = decorators.size() - 1; i >= 0; i--) {
            setLoc(decorators.get(i));
            op(CALL, 0);
        }
        unit.line = savedLine;
        unit.pos = savedPos;
    }

    private void compileClassDef(Node.ClassDef c) {
        int firstLine = Symtable.firstLine(c.pos(), c.decorators());
        for (Expr decorator : c.decorators()) visitExpr(decorator);

        Scope scope = symtable.scopeOf(c);
        enterScope(scope, c.name(), firstLine);
        unit.privateName = c.name();
        nameOp("__name__", Ctx.LOAD);
        nameOp("__module__", Ctx.STORE);
        loadConst(unit.qualname);
        nameOp("__qualname__", Ctx.STORE);
        compileBody(c.body(), false);
        unsetLoc();
        if (scope.needsClassClosure) {
            // The runtime's __build_class__ fills the cell with the new class.
            op(LOAD_CLOSURE, unit.cellIndex("__class__"));
            rawNameOperand(STORE_NAME, "__classcell__");
        }
        CodeObject code = finishScope(true);

        setLoc(c);
        op(LOAD_BUILD_CLASS);
        op(PUSH_NULL);
        makeClosure(code, 0);
        loadConst(c.name());
        compileCallHelper(2, c.bases(), c.keywords());
        applyDecorators(c.decorators());
        nameOp(c.name(), Ctx.STORE);
    }

    private void compileLambda(Node.Lambda l) {
        checkDebugArgs(l.args());
        int flags = compileDefaults(l.args());
        Scope scope = symtable.scopeOf(l);
        enterScope(scope, "<lambda>", l.pos().line());
        unit.reserveDocstring(null);
        setArgCounts(l.args());
        setLoc(l);
        visitExpr(l.body());
        // The return has the lambda's line; a generator lambda returns its value artificially.
        if (!scope.generator) op(RETURN_VALUE);
        CodeObject code = finishScope(false);
        makeClosure(code, flags);
    }

    // ------------------------------------------------------------------ return, break, continue

    private void compileReturn(Node.Return r) {
        if (!unit.scope.isFunctionLike()) throw error("'return' outside function", r.pos());
        Expr value = r.value();
        boolean preserveTos = value != null && !Constants.isConstant(value);
        if (preserveTos) {
            visitExpr(value);
        } else if (value != null) {
            setLoc(value);
            op(NOP);
        }
        if (value == null || value.pos().line() != r.pos().line()) {
            setLoc(r);
            op(NOP);
        }
        unwindFBlockStack(preserveTos, false);
        if (value == null) loadConst(Py.None);
        else if (!preserveTos) loadConst(Constants.fold(value));
        op(RETURN_VALUE);
    }

    private void compileBreak() {
        Pos pos = unit.pos;
        op(NOP);
        FBlock loop = unwindFBlockStack(false, true);
        if (loop == null) throw error("'break' outside loop", pos);
        unwindFBlock(loop, false);
        jump(loop.exit());
    }

    private void compileContinue() {
        Pos pos = unit.pos;
        op(NOP);
        FBlock loop = unwindFBlockStack(false, true);
        if (loop == null) throw error("'continue' not properly in loop", pos);
        jump(loop.block());
    }

    /**
     * Emits the code that leaves the enclosing FBlocks, innermost first, stopping at the first loop
     * when stopAtLoop (break, continue); returns that loop, or null. With preserveTos the value on
     * top of the stack (a return value) stays on top.
     */
    private FBlock unwindFBlockStack(boolean preserveTos, boolean stopAtLoop) {
        if (unit.fblocks.isEmpty()) return null;
        FBlock top = unit.fblocks.peek();
        if (stopAtLoop && (top.kind() == FBlockKind.WHILE_LOOP || top.kind() == FBlockKind.FOR_LOOP)) return top;
        unit.fblocks.pop();
        FBlock loop;
        try {
            unwindFBlock(top, preserveTos);
            loop = unwindFBlockStack(preserveTos, stopAtLoop);
        } finally {
            unit.fblocks.push(top);
        }
        return loop;
    }

    @SuppressWarnings("unchecked")
    private void unwindFBlock(FBlock block, boolean preserveTos) {
        switch (block.kind()) {
            case WHILE_LOOP, EXCEPTION_HANDLER -> { }
            case FOR_LOOP -> {
                // Pop the iterator.
                if (preserveTos) op(SWAP, 2);
                op(POP_TOP);
            }
            case TRY_EXCEPT -> popBlock();
            case FINALLY_TRY -> {
                popBlock();
                if (preserveTos) pushFBlock(FBlockKind.POP_VALUE, null, null, null);
                // This exit path gets its own copy of the finally body.
                visitStmts((List<Stmt>) block.datum());
                if (preserveTos) popFBlock(FBlockKind.POP_VALUE);
                // The unwinding instruction should appear to run after the finally body.
                unsetLoc();
            }
            case FINALLY_END -> {
                if (preserveTos) op(SWAP, 2);
                op(POP_TOP);
                if (preserveTos) op(SWAP, 2);
                popBlock();
                op(POP_EXCEPT);
            }
            case WITH -> {
                setLoc((Node.With) block.datum());
                popBlock();
                if (preserveTos) op(SWAP, 2);
                callExitWithNones();
                op(POP_TOP);
                unsetLoc();
            }
            case HANDLER_CLEANUP -> {
                String name = (String) block.datum();
                if (name != null) popBlock();
                if (preserveTos) op(SWAP, 2);
                popBlock();
                op(POP_EXCEPT);
                if (name != null) {
                    loadConst(Py.None);
                    nameOp(name, Ctx.STORE);
                    nameOp(name, Ctx.DEL);
                }
            }
            case POP_VALUE -> {
                if (preserveTos) op(SWAP, 2);
                op(POP_TOP);
            }
        }
    }

    // ------------------------------------------------------------------ assignments

    private void compileAssign(Node.Assign a) {
        if (a.targets().size() == 1 && compileSwapAssign(a.targets().get(0), a.value())) return;
        visitExpr(a.value());
        for (int i = 0; i < a.targets().size(); i++) {
            if (i < a.targets().size() - 1) op(COPY, 1);
            visitStore(a.targets().get(i));
        }
    }

    /**
     * {@code a, b = b, a}: CPython's optimizer replaces BUILD_TUPLE + UNPACK_SEQUENCE of two or
     * three items by a SWAP, and removes even that when the targets are distinct fast locals on
     * one line by storing them in reverse order. Returns false when the shape does not apply.
     */
    private boolean compileSwapAssign(Expr target, Expr value) {
        List<Expr> targets = target instanceof Node.Tuple t ? t.elts()
                : target instanceof Node.ListExpr l ? l.elts() : null;
        if (targets == null || !(value instanceof Node.Tuple tuple)) return false;
        int n = targets.size();
        if (n < 1 || n > 3 || tuple.elts().size() != n || Constants.isConstant(value)) return false;
        for (int i = 0; i < n; i++) {
            if (targets.get(i) instanceof Node.Starred || tuple.elts().get(i) instanceof Node.Starred) return false;
        }
        setLoc(value);
        for (Expr e : tuple.elts()) visitExpr(e);
        setLoc(target);
        if (n == 1) {
            visitStore(targets.get(0));
            return true;
        }
        Set<String> distinct = new HashSet<>();
        boolean staticSwap = true;
        for (Expr t : targets) {
            staticSwap &= t instanceof Node.Name name && isFastLocal(name.id()) && distinct.add(name.id())
                    && t.pos().line() == targets.get(0).pos().line();
        }
        if (staticSwap) {
            // Register the names in source order, as CPython numbers them before reordering.
            for (Expr t : targets) unit.addVarname(Symtable.mangle(unit.privateName, ((Node.Name) t).id()));
            for (int i = n - 1; i >= 0; i--) visitStore(targets.get(i));
        } else {
            op(SWAP, n);
            for (Expr t : targets) visitStore(t);
        }
        return true;
    }

    private void compileAugAssign(Node.AugAssign a) {
        Expr target = a.target();
        int savedLine = unit.line;
        Pos savedPos = unit.pos;
        setLoc(target);
        switch (target) {
            case Node.Attribute attr -> {
                visitExpr(attr.value());
                op(COPY, 1);
                unit.line = attr.pos().endLine();
                nameOperand(LOAD_ATTR, attr.attr());
            }
            case Node.Subscript sub -> {
                visitExpr(sub.value());
                visitExpr(sub.slice());
                op(COPY, 2);
                op(COPY, 2);
                op(BINARY_SUBSCR);
            }
            case Node.Name name -> nameOp(name.id(), Ctx.LOAD);
            default -> throw error(illegalTargetDescription(target) + " for augmented assignment", target.pos());
        }
        unit.line = savedLine;
        unit.pos = savedPos;
        visitExpr(a.value());
        op(BINARY_OP, BinaryOp.of(binaryOp(a.op()).ordinal() + BinaryOp.INPLACE_OFFSET).ordinal());
        setLoc(target);
        switch (target) {
            case Node.Attribute attr -> {
                unit.line = attr.pos().endLine();
                op(SWAP, 2);
                checkForbiddenName(attr.attr(), Ctx.STORE);
                nameOperand(STORE_ATTR, attr.attr());
            }
            case Node.Subscript sub -> {
                op(SWAP, 3);
                op(SWAP, 2);
                op(STORE_SUBSCR);
            }
            default -> nameOp(((Node.Name) target).id(), Ctx.STORE);
        }
    }

    private static String illegalTargetDescription(Expr target) {
        return switch (target) {
            case Node.Tuple t -> "'tuple' is an illegal expression";
            case Node.ListExpr l -> "'list' is an illegal expression";
            default -> "illegal expression";
        };
    }

    private void compileAnnAssign(Node.AnnAssign a) {
        Expr target = a.target();
        if (a.value() != null) {
            visitExpr(a.value());
            visitStore(target);
        }
        boolean namespaceScope = unit.scope.kind == Scope.Kind.MODULE || unit.scope.kind == Scope.Kind.CLASS;
        switch (target) {
            case Node.Name name -> {
                checkForbiddenName(name.id(), Ctx.STORE);
                // Only module and class bodies record annotations; in functions they are not evaluated.
                if (a.simple() && namespaceScope) {
                    visitExpr(a.annotation());
                    rawNameOperand(LOAD_NAME, "__annotations__");
                    loadConst(Symtable.mangle(unit.privateName, name.id()));
                    op(STORE_SUBSCR);
                }
            }
            case Node.Attribute attr -> {
                checkForbiddenName(attr.attr(), Ctx.STORE);
                if (a.value() == null) evaluateAndDiscard(attr.value());
            }
            case Node.Subscript sub -> {
                if (a.value() == null) {
                    evaluateAndDiscard(sub.value());
                    evaluateSliceAndDiscard(sub.slice());
                }
            }
            default -> throw error("illegal target for annotation", target.pos());
        }
        if (!a.simple() && namespaceScope) evaluateAndDiscard(a.annotation());
    }

    private void evaluateAndDiscard(Expr e) {
        visitExpr(e);
        op(POP_TOP);
    }

    private void evaluateSliceAndDiscard(Expr slice) {
        switch (slice) {
            case Node.Slice s -> {
                if (s.lower() != null) evaluateAndDiscard(s.lower());
                if (s.upper() != null) evaluateAndDiscard(s.upper());
                if (s.step() != null) evaluateAndDiscard(s.step());
            }
            case Node.Tuple t -> {
                for (Expr e : t.elts()) evaluateSliceAndDiscard(e);
            }
            default -> evaluateAndDiscard(slice);
        }
    }

    /** Stores the value on top of the stack into an assignment target. */
    private void visitStore(Expr target) {
        enterNested();
        int savedLine = unit.line;
        Pos savedPos = unit.pos;
        setLoc(target);
        switch (target) {
            case Node.Name n -> nameOp(n.id(), Ctx.STORE);
            case Node.Attribute a -> {
                visitExpr(a.value());
                unit.line = a.pos().endLine();
                checkForbiddenName(a.attr(), Ctx.STORE);
                nameOperand(STORE_ATTR, a.attr());
            }
            case Node.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
                op(STORE_SUBSCR);
            }
            case Node.Tuple t -> assignmentHelper(t.elts());
            case Node.ListExpr l -> assignmentHelper(l.elts());
            case Node.Starred s -> throw error("starred assignment target must be in a list or tuple");
            default -> throw error("cannot assign to expression");
        }
        unit.line = savedLine;
        unit.pos = savedPos;
        depth--;
    }

    /** Unpacks the value on top of the stack into the elements of a tuple or list target. */
    private void assignmentHelper(List<Expr> elts) {
        int n = elts.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            if (!(elts.get(i) instanceof Node.Starred)) continue;
            if (seenStar) throw error("multiple starred expressions in assignment");
            int after = n - i - 1;
            if (i >= 1 << 8 || after > Opcode.MAX_OPERAND >> 8) {
                throw error("too many expressions in star-unpacking assignment");
            }
            op(UNPACK_EX, i | after << 8);
            seenStar = true;
        }
        if (!seenStar) op(UNPACK_SEQUENCE, n);
        for (Expr e : elts) visitStore(e instanceof Node.Starred s ? s.value() : e);
    }

    private void visitDelete(Expr target) {
        enterNested();
        int savedLine = unit.line;
        Pos savedPos = unit.pos;
        setLoc(target);
        switch (target) {
            case Node.Name n -> nameOp(n.id(), Ctx.DEL);
            case Node.Attribute a -> {
                visitExpr(a.value());
                unit.line = a.pos().endLine();
                nameOperand(DELETE_ATTR, a.attr());
            }
            case Node.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
                op(DELETE_SUBSCR);
            }
            case Node.Tuple t -> {
                for (Expr e : t.elts()) visitDelete(e);
            }
            case Node.ListExpr l -> {
                for (Expr e : l.elts()) visitDelete(e);
            }
            case Node.Starred s -> throw error("cannot delete starred");
            default -> throw error("cannot delete expression");
        }
        unit.line = savedLine;
        unit.pos = savedPos;
        depth--;
    }

    // ------------------------------------------------------------------ control flow

    private void compileIf(Node.If s) {
        BasicBlock end = newBlock();
        BasicBlock next = s.orelse().isEmpty() ? end : newBlock();
        jumpIf(s.test(), next, false);
        visitStmts(s.body());
        if (!s.orelse().isEmpty()) {
            jumpNoLine(end);
            useNextBlock(next);
            visitStmts(s.orelse());
        }
        useNextBlock(end);
    }

    private void compileFor(Node.For s) {
        BasicBlock start = newBlock();
        BasicBlock cleanup = newBlock();
        BasicBlock end = newBlock();
        pushFBlock(FBlockKind.FOR_LOOP, start, end, null);
        visitIterable(s.iter());
        op(GET_ITER);
        useNextBlock(start);
        jump(FOR_ITER, cleanup);
        visitStore(s.target());
        visitStmts(s.body());
        unsetLoc();
        jump(start);
        useNextBlock(cleanup);
        popFBlock(FBlockKind.FOR_LOOP);
        visitStmts(s.orelse());
        useNextBlock(end);
    }

    /**
     * The test sits at the top and the body ends with the one back edge, JUMP_BACKWARD to it
     * (CPython 3.11 repeats the test at the bottom with a backward conditional jump, which this
     * instruction set does not have). {@code while True:} has no test at all.
     */
    private void compileWhile(Node.While s) {
        BasicBlock loop = newBlock();
        BasicBlock anchor = newBlock();
        BasicBlock end = newBlock();
        Object constant = Constants.fold(s.test());
        boolean alwaysTrue = constant != Constants.NOT_CONSTANT && Constants.isTrue(constant);
        if (alwaysTrue) op(NOP);
        useNextBlock(loop);
        pushFBlock(FBlockKind.WHILE_LOOP, loop, end, null);
        if (!alwaysTrue) jumpIf(s.test(), anchor, false);
        visitStmts(s.body());
        setLoc(s);
        jump(loop);
        popFBlock(FBlockKind.WHILE_LOOP);
        useNextBlock(anchor);
        visitStmts(s.orelse());
        useNextBlock(end);
    }

    /**
     * Compiles a condition as jumps: goes to next when the test's truth equals cond, falls
     * through otherwise (CPython's compiler_jump_if).
     */
    private void jumpIf(Expr e, BasicBlock next, boolean cond) {
        enterNested();
        int savedLine = unit.line;
        Pos savedPos = unit.pos;
        setLoc(e);
        jumpIfInner(e, next, cond);
        unit.line = savedLine;
        unit.pos = savedPos;
        depth--;
    }

    private void jumpIfInner(Expr e, BasicBlock next, boolean cond) {
        switch (e) {
            case Node.UnaryOp u when u.op() == Node.UnaryOperator.NOT -> {
                jumpIf(u.operand(), next, !cond);
                return;
            }
            case Node.BoolOp b -> {
                boolean isOr = !b.isAnd();
                BasicBlock next2 = isOr == cond ? next : newBlock();
                List<Expr> values = b.values();
                for (int i = 0; i < values.size() - 1; i++) jumpIf(values.get(i), next2, isOr);
                jumpIf(values.get(values.size() - 1), next, cond);
                if (next2 != next) useNextBlock(next2);
                return;
            }
            case Node.IfExp i -> {
                BasicBlock end = newBlock();
                BasicBlock next2 = newBlock();
                jumpIf(i.test(), next2, false);
                jumpIf(i.body(), next, cond);
                jumpNoLine(end);
                useNextBlock(next2);
                jumpIf(i.orelse(), next, cond);
                useNextBlock(end);
                return;
            }
            case Node.Compare c when c.ops().size() > 1 -> {
                int n = c.ops().size() - 1;
                BasicBlock cleanup = newBlock();
                visitExpr(c.left());
                for (int i = 0; i < n; i++) {
                    visitExpr(c.comparators().get(i));
                    op(SWAP, 2);
                    op(COPY, 2);
                    compareOp(c.ops().get(i));
                    jump(POP_JUMP_IF_FALSE, cleanup);
                }
                visitComparator(c, n);
                compareOp(c.ops().get(n));
                jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
                BasicBlock end = newBlock();
                jumpNoLine(end);
                useNextBlock(cleanup);
                op(POP_TOP);
                if (!cond) jumpNoLine(next);
                useNextBlock(end);
                return;
            }
            case Node.Compare c when (c.ops().get(0) == Node.CmpOp.IS || c.ops().get(0) == Node.CmpOp.IS_NOT)
                    && Constants.fold(c.comparators().get(0)) == Py.None -> {
                // x is None / x is not None: CPython's optimizer uses POP_JUMP_IF_NONE / NOT_NONE.
                visitExpr(c.left());
                boolean isNot = c.ops().get(0) == Node.CmpOp.IS_NOT;
                jump(cond != isNot ? POP_JUMP_IF_NONE : POP_JUMP_IF_NOT_NONE, next);
                return;
            }
            default -> { }
        }
        Object constant = Constants.fold(e);
        if (constant != Constants.NOT_CONSTANT) {
            // A constant condition is decided now; the NOP keeps the line.
            if (Constants.isTrue(constant) == cond) jump(next);
            else op(NOP);
            return;
        }
        visitExpr(e);
        jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    }

    private void compileAssert(Node.Assert a) {
        BasicBlock end = newBlock();
        jumpIf(a.test(), end, true);
        // CPython 3.11 raises from the position of a comparison that ends the test (so a
        // traceback marks `x == 1` in `assert x == 1`), and from the statement otherwise.
        Node.Compare trailing = trailingComparison(a.test());
        if (trailing != null) setLoc(trailing);
        op(LOAD_ASSERTION_ERROR);
        if (a.msg() != null) {
            visitExpr(a.msg());
            op(CALL, 0);
        }
        op(RAISE_VARARGS, 1);
        useNextBlock(end);
    }

    /** The comparison a condition's jumps end on: the test itself, the last of an and/or, under a not. */
    private static Node.Compare trailingComparison(Expr test) {
        return switch (test) {
            case Node.Compare c -> c;
            case Node.BoolOp b -> trailingComparison(b.values().get(b.values().size() - 1));
            case Node.UnaryOp u when u.op() == Node.UnaryOperator.NOT -> trailingComparison(u.operand());
            default -> null;
        };
    }

    // ------------------------------------------------------------------ exceptions

    /** The shared cleanup handler: restore the previously handled exception and re-raise. */
    private void popExceptAndReraise() {
        op(COPY, 2);
        op(POP_EXCEPT);
        op(RERAISE);
    }

    /**
     * Compiles {@code try/finally} (with the handlers of the same statement nested inside):
     * <pre>
     * try:                              SETUP_FINALLY handler
     *     body                          body
     * finally:                          POP_BLOCK
     *     final                         final (copy for normal completion)
     *                                   JUMP exit
     *                           handler: SETUP_CLEANUP cleanup
     *                                   PUSH_EXC_INFO
     *                                   final (copy for the exceptional path)
     *                                   RERAISE
     *                           cleanup: COPY 2; POP_EXCEPT; RERAISE
     *                              exit:
     * </pre>
     * Returns, breaks and continues inside body emit further copies of final (unwindFBlock).
     */
    private void compileTryFinally(Node.Try s) {
        BasicBlock body = newBlock();
        BasicBlock handler = newBlock();
        BasicBlock exit = newBlock();
        BasicBlock cleanup = newBlock();
        setup(Pseudo.SETUP_FINALLY, handler);
        useNextBlock(body);
        pushFBlock(FBlockKind.FINALLY_TRY, body, handler, s.finalbody());
        if (!s.handlers().isEmpty()) compileTryExcept(s);
        else visitStmts(s.body());
        popBlockNoLine();
        popFBlock(FBlockKind.FINALLY_TRY);
        visitStmts(s.finalbody());
        jumpNoLine(exit);

        useNextBlock(handler);
        unsetLoc();
        setup(Pseudo.SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        pushFBlock(FBlockKind.FINALLY_END, handler, null, null);
        visitStmts(s.finalbody());
        popFBlock(FBlockKind.FINALLY_END);
        op(RERAISE);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(exit);
    }

    /**
     * Compiles {@code try/except/else}:
     * <pre>
     * try: body                          SETUP_FINALLY except
     * except E as e: handler_body        body; POP_BLOCK; orelse; JUMP end
     * else: orelse               except: SETUP_CLEANUP cleanup; PUSH_EXC_INFO
     *                                    &lt;E&gt;; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
     *                                    STORE e; SETUP_CLEANUP cleanup_end
     *                                    handler_body
     *                                    POP_BLOCK; POP_BLOCK; POP_EXCEPT; e = None; del e; JUMP end
     *                       cleanup_end: e = None; del e; RERAISE
     *                              next: ... further handlers ...
     *                                    RERAISE          (no handler matched)
     *                           cleanup: COPY 2; POP_EXCEPT; RERAISE
     *                               end:
     * </pre>
     */
    private void compileTryExcept(Node.Try s) {
        BasicBlock body = newBlock();
        BasicBlock except = newBlock();
        BasicBlock end = newBlock();
        BasicBlock cleanup = newBlock();
        setup(Pseudo.SETUP_FINALLY, except);
        useNextBlock(body);
        pushFBlock(FBlockKind.TRY_EXCEPT, body, null, null);
        visitStmts(s.body());
        popFBlock(FBlockKind.TRY_EXCEPT);
        popBlockNoLine();
        visitStmts(s.orelse());
        jumpNoLine(end);

        useNextBlock(except);
        unsetLoc();
        setup(Pseudo.SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        // The runtime now holds the handled exception: unwinding must restore the previous one.
        pushFBlock(FBlockKind.EXCEPTION_HANDLER, null, null, null);
        List<Node.ExceptHandler> handlers = s.handlers();
        for (int i = 0; i < handlers.size(); i++) {
            Node.ExceptHandler h = handlers.get(i);
            setLoc(h.pos());
            if (h.type() == null && i < handlers.size() - 1) throw error("default 'except:' must be last", h.pos());
            BasicBlock nextHandler = newBlock();
            if (h.type() != null) {
                visitExpr(h.type());
                op(CHECK_EXC_MATCH);
                jump(POP_JUMP_IF_FALSE, nextHandler);
            }
            if (h.name() != null) {
                BasicBlock cleanupEnd = newBlock();
                BasicBlock cleanupBody = newBlock();
                nameOp(h.name(), Ctx.STORE);
                // The body runs as `try: body finally: name = None; del name`.
                setup(Pseudo.SETUP_CLEANUP, cleanupEnd);
                useNextBlock(cleanupBody);
                pushFBlock(FBlockKind.HANDLER_CLEANUP, cleanupBody, null, h.name());
                visitStmts(h.body());
                popFBlock(FBlockKind.HANDLER_CLEANUP);
                unsetLoc();
                popBlock();
                popBlock();
                op(POP_EXCEPT);
                loadConst(Py.None);
                nameOp(h.name(), Ctx.STORE);
                nameOp(h.name(), Ctx.DEL);
                jump(end);

                useNextBlock(cleanupEnd);
                unsetLoc();
                loadConst(Py.None);
                nameOp(h.name(), Ctx.STORE);
                nameOp(h.name(), Ctx.DEL);
                op(RERAISE);
            } else {
                BasicBlock cleanupBody = newBlock();
                op(POP_TOP);
                useNextBlock(cleanupBody);
                pushFBlock(FBlockKind.HANDLER_CLEANUP, cleanupBody, null, null);
                visitStmts(h.body());
                popFBlock(FBlockKind.HANDLER_CLEANUP);
                unsetLoc();
                popBlock();
                op(POP_EXCEPT);
                jump(end);
            }
            useNextBlock(nextHandler);
        }
        unsetLoc();
        popFBlock(FBlockKind.EXCEPTION_HANDLER);
        op(RERAISE);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(end);
    }

    /**
     * Compiles one item of a {@code with} statement:
     * <pre>
     * with mgr as x: body              &lt;mgr&gt;; BEFORE_WITH; SETUP_WITH final
     *                                  STORE x (or POP_TOP); body; POP_BLOCK
     *                                  LOAD_CONST None x3; CALL 2; POP_TOP; JUMP exit
     *                           final: SETUP_CLEANUP cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START
     *                                  POP_JUMP_IF_TRUE suppress; RERAISE
     *                         cleanup: COPY 2; POP_EXCEPT; RERAISE
     *                        suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP
     *                            exit:
     * </pre>
     * Several items nest: the second with statement is the body of the first.
     */
    private void compileWith(Node.With s, int itemIndex) {
        Node.WithItem item = s.items().get(itemIndex);
        BasicBlock block = newBlock();
        BasicBlock handler = newBlock();
        BasicBlock exit = newBlock();
        BasicBlock cleanup = newBlock();
        visitExpr(item.contextExpr());
        op(BEFORE_WITH);
        setup(Pseudo.SETUP_WITH, handler);
        useNextBlock(block);
        pushFBlock(FBlockKind.WITH, block, handler, s);
        if (item.optionalVars() != null) visitStore(item.optionalVars());
        else op(POP_TOP);
        if (itemIndex + 1 == s.items().size()) visitStmts(s.body());
        else compileWith(s, itemIndex + 1);
        unsetLoc();
        popBlock();
        popFBlock(FBlockKind.WITH);
        setLoc(s);
        callExitWithNones();
        op(POP_TOP);
        jump(exit);

        useNextBlock(handler);
        setup(Pseudo.SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        op(WITH_EXCEPT_START);
        unsetLoc();
        BasicBlock suppress = newBlock();
        jump(POP_JUMP_IF_TRUE, suppress);
        op(RERAISE);
        useNextBlock(cleanup);
        popExceptAndReraise();
        useNextBlock(suppress);
        op(POP_TOP);
        popBlock();
        op(POP_EXCEPT);
        op(POP_TOP);
        useNextBlock(exit);
    }

    /** {@code exit(None, None, None)}: the first None sits in the self slot of the call. */
    private void callExitWithNones() {
        loadConst(Py.None);
        loadConst(Py.None);
        loadConst(Py.None);
        op(CALL, 2);
    }

    // ------------------------------------------------------------------ imports

    private void findAllowedFutureImports(List<Stmt> body) {
        int i = docstringOf(body) != null ? 1 : 0;
        for (; i < body.size(); i++) {
            if (!(body.get(i) instanceof Node.ImportFrom f && isFutureImport(f))) break;
            allowedFutureImports.add(f);
        }
    }

    private static boolean isFutureImport(Node.ImportFrom f) {
        return f.level() == 0 && "__future__".equals(f.module());
    }

    private void compileImport(Node.Import s) {
        for (Node.Alias alias : s.names()) {
            loadConst(0L);
            loadConst(Py.None);
            rawNameOperand(IMPORT_NAME, alias.name());
            if (alias.asname() != null) {
                importAs(alias.name(), alias.asname());
            } else {
                int dot = alias.name().indexOf('.');
                nameOp(dot >= 0 ? alias.name().substring(0, dot) : alias.name(), Ctx.STORE);
            }
        }
    }

    /** {@code import a.b.c as d}: IMPORT_NAME gave the top package; IMPORT_FROM walks down to c. */
    private void importAs(String dottedName, String asname) {
        String[] parts = dottedName.split("\\.");
        if (parts.length == 1) {
            nameOp(asname, Ctx.STORE);
            return;
        }
        for (int i = 1; i < parts.length; i++) {
            rawNameOperand(IMPORT_FROM, parts[i]);
            if (i < parts.length - 1) {
                op(SWAP, 2);
                op(POP_TOP);
            }
        }
        nameOp(asname, Ctx.STORE);
        op(POP_TOP);
    }

    private void compileImportFrom(Node.ImportFrom s) {
        if (isFutureImport(s)) {
            if (!allowedFutureImports.contains(s)) {
                throw error("from __future__ imports must occur at the beginning of the file", s.pos());
            }
            for (Node.Alias alias : s.names()) {
                if (!FUTURE_FEATURES.contains(alias.name())) {
                    throw error("future feature " + alias.name() + " is not defined", s.pos());
                }
            }
        }
        loadConst((long) s.level());
        Object[] names = s.names().stream().map(Node.Alias::name).toArray();
        loadConst(PyTuple.of(names));
        rawNameOperand(IMPORT_NAME, s.module() == null ? "" : s.module());
        for (int i = 0; i < s.names().size(); i++) {
            Node.Alias alias = s.names().get(i);
            if (i == 0 && alias.name().equals("*")) {
                op(IMPORT_STAR);
                return;
            }
            rawNameOperand(IMPORT_FROM, alias.name());
            nameOp(alias.asname() != null ? alias.asname() : alias.name(), Ctx.STORE);
        }
        // Drop the module.
        op(POP_TOP);
    }

    // ================================================================== expressions

    private void visitExprs(List<Expr> exprs) {
        for (Expr e : exprs) visitExpr(e);
    }

    /** Pushes the value of an expression. Instructions take the expression's line. */
    private void visitExpr(Expr e) {
        enterNested();
        int savedLine = unit.line;
        Pos savedPos = unit.pos;
        setLoc(e);
        visitExprInner(e);
        unit.line = savedLine;
        unit.pos = savedPos;
        depth--;
    }

    /**
     * An expression only iterated over (a for loop's iterable, the right side of {@code in}): a
     * list display is built as a tuple, a constant one when it can be (CPython's fold_iter).
     */
    private void visitIterable(Expr e) {
        if (e instanceof Node.ListExpr list && list.elts().stream().noneMatch(x -> x instanceof Node.Starred)) {
            visitExpr(new Node.Tuple(list.pos(), list.elts()));
        } else {
            visitExpr(e);
        }
    }

    private void visitExprInner(Expr expr) {
        if (expr instanceof Node.Constant || expr instanceof Node.Tuple || expr instanceof Node.Name
                || expr instanceof Node.UnaryOp) {
            Object constant = Constants.fold(expr);
            if (constant != Constants.NOT_CONSTANT) {
                loadConst(constant);
                return;
            }
        }
        switch (expr) {
            case Node.NamedExpr n -> {
                visitExpr(n.value());
                op(COPY, 1);
                visitStore(n.target());
            }
            case Node.BoolOp b -> compileBoolOp(b);
            case Node.BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
                op(BINARY_OP, binaryOp(b.op()).ordinal());
            }
            case Node.UnaryOp u -> {
                visitExpr(u.operand());
                op(switch (u.op()) {
                    case INVERT -> UNARY_INVERT;
                    case NOT -> UNARY_NOT;
                    case UADD -> UNARY_POSITIVE;
                    case USUB -> UNARY_NEGATIVE;
                });
            }
            case Node.Lambda l -> compileLambda(l);
            case Node.IfExp i -> {
                BasicBlock end = newBlock();
                BasicBlock next = newBlock();
                jumpIf(i.test(), next, false);
                visitExpr(i.body());
                jumpNoLine(end);
                useNextBlock(next);
                visitExpr(i.orelse());
                useNextBlock(end);
            }
            case Node.Dict d -> compileDict(d);
            case Node.Set s -> starUnpack(s.elts(), 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
            case Node.ListComp c -> compileComprehension(c, CompKind.LISTCOMP, "<listcomp>",
                    c.generators(), c.elt(), null);
            case Node.SetComp c -> compileComprehension(c, CompKind.SETCOMP, "<setcomp>",
                    c.generators(), c.elt(), null);
            case Node.DictComp c -> compileComprehension(c, CompKind.DICTCOMP, "<dictcomp>",
                    c.generators(), c.key(), c.value());
            case Node.GeneratorExp c -> compileComprehension(c, CompKind.GENEXP, "<genexpr>",
                    c.generators(), c.elt(), null);
            case Node.Yield y -> {
                if (!unit.scope.isFunctionLike()) throw error("'yield' outside function");
                if (y.value() != null) visitExpr(y.value());
                else loadConst(Py.None);
                op(YIELD_VALUE);
            }
            case Node.YieldFrom y -> {
                if (!unit.scope.isFunctionLike()) throw error("'yield' outside function");
                visitExpr(y.value());
                op(GET_YIELD_FROM_ITER);
                loadConst(Py.None);
                op(YIELD_FROM);
            }
            case Node.Compare c -> compileCompare(c);
            case Node.Call c -> compileCall(c);
            case Node.FormattedValue f -> compileFormattedValue(f);
            case Node.JoinedStr j -> compileJoinedStr(j);
            case Node.Constant c -> loadConst(Constants.fold(c));
            case Node.Attribute a -> {
                visitExpr(a.value());
                unit.line = a.pos().endLine();
                nameOperand(LOAD_ATTR, a.attr());
            }
            case Node.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
                op(BINARY_SUBSCR);
            }
            case Node.Starred s -> throw error("can't use starred expression here");
            case Node.Name n -> nameOp(n.id(), Ctx.LOAD);
            case Node.ListExpr l -> starUnpack(l.elts(), 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false);
            case Node.Tuple t -> starUnpack(t.elts(), 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
            case Node.Slice s -> {
                if (s.lower() != null) visitExpr(s.lower());
                else loadConst(Py.None);
                if (s.upper() != null) visitExpr(s.upper());
                else loadConst(Py.None);
                int count = 2;
                if (s.step() != null) {
                    visitExpr(s.step());
                    count++;
                }
                op(BUILD_SLICE, count);
            }
        }
    }

    private static BinaryOp binaryOp(Node.Operator op) {
        return switch (op) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUBTRACT;
            case MULT -> BinaryOp.MULTIPLY;
            case MATMULT -> BinaryOp.MATRIX_MULTIPLY;
            case DIV -> BinaryOp.TRUE_DIVIDE;
            case MOD -> BinaryOp.REMAINDER;
            case POW -> BinaryOp.POWER;
            case LSHIFT -> BinaryOp.LSHIFT;
            case RSHIFT -> BinaryOp.RSHIFT;
            case BITOR -> BinaryOp.OR;
            case BITXOR -> BinaryOp.XOR;
            case BITAND -> BinaryOp.AND;
            case FLOORDIV -> BinaryOp.FLOOR_DIVIDE;
        };
    }

    private void compareOp(Node.CmpOp cmp) {
        switch (cmp) {
            case EQ -> op(COMPARE_OP, CompareOp.EQ.ordinal());
            case NOT_EQ -> op(COMPARE_OP, CompareOp.NE.ordinal());
            case LT -> op(COMPARE_OP, CompareOp.LT.ordinal());
            case LT_E -> op(COMPARE_OP, CompareOp.LE.ordinal());
            case GT -> op(COMPARE_OP, CompareOp.GT.ordinal());
            case GT_E -> op(COMPARE_OP, CompareOp.GE.ordinal());
            case IS -> op(IS_OP, 0);
            case IS_NOT -> op(IS_OP, 1);
            case IN -> op(CONTAINS_OP, 0);
            case NOT_IN -> op(CONTAINS_OP, 1);
        }
    }

    /** The last operand of {@code x in [a, b]} is only iterated over: it becomes a tuple. */
    private void visitComparator(Node.Compare c, int index) {
        Expr operand = c.comparators().get(index);
        Node.CmpOp op = c.ops().get(index);
        if (index == c.ops().size() - 1 && (op == Node.CmpOp.IN || op == Node.CmpOp.NOT_IN)) visitIterable(operand);
        else visitExpr(operand);
    }

    /** {@code a and b}: JUMP_IF_FALSE_OR_POP keeps the deciding value; {@code or} likewise. */
    private void compileBoolOp(Node.BoolOp b) {
        Opcode jumpOp = b.isAnd() ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
        BasicBlock end = newBlock();
        List<Expr> values = b.values();
        for (int i = 0; i < values.size() - 1; i++) {
            visitExpr(values.get(i));
            jump(jumpOp, end);
        }
        visitExpr(values.get(values.size() - 1));
        useNextBlock(end);
    }

    /**
     * {@code a < b < c}: each middle operand is kept with SWAP/COPY for the next comparison; a
     * false intermediate result jumps to a cleanup that drops the kept operand.
     */
    private void compileCompare(Node.Compare c) {
        visitExpr(c.left());
        int n = c.ops().size() - 1;
        if (n == 0) {
            visitComparator(c, 0);
            compareOp(c.ops().get(0));
            return;
        }
        BasicBlock cleanup = newBlock();
        for (int i = 0; i < n; i++) {
            visitExpr(c.comparators().get(i));
            op(SWAP, 2);
            op(COPY, 2);
            compareOp(c.ops().get(i));
            jump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        visitComparator(c, n);
        compareOp(c.ops().get(n));
        BasicBlock end = newBlock();
        jumpNoLine(end);
        useNextBlock(cleanup);
        op(SWAP, 2);
        op(POP_TOP);
        useNextBlock(end);
    }

    /**
     * Builds a list, set or tuple from elements that may be starred (CPython's starunpack_helper).
     * pushed items are already on the stack and become the first elements.
     */
    private void starUnpack(List<Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend, boolean tuple) {
        int n = elts.size();
        if (n > 2 && allConstant(elts)) {
            Object[] folded = elts.stream().map(Constants::fold).toArray();
            if (tuple && pushed == 0) {
                loadConst(PyTuple.of(folded));
            } else {
                op(build, pushed);
                loadConst(PyTuple.of(folded));
                op(extend, 1);
                if (tuple) op(LIST_TO_TUPLE);
            }
            return;
        }
        boolean big = n + pushed > STACK_USE_GUIDELINE;
        boolean seenStar = elts.stream().anyMatch(e -> e instanceof Node.Starred);
        if (!seenStar && !big) {
            if (tuple && pushed == 0) {
                buildTuple(elts);
                return;
            }
            visitExprs(elts);
            op(tuple ? BUILD_TUPLE : build, n + pushed);
            return;
        }
        boolean built = false;
        if (big) {
            op(build, pushed);
            built = true;
        }
        for (int i = 0; i < n; i++) {
            Expr e = elts.get(i);
            if (e instanceof Node.Starred s) {
                if (!built) {
                    op(build, i + pushed);
                    built = true;
                }
                visitExpr(s.value());
                op(extend, 1);
            } else {
                visitExpr(e);
                if (built) op(add, 1);
            }
        }
        if (tuple) op(LIST_TO_TUPLE);
    }

    private static boolean allConstant(List<Expr> elts) {
        for (Expr e : elts) {
            if (!Constants.isConstant(e)) return false;
        }
        return true;
    }

    private void compileDict(Node.Dict d) {
        int n = d.values().size();
        boolean haveDict = false;
        int elements = 0;
        for (int i = 0; i < n; i++) {
            if (d.keys().get(i) == null) {
                if (elements > 0) {
                    subDict(d, i - elements, i);
                    if (haveDict) op(DICT_UPDATE, 1);
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict) {
                    op(BUILD_MAP, 0);
                    haveDict = true;
                }
                visitExpr(d.values().get(i));
                op(DICT_UPDATE, 1);
            } else if (elements * 2 > STACK_USE_GUIDELINE) {
                subDict(d, i - elements, i + 1);
                if (haveDict) op(DICT_UPDATE, 1);
                haveDict = true;
                elements = 0;
            } else {
                elements++;
            }
        }
        if (elements > 0) {
            subDict(d, n - elements, n);
            if (haveDict) op(DICT_UPDATE, 1);
            haveDict = true;
        }
        if (!haveDict) op(BUILD_MAP, 0);
    }

    private void subDict(Node.Dict d, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big && allConstant(d.keys().subList(begin, end))) {
            for (int i = begin; i < end; i++) visitExpr(d.values().get(i));
            loadConst(PyTuple.of(d.keys().subList(begin, end).stream().map(Constants::fold).toArray()));
            op(BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) op(BUILD_MAP, 0);
        for (int i = begin; i < end; i++) {
            visitExpr(d.keys().get(i));
            visitExpr(d.values().get(i));
            if (big) op(MAP_ADD, 1);
        }
        if (!big) op(BUILD_MAP, n);
    }

    private void compileFormattedValue(Node.FormattedValue f) {
        visitExpr(f.value());
        int flags = switch (f.conversion()) {
            case 's' -> 1;
            case 'r' -> 2;
            case 'a' -> 3;
            default -> 0;
        };
        if (f.formatSpec() != null) {
            visitExpr(f.formatSpec());
            flags |= 4;
        }
        op(FORMAT_VALUE, flags);
    }

    private void compileJoinedStr(Node.JoinedStr j) {
        List<Expr> values = j.values();
        if (values.isEmpty()) {
            loadConst("");
        } else if (values.size() > STACK_USE_GUIDELINE) {
            loadConst("");
            rawNameOperand(LOAD_METHOD, "join");
            op(BUILD_LIST, 0);
            for (Expr v : values) {
                visitExpr(v);
                op(LIST_APPEND, 1);
            }
            op(CALL, 1);
        } else {
            visitExprs(values);
            if (values.size() != 1) op(BUILD_STRING, values.size());
        }
    }

    // ------------------------------------------------------------------ calls

    private void compileCall(Node.Call c) {
        if (compileMethodCall(c)) return;
        visitExpr(c.func());
        op(PUSH_NULL);
        compileCallHelper(0, c.args(), c.keywords());
    }

    /** {@code obj.m(args)}: LOAD_METHOD leaves {@code meth obj} (or {@code attr NULL}) for CALL. */
    private boolean compileMethodCall(Node.Call c) {
        if (!(c.func() instanceof Node.Attribute method)) return false;
        if (method.value() instanceof Node.Name n && symtable.importedAtModuleLevel(n.id())) return false;
        int nargs = c.args().size();
        int nkw = c.keywords().size();
        if (nargs + nkw + (nkw != 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
        for (Expr a : c.args()) {
            if (a instanceof Node.Starred) return false;
        }
        for (Node.Keyword k : c.keywords()) {
            if (k.arg() == null) return false;
        }
        validateKeywords(c.keywords());
        visitExpr(method.value());
        int methodLine = method.pos().endLine();
        Pos callPos = unit.pos;
        // An attribute error points at `obj.m`, not at the whole call (when it fits one line).
        if (method.pos().line() == methodLine) unit.pos = method.pos();
        unit.line = methodLine;
        nameOperand(LOAD_METHOD, method.attr());
        unit.pos = callPos;
        visitExprs(c.args());
        if (nkw > 0) {
            for (Node.Keyword k : c.keywords()) visitExpr(k.value());
            unit.line = methodLine;
            loadKeywordNames(c.keywords());
            op(CALL_KW, nargs + nkw);
        } else {
            unit.line = methodLine;
            op(CALL, nargs);
        }
        return true;
    }

    private void loadKeywordNames(List<Node.Keyword> keywords) {
        loadConst(PyTuple.of(keywords.stream().map(Node.Keyword::arg).toArray()));
    }

    private void validateKeywords(List<Node.Keyword> keywords) {
        for (int i = 0; i < keywords.size(); i++) {
            Node.Keyword k = keywords.get(i);
            if (k.arg() == null) continue;
            checkForbiddenName(k.arg(), Ctx.STORE);
            for (int j = i + 1; j < keywords.size(); j++) {
                Node.Keyword other = keywords.get(j);
                if (k.arg().equals(other.arg())) throw error("keyword argument repeated: " + k.arg(), other.pos());
            }
        }
    }

    /**
     * Pushes the arguments and emits the call: CALL n, CALL_KW n with the keyword names, or,
     * with any {@code *}/{@code **} argument (or very many arguments), a positional tuple, an
     * optional keyword dict and CALL_FUNCTION_EX. pushed arguments are already on the stack.
     */
    private void compileCallHelper(int pushed, List<Expr> args, List<Node.Keyword> keywords) {
        validateKeywords(keywords);
        int nargs = args.size();
        int nkw = keywords.size();
        boolean exCall = nargs + nkw * 2 > STACK_USE_GUIDELINE
                || args.stream().anyMatch(a -> a instanceof Node.Starred)
                || keywords.stream().anyMatch(k -> k.arg() == null);
        if (!exCall) {
            visitExprs(args);
            if (nkw > 0) {
                for (Node.Keyword k : keywords) visitExpr(k.value());
                loadKeywordNames(keywords);
                op(CALL_KW, pushed + nargs + nkw);
            } else {
                op(CALL, pushed + nargs);
            }
            return;
        }
        // CALL_FUNCTION_EX takes a real tuple: even f(*a) builds one (CPython passes a as is).
        starUnpack(args, pushed, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
        if (nkw > 0) {
            boolean haveDict = false;
            int seen = 0;
            for (int i = 0; i < nkw; i++) {
                Node.Keyword k = keywords.get(i);
                if (k.arg() == null) {
                    if (seen > 0) {
                        subKeywords(keywords, i - seen, i);
                        if (haveDict) op(DICT_MERGE, 1);
                        haveDict = true;
                        seen = 0;
                    }
                    if (!haveDict) {
                        op(BUILD_MAP, 0);
                        haveDict = true;
                    }
                    visitExpr(k.value());
                    op(DICT_MERGE, 1);
                } else {
                    seen++;
                }
            }
            if (seen > 0) {
                subKeywords(keywords, nkw - seen, nkw);
                if (haveDict) op(DICT_MERGE, 1);
            }
        }
        op(CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
    }

    /** A dict of the named keyword arguments keywords[begin:end]. */
    private void subKeywords(List<Node.Keyword> keywords, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big) {
            for (int i = begin; i < end; i++) visitExpr(keywords.get(i).value());
            loadKeywordNames(keywords.subList(begin, end));
            op(BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) op(BUILD_MAP, 0);
        for (int i = begin; i < end; i++) {
            loadConst(keywords.get(i).arg());
            visitExpr(keywords.get(i).value());
            if (big) op(MAP_ADD, 1);
        }
        if (!big) op(BUILD_MAP, n);
    }

    // ------------------------------------------------------------------ comprehensions

    /**
     * A comprehension is a nested function of one argument, the iterator over its outermost
     * iterable (which is evaluated here, in the enclosing scope).
     */
    private void compileComprehension(Expr node, CompKind kind, String name, List<Node.Comprehension> generators,
                                      Expr elt, Expr value) {
        if (kind != CompKind.DICTCOMP && elt instanceof Node.Starred) {
            throw error("iterable unpacking cannot be used in comprehension", elt.pos());
        }
        enterScope(symtable.scopeOf(node), name, node.pos().line());
        unit.reserveDocstring(null);
        setLoc(node);
        unit.argCount = 1;
        switch (kind) {
            case LISTCOMP -> op(BUILD_LIST, 0);
            case SETCOMP -> op(BUILD_SET, 0);
            case DICTCOMP -> op(BUILD_MAP, 0);
            case GENEXP -> { }
        }
        comprehensionGenerator(generators, 0, 0, elt, value, kind);
        if (kind != CompKind.GENEXP) op(RETURN_VALUE);
        CodeObject code = finishScope(true);

        makeClosure(code, 0);
        visitIterable(generators.get(0).iter());
        op(GET_ITER);
        op(CALL, 0);
    }

    private void comprehensionGenerator(List<Node.Comprehension> generators, int index, int loopDepth,
                                        Expr elt, Expr value, CompKind kind) {
        enterNested();
        Node.Comprehension gen = generators.get(index);
        BasicBlock start = newBlock();
        BasicBlock ifCleanup = newBlock();
        BasicBlock anchor = newBlock();
        if (index == 0) {
            // The outermost iterator arrives as the argument .0
            op(LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]` binds y without a loop.
            List<Expr> single = gen.iter() instanceof Node.ListExpr l ? l.elts()
                    : gen.iter() instanceof Node.Tuple t ? t.elts() : List.of();
            if (single.size() == 1 && !(single.get(0) instanceof Node.Starred)) {
                visitExpr(single.get(0));
                start = null;
            } else {
                visitIterable(gen.iter());
                op(GET_ITER);
            }
        }
        if (start != null) {
            loopDepth++;
            useNextBlock(start);
            jump(FOR_ITER, anchor);
        }
        visitStore(gen.target());
        for (Expr condition : gen.ifs()) jumpIf(condition, ifCleanup, false);
        if (index + 1 < generators.size()) {
            comprehensionGenerator(generators, index + 1, loopDepth, elt, value, kind);
        } else {
            switch (kind) {
                case GENEXP -> {
                    visitExpr(elt);
                    op(YIELD_VALUE);
                    op(POP_TOP);
                }
                case LISTCOMP -> {
                    visitExpr(elt);
                    op(LIST_APPEND, loopDepth + 1);
                }
                case SETCOMP -> {
                    visitExpr(elt);
                    op(SET_ADD, loopDepth + 1);
                }
                case DICTCOMP -> {
                    visitExpr(elt);
                    visitExpr(value);
                    op(MAP_ADD, loopDepth + 1);
                }
            }
        }
        useNextBlock(ifCleanup);
        if (start != null) {
            jump(start);
            useNextBlock(anchor);
        }
        depth--;
    }
}
