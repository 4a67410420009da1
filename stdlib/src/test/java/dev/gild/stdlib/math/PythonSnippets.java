package dev.gild.stdlib.math;

import dev.gild.compiler.Compiler;
import dev.gild.lock.FairGil;
import dev.gild.parser.Parser;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import java.util.List;
import java.util.Map;

/**
 * Runs Python snippets in one in-process interpreter (the stdlib modules found through the
 * service file, as under ./gild) and renders results the way the expected values were printed
 * by python3: repr of the value, or "ExceptionType: message".
 */
public final class PythonSnippets {
    private static InterpreterState interp;
    private static ThreadState thread;

    private PythonSnippets() {}

    private static final CodeCompiler FRONT_END = (source, filename, mode) -> switch (mode) {
        case EXEC -> Compiler.compileModule(Parser.parseModule(source, filename), filename);
        case EVAL -> Compiler.compileExpression(Parser.parseExpression(source, filename), filename);
        case SINGLE -> Compiler.compileInteractive(Parser.parseInteractive(source, filename), filename);
    };

    private static synchronized ThreadState thread() {
        if (interp == null) {
            FairGil lock = new FairGil(5_000_000L, 0);
            interp = new InterpreterState(new RuntimeOptions(false, List.of(""), Map.of(), null), lock, FRONT_END);
            thread = interp.attachThread();
            lock.acquire(thread);
        }
        return thread;
    }

    /** Runs setup statements in a fresh module, then returns repr(expression) or "Type: message". */
    public static synchronized String eval(String setup, String expression) {
        ThreadState ts = thread();
        PyModule module = new PyModule("__snippet__");
        PyDict globals = module.dict;
        globals.put("__builtins__", interp.builtinsModule);
        try {
            Eval.runModule(ts, FRONT_END.compile(setup, "<setup>", CodeCompiler.Mode.EXEC), globals);
            Object value = Eval.runCode(ts, FRONT_END.compile(expression, "<expr>", CodeCompiler.Mode.EVAL), globals, globals);
            return Ops.repr(value);
        } catch (PyException e) {
            String message = Ops.str(e.value);
            return e.type().getName() + (message.isEmpty() ? "" : ": " + message);
        }
    }

    public static String eval(String expression) { return eval("", expression); }
}
