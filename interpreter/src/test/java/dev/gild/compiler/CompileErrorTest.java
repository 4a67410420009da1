package dev.gild.compiler;

import dev.gild.ast.Node;
import dev.gild.bytecode.CodeObject;
import dev.gild.parser.Parser;
import dev.gild.parser.SyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compile-time errors the parser cannot see, with CPython 3.11's message and span (line, offset,
 * end line, end offset, as {@code compile()} reports them; each expectation was taken from python3.11).
 */
class CompileErrorTest {

    record Case(String source, String message, int line, int offset, int endLine, int endOffset) {
        @Override
        public String toString() { return source.replace("\n", "\\n") + " -> " + message; }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("return 1", "'return' outside function", 1, 1, 1, 9),
                new Case("def f():\n    pass\nbreak", "'break' outside loop", 3, 1, 3, 6),
                new Case("for x in y:\n    def f():\n        continue", "'continue' not properly in loop", 3, 9, 3, 17),
                new Case("while 1:\n    pass\nelse:\n    continue", "'continue' not properly in loop", 4, 5, 4, 13),
                new Case("for x in y:\n    class C:\n        break", "'break' outside loop", 3, 9, 3, 14),
                new Case("yield 1", "'yield' outside function", 1, 1, 1, 8),
                new Case("class C:\n    yield 1", "'yield' outside function", 2, 5, 2, 12),
                new Case("x = [1, 2]\nx[0] += yield", "'yield' outside function", 2, 9, 2, 14),
                new Case("def f():\n    [(yield x) for x in y]", "'yield' inside list comprehension", 2, 7, 2, 14),
                new Case("def f():\n    x = 1\n    global x", "name 'x' is assigned to before global declaration",
                        3, 5, 3, 13),
                new Case("def f():\n    print(x)\n    global x", "name 'x' is used prior to global declaration",
                        3, 5, 3, 13),
                new Case("def f(x):\n    global x", "name 'x' is parameter and global", 2, 5, 2, 13),
                new Case("def f(x):\n    nonlocal x", "name 'x' is parameter and nonlocal", 2, 5, 2, 15),
                new Case("def f():\n    x: int\n    global x", "annotated name 'x' can't be global", 3, 5, 3, 13),
                new Case("def f():\n    global x\n    x: int = 1", "annotated name 'x' can't be global", 3, 5, 3, 15),
                new Case("def f():\n    global x\n    nonlocal x", "name 'x' is nonlocal and global", 2, 5, 2, 13),
                new Case("def f():\n    def g():\n        nonlocal x", "no binding for nonlocal 'x' found", 3, 9, 3, 19),
                new Case("x = 1\ndef f():\n    nonlocal x", "no binding for nonlocal 'x' found", 3, 5, 3, 15),
                new Case("class C:\n    nonlocal x", "no binding for nonlocal 'x' found", 2, 5, 2, 15),
                new Case("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1, 1, 11),
                new Case("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10, 1, 11),
                new Case("def f(a, *, b, **b): pass", "duplicate argument 'b' in function definition", 1, 18, 1, 19),
                new Case("lambda a, a: 1", "duplicate argument 'a' in function definition", 1, 11, 1, 12),
                new Case("__debug__ = 1", "cannot assign to __debug__", 1, 1, 1, 10),
                new Case("def f(__debug__): pass", "cannot assign to __debug__", 1, 1, 1, 23),
                new Case("x.__debug__ = 1", "cannot assign to __debug__", 1, 1, 1, 12),
                new Case("f(__debug__=1)", "cannot assign to __debug__", 1, 1, 1, 15),
                new Case("del __debug__", "cannot delete __debug__", 1, 5, 1, 14),
                new Case("*a = 1", "starred assignment target must be in a list or tuple", 1, 1, 1, 3),
                new Case("a, *b, *c = 1", "multiple starred expressions in assignment", 1, 1, 1, 10),
                new Case("*a", "can't use starred expression here", 1, 1, 1, 3),
                new Case("x = *a", "can't use starred expression here", 1, 5, 1, 7),
                new Case("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", "default 'except:' must be last",
                        3, 1, 4, 9),
                new Case("def f():\n    from m import *", "import * only allowed at module level", 2, 19, 2, 20),
                new Case("f(a=1, a=2)", "keyword argument repeated: a", 1, 8, 1, 11),
                new Case("o.m(a=1, a=2)", "keyword argument repeated: a", 1, 10, 1, 13),
                new Case("[(y := 1) for y in z]",
                        "assignment expression cannot rebind comprehension iteration variable 'y'", 1, 3, 1, 4),
                new Case("class C:\n    [(y := 1) for x in z]",
                        "assignment expression within a comprehension cannot be used in a class body", 2, 7, 2, 8),
                new Case("[x for x in (y := z)]",
                        "assignment expression cannot be used in a comprehension iterable expression", 1, 14, 1, 20),
                new Case("def f(): from __future__ import annotations",
                        "from __future__ imports must occur at the beginning of the file", 1, 10, 1, 44));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsCPythonsMessageAndSpan(Case c) {
        SyntaxErrorException e = assertThrows(SyntaxErrorException.class, () -> CompileHelper.compile(c.source()));
        assertEquals(c.message(), e.getMessage());
        assertEquals(List.of(c.line(), c.offset(), c.endLine(), c.endOffset()),
                List.of(e.line, e.offset, e.endLine, e.endOffset));
        assertEquals("SyntaxError", e.kind);
        assertEquals(CompileHelper.FILENAME, e.filename);
        assertEquals(c.source().split("\n", -1)[c.line() - 1], e.text);
    }

    @Test
    void unknownFutureFeature() {
        SyntaxErrorException e = assertThrows(SyntaxErrorException.class,
                () -> CompileHelper.compile("from __future__ import nosuch"));
        assertEquals("future feature nosuch is not defined", e.getMessage());
        assertEquals(List.of(1, 1), List.of(e.line, e.offset));
    }

    @Test
    void tooManyStaticallyNestedBlocks() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 21; i++) source.append("    ".repeat(i)).append("for x").append(i).append(" in y:\n");
        source.append("    ".repeat(21)).append("pass\n");
        SyntaxErrorException e = assertThrows(SyntaxErrorException.class, () -> CompileHelper.compile(source.toString()));
        assertEquals("too many statically nested blocks", e.getMessage());
        assertEquals(21, e.line);
        // twenty is fine
        CompileHelper.compile(source.toString().lines().skip(1).map(l -> l.substring(4)).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void deepNestingRaisesRecursionErrorNotStackOverflow() {
        Node.Pos pos = new Node.Pos(1, 0, 1, 1);
        Node.Expr e = new Node.Constant(pos, 1L);
        for (int i = 0; i < 200_000; i++) {
            e = new Node.BinOp(pos, e, Node.Operator.ADD, new Node.Constant(pos, 1L));
        }
        Node.Module module = new Node.Module(pos, List.of(new Node.ExprStmt(pos, e)));
        CompilerRecursionError error = assertThrows(CompilerRecursionError.class,
                () -> Compiler.compileModule(module, "deep.py"));
        assertEquals("maximum recursion depth exceeded during compilation", error.getMessage());
    }

    @Test
    void nestingLimitMatchesCPython() {
        // CPython 3.11 compiles a sum of 2900 terms and gives up at 3100, whatever the thread's stack.
        assertTrue(BytecodeVerifier.verify(CompileHelper.compile("x = " + sum(2900))).isEmpty());
        assertThrows(CompilerRecursionError.class, () -> CompileHelper.compile("x = " + sum(3100)));
        StringBuilder elifs = new StringBuilder("if x == 0:\n    pass\n");
        for (int i = 1; i < 2900; i++) elifs.append("elif x == ").append(i).append(":\n    pass\n");
        assertTrue(BytecodeVerifier.verify(CompileHelper.compile(elifs.toString())).isEmpty());
    }

    private static String sum(int terms) {
        return String.join(" + ", java.util.Collections.nCopies(terms, "1"));
    }

    @Test
    void moderatelyDeepCodeCompiles() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) terms.add("x");
        StringBuilder elifs = new StringBuilder("if x == 0:\n    pass\n");
        for (int i = 1; i < 500; i++) elifs.append("elif x == ").append(i).append(":\n    pass\n");
        CodeObject code = CompileHelper.compile("y = " + String.join(" + ", terms) + "\n" + elifs);
        assertTrue(BytecodeVerifier.verify(code).isEmpty());
    }

    @Test
    void parserAndCompilerAgreeOnNestingLimits() {
        // 100 nested parentheses are within the parser's limit and must compile.
        String source = "x = " + "(".repeat(100) + "1" + ")".repeat(100) + "\n";
        assertEquals(1L, CompileHelper.compile(source).consts[0]);
        assertTrue(Parser.parseModule(source, "t.py") != null);
    }
}
