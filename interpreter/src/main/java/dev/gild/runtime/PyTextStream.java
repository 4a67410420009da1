package dev.gild.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * sys.stdin, sys.stdout and sys.stderr: a text stream over a byte stream, UTF-8 encoded. Output
 * is buffered (stderr is flushed after every write, as CPython's is line-buffered) and flushed
 * at exit, on uncaught exceptions and on interrupt, so nothing a script wrote is lost.
 */
public final class PyTextStream extends PyObject {
    public static final PyType TYPE = PyTypes.newBuiltin("TextIOWrapper", null, false, null);

    static {
        installMethods();
    }

    private final String name;
    private final OutputStream out;
    private final BufferedReader in;
    private final boolean autoFlush;
    private final StringBuilder pending = new StringBuilder();
    private final int fd;
    private boolean closed;

    private PyTextStream(String name, int fd, OutputStream out, InputStream in, boolean autoFlush) {
        this.name = name;
        this.fd = fd;
        this.out = out;
        this.in = in == null ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.autoFlush = autoFlush;
    }

    public static PyTextStream output(String name, int fd, OutputStream out, boolean autoFlush) {
        return new PyTextStream(name, fd, out, null, autoFlush);
    }

    public static PyTextStream input(String name, InputStream in) {
        return new PyTextStream(name, 0, null, in, false);
    }

    @Override public PyType getType() { return TYPE; }

    public synchronized void write(String s) {
        if (closed) throw Py.valueError("I/O operation on closed file.");
        if (out == null) throw Py.raise(PyExc.OSError, "not writable");
        pending.append(s);
        if (autoFlush || pending.length() > 8192) flush();
    }

    public synchronized void flush() {
        if (out == null || pending.isEmpty()) return;
        byte[] bytes = encode(pending);
        pending.setLength(0);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw Py.raise(PyExc.OSError, e.getMessage() == null ? "write failed" : e.getMessage());
        }
    }

    /** UTF-8, with lone surrogates written as '?' rather than failing. */
    private static byte[] encode(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One line including its newline, or "" at end of input. */
    public String readline() {
        if (in == null) throw Py.raise(PyExc.OSError, "not readable");
        try {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                sb.append((char) c);
                if (c == '\n') break;
            }
            return sb.toString();
        } catch (IOException e) {
            throw Py.raise(PyExc.OSError, String.valueOf(e.getMessage()));
        }
    }

    public String readAll() {
        StringBuilder sb = new StringBuilder();
        for (String line = readline(); !line.isEmpty(); line = readline()) sb.append(line);
        return sb.toString();
    }

    private static void installMethods() {
        PyType t = TYPE;
        t.define("write", (args, kw) -> {
            Args.check("write", args, kw, 1, 1, 1);
            if (!(Ops.unbox(args[1]) instanceof String s)) {
                throw Py.typeError("write() argument must be str, not " + Ops.typeName(args[1]));
            }
            ((PyTextStream) args[0]).write(s);
            return (long) s.codePointCount(0, s.length());
        });
        t.define("writelines", (args, kw) -> {
            PyTextStream s = (PyTextStream) args[0];
            for (Object line : Ops.toArray(args[1])) s.write(Ops.str(line));
            return Py.None;
        });
        t.define("flush", (args, kw) -> {
            ((PyTextStream) args[0]).flush();
            return Py.None;
        });
        t.define("readline", (args, kw) -> ((PyTextStream) args[0]).readline());
        t.define("read", (args, kw) -> ((PyTextStream) args[0]).readAll());
        t.define("readlines", (args, kw) -> {
            PyTextStream s = (PyTextStream) args[0];
            PyList out = new PyList();
            for (String line = s.readline(); !line.isEmpty(); line = s.readline()) out.append(line);
            return out;
        });
        t.define("__iter__", (args, kw) -> args[0]);
        t.define("__next__", (args, kw) -> {
            String line = ((PyTextStream) args[0]).readline();
            if (line.isEmpty()) throw Py.stopIteration();
            return line;
        });
        t.define("fileno", (args, kw) -> (long) ((PyTextStream) args[0]).fd);
        t.define("isatty", (args, kw) -> Py.bool(System.console() != null && ((PyTextStream) args[0]).fd <= 2));
        t.define("readable", (args, kw) -> Py.bool(((PyTextStream) args[0]).in != null));
        t.define("writable", (args, kw) -> Py.bool(((PyTextStream) args[0]).out != null));
        t.define("close", (args, kw) -> {
            PyTextStream s = (PyTextStream) args[0];
            s.flush();
            s.closed = true;
            return Py.None;
        });
        t.defineGetter("closed", o -> Py.bool(((PyTextStream) o).closed));
        t.defineGetter("name", o -> ((PyTextStream) o).name);
        t.defineGetter("encoding", o -> "utf-8");
        t.defineGetter("errors", o -> "strict");
        t.defineGetter("mode", o -> ((PyTextStream) o).in != null ? "r" : "w");
        t.define("__enter__", (args, kw) -> args[0]);
        t.define("__exit__", (args, kw) -> Py.None);
        t.define("__repr__", (args, kw) -> "<_io.TextIOWrapper name='" + ((PyTextStream) args[0]).name
                + "' mode='" + (((PyTextStream) args[0]).in != null ? "r" : "w") + "' encoding='utf-8'>");
    }
}
