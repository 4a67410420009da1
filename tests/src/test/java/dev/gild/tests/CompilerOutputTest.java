package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CompareOp;
import dev.gild.bytecode.Opcode;
import dev.gild.compiler.Compiler;
import dev.gild.parser.Parser;
import dev.gild.runtime.Ops;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The instructions the compiler emits for small functions, compared with what CPython 3.11's
 * {@code dis} shows for the same source. Gild has no {@code RESUME}, {@code PRECALL},
 * {@code MAKE_CELL}, {@code RETURN_GENERATOR} or {@code CACHE} (specialisation and frame set-up
 * are done differently), pushes the NULL of a global call with its own {@code PUSH_NULL} (CPython
 * folds it into {@code LOAD_GLOBAL}), and has one {@code POP_JUMP_IF_*} for both directions; every
 * other instruction below has CPython's name, operand and position. Jump targets are left out.
 */
class CompilerOutputTest {

    /** The instructions of the first function defined in {@code source}, as "NAME operand". */
    private static List<String> listing(String source) {
        CodeObject module = Compiler.compileModule(Parser.parseModule(source, "<test>"), "<test>");
        for (Object constant : module.consts) {
            if (constant instanceof CodeObject function) {
                List<String> out = new ArrayList<>();
                for (int word : function.code) out.add(format(function, word));
                return out;
            }
        }
        throw new AssertionError("no function in " + source);
    }

    private static String format(CodeObject code, int word) {
        Opcode op = Opcode.opcodeOf(word);
        int arg = Opcode.operandOf(word);
        return switch (op.operandKind) {
            case NONE, JUMP -> op.name();
            case LOCAL -> op + " " + code.varnames[arg];
            case NAME -> op + " " + code.names[arg];
            case DEREF -> op + " " + (arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length]);
            case CONST -> op + " " + (code.consts[arg] instanceof CodeObject nested ? "<code " + nested.name + ">" : Ops.repr(code.consts[arg]));
            case BINARY_OP -> op + " " + arg + " (" + BinaryOp.of(arg).symbol + ")";
            case COMPARE_OP -> op + " " + CompareOp.of(arg).symbol;
            default -> op + " " + arg;
        };
    }

    private static void assertListing(String source, String... expected) {
        assertEquals(List.of(expected), listing(source), source);
    }

    @Test
    void augmentedAssignmentToALocalIsBinaryOp13() {
        // CPython: LOAD_FAST x, LOAD_CONST 1, BINARY_OP 13 (+=), STORE_FAST x, LOAD_FAST x, RETURN_VALUE
        assertListing("def f(x):\n    x += 1\n    return x\n",
                "LOAD_FAST x", "LOAD_CONST 1", "BINARY_OP 13 (+=)", "STORE_FAST x", "LOAD_FAST x", "RETURN_VALUE");
    }

    @Test
    void forLoopIteratesWithForIterAndJumpsBack() {
        assertListing("def f(xs):\n    t = 0\n    for x in xs:\n        t = t + x\n    return t\n",
                "LOAD_CONST 0", "STORE_FAST t", "LOAD_FAST xs", "GET_ITER", "FOR_ITER", "STORE_FAST x",
                "LOAD_FAST t", "LOAD_FAST x", "BINARY_OP 0 (+)", "STORE_FAST t", "JUMP_BACKWARD",
                "LOAD_FAST t", "RETURN_VALUE");
    }

    @Test
    void whileLoopTestsAtTheTop() {
        // CPython 3.11 copies the test to the bottom (POP_JUMP_BACKWARD_IF_TRUE); Gild jumps back
        // to the one test, which is one instruction shorter and as fast on the VM.
        assertListing("def f(n):\n    while n > 0:\n        n -= 1\n    return n\n",
                "LOAD_FAST n", "LOAD_CONST 0", "COMPARE_OP >", "POP_JUMP_IF_FALSE", "LOAD_FAST n",
                "LOAD_CONST 1", "BINARY_OP 23 (-=)", "STORE_FAST n", "JUMP_BACKWARD", "LOAD_FAST n", "RETURN_VALUE");
    }

    @Test
    void ifElseReturnsFromBothBranches() {
        assertListing("def f(a):\n    if a:\n        return 1\n    else:\n        return 2\n",
                "LOAD_FAST a", "POP_JUMP_IF_FALSE", "LOAD_CONST 1", "RETURN_VALUE", "LOAD_CONST 2", "RETURN_VALUE");
    }

    @Test
    void methodCallUsesLoadMethod() {
        assertListing("def f(L, x):\n    L.append(x)\n",
                "LOAD_FAST L", "LOAD_METHOD append", "LOAD_FAST x", "CALL 1", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void globalCallPushesNull() {
        // CPython: LOAD_GLOBAL (NULL + len), LOAD_FAST x, PRECALL 1, CALL 1, RETURN_VALUE
        assertListing("def f(x):\n    return len(x)\n",
                "LOAD_GLOBAL len", "PUSH_NULL", "LOAD_FAST x", "CALL 1", "RETURN_VALUE");
    }

    @Test
    void closureStoresIntoACellAndPassesIt() {
        assertListing("def f():\n    a = 1\n    def g():\n        return a\n    return g\n",
                "LOAD_CONST 1", "STORE_DEREF a", "LOAD_CLOSURE a", "BUILD_TUPLE 1", "LOAD_CONST <code g>",
                "MAKE_FUNCTION 8", "STORE_FAST g", "LOAD_FAST g", "RETURN_VALUE");
    }

    @Test
    void subscriptReadAndWrite() {
        assertListing("def f(d, k):\n    d[k] = d[k] + 1\n",
                "LOAD_FAST d", "LOAD_FAST k", "BINARY_SUBSCR", "LOAD_CONST 1", "BINARY_OP 0 (+)",
                "LOAD_FAST d", "LOAD_FAST k", "STORE_SUBSCR", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void comparisonAndIdentity() {
        assertListing("def f(a, b):\n    return a < b\n", "LOAD_FAST a", "LOAD_FAST b", "COMPARE_OP <", "RETURN_VALUE");
        assertListing("def f(a):\n    return a is None\n", "LOAD_FAST a", "LOAD_CONST None", "IS_OP 0", "RETURN_VALUE");
    }

    @Test
    void unpackingAndTupleBuilding() {
        assertListing("def f(t):\n    a, b = t\n    return b, a\n",
                "LOAD_FAST t", "UNPACK_SEQUENCE 2", "STORE_FAST a", "STORE_FAST b", "LOAD_FAST b",
                "LOAD_FAST a", "BUILD_TUPLE 2", "RETURN_VALUE");
        assertListing("def f(a, b):\n    return [a, b], {a: b}\n",
                "LOAD_FAST a", "LOAD_FAST b", "BUILD_LIST 2", "LOAD_FAST a", "LOAD_FAST b", "BUILD_MAP 1",
                "BUILD_TUPLE 2", "RETURN_VALUE");
    }

    @Test
    void tryExceptUsesTheExceptionTableInstructions() {
        // CPython's RERAISE and COPY operands differ (RERAISE 0/1, COPY 3): its handlers also keep
        // the previous lasti on the stack. The shape is the same.
        assertListing("def f():\n    try:\n        g()\n    except ValueError:\n        pass\n",
                "NOP", "LOAD_GLOBAL g", "PUSH_NULL", "CALL 0", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE",
                "PUSH_EXC_INFO", "LOAD_GLOBAL ValueError", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE", "POP_TOP",
                "POP_EXCEPT", "LOAD_CONST None", "RETURN_VALUE", "RERAISE", "COPY 2", "POP_EXCEPT", "RERAISE");
    }

    @Test
    void listComprehensionIsANestedFunction() {
        assertListing("def f(xs):\n    return [x for x in xs]\n",
                "LOAD_CONST <code <listcomp>>", "MAKE_FUNCTION 0", "LOAD_FAST xs", "GET_ITER", "CALL 0", "RETURN_VALUE");
    }

    @Test
    void generatorYieldsAndShortCircuitKeepsTheOperand() {
        assertListing("def f():\n    yield 1\n", "LOAD_CONST 1", "YIELD_VALUE", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
        assertListing("def f(a, b):\n    return a and b\n", "LOAD_FAST a", "JUMP_IF_FALSE_OR_POP", "LOAD_FAST b", "RETURN_VALUE");
        assertListing("def f(e):\n    raise e\n", "LOAD_FAST e", "RAISE_VARARGS 1");
        assertListing("def f(o):\n    return o.x\n", "LOAD_FAST o", "LOAD_ATTR x", "RETURN_VALUE");
    }
}
