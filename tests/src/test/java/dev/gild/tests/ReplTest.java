package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.cli.Repl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interactive prompt driven in process by scripted input lines. */
class ReplTest {
    /** Marks a line where the user presses Ctrl-C. */
    private static final String CTRL_C = "\u0003";

    /** Typed lines, then end of input; records the prompts shown. */
    private static final class ScriptedInput implements Repl.LineInput {
        final Deque<String> lines;
        final List<String> prompts = new ArrayList<>();

        ScriptedInput(String... lines) {
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public String readLine(String prompt) throws Repl.InputInterrupted {
            prompts.add(prompt);
            String line = lines.poll();
            if (CTRL_C.equals(line)) throw new Repl.InputInterrupted();
            return line;
        }
    }

    private record Run(int status, String out, String err, List<String> prompts) {}

    private static Run repl(String... lines) {
        InProcess.Session session = new InProcess.Session("");
        ScriptedInput input = new ScriptedInput(lines);
        int status = new Repl(session.interp, session.ts, session.globals, input).loop();
        return new Run(status, session.stdout(), session.stderr(), input.prompts);
    }

    @Test
    void expressionsAreEchoedAndBoundToUnderscore() {
        Run run = repl("1 + 1", "None", "'a' * 2", "_", "x = 5", "x");
        assertEquals("2\n'aa'\n'aa'\n5\n", run.out());
        assertEquals(0, run.status());
        assertEquals("", run.err());
    }

    @Test
    void echoGoesThroughSysDisplayhook() {
        Run run = repl("import sys", "sys.displayhook = lambda v: print('seen', v)", "41 + 1", "None",
                "sys.displayhook = sys.__displayhook__", "'back'");
        assertEquals("seen 42\nseen None\n'back'\n", run.out());
    }

    @Test
    void blocksContinueWithTheSecondaryPrompt() {
        Run run = repl("for i in range(3):", "    print(i)", "", "def f():", "    return 7", "", "f()");
        assertEquals("0\n1\n2\n7\n", run.out());
        assertEquals(List.of(">>> ", "... ", "... ", ">>> ", "... ", "... ", ">>> ", ">>> "), run.prompts());
    }

    @Test
    void errorsPrintATracebackAndTheSessionGoesOn() {
        Run run = repl("1/0", "x =", "print('still here')");
        assertEquals("still here\n", run.out());
        assertTrue(run.err().contains("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                + "ZeroDivisionError: division by zero\n"), run.err());
        assertTrue(run.err().contains("SyntaxError: invalid syntax"), run.err());
    }

    @Test
    void ctrlCDropsTheInputAndExitEnds() {
        Run run = repl("if 1:", CTRL_C, "print('after')", "exit(3)", "print('never')");
        assertEquals("after\n", run.out());
        assertEquals("KeyboardInterrupt\n", run.err());
        assertEquals(3, run.status());
        assertEquals(0, repl("quit()").status());
    }

    @Test
    void endOfInputInsideABlockRunsIt() {
        Run run = repl("if 1:", "    print('ran')");
        assertEquals("ran\n", run.out());
        assertEquals(0, run.status());
    }
}
