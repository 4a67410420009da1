package dev.gild.tests;

import dev.gild.bytecode.CodeObject;
import dev.gild.cli.SourceFrontEnd;
import dev.gild.lock.FairGil;
import dev.gild.runtime.Builtins;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Eval;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTextStream;
import dev.gild.runtime.RuntimeOptions;
import dev.gild.runtime.ThreadState;
import dev.gild.runtime.TracebackPrinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Programs run inside the test JVM, much faster than a child JVM: a fresh interpreter per run,
 * sys.stdout and sys.stderr captured, an empty sys.stdin. A run that does not finish in time gets
 * a KeyboardInterrupt, as Ctrl-C would; one that ignores it too is reported as hung.
 */
final class InProcess {
    /** Stack of the thread a program runs on: room for deep recursion, as the launcher gives. */
    private static final long STACK_BYTES = 256L << 20;
    /** How long an interrupted program may take to unwind. */
    private static final Duration UNWIND = Duration.ofSeconds(5);

    /**
     * What one run did.
     *
     * @param status    the exit status the launcher would give (0, 1, SystemExit's code), -1 when hung
     * @param javaError a Java exception that escaped the interpreter, or null
     */
    record Outcome(int status, String stdout, String stderr, Throwable javaError) {
        boolean hung() {
            return status == -1 && javaError == null;
        }
    }

    /** A fresh interpreter attached to the calling thread, with its standard streams captured. */
    static final class Session {
        final InterpreterState interp;
        final ThreadState ts;
        final PyDict globals;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Session(String stdinText) {
            interp = new InterpreterState(RuntimeOptions.defaults(), new FairGil(5_000_000L, 0), new SourceFrontEnd());
            ts = interp.attachThread();
            interp.lock.acquire(ts);
            interp.sys.dict.put("stdout", PyTextStream.output("<stdout>", 1, out, false));
            interp.sys.dict.put("stderr", PyTextStream.output("<stderr>", 2, err, true));
            interp.sys.dict.put("stdin", PyTextStream.input("<stdin>",
                    new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8))));
            interp.sys.dict.put("dont_write_bytecode", Boolean.TRUE);
            PyModule main = new PyModule("__main__");
            main.dict.put("__builtins__", interp.builtinsModule);
            interp.modules.put("__main__", main);
            globals = main.dict;
        }

        String stdout() {
            interp.flushAll();
            return out.toString(StandardCharsets.UTF_8);
        }

        String stderr() {
            interp.flushAll();
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Compiles and runs a module; the status the launcher would exit with. */
        int exec(String source, String filename) {
            try {
                CodeObject code = Builtins.compileSource(interp, source, filename, CodeCompiler.Mode.EXEC);
                Eval.runModule(ts, code, globals);
                return 0;
            } catch (PyException e) {
                return uncaught(e.value);
            }
        }

        private int uncaught(PyBaseException exc) {
            if (exc.isInstance(PyExc.SystemExit)) {
                Object code = exc.attr("code");
                if (code == null || code == Py.None) return 0;
                if (code instanceof Long l) return (int) (long) l;
                err.writeBytes((Ops.str(code) + "\n").getBytes(StandardCharsets.UTF_8));
                return 1;
            }
            TracebackPrinter.print(interp, exc);
            return 1;
        }
    }

    private InProcess() {}

    /** Runs {@code source} as {@code __main__} on its own thread, giving it {@code timeout}. */
    static Outcome run(String source, String filename, Duration timeout) {
        AtomicReference<Session> session = new AtomicReference<>();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread runner = new Thread(null, () -> {
            Session s = null;
            try {
                s = new Session("");
                session.set(s);
                int status = s.exec(source, filename);
                outcome.set(new Outcome(status, s.stdout(), s.stderr(), null));
            } catch (Throwable escaped) {
                outcome.set(new Outcome(-1, s == null ? "" : s.stdout(), s == null ? "" : s.stderr(), escaped));
            }
        }, "in-process-python", STACK_BYTES);
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(timeout.toMillis());
            if (runner.isAlive()) {
                Session s = session.get();
                if (s != null) {
                    s.ts.pendingAsync = new PyBaseException(PyExc.KeyboardInterrupt);
                    s.ts.ticks = 0;
                }
                runner.interrupt();
                runner.join(UNWIND.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Outcome done = outcome.get();
        return done != null ? done : new Outcome(-1, "", "", null);
    }
}
