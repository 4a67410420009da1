package dev.gild.stdlib.thread;

import dev.gild.lock.FairGil;
import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyBuiltin;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTextStream;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.ThreadState;
import dev.gild.runtime.TracebackPrinter;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code _thread}: the low-level threading primitives threading.py is built on. Every script
 * thread is a platform JVM thread with its own {@link ThreadState}; it takes the interpreter
 * lock before running any bytecode and gives it up for good when its function returns.
 */
public final class ThreadModule implements ModuleProvider {
    /**
     * Stack of a script thread: room for deep recursion up to the default recursion limit
     * (reserved address space; the JVM commits pages only as the stack grows).
     */
    private static final long DEFAULT_STACK_BYTES = 256L << 20;
    /** CPython's lower bound for threading.stack_size(). */
    private static final long MIN_STACK_BYTES = 32768;

    @Override
    public String name() { return "_thread"; }

    /** The ident of the calling thread (get_ident): the JVM's thread id, never reused. */
    public static long currentIdent() { return Thread.currentThread().threadId(); }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_thread");
        AtomicInteger running = new AtomicInteger();
        AtomicLong stackSize = new AtomicLong();
        m.define("start_new_thread", (args, kw) -> {
            Args.check("start_new_thread", args, kw, 0, 2, 3);
            if (!Ops.isCallable(args[0])) throw Py.typeError("first arg must be callable");
            if (!(args[1] instanceof PyTuple t)) throw Py.typeError("2nd arg must be a tuple");
            if (args.length == 3 && !(args[2] instanceof PyDict)) throw Py.typeError("optional 3rd arg must be a dictionary");
            PyDict kwargs = args.length == 3 ? (PyDict) args[2] : null;
            return startThread(interp, running, stackSize.get(), args[0], t.items, kwargs);
        });
        m.dict.put("start_new", m.dict.getStr("start_new_thread"));
        m.define("allocate_lock", (args, kw) -> {
            Args.check("allocate_lock", args, kw, 0, 0, 0);
            return new LockObject();
        });
        m.dict.put("allocate", m.dict.getStr("allocate_lock"));
        m.define("get_ident", (args, kw) -> {
            Args.check("get_ident", args, kw, 0, 0, 0);
            return currentIdent();
        });
        m.define("get_native_id", (args, kw) -> {
            Args.check("get_native_id", args, kw, 0, 0, 0);
            return currentIdent();
        });
        m.define("_set_name", (args, kw) -> {
            // Names the JVM thread after the script's thread, for JVM tools and lock statistics.
            Args.check("_set_name", args, kw, 0, 1, 1);
            Thread.currentThread().setName(Args.str("_set_name", 1, args[0]));
            return Py.None;
        });
        PyBuiltin exit = m.define("exit", (args, kw) -> {
            Args.check("exit", args, kw, 0, 0, 0);
            throw new PyBaseException(PyExc.SystemExit).toThrowable();
        });
        m.set("exit_thread", exit);
        m.define("_count", (args, kw) -> {
            Args.check("_count", args, kw, 0, 0, 0);
            return (long) running.get();
        });
        m.define("stack_size", (args, kw) -> {
            Args.check("stack_size", args, kw, 0, 0, 1);
            long old = stackSize.get();
            if (args.length == 1) {
                long size = Ops.indexLong(args[0]);
                if (size != 0 && size < MIN_STACK_BYTES) throw Py.valueError("size not valid: " + size + " bytes");
                stackSize.set(size);
            }
            return old;
        });
        m.define("interrupt_main", (args, kw) -> {
            Args.check("interrupt_main", args, kw, 0, 0, 1);
            ThreadState main = interp.mainThread;
            if (main != null) {
                main.pendingAsync = new PyBaseException(PyExc.KeyboardInterrupt);
                main.ticks = 0;
                main.thread.interrupt();
            }
            return Py.None;
        });
        m.define("_lock_switches", (args, kw) -> {
            // Gild's own: how often the fair GIL changed hands (None under other policies), for
            // tests and experiments on hand-off.
            Args.check("_lock_switches", args, kw, 0, 0, 0);
            return interp.lock instanceof FairGil gil ? (Object) gil.switchCount() : Py.None;
        });
        m.define("_excepthook", (args, kw) -> {
            Args.check("_excepthook", args, kw, 0, 1, 1);
            reportThreadException(interp, args[0]);
            return Py.None;
        });
        interp.setThreadShutdown(() -> {
            // As CPython at exit: threading (when a script imported it) joins the non-daemon threads.
            if (interp.modules.getStr("threading") instanceof PyModule threading
                    && threading.dict.getStr("_shutdown") instanceof Object shutdown) {
                Ops.call(shutdown);
            }
        });
        m.set("LockType", LockObject.TYPE);
        m.set("RLock", RLockObject.TYPE);
        m.set("_local", LocalObject.TYPE);
        m.set("error", PyExc.RuntimeError);
        m.set("TIMEOUT_MAX", Timeouts.TIMEOUT_MAX);
        return m;
    }

    private static long startThread(InterpreterState interp, AtomicInteger running, long stackBytes,
                                    Object function, Object[] args, PyDict kwargs) {
        Object[] callArgs = args;
        String[] kwnames = null;
        if (kwargs != null && kwargs.size() > 0) {
            kwnames = new String[kwargs.size()];
            callArgs = java.util.Arrays.copyOf(args, args.length + kwnames.length);
            int k = 0;
            for (int i = kwargs.nextEntry(0); i >= 0; i = kwargs.nextEntry(i + 1), k++) {
                if (!(kwargs.keyAt(i) instanceof String name)) throw Py.typeError("keywords must be strings");
                kwnames[k] = name;
                callArgs[args.length + k] = kwargs.valueAt(i);
            }
        }
        Object[] finalArgs = callArgs;
        String[] finalKwnames = kwnames;
        Thread thread = new Thread(null, () -> runThread(interp, running, function, finalArgs, finalKwnames),
                "gild-thread", stackBytes == 0 ? DEFAULT_STACK_BYTES : stackBytes);
        // The interpreter decides when the process ends (joining non-daemon threads at exit),
        // so no JVM thread of a script keeps the JVM alive on its own.
        thread.setDaemon(true);
        running.incrementAndGet();
        // The deterministic scheduler must know of the thread before it can run.
        interp.lock.threadStarting(thread);
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            running.decrementAndGet();
            throw Py.runtimeError("can't start new thread");
        }
        return thread.threadId();
    }

    private static void runThread(InterpreterState interp, AtomicInteger running, Object function,
                                  Object[] args, String[] kwnames) {
        ThreadState ts = interp.attachThread();
        interp.lock.acquire(ts);
        try {
            Ops.call(function, args, kwnames);
        } catch (PyException e) {
            if (!e.matches(PyExc.SystemExit)) reportUnraisable(interp, function, e.value);
        } catch (StackOverflowError | OutOfMemoryError e) {
            writeStderr(interp, "Fatal error in thread " + currentIdent() + ": " + e + "\n");
        } finally {
            running.decrementAndGet();
            interp.lock.release(ts);
            ThreadState.detach();
        }
    }

    /** An exception escaping a function started by start_new_thread: sys.unraisablehook's report. */
    private static void reportUnraisable(InterpreterState interp, Object function, PyBaseException exc) {
        try {
            writeStderr(interp, "Exception ignored in thread started by: " + Ops.repr(function) + "\n"
                    + TracebackPrinter.format(exc));
        } catch (PyException ignored) {
            // the report itself failed (a broken repr or stderr): nothing more can be said
        }
    }

    /** threading.excepthook's default: "Exception in thread NAME:" and the traceback, on stderr. */
    private static void reportThreadException(InterpreterState interp, Object hookArgs) {
        Object excType = Ops.getattr(hookArgs, "exc_type");
        if (excType instanceof PyType t && t.isSubtypeOf(PyExc.SystemExit)) return;
        Object thread = Ops.getattr(hookArgs, "thread");
        String name = thread == Py.None ? String.valueOf(currentIdent()) : Ops.str(Ops.getattr(thread, "name"));
        Object value = Ops.getattr(hookArgs, "exc_value");
        StringBuilder text = new StringBuilder("Exception in thread ").append(name).append(":\n");
        if (value instanceof PyBaseException exc) {
            text.append(TracebackPrinter.format(exc));
        } else {
            text.append(((PyType) excType).getName()).append('\n');
        }
        writeStderr(interp, text.toString());
    }

    private static void writeStderr(InterpreterState interp, String text) {
        interp.flushAll();
        Object err = interp.currentStderr();
        if (err == Py.None) return;
        if (err instanceof PyTextStream s) {
            s.write(text);
            s.flush();
        } else {
            Ops.call(Ops.getattr(err, "write"), text);
            Object flush = Ops.getattrOrNull(err, "flush");
            if (flush != null) Ops.call(flush);
        }
    }
}
