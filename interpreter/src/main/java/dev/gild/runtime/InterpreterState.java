package dev.gild.runtime;

import dev.gild.lock.InterpreterLock;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * Everything one interpreter shares between its threads: builtins, sys and the module table,
 * the import system, the lock, the standard streams and the compiler. Several interpreters can
 * live in one JVM (stress runs, exploration), so nothing of this is static.
 */
public final class InterpreterState {
    public final RuntimeOptions options;
    public final InterpreterLock lock;
    public final CodeCompiler compiler;
    public final PyModule builtinsModule = new PyModule("builtins");
    /** The builtins namespace: the builtins module's own dict. */
    public final PyDict builtins = builtinsModule.dict;
    /** sys.modules. */
    public final PyDict modules = new PyDict();
    public final ImportSystem imports;
    public final PyModule sys;
    public volatile int recursionLimit = 1000;
    public final PyTextStream stdout;
    public final PyTextStream stderr;
    public final PyTextStream stdin;

    public InterpreterState(RuntimeOptions options, InterpreterLock lock, CodeCompiler compiler) {
        this.options = options;
        this.lock = lock;
        FreeThreading.enabled = lock.isFree();
        this.compiler = compiler;
        this.stdout = PyTextStream.output("<stdout>", 1, new FileOutputStream(FileDescriptor.out), false);
        this.stderr = PyTextStream.output("<stderr>", 2, new FileOutputStream(FileDescriptor.err), true);
        this.stdin = PyTextStream.input("<stdin>", new FileInputStream(FileDescriptor.in));
        Builtins.install(this);
        modules.put("builtins", builtinsModule);
        this.sys = SysModule.create(this);
        modules.put("sys", sys);
        this.imports = new ImportSystem(this);
    }

    private final java.util.List<Runnable> exitHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Registers work for interpreter shutdown (joining non-daemon threads, atexit). */
    public void addExitHook(Runnable hook) { exitHooks.add(0, hook); }

    /** Runs the exit hooks, most recently added first. */
    public void runExitHooks() {
        for (Runnable hook : exitHooks) hook.run();
    }

    /** A thread state for the calling thread, attached to it. */
    public ThreadState attachThread() {
        ThreadState ts = new ThreadState(this, Thread.currentThread());
        ThreadState.attach(ts);
        return ts;
    }

    /** The stream sys.stdout currently names (a script may replace it). */
    public Object currentStdout() {
        Object o = sys.dict.getStr("stdout");
        return o == null ? stdout : o;
    }

    public Object currentStderr() {
        Object o = sys.dict.getStr("stderr");
        return o == null ? stderr : o;
    }

    /** Flushes the standard streams (at exit, on errors, on interrupt). */
    public void flushAll() {
        try {
            Object out = currentStdout();
            if (out instanceof PyTextStream s) s.flush();
            else Ops.call(Ops.getattr(out, "flush"));
        } catch (RuntimeException ignored) {
            // flushing at exit must never mask the real outcome
        }
        stdout.flush();
        stderr.flush();
    }

    /** REPL echo (PRINT_EXPR): prints repr(v) and binds builtins._ unless v is None. */
    public void displayHook(Object v) {
        if (v == Py.None) return;
        builtinsModule.dict.put("_", v);
        Builtins.print(this, new Object[] {Ops.repr(v)}, " ", "\n", null, false);
    }
}
