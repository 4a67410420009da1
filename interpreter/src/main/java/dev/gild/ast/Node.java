package dev.gild.ast;

import java.util.List;

/**
 * The abstract syntax tree of the Gild subset: what the {@code Parser} produces and the
 * {@code Compiler} consumes. It follows CPython's {@code ast} module node for node, without the
 * expression context (load/store/del): the compiler knows a target from where it stands.
 *
 * <p>Every node carries a {@link Pos}: 1-based line, 0-based column (in code points), and the
 * end of the node, as CPython's {@code lineno/col_offset/end_lineno/end_col_offset}.
 * Optional children are {@code null} when absent; lists are never null (empty instead).
 */
public sealed interface Node {
    Pos pos();

    /** Source span of a node. */
    record Pos(int line, int col, int endLine, int endCol) {
        public static final Pos NONE = new Pos(0, 0, 0, 0);
    }

    // ----------------------------------------------------------------- module

    /** A whole file (or -c text). */
    record Module(Pos pos, List<Stmt> body) implements Node {}

    /** One interactive statement (REPL): expression statements echo their value. */
    record Interactive(Pos pos, List<Stmt> body) implements Node {}

    // ----------------------------------------------------------------- statements

    sealed interface Stmt extends Node {}

    record FunctionDef(Pos pos, String name, Arguments args, List<Stmt> body,
                       List<Expr> decorators, Expr returns) implements Stmt {}

    record ClassDef(Pos pos, String name, List<Expr> bases, List<Keyword> keywords,
                    List<Stmt> body, List<Expr> decorators) implements Stmt {}

    record Return(Pos pos, Expr value) implements Stmt {}

    record Delete(Pos pos, List<Expr> targets) implements Stmt {}

    /** {@code a = b = value}: targets in source order. */
    record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

    record AugAssign(Pos pos, Expr target, Operator op, Expr value) implements Stmt {}

    /** {@code target: annotation [= value]}; simple is true for a bare, unparenthesised name. */
    record AnnAssign(Pos pos, Expr target, Expr annotation, Expr value, boolean simple) implements Stmt {}

    record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

    record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

    /** elif chains are nested Ifs in orelse, as in CPython. */
    record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

    record With(Pos pos, List<WithItem> items, List<Stmt> body) implements Stmt {}

    record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {}

    record Try(Pos pos, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse,
               List<Stmt> finalbody) implements Stmt {}

    record Assert(Pos pos, Expr test, Expr msg) implements Stmt {}

    record Import(Pos pos, List<Alias> names) implements Stmt {}

    /** {@code from ..module import names}; module is null for {@code from . import x}. */
    record ImportFrom(Pos pos, String module, List<Alias> names, int level) implements Stmt {}

    record Global(Pos pos, List<String> names) implements Stmt {}

    record Nonlocal(Pos pos, List<String> names) implements Stmt {}

    record ExprStmt(Pos pos, Expr value) implements Stmt {}

    record Pass(Pos pos) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}

    // ----------------------------------------------------------------- expressions

    sealed interface Expr extends Node {}

    /** {@code a and b and c} (isAnd) or {@code a or b}: two or more values. */
    record BoolOp(Pos pos, boolean isAnd, List<Expr> values) implements Expr {}

    /** {@code (target := value)}. */
    record NamedExpr(Pos pos, Name target, Expr value) implements Expr {}

    record BinOp(Pos pos, Expr left, Operator op, Expr right) implements Expr {}

    record UnaryOp(Pos pos, UnaryOperator op, Expr operand) implements Expr {}

    record Lambda(Pos pos, Arguments args, Expr body) implements Expr {}

    record IfExp(Pos pos, Expr test, Expr body, Expr orelse) implements Expr {}

    /** {@code {k: v, **m}}: a null key means the value is unpacked with {@code **}. */
    record Dict(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}

    record Set(Pos pos, List<Expr> elts) implements Expr {}

    record ListComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record SetComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record DictComp(Pos pos, Expr key, Expr value, List<Comprehension> generators) implements Expr {}

    record GeneratorExp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    /** {@code yield [value]}; value is null for a bare yield. */
    record Yield(Pos pos, Expr value) implements Expr {}

    record YieldFrom(Pos pos, Expr value) implements Expr {}

    /** {@code left op1 c1 op2 c2 ...}: ops and comparators have the same length. */
    record Compare(Pos pos, Expr left, List<CmpOp> ops, List<Expr> comparators) implements Expr {}

    /** args may contain {@link Starred}; a keyword with a null arg is {@code **value}. */
    record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}

    /**
     * One {@code {value!conv:spec}} of an f-string. conversion is -1 (none), 's', 'r' or 'a';
     * formatSpec is null or a {@link JoinedStr} (it may itself hold replacement fields).
     */
    record FormattedValue(Pos pos, Expr value, int conversion, Expr formatSpec) implements Expr {}

    /** An f-string: {@link Constant} str parts and {@link FormattedValue}s. */
    record JoinedStr(Pos pos, List<Expr> values) implements Expr {}

    /**
     * A literal. value is one of: Long, java.math.BigInteger (only when it does not fit a long),
     * Double, String, Boolean, byte[] (bytes literal), {@link #NONE}, {@link #ELLIPSIS},
     * or {@link Imaginary} (a literal like {@code 2j}).
     */
    record Constant(Pos pos, Object value) implements Expr {
        public static final Object NONE = new Object() {
            @Override public String toString() { return "None"; }
        };
        public static final Object ELLIPSIS = new Object() {
            @Override public String toString() { return "Ellipsis"; }
        };
    }

    /** The value of an imaginary literal such as {@code 1.5j}. */
    record Imaginary(double imag) {}

    record Attribute(Pos pos, Expr value, String attr) implements Expr {}

    /** {@code value[slice]}; slice is a {@link Slice}, a {@link Tuple} (possibly holding Slices) or any expression. */
    record Subscript(Pos pos, Expr value, Expr slice) implements Expr {}

    record Starred(Pos pos, Expr value) implements Expr {}

    record Name(Pos pos, String id) implements Expr {}

    record ListExpr(Pos pos, List<Expr> elts) implements Expr {}

    record Tuple(Pos pos, List<Expr> elts) implements Expr {}

    /** {@code lower:upper:step}, each part null when absent. Only inside a Subscript. */
    record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}

    // ----------------------------------------------------------------- helpers

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs) {}

    /** {@code except type as name: body}; type and name may be null. */
    record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) {}

    /**
     * Parameters of a def or lambda. defaults belong to the last positional parameters
     * (posonly then args); kwDefaults is parallel to kwonly with null where there is none.
     */
    record Arguments(List<Arg> posonly, List<Arg> args, Arg vararg, List<Arg> kwonly,
                     List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults) {
        public static final Arguments EMPTY =
                new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
    }

    /** A parameter; annotation may be null. */
    record Arg(Pos pos, String name, Expr annotation) {}

    /** {@code name=value} in a call or class header; name null means {@code **value}. */
    record Keyword(Pos pos, String arg, Expr value) {}

    /** {@code import a.b as c}: asname null when absent; name "*" for {@code from m import *}. */
    record Alias(Pos pos, String name, String asname) {}

    record WithItem(Expr contextExpr, Expr optionalVars) {}

    enum Operator {
        ADD("+"), SUB("-"), MULT("*"), MATMULT("@"), DIV("/"), MOD("%"), POW("**"),
        LSHIFT("<<"), RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), FLOORDIV("//");

        public final String symbol;

        Operator(String symbol) { this.symbol = symbol; }
    }

    enum UnaryOperator { INVERT, NOT, UADD, USUB }

    enum CmpOp {
        EQ("=="), NOT_EQ("!="), LT("<"), LT_E("<="), GT(">"), GT_E(">="),
        IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

        public final String symbol;

        CmpOp(String symbol) { this.symbol = symbol; }
    }
}
