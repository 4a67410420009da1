package dev.gild.stdlib.io;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * io.FileIO: unbuffered binary access to a file through a FileChannel. Every operation on the
 * channel runs through {@link Blocking#call}, releasing the interpreter lock while it waits.
 * File descriptors are numbers this process hands out (from 3); they identify the object for
 * fileno() and os.close but are not the kernel's descriptors.
 */
public final class FileIO extends PyObject {
    public static final PyType TYPE = IoSupport.newType("FileIO", IoSupport.RAW_BASE);
    private static final AtomicInteger NEXT_FD = new AtomicInteger(3);
    /** Open files by descriptor, for os.close/os.read/os.write/os.fdopen and open(fd). */
    private static final Map<Integer, FileIO> OPEN = new ConcurrentHashMap<>();

    static {
        install();
    }

    final Object name;
    final String mode;
    final boolean readable;
    final boolean writable;
    final boolean append;
    /** False for pipes and devices: no size, position or seek. */
    final boolean seekable;
    private final FileChannel channel;
    private final int fd;
    /** False for a view opened with closefd=False: closing it leaves the descriptor open. */
    private final boolean closefd;
    private boolean closed;

    private FileIO(Object name, String mode, FileChannel channel, boolean readable, boolean writable, boolean append,
                   boolean seekable) {
        this.name = name;
        this.seekable = seekable;
        this.mode = mode;
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
        this.fd = NEXT_FD.getAndIncrement();
        this.closefd = true;
        OPEN.put(fd, this);
    }

    private FileIO(FileIO shared) {
        this.name = (long) shared.fd;
        this.mode = shared.mode;
        this.channel = shared.channel;
        this.readable = shared.readable;
        this.writable = shared.writable;
        this.append = shared.append;
        this.seekable = shared.seekable;
        this.fd = shared.fd;
        this.closefd = false;
    }

    /** A second object on this descriptor whose close() does not close it (open(fd, closefd=False)). */
    FileIO sharing() {
        return new FileIO(this);
    }

    /** A fresh descriptor number from the files' sequence (sockets take theirs here too, so numbers never clash). */
    public static int newDescriptor() {
        return NEXT_FD.getAndIncrement();
    }

    /** The open file with descriptor fd, or OSError EBADF. */
    public static FileIO byFd(long fd) {
        FileIO f = fd >= 0 && fd <= Integer.MAX_VALUE ? OPEN.get((int) fd) : null;
        if (f == null) throw OsErrors.error(OsErrors.EBADF, null);
        return f;
    }

    @Override public PyType getType() { return TYPE; }

    /**
     * Opens a file; mode is already validated: exactly one of r/w/a/x, optionally '+'. nameArg is
     * what the script passed (shown in reprs and errors).
     */
    public static FileIO open(Object nameArg, String path, char kind, boolean plus) {
        Path p = WorkingDirectory.resolve(path);
        Set<StandardOpenOption> opts = EnumSet.noneOf(StandardOpenOption.class);
        boolean readable = kind == 'r' || plus;
        boolean writable = kind != 'r' || plus;
        if (readable) opts.add(StandardOpenOption.READ);
        if (writable) opts.add(StandardOpenOption.WRITE);
        switch (kind) {
            case 'w' -> {
                opts.add(StandardOpenOption.CREATE);
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            case 'a' -> opts.add(StandardOpenOption.CREATE);
            case 'x' -> opts.add(StandardOpenOption.CREATE_NEW);
            default -> { }
        }
        String rawMode = switch (kind) {
            case 'r' -> plus ? "rb+" : "rb";
            case 'w' -> plus ? "rb+" : "wb";
            case 'a' -> plus ? "ab+" : "ab";
            default -> plus ? "xb+" : "xb";
        };
        boolean[] canSeek = new boolean[1];
        FileChannel ch = call(() -> {
            try {
                if (Files.isDirectory(p)) return null;
                FileChannel c = FileChannel.open(p, opts);
                canSeek[0] = seekable(c);
                if (kind == 'a' && canSeek[0]) c.position(c.size());
                return c;
            } catch (IOException e) {
                throw new IoFailure(e);
            }
        }, nameArg);
        if (ch == null) throw OsErrors.error(OsErrors.EISDIR, nameArg);
        return new FileIO(nameArg, rawMode, ch, readable, writable, kind == 'a', canSeek[0]);
    }

    /** Whether the channel can seek, found as CPython does: by asking for the position (pipes fail). */
    private static boolean seekable(FileChannel c) {
        try {
            c.position();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Thrown inside blocking work (which must not build Python objects) and mapped after it. */
    static final class IoFailure extends RuntimeException {
        final IOException cause;

        IoFailure(IOException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** Runs I/O work without the interpreter lock; an IOException becomes the OSError for name. */
    static <T> T blocking(IoWork<T> work, Object name) {
        try {
            return Blocking.call(() -> {
                try {
                    return work.run();
                } catch (IOException e) {
                    throw new IoFailure(e);
                }
            });
        } catch (IoFailure f) {
            throw name == null ? OsErrors.error(OsErrors.errnoOf(f.cause), null) : OsErrors.of(f.cause, name);
        }
    }

    private static <T> T call(Blocking.Call<T> work, Object name) {
        try {
            return Blocking.call(work);
        } catch (IoFailure f) {
            throw OsErrors.of(f.cause, name);
        }
    }

    @FunctionalInterface
    interface IoWork<T> {
        T run() throws IOException, InterruptedException;
    }

    public int fd() { return fd; }

    public boolean isClosed() { return closed; }

    void checkOpen() {
        if (closed) throw IoSupport.closedFile();
    }

    void checkReadable() {
        checkOpen();
        if (!readable) throw IoSupport.unsupported("File not open for reading");
    }

    void checkWritable() {
        checkOpen();
        if (!writable) throw IoSupport.unsupported("File not open for writing");
    }

    /** Reads up to len bytes into buf at off; 0 at end of file. */
    public int readInto(byte[] buf, int off, int len) {
        checkReadable();
        if (len == 0) return 0;
        int n = blocking(() -> channel.read(ByteBuffer.wrap(buf, off, len)), null);
        return Math.max(n, 0);
    }

    /** Everything from the current position to the end. */
    byte[] readAll() {
        checkReadable();
        return blocking(() -> {
            long remaining = seekable ? Math.max(0, channel.size() - channel.position()) : 0;
            if (remaining > Integer.MAX_VALUE - 16) throw new IOException("File too large");
            ByteBuffer bb = ByteBuffer.allocate((int) remaining);
            while (bb.hasRemaining() && channel.read(bb) > 0) { }
            if (seekable && bb.hasRemaining()) return java.util.Arrays.copyOf(bb.array(), bb.position());
            byte[] chunk = new byte[8192];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(bb.array(), 0, bb.position());
            int n;
            while ((n = channel.read(ByteBuffer.wrap(chunk))) > 0) out.write(chunk, 0, n);
            return out.toByteArray();
        }, null);
    }

    public int write(byte[] data, int off, int len) {
        checkWritable();
        return blocking(() -> {
            if (append && seekable) channel.position(channel.size());
            ByteBuffer bb = ByteBuffer.wrap(data, off, len);
            while (bb.hasRemaining()) channel.write(bb);
            return len;
        }, null);
    }

    long seek(long pos, int whence) {
        checkOpen();
        if (!seekable) throw OsErrors.error(OsErrors.ESPIPE, null);
        return blocking(() -> {
            long target = switch (whence) {
                case 1 -> channel.position() + pos;
                case 2 -> channel.size() + pos;
                default -> pos;
            };
            if (target < 0) throw new IOException("Invalid argument");
            channel.position(target);
            return target;
        }, null);
    }

    long tell() {
        checkOpen();
        if (!seekable) throw OsErrors.error(OsErrors.ESPIPE, null);
        return blocking(channel::position, null);
    }

    long truncate(long size) {
        checkWritable();
        return blocking(() -> {
            long current = channel.size();
            if (size < current) {
                channel.truncate(size);
            } else if (size > current) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
            return size;
        }, null);
    }

    long size() {
        checkOpen();
        return blocking(channel::size, null);
    }

    public void close() {
        if (closed) return;
        closed = true;
        if (!closefd) return;
        OPEN.remove(fd);
        blocking(() -> {
            channel.close();
            return null;
        }, null);
    }

    String repr() {
        if (closed) return "<_io.FileIO [closed]>";
        return "<_io.FileIO name=" + Ops.repr(name) + " mode='" + mode + "' closefd=" + (closefd ? "True" : "False") + ">";
    }

    private static FileIO self(Object o) { return (FileIO) o; }

    /** readinto(b): fills a bytearray from the file; the count read. */
    static long readIntoArray(Object target, java.util.function.IntFunction<byte[]> reader) {
        if (!(target instanceof dev.gild.runtime.PyByteArray ba)) {
            throw Py.typeError("readinto() argument must be read-write bytes-like object, not " + Ops.typeName(target));
        }
        byte[] data = reader.apply(ba.size);
        System.arraycopy(data, 0, ba.bytes, 0, data.length);
        return data.length;
    }

    private static void install() {
        PyType t = TYPE;
        t.defineStatic("__new__", (args, kw) -> {
            Object[] a = dev.gild.runtime.Args.parse("FileIO", args, kw, 1, new String[] {"file", "mode", "closefd", "opener"}, 1, 4);
            String mode = a[1] == null ? "r" : IoSupport.argStr(a[1], "FileIO");
            String kinds = mode.replace("b", "").replace("+", "");
            if (kinds.length() != 1 || "rwax".indexOf(kinds.charAt(0)) < 0 || mode.indexOf('t') >= 0) {
                throw Py.valueError("invalid mode: " + mode);
            }
            return IoModule.open(new Object[] {a[0], kinds + "b" + (mode.indexOf('+') >= 0 ? "+" : ""), 0L}, null);
        });
        t.define("readinto", (args, kw) -> {
            FileIO f = self(args[0]);
            return readIntoArray(args[1], n -> {
                byte[] buf = new byte[n];
                int got = f.readInto(buf, 0, n);
                return got == n ? buf : java.util.Arrays.copyOf(buf, got);
            });
        });
        t.define("read", (args, kw) -> {
            Args.check("read", args, kw, 1, 0, 1);
            FileIO f = self(args[0]);
            int n = IoSupport.size(args.length > 1 ? args[1] : null);
            if (n < 0) return new PyBytes(f.readAll());
            byte[] buf = new byte[n];
            int got = f.readInto(buf, 0, n);
            return new PyBytes(got == n ? buf : java.util.Arrays.copyOf(buf, got));
        });
        t.define("readall", (args, kw) -> new PyBytes(self(args[0]).readAll()));
        t.define("write", (args, kw) -> {
            Args.check("write", args, kw, 1, 1, 1);
            byte[] b = IoSupport.bytesOf(args[1]);
            return (long) self(args[0]).write(b, 0, b.length);
        });
        t.define("seek", (args, kw) -> {
            Args.check("seek", args, kw, 1, 1, 2);
            return self(args[0]).seek(Ops.indexLong(args[1]), IoSupport.whence(args.length > 2 ? args[2] : null));
        });
        t.define("tell", (args, kw) -> self(args[0]).tell());
        t.define("truncate", (args, kw) -> {
            FileIO f = self(args[0]);
            long size = args.length > 1 && args[1] != Py.None ? Ops.indexLong(args[1]) : f.tell();
            return f.truncate(size);
        });
        t.define("close", (args, kw) -> {
            self(args[0]).close();
            return Py.None;
        });
        t.define("flush", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.None;
        });
        t.define("fileno", (args, kw) -> {
            self(args[0]).checkOpen();
            return (long) self(args[0]).fd;
        });
        t.define("readable", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.bool(self(args[0]).readable);
        });
        t.define("writable", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.bool(self(args[0]).writable);
        });
        t.define("seekable", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.bool(self(args[0]).seekable);
        });
        t.define("isatty", (args, kw) -> {
            self(args[0]).checkOpen();
            return Boolean.FALSE;
        });
        t.define("__enter__", (args, kw) -> {
            self(args[0]).checkOpen();
            return args[0];
        });
        t.define("__exit__", (args, kw) -> {
            self(args[0]).close();
            return Py.None;
        });
        t.define("__repr__", (args, kw) -> self(args[0]).repr());
        t.defineGetter("closed", o -> Py.bool(self(o).closed));
        t.defineGetter("name", o -> self(o).name);
        t.defineGetter("mode", o -> self(o).mode);
        t.defineGetter("closefd", o -> Py.bool(self(o).closefd));
    }
}
