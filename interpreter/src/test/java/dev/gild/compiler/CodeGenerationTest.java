package dev.gild.compiler;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.Opcode;
import dev.gild.runtime.Py;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.gild.compiler.CompileHelper.compile;
import static dev.gild.compiler.CompileHelper.compileAndFind;
import static dev.gild.compiler.CompileHelper.count;
import static dev.gild.compiler.CompileHelper.instructions;
import static dev.gild.compiler.CompileHelper.lines;
import static dev.gild.compiler.CompileHelper.listing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instruction sequences emitted for small programs, as CPython 3.11 would emit them. */
class CodeGenerationTest {

    @Test
    void augmentedAssignmentToLocalIsLoadOperateStore() {
        CodeObject f = compileAndFind("def f(x):\n    x += 1\n", "f");
        assertEquals(lines("LOAD_FAST x", "LOAD_CONST 1", "BINARY_OP +=", "STORE_FAST x",
                "LOAD_CONST None", "RETURN_VALUE"), listing(f));
    }

    @Test
    void methodCallUsesLoadMethod() {
        CodeObject f = compileAndFind("def f(L, x):\n    L.append(x)\n", "f");
        assertEquals(lines("LOAD_FAST L", "LOAD_METHOD append", "LOAD_FAST x", "CALL 1", "POP_TOP",
                "LOAD_CONST None", "RETURN_VALUE"), listing(f));
    }

    @Test
    void globalCounterIncrementIsFourInstructions() {
        CodeObject module = compile("counter = 0\ndef inc():\n    global counter\n    counter += 1\n");
        CodeObject inc = CompileHelper.find(module, "inc");
        assertEquals(lines("LOAD_GLOBAL counter", "LOAD_CONST 1", "BINARY_OP +=", "STORE_GLOBAL counter",
                "LOAD_CONST None", "RETURN_VALUE"), listing(inc));
        // A global declaration anywhere makes the module body use the explicit global form too.
        assertEquals("STORE_GLOBAL counter", instructions(module).get(1));
    }

    @Test
    void augmentedAssignmentToAttributeAndSubscriptKeepsTheTarget() {
        CodeObject f = compileAndFind("def f(a, i):\n    a.b += 1\n    a[i] += 2\n", "f");
        assertEquals(lines(
                "LOAD_FAST a", "COPY 1", "LOAD_ATTR b", "LOAD_CONST 1", "BINARY_OP +=", "SWAP 2", "STORE_ATTR b",
                "LOAD_FAST a", "LOAD_FAST i", "COPY 2", "COPY 2", "BINARY_SUBSCR", "LOAD_CONST 2", "BINARY_OP +=",
                "SWAP 3", "SWAP 2", "STORE_SUBSCR",
                "LOAD_CONST None", "RETURN_VALUE"), listing(f));
    }

    @Test
    void plainCallPushesNullAfterTheCallable() {
        CodeObject module = compile("print(1, sep='')\n");
        assertEquals(lines("LOAD_NAME print", "PUSH_NULL", "LOAD_CONST 1", "LOAD_CONST ''", "LOAD_CONST ('sep',)",
                "CALL_KW 2", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE"), listing(module));
    }

    @Test
    void starArgumentsBuildATupleAndADict() {
        CodeObject f = compileAndFind("def f(g, a, k):\n    return g(1, *a, x=2, **k)\n", "f");
        assertEquals(lines("LOAD_FAST g", "PUSH_NULL", "LOAD_CONST 1", "BUILD_LIST 1", "LOAD_FAST a",
                "LIST_EXTEND 1", "LIST_TO_TUPLE", "LOAD_CONST 'x'", "LOAD_CONST 2", "BUILD_MAP 1",
                "LOAD_FAST k", "DICT_MERGE 1", "CALL_FUNCTION_EX 1", "RETURN_VALUE"), listing(f));
        // CALL_FUNCTION_EX wants a real tuple, even for a lone *args.
        CodeObject g = compileAndFind("def g(h, a):\n    return h(*a)\n", "g");
        assertEquals(lines("LOAD_FAST h", "PUSH_NULL", "BUILD_LIST 0", "LOAD_FAST a", "LIST_EXTEND 1",
                "LIST_TO_TUPLE", "CALL_FUNCTION_EX 0", "RETURN_VALUE"), listing(g));
    }

    @Test
    void forLoopHasExactlyOneBackEdge() {
        CodeObject f = compileAndFind("def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n", "f");
        assertEquals(lines("LOAD_CONST 0", "STORE_FAST t", "LOAD_FAST xs", "GET_ITER", "FOR_ITER 11",
                "STORE_FAST x", "LOAD_FAST t", "LOAD_FAST x", "BINARY_OP +=", "STORE_FAST t", "JUMP_BACKWARD 4",
                "LOAD_FAST t", "RETURN_VALUE"), listing(f));
        assertEquals(1, count(f, Opcode.JUMP_BACKWARD));
    }

    @Test
    void whileLoopTestsAtTheTopAndJumpsBackOnce() {
        CodeObject f = compileAndFind("def f(n):\n    while n > 0:\n        n -= 1\n    return n\n", "f");
        assertEquals(lines("LOAD_FAST n", "LOAD_CONST 0", "COMPARE_OP >", "POP_JUMP_IF_FALSE 9",
                "LOAD_FAST n", "LOAD_CONST 1", "BINARY_OP -=", "STORE_FAST n", "JUMP_BACKWARD 0",
                "LOAD_FAST n", "RETURN_VALUE"), listing(f));
        CodeObject g = compileAndFind("def g():\n    while True:\n        h()\n", "g");
        assertEquals(lines("NOP", "LOAD_GLOBAL h", "PUSH_NULL", "CALL 0", "POP_TOP", "JUMP_BACKWARD 1"), listing(g));
    }

    @Test
    void breakAndContinueLeaveTheRightLoop() {
        CodeObject f = compileAndFind(lines(
                "def f(xs):",
                "    for x in xs:",
                "        if x:",
                "            continue",
                "        break",
                "    return 0"), "f");
        // break pops the iterator and falls into the code after the loop, where FOR_ITER also ends
        assertEquals(lines("LOAD_FAST xs", "GET_ITER", "FOR_ITER 8", "STORE_FAST x", "LOAD_FAST x",
                "POP_JUMP_IF_FALSE 7", "JUMP_BACKWARD 2", "POP_TOP", "LOAD_CONST 0", "RETURN_VALUE"), listing(f));
    }

    @Test
    void conditionsFoldNotAndOrIntoJumps() {
        CodeObject f = compileAndFind("def f(a, b, c):\n    if a and not b or c:\n        g()\n", "f");
        // the implicit return is copied for the jump, as CPython does, so each copy has its own line
        assertEquals(lines("LOAD_FAST a", "POP_JUMP_IF_FALSE 4", "LOAD_FAST b", "POP_JUMP_IF_FALSE 6",
                "LOAD_FAST c", "POP_JUMP_IF_FALSE 12", "LOAD_GLOBAL g", "PUSH_NULL", "CALL 0", "POP_TOP",
                "LOAD_CONST None", "RETURN_VALUE", "LOAD_CONST None", "RETURN_VALUE"), listing(f));
        CodeObject g = compileAndFind("def g(x):\n    if x is None:\n        return 1\n", "g");
        assertEquals(lines("LOAD_FAST x", "POP_JUMP_IF_NOT_NONE 4", "LOAD_CONST 1", "RETURN_VALUE",
                "LOAD_CONST None", "RETURN_VALUE"), listing(g));
    }

    @Test
    void andOrValuesUseJumpIfOrPop() {
        CodeObject f = compileAndFind("def f(a, b, c):\n    return a and b or c\n", "f");
        assertEquals(lines("LOAD_FAST a", "JUMP_IF_FALSE_OR_POP 3", "LOAD_FAST b", "JUMP_IF_TRUE_OR_POP 5",
                "LOAD_FAST c", "RETURN_VALUE"), listing(f));
    }

    @Test
    void chainedComparisonKeepsTheMiddleOperand() {
        CodeObject f = compileAndFind("def f(a, b, c):\n    return a < b < c\n", "f");
        assertEquals(lines("LOAD_FAST a", "LOAD_FAST b", "SWAP 2", "COPY 2", "COMPARE_OP <",
                "JUMP_IF_FALSE_OR_POP 9", "LOAD_FAST c", "COMPARE_OP <", "JUMP_FORWARD 11", "SWAP 2", "POP_TOP",
                "RETURN_VALUE"), listing(f));
    }

    @Test
    void swapsAreResolvedStaticallyForDistinctLocals() {
        CodeObject f = compileAndFind("def f(a, b):\n    a, b = b, a\n    return a\n", "f");
        assertEquals(lines("LOAD_FAST b", "LOAD_FAST a", "STORE_FAST b", "STORE_FAST a", "LOAD_FAST a",
                "RETURN_VALUE"), listing(f));
        CodeObject module = compile("a, b = b, a\n");
        assertEquals(lines("LOAD_NAME b", "LOAD_NAME a", "SWAP 2", "STORE_NAME a", "STORE_NAME b",
                "LOAD_CONST None", "RETURN_VALUE"), listing(module));
    }

    @Test
    void starredTargetsUseUnpackEx() {
        CodeObject f = compileAndFind("def f(p):\n    x, *y, z = p\n", "f");
        assertEquals(lines("LOAD_FAST p", "UNPACK_EX 257", "STORE_FAST x", "STORE_FAST y", "STORE_FAST z",
                "LOAD_CONST None", "RETURN_VALUE"), listing(f));
    }

    @Test
    void tryExceptHasHandlerEntriesAndCleanup() {
        CodeObject f = compileAndFind(lines(
                "def f():",
                "    try:",
                "        a()",
                "    except E as e:",
                "        b(e)"), "f");
        assertEquals(lines(
                "NOP",
                "LOAD_GLOBAL a", "PUSH_NULL", "CALL 0", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE",
                "PUSH_EXC_INFO", "LOAD_GLOBAL E", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE 27", "STORE_FAST e",
                "LOAD_GLOBAL b", "PUSH_NULL", "LOAD_FAST e", "CALL 1", "POP_TOP",
                "POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "LOAD_CONST None", "RETURN_VALUE",
                "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "RERAISE",
                "RERAISE",
                "COPY 2", "POP_EXCEPT", "RERAISE"), listing(f));
        assertArrayEquals(new int[] {
                1, 5, 7, 0,     // the try body: handler PUSH_EXC_INFO, empty stack
                7, 12, 28, 1,   // matching: cleanup restores the previous exception (kept at depth 1)
                12, 17, 23, 1,  // the handler body: `e = None; del e` then re-raise
                23, 28, 28, 1}, f.exceptionTable);
        assertEquals(4, f.maxStack);
    }

    @Test
    void finallyBodyIsCopiedOnEveryExit() {
        CodeObject f = compileAndFind(lines(
                "def f(a):",
                "    try:",
                "        return g(a)",
                "    finally:",
                "        h()"), "f");
        // once for the return path, once for the exception path
        assertEquals(2, instructions(f).stream().filter(s -> s.equals("LOAD_GLOBAL h")).count());
        assertEquals(lines(
                "NOP",
                "LOAD_GLOBAL g", "PUSH_NULL", "LOAD_FAST a", "CALL 1",
                "LOAD_GLOBAL h", "PUSH_NULL", "CALL 0", "POP_TOP", "RETURN_VALUE",
                "PUSH_EXC_INFO", "LOAD_GLOBAL h", "PUSH_NULL", "CALL 0", "POP_TOP", "RERAISE",
                "COPY 2", "POP_EXCEPT", "RERAISE"), listing(f));
        assertArrayEquals(new int[] {1, 5, 10, 0, 10, 16, 16, 1}, f.exceptionTable);
    }

    @Test
    void breakInsideFinallyInsideLoopUnwindsTheIterator() {
        CodeObject f = compileAndFind(lines(
                "def f(xs):",
                "    for x in xs:",
                "        try:",
                "            if x: break",
                "        finally:",
                "            print(x)"), "f");
        List<String> code = instructions(f);
        assertEquals(3, code.stream().filter(s -> s.equals("LOAD_GLOBAL print")).count());
        assertTrue(BytecodeVerifier.verify(compile("def f(xs):\n    for x in xs:\n        try:\n"
                + "            if x: break\n        finally:\n            return x\n")).isEmpty());
    }

    @Test
    void withStatementCallsExitOnBothPaths() {
        CodeObject f = compileAndFind("def f():\n    with a() as b:\n        c(b)\n", "f");
        assertEquals(lines(
                "LOAD_GLOBAL a", "PUSH_NULL", "CALL 0", "BEFORE_WITH", "STORE_FAST b",
                "LOAD_GLOBAL c", "PUSH_NULL", "LOAD_FAST b", "CALL 1", "POP_TOP",
                "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL 2", "POP_TOP",
                "LOAD_CONST None", "RETURN_VALUE",
                "PUSH_EXC_INFO", "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE 24", "RERAISE",
                "COPY 2", "POP_EXCEPT", "RERAISE",
                "POP_TOP", "POP_EXCEPT", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE"), listing(f));
        // the handler is entered with `exit` below the exception
        assertArrayEquals(new int[] {4, 10, 17, 1, 17, 21, 21, 2, 24, 25, 21, 2}, f.exceptionTable);
    }

    @Test
    void closureCellsAndFreeVariables() {
        CodeObject outer = compileAndFind(lines(
                "def outer(a):",
                "    x = 1",
                "    def inner():",
                "        return x + a",
                "    return inner"), "outer");
        assertEquals(List.of("a", "x"), Arrays.asList(outer.cellvars));
        assertArrayEquals(new int[] {0, -1}, outer.cellArgs);
        assertEquals(lines("LOAD_CONST 1", "STORE_DEREF x", "LOAD_CLOSURE a", "LOAD_CLOSURE x", "BUILD_TUPLE 2",
                "LOAD_CONST <code inner>", "MAKE_FUNCTION 8", "STORE_FAST inner", "LOAD_FAST inner",
                "RETURN_VALUE"), listing(outer));
        CodeObject inner = CompileHelper.find(outer, "outer.<locals>.inner");
        assertEquals(List.of("a", "x"), Arrays.asList(inner.freevars));
        assertEquals(lines("LOAD_DEREF x", "LOAD_DEREF a", "BINARY_OP +", "RETURN_VALUE"), listing(inner));
        assertTrue((inner.flags & CodeObject.NESTED) != 0);
    }

    @Test
    void nonlocalAndGlobalDeclarations() {
        CodeObject f = compileAndFind(lines(
                "def f():",
                "    n = 0",
                "    def g():",
                "        nonlocal n",
                "        global m",
                "        n += 1",
                "        m = n",
                "    return g"), "f.<locals>.g");
        assertEquals(lines("LOAD_DEREF n", "LOAD_CONST 1", "BINARY_OP +=", "STORE_DEREF n", "LOAD_DEREF n",
                "STORE_GLOBAL m", "LOAD_CONST None", "RETURN_VALUE"), listing(f));
    }

    @Test
    void classBodiesReadFreeVariablesWithLoadClassderef() {
        CodeObject c = compileAndFind("def f():\n    x = 1\n    class C:\n        y = x\n    return C\n",
                "f.<locals>.C");
        assertEquals(lines("LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'f.<locals>.C'",
                "STORE_NAME __qualname__", "LOAD_CLASSDEREF x", "STORE_NAME y", "LOAD_CONST None", "RETURN_VALUE"),
                listing(c));
    }

    @Test
    void comprehensionIsAFunctionOfTheOuterIterator() {
        CodeObject module = compile("def f(xs, y):\n    return [x * y for x in xs if x]\n");
        CodeObject f = CompileHelper.find(module, "f");
        assertEquals(lines("LOAD_CLOSURE y", "BUILD_TUPLE 1", "LOAD_CONST <code <listcomp>>", "MAKE_FUNCTION 8",
                "LOAD_FAST xs", "GET_ITER", "CALL 0", "RETURN_VALUE"), listing(f));
        CodeObject comp = CompileHelper.find(module, "f.<locals>.<listcomp>");
        assertEquals(1, comp.argCount);
        assertEquals(List.of(".0", "x"), Arrays.asList(comp.varnames));
        assertEquals(lines("BUILD_LIST 0", "LOAD_FAST .0", "FOR_ITER 11", "STORE_FAST x", "LOAD_FAST x",
                "POP_JUMP_IF_FALSE 10", "LOAD_FAST x", "LOAD_DEREF y", "BINARY_OP *", "LIST_APPEND 2",
                "JUMP_BACKWARD 2", "RETURN_VALUE"), listing(comp));
    }

    @Test
    void comprehensionScopesInClassBodies() {
        CodeObject module = compile("class C:\n    xs = [1, 2]\n    ys = [x + 1 for x in xs]\n");
        CodeObject c = CompileHelper.find(module, "C");
        // the first iterable is evaluated in the class body; the loop variable stays local
        assertTrue(listing(c).contains("LOAD_NAME xs\nGET_ITER\nCALL 0\nSTORE_NAME ys"));
        CodeObject comp = CompileHelper.find(module, "C.<listcomp>");
        assertTrue(instructions(comp).contains("STORE_FAST x"));
    }

    @Test
    void walrusInComprehensionBindsInTheEnclosingFunction() {
        CodeObject module = compile("def f(xs):\n    [y := x for x in xs]\n    return y\n");
        CodeObject f = CompileHelper.find(module, "f");
        assertEquals(List.of("y"), Arrays.asList(f.cellvars));
        CodeObject comp = CompileHelper.find(module, "f.<locals>.<listcomp>");
        assertEquals(List.of("y"), Arrays.asList(comp.freevars));
        assertTrue(listing(comp).contains("COPY 1\nSTORE_DEREF y"));
    }

    @Test
    void generatorExpressionYieldsAndIsAGenerator() {
        CodeObject g = compileAndFind("g = (x for x in y)\n", "<genexpr>");
        assertTrue(g.isGenerator());
        assertEquals(lines("LOAD_FAST .0", "FOR_ITER 7", "STORE_FAST x", "LOAD_FAST x", "YIELD_VALUE",
                "POP_TOP", "JUMP_BACKWARD 1", "LOAD_CONST None", "RETURN_VALUE"), listing(g));
    }

    @Test
    void generatorsAndYieldFrom() {
        CodeObject g = compileAndFind("def g(it):\n    x = yield 1\n    return (yield from it)\n", "g");
        assertTrue(g.isGenerator());
        assertEquals(lines("LOAD_CONST 1", "YIELD_VALUE", "STORE_FAST x", "LOAD_FAST it", "GET_YIELD_FROM_ITER",
                "LOAD_CONST None", "YIELD_FROM", "RETURN_VALUE"), listing(g));
    }

    @Test
    void zeroArgumentSuperGivesTheClassACell() {
        CodeObject module = compile("class C(B):\n    def m(self):\n        return super().m()\n");
        assertEquals(lines("LOAD_BUILD_CLASS", "PUSH_NULL", "LOAD_CONST <code C>", "MAKE_FUNCTION 0",
                "LOAD_CONST 'C'", "LOAD_NAME B", "CALL 3", "STORE_NAME C", "LOAD_CONST None", "RETURN_VALUE"),
                listing(module));
        CodeObject c = CompileHelper.find(module, "C");
        assertEquals(List.of("__class__"), Arrays.asList(c.cellvars));
        assertEquals(lines("LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'C'", "STORE_NAME __qualname__",
                "LOAD_CLOSURE __class__", "BUILD_TUPLE 1", "LOAD_CONST <code m>", "MAKE_FUNCTION 8", "STORE_NAME m",
                "LOAD_CLOSURE __class__", "STORE_NAME __classcell__", "LOAD_CONST None", "RETURN_VALUE"),
                listing(c));
        CodeObject m = CompileHelper.find(module, "C.m");
        assertEquals(List.of("__class__"), Arrays.asList(m.freevars));
        assertEquals(lines("LOAD_GLOBAL super", "PUSH_NULL", "CALL 0", "LOAD_METHOD m", "CALL 0", "RETURN_VALUE"),
                listing(m));
    }

    @Test
    void classKeywordsAndDecorators() {
        CodeObject module = compile("@d1\n@d2(3)\nclass C(B, metaclass=M):\n    pass\n");
        assertEquals(lines("LOAD_NAME d1", "LOAD_NAME d2", "PUSH_NULL", "LOAD_CONST 3", "CALL 1",
                "LOAD_BUILD_CLASS", "PUSH_NULL", "LOAD_CONST <code C>", "MAKE_FUNCTION 0", "LOAD_CONST 'C'",
                "LOAD_NAME B", "LOAD_NAME M", "LOAD_CONST ('metaclass',)", "CALL_KW 4",
                "CALL 0", "CALL 0", "STORE_NAME C", "LOAD_CONST None", "RETURN_VALUE"), listing(module));
        assertEquals(1, CompileHelper.find(module, "C").firstLine);
    }

    @Test
    void qualnamesFollowNesting() {
        CodeObject module = compile(lines(
                "def f():",
                "    def g(): pass",
                "    class K:",
                "        def m(self): return lambda: 0",
                "    return g, K"));
        for (String qualname : List.of("f", "f.<locals>.g", "f.<locals>.K", "f.<locals>.K.m",
                "f.<locals>.K.m.<locals>.<lambda>")) {
            assertTrue(CompileHelper.find(module, qualname) != null, qualname);
        }
    }

    @Test
    void defaultsKeywordDefaultsAndAnnotations() {
        CodeObject module = compile("def f(a: int, b=1, *c, d, e=2, **g) -> str:\n    pass\n");
        assertEquals(lines("LOAD_CONST (1,)", "LOAD_CONST 2", "LOAD_CONST ('e',)", "BUILD_CONST_KEY_MAP 1",
                "LOAD_NAME int", "LOAD_NAME str", "LOAD_CONST ('a', 'return')", "BUILD_CONST_KEY_MAP 2",
                "LOAD_CONST <code f>", "MAKE_FUNCTION 7", "STORE_NAME f", "LOAD_CONST None", "RETURN_VALUE"),
                listing(module));
        CodeObject f = CompileHelper.find(module, "f");
        assertEquals(2, f.argCount);
        assertEquals(2, f.kwOnlyArgCount);
        assertEquals(List.of("a", "b", "d", "e", "c", "g"), Arrays.asList(f.varnames));
        assertTrue(f.hasVarargs() && f.hasVarkeywords());
    }

    @Test
    void docstringIsConstantZeroOfFunctions() {
        CodeObject module = compile(lines(
                "'''module doc'''",
                "def f():",
                "    'function doc'",
                "    return 1",
                "def g():",
                "    return 2",
                "h = lambda: 3"));
        assertEquals(lines("LOAD_CONST 'module doc'", "STORE_NAME __doc__"),
                String.join("\n", instructions(module).subList(0, 2)));
        assertEquals("function doc", CompileHelper.find(module, "f").consts[0]);
        assertEquals(lines("LOAD_CONST 1", "RETURN_VALUE"), listing(CompileHelper.find(module, "f")));
        assertEquals(Py.None, CompileHelper.find(module, "g").consts[0]);
        assertEquals(Py.None, CompileHelper.find(module, "<lambda>").consts[0]);
    }

    @Test
    void annotatedAssignmentsInModulesAndFunctions() {
        CodeObject module = compile("x: int = 1\ny: str\ndef f():\n    z: int = 2\n");
        assertEquals(lines("SETUP_ANNOTATIONS", "LOAD_CONST 1", "STORE_NAME x", "LOAD_NAME int",
                "LOAD_NAME __annotations__", "LOAD_CONST 'x'", "STORE_SUBSCR", "LOAD_NAME str",
                "LOAD_NAME __annotations__", "LOAD_CONST 'y'", "STORE_SUBSCR"),
                String.join("\n", instructions(module).subList(0, 11)));
        // in a function the annotation is not evaluated
        assertEquals(lines("LOAD_CONST 2", "STORE_FAST z", "LOAD_CONST None", "RETURN_VALUE"),
                listing(CompileHelper.find(module, "f")));
    }

    @Test
    void constantsAreDeduplicatedByTypeAndValue() {
        CodeObject f = compileAndFind(lines(
                "def f():",
                "    a = 1",
                "    b = 1.0",
                "    c = True",
                "    d = 0.0",
                "    e = -0.0",
                "    g = 1",
                "    h = (1, 2.0, -3)",
                "    i = (1, 2.0, -3)"), "f");
        assertEquals(List.of("None", "1", "1.0", "True", "0.0", "-0.0", "(1, 2.0, -3)"),
                Arrays.stream(f.consts).map(CompileHelper::constant).toList());
    }

    @Test
    void unaryMinusOnLiteralsIsFolded() {
        CodeObject module = compile("a = -5\nb = -9223372036854775808\nc = -(2.5)\nd = -x\n");
        assertEquals(-5L, module.consts[0]);
        assertEquals(Long.MIN_VALUE, module.consts[1]);
        assertEquals(-2.5, module.consts[2]);
        assertTrue(instructions(module).contains("UNARY_NEGATIVE"));
    }

    @Test
    void importsBindTheRightNames() {
        CodeObject module = compile("import a.b.c\nimport a.b as d\nfrom ..m import y as z, w\nfrom m import *\n");
        assertEquals(lines(
                "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c", "STORE_NAME a",
                "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b", "IMPORT_FROM b", "STORE_NAME d", "POP_TOP",
                "LOAD_CONST 2", "LOAD_CONST ('y', 'w')", "IMPORT_NAME m", "IMPORT_FROM y", "STORE_NAME z",
                "IMPORT_FROM w", "STORE_NAME w", "POP_TOP",
                "LOAD_CONST 0", "LOAD_CONST ('*',)", "IMPORT_NAME m", "IMPORT_STAR",
                "LOAD_CONST None", "RETURN_VALUE"), listing(module));
    }

    @Test
    void deleteForms() {
        CodeObject f = compileAndFind("def f(x, y, z, q):\n    del x, y[1], z.a, q[1:2]\n", "f");
        assertEquals(lines("DELETE_FAST x", "LOAD_FAST y", "LOAD_CONST 1", "DELETE_SUBSCR", "LOAD_FAST z",
                "DELETE_ATTR a", "LOAD_FAST q", "LOAD_CONST 1", "LOAD_CONST 2", "BUILD_SLICE 2", "DELETE_SUBSCR",
                "LOAD_CONST None", "RETURN_VALUE"), listing(f));
    }

    @Test
    void assertAndRaise() {
        CodeObject f = compileAndFind("def f(p):\n    assert p, 'msg'\n    raise E from F\n", "f");
        assertEquals(lines("LOAD_FAST p", "POP_JUMP_IF_TRUE 6", "LOAD_ASSERTION_ERROR", "LOAD_CONST 'msg'",
                "CALL 0", "RAISE_VARARGS 1", "LOAD_GLOBAL E", "LOAD_GLOBAL F", "RAISE_VARARGS 2"), listing(f));
    }

    @Test
    void fStringsFormatAndConcatenate() {
        CodeObject f = compileAndFind("def f(p, q):\n    return f'a{p!r:>{q}}b{q}'\n", "f");
        assertEquals(lines("LOAD_CONST 'a'", "LOAD_FAST p", "LOAD_CONST '>'", "LOAD_FAST q", "FORMAT_VALUE 0",
                "BUILD_STRING 2", "FORMAT_VALUE 6", "LOAD_CONST 'b'", "LOAD_FAST q", "FORMAT_VALUE 0",
                "BUILD_STRING 4", "RETURN_VALUE"), listing(f));
    }

    @Test
    void displaysWithUnpacking() {
        CodeObject f = compileAndFind("def f(p):\n    return [*p, 1], {**p, 'a': 1}, [1, 2, 3], {1: 2, 'a': 3}\n", "f");
        assertEquals(lines("BUILD_LIST 0", "LOAD_FAST p", "LIST_EXTEND 1", "LOAD_CONST 1", "LIST_APPEND 1",
                "BUILD_MAP 0", "LOAD_FAST p", "DICT_UPDATE 1", "LOAD_CONST 'a'", "LOAD_CONST 1", "BUILD_MAP 1",
                "DICT_UPDATE 1", "BUILD_LIST 0", "LOAD_CONST (1, 2, 3)", "LIST_EXTEND 1",
                "LOAD_CONST 2", "LOAD_CONST 3", "LOAD_CONST (1, 'a')", "BUILD_CONST_KEY_MAP 2",
                "BUILD_TUPLE 4", "RETURN_VALUE"), listing(f));
    }

    @Test
    void interactiveStatementsPrintTheirValue() {
        CodeObject code = Compiler.compileInteractive(dev.gild.parser.Parser.parseInteractive("1 + x\n", "<stdin>"),
                "<stdin>");
        assertEquals(lines("LOAD_CONST 1", "LOAD_NAME x", "BINARY_OP +", "PRINT_EXPR", "LOAD_CONST None",
                "RETURN_VALUE"), listing(code));
    }

    @Test
    void evalExpressionsReturnTheirValue() {
        CodeObject code = Compiler.compileExpression(dev.gild.parser.Parser.parseExpression("a + 1", "<string>"),
                "<string>");
        assertEquals(lines("LOAD_NAME a", "LOAD_CONST 1", "BINARY_OP +", "RETURN_VALUE"), listing(code));
        assertEquals("<module>", code.name);
    }

    @Test
    void everyInstructionHasTheLineOfItsStatement() {
        CodeObject f = compileAndFind(lines(
                "def f(a,",
                "      b):",
                "    x = g(a,",
                "          b)",
                "    return x"), "f");
        // LOAD_GLOBAL g, PUSH_NULL, LOAD_FAST a, LOAD_FAST b, CALL 2, STORE_FAST x, LOAD_FAST x, RETURN_VALUE
        assertArrayEquals(new int[] {3, 3, 3, 4, 3, 3, 5, 5}, f.lines);
        assertEquals(1, f.firstLine);
    }

    @Test
    void privateNamesAreMangledInClasses() {
        CodeObject m = compileAndFind("class C:\n    def m(self):\n        return self.__x + __y\n", "C.m");
        assertEquals(lines("LOAD_FAST self", "LOAD_ATTR _C__x", "LOAD_GLOBAL _C__y", "BINARY_OP +", "RETURN_VALUE"),
                listing(m));
    }

    @Test
    void onlyJumpBackwardGoesBackwards() {
        CodeObject module = compile(lines(
                "def f(xs):",
                "    while xs:",
                "        for x in xs:",
                "            if x > 3 and x < 10:",
                "                continue",
                "            try:",
                "                break",
                "            finally:",
                "                xs = [y for y in xs if y if y > 1]",
                "    return xs"));
        assertTrue(BytecodeVerifier.verify(module).isEmpty(), () -> BytecodeVerifier.verify(module).toString());
        assertFalse(CompileHelper.find(module, "f.<locals>.<listcomp>") == null);
    }
}
