package dev.gild.compiler;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.Disassembler;
import org.junit.jupiter.api.Test;

import static dev.gild.compiler.CompileHelper.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listing layout of CPython 3.11's dis.dis, line by line. */
class DisassemblerTest {
    private static final String LOOP = lines(
            "def f(x):",
            "    for i in range(x):",
            "        x += i",
            "    return x",
            "");

    @Test
    void smallFunctionListing() {
        assertEquals(lines(
                "  1           0 LOAD_CONST               0 (<code object f at 0x0001, file \"test.py\", line 1>)",
                "              2 MAKE_FUNCTION            0",
                "              4 STORE_NAME               0 (f)",
                "              6 LOAD_CONST               1 (None)",
                "              8 RETURN_VALUE",
                "",
                "Disassembly of <code object f at 0x0001, file \"test.py\", line 1>:",
                "  2           0 LOAD_GLOBAL              0 (range)",
                "              2 PUSH_NULL",
                "              4 LOAD_FAST                0 (x)",
                "              6 CALL                     1",
                "              8 GET_ITER",
                "        >>   10 FOR_ITER                12 (to 24)",
                "             12 STORE_FAST               1 (i)",
                "",
                "  3          14 LOAD_FAST                0 (x)",
                "             16 LOAD_FAST                1 (i)",
                "             18 BINARY_OP               13 (+=)",
                "             20 STORE_FAST               0 (x)",
                "             22 JUMP_BACKWARD            5 (to 10)",
                "",
                "  4     >>   24 LOAD_FAST                0 (x)",
                "             26 RETURN_VALUE",
                ""), Disassembler.disassemble(CompileHelper.compile(LOOP)));
    }

    @Test
    void switchPointsAreMarked() {
        CodeObject f = CompileHelper.find(CompileHelper.compile(LOOP), "f");
        String listing = Disassembler.disassemble(f, true);
        // before the first instruction, after each call returns and after the back edge (its target)
        assertEquals(lines(
                "  2 *           0 LOAD_GLOBAL              0 (range)",
                "                2 PUSH_NULL",
                "                4 LOAD_FAST                0 (x)",
                "                6 CALL                     1",
                "    *           8 GET_ITER",
                "    *     >>   10 FOR_ITER                12 (to 24)"),
                String.join("\n", listing.lines().limit(6).toList()));
        assertTrue(listing.contains("\n               22 JUMP_BACKWARD            5 (to 10)\n"), listing);
    }

    @Test
    void everyInstructionIsASwitchPointInInstructionMode() {
        CodeObject f = CompileHelper.find(CompileHelper.compile(LOOP), "f");
        String listing = Disassembler.disassemble(f, Disassembler.SwitchMarks.INSTRUCTION);
        assertTrue(listing.lines().filter(l -> !l.isEmpty()).allMatch(l -> l.charAt(4) == '*'), listing);
    }

    @Test
    void exceptionTableAndOperandMeanings() {
        CodeObject f = CompileHelper.find(CompileHelper.compile(lines(
                "def f(a, b):",
                "    try:",
                "        return f'{a!r:>{b}}' < b",
                "    except E:",
                "        return lambda: a",
                "")), "f");
        String listing = Disassembler.disassemble(f);
        assertTrue(listing.contains("FORMAT_VALUE             6 (repr, with format)"), listing);
        assertTrue(listing.contains("COMPARE_OP               0 (<)"), listing);
        assertTrue(listing.contains("MAKE_FUNCTION            8 (closure)"), listing);
        assertTrue(listing.contains("LOAD_CLOSURE             0 (a)"), listing);
        assertTrue(listing.contains(lines(
                "ExceptionTable:",
                "  2 to 16 -> 20 [0]",
                "  20 to 38 -> 46 [1]",
                "  44 to 44 -> 46 [1]",
                "")), listing);
        assertTrue(listing.contains("Disassembly of <code object <lambda> at 0x0001, file \"test.py\", line 5>:"));
    }
}
