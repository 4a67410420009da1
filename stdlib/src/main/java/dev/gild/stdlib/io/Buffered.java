package dev.gild.stdlib.io;

import dev.gild.runtime.Args;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyIterator;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * io.BufferedReader, io.BufferedWriter and io.BufferedRandom over a FileIO: one Java class, three
 * Python types. Reads fill a read-ahead buffer; writes collect in a write buffer flushed when it
 * fills, on flush(), seek(), close() and before any read, so the logical position is always
 * raw position - unread read-ahead + unflushed writes.
 */
public final class Buffered extends PyObject implements ByteStream, IoSupport.Guarded {
    public static final PyType READER = IoSupport.newType("BufferedReader", IoSupport.BUFFERED_BASE);
    public static final PyType WRITER = IoSupport.newType("BufferedWriter", IoSupport.BUFFERED_BASE);
    public static final PyType RANDOM = IoSupport.newType("BufferedRandom", IoSupport.BUFFERED_BASE);
    static final int DEFAULT_BUFFER_SIZE = 8192;

    static {
        for (PyType t : new PyType[] {READER, WRITER, RANDOM}) install(t);
    }

    private final PyType type;
    final FileIO raw;
    private final int bufferSize;
    private byte[] readBuf = new byte[0];
    private int readPos;
    private int readLen;
    private byte[] writeBuf;
    private int writeLen;
    /** The mode open() was given (the raw mode when built directly). */
    String mode;

    Buffered(FileIO raw, int bufferSize) {
        this(raw, bufferSize, raw.readable && raw.writable ? RANDOM : raw.writable ? WRITER : READER);
    }

    private Buffered(FileIO raw, int bufferSize, PyType type) {
        this.raw = raw;
        this.type = type;
        this.bufferSize = bufferSize <= 0 ? DEFAULT_BUFFER_SIZE : bufferSize;
        this.mode = raw.mode;
    }

    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

    @Override public java.util.concurrent.locks.ReentrantLock lock() { return lock; }

    @Override public PyType getType() { return type; }

    @Override public Object pyObject() { return this; }

    @Override public boolean isClosed() { return raw.isClosed(); }

    @Override public boolean readable() { return raw.readable; }

    @Override public boolean writable() { return raw.writable; }

    @Override public boolean seekable() { return raw.seekable; }

    private void checkReadable() {
        if (raw.isClosed()) throw IoSupport.closedFile();
        if (!raw.readable) throw IoSupport.unsupported("read");
    }

    private void checkWritable() {
        if (raw.isClosed()) throw IoSupport.closedFile();
        if (!raw.writable) throw IoSupport.unsupported("write");
    }

    /** Refills the read buffer; false at end of file. */
    private boolean fill() {
        flushWrites();
        if (readBuf.length < bufferSize) readBuf = new byte[bufferSize];
        readPos = 0;
        readLen = raw.readInto(readBuf, 0, bufferSize);
        return readLen > 0;
    }

    @Override
    public byte[] read(int n) {
        checkReadable();
        flushWrites();
        int avail = readLen - readPos;
        if (n < 0) {
            byte[] rest = raw.readAll();
            byte[] out = new byte[avail + rest.length];
            System.arraycopy(readBuf, readPos, out, 0, avail);
            System.arraycopy(rest, 0, out, avail, rest.length);
            readPos = readLen = 0;
            return out;
        }
        if (n <= avail) {
            byte[] out = Arrays.copyOfRange(readBuf, readPos, readPos + n);
            readPos += n;
            return out;
        }
        byte[] out = new byte[n];
        System.arraycopy(readBuf, readPos, out, 0, avail);
        int got = avail;
        readPos = readLen = 0;
        while (got < n) {
            int want = n - got;
            if (want >= bufferSize) {
                int r = raw.readInto(out, got, want);
                if (r <= 0) break;
                got += r;
            } else {
                if (!fill()) break;
                int take = Math.min(want, readLen);
                System.arraycopy(readBuf, 0, out, got, take);
                readPos = take;
                got += take;
            }
        }
        return got == n ? out : Arrays.copyOf(out, got);
    }

    /** read1: at most one raw read. */
    byte[] read1(int n) {
        checkReadable();
        flushWrites();
        if (readPos >= readLen && !fill()) return new byte[0];
        int take = n < 0 ? readLen - readPos : Math.min(n, readLen - readPos);
        byte[] out = Arrays.copyOfRange(readBuf, readPos, readPos + take);
        readPos += take;
        return out;
    }

    byte[] peek() {
        checkReadable();
        flushWrites();
        if (readPos >= readLen && !fill()) return new byte[0];
        return Arrays.copyOfRange(readBuf, readPos, readLen);
    }

    /** One line including b'\n', at most limit bytes (limit < 0: no limit); empty at end. */
    byte[] readline(int limit) {
        checkReadable();
        flushWrites();
        ByteArrayOutputStream out = null;
        while (true) {
            if (readPos >= readLen && !fill()) break;
            int end = readLen;
            if (limit >= 0) end = Math.min(end, readPos + limit - (out == null ? 0 : out.size()));
            int i = readPos;
            while (i < end && readBuf[i] != '\n') i++;
            boolean found = i < end;
            int stop = found ? i + 1 : end;
            if (out == null && (found || limit >= 0 && stop - readPos >= limit)) {
                byte[] line = Arrays.copyOfRange(readBuf, readPos, stop);
                readPos = stop;
                return line;
            }
            if (out == null) out = new ByteArrayOutputStream();
            out.write(readBuf, readPos, stop - readPos);
            readPos = stop;
            if (found || limit >= 0 && out.size() >= limit) break;
        }
        return out == null ? new byte[0] : out.toByteArray();
    }

    @Override
    public void write(byte[] data, int off, int len) {
        checkWritable();
        dropReadAhead();
        if (writeBuf == null) writeBuf = new byte[bufferSize];
        if (writeLen + len > bufferSize) {
            flushWrites();
            if (len >= bufferSize) {
                raw.write(data, off, len);
                return;
            }
        }
        System.arraycopy(data, off, writeBuf, writeLen, len);
        writeLen += len;
    }

    /** Moves the raw position back over unread read-ahead, so a write lands at the logical position. */
    private void dropReadAhead() {
        int unread = readLen - readPos;
        if (unread > 0 && raw.seekable) raw.seek(-unread, 1);
        readPos = readLen = 0;
    }

    private void flushWrites() {
        if (writeLen == 0) return;
        int n = writeLen;
        writeLen = 0;
        raw.write(writeBuf, 0, n);
    }

    @Override
    public void flush() {
        if (raw.isClosed()) throw IoSupport.closedFile();
        flushWrites();
    }

    @Override
    public long seek(long pos, int whence) {
        if (raw.isClosed()) throw IoSupport.closedFile();
        flushWrites();
        if (whence == 1) {
            pos -= readLen - readPos;
        } else if (whence == 0 && pos < 0) {
            throw Py.valueError("negative seek position " + pos);
        }
        readPos = readLen = 0;
        return raw.seek(pos, whence);
    }

    @Override
    public long tell() {
        if (raw.isClosed()) throw IoSupport.closedFile();
        return raw.tell() - (readLen - readPos) + writeLen;
    }

    @Override
    public long truncate(long size) {
        checkWritable();
        flushWrites();
        dropReadAhead();
        return raw.truncate(size);
    }

    @Override
    public void close() {
        if (raw.isClosed()) return;
        try {
            flushWrites();
        } finally {
            raw.close();
        }
    }

    private String repr() {
        if (raw.isClosed()) return "<_io." + type.getName() + " [closed]>";
        return "<_io." + type.getName() + " name=" + Ops.repr(raw.name) + ">";
    }

    private static Buffered self(Object o) { return (Buffered) o; }

    /** Iterates the lines of a binary file. */
    private static final class LineIterator extends PyIterator {
        static final PyType TYPE = IoSupport.newType("buffered_line_iterator", null);

        static {
            PyIterator.installMethods(TYPE);
        }

        private final Buffered file;

        LineIterator(Buffered file) { this.file = file; }

        @Override public PyType getType() { return TYPE; }

        @Override
        public Object next() {
            dev.gild.runtime.Blocking.acquireLock(file.lock);
            try {
                byte[] line = file.readline(-1);
                return line.length == 0 ? null : new PyBytes(line);
            } finally {
                file.lock.unlock();
            }
        }
    }

    private static void install(PyType t) {
        t.defineStatic("__new__", (args, kw) -> {
            Object[] a = Args.parse(t.getName(), args, kw, 1, new String[] {"raw", "buffer_size"}, 1, 2);
            if (!(a[0] instanceof FileIO raw)) throw Py.typeError(t.getName() + "() argument 'raw' must be a FileIO object, not " + Ops.typeName(a[0]));
            int size = a[1] == null ? DEFAULT_BUFFER_SIZE : (int) Ops.indexLong(a[1]);
            if (size <= 0) throw Py.valueError("buffer size must be strictly positive");
            if (t == READER && !raw.readable) throw IoSupport.unsupported("File or stream is not readable.");
            if (t == WRITER && !raw.writable) throw IoSupport.unsupported("File or stream is not writable.");
            return new Buffered(raw, size, t);
        });
        IoSupport.defineGuarded(t, "readinto", (args, kw) -> FileIO.readIntoArray(args[1], n -> self(args[0]).read(n)));
        IoSupport.defineGuarded(t, "read", (args, kw) -> {
            Args.check("read", args, kw, 1, 0, 1);
            return new PyBytes(self(args[0]).read(IoSupport.size(args.length > 1 ? args[1] : null)));
        });
        IoSupport.defineGuarded(t, "read1", (args, kw) -> new PyBytes(self(args[0]).read1(IoSupport.size(args.length > 1 ? args[1] : null))));
        IoSupport.defineGuarded(t, "peek", (args, kw) -> new PyBytes(self(args[0]).peek()));
        IoSupport.defineGuarded(t, "readline", (args, kw) -> {
            Args.check("readline", args, kw, 1, 0, 1);
            return new PyBytes(self(args[0]).readline(IoSupport.size(args.length > 1 ? args[1] : null)));
        });
        IoSupport.defineGuarded(t, "readlines", (args, kw) -> {
            Buffered f = self(args[0]);
            int hint = IoSupport.size(args.length > 1 ? args[1] : null);
            PyList out = new PyList();
            long total = 0;
            for (byte[] line = f.readline(-1); line.length > 0; line = f.readline(-1)) {
                out.append(new PyBytes(line));
                total += line.length;
                if (hint > 0 && total >= hint) break;
            }
            return out;
        });
        t.define("__iter__", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return new LineIterator(self(args[0]));
        });
        IoSupport.defineGuarded(t, "__next__", (args, kw) -> {
            byte[] line = self(args[0]).readline(-1);
            if (line.length == 0) throw Py.stopIteration();
            return new PyBytes(line);
        });
        IoSupport.defineGuarded(t, "write", (args, kw) -> {
            Args.check("write", args, kw, 1, 1, 1);
            Buffered f = self(args[0]);
            f.checkWritable();
            byte[] b = IoSupport.bytesOf(args[1]);
            f.write(b, 0, b.length);
            return (long) b.length;
        });
        IoSupport.defineGuarded(t, "writelines", (args, kw) -> {
            Buffered f = self(args[0]);
            for (Object line : Ops.toArray(args[1])) {
                byte[] b = IoSupport.bytesOf(line);
                f.write(b, 0, b.length);
            }
            return Py.None;
        });
        IoSupport.defineGuarded(t, "flush", (args, kw) -> {
            self(args[0]).flush();
            return Py.None;
        });
        IoSupport.defineGuarded(t, "seek", (args, kw) -> {
            Args.check("seek", args, kw, 1, 1, 2);
            return self(args[0]).seek(Ops.indexLong(args[1]), IoSupport.whence(args.length > 2 ? args[2] : null));
        });
        IoSupport.defineGuarded(t, "tell", (args, kw) -> self(args[0]).tell());
        IoSupport.defineGuarded(t, "truncate", (args, kw) -> {
            Buffered f = self(args[0]);
            long size = args.length > 1 && args[1] != Py.None ? Ops.indexLong(args[1]) : f.tell();
            return f.truncate(size);
        });
        IoSupport.defineGuarded(t, "close", (args, kw) -> {
            self(args[0]).close();
            return Py.None;
        });
        IoSupport.defineGuarded(t, "detach", (args, kw) -> {
            Buffered f = self(args[0]);
            f.flush();
            return f.raw;
        });
        t.define("fileno", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return (long) self(args[0]).raw.fd();
        });
        t.define("readable", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return Py.bool(self(args[0]).raw.readable);
        });
        t.define("writable", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return Py.bool(self(args[0]).raw.writable);
        });
        t.define("seekable", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return Py.bool(self(args[0]).raw.seekable);
        });
        t.define("isatty", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return Boolean.FALSE;
        });
        t.define("__enter__", (args, kw) -> {
            if (self(args[0]).isClosed()) throw IoSupport.closedFile();
            return args[0];
        });
        IoSupport.defineGuarded(t, "__exit__", (args, kw) -> {
            self(args[0]).close();
            return Py.None;
        });
        t.define("__repr__", (args, kw) -> self(args[0]).repr());
        t.defineGetter("closed", o -> Py.bool(self(o).isClosed()));
        t.defineGetter("raw", o -> self(o).raw);
        t.defineGetter("name", o -> self(o).raw.name);
        t.defineGetter("mode", o -> self(o).mode);
    }
}
