package dev.gild.cli;

import dev.gild.bytecode.CodeObject;
import dev.gild.parser.Parser;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyTextStream;
import dev.gild.runtime.ThreadState;
import dev.gild.runtime.TracebackPrinter;

import java.io.Console;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive prompt, as CPython's: {@code >>> } and {@code ... } prompts (sys.ps1 and
 * sys.ps2), statements compiled one at a time in {@code single} mode so that expression values are
 * echoed (repr, bound to {@code _}, None not shown), a traceback after an error and then the next
 * prompt, Ctrl-C to drop the current input, Ctrl-D (end of input) or {@code exit()} to leave.
 *
 * <p>On a terminal the lines come from JLine (line editing, history in {@code ~/.gild_history}),
 * loaded only here so that running a script never pays for it. Otherwise ({@code -i} with
 * redirected input) lines are read from sys.stdin and the prompts go to stderr, as CPython does
 * when stdin is not a terminal.
 */
public final class Repl {
    private static final String FILENAME = "<stdin>";

    /** Where the lines typed at the prompt come from. */
    public interface LineInput {
        /**
         * Shows {@code prompt} and returns the next line without its line break, or null at the end
         * of input.
         *
         * @throws InputInterrupted when the user pressed Ctrl-C while typing
         */
        String readLine(String prompt) throws InputInterrupted;

        /** Gives the terminal back (history saved); nothing by default. */
        default void close() {}
    }

    /** Ctrl-C while a line was being typed: the input so far is dropped. */
    public static final class InputInterrupted extends Exception {
        public InputInterrupted() {
            super(null, null, false, false);
        }
    }

    private final InterpreterState interp;
    private final ThreadState ts;
    private final PyDict globals;
    private final LineInput input;

    public Repl(InterpreterState interp, ThreadState ts, PyDict globals, LineInput input) {
        this.interp = interp;
        this.ts = ts;
        this.globals = globals;
        this.input = input;
    }

    /**
     * Whether the program should be read interactively: stdin (and stdout, as the JDK's console
     * needs both) is a terminal.
     */
    public static boolean stdinIsTerminal() {
        Console console = System.console();
        if (console == null) return false;
        // From JDK 22 on, System.console() exists even when redirected; isTerminal() tells.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    /** Runs the prompt on the process's terminal or stdin until the user leaves; the exit status. */
    static int run(InterpreterState interp, ThreadState ts, PyDict globals) {
        LineInput input = stdinIsTerminal() ? JLineInput.open(ts) : new StreamInput(interp);
        try {
            writeErr(interp, banner() + "\n");
            return new Repl(interp, ts, globals, input).loop();
        } finally {
            input.close();
        }
    }

    /** The two lines printed when the prompt starts. */
    public static String banner() {
        return Version.banner() + " [Java " + Runtime.version().feature() + "] on " + platform() + "\n"
                + "Type \"exit()\" or Ctrl-D (i.e. EOF) to exit.";
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase();
        return os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "win32" : os;
    }

    /**
     * Reads, compiles and runs statements until the end of input or SystemExit.
     *
     * @return the exit status: 0 at the end of input, else SystemExit's
     */
    public int loop() {
        if (interp.sys.dict.getStr("ps1") == null) interp.sys.dict.put("ps1", ">>> ");
        if (interp.sys.dict.getStr("ps2") == null) interp.sys.dict.put("ps2", "... ");
        List<String> lines = new ArrayList<>();
        while (true) {
            // A Ctrl-C that stopped the last statement leaves the thread's interrupt flag set (and
            // one that came after it finished, a pending KeyboardInterrupt): neither may cut
            // short the next line.
            Thread.interrupted();
            ts.pendingAsync = null;
            String line;
            try {
                line = input.readLine(prompt(lines.isEmpty() ? "ps1" : "ps2"));
            } catch (InputInterrupted e) {
                lines.clear();
                // The line editor has already moved to a new line.
                writeErr(interp, "KeyboardInterrupt\n");
                continue;
            }
            if (line == null) {
                // End of input inside a block: run what was typed, as CPython does.
                Integer status = lines.isEmpty() ? null : execute(String.join("\n", lines));
                interp.flushAll();
                return status != null ? status : 0;
            }
            lines.add(line);
            String source = String.join("\n", lines);
            if (isIncomplete(source)) continue;
            lines.clear();
            if (source.isBlank()) continue;
            Integer status = execute(source);
            if (status != null) return status;
        }
    }

    private boolean isIncomplete(String source) {
        try {
            return Parser.isIncomplete(source);
        } catch (RuntimeException | StackOverflowError malformed) {
            // Let the compiler report whatever is wrong with it.
            return false;
        }
    }

    /** Runs one complete input; null to go on, or the exit status when it raised SystemExit. */
    private Integer execute(String source) {
        try {
            CodeObject code = Builtins.compileSource(interp, source + "\n", FILENAME, CodeCompiler.Mode.SINGLE);
            Eval.runModule(ts, code, globals);
            interp.flushAll();
            return null;
        } catch (PyException e) {
            PyBaseException exc = e.value;
            if (exc.isInstance(PyExc.SystemExit)) return Launcher.handleUncaught(interp, exc);
            interp.sys.dict.put("last_type", exc.getType());
            interp.sys.dict.put("last_value", exc);
            TracebackPrinter.print(interp, exc);
            return null;
        }
    }

    private String prompt(String name) {
        Object value = interp.sys.dict.getStr(name);
        try {
            return value == null ? "" : Ops.str(value);
        } catch (PyException e) {
            return "";
        }
    }

    private static void writeErr(InterpreterState interp, String text) {
        interp.flushAll();
        if (interp.currentStderr() instanceof PyTextStream err) {
            err.write(text);
            err.flush();
        } else {
            interp.stderr.write(text);
            interp.stderr.flush();
        }
    }

    /** Lines from sys.stdin, prompts on stderr: CPython's interactive mode without a terminal. */
    static final class StreamInput implements LineInput {
        private final InterpreterState interp;

        StreamInput(InterpreterState interp) {
            this.interp = interp;
        }

        @Override
        public String readLine(String prompt) {
            writeErr(interp, prompt);
            String line = interp.stdin.readline();
            if (line.isEmpty()) return null;
            int end = line.length();
            if (line.endsWith("\n")) end--;
            if (end > 0 && line.charAt(end - 1) == '\r') end--;
            return line.substring(0, end);
        }
    }
}
