package dev.gild.cli;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CodeSerializer;
import dev.gild.lock.DeterministicScheduler;
import dev.gild.lock.InterpreterLock;
import dev.gild.lock.ScheduleStrategy;
import dev.gild.lock.FairGil;
import dev.gild.lock.LegacyGil;
import dev.gild.lock.NoLock;
import dev.gild.observe.LockReports;
import dev.gild.parser.SyntaxErrorException;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.BytecodeCache;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.ImportSystem;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import dev.gild.runtime.TracebackPrinter;
import dev.gild.util.DeepStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one bridge from the command line to the interpreter: {@link Main} parses and validates,
 * then hands everything to {@link #run}. Its exit status becomes the process's.
 *
 * <p>The program runs on a dedicated main thread with a large stack, so deep Python recursion
 * reaches the recursion limit (RecursionError) long before the Java stack runs out.
 */
public final class Launcher {
    /** Stack of the thread that runs the main program: room for deep recursion. */
    private static final long MAIN_STACK_BYTES = 1L << 30;

    private Launcher() {
    }

    /**
     * Runs (or, for {@code gild compile}, compiles) the program described by {@code options}.
     *
     * @return the process exit status: 0 on success, 1 for an uncaught exception, the argument
     *         of {@code sys.exit}, ... as CPython
     */
    public static int run(LaunchOptions options) {
        return DeepStack.call("MainThread", MAIN_STACK_BYTES, () -> runOnMainThread(options));
    }

    private static int runOnMainThread(LaunchOptions options) {
        CodeCompiler frontEnd = new SourceFrontEnd();
        String scriptDir = switch (options.program()) {
            case LaunchOptions.Script s -> absolute(s.path()).getParent().toString();
            case LaunchOptions.Module m -> Path.of("").toAbsolutePath().toString();
            default -> null;
        };
        RuntimeOptions runtimeOptions = new RuntimeOptions(options.preemptAt() == LaunchOptions.PreemptAt.instruction,
                options.argv(), options.xOptions(), scriptDir);
        InterpreterLock lock = createLock(options);
        InterpreterState interp = new InterpreterState(runtimeOptions, lock, frontEnd);
        LockReports.install(interp, options);
        ThreadState ts = interp.attachThread();
        interp.mainThread = ts;
        lock.acquire(ts);
        Interrupts.install(ts);
        try {
            PyModule mainModule = new PyModule("__main__");
            PyDict globals = mainModule.dict;
            globals.put("__builtins__", interp.builtinsModule);
            globals.put("__package__", Py.None);
            interp.modules.put("__main__", mainModule);
            if (options.dontWriteBytecode()) interp.sys.dict.put("dont_write_bytecode", Boolean.TRUE);
            String filename;
            String source;
            switch (options.program()) {
                case LaunchOptions.Script s -> {
                    filename = absolute(s.path()).toString();
                    if (options.isCompileOnly()) {
                        BytecodeCache.compileTo(interp, s.path(), filename, options.compileOutput().get());
                        return finish(interp, 0, options);
                    }
                    globals.put("__file__", filename);
                    CodeObject code = SourceFrontEnd.loadScript(interp, s.path(), filename);
                    if (options.inspect()) return finish(interp, runThenInspect(interp, ts, code, globals), options);
                    Eval.runModule(ts, code, globals);
                    return finish(interp, 0, options);
                }
                case LaunchOptions.Code c -> {
                    filename = "<string>";
                    source = c.source();
                }
                case LaunchOptions.Module m -> {
                    try {
                        interp.imports.runAsMain(m.name(), mainModule);
                    } catch (ImportSystem.NoMainModule e) {
                        interp.flushAll();
                        System.err.println("gild: " + e.getMessage());
                        return 1;
                    }
                    return finish(interp, 0, options);
                }
                case LaunchOptions.Stdin in -> {
                    if (options.inspect() || Repl.stdinIsTerminal()) return finish(interp, Repl.run(interp, ts, globals), options);
                    filename = "<stdin>";
                    source = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            CodeObject code = Builtins.compileSource(interp, source, filename, CodeCompiler.Mode.EXEC);
            Eval.runModule(ts, code, globals);
            return finish(interp, 0, options);
        } catch (PyException e) {
            return finish(interp, handleUncaught(interp, e.value), options);
        } catch (CodeSerializer.FormatException e) {
            Path file = ((LaunchOptions.Script) options.program()).path();
            System.err.println("gild: can't run '" + absolute(file) + "': " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("gild: can't read program: " + e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            interp.flushAll();
            System.err.println("gild: internal error: " + e);
            return 70;
        }
    }

    /** {@code -i}: the prompt follows the program, even one that failed (not one that exited). */
    private static int runThenInspect(InterpreterState interp, ThreadState ts, CodeObject code, PyDict globals) {
        try {
            Eval.runModule(ts, code, globals);
        } catch (PyException e) {
            if (e.value.isInstance(PyExc.SystemExit)) return handleUncaught(interp, e.value);
            TracebackPrinter.print(interp, e.value);
        }
        return Repl.run(interp, ts, globals);
    }

    private static int finish(InterpreterState interp, int status, LaunchOptions options) {
        try {
            interp.runExitHooks();
        } catch (PyException e) {
            status = handleUncaught(interp, e.value);
        }
        interp.flushAll();
        if (interp.lock instanceof DeterministicScheduler scheduler) {
            if (scheduler.replayDiverged()) {
                System.err.println("gild: warning: the run did not follow the replayed schedule (the script"
                        + " or its options changed); it went on without preemption");
            }
            if (options.printSchedule()) System.err.println("gild: schedule: replay:" + scheduler.scheduleToken());
        }
        return status;
    }

    /** CPython's handling of an exception that reached the top: SystemExit's code, else a traceback and 1. */
    static int handleUncaught(InterpreterState interp, PyBaseException exc) {
        if (exc.isInstance(PyExc.SystemExit)) {
            Object code = exc.attr("code");
            if (code == null || code == Py.None) return 0;
            if (code instanceof Long l) return (int) (long) l;
            if (code instanceof Boolean b) return b ? 1 : 0;
            interp.flushAll();
            interp.stderr.write(Ops.str(code) + "\n");
            interp.stderr.flush();
            return 1;
        }
        TracebackPrinter.print(interp, exc);
        return exc.isInstance(PyExc.KeyboardInterrupt) ? 130 : 1;
    }

    /** The lock policy the options select. */
    static InterpreterLock createLock(LaunchOptions options) {
        if (options.schedule().isPresent()) {
            ScheduleStrategy strategy = ScheduleStrategy.parse(options.schedule().get());
            boolean replay = strategy instanceof ScheduleStrategy.ReplayStrategy;
            return new DeterministicScheduler(strategy, options.preemptAt() == LaunchOptions.PreemptAt.instruction,
                    replay ? System.err::println : null, false);
        }
        if (options.gil() == LaunchOptions.GilMode.off) return new NoLock();
        SwitchInterval interval = options.switchInterval();
        if (options.gilPolicy() == LaunchOptions.GilPolicy.legacy) {
            return new LegacyGil(interval.isTimeBased() ? LEGACY_CHECK_INTERVAL : (int) Math.min(interval.amount(), Integer.MAX_VALUE));
        }
        if (interval.isTimeBased()) return new FairGil(interval.amount(), 0);
        return new FairGil(0, (int) Math.min(interval.amount(), Integer.MAX_VALUE));
    }

    /** Python 2's default sys.setcheckinterval, used by the legacy policy when the interval is a time. */
    private static final int LEGACY_CHECK_INTERVAL = 100;

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
