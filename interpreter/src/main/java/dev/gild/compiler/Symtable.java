package dev.gild.compiler;

import dev.gild.ast.Node;
import dev.gild.ast.Node.Expr;
import dev.gild.ast.Node.Pos;
import dev.gild.ast.Node.Stmt;
import dev.gild.compiler.Scope.Binding;
import dev.gild.compiler.Scope.Kind;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.gild.compiler.Scope.DEF_ANNOT;
import static dev.gild.compiler.Scope.DEF_BOUND;
import static dev.gild.compiler.Scope.DEF_COMP_ITER;
import static dev.gild.compiler.Scope.DEF_FREE_CLASS;
import static dev.gild.compiler.Scope.DEF_GLOBAL;
import static dev.gild.compiler.Scope.DEF_IMPORT;
import static dev.gild.compiler.Scope.DEF_LOCAL;
import static dev.gild.compiler.Scope.DEF_NONLOCAL;
import static dev.gild.compiler.Scope.DEF_PARAM;
import static dev.gild.compiler.Scope.USE;

/**
 * The symbol table of one file: a port of CPython 3.11's {@code symtable.c}. A first pass walks the
 * AST and records, per scope, how each name is used (assigned, read, declared global or nonlocal,
 * a parameter, imported). A second pass ({@link #analyze}) decides each name's {@link Binding}
 * from the scopes around it:
 *
 * <ul>
 *   <li>names bound in a function are local, unless declared global or nonlocal;</li>
 *   <li>a name read but not bound is free when an enclosing function binds it (that function's
 *       local then becomes a cell), else an implicit global;</li>
 *   <li>class bodies are not visible to the functions inside them, except for the implicit
 *       {@code __class__} cell that zero-argument {@code super()} and {@code __class__} use;</li>
 *   <li>comprehensions are functions whose first iterable is evaluated outside (in the enclosing
 *       scope) and whose walrus targets bind in the nearest enclosing function or module.</li>
 * </ul>
 *
 * Names starting with two underscores inside a class are mangled ({@code __x} becomes
 * {@code _C__x}) before they are recorded.
 */
public final class Symtable {
    /** Nesting depth of statements and expressions the walk follows (CPython: 3 x the 1000 recursion limit). */
    static final int MAX_NESTING = 3000;

    private final SourceInfo source;
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private final Deque<Scope> stack = new ArrayDeque<>();
    private Scope top;
    private Scope current;
    /** The enclosing class name, for mangling private names. */
    private String privateName;
    private int depth;

    private Symtable(SourceInfo source) {
        this.source = source;
    }

    /** Builds and analyses the table for a module, an interactive statement or an eval expression. */
    static Symtable build(Node root, SourceInfo source) {
        Symtable table = new Symtable(source);
        table.enter(Kind.MODULE, "<module>", root, 1);
        switch (root) {
            case Node.Module m -> table.visitStmts(m.body());
            case Node.Interactive i -> table.visitStmts(i.body());
            case Expr e -> table.visitExpr(e);
            default -> throw new IllegalArgumentException("not a compilation root: " + root);
        }
        table.exit();
        table.analyze();
        return table;
    }

    /** The scope opened by a module root, def, class, lambda or comprehension node. */
    Scope scopeOf(Object node) {
        Scope scope = scopes.get(node);
        if (scope == null) throw new IllegalStateException("no scope recorded for " + node);
        return scope;
    }

    Scope top() { return top; }

    /**
     * Whether the module imports this name. CPython compiles {@code math.sqrt(x)} on such a name
     * as an attribute load and a plain call rather than LOAD_METHOD, and so do we.
     */
    boolean importedAtModuleLevel(String name) { return (top.flagsOf(name) & DEF_IMPORT) != 0; }

    /** CPython's {@code _Py_Mangle}: {@code __x} inside class {@code C} becomes {@code _C__x}. */
    static String mangle(String privateName, String name) {
        if (privateName == null || !name.startsWith("__") || name.endsWith("__") || name.contains(".")) {
            return name;
        }
        int start = 0;
        while (start < privateName.length() && privateName.charAt(start) == '_') start++;
        if (start == privateName.length()) return name;
        return "_" + privateName.substring(start) + name;
    }

    // ------------------------------------------------------------------ scopes

    private void enter(Kind kind, String name, Object node, int line) {
        Scope prev = current;
        boolean nested = prev != null && (prev.nested || prev.isFunctionLike());
        Scope scope = new Scope(kind, name, line, nested);
        if (prev != null) {
            // bpo-37757: walrus is forbidden anywhere inside a comprehension's outermost iterable,
            // lambdas and nested comprehensions included.
            scope.compIterExpr = prev.compIterExpr;
            prev.children.add(scope);
            stack.push(prev);
        } else {
            top = scope;
        }
        current = scope;
        scopes.put(node, scope);
    }

    private void exit() {
        current = stack.isEmpty() ? null : stack.pop();
    }

    // ------------------------------------------------------------------ recording uses

    private void addDef(String name, int flag, Pos pos) {
        addDef(name, flag, current, pos);
    }

    private void addDef(String name, int flag, Scope scope, Pos pos) {
        String mangled = mangle(privateName, name);
        Integer old = scope.flags.get(mangled);
        int value = flag;
        if (old != null) {
            if ((flag & DEF_PARAM) != 0 && (old & DEF_PARAM) != 0) {
                throw source.error("duplicate argument '" + name + "' in function definition", pos);
            }
            value |= old;
        }
        if (scope.compIterTarget) {
            if ((value & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
                throw source.error("comprehension inner loop cannot rebind assignment expression target '"
                        + name + "'", pos);
            }
            value |= DEF_COMP_ITER;
        }
        scope.flags.put(mangled, value);
        if ((flag & DEF_PARAM) != 0) {
            scope.params.add(mangled);
        } else if ((flag & DEF_GLOBAL) != 0) {
            // A global declaration anywhere makes the module itself treat the name as an explicit
            // global (STORE_GLOBAL at module level), as CPython does.
            top.flags.merge(mangled, flag, (a, b) -> a | b);
        }
    }

    private int lookup(String name) {
        return current.flagsOf(mangle(privateName, name));
    }

    private void recordDirective(String name, Pos pos) {
        current.directives.putIfAbsent(mangle(privateName, name), pos);
    }

    // ------------------------------------------------------------------ statements

    private void visitStmts(List<Stmt> body) {
        for (Stmt s : body) visitStmt(s);
    }

    private void visitStmt(Stmt stmt) {
        if (++depth > MAX_NESTING) throw new CompilerRecursionError();
        switch (stmt) {
            case Node.FunctionDef f -> {
                addDef(f.name(), DEF_LOCAL, f.pos());
                visitExprs(f.args().defaults());
                visitOptionalExprs(f.args().kwDefaults());
                visitAnnotations(f.args(), f.returns());
                visitExprs(f.decorators());
                enter(Kind.FUNCTION, f.name(), f, firstLine(f.pos(), f.decorators()));
                visitParams(f.args());
                visitStmts(f.body());
                exit();
            }
            case Node.ClassDef c -> {
                addDef(c.name(), DEF_LOCAL, c.pos());
                visitExprs(c.bases());
                for (Node.Keyword k : c.keywords()) visitExpr(k.value());
                visitExprs(c.decorators());
                enter(Kind.CLASS, c.name(), c, firstLine(c.pos(), c.decorators()));
                String savedPrivate = privateName;
                privateName = c.name();
                visitStmts(c.body());
                privateName = savedPrivate;
                exit();
            }
            case Node.Return r -> visitOptional(r.value());
            case Node.Delete d -> {
                for (Expr target : d.targets()) visitTarget(target);
            }
            case Node.Assign a -> {
                for (Expr target : a.targets()) visitTarget(target);
                visitExpr(a.value());
            }
            case Node.AnnAssign a -> visitAnnAssign(a);
            case Node.AugAssign a -> {
                visitTarget(a.target());
                visitExpr(a.value());
            }
            case Node.For f -> {
                visitTarget(f.target());
                visitExpr(f.iter());
                visitStmts(f.body());
                visitStmts(f.orelse());
            }
            case Node.While w -> {
                visitExpr(w.test());
                visitStmts(w.body());
                visitStmts(w.orelse());
            }
            case Node.If i -> {
                visitExpr(i.test());
                visitStmts(i.body());
                visitStmts(i.orelse());
            }
            case Node.With w -> {
                for (Node.WithItem item : w.items()) {
                    visitExpr(item.contextExpr());
                    if (item.optionalVars() != null) visitTarget(item.optionalVars());
                }
                visitStmts(w.body());
            }
            case Node.Raise r -> {
                visitOptional(r.exc());
                visitOptional(r.cause());
            }
            case Node.Try t -> {
                visitStmts(t.body());
                visitStmts(t.orelse());
                for (Node.ExceptHandler h : t.handlers()) {
                    visitOptional(h.type());
                    if (h.name() != null) addDef(h.name(), DEF_LOCAL, h.pos());
                    visitStmts(h.body());
                }
                visitStmts(t.finalbody());
            }
            case Node.Assert a -> {
                visitExpr(a.test());
                visitOptional(a.msg());
            }
            case Node.Import i -> {
                for (Node.Alias alias : i.names()) visitAlias(alias);
            }
            case Node.ImportFrom i -> {
                for (Node.Alias alias : i.names()) visitAlias(alias);
            }
            case Node.Global g -> visitGlobal(g.names(), g.pos());
            case Node.Nonlocal n -> visitNonlocal(n.names(), n.pos());
            case Node.ExprStmt e -> visitExpr(e.value());
            case Node.Pass p -> { }
            case Node.Break b -> { }
            case Node.Continue c -> { }
        }
        depth--;
    }

    static int firstLine(Pos pos, List<Expr> decorators) {
        return decorators.isEmpty() ? pos.line() : decorators.get(0).pos().line();
    }

    private void visitAnnAssign(Node.AnnAssign a) {
        if (a.target() instanceof Node.Name name) {
            int cur = lookup(name.id());
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && current != top && a.simple()) {
                String kind = (cur & DEF_GLOBAL) != 0 ? "global" : "nonlocal";
                throw source.error("annotated name '" + name.id() + "' can't be " + kind, a.pos());
            }
            if (a.simple()) {
                addDef(name.id(), DEF_ANNOT | DEF_LOCAL, name.pos());
            } else if (a.value() != null) {
                addDef(name.id(), DEF_LOCAL, name.pos());
            }
        } else {
            visitTarget(a.target());
        }
        visitExpr(a.annotation());
        visitOptional(a.value());
    }

    private void visitGlobal(List<String> names, Pos pos) {
        for (String name : names) {
            int cur = lookup(name);
            if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                String message;
                if ((cur & DEF_PARAM) != 0) message = "name '%s' is parameter and global";
                else if ((cur & USE) != 0) message = "name '%s' is used prior to global declaration";
                else if ((cur & DEF_ANNOT) != 0) message = "annotated name '%s' can't be global";
                else message = "name '%s' is assigned to before global declaration";
                throw source.error(message.formatted(name), pos);
            }
            addDef(name, DEF_GLOBAL, pos);
            recordDirective(name, pos);
        }
    }

    private void visitNonlocal(List<String> names, Pos pos) {
        for (String name : names) {
            int cur = lookup(name);
            if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                String message;
                if ((cur & DEF_PARAM) != 0) message = "name '%s' is parameter and nonlocal";
                else if ((cur & USE) != 0) message = "name '%s' is used prior to nonlocal declaration";
                else if ((cur & DEF_ANNOT) != 0) message = "annotated name '%s' can't be nonlocal";
                else message = "name '%s' is assigned to before nonlocal declaration";
                throw source.error(message.formatted(name), pos);
            }
            addDef(name, DEF_NONLOCAL, pos);
            recordDirective(name, pos);
        }
    }

    private void visitAlias(Node.Alias alias) {
        String name = alias.asname() == null ? alias.name() : alias.asname();
        if (name.equals("*")) {
            if (current.kind != Kind.MODULE) {
                throw source.error("import * only allowed at module level", alias.pos());
            }
            return;
        }
        int dot = name.indexOf('.');
        addDef(dot >= 0 ? name.substring(0, dot) : name, DEF_IMPORT, alias.pos());
    }

    private void visitParams(Node.Arguments args) {
        for (Node.Arg a : args.posonly()) addDef(a.name(), DEF_PARAM, a.pos());
        for (Node.Arg a : args.args()) addDef(a.name(), DEF_PARAM, a.pos());
        for (Node.Arg a : args.kwonly()) addDef(a.name(), DEF_PARAM, a.pos());
        if (args.vararg() != null) {
            addDef(args.vararg().name(), DEF_PARAM, args.vararg().pos());
            current.varargs = true;
        }
        if (args.kwarg() != null) {
            addDef(args.kwarg().name(), DEF_PARAM, args.kwarg().pos());
            current.varkeywords = true;
        }
    }

    private void visitAnnotations(Node.Arguments args, Expr returns) {
        for (Node.Arg a : args.posonly()) visitOptional(a.annotation());
        for (Node.Arg a : args.args()) visitOptional(a.annotation());
        if (args.vararg() != null) visitOptional(args.vararg().annotation());
        if (args.kwarg() != null) visitOptional(args.kwarg().annotation());
        for (Node.Arg a : args.kwonly()) visitOptional(a.annotation());
        visitOptional(returns);
    }

    // ------------------------------------------------------------------ expressions

    private void visitExprs(List<Expr> exprs) {
        for (Expr e : exprs) visitExpr(e);
    }

    private void visitOptionalExprs(List<Expr> exprs) {
        for (Expr e : exprs) visitOptional(e);
    }

    private void visitOptional(Expr e) {
        if (e != null) visitExpr(e);
    }

    /** Visits an expression whose value is read (CPython's Load context). */
    private void visitExpr(Expr expr) {
        if (++depth > MAX_NESTING) throw new CompilerRecursionError();
        switch (expr) {
            case Node.NamedExpr n -> visitNamedExpr(n);
            case Node.BoolOp b -> visitExprs(b.values());
            case Node.BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
            }
            case Node.UnaryOp u -> visitExpr(u.operand());
            case Node.Lambda l -> {
                visitExprs(l.args().defaults());
                visitOptionalExprs(l.args().kwDefaults());
                enter(Kind.LAMBDA, "<lambda>", l, l.pos().line());
                visitParams(l.args());
                visitExpr(l.body());
                exit();
            }
            case Node.IfExp i -> {
                visitExpr(i.test());
                visitExpr(i.body());
                visitExpr(i.orelse());
            }
            case Node.Dict d -> {
                visitOptionalExprs(d.keys());
                visitExprs(d.values());
            }
            case Node.Set s -> visitExprs(s.elts());
            case Node.ListComp c -> visitComprehension(c, "<listcomp>", "list comprehension",
                    c.generators(), c.elt(), null);
            case Node.SetComp c -> visitComprehension(c, "<setcomp>", "set comprehension",
                    c.generators(), c.elt(), null);
            case Node.DictComp c -> visitComprehension(c, "<dictcomp>", "dict comprehension",
                    c.generators(), c.key(), c.value());
            case Node.GeneratorExp c -> visitComprehension(c, "<genexpr>", "generator expression",
                    c.generators(), c.elt(), null);
            case Node.Yield y -> {
                visitOptional(y.value());
                markGenerator(y);
            }
            case Node.YieldFrom y -> {
                visitExpr(y.value());
                markGenerator(y);
            }
            case Node.Compare c -> {
                visitExpr(c.left());
                visitExprs(c.comparators());
            }
            case Node.Call c -> {
                visitExpr(c.func());
                visitExprs(c.args());
                for (Node.Keyword k : c.keywords()) visitExpr(k.value());
            }
            case Node.FormattedValue f -> {
                visitExpr(f.value());
                visitOptional(f.formatSpec());
            }
            case Node.JoinedStr j -> visitExprs(j.values());
            case Node.Constant c -> { }
            case Node.Attribute a -> visitExpr(a.value());
            case Node.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
            }
            case Node.Starred s -> visitExpr(s.value());
            case Node.Slice s -> {
                visitOptional(s.lower());
                visitOptional(s.upper());
                visitOptional(s.step());
            }
            case Node.Name n -> {
                // __debug__ is the constant True wherever it is read.
                if (!n.id().equals("__debug__")) addDef(n.id(), USE, n.pos());
                // Zero-argument super() reads the __class__ cell.
                if (n.id().equals("super") && current.isFunctionLike()) addDef("__class__", USE, n.pos());
            }
            case Node.ListExpr l -> visitExprs(l.elts());
            case Node.Tuple t -> visitExprs(t.elts());
        }
        depth--;
    }

    /** Visits an assignment or deletion target (CPython's Store and Del contexts). */
    private void visitTarget(Expr target) {
        if (++depth > MAX_NESTING) throw new CompilerRecursionError();
        switch (target) {
            case Node.Name n -> addDef(n.id(), DEF_LOCAL, n.pos());
            case Node.Tuple t -> {
                for (Expr e : t.elts()) visitTarget(e);
            }
            case Node.ListExpr l -> {
                for (Expr e : l.elts()) visitTarget(e);
            }
            case Node.Starred s -> visitTarget(s.value());
            case Node.Attribute a -> visitExpr(a.value());
            case Node.Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
            }
            default -> visitExpr(target);
        }
        depth--;
    }

    private void markGenerator(Expr yield) {
        current.generator = true;
        if (current.comprehensionDescription != null) {
            throw source.error("'yield' inside " + current.comprehensionDescription, yield.pos());
        }
    }

    private void visitComprehension(Expr node, String scopeName, String description,
                                    List<Node.Comprehension> generators, Expr elt, Expr value) {
        Node.Comprehension outermost = generators.get(0);
        // The outermost iterable is evaluated in the enclosing scope.
        current.compIterExpr++;
        visitExpr(outermost.iter());
        current.compIterExpr--;
        enter(Kind.COMPREHENSION, scopeName, node, node.pos().line());
        current.comprehensionDescription = description;
        // It arrives as the implicit parameter .0
        addDef(".0", DEF_PARAM, node.pos());
        current.compIterTarget = true;
        visitTarget(outermost.target());
        current.compIterTarget = false;
        visitExprs(outermost.ifs());
        for (int i = 1; i < generators.size(); i++) {
            Node.Comprehension gen = generators.get(i);
            current.compIterTarget = true;
            visitTarget(gen.target());
            current.compIterTarget = false;
            current.compIterExpr++;
            visitExpr(gen.iter());
            current.compIterExpr--;
            visitExprs(gen.ifs());
        }
        if (value != null) visitExpr(value);
        visitExpr(elt);
        if (node instanceof Node.GeneratorExp) current.generator = true;
        exit();
    }

    private void visitNamedExpr(Node.NamedExpr n) {
        if (current.compIterExpr > 0) {
            throw source.error("assignment expression cannot be used in a comprehension iterable expression",
                    n.pos());
        }
        if (current.kind == Kind.COMPREHENSION) extendNamedExprScope(n.target());
        visitExpr(n.value());
        visitTarget(n.target());
    }

    /** A walrus inside a comprehension binds in the nearest enclosing function or the module. */
    private void extendNamedExprScope(Node.Name target) {
        String name = target.id();
        Scope scope = current;
        Deque<Scope> outer = new ArrayDeque<>(stack);
        while (true) {
            if (scope.kind == Kind.COMPREHENSION) {
                if ((scope.flagsOf(mangle(privateName, name)) & DEF_COMP_ITER) != 0) {
                    throw source.error("assignment expression cannot rebind comprehension iteration variable '"
                            + name + "'", target.pos());
                }
            } else if (scope.isFunctionLike()) {
                int inScope = scope.flagsOf(mangle(privateName, name));
                addDef(name, (inScope & DEF_GLOBAL) != 0 ? DEF_GLOBAL : DEF_NONLOCAL, target.pos());
                recordDirective(name, target.pos());
                addDef(name, DEF_LOCAL, scope, target.pos());
                return;
            } else if (scope.kind == Kind.MODULE) {
                addDef(name, DEF_GLOBAL, target.pos());
                recordDirective(name, target.pos());
                addDef(name, DEF_GLOBAL, scope, target.pos());
                return;
            } else {
                throw source.error("assignment expression within a comprehension cannot be used in a class body",
                        target.pos());
            }
            scope = outer.pop();
        }
    }

    // ------------------------------------------------------------------ analysis

    private void analyze() {
        analyzeBlock(top, null, new HashSet<>(), new HashSet<>());
    }

    /**
     * CPython's analyze_block: bound holds the names bound by enclosing functions (null at module
     * level), global the names declared global above; free collects the names this block and its
     * children need from outside.
     */
    private void analyzeBlock(Scope scope, Set<String> bound, Set<String> free, Set<String> global) {
        Set<String> local = new HashSet<>();
        Map<String, Binding> decided = new HashMap<>();
        Set<String> newGlobal = new HashSet<>();
        Set<String> newFree = new HashSet<>();
        Set<String> newBound = new HashSet<>();
        if (scope.kind == Kind.CLASS) {
            newGlobal.addAll(global);
            if (bound != null) newBound.addAll(bound);
        }
        for (Map.Entry<String, Integer> e : scope.flags.entrySet()) {
            analyzeName(scope, decided, e.getKey(), e.getValue(), bound, local, free, global);
        }
        if (scope.kind != Kind.CLASS) {
            if (scope.isFunctionLike()) newBound.addAll(local);
            if (bound != null) newBound.addAll(bound);
            newGlobal.addAll(global);
        } else {
            newBound.add("__class__");
        }
        Set<String> allFree = new HashSet<>();
        for (Scope child : scope.children) {
            Set<String> childFree = new HashSet<>(newFree);
            analyzeBlock(child, new HashSet<>(newBound), childFree, new HashSet<>(newGlobal));
            allFree.addAll(childFree);
        }
        newFree.addAll(allFree);
        if (scope.isFunctionLike()) {
            // Locals captured by nested scopes become cells.
            for (Map.Entry<String, Binding> e : decided.entrySet()) {
                if (e.getValue() == Binding.LOCAL && newFree.remove(e.getKey())) e.setValue(Binding.CELL);
            }
        } else if (scope.kind == Kind.CLASS && newFree.remove("__class__")) {
            scope.needsClassClosure = true;
        }
        updateSymbols(scope, decided, bound, newFree);
        free.addAll(newFree);
    }

    private void analyzeName(Scope scope, Map<String, Binding> decided, String name, int flags,
                             Set<String> bound, Set<String> local, Set<String> free, Set<String> global) {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_NONLOCAL) != 0) {
                throw source.error("name '" + name + "' is nonlocal and global", scope.directives.get(name));
            }
            decided.put(name, Binding.GLOBAL_EXPLICIT);
            global.add(name);
            if (bound != null) bound.remove(name);
            return;
        }
        if ((flags & DEF_NONLOCAL) != 0) {
            if (bound == null) {
                throw source.error("nonlocal declaration not allowed at module level", scope.directives.get(name));
            }
            if (!bound.contains(name)) {
                throw source.error("no binding for nonlocal '" + name + "' found", scope.directives.get(name));
            }
            decided.put(name, Binding.FREE);
            free.add(name);
            return;
        }
        if ((flags & DEF_BOUND) != 0) {
            decided.put(name, Binding.LOCAL);
            local.add(name);
            global.remove(name);
            return;
        }
        if (bound != null && bound.contains(name)) {
            decided.put(name, Binding.FREE);
            free.add(name);
            return;
        }
        decided.put(name, Binding.GLOBAL_IMPLICIT);
    }

    private static void updateSymbols(Scope scope, Map<String, Binding> decided, Set<String> bound,
                                      Set<String> free) {
        scope.bindings.putAll(decided);
        for (String name : free) {
            Integer flags = scope.flags.get(name);
            if (flags != null) {
                // A method's free variable with the same name as a class-level binding: the class
                // both binds the name and passes the outer cell through.
                if (scope.kind == Kind.CLASS && (flags & (DEF_BOUND | DEF_GLOBAL)) != 0) {
                    scope.flags.put(name, flags | DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) continue;
            // Free in a child and bound further out: this scope passes the cell through.
            scope.flags.put(name, 0);
            scope.bindings.put(name, Binding.FREE);
        }
    }
}
