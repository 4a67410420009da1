package dev.gild.stdlib.process;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTextStream;
import dev.gild.runtime.TracebackPrinter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * atexit: callbacks run at interpreter shutdown, last registered first, through the interpreter's
 * exit hooks. A callback that raises is reported on stderr as CPython does
 * ("Exception ignored in atexit callback: ...") and the others still run.
 */
public final class AtexitModule implements ModuleProvider {
    @Override public String name() { return "atexit"; }

    private record Callback(Object func, Object[] args, String[] kwnames) {}

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("atexit");
        List<Callback> callbacks = new ArrayList<>();
        Runnable runAll = () -> runCallbacks(interp, callbacks);
        interp.addExitHook(runAll);
        m.define("register", (args, kw) -> {
            if (Args.positional(args, kw) < 1) throw Py.typeError("register() takes at least 1 argument (0 given)");
            Object func = args[0];
            if (!Ops.isCallable(func)) throw Py.typeError("the first argument must be callable");
            synchronized (callbacks) {
                callbacks.add(new Callback(func, Arrays.copyOfRange(args, 1, args.length), kw));
            }
            return func;
        });
        m.define("unregister", (args, kw) -> {
            Args.check("unregister", args, kw, 0, 1, 1);
            synchronized (callbacks) {
                callbacks.removeIf(c -> Ops.eq(c.func, args[0]));
            }
            return Py.None;
        });
        m.define("_run_exitfuncs", (args, kw) -> {
            runAll.run();
            return Py.None;
        });
        m.define("_clear", (args, kw) -> {
            synchronized (callbacks) {
                callbacks.clear();
            }
            return Py.None;
        });
        m.define("_ncallbacks", (args, kw) -> {
            synchronized (callbacks) {
                return (long) callbacks.size();
            }
        });
        return m;
    }

    private static void runCallbacks(InterpreterState interp, List<Callback> callbacks) {
        while (true) {
            Callback c;
            synchronized (callbacks) {
                if (callbacks.isEmpty()) return;
                c = callbacks.remove(callbacks.size() - 1);
            }
            try {
                Ops.call(c.func, c.args, c.kwnames);
            } catch (PyException e) {
                if (e.matches(PyExc.SystemExit)) continue;
                String text = "Exception ignored in atexit callback: " + Ops.repr(c.func) + "\n" + TracebackPrinter.format(e.value);
                interp.flushAll();
                Object err = interp.currentStderr();
                if (err instanceof PyTextStream s) {
                    s.write(text);
                    s.flush();
                } else {
                    Ops.call(Ops.getattr(err, "write"), text);
                }
            }
        }
    }
}
