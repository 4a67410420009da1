package dev.gild.stdlib;

import dev.gild.bytecode.CodeObject;
import dev.gild.compiler.Compiler;
import dev.gild.lock.NoLock;
import dev.gild.parser.Parser;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;

/**
 * Runs Python snippets on one interpreter (with the stdlib on the class path) for module tests:
 * {@link #repr} executes statements and returns repr() of the variable {@code result}, or
 * "ExceptionType: message" when the snippet raises.
 */
public final class PythonSnippets {
    private static final InterpreterState INTERP;
    private static final ThreadState THREAD;

    static {
        CodeCompiler frontEnd = (source, filename, mode) -> switch (mode) {
            case EXEC -> Compiler.compileModule(Parser.parseModule(source, filename), filename);
            case EVAL -> Compiler.compileExpression(Parser.parseExpression(source, filename), filename);
            case SINGLE -> Compiler.compileInteractive(Parser.parseInteractive(source, filename), filename);
        };
        INTERP = new InterpreterState(RuntimeOptions.defaults(), new NoLock(), frontEnd);
        THREAD = INTERP.attachThread();
    }

    private PythonSnippets() {}

    /** repr(result) after running source, or "Type: message" for an uncaught exception. */
    public static synchronized String repr(String source) {
        PyModule module = new PyModule("__snippet__");
        PyDict globals = module.dict;
        globals.put("__builtins__", INTERP.builtinsModule);
        INTERP.modules.put("__snippet__", module);
        try {
            CodeObject code = Builtins.compileSource(INTERP, source, "<snippet>", CodeCompiler.Mode.EXEC);
            Eval.runModule(THREAD, code, globals);
            Object result = globals.getStr("result");
            return result == null ? "<no result>" : Ops.repr(result);
        } catch (PyException e) {
            return Ops.typeName(e.value) + ": " + Ops.str(e.value);
        }
    }

    /** repr() of one expression evaluated after the given imports. */
    public static String eval(String imports, String expression) {
        return repr(imports + "\nresult = " + expression + "\n");
    }
}
