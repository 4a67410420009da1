package dev.gild.stdlib.io;

import dev.gild.runtime.Args;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.util.Arrays;

/** io.BytesIO: an in-memory binary stream (also usable under a TextIOWrapper). */
public final class BytesIO extends PyObject implements ByteStream {
    public static final PyType TYPE = PyTypes.newBuiltin("BytesIO", IoSupport.BUFFERED_BASE, true, BytesIO::new);

    static {
        TYPE.namespace().put("__module__", "_io");
        install();
    }

    private final PyType type;
    private byte[] buf = new byte[0];
    private int size;
    private int pos;
    private boolean closed;

    private BytesIO(PyType type) { this.type = type; }

    @Override public PyType getType() { return type; }

    @Override public Object pyObject() { return this; }

    @Override public boolean isClosed() { return closed; }

    @Override public boolean readable() { return true; }

    @Override public boolean writable() { return true; }

    @Override public boolean seekable() { return true; }

    private void checkOpen() {
        if (closed) throw IoSupport.closedFile();
    }

    @Override
    public byte[] read(int n) {
        checkOpen();
        if (pos >= size) return new byte[0];
        int end = n < 0 ? size : (int) Math.min(size, (long) pos + n);
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    byte[] readline(int limit) {
        checkOpen();
        if (pos >= size) return new byte[0];
        int end = pos;
        while (end < size && buf[end] != '\n') end++;
        if (end < size) end++;
        if (limit >= 0 && end - pos > limit) end = pos + limit;
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    @Override
    public void write(byte[] data, int off, int len) {
        checkOpen();
        long end = (long) pos + len;
        if (end > Integer.MAX_VALUE - 16) throw Py.memoryError();
        if (end > buf.length) buf = Arrays.copyOf(buf, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 16, buf.length * 2L)));
        if (pos > size) Arrays.fill(buf, size, pos, (byte) 0);
        System.arraycopy(data, off, buf, pos, len);
        pos = (int) end;
        if (pos > size) size = pos;
    }

    @Override public void flush() { checkOpen(); }

    @Override
    public long seek(long p, int whence) {
        checkOpen();
        if (whence == 0 && p < 0) throw Py.valueError("negative seek value " + p);
        long target = whence == 1 ? pos + p : whence == 2 ? size + p : p;
        pos = (int) Math.max(0, Math.min(target, Integer.MAX_VALUE - 16));
        return pos;
    }

    @Override
    public long tell() {
        checkOpen();
        return pos;
    }

    @Override
    public long truncate(long newSize) {
        checkOpen();
        if (newSize < 0) throw Py.valueError("negative size value " + newSize);
        if (newSize < size) size = (int) newSize;
        return newSize;
    }

    @Override public void close() { closed = true; }

    private static BytesIO self(Object o) { return (BytesIO) o; }

    private static void install() {
        PyType t = TYPE;
        t.define("__init__", (args, kw) -> {
            Object[] a = Args.parse("BytesIO", args, kw, 1, new String[] {"initial_bytes"}, 0, 1);
            BytesIO b = self(args[0]);
            b.size = b.pos = 0;
            if (a[0] != null && a[0] != Py.None) {
                byte[] init = IoSupport.bytesOf(a[0]);
                b.buf = init.clone();
                b.size = init.length;
            }
            return Py.None;
        });
        t.define("readinto", (args, kw) -> FileIO.readIntoArray(args[1], n -> self(args[0]).read(n)));
        t.define("getvalue", (args, kw) -> {
            BytesIO b = self(args[0]);
            b.checkOpen();
            return new PyBytes(Arrays.copyOf(b.buf, b.size));
        });
        t.define("read", (args, kw) -> {
            Args.check("read", args, kw, 1, 0, 1);
            return new PyBytes(self(args[0]).read(IoSupport.size(args.length > 1 ? args[1] : null)));
        });
        t.define("read1", (args, kw) -> new PyBytes(self(args[0]).read(IoSupport.size(args.length > 1 ? args[1] : null))));
        t.define("readline", (args, kw) -> {
            Args.check("readline", args, kw, 1, 0, 1);
            return new PyBytes(self(args[0]).readline(IoSupport.size(args.length > 1 ? args[1] : null)));
        });
        t.define("readlines", (args, kw) -> {
            BytesIO b = self(args[0]);
            PyList out = new PyList();
            for (byte[] line = b.readline(-1); line.length > 0; line = b.readline(-1)) out.append(new PyBytes(line));
            return out;
        });
        t.define("__iter__", (args, kw) -> {
            self(args[0]).checkOpen();
            return args[0];
        });
        t.define("__next__", (args, kw) -> {
            byte[] line = self(args[0]).readline(-1);
            if (line.length == 0) throw Py.stopIteration();
            return new PyBytes(line);
        });
        t.define("write", (args, kw) -> {
            Args.check("write", args, kw, 1, 1, 1);
            BytesIO b = self(args[0]);
            b.checkOpen();
            byte[] data = IoSupport.bytesOf(args[1]);
            b.write(data, 0, data.length);
            return (long) data.length;
        });
        t.define("writelines", (args, kw) -> {
            BytesIO b = self(args[0]);
            for (Object line : Ops.toArray(args[1])) {
                byte[] data = IoSupport.bytesOf(line);
                b.write(data, 0, data.length);
            }
            return Py.None;
        });
        t.define("seek", (args, kw) -> {
            Args.check("seek", args, kw, 1, 1, 2);
            return self(args[0]).seek(Ops.indexLong(args[1]), IoSupport.whence(args.length > 2 ? args[2] : null));
        });
        t.define("tell", (args, kw) -> self(args[0]).tell());
        t.define("truncate", (args, kw) -> {
            BytesIO b = self(args[0]);
            return b.truncate(args.length > 1 && args[1] != Py.None ? Ops.indexLong(args[1]) : b.tell());
        });
        t.define("close", (args, kw) -> {
            self(args[0]).closed = true;
            return Py.None;
        });
        t.define("flush", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.None;
        });
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
    }
}
