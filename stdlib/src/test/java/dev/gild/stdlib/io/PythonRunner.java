package dev.gild.stdlib.io;

import dev.gild.lock.NoLock;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.lock.InterpreterLock;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;

import java.nio.file.Path;

/** Runs Python snippets on a fresh interpreter, starting in a given directory, for the stdlib tests. */
public final class PythonRunner {
    private PythonRunner() {}

    /**
     * Runs source with the interpreter's current directory set to dir; returns the module globals.
     * The thread is named MainThread, as the launcher names the main thread.
     */
    public static PyDict run(Path dir, String source) {
        return run(dir, source, new NoLock());
    }

    /** As {@link #run(Path, String)}, holding the given interpreter lock while the snippet runs. */
    public static PyDict run(Path dir, String source, InterpreterLock lock) {
        InterpreterState interp = new InterpreterState(RuntimeOptions.defaults(), lock, PythonRunner::compile);
        Thread.currentThread().setName("MainThread");
        ThreadState ts = interp.attachThread();
        lock.acquire(ts);
        try {
            WorkingDirectory.set(dir);
            PyModule main = new PyModule("__main__");
            main.dict.put("__builtins__", interp.builtinsModule);
            interp.modules.put("__main__", main);
            Eval.runModule(ts, Builtins.compileSource(interp, source, "<test>", CodeCompiler.Mode.EXEC), main.dict);
            return main.dict;
        } finally {
            lock.release(ts);
        }
    }

    /** The parser and compiler as the runtime's CodeCompiler (the CLI's own front end is package-private). */
    private static dev.gild.bytecode.CodeObject compile(String source, String filename, CodeCompiler.Mode mode) {
        return switch (mode) {
            case EXEC -> dev.gild.compiler.Compiler.compileModule(dev.gild.parser.Parser.parseModule(source, filename), filename);
            case EVAL -> dev.gild.compiler.Compiler.compileExpression(dev.gild.parser.Parser.parseExpression(source, filename), filename);
            case SINGLE -> dev.gild.compiler.Compiler.compileInteractive(dev.gild.parser.Parser.parseInteractive(source, filename), filename);
        };
    }

    /** str() of a global the snippet set. */
    public static String str(PyDict globals, String name) {
        return Ops.str(globals.getStr(name));
    }

    /** repr() of a global the snippet set. */
    public static String repr(PyDict globals, String name) {
        return Ops.repr(globals.getStr(name));
    }
}
