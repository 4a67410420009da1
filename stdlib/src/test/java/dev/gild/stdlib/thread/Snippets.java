package dev.gild.stdlib.thread;

import dev.gild.compiler.Compiler;
import dev.gild.lock.InterpreterLock;
import dev.gild.parser.Parser;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;

/**
 * Runs Python source in a fresh interpreter on the calling thread (which becomes its main thread,
 * holding the lock) and hands back the module's globals, for tests that read the results.
 */
public final class Snippets {
    private Snippets() {}

    private static final CodeCompiler FRONT_END = (source, filename, mode) ->
            Compiler.compileModule(Parser.parseModule(source, filename), filename);

    public static PyDict run(InterpreterLock lock, String source) {
        InterpreterState interp = new InterpreterState(RuntimeOptions.defaults(), lock, FRONT_END);
        ThreadState ts = interp.attachThread();
        interp.mainThread = ts;
        lock.acquire(ts);
        try {
            PyDict globals = new PyDict();
            globals.put("__name__", "__main__");
            globals.put("__builtins__", interp.builtinsModule);
            Eval.runModule(ts, Builtins.compileSource(interp, source, "<test>", CodeCompiler.Mode.EXEC), globals);
            interp.runExitHooks();
            return globals;
        } finally {
            lock.release(ts);
            ThreadState.detach();
        }
    }
}
