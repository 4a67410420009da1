package dev.gild.parser;


import static dev.gild.parser.TokenKind.*;

import dev.gild.ast.Node;
import dev.gild.ast.Node.Arg;
import dev.gild.ast.Node.Arguments;
import dev.gild.ast.Node.CmpOp;
import dev.gild.ast.Node.Comprehension;
import dev.gild.ast.Node.ExceptHandler;
import dev.gild.ast.Node.Expr;
import dev.gild.ast.Node.Keyword;
import dev.gild.ast.Node.Operator;
import dev.gild.ast.Node.Pos;
import dev.gild.ast.Node.Stmt;
import dev.gild.ast.Node.UnaryOperator;
import dev.gild.util.DeepStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for the Gild subset of Python 3.11, producing the
 * {@link Node} AST with CPython's positions.
 *
 * <p>Approach. The {@link Lexer} tokenizes the whole input first (a lexical error becomes a final
 * ERROR token). The parser then walks the token list with one method per grammar level, using
 * CPython's PEG grammar as the reference but deciding each alternative by looking at the next
 * one or two tokens instead of backtracking. Where the grammar needs an unbounded lookahead
 * (assignment targets, {@code for} targets, the parenthesised {@code with} form) the parser reads
 * the general expression form and then checks or reinterprets it, as CPython's own error rules
 * do, which also yields CPython's messages ("cannot assign to function call", ...). Binary
 * operators use precedence climbing, so an expression costs a fixed, small number of Java frames
 * per nesting level.
 *
 * <p>Errors. Every error is a {@link SyntaxErrorException} with CPython 3.11's message and
 * location for the common cases. As CPython does, a lexical error anywhere later in the file
 * takes precedence over a syntax error, and an unclosed bracket is reported instead of an error
 * on a later line. Nesting is bounded ({@link #MAX_NESTING}, the lexer's bracket and indentation
 * limits) so that parsing never overflows the Java stack, even with a small thread stack.
 */
public final class Parser {
    /**
     * Bound on nested constructs (brackets, unary operators, lambdas, conditional expressions,
     * powers), so that recursion depth, and with it the stack needed, stays bounded.
     */
    static final int MAX_NESTING = 1000;

    private final Lexer lexer;
    private final List<Token> tokens;
    private final int lastIndex;
    private int index;
    private int nesting;
    /** End of the last consumed token that is not NEWLINE, INDENT, DEDENT or END. */
    private int lastEndLine = 1;
    private int lastEndCol;
    /** Expressions written inside their own parentheses; only error messages depend on it. */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The token at which the most recent error was raised (for {@link #isIncomplete}). */
    private Token errorToken;

    private Parser(Lexer lexer, int nesting) {
        this.lexer = lexer;
        this.tokens = lexer.tokens();
        this.lastIndex = tokens.size() - 1;
        this.nesting = nesting;
    }

    // ================================================================== public API

    /** Parses a whole file. */
    public static Node.Module parseModule(String source, String filename) {
        Parser parser = new Parser(new Lexer(source, filename, true), 0);
        return new Node.Module(Pos.NONE, parser.withEnoughStack(parser::fileBody));
    }

    /** Parses REPL input: one or more statements. */
    public static Node.Interactive parseInteractive(String source, String filename) {
        Parser parser = new Parser(new Lexer(source, filename, true), 0);
        return new Node.Interactive(Pos.NONE, parser.withEnoughStack(parser::fileBody));
    }

    /** Parses the argument of eval(): one expression (or a bare tuple), blank lines around it allowed. */
    public static Node.Expr parseExpression(String source, String filename) {
        Parser parser = new Parser(new Lexer(source, filename, false), 0);
        return parser.withEnoughStack(parser::evalInput);
    }

    /**
     * Input that any thread stack, even a 512 KB one, can parse directly: at most this much
     * bracket and block nesting, and few enough tokens that other recursion (lambdas, powers,
     * conditional expressions) cannot go deep either.
     */
    private static final int SHALLOW_NESTING = 32;
    private static final int SHALLOW_TOKENS = 1000;
    /** Stack for parsing deeper input: ample for the lexer's limits of 200 brackets and 100 blocks. */
    private static final long DEEP_STACK_BYTES = 64L << 20;

    /**
     * Runs the parse on the calling thread when the input is shallow (nearly always), otherwise on
     * a helper thread with a large stack: recursive descent spends a dozen Java frames per
     * bracket level, and the caller's stack size is unknown.
     */
    private <T> T withEnoughStack(java.util.function.Supplier<T> parse) {
        if (lexer.maxNesting() <= SHALLOW_NESTING && tokens.size() <= SHALLOW_TOKENS) {
            return parse.get();
        }
        return DeepStack.call("gild-parser", DEEP_STACK_BYTES, parse);
    }

    /**
     * True when REPL input is unfinished and more lines should be read, as CPython's codeop
     * decides: an open bracket or triple-quoted string, a trailing backslash, input that fails
     * only because it ends too early, or a compound statement not yet ended by an empty line.
     */
    public static boolean isIncomplete(String source) {
        boolean onlyBlankOrComments = true;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && trimmed.charAt(0) != '#') {
                onlyBlankOrComments = false;
                break;
            }
        }
        if (onlyBlankOrComments) {
            return false;
        }
        Lexer lexer = new Lexer(source, "<input>", true);
        List<Token> tokens = lexer.tokens();
        Token last = tokens.get(tokens.size() - 1);
        if (last.kind() == ERROR) {
            String message = ((SyntaxErrorException) last.value()).getMessage();
            if (message.startsWith("unterminated triple-quoted string")
                    || message.equals("unexpected EOF while parsing")) {
                return true;
            }
        }
        Parser parser = new Parser(lexer, 0);
        List<Stmt> body;
        try {
            body = parser.withEnoughStack(parser::fileBody);
        } catch (SyntaxErrorException e) {
            // Input that fails only because it stops too early asks for more lines.
            return parser.errorToken != null && parser.errorToken.kind() == END;
        }
        if (body.isEmpty()) {
            return false;
        }
        Stmt lastStmt = body.get(body.size() - 1);
        boolean compound = lastStmt instanceof Node.If || lastStmt instanceof Node.While
                || lastStmt instanceof Node.For || lastStmt instanceof Node.With
                || lastStmt instanceof Node.Try || lastStmt instanceof Node.FunctionDef
                || lastStmt instanceof Node.ClassDef;
        // The REPL joins lines with '\n': a compound statement is complete once an empty line
        // has been entered, that is when the text ends with a line break.
        String trailing = source.substring(source.stripTrailing().length());
        boolean endsWithLineBreak = trailing.indexOf('\n') >= 0 || trailing.indexOf('\r') >= 0;
        return compound && !endsWithLineBreak;
    }

    // ================================================================== tokens

    private Token peek() {
        Token t = tokens.get(index);
        if (t.kind() == ERROR) {
            errorToken = t;
            throw (SyntaxErrorException) t.value();
        }
        return t;
    }

    private Token peek(int ahead) {
        Token t = tokens.get(Math.min(index + ahead, lastIndex));
        if (t.kind() == ERROR) {
            errorToken = t;
            throw (SyntaxErrorException) t.value();
        }
        return t;
    }

    private boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    private Token next() {
        Token t = peek();
        if (index < lastIndex) {
            index++;
        }
        TokenKind k = t.kind();
        if (k != NEWLINE && k != INDENT && k != DEDENT && k != END) {
            lastEndLine = t.endLine();
            lastEndCol = t.endCol();
        }
        return t;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind) {
        if (!at(kind)) {
            throw invalidSyntax();
        }
        return next();
    }

    private void expectColon() {
        if (!at(COLON)) {
            throw errorAtToken("expected ':'", peek());
        }
        next();
    }

    private Pos from(Token start) {
        return new Pos(start.line(), start.col(), lastEndLine, lastEndCol);
    }

    private Pos from(Pos start) {
        return new Pos(start.line(), start.col(), lastEndLine, lastEndCol);
    }

    private void enterNesting() {
        if (++nesting > MAX_NESTING) {
            throw errorAtToken("too many nested parentheses", peek());
        }
    }

    private void exitNesting() {
        nesting--;
    }

    // ================================================================== errors

    /** An error located at a token (offset = its column + 1, end = its end column + 1). */
    SyntaxErrorException errorAtToken(String message, Token t) {
        return raise("SyntaxError", message, t, t.line(), t.col() + 1, t.endLine(), t.endCol() + 1);
    }

    /** An error located at a node's span. */
    private SyntaxErrorException errorAtNode(String message, Node.Pos pos) {
        return raise("SyntaxError", message, peek(), pos.line(), pos.col() + 1, pos.endLine(), pos.endCol() + 1);
    }

    private SyntaxErrorException errorAtRange(String message, Pos start, Pos end) {
        return raise("SyntaxError", message, peek(), start.line(), start.col() + 1, end.endLine(), end.endCol() + 1);
    }

    /**
     * Builds the exception to throw for a parser error, but lets CPython's precedence rules
     * replace it: a lexical error later in the input wins, and so does an unclosed bracket when
     * the error is at the end of input or on a later line than the bracket.
     */
    private SyntaxErrorException raise(String kind, String message, Token at, int line, int offset,
                                       int endLine, int endOffset) {
        errorToken = at;
        Token last = tokens.get(lastIndex);
        if (last.kind() == ERROR) {
            errorToken = last;
            return (SyntaxErrorException) last.value();
        }
        List<Token> open = lexer.unclosedBrackets();
        if (!open.isEmpty()) {
            Token bracket = open.get(open.size() - 1);
            if (at.kind() == END || line > bracket.line()) {
                return lexer.error("SyntaxError", "'" + bracket.kind().symbol + "' was never closed",
                        bracket.line(), bracket.col() + 1, bracket.line(), bracket.col() + 2);
            }
        }
        return lexer.error(kind, message, line, offset, endLine, endOffset);
    }

    /** The generic error at the current token. */
    private SyntaxErrorException invalidSyntax() {
        Token t = peek();
        // CPython raises these without scanning the rest of the input for lexical errors.
        if (t.kind() == INDENT) {
            errorToken = t;
            return lexer.error("IndentationError", "unexpected indent", t.line(), t.endCol(), t.line(), t.endCol());
        }
        if (t.kind() == DEDENT) {
            errorToken = t;
            return lexer.error("IndentationError", "unexpected unindent", t.line(), t.col() + 1, t.line(), t.col() + 1);
        }
        return errorAtToken("invalid syntax", t);
    }

    /**
     * The error for an element inside brackets followed by something that is neither a comma
     * nor the closing bracket: CPython suggests a missing comma when another expression follows.
     */
    private SyntaxErrorException missingCommaOr(Expr element) {
        Token t = peek();
        if (startsExpression(t.kind()) && !(element instanceof Node.Name && t.kind() == STRING)) {
            int saved = index;
            Expr following = null;
            try {
                following = expression();
            } catch (SyntaxErrorException notAnExpression) {
                // Not followed by an expression after all: the generic error below applies.
            }
            index = saved;
            if (following != null) {
                return errorAtRange("invalid syntax. Perhaps you forgot a comma?", element.pos(), following.pos());
            }
        }
        return invalidSyntax();
    }

    private static boolean startsExpression(TokenKind k) {
        return switch (k) {
            case NAME, NUMBER, STRING, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, NOT, LAMBDA,
                 TRUE, FALSE, NONE, ELLIPSIS, AWAIT -> true;
            default -> false;
        };
    }

    /** CPython's {@code _PyPegen_get_expr_name}: how messages name an expression. */
    static String describe(Expr e) {
        return switch (e) {
            case Node.Attribute a -> "attribute";
            case Node.Subscript s -> "subscript";
            case Node.Starred s -> "starred";
            case Node.Name n -> "name";
            case Node.ListExpr l -> "list";
            case Node.Tuple t -> "tuple";
            case Node.Lambda l -> "lambda";
            case Node.Call c -> "function call";
            case Node.BoolOp b -> "expression";
            case Node.BinOp b -> "expression";
            case Node.UnaryOp u -> "expression";
            case Node.GeneratorExp g -> "generator expression";
            case Node.Yield y -> "yield expression";
            case Node.YieldFrom y -> "yield expression";
            case Node.ListComp l -> "list comprehension";
            case Node.SetComp s -> "set comprehension";
            case Node.DictComp d -> "dict comprehension";
            case Node.Dict d -> "dict literal";
            case Node.Set s -> "set display";
            case Node.JoinedStr j -> "f-string expression";
            case Node.FormattedValue f -> "f-string expression";
            case Node.Constant c -> c.value() == Node.Constant.NONE ? "None"
                    : Boolean.TRUE.equals(c.value()) ? "True"
                    : Boolean.FALSE.equals(c.value()) ? "False"
                    : c.value() == Node.Constant.ELLIPSIS ? "ellipsis" : "literal";
            case Node.Compare c -> "comparison";
            case Node.IfExp i -> "conditional expression";
            case Node.NamedExpr n -> "named expression";
            case Node.Slice s -> "slice";
        };
    }

    private enum TargetKind { STAR, FOR, DEL }

    /** CPython's {@code _PyPegen_get_invalid_target}: the first part of e that cannot be a target. */
    private static Expr invalidTarget(Expr e, TargetKind kind) {
        switch (e) {
            case Node.ListExpr l -> {
                return firstInvalid(l.elts(), kind);
            }
            case Node.Tuple t -> {
                return firstInvalid(t.elts(), kind);
            }
            case Node.Starred s -> {
                return kind == TargetKind.DEL ? e : invalidTarget(s.value(), kind);
            }
            case Node.Compare c -> {
                if (kind == TargetKind.FOR) {
                    return c.ops().get(0) == CmpOp.IN ? invalidTarget(c.left(), kind) : null;
                }
                return e;
            }
            case Node.Name n -> {
                return null;
            }
            case Node.Subscript s -> {
                return null;
            }
            case Node.Attribute a -> {
                return null;
            }
            default -> {
                return e;
            }
        }
    }

    private static Expr firstInvalid(List<Expr> elts, TargetKind kind) {
        for (Expr elt : elts) {
            Expr bad = invalidTarget(elt, kind);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private void checkTarget(Expr target, TargetKind kind) {
        Expr bad = invalidTarget(target, kind);
        if (bad != null) {
            String verb = kind == TargetKind.DEL ? "cannot delete " : "cannot assign to ";
            throw errorAtNode(verb + describe(bad), bad.pos());
        }
    }

    /** Whether e could have been parsed by CPython's {@code bitwise_or} rule. */
    private boolean isBitwiseOrLevel(Expr e) {
        if (parenthesized.contains(e)) {
            return true;
        }
        return !(e instanceof Node.BoolOp || e instanceof Node.Compare || e instanceof Node.IfExp
                || e instanceof Node.Lambda || e instanceof Node.NamedExpr || e instanceof Node.Starred
                || e instanceof Node.Yield || e instanceof Node.YieldFrom || e instanceof Node.Tuple
                || (e instanceof Node.UnaryOp u && u.op() == UnaryOperator.NOT));
    }

    private boolean isDisplayOrSingleton(Expr e) {
        return e instanceof Node.ListExpr || e instanceof Node.Tuple || e instanceof Node.GeneratorExp
                || (e instanceof Node.Constant c && (c.value() == Node.Constant.NONE || c.value() instanceof Boolean));
    }

    // ================================================================== statements

    private List<Stmt> fileBody() {
        List<Stmt> body = new ArrayList<>();
        while (!at(END)) {
            if (accept(NEWLINE)) {
                continue;
            }
            statement(body);
        }
        return body;
    }

    private Expr evalInput() {
        Token start = peek();
        Expr first = expression();
        Expr result = first;
        if (at(COMMA)) {
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (accept(COMMA)) {
                if (!startsExpression(peek().kind())) {
                    break;
                }
                elts.add(expression());
            }
            result = new Node.Tuple(from(start), elts);
        }
        accept(NEWLINE);
        if (!at(END)) {
            throw invalidSyntax();
        }
        return result;
    }

    private void statement(List<Stmt> out) {
        switch (peek().kind()) {
            case DEF -> out.add(functionDef(peek(), List.of()));
            case CLASS -> out.add(classDef(peek(), List.of()));
            case AT -> out.add(decorated());
            case IF -> out.add(ifStatement());
            case WHILE -> out.add(whileStatement());
            case FOR -> out.add(forStatement());
            case TRY -> out.add(tryStatement());
            case WITH -> out.add(withStatement());
            case INDENT -> throw invalidSyntax();
            default -> simpleStatements(out);
        }
    }

    private void simpleStatements(List<Stmt> out) {
        out.add(simpleStatement());
        while (accept(SEMI)) {
            if (at(NEWLINE)) {
                break;
            }
            out.add(simpleStatement());
        }
        if (!at(NEWLINE)) {
            throw invalidSyntax();
        }
        next();
    }

    /**
     * The indented block (or same-line simple statements) after a compound statement's colon.
     * {@code what} names the statement in "expected an indented block after ...".
     */
    private List<Stmt> block(String what, Token header) {
        List<Stmt> body = new ArrayList<>();
        if (!accept(NEWLINE)) {
            if (!startsSimpleStatement(peek().kind())) {
                throw invalidSyntax();
            }
            simpleStatements(body);
            return body;
        }
        if (!at(INDENT)) {
            Token t = peek();
            throw raise("IndentationError", "expected an indented block after " + what + " on line "
                    + header.line(), t, t.line(), t.col() + 1, t.endLine(), t.endCol() + 1);
        }
        next();
        do {
            statement(body);
        } while (!at(DEDENT) && !at(END));
        accept(DEDENT);
        return body;
    }

    private static boolean startsSimpleStatement(TokenKind k) {
        return switch (k) {
            case DEF, CLASS, AT, IF, WHILE, FOR, TRY, WITH, ELSE, ELIF, EXCEPT, FINALLY,
                 NEWLINE, INDENT, DEDENT, END -> false;
            default -> true;
        };
    }

    private Stmt simpleStatement() {
        Token start = peek();
        switch (start.kind()) {
            case PASS -> {
                next();
                return new Node.Pass(from(start));
            }
            case BREAK -> {
                next();
                return new Node.Break(from(start));
            }
            case CONTINUE -> {
                next();
                return new Node.Continue(from(start));
            }
            case RETURN -> {
                next();
                Expr value = endsSimpleStatement(peek().kind()) ? null : starExpressions();
                return new Node.Return(from(start), value);
            }
            case RAISE -> {
                next();
                Expr exc = null;
                Expr cause = null;
                if (!endsSimpleStatement(peek().kind())) {
                    exc = expression();
                    if (accept(FROM)) {
                        cause = expression();
                    }
                }
                return new Node.Raise(from(start), exc, cause);
            }
            case GLOBAL, NONLOCAL -> {
                next();
                List<String> names = new ArrayList<>();
                do {
                    names.add(expect(NAME).text());
                } while (accept(COMMA));
                return start.kind() == GLOBAL ? new Node.Global(from(start), names)
                        : new Node.Nonlocal(from(start), names);
            }
            case DEL -> {
                return deleteStatement();
            }
            case ASSERT -> {
                next();
                Expr test = expression();
                Expr msg = accept(COMMA) ? expression() : null;
                return new Node.Assert(from(start), test, msg);
            }
            case IMPORT -> {
                return importStatement();
            }
            case FROM -> {
                return fromImportStatement();
            }
            default -> {
                return expressionStatement();
            }
        }
    }

    private static boolean endsSimpleStatement(TokenKind k) {
        return k == NEWLINE || k == SEMI || k == END;
    }

    private Stmt deleteStatement() {
        Token start = next();
        List<Expr> targets = new ArrayList<>();
        do {
            if (endsSimpleStatement(peek().kind()) && !targets.isEmpty()) {
                break;
            }
            Expr target = starExpression();
            checkTarget(target, TargetKind.DEL);
            targets.add(target);
        } while (accept(COMMA));
        return new Node.Delete(from(start), targets);
    }

    private Stmt importStatement() {
        Token start = next();
        List<Node.Alias> names = new ArrayList<>();
        do {
            Token nameStart = peek();
            String name = dottedName();
            String asName = accept(AS) ? expect(NAME).text() : null;
            names.add(new Node.Alias(from(nameStart), name, asName));
        } while (accept(COMMA));
        return new Node.Import(from(start), names);
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(expect(NAME).text());
        while (accept(DOT)) {
            name.append('.').append(expect(NAME).text());
        }
        return name.toString();
    }

    private Stmt fromImportStatement() {
        Token start = next();
        int level = 0;
        while (at(DOT) || at(ELLIPSIS)) {
            level += next().kind() == DOT ? 1 : 3;
        }
        String module = null;
        if (level == 0 || at(NAME)) {
            module = dottedName();
        }
        if (!at(IMPORT)) {
            throw invalidSyntax();
        }
        next();
        List<Node.Alias> names = new ArrayList<>();
        if (at(STAR)) {
            Token star = next();
            names.add(new Node.Alias(from(star), "*", null));
        } else {
            boolean parens = accept(LPAR);
            do {
                if (parens && at(RPAR) && !names.isEmpty()) {
                    break;
                }
                Token nameStart = peek();
                String name = expect(NAME).text();
                String asName = accept(AS) ? expect(NAME).text() : null;
                names.add(new Node.Alias(from(nameStart), name, asName));
                if (!parens && at(COMMA) && endsSimpleStatement(peek(1).kind())) {
                    throw errorAtToken("trailing comma not allowed without surrounding parentheses", peek(1));
                }
            } while (accept(COMMA));
            if (parens) {
                expect(RPAR);
            }
        }
        return new Node.ImportFrom(from(start), module, names, level);
    }

    private static Operator augmentedOperator(TokenKind k) {
        return switch (k) {
            case PLUSEQUAL -> Operator.ADD;
            case MINEQUAL -> Operator.SUB;
            case STAREQUAL -> Operator.MULT;
            case ATEQUAL -> Operator.MATMULT;
            case SLASHEQUAL -> Operator.DIV;
            case PERCENTEQUAL -> Operator.MOD;
            case DOUBLESTAREQUAL -> Operator.POW;
            case LEFTSHIFTEQUAL -> Operator.LSHIFT;
            case RIGHTSHIFTEQUAL -> Operator.RSHIFT;
            case VBAREQUAL -> Operator.BITOR;
            case CIRCUMFLEXEQUAL -> Operator.BITXOR;
            case AMPEREQUAL -> Operator.BITAND;
            case DOUBLESLASHEQUAL -> Operator.FLOORDIV;
            default -> null;
        };
    }

    /** Expression statements and every kind of assignment. */
    private Stmt expressionStatement() {
        Token start = peek();
        Expr first = at(YIELD) ? yieldExpression() : starExpressions();
        TokenKind k = peek().kind();
        if (k == COLON) {
            return annotatedAssignment(start, first);
        }
        if (k == COLONEQUAL && !(first instanceof Node.Name && !parenthesized.contains(first))) {
            throw errorAtNode("cannot use assignment expressions with " + describe(first), first.pos());
        }
        Operator op = augmentedOperator(k);
        if (op != null) {
            if (!(first instanceof Node.Name || first instanceof Node.Attribute || first instanceof Node.Subscript)) {
                throw errorAtNode("'" + describe(first) + "' is an illegal expression for augmented assignment",
                        first.pos());
            }
            next();
            Expr value = at(YIELD) ? yieldExpression() : starExpressions();
            return new Node.AugAssign(from(start), first, op, value);
        }
        if (k == EQUAL) {
            List<Expr> targets = new ArrayList<>();
            targets.add(first);
            while (accept(EQUAL)) {
                targets.add(at(YIELD) ? yieldExpression() : starExpressions());
            }
            Expr value = targets.remove(targets.size() - 1);
            for (int i = 0; i < targets.size(); i++) {
                checkAssignmentTarget(targets.get(i), i == 0 && targets.size() == 1 ? value : null);
            }
            return new Node.Assign(from(start), targets, value);
        }
        if (!endsSimpleStatement(k)) {
            if (first instanceof Node.Name name && (name.id().equals("print") || name.id().equals("exec"))
                    && startsExpression(k)) {
                int saved = index;
                try {
                    Expr argument = expression();
                    throw errorAtRange("Missing parentheses in call to '" + name.id() + "'. Did you mean "
                            + name.id() + "(...)?", first.pos(), argument.pos());
                } catch (SyntaxErrorException notAnArgument) {
                    if (notAnArgument.getMessage().startsWith("Missing parentheses")) {
                        throw notAnArgument;
                    }
                    index = saved;
                }
            }
            if (k == IF && !parenthesized.contains(first)) {
                throw errorAtNode("expected 'else' after 'if' expression", first.pos());
            }
        }
        return new Node.ExprStmt(from(start), first);
    }

    /**
     * Checks one target of {@code a = b = value}. {@code onlyValue} is the value when this is the
     * single target of a single '=', where CPython adds "Maybe you meant '==' instead of '='?".
     */
    private void checkAssignmentTarget(Expr target, Expr onlyValue) {
        if (target instanceof Node.Yield || target instanceof Node.YieldFrom) {
            throw errorAtNode("assignment to yield expression not possible", target.pos());
        }
        Expr bad = invalidTarget(target, TargetKind.STAR);
        if (bad == null) {
            return;
        }
        if (onlyValue != null && !isDisplayOrSingleton(target) && isBitwiseOrLevel(target)) {
            Expr valueStart = onlyValue instanceof Node.Tuple t && !parenthesized.contains(t) && !t.elts().isEmpty()
                    ? t.elts().get(0) : onlyValue;
            if (isBitwiseOrLevel(valueStart)) {
                throw errorAtNode("cannot assign to " + describe(target)
                        + " here. Maybe you meant '==' instead of '='?", target.pos());
            }
        }
        throw errorAtNode("cannot assign to " + describe(bad), bad.pos());
    }

    private Stmt annotatedAssignment(Token start, Expr target) {
        if (target instanceof Node.Tuple || target instanceof Node.ListExpr) {
            throw errorAtNode("only single target (not " + describe(target) + ") can be annotated", target.pos());
        }
        if (!(target instanceof Node.Name || target instanceof Node.Attribute || target instanceof Node.Subscript)) {
            throw errorAtNode("illegal target for annotation", target.pos());
        }
        next();
        Expr annotation = expression();
        Expr value = null;
        if (accept(EQUAL)) {
            value = at(YIELD) ? yieldExpression() : starExpressions();
        }
        boolean simple = target instanceof Node.Name && start.kind() == NAME;
        return new Node.AnnAssign(from(start), target, annotation, value, simple);
    }

    // ------------------------------------------------------------------ compound statements

    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (accept(AT)) {
            decorators.add(namedExpression());
            if (!at(NEWLINE)) {
                throw invalidSyntax();
            }
            next();
        }
        Token t = peek();
        if (t.kind() == DEF) {
            return functionDef(t, decorators);
        }
        if (t.kind() == CLASS) {
            return classDef(t, decorators);
        }
        throw invalidSyntax();
    }

    private Stmt functionDef(Token start, List<Expr> decorators) {
        next();
        String name = expect(NAME).text();
        if (!at(LPAR)) {
            throw errorAtToken("expected '('", peek());
        }
        next();
        Arguments args = parameters(RPAR, true);
        expect(RPAR);
        Expr returns = null;
        if (accept(ARROW)) {
            returns = expression();
        }
        expectColon();
        List<Stmt> body = block("function definition", start);
        return new Node.FunctionDef(from(start), name, args, body, decorators, returns);
    }

    private Stmt classDef(Token start, List<Expr> decorators) {
        next();
        String name = expect(NAME).text();
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (at(LPAR)) {
            Token open = next();
            Node.Call call = callArguments(new Node.Name(from(open), name), open, false);
            bases = call.args();
            keywords = call.keywords();
        }
        expectColon();
        List<Stmt> body = block("class definition", start);
        return new Node.ClassDef(from(start), name, bases, keywords, body, decorators);
    }

    private Stmt ifStatement() {
        Token start = next();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block(start.kind() == IF ? "'if' statement" : "'elif' statement", start);
        List<Stmt> orelse = List.of();
        if (at(ELIF)) {
            orelse = List.of(ifStatement());
        } else if (at(ELSE)) {
            orelse = elseBlock();
        }
        return new Node.If(from(start), test, body, orelse);
    }

    private List<Stmt> elseBlock() {
        Token elseToken = next();
        expectColon();
        return block("'else' statement", elseToken);
    }

    private Stmt whileStatement() {
        Token start = next();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'while' statement", start);
        List<Stmt> orelse = at(ELSE) ? elseBlock() : List.of();
        return new Node.While(from(start), test, body, orelse);
    }

    private Stmt forStatement() {
        Token start = next();
        Expr target = targetList();
        if (!at(IN)) {
            throw invalidSyntax();
        }
        next();
        Expr iter = starExpressions();
        expectColon();
        List<Stmt> body = block("'for' statement", start);
        List<Stmt> orelse = at(ELSE) ? elseBlock() : List.of();
        return new Node.For(from(start), target, iter, body, orelse);
    }

    /** A for-loop or comprehension target: starred or bitwise-or expressions separated by commas. */
    private Expr targetList() {
        Token start = peek();
        Expr first = targetElement();
        Expr result = first;
        if (at(COMMA)) {
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (accept(COMMA)) {
                if (at(IN) || !(startsExpression(peek().kind()) || at(STAR))) {
                    break;
                }
                elts.add(targetElement());
            }
            result = new Node.Tuple(from(start), elts);
        }
        checkTarget(result, TargetKind.FOR);
        return result;
    }

    private Expr targetElement() {
        if (at(STAR)) {
            Token star = next();
            Expr value = bitwiseOr(peek());
            return new Node.Starred(from(star), value);
        }
        return bitwiseOr(peek());
    }

    private Stmt tryStatement() {
        Token start = next();
        expectColon();
        List<Stmt> body = block("'try' statement", start);
        List<ExceptHandler> handlers = new ArrayList<>();
        while (at(EXCEPT)) {
            Token exceptToken = next();
            Expr type = null;
            String name = null;
            if (!at(COLON)) {
                type = expression();
                if (at(COMMA)) {
                    List<Expr> types = new ArrayList<>();
                    types.add(type);
                    while (accept(COMMA)) {
                        if (at(COLON) || at(AS)) {
                            break;
                        }
                        types.add(expression());
                    }
                    throw errorAtRange("multiple exception types must be parenthesized", type.pos(),
                            types.get(types.size() - 1).pos());
                }
                if (accept(AS)) {
                    name = expect(NAME).text();
                }
            }
            expectColon();
            List<Stmt> handlerBody = block("'except' statement", exceptToken);
            handlers.add(new ExceptHandler(from(exceptToken), type, name, handlerBody));
        }
        List<Stmt> orelse = List.of();
        if (at(ELSE)) {
            if (handlers.isEmpty()) {
                throw errorAtToken("expected 'except' or 'finally' block", peek());
            }
            orelse = elseBlock();
        }
        List<Stmt> finalBody = List.of();
        if (at(FINALLY)) {
            Token finallyToken = next();
            expectColon();
            finalBody = block("'finally' statement", finallyToken);
        } else if (handlers.isEmpty()) {
            throw errorAtToken("expected 'except' or 'finally' block", peek());
        }
        return new Node.Try(from(start), body, handlers, orelse, finalBody);
    }

    private Stmt withStatement() {
        Token start = next();
        List<Node.WithItem> items = new ArrayList<>();
        if (at(LPAR) && parenthesizedWithItems()) {
            next();
            do {
                if (at(RPAR) && !items.isEmpty()) {
                    break;
                }
                items.add(withItem());
            } while (accept(COMMA));
            expect(RPAR);
        } else {
            do {
                items.add(withItem());
            } while (accept(COMMA));
        }
        expectColon();
        List<Stmt> body = block("'with' statement", start);
        return new Node.With(from(start), items, body);
    }

    /**
     * Whether a '(' after 'with' opens the 3.10 parenthesised item list rather than an
     * expression: the matching ')' must be followed by ':'.
     */
    private boolean parenthesizedWithItems() {
        if (peek(1).kind() == YIELD) {
            return false;
        }
        int depth = 0;
        for (int i = index; i <= lastIndex; i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == LPAR || k == LSQB || k == LBRACE) {
                depth++;
            } else if (k == RPAR || k == RSQB || k == RBRACE) {
                depth--;
                if (depth == 0) {
                    return i + 1 <= lastIndex && tokens.get(i + 1).kind() == COLON;
                }
            } else if (k == END || k == ERROR) {
                return true;
            }
        }
        return true;
    }

    private Node.WithItem withItem() {
        Expr context = expression();
        Expr vars = null;
        if (accept(AS)) {
            vars = targetElement();
            checkTarget(vars, TargetKind.STAR);
            TokenKind k = peek().kind();
            if (k != COMMA && k != RPAR && k != COLON) {
                throw invalidSyntax();
            }
        }
        return new Node.WithItem(context, vars);
    }

    // ------------------------------------------------------------------ parameters

    /** Parameters of a def (annotations allowed) or lambda, up to but not including {@code closing}. */
    private Arguments parameters(TokenKind closing, boolean annotations) {
        List<Arg> posonly = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Arg vararg = null;
        List<Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arg kwarg = null;
        boolean seenSlash = false;
        boolean seenStar = false;
        Token bareStar = null;
        while (!at(closing)) {
            Token t = peek();
            if (t.kind() == SLASH) {
                if (seenStar) {
                    throw errorAtToken("/ must be ahead of *", t);
                }
                if (seenSlash) {
                    throw errorAtToken("/ may appear only once", t);
                }
                if (args.isEmpty()) {
                    throw peek(1).kind() == COMMA ? errorAtToken("at least one argument must precede /", t)
                            : invalidSyntax();
                }
                next();
                seenSlash = true;
                posonly.addAll(args);
                args.clear();
            } else if (t.kind() == STAR) {
                if (seenStar) {
                    throw errorAtToken("* argument may appear only once", t);
                }
                next();
                seenStar = true;
                if (at(COMMA) || at(closing)) {
                    bareStar = t;
                    if (at(closing) || peek(1).kind() == closing || peek(1).kind() == DOUBLESTAR) {
                        throw errorAtToken("named arguments must follow bare *", t);
                    }
                } else {
                    vararg = parameter(annotations);
                    if (at(EQUAL)) {
                        throw errorAtToken("var-positional argument cannot have default value", peek());
                    }
                }
            } else if (t.kind() == DOUBLESTAR) {
                next();
                kwarg = parameter(annotations);
                if (at(EQUAL)) {
                    throw errorAtToken("var-keyword argument cannot have default value", peek());
                }
                if (accept(COMMA) && !at(closing)) {
                    throw errorAtToken("arguments cannot follow var-keyword argument", peek());
                }
                break;
            } else if (t.kind() == NAME) {
                Arg arg = parameter(annotations);
                Expr defaultValue = null;
                if (at(EQUAL)) {
                    Token equal = next();
                    if (at(COMMA) || at(closing)) {
                        throw errorAtToken("expected default value expression", equal);
                    }
                    defaultValue = expression();
                }
                if (seenStar) {
                    kwonly.add(arg);
                    kwDefaults.add(defaultValue);
                } else {
                    if (defaultValue != null) {
                        defaults.add(defaultValue);
                    } else if (!defaults.isEmpty()) {
                        throw errorAtNode("non-default argument follows default argument", arg.pos());
                    }
                    args.add(arg);
                }
            } else if (t.kind() == LPAR && peek(1).kind() == NAME) {
                throw errorAtToken("Function parameters cannot be parenthesized", t);
            } else {
                throw invalidSyntax();
            }
            if (!at(closing)) {
                if (!at(COMMA)) {
                    throw invalidSyntax();
                }
                next();
            }
        }
        if (bareStar != null && kwonly.isEmpty()) {
            throw errorAtToken("named arguments must follow bare *", bareStar);
        }
        return new Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private Arg parameter(boolean annotations) {
        Token name = expect(NAME);
        Expr annotation = null;
        if (annotations && accept(COLON)) {
            annotation = expression();
        }
        return new Arg(from(name), name.text(), annotation);
    }

    // ================================================================== expressions

    /** {@code star_expressions}: an expression, or a tuple of possibly starred ones. */
    private Expr starExpressions() {
        Token start = peek();
        Expr first = starExpression();
        if (!at(COMMA)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(COMMA)) {
            if (!startsExpression(peek().kind()) && !at(STAR)) {
                break;
            }
            elts.add(starExpression());
        }
        return new Node.Tuple(from(start), elts);
    }

    private Expr starExpression() {
        if (at(STAR)) {
            Token star = next();
            Expr value = bitwiseOr(peek());
            return new Node.Starred(from(star), value);
        }
        return expression();
    }

    private Expr starNamedExpression() {
        if (at(STAR)) {
            Token star = next();
            Expr value = bitwiseOr(peek());
            return new Node.Starred(from(star), value);
        }
        return namedExpression();
    }

    /** {@code named_expression}: {@code NAME := expression} or an expression (where walrus is allowed). */
    private Expr namedExpression() {
        Token start = peek();
        if (start.kind() == NAME && peek(1).kind() == COLONEQUAL) {
            next();
            Node.Name target = new Node.Name(from(start), start.text());
            next();
            Expr value = expression();
            return new Node.NamedExpr(from(start), target, value);
        }
        Expr e = expression();
        if (at(COLONEQUAL)) {
            throw errorAtNode("cannot use assignment expressions with " + describe(e), e.pos());
        }
        if (at(EQUAL) && peek(1).kind() != EQUAL) {
            misusedEquals(e);
        }
        return e;
    }

    /** CPython's {@code invalid_named_expression}: {@code if x = 1:} and the like. */
    private void misusedEquals(Expr target) {
        int saved = index;
        boolean isName = target instanceof Node.Name && !parenthesized.contains(target);
        if (!isName && (isDisplayOrSingleton(target) || !isBitwiseOrLevel(target))) {
            return;
        }
        next();
        Expr value;
        try {
            value = bitwiseOr(peek());
        } catch (SyntaxErrorException notAValue) {
            index = saved;
            return;
        }
        boolean followedByAssignment = at(EQUAL) || at(COLONEQUAL);
        index = saved;
        if (followedByAssignment) {
            return;
        }
        if (isName) {
            throw errorAtRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", target.pos(), value.pos());
        }
        throw errorAtNode("cannot assign to " + describe(target) + " here. Maybe you meant '==' instead of '='?",
                target.pos());
    }

    /** {@code expression}: lambda, or a disjunction with an optional {@code if ... else ...}. */
    private Expr expression() {
        if (at(LAMBDA)) {
            return lambda();
        }
        Token start = peek();
        Expr body = disjunction(start);
        if (!at(IF)) {
            return body;
        }
        next();
        Expr test = disjunction(peek());
        if (!accept(ELSE)) {
            throw errorAtRange("expected 'else' after 'if' expression", body.pos(), test.pos());
        }
        enterNesting();
        Expr orelse = expression();
        exitNesting();
        return new Node.IfExp(from(start), test, body, orelse);
    }

    private Expr lambda() {
        Token start = next();
        enterNesting();
        Arguments args = parameters(COLON, false);
        expectColon();
        Expr body = expression();
        exitNesting();
        return new Node.Lambda(from(start), args, body);
    }

    private Expr disjunction(Token start) {
        Expr first = conjunction(start);
        if (!at(OR)) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (accept(OR)) {
            values.add(conjunction(peek()));
        }
        return new Node.BoolOp(from(start), false, values);
    }

    private Expr conjunction(Token start) {
        Expr first = inversion(start);
        if (!at(AND)) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (accept(AND)) {
            values.add(inversion(peek()));
        }
        return new Node.BoolOp(from(start), true, values);
    }

    private Expr inversion(Token start) {
        if (!at(NOT)) {
            return comparison(start);
        }
        // Iterative, so a long chain of 'not' costs no stack.
        List<Token> nots = new ArrayList<>();
        while (at(NOT)) {
            enterNesting();
            nots.add(next());
        }
        Expr operand = comparison(peek());
        for (int i = nots.size() - 1; i >= 0; i--) {
            operand = new Node.UnaryOp(from(nots.get(i)), UnaryOperator.NOT, operand);
            exitNesting();
        }
        return operand;
    }

    private CmpOp comparisonOperator() {
        switch (peek().kind()) {
            case EQEQUAL: return CmpOp.EQ;
            case NOTEQUAL: return CmpOp.NOT_EQ;
            case LESS: return CmpOp.LT;
            case LESSEQUAL: return CmpOp.LT_E;
            case GREATER: return CmpOp.GT;
            case GREATEREQUAL: return CmpOp.GT_E;
            case IN: return CmpOp.IN;
            case IS: return peek(1).kind() == NOT ? CmpOp.IS_NOT : CmpOp.IS;
            case NOT: return peek(1).kind() == IN ? CmpOp.NOT_IN : null;
            default: return null;
        }
    }

    private Expr comparison(Token start) {
        Expr left = bitwiseOr(start);
        CmpOp op = comparisonOperator();
        if (op == null) {
            return left;
        }
        List<CmpOp> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (op != null) {
            next();
            if (op == CmpOp.IS_NOT || op == CmpOp.NOT_IN) {
                next();
            }
            ops.add(op);
            comparators.add(bitwiseOr(peek()));
            op = comparisonOperator();
        }
        return new Node.Compare(from(start), left, ops, comparators);
    }

    /** Binding power of a binary operator token (higher binds tighter), 0 if it is none. */
    private static int binaryPrecedence(TokenKind k) {
        return switch (k) {
            case VBAR -> 1;
            case CIRCUMFLEX -> 2;
            case AMPER -> 3;
            case LEFTSHIFT, RIGHTSHIFT -> 4;
            case PLUS, MINUS -> 5;
            case STAR, SLASH, DOUBLESLASH, PERCENT, AT -> 6;
            default -> 0;
        };
    }

    private static Operator binaryOperator(TokenKind k) {
        return switch (k) {
            case VBAR -> Operator.BITOR;
            case CIRCUMFLEX -> Operator.BITXOR;
            case AMPER -> Operator.BITAND;
            case LEFTSHIFT -> Operator.LSHIFT;
            case RIGHTSHIFT -> Operator.RSHIFT;
            case PLUS -> Operator.ADD;
            case MINUS -> Operator.SUB;
            case STAR -> Operator.MULT;
            case SLASH -> Operator.DIV;
            case DOUBLESLASH -> Operator.FLOORDIV;
            case PERCENT -> Operator.MOD;
            case AT -> Operator.MATMULT;
            default -> throw new IllegalStateException("not a binary operator: " + k);
        };
    }

    private Expr bitwiseOr(Token start) {
        return binary(start, 1);
    }

    /** Precedence climbing over | ^ & shifts + - and * / // % @, all left-associative. */
    private Expr binary(Token start, int minPrecedence) {
        Expr left = factor(start);
        while (true) {
            int precedence = binaryPrecedence(peek().kind());
            if (precedence == 0 || precedence < minPrecedence) {
                return left;
            }
            Operator op = binaryOperator(next().kind());
            Expr right = binary(peek(), precedence + 1);
            left = new Node.BinOp(from(start), left, op, right);
        }
    }

    /** Unary + - ~ (iterative over a chain of them), then a power. */
    private Expr factor(Token start) {
        TokenKind k = start.kind();
        if (k != PLUS && k != MINUS && k != TILDE) {
            return power(start);
        }
        List<Token> operators = new ArrayList<>();
        while (at(PLUS) || at(MINUS) || at(TILDE)) {
            enterNesting();
            operators.add(next());
        }
        Expr operand = power(peek());
        for (int i = operators.size() - 1; i >= 0; i--) {
            Token t = operators.get(i);
            UnaryOperator op = t.kind() == PLUS ? UnaryOperator.UADD
                    : t.kind() == MINUS ? UnaryOperator.USUB : UnaryOperator.INVERT;
            operand = new Node.UnaryOp(from(t), op, operand);
            exitNesting();
        }
        return operand;
    }

    /** {@code primary ['**' factor]}: right-associative, and binds tighter than a unary minus on its left. */
    private Expr power(Token start) {
        Expr base = primary(start);
        if (!at(DOUBLESTAR)) {
            return base;
        }
        next();
        enterNesting();
        Expr exponent = factor(peek());
        exitNesting();
        return new Node.BinOp(from(start), base, Operator.POW, exponent);
    }

    /** An atom followed by any number of calls, subscripts and attribute references. */
    private Expr primary(Token start) {
        if (at(AWAIT)) {
            throw errorAtToken("'await' is not supported", peek());
        }
        Expr e = atom();
        while (true) {
            switch (peek().kind()) {
                case DOT -> {
                    next();
                    Token name = expect(NAME);
                    e = new Node.Attribute(from(start), e, name.text());
                }
                case LPAR -> {
                    Token open = next();
                    enterNesting();
                    e = callArguments(e, open, true);
                    exitNesting();
                    e = new Node.Call(from(start), ((Node.Call) e).func(), ((Node.Call) e).args(),
                            ((Node.Call) e).keywords());
                }
                case LSQB -> {
                    next();
                    enterNesting();
                    Expr slice = slices();
                    exitNesting();
                    expect(RSQB);
                    e = new Node.Subscript(from(start), e, slice);
                }
                default -> {
                    return e;
                }
            }
        }
    }

    /**
     * Arguments of a call (or class bases) after '(' up to and including ')'. The result's
     * position is provisional; callers set it.
     */
    private Node.Call callArguments(Expr func, Token open, boolean allowBareGenerator) {
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        boolean seenKeyword = false;
        boolean seenDoubleStar = false;
        // CPython reports a misplaced positional argument at the end of the argument list.
        String misplacedPositional = null;
        while (!at(RPAR)) {
            Token start = peek();
            if (start.kind() == STAR) {
                next();
                Expr value = expression();
                if (seenDoubleStar) {
                    throw errorAtNode("iterable argument unpacking follows keyword argument unpacking",
                            new Pos(start.line(), start.col(), value.pos().endLine(), value.pos().endCol()));
                }
                args.add(new Node.Starred(from(start), value));
            } else if (start.kind() == DOUBLESTAR) {
                next();
                Expr value = expression();
                keywords.add(new Keyword(from(start), null, value));
                seenDoubleStar = true;
            } else if (start.kind() == NAME && peek(1).kind() == EQUAL) {
                next();
                next();
                Expr value = expression();
                keywords.add(new Keyword(from(start), start.text(), value));
                seenKeyword = true;
            } else {
                Expr e = namedExpressionArgument();
                if (at(FOR)) {
                    if (!allowBareGenerator) {
                        throw invalidSyntax();
                    }
                    List<Comprehension> generators = comprehensionClauses();
                    if (args.isEmpty() && keywords.isEmpty() && at(RPAR)) {
                        next();
                        Node.GeneratorExp gen = new Node.GeneratorExp(from(open), e, generators);
                        return new Node.Call(from(open), func, List.of(gen), List.of());
                    }
                    throw errorAtNode("Generator expression must be parenthesized", from(start));
                }
                if (at(EQUAL)) {
                    Token equal = next();
                    Expr value = startsExpression(peek().kind()) ? expression() : null;
                    if (e instanceof Node.Constant c && (c.value() instanceof Boolean || c.value() == Node.Constant.NONE)) {
                        throw errorAtNode("cannot assign to " + describe(e), e.pos());
                    }
                    throw errorAtRange("expression cannot contain assignment, perhaps you meant \"==\"?",
                            e.pos(), value != null ? value.pos() : from(equal));
                }
                if (misplacedPositional == null && (seenDoubleStar || seenKeyword)) {
                    misplacedPositional = seenDoubleStar ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument";
                }
                args.add(e);
            }
            if (!at(COMMA)) {
                if (!at(RPAR)) {
                    throw missingCommaOr(args.isEmpty() && keywords.isEmpty() ? func
                            : lastArgument(args, keywords));
                }
                break;
            }
            next();
        }
        if (misplacedPositional != null) {
            throw errorAtToken(misplacedPositional, peek());
        }
        next();
        return new Node.Call(from(open), func, args, keywords);
    }

    private static Expr lastArgument(List<Expr> args, List<Keyword> keywords) {
        if (!keywords.isEmpty()) {
            Keyword k = keywords.get(keywords.size() - 1);
            Expr a = args.isEmpty() ? null : args.get(args.size() - 1);
            if (a == null || comparePos(k.value().pos(), a.pos()) > 0) {
                return k.value();
            }
        }
        return args.get(args.size() - 1);
    }

    private static int comparePos(Pos a, Pos b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.col(), b.col());
    }

    /** A positional argument: {@code NAME := expr} or an expression not followed by ':='. */
    private Expr namedExpressionArgument() {
        Token start = peek();
        if (start.kind() == NAME && peek(1).kind() == COLONEQUAL) {
            return namedExpression();
        }
        Expr e = expression();
        if (at(COLONEQUAL)) {
            throw errorAtNode("cannot use assignment expressions with " + describe(e), e.pos());
        }
        return e;
    }

    /** The inside of {@code a[...]}: a slice, an expression, or a tuple of them. */
    private Expr slices() {
        Token start = peek();
        Expr first = sliceOrStarred();
        if (!at(COMMA)) {
            if (first instanceof Node.Starred) {
                return new Node.Tuple(from(start), List.of(first));
            }
            if (!at(RSQB)) {
                throw missingCommaOr(first);
            }
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(COMMA)) {
            if (at(RSQB)) {
                break;
            }
            elts.add(sliceOrStarred());
        }
        if (!at(RSQB)) {
            throw missingCommaOr(elts.get(elts.size() - 1));
        }
        return new Node.Tuple(from(start), elts);
    }

    private Expr sliceOrStarred() {
        if (at(STAR)) {
            Token star = next();
            Expr value = bitwiseOr(peek());
            return new Node.Starred(from(star), value);
        }
        Token start = peek();
        Expr lower = null;
        if (!at(COLON)) {
            lower = namedExpression();
            if (!at(COLON)) {
                return lower;
            }
        }
        next();
        Expr upper = startsExpression(peek().kind()) ? expression() : null;
        Expr step = null;
        if (accept(COLON)) {
            step = startsExpression(peek().kind()) ? expression() : null;
        }
        return new Node.Slice(from(start), lower, upper, step);
    }

    private Expr yieldExpression() {
        Token start = next();
        if (accept(FROM)) {
            Expr value = expression();
            return new Node.YieldFrom(from(start), value);
        }
        TokenKind k = peek().kind();
        Expr value = startsExpression(k) || k == STAR ? starExpressions() : null;
        return new Node.Yield(from(start), value);
    }

    // ------------------------------------------------------------------ atoms

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case NAME -> {
                next();
                return new Node.Name(from(t), t.text());
            }
            case NUMBER -> {
                next();
                return new Node.Constant(from(t), t.value());
            }
            case STRING -> {
                return strings();
            }
            case TRUE -> {
                next();
                return new Node.Constant(from(t), Boolean.TRUE);
            }
            case FALSE -> {
                next();
                return new Node.Constant(from(t), Boolean.FALSE);
            }
            case NONE -> {
                next();
                return new Node.Constant(from(t), Node.Constant.NONE);
            }
            case ELLIPSIS -> {
                next();
                return new Node.Constant(from(t), Node.Constant.ELLIPSIS);
            }
            case LPAR -> {
                enterNesting();
                Expr e = parenthesizedAtom();
                exitNesting();
                return e;
            }
            case LSQB -> {
                enterNesting();
                Expr e = listAtom();
                exitNesting();
                return e;
            }
            case LBRACE -> {
                enterNesting();
                Expr e = braceAtom();
                exitNesting();
                return e;
            }
            default -> throw invalidSyntax();
        }
    }

    private Expr strings() {
        List<Token> literals = new ArrayList<>();
        while (at(STRING)) {
            literals.add(next());
        }
        return StringLiterals.concatenate(this, this::fieldExpression, literals, peek());
    }

    /** Parses an f-string replacement field's expression, which CPython reads as if parenthesised. */
    private Expr fieldExpression(int[] text, int line, int col) {
        Lexer fieldLexer = new Lexer(text, lexer.filename(), line, col);
        Parser fieldParser = new Parser(fieldLexer, nesting + 1);
        try {
            if (fieldParser.nesting > MAX_NESTING) {
                throw fieldParser.errorAtToken("too many nested parentheses", fieldParser.peek());
            }
            Expr e = fieldParser.parenthesizedContents(fieldParser.peek());
            if (!fieldParser.at(END)) {
                throw fieldParser.missingCommaOr(e);
            }
            return e;
        } catch (SyntaxErrorException e) {
            String message = e.getMessage().startsWith("f-string") ? e.getMessage() : "f-string: " + e.getMessage();
            throw new SyntaxErrorException(e.kind, message, e.filename, e.line, e.offset, e.endLine,
                    e.endOffset, lexer.lineText(e.line));
        }
    }

    private Expr parenthesizedAtom() {
        Token open = next();
        if (at(RPAR)) {
            next();
            return new Node.Tuple(from(open), List.of());
        }
        Expr e = parenthesizedContents(open);
        if (!at(RPAR)) {
            throw missingCommaOr(e instanceof Node.Tuple t && !t.elts().isEmpty() ? t.elts().get(t.elts().size() - 1) : e);
        }
        next();
        if ((e instanceof Node.Tuple || e instanceof Node.GeneratorExp) && !parenthesized.contains(e)) {
            e = withPos(e, from(open));
        }
        parenthesized.add(e);
        return e;
    }

    /**
     * What may stand between parentheses: a yield, a (named) expression, a tuple or a generator
     * expression. Tuple and generator positions start at {@code open}; the caller fixes the end.
     */
    private Expr parenthesizedContents(Token open) {
        if (at(YIELD)) {
            return yieldExpression();
        }
        Expr first = starNamedExpression();
        if (at(FOR)) {
            if (first instanceof Node.Starred) {
                throw errorAtNode("iterable unpacking cannot be used in comprehension", first.pos());
            }
            List<Comprehension> generators = comprehensionClauses();
            return new Node.GeneratorExp(from(open), first, generators);
        }
        if (!at(COMMA)) {
            if (first instanceof Node.Starred) {
                throw errorAtNode("cannot use starred expression here", first.pos());
            }
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(COMMA)) {
            if (!startsExpression(peek().kind()) && !at(STAR)) {
                break;
            }
            elts.add(starNamedExpression());
        }
        return new Node.Tuple(from(open), elts);
    }

    private static Expr withPos(Expr e, Pos pos) {
        if (e instanceof Node.Tuple t) {
            return new Node.Tuple(pos, t.elts());
        }
        Node.GeneratorExp g = (Node.GeneratorExp) e;
        return new Node.GeneratorExp(pos, g.elt(), g.generators());
    }

    private Expr listAtom() {
        Token open = next();
        List<Expr> elts = new ArrayList<>();
        if (!at(RSQB)) {
            Expr first = starNamedExpression();
            if (at(FOR)) {
                if (first instanceof Node.Starred) {
                    throw errorAtNode("iterable unpacking cannot be used in comprehension", first.pos());
                }
                List<Comprehension> generators = comprehensionClauses();
                expect(RSQB);
                return new Node.ListComp(from(open), first, generators);
            }
            elts.add(first);
            while (accept(COMMA)) {
                if (at(RSQB)) {
                    break;
                }
                elts.add(starNamedExpression());
            }
            if (!at(RSQB)) {
                throw missingCommaOr(elts.get(elts.size() - 1));
            }
        }
        next();
        return new Node.ListExpr(from(open), elts);
    }

    /** A dict or set display or comprehension. */
    private Expr braceAtom() {
        Token open = next();
        if (accept(RBRACE)) {
            return new Node.Dict(from(open), List.of(), List.of());
        }
        Expr first;
        if (at(DOUBLESTAR)) {
            return dictAtom(open, null);
        }
        if (at(STAR) || (at(NAME) && peek(1).kind() == COLONEQUAL)) {
            first = starNamedExpression();
        } else {
            first = expression();
            if (at(COLON)) {
                return dictAtom(open, first);
            }
            if (at(COLONEQUAL)) {
                throw errorAtNode("cannot use assignment expressions with " + describe(first), first.pos());
            }
        }
        if (at(FOR)) {
            if (first instanceof Node.Starred) {
                throw errorAtNode("iterable unpacking cannot be used in comprehension", first.pos());
            }
            List<Comprehension> generators = comprehensionClauses();
            expect(RBRACE);
            return new Node.SetComp(from(open), first, generators);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(COMMA)) {
            if (at(RBRACE)) {
                break;
            }
            elts.add(starNamedExpression());
        }
        if (!at(RBRACE)) {
            throw missingCommaOr(elts.get(elts.size() - 1));
        }
        next();
        return new Node.Set(from(open), elts);
    }

    /** The rest of a dict display after '{'; {@code firstKey} is null when it starts with {@code **}. */
    private Expr dictAtom(Token open, Expr firstKey) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        Expr key = firstKey;
        boolean first = true;
        while (true) {
            if (!first) {
                if (at(DOUBLESTAR)) {
                    key = null;
                } else {
                    key = expression();
                    if (!at(COLON)) {
                        if (at(COMMA) || at(RBRACE)) {
                            throw errorAtNode("':' expected after dictionary key", key.pos());
                        }
                        throw missingCommaOr(key);
                    }
                }
            }
            Expr value;
            if (key == null) {
                expect(DOUBLESTAR);
                value = bitwiseOr(peek());
            } else {
                Token colon = expect(COLON);
                if (at(RBRACE) || at(COMMA)) {
                    throw errorAtToken("expression expected after dictionary key and ':'", colon);
                }
                value = expression();
            }
            if (first && key != null && at(FOR)) {
                List<Comprehension> generators = comprehensionClauses();
                expect(RBRACE);
                return new Node.DictComp(from(open), key, value, generators);
            }
            first = false;
            keys.add(key);
            values.add(value);
            if (!accept(COMMA) || at(RBRACE)) {
                break;
            }
        }
        if (!at(RBRACE)) {
            throw missingCommaOr(values.get(values.size() - 1));
        }
        next();
        return new Node.Dict(from(open), keys, values);
    }

    /** One or more {@code for target in iter [if cond]...} clauses. */
    private List<Comprehension> comprehensionClauses() {
        List<Comprehension> generators = new ArrayList<>();
        while (at(FOR)) {
            next();
            Expr target = targetList();
            if (!at(IN)) {
                throw invalidSyntax();
            }
            next();
            Expr iter = disjunction(peek());
            List<Expr> ifs = new ArrayList<>();
            while (accept(IF)) {
                ifs.add(disjunction(peek()));
            }
            generators.add(new Comprehension(target, iter, ifs));
        }
        return generators;
    }
}
