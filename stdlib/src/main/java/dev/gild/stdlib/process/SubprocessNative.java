package dev.gild.stdlib.process;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import dev.gild.stdlib.io.OsErrors;
import dev.gild.stdlib.io.WorkingDirectory;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * _subprocess: child processes through ProcessBuilder, for subprocess.py. Every wait and pipe
 * read or write runs through Blocking (the interpreter lock is free while the child runs);
 * communicate() drains stdout and stderr on their own Java threads so neither pipe can fill up
 * and stall the child.
 */
public final class SubprocessNative implements ModuleProvider {
    /** How a standard stream of the child is connected (the codes subprocess.py passes). */
    static final int INHERIT = 0, PIPE = 1, DEVNULL = 2, STDOUT = 3;
    private static final Pattern ERRNO = Pattern.compile("error=(\\d+)");

    @Override public String name() { return "_subprocess"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_subprocess");
        m.set("Process", Child.TYPE);
        m.define("spawn", (args, kw) -> {
            Object[] a = Args.parse("spawn", args, kw, new String[] {"args", "cwd", "env", "stdin", "stdout", "stderr"}, 6);
            List<String> command = new ArrayList<>();
            for (Object o : Ops.toArray(a[0])) command.add(WorkingDirectory.fspath(o, null, null));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.directory((a[1] == Py.None ? WorkingDirectory.get()
                    : WorkingDirectory.resolve(WorkingDirectory.fspath(a[1], "cwd", "cwd"))).toFile());
            if (a[2] != Py.None) {
                Map<String, String> env = pb.environment();
                env.clear();
                PyDict d = (PyDict) a[2];
                for (int i = d.nextEntry(0); i >= 0; i = d.nextEntry(i + 1)) {
                    env.put(WorkingDirectory.fspath(d.keyAt(i), null, null), WorkingDirectory.fspath(d.valueAt(i), null, null));
                }
            }
            pb.redirectInput(redirect(a[3], true));
            pb.redirectOutput(redirect(a[4], false));
            if (a[5] instanceof Long err && err == STDOUT) pb.redirectErrorStream(true);
            else pb.redirectError(redirect(a[5], false));
            interp.flushAll();
            Object cwdName = a[1];
            Process[] started = new Process[1];
            IOException failure = Blocking.call(() -> {
                try {
                    started[0] = pb.start();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            if (failure != null) {
                Matcher mt = ERRNO.matcher(String.valueOf(failure.getMessage()));
                int errno = mt.find() ? Integer.parseInt(mt.group(1)) : OsErrors.ENOENT;
                if (cwdName != Py.None && !pb.directory().isDirectory()) throw OsErrors.error(OsErrors.ENOENT, cwdName);
                throw OsErrors.error(errno, command.get(0));
            }
            return new Child(started[0]);
        });
        return m;
    }

    /** A stream code, or a file path (a script's open file object): read from it or append to it. */
    private static ProcessBuilder.Redirect redirect(Object spec, boolean input) {
        if (Ops.unbox(spec) instanceof String path) {
            File f = WorkingDirectory.resolve(path).toFile();
            return input ? ProcessBuilder.Redirect.from(f) : ProcessBuilder.Redirect.appendTo(f);
        }
        return switch ((int) Ops.indexLong(spec)) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> input ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.DISCARD;
            default -> ProcessBuilder.Redirect.INHERIT;
        };
    }

    /** A running or finished child process. */
    static final class Child extends PyObject {
        static final PyType TYPE = PyTypes.newBuiltin("Process", null, false, null);

        static {
            TYPE.namespace().put("__module__", "_subprocess");
            install();
        }

        private final Process process;
        /** The signal number we sent, so a death by it reports -signal as CPython does. */
        private volatile int signalSent;
        private Thread outReader;
        private Thread errReader;
        private final ByteArrayOutputStream outData = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errData = new ByteArrayOutputStream();

        Child(Process process) { this.process = process; }

        @Override public PyType getType() { return TYPE; }

        private Object returncode() {
            if (process.isAlive()) return Py.None;
            int code = process.exitValue();
            if (signalSent != 0 && code == 128 + signalSent) return (long) -signalSent;
            return (long) code;
        }

        private Object waitFor(double timeout) {
            boolean done = Blocking.call(() -> {
                if (timeout < 0) {
                    process.waitFor();
                    return true;
                }
                return process.waitFor((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
            });
            return done ? returncode() : Py.None;
        }

        private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (sink) {
                            sink.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the child closed its end or was killed: what was read so far is kept
                }
            }, "subprocess-reader");
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** (stdout, stderr) once the child exits and both pipes are drained; None on timeout. */
        private Object communicate(byte[] input, boolean pipeOut, boolean pipeErr, double timeout) {
            if (outReader == null && pipeOut) outReader = drain(process.getInputStream(), outData);
            if (errReader == null && pipeErr) errReader = drain(process.getErrorStream(), errData);
            long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
            boolean finished = Blocking.call(() -> {
                if (input != null) {
                    try (OutputStream os = process.getOutputStream()) {
                        os.write(input);
                    } catch (IOException ignored) {
                        // a child that exits without reading its input: CPython ignores the broken pipe too
                    }
                }
                for (Thread t : new Thread[] {outReader, errReader}) {
                    if (t == null) continue;
                    long left = deadline - System.nanoTime();
                    if (deadline == Long.MAX_VALUE) t.join();
                    else if (left <= 0 || !joinNanos(t, left)) return false;
                }
                long left = deadline - System.nanoTime();
                if (deadline == Long.MAX_VALUE) {
                    process.waitFor();
                    return true;
                }
                return left > 0 && process.waitFor(left, TimeUnit.NANOSECONDS);
            });
            if (!finished) return Py.None;
            return PyTuple.of(pipeOut ? new PyBytes(collected(outData)) : Py.None, pipeErr ? new PyBytes(collected(errData)) : Py.None);
        }

        private static boolean joinNanos(Thread t, long nanos) throws InterruptedException {
            t.join(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return !t.isAlive();
        }

        private static byte[] collected(ByteArrayOutputStream sink) {
            synchronized (sink) {
                return sink.toByteArray();
            }
        }

        /** Output gathered so far (for TimeoutExpired.output). */
        private Object partial(ByteArrayOutputStream sink, Thread reader) {
            return reader == null ? Py.None : new PyBytes(collected(sink));
        }

        private InputStream stream(Object which) {
            return Ops.indexLong(which) == 2 ? process.getErrorStream() : process.getInputStream();
        }

        private static Child self(Object o) { return (Child) o; }

        private static void install() {
            PyType t = TYPE;
            t.defineGetter("pid", o -> self(o).process.pid());
            t.define("poll", (args, kw) -> self(args[0]).returncode());
            t.define("wait", (args, kw) -> {
                double timeout = args.length > 1 && args[1] != Py.None ? toSeconds(args[1]) : -1;
                return self(args[0]).waitFor(timeout);
            });
            t.define("signal", (args, kw) -> {
                Child c = self(args[0]);
                int sig = (int) Ops.indexLong(args[1]);
                if (!c.process.isAlive()) return Py.None;
                c.signalSent = sig;
                if (sig == 9) c.process.destroyForcibly();
                else c.process.destroy();
                return Py.None;
            });
            t.define("communicate", (args, kw) -> {
                Child c = self(args[0]);
                byte[] input = args[1] == Py.None ? null : ((PyBytes) Ops.unbox(args[1])).bytes;
                double timeout = args[4] == Py.None ? -1 : toSeconds(args[4]);
                return c.communicate(input, Ops.isTrue(args[2]), Ops.isTrue(args[3]), timeout);
            });
            t.define("partial_output", (args, kw) -> {
                Child c = self(args[0]);
                return PyTuple.of(c.partial(c.outData, c.outReader), c.partial(c.errData, c.errReader));
            });
            t.define("read", (args, kw) -> {
                Child c = self(args[0]);
                InputStream in = c.stream(args[1]);
                long n = Ops.indexLong(args[2]);
                byte[] data = Blocking.call(() -> {
                    try {
                        if (n < 0) return in.readAllBytes();
                        byte[] buf = new byte[(int) Math.min(n, 1 << 20)];
                        int got = in.read(buf);
                        return got <= 0 ? new byte[0] : java.util.Arrays.copyOf(buf, got);
                    } catch (IOException e) {
                        return new byte[0];
                    }
                });
                return new PyBytes(data);
            });
            t.define("readline", (args, kw) -> {
                InputStream in = self(args[0]).stream(args[1]);
                byte[] data = Blocking.call(() -> {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    try {
                        int b;
                        while ((b = in.read()) >= 0) {
                            line.write(b);
                            if (b == '\n') break;
                        }
                    } catch (IOException ignored) {
                        // end of the pipe: return what was read
                    }
                    return line.toByteArray();
                });
                return new PyBytes(data);
            });
            t.define("write", (args, kw) -> {
                Child c = self(args[0]);
                byte[] data = ((PyBytes) Ops.unbox(args[1])).bytes;
                IOException failure = Blocking.call(() -> {
                    try {
                        OutputStream os = c.process.getOutputStream();
                        os.write(data);
                        os.flush();
                        return null;
                    } catch (IOException e) {
                        return e;
                    }
                });
                if (failure != null) throw OsErrors.error(32, null);
                return (long) data.length;
            });
            t.define("close_stream", (args, kw) -> {
                Child c = self(args[0]);
                long which = Ops.indexLong(args[1]);
                Blocking.call(() -> {
                    try {
                        if (which == 0) c.process.getOutputStream().close();
                        else c.stream(which).close();
                    } catch (IOException ignored) {
                        // closing an already-closed pipe is fine
                    }
                    return null;
                });
                return Py.None;
            });
        }

        private static double toSeconds(Object o) {
            Object v = Ops.unbox(o);
            return v instanceof Double d ? d : Ops.indexLong(v);
        }
    }
}
