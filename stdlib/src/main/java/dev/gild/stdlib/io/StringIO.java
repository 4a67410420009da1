package dev.gild.stdlib.io;

import dev.gild.runtime.Args;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/**
 * io.StringIO: an in-memory text stream. Positions count UTF-16 units of the Java string, which
 * equal CPython's code point positions for text without characters outside the BMP.
 */
public final class StringIO extends PyObject {
    public static final PyType TYPE = PyTypes.newBuiltin("StringIO", IoSupport.TEXT_BASE, true, StringIO::new);

    static {
        TYPE.namespace().put("__module__", "_io");
        install();
    }

    private final PyType type;
    private final StringBuilder buf = new StringBuilder();
    private int pos;
    private boolean closed;
    /** null: translate "\r\n" and "\r" on write; otherwise the newline argument. */
    private String newline = "\n";

    private StringIO(PyType type) { this.type = type; }

    public StringIO() { this(TYPE); }

    @Override public PyType getType() { return type; }

    /** StringIO's message, unlike the other streams', has no final period (as in CPython). */
    private void checkOpen() {
        if (closed) throw Py.valueError("I/O operation on closed file");
    }

    public String getvalue() {
        checkOpen();
        return buf.toString();
    }

    public int write(String s) {
        checkOpen();
        String text = newline == null ? translate(s) : newline.equals("\r") || newline.equals("\r\n") ? s.replace("\n", newline) : s;
        int n = text.length();
        if (pos > buf.length()) buf.append("\0".repeat(pos - buf.length()));
        int overlap = Math.min(n, buf.length() - pos);
        if (overlap > 0) buf.replace(pos, pos + overlap, text.substring(0, overlap));
        if (overlap < n) buf.append(text, overlap, n);
        pos += n;
        return s.codePointCount(0, s.length());
    }

    private static String translate(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    String read(int n) {
        checkOpen();
        int len = buf.length();
        if (pos >= len) return "";
        int end = n < 0 ? len : (int) Math.min(len, (long) pos + n);
        String s = buf.substring(pos, end);
        pos = end;
        return s;
    }

    String readline(int limit) {
        checkOpen();
        int len = buf.length();
        if (pos >= len) return "";
        int end = len;
        boolean anyEnding = newline != null && newline.isEmpty();
        for (int i = pos; i < len; i++) {
            char c = buf.charAt(i);
            if (c == '\n' && (anyEnding || newline == null || newline.equals("\n") || newline.equals("\r\n") && i > pos && buf.charAt(i - 1) == '\r')) {
                end = i + 1;
                break;
            }
            if (c == '\r' && (anyEnding || "\r".equals(newline))) {
                end = anyEnding && i + 1 < len && buf.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                break;
            }
        }
        if (limit >= 0 && end - pos > limit) end = pos + limit;
        String s = buf.substring(pos, end);
        pos = end;
        return s;
    }

    private static StringIO self(Object o) { return (StringIO) o; }

    private static void install() {
        PyType t = TYPE;
        t.define("__init__", (args, kw) -> {
            Object[] a = Args.parse("StringIO", args, kw, 1, new String[] {"initial_value", "newline"}, 0, 2);
            StringIO s = self(args[0]);
            if (a[1] != null) {
                String nl = IoSupport.optStr(a[1], "StringIO", "newline");
                if (nl != null && !nl.isEmpty() && !nl.equals("\n") && !nl.equals("\r") && !nl.equals("\r\n")) {
                    throw Py.valueError("illegal newline value: " + Ops.repr(a[1]));
                }
                s.newline = nl;
            }
            s.buf.setLength(0);
            s.pos = 0;
            if (a[0] != null && a[0] != Py.None) {
                Object v = Ops.unbox(a[0]);
                if (!(v instanceof String init)) {
                    throw Py.typeError("initial_value must be str or None, not " + Ops.typeName(a[0]));
                }
                s.write(init);
                s.pos = 0;
            }
            return Py.None;
        });
        t.define("getvalue", (args, kw) -> self(args[0]).getvalue());
        t.define("write", (args, kw) -> {
            Args.check("write", args, kw, 1, 1, 1);
            Object v = Ops.unbox(args[1]);
            if (!(v instanceof String s)) throw Py.typeError("string argument expected, got '" + Ops.typeName(args[1]) + "'");
            return (long) self(args[0]).write(s);
        });
        t.define("writelines", (args, kw) -> {
            StringIO s = self(args[0]);
            s.checkOpen();
            for (Object line : Ops.toArray(args[1])) {
                Object v = Ops.unbox(line);
                if (!(v instanceof String str)) throw Py.typeError("string argument expected, got '" + Ops.typeName(line) + "'");
                s.write(str);
            }
            return Py.None;
        });
        t.define("read", (args, kw) -> {
            Args.check("read", args, kw, 1, 0, 1);
            return self(args[0]).read(IoSupport.size(args.length > 1 ? args[1] : null));
        });
        t.define("readline", (args, kw) -> {
            Args.check("readline", args, kw, 1, 0, 1);
            return self(args[0]).readline(IoSupport.size(args.length > 1 ? args[1] : null));
        });
        t.define("readlines", (args, kw) -> {
            StringIO s = self(args[0]);
            int hint = IoSupport.size(args.length > 1 ? args[1] : null);
            PyList out = new PyList();
            long total = 0;
            for (String line = s.readline(-1); !line.isEmpty(); line = s.readline(-1)) {
                out.append(line);
                total += line.length();
                if (hint > 0 && total >= hint) break;
            }
            return out;
        });
        t.define("__iter__", (args, kw) -> {
            if (self(args[0]).closed) throw IoSupport.closedFile();
            return args[0];
        });
        t.define("__next__", (args, kw) -> {
            String line = self(args[0]).readline(-1);
            if (line.isEmpty()) throw Py.stopIteration();
            return line;
        });
        t.define("seek", (args, kw) -> {
            Args.check("seek", args, kw, 1, 1, 2);
            StringIO s = self(args[0]);
            s.checkOpen();
            long p = Ops.indexLong(args[1]);
            int whence = IoSupport.whence(args.length > 2 ? args[2] : null);
            if (whence == 0 && p < 0) throw Py.valueError("Negative seek position " + p);
            if (whence != 0 && p != 0) throw IoSupport.unsupported("Can't do nonzero cur-relative seeks");
            s.pos = whence == 2 ? s.buf.length() : whence == 1 ? s.pos : (int) Math.min(p, Integer.MAX_VALUE);
            return (long) s.pos;
        });
        t.define("tell", (args, kw) -> {
            self(args[0]).checkOpen();
            return (long) self(args[0]).pos;
        });
        t.define("truncate", (args, kw) -> {
            StringIO s = self(args[0]);
            s.checkOpen();
            long size = args.length > 1 && args[1] != Py.None ? Ops.indexLong(args[1]) : s.pos;
            if (size < 0) throw Py.valueError("Negative size value " + size);
            if (size < s.buf.length()) s.buf.setLength((int) size);
            return size;
        });
        t.define("close", (args, kw) -> {
            self(args[0]).closed = true;
            return Py.None;
        });
        t.define("flush", (args, kw) -> Py.None);
        for (String name : new String[] {"readable", "writable", "seekable"}) {
            t.define(name, (args, kw) -> {
                self(args[0]).checkOpen();
                return Boolean.TRUE;
            });
        }
        t.define("isatty", (args, kw) -> {
            self(args[0]).checkOpen();
            return Boolean.FALSE;
        });
        t.define("__enter__", (args, kw) -> {
            self(args[0]).checkOpen();
            return args[0];
        });
        t.define("__exit__", (args, kw) -> {
            self(args[0]).closed = true;
            return Py.None;
        });
        t.defineGetter("closed", o -> Py.bool(self(o).closed));
        t.defineGetter("line_buffering", o -> Boolean.FALSE);
        t.defineGetter("newlines", o -> Py.None);
    }
}
