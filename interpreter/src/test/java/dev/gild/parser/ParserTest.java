package dev.gild.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.ast.Node;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Targeted parser tests. The expected trees and errors were produced by CPython 3.11.7
 * ({@code ast.parse} printed in {@link AstPrinter}'s form, columns converted to code points;
 * {@code compile()} for the errors: kind, message, line and 1-based offset).
 */
class ParserTest {
    /** {source, expected tree of the module body}. */
    private static final String[][] TREES = {
            {"-2**2\n",
             "[ExprStmt@1:0-1:5(UnaryOp@1:0-1:5(USUB, BinOp@1:1-1:5(Constant@1:1-1:2(2), POW, Constant@1:4-1:5(2))))]"},
            {"a or b and not c\n",
             "[ExprStmt@1:0-1:16(BoolOp@1:0-1:16(false, [Name@1:0-1:1('a'), BoolOp@1:5-1:16(true, [Name@1:5-1:6('b'), UnaryOp@1:11-1:16(NOT, Name@1:15-1:16('c'))])]))]"},
            {"a | b ^ c & d << e + f * g ** h\n",
             "[ExprStmt@1:0-1:31(BinOp@1:0-1:31(Name@1:0-1:1('a'), BITOR, BinOp@1:4-1:31(Name@1:4-1:5('b'), BITXOR, BinOp@1:8-1:31(Name@1:8-1:9('c'), BITAND, BinOp@1:12-1:31(Name@1:12-1:13('d'), LSHIFT, BinOp@1:17-1:31(Name@1:17-1:18('e'), ADD, BinOp@1:21-1:31(Name@1:21-1:22('f'), MULT, BinOp@1:25-1:31(Name@1:25-1:26('g'), POW, Name@1:30-1:31('h')))))))))]"},
            {"a < b not in c is not d\n",
             "[ExprStmt@1:0-1:23(Compare@1:0-1:23(Name@1:0-1:1('a'), [LT, NOT_IN, IS_NOT], [Name@1:4-1:5('b'), Name@1:13-1:14('c'), Name@1:22-1:23('d')]))]"},
            {"x if c else y\n",
             "[ExprStmt@1:0-1:13(IfExp@1:0-1:13(Name@1:5-1:6('c'), Name@1:0-1:1('x'), Name@1:12-1:13('y')))]"},
            {"f(*a, b, k=1, *c, **d)\n",
             "[ExprStmt@1:0-1:22(Call@1:0-1:22(Name@1:0-1:1('f'), [Starred@1:2-1:4(Name@1:3-1:4('a')), Name@1:6-1:7('b'), Starred@1:14-1:16(Name@1:15-1:16('c'))], [Keyword@1:9-1:12('k', Constant@1:11-1:12(1)), Keyword@1:18-1:21(null, Name@1:20-1:21('d'))]))]"},
            {"a[1:2, ::3]\n",
             "[ExprStmt@1:0-1:11(Subscript@1:0-1:11(Name@1:0-1:1('a'), Tuple@1:2-1:10([Slice@1:2-1:5(Constant@1:2-1:3(1), Constant@1:4-1:5(2), null), Slice@1:7-1:10(null, null, Constant@1:9-1:10(3))])))]"},
            {"f\"{x=}\"\n",
             "[ExprStmt@1:0-1:7(JoinedStr@1:0-1:7([Constant@1:0-1:7('x='), FormattedValue@1:0-1:7(Name@1:3-1:4('x'), 114, null)]))]"},
            {"f\"{x=:>10}\"\n",
             "[ExprStmt@1:0-1:11(JoinedStr@1:0-1:11([Constant@1:0-1:11('x='), FormattedValue@1:0-1:11(Name@1:3-1:4('x'), -1, JoinedStr@1:0-1:11([Constant@1:0-1:11('>10')]))]))]"},
            {"f\"{x!r:{w}.{p}f}\"\n",
             "[ExprStmt@1:0-1:17(JoinedStr@1:0-1:17([FormattedValue@1:0-1:17(Name@1:3-1:4('x'), 114, JoinedStr@1:0-1:17([FormattedValue@1:0-1:17(Name@1:8-1:9('w'), -1, null), Constant@1:0-1:17('.'), FormattedValue@1:0-1:17(Name@1:12-1:13('p'), -1, null), Constant@1:0-1:17('f')]))]))]"},
            {"'\\x41\\u00e9\\U0001F600\\N{BULLET}\\101\\q'\n",
             "[ExprStmt@1:0-1:38(Constant@1:0-1:38('A\\u{e9}\\u{1f600}\\u{2022}A\\u{5c}q'))]"},
            {"b'\\xff\\777'\n",
             "[ExprStmt@1:0-1:11(Constant@1:0-1:11(bffff))]"},
            {"0x_ff + 0o17 + 0b1 + 1_000.5e-1_0 + 2j\n",
             "[ExprStmt@1:0-1:38(BinOp@1:0-1:38(BinOp@1:0-1:33(BinOp@1:0-1:18(BinOp@1:0-1:12(Constant@1:0-1:5(255), ADD, Constant@1:8-1:12(15)), ADD, Constant@1:15-1:18(1)), ADD, Constant@1:21-1:33(f3e7adb6236b7ea40)), ADD, Constant@1:36-1:38(j4000000000000000)))]"},
            {"99999999999999999999\n",
             "[ExprStmt@1:0-1:20(Constant@1:0-1:20(99999999999999999999))]"},
            {"lambda x, /, y=1, *a, z, **k: 0\n",
             "[ExprStmt@1:0-1:31(Lambda@1:0-1:31(Arguments([Arg@1:7-1:8('x', null)], [Arg@1:13-1:14('y', null)], Arg@1:19-1:20('a', null), [Arg@1:22-1:23('z', null)], [null], Arg@1:27-1:28('k', null), [Constant@1:15-1:16(1)]), Constant@1:30-1:31(0)))]"},
            {"'\u00e9' + '\ud83d\ude00'\n",
             "[ExprStmt@1:0-1:9(BinOp@1:0-1:9(Constant@1:0-1:3('\\u{e9}'), ADD, Constant@1:6-1:9('\\u{1f600}')))]"},
            {"[x for x in y if x for z in x]\n",
             "[ExprStmt@1:0-1:30(ListComp@1:0-1:30(Name@1:1-1:2('x'), [Comprehension(Name@1:7-1:8('x'), Name@1:12-1:13('y'), [Name@1:17-1:18('x')]), Comprehension(Name@1:23-1:24('z'), Name@1:28-1:29('x'), [])]))]"},
            {"'a' f'{b}' 'c'\n",
             "[ExprStmt@1:0-1:14(JoinedStr@1:0-1:14([Constant@1:0-1:14('a'), FormattedValue@1:0-1:14(Name@1:7-1:8('b'), -1, null), Constant@1:0-1:14('c')]))]"},
            {"(yield)\n",
             "[ExprStmt@1:0-1:7(Yield@1:1-1:6(null))]"},
            {"x = yield\n",
             "[Assign@1:0-1:9([Name@1:0-1:1('x')], Yield@1:4-1:9(null))]"},
            {"(a := 1)\n",
             "[ExprStmt@1:0-1:8(NamedExpr@1:1-1:7(Name@1:1-1:2('a'), Constant@1:6-1:7(1)))]"},
            {"{**a, 1: 2}\n",
             "[ExprStmt@1:0-1:11(Dict@1:0-1:11([null, Constant@1:6-1:7(1)], [Name@1:3-1:4('a'), Constant@1:9-1:10(2)]))]"},
            {"rb'\\n'\n",
             "[ExprStmt@1:0-1:6(Constant@1:0-1:6(b5c6e))]"},
            {"u'x'\n",
             "[ExprStmt@1:0-1:4(Constant@1:0-1:4('x'))]"},
            {"\"\"\"a\nb\"\"\"\n",
             "[ExprStmt@1:0-2:4(Constant@1:0-2:4('a\\u{a}b'))]"},
            {"a.b(c)[d]\n",
             "[ExprStmt@1:0-1:9(Subscript@1:0-1:9(Call@1:0-1:6(Attribute@1:0-1:3(Name@1:0-1:1('a'), 'b'), [Name@1:4-1:5('c')], []), Name@1:7-1:8('d')))]"},
            {"...\n",
             "[ExprStmt@1:0-1:3(Constant@1:0-1:3(Ellipsis))]"},
    };

    /** {source, "Kind: message @line:offset"} as CPython 3.11 reports them. */
    private static final String[][] ERRORS = {
            {"x = (1,", "SyntaxError: '(' was never closed @1:5"},
            {"x = (1,\ny = 2\n", "SyntaxError: '(' was never closed @1:5"},
            {"x = f() = 1", "SyntaxError: cannot assign to function call @1:5"},
            {"f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"},
            {"(a, f()) = 1", "SyntaxError: cannot assign to function call @1:5"},
            {"if x = 5:\n  pass", "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:4"},
            {"x = [1, 2)", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:10"},
            {"x = 1)", "SyntaxError: unmatched ')' @1:6"},
            {"x = \"abc", "SyntaxError: unterminated string literal (detected at line 1) @1:5"},
            {"x = '''abc\n\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:5"},
            {"1abc", "SyntaxError: invalid decimal literal @1:1"},
            {"012", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:1"},
            {"x = 1\n  y = 2", "IndentationError: unexpected indent @2:2"},
            {"if x:\ny", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"},
            {"if x:\n    a\n  b", "IndentationError: unindent does not match any outer indentation level @3:4"},
            {"f(a=1, b)", "SyntaxError: positional argument follows keyword argument @1:9"},
            {"f(**a, b)", "SyntaxError: positional argument follows keyword argument unpacking @1:9"},
            {"f(x for x in y, 1)", "SyntaxError: Generator expression must be parenthesized @1:3"},
            {"a b", "SyntaxError: invalid syntax @1:3"},
            {"print \"x\"", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"},
            {"x = 1 +", "SyntaxError: invalid syntax @1:8"},
            {"def f(:", "SyntaxError: invalid syntax @1:7"},
            {"x = \u2026", "SyntaxError: invalid character '\u2026' (U+2026) @1:5"},
            {"a, b += 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"},
            {"f() += 1", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"},
            {"del f()", "SyntaxError: cannot delete function call @1:5"},
            {"del *a", "SyntaxError: cannot delete starred @1:5"},
            {"for f() in x: pass", "SyntaxError: cannot assign to function call @1:5"},
            {"(x) := 1", "SyntaxError: cannot use assignment expressions with name @1:2"},
            {"x := 1", "SyntaxError: invalid syntax @1:3"},
            {"f\"{}\"", "SyntaxError: f-string: empty expression not allowed @1:6"},
            {"f\"{x\"", "SyntaxError: f-string: expecting '}' @1:6"},
            {"f\"}\"", "SyntaxError: f-string: single '}' is not allowed @1:5"},
            {"f\"{x!z}\"", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @1:9"},
            {"b'\u00e9'", "SyntaxError: bytes can only contain ASCII literal characters @1:1"},
            {"'a' b'b'", "SyntaxError: cannot mix bytes and nonbytes literals @1:9"},
            {"if x\n  pass", "SyntaxError: expected ':' @1:5"},
            {"class A(:", "SyntaxError: invalid syntax @1:9"},
            {"a = yield = 1", "SyntaxError: assignment to yield expression not possible @1:5"},
            {"[x for x in 1, 2]", "SyntaxError: invalid syntax @1:14"},
            {"x: int, y: int = 1, 2", "SyntaxError: invalid syntax @1:7"},
            {"(a, b): int", "SyntaxError: only single target (not tuple) can be annotated @1:1"},
            {"1 = 2", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"},
            {"None = 1", "SyntaxError: cannot assign to None @1:1"},
            {"x = (1 2)", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:6"},
            {"f(1 2)", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:3"},
            {"else", "SyntaxError: invalid syntax @1:1"},
            {"import", "SyntaxError: invalid syntax @1:7"},
            {"def f(a=1, b): pass", "SyntaxError: non-default argument follows default argument @1:12"},
            {"def f(*): pass", "SyntaxError: named arguments must follow bare * @1:7"},
            {"def f(**a, b): pass", "SyntaxError: arguments cannot follow var-keyword argument @1:12"},
            {"\tif x:\n  \tpass", "IndentationError: unexpected indent @1:1"},
            {"if x:\n        a\n\tb", "TabError: inconsistent use of tabs and spaces in indentation @3:1"},
            {"$", "SyntaxError: invalid syntax @1:1"},
            {"0x", "SyntaxError: invalid hexadecimal literal @1:2"},
            {"0b2", "SyntaxError: invalid digit '2' in binary literal @1:3"},
            {"1_000_", "SyntaxError: invalid decimal literal @1:6"},
            {"1__0", "SyntaxError: invalid decimal literal @1:2"},
            {"1e", "SyntaxError: invalid decimal literal @1:1"},
            {"0o8", "SyntaxError: invalid digit '8' in octal literal @1:3"},
            {"x = 1 + \\", "SyntaxError: unexpected EOF while parsing @1:10"},
            {"((((", "SyntaxError: '(' was never closed @1:4"},
            {"(\n", "SyntaxError: '(' was never closed @1:1"},
            {")", "SyntaxError: unmatched ')' @1:1"},
            {"def f():\nreturn", "IndentationError: expected an indented block after function definition on line 1 @2:1"},
            {"try:\n  pass\nx = 1", "SyntaxError: expected 'except' or 'finally' block @3:1"},
            {"x = 1 if y", "SyntaxError: expected 'else' after 'if' expression @1:5"},
            {"a[1:2", "SyntaxError: '[' was never closed @1:2"},
            {"\"\\N{foo}\"", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name @1:10"},
            {"x = 0777", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"},
            {"  x = 1", "IndentationError: unexpected indent @1:2"},
            {"x = [1, 2 3]", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:9"},
            {"{1: 2, 3}", "SyntaxError: ':' expected after dictionary key @1:8"},
            {"{1:}", "SyntaxError: expression expected after dictionary key and ':' @1:3"},
            {"f(a.b=1)", "SyntaxError: expression cannot contain assignment, perhaps you meant \"==\"? @1:3"},
            {"f(True=1)", "SyntaxError: cannot assign to True @1:3"},
            {"lambda x: (yield", "SyntaxError: '(' was never closed @1:11"},
            {"x = a b c", "SyntaxError: invalid syntax @1:7"},
            {"def f(a, /, /): pass", "SyntaxError: / may appear only once @1:13"},
            {"def f(*a, *b): pass", "SyntaxError: * argument may appear only once @1:11"},
            {"def f(a, *, /): pass", "SyntaxError: / must be ahead of * @1:13"},
            {"def f(/): pass", "SyntaxError: invalid syntax @1:7"},
            {"def f(a=): pass", "SyntaxError: expected default value expression @1:8"},
            {"def f(*a=1): pass", "SyntaxError: var-positional argument cannot have default value @1:9"},
            {"def f(**a=1): pass", "SyntaxError: var-keyword argument cannot have default value @1:10"},
            {"for x in range(3):\npass", "IndentationError: expected an indented block after 'for' statement on line 1 @2:1"},
            {"while x:\npass", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"},
            {"class A:\npass", "IndentationError: expected an indented block after class definition on line 1 @2:1"},
            {"with a:\npass", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"},
            {"try:\npass", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"},
            {"if x:\n pass\nelse:\npass", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"},
            {"if x:\n pass\nelif y:\npass", "IndentationError: expected an indented block after 'elif' statement on line 3 @4:1"},
            {"x = [1,\n2,\n", "SyntaxError: '[' was never closed @1:5"},
            {"x = {", "SyntaxError: '{' was never closed @1:5"},
            {"x = \"a\nb\"", "SyntaxError: unterminated string literal (detected at line 1) @1:5"},
            {"x = 1\n\tif y:\n  pass", "IndentationError: unexpected indent @2:1"},
            {"@\ndef f(): pass", "SyntaxError: invalid syntax @1:2"},
            {"def f()\n  pass", "SyntaxError: expected ':' @1:8"},
            {"x = (1, *)", "SyntaxError: invalid syntax @1:10"},
            {"print(*)", "SyntaxError: invalid syntax @1:8"},
            {"x = [*a for a in b]", "SyntaxError: iterable unpacking cannot be used in comprehension @1:6"},
            {"x = 1 if 2", "SyntaxError: expected 'else' after 'if' expression @1:5"},
            {"a.1", "SyntaxError: invalid syntax @1:2"},
            {"x = 1.2.3", "SyntaxError: invalid syntax @1:8"},
            {"x = 0b", "SyntaxError: invalid binary literal @1:6"},
            {"0o", "SyntaxError: invalid octal literal @1:2"},
            {"'\\x4'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape @1:6"},
            {"b'\\x4'", "SyntaxError: (value error) invalid \\x escape at position 0 @1:7"},
            {"x = 5 + * 3", "SyntaxError: invalid syntax @1:9"},
            {"import a.", "SyntaxError: invalid syntax @1:10"},
            {"from x import", "SyntaxError: invalid syntax @1:14"},
            {"from x import a,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:17"},
            {"from . import (a, b", "SyntaxError: '(' was never closed @1:15"},
            {"global", "SyntaxError: invalid syntax @1:7"},
            {"x = not", "SyntaxError: invalid syntax @1:8"},
            {"x +=", "SyntaxError: invalid syntax @1:5"},
            {"x = lambda: yield", "SyntaxError: invalid syntax @1:13"},
            {"del", "SyntaxError: invalid syntax @1:4"},
            {"del (x, f())", "SyntaxError: cannot delete function call @1:9"},
            {"x[1:2] = 1 = f()", "SyntaxError: cannot assign to literal @1:10"},
            {"a if b else c = 1", "SyntaxError: cannot assign to conditional expression @1:1"},
            {"-a = 1", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"},
            {"a + b = 1", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"},
            {"\"x\" = 1", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"},
            {"f\"{x}\" = 1", "SyntaxError: cannot assign to f-string expression here. Maybe you meant '==' instead of '='? @1:1"},
            {"[a, 1] = x", "SyntaxError: cannot assign to literal @1:5"},
            {"(a for a in b) = 1", "SyntaxError: cannot assign to generator expression @1:1"},
            {"a, b: int", "SyntaxError: only single target (not tuple) can be annotated @1:1"},
            {"[a]: int", "SyntaxError: only single target (not list) can be annotated @1:1"},
            {"f(): int", "SyntaxError: illegal target for annotation @1:1"},
            {"x = {**a: 1}", "SyntaxError: invalid syntax @1:9"},
            {"def f(x, (a, b)): pass", "SyntaxError: Function parameters cannot be parenthesized @1:10"},
            {"except:\n pass", "SyntaxError: invalid syntax @1:1"},
            {"x = 1; ; y", "SyntaxError: invalid syntax @1:8"},
            {"a.b += 1\n  c", "IndentationError: unexpected indent @2:2"},
            {"if True:\n    pass\n  else:\n    pass", "IndentationError: unindent does not match any outer indentation level @3:8"},
            {"x = \"\"\"abc", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:5"},
            {"x = '", "SyntaxError: unterminated string literal (detected at line 1) @1:5"},
            {"#comment\n  x", "IndentationError: unexpected indent @2:2"},
            {"x = yield = y", "SyntaxError: assignment to yield expression not possible @1:5"},
            {"f(**x, *y)", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"},
            {"def f(a, a=1, b): pass", "SyntaxError: non-default argument follows default argument @1:15"},
            {"x = [i for i in range(3) if]", "SyntaxError: invalid syntax @1:28"},
            {"class A(x for x in y): pass", "SyntaxError: invalid syntax @1:11"},
            {"x = 3 = 4", "SyntaxError: cannot assign to literal @1:5"},
            {"try:\n  pass\nexcept A, B:\n  pass", "SyntaxError: multiple exception types must be parenthesized @3:8"},
            {"x = \u00bf", "SyntaxError: invalid character '\u00bf' (U+00BF) @1:5"},
            {"x = a\u00a0b", "SyntaxError: invalid non-printable character U+00A0 @1:6"},
            {"x = \u0007", "SyntaxError: invalid non-printable character U+0007 @1:5"},
            {"nonlocal", "SyntaxError: invalid syntax @1:9"},
            {"def f[T](): pass", "SyntaxError: expected '(' @1:6"},
            {"x = 1e+", "SyntaxError: invalid decimal literal @1:7"},
            {"x = 1_", "SyntaxError: invalid decimal literal @1:6"},
            {"x = 0_7", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"},
            {"x = 00_1", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"},
            {"x = 1__2", "SyntaxError: invalid decimal literal @1:6"},
            {"x = 0x1g", "SyntaxError: invalid hexadecimal literal @1:7"},
            {"x = 1.e", "SyntaxError: invalid decimal literal @1:6"},
            {"x = 1jk", "SyntaxError: invalid imaginary literal @1:6"},
            {"with (a as b:\n pass", "SyntaxError: invalid syntax @1:13"},
            {"if x:\n  pass\n else:\n  pass", "IndentationError: unindent does not match any outer indentation level @3:7"},
            {"f(a, b for b in c)", "SyntaxError: Generator expression must be parenthesized @1:6"},
            {"f(b for b in c, a)", "SyntaxError: Generator expression must be parenthesized @1:3"},
    };

    @TestFactory
    Stream<DynamicTest> treesMatchCPython() {
        return Arrays.stream(TREES).map(c -> DynamicTest.dynamicTest(c[0], () ->
                assertEquals(c[1], AstPrinter.print(Parser.parseModule(c[0], "<test>").body()))));
    }

    @TestFactory
    Stream<DynamicTest> errorsMatchCPython() {
        return Arrays.stream(ERRORS).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            SyntaxErrorException e = assertThrows(SyntaxErrorException.class, () -> Parser.parseModule(c[0], "f"));
            assertEquals(c[1], e.kind + ": " + e.getMessage() + " @" + e.line + ":" + e.offset);
            assertEquals("f", e.filename);
        }));
    }

    private static Node.Expr expr(String source) {
        return Parser.parseExpression(source, "<eval>");
    }

    private static Object constant(String source) {
        return ((Node.Constant) expr(source)).value();
    }

    @Test
    void numbers() {
        assertEquals(9223372036854775807L, constant("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), constant("9223372036854775808"));
        assertEquals(0xFFFFFFFFFFFFFFFL, constant("0xFFF_FFFF_FFFF_FFFF"));
        assertEquals(new BigInteger("FFFFFFFFFFFFFFFFF", 16), constant("0xFFFFFFFFFFFFFFFFF"));
        assertEquals(0L, constant("0_0"));
        assertEquals(0L, constant("00"));
        assertEquals(9.5, constant("09.5"));
        assertEquals(1e5, constant("1.e5"));
        assertEquals(0.1, constant("0.1"));
        assertEquals(Double.POSITIVE_INFINITY, constant("1e400"));
        assertEquals(new Node.Imaginary(1.5), constant("1.5J"));
        assertEquals(new Node.Imaginary(10.0), constant("1_0j"));
        // A number may run into a keyword, as CPython allows with a warning.
        assertInstanceOf(Node.IfExp.class, expr("1if x else 2"));
    }

    @Test
    void hugeIntegerLiteralParsesQuickly() {
        String digits = "7".repeat(100_000);
        long start = System.nanoTime();
        Object value = constant(digits);
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertEquals(new BigInteger(digits), value);
    }

    @Test
    void stringEscapesAndPrefixes() {
        assertEquals("a\n\tb\\'\"\u0007\b\f\u000b\r", constant("'a\\n\\tb\\\\\\'\\\"\\a\\b\\f\\v\\r'"));
        assertEquals("\u0000\u00ff\u01ff", constant("'\\0\\377\\777'"));
        assertEquals("\ud83d\ude00", constant("'\\N{GRINNING FACE}'"));
        assertEquals("\\d\\q", constant("'\\d\\q'"));
        assertEquals("ab", constant("'a\\\nb'"));
        assertEquals("\\n", constant("R'\\n'"));
        assertEquals("xyz", constant("'x' \"y\" '''z'''"));
        assertEquals("\ud83d\ude00", constant("'\ud83d\ude00'"));
        assertTrue(Arrays.equals(new byte[] {'a', 0, (byte) 0xff, '\\', 'q'},
                (byte[]) constant("b'a\\x00' B'\\xff' rb'\\q'")));
    }

    @Test
    void fStrings() {
        Node.JoinedStr s = (Node.JoinedStr) expr("f'{a!s:{w}}' 'lit' f'{{x}}'");
        assertEquals(2, s.values().size());
        Node.FormattedValue first = (Node.FormattedValue) s.values().get(0);
        assertEquals('s', first.conversion());
        assertInstanceOf(Node.JoinedStr.class, first.formatSpec());
        assertEquals("lit{x}", ((Node.Constant) s.values().get(1)).value());
        Node.JoinedStr nested = (Node.JoinedStr) expr("f\"{f'{x}'}\"");
        Node.FormattedValue inner = (Node.FormattedValue) nested.values().get(0);
        assertInstanceOf(Node.JoinedStr.class, inner.value());
        assertInstanceOf(Node.JoinedStr.class, expr("f''"));
        // Positions of the field's expression are the file's, also on later lines.
        Node.Module m = Parser.parseModule("x = f'''\n  {value}'''\n", "f");
        Node.Assign assign = (Node.Assign) m.body().get(0);
        Node.FormattedValue field = (Node.FormattedValue) ((Node.JoinedStr) assign.value()).values().get(1);
        assertEquals(new Node.Pos(2, 3, 2, 8), field.value().pos());
    }

    @Test
    void precedence() {
        assertEquals("BinOp@1:0-1:9(Name@1:0-1:1('a'), SUB, UnaryOp@1:4-1:9(USUB, BinOp@1:5-1:9(Name@1:5-1:6('b'), POW, Name@1:8-1:9('c'))))",
                AstPrinter.print(expr("a - -b**c")));
        assertEquals("BinOp@1:0-1:7(Name@1:0-1:1('a'), POW, BinOp@1:3-1:7(Name@1:3-1:4('b'), POW, Name@1:6-1:7('c')))",
                AstPrinter.print(expr("a**b**c")));
        assertEquals("BinOp@1:0-1:5(BinOp@1:0-1:3(Name@1:0-1:1('a'), SUB, Name@1:2-1:3('b')), SUB, Name@1:4-1:5('c'))",
                AstPrinter.print(expr("a-b-c")));
        assertInstanceOf(Node.Lambda.class, expr("lambda: a if b else c"));
        assertInstanceOf(Node.Tuple.class, expr("\n  1, 2,\n\n"));
    }

    @Test
    void statementsAndLayout() {
        String source = "\ufeffif a:\r\n\tb = 1\r\n\r\nelif c: pass\relse:\n  while x: d \\\n + 1; e\n# done";
        List<Node.Stmt> body = Parser.parseModule(source, "f").body();
        assertEquals(1, body.size());
        Node.If chain = (Node.If) body.get(0);
        Node.If elif = (Node.If) chain.orelse().get(0);
        Node.While loop = (Node.While) elif.orelse().get(0);
        assertEquals(2, loop.body().size());
        assertEquals(7, loop.pos().endLine());
        assertEquals("Name@1:0-1:3('\\u{e9}t\\u{e9}')", AstPrinter.print(expr("\u00e9t\u00e9")));
        // NFKC normalisation of identifiers, as in CPython.
        assertEquals("fi", ((Node.Name) expr("\ufb01")).id());
    }

    @Test
    void interactiveAndIncomplete() {
        assertEquals(2, Parser.parseInteractive("x = 1\nprint(x)\n", "<stdin>").body().size());
        for (String more : List.of("if x: pass", "if x:", "x = (1,", "\"\"\"abc", "x = 1 + \\", "for x in y:",
                "if x:\n  pass\nelse:", "try:\n  pass\n", "@d\n", "def f():\n  return 1", "[1,\n 2")) {
            assertTrue(Parser.isIncomplete(more), more);
        }
        for (String done : List.of("x = 1", "if x:\n  pass\n", "def f():\n  return 1\n", "", "# c", "x = (1 2",
                "1 +", "x = )")) {
            assertFalse(Parser.isIncomplete(done), done);
        }
    }

    @Test
    void errorDetails() {
        SyntaxErrorException e = assertThrows(SyntaxErrorException.class,
                () -> Parser.parseModule("x = 1\ny = (1 2)\n", "m.py"));
        assertEquals("invalid syntax. Perhaps you forgot a comma?", e.getMessage());
        assertEquals(2, e.line);
        assertEquals(6, e.offset);
        assertEquals(2, e.endLine);
        assertEquals(9, e.endOffset);
        assertEquals("y = (1 2)", e.text);
        // A lexical error later in the file wins over a syntax error, as in CPython.
        e = assertThrows(SyntaxErrorException.class, () -> Parser.parseModule("a b\nx = 'open\n", "m.py"));
        assertEquals("unterminated string literal (detected at line 2)", e.getMessage());
        e = assertThrows(SyntaxErrorException.class, () -> Parser.parseExpression("1 +", "<string>"));
        assertEquals("invalid syntax", e.getMessage());
        e = assertThrows(SyntaxErrorException.class, () -> Parser.parseModule("x = '\ud83d\ude00' \u2026", "m.py"));
        assertEquals("invalid character '\u2026' (U+2026)", e.getMessage());
        assertEquals(9, e.offset);
    }
}
