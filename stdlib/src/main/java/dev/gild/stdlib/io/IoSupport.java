package dev.gild.stdlib.io;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyByteArray;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

/** Shared pieces of the io objects: the UnsupportedOperation class, argument helpers, errors. */
public final class IoSupport {
    /** io.UnsupportedOperation: both an OSError and a ValueError, as in CPython. */
    public static final PyType UNSUPPORTED;

    static {
        PyDict ns = new PyDict();
        ns.put("__module__", "io");
        ns.put("__qualname__", "UnsupportedOperation");
        UNSUPPORTED = new PyType(PyTypes.TYPE, "UnsupportedOperation", new PyType[] {PyExc.OSError, PyExc.ValueError}, ns);
    }

    private IoSupport() {}

    public static PyException unsupported(String message) {
        return Py.raise(UNSUPPORTED, message);
    }

    public static PyException closedFile() {
        return Py.valueError("I/O operation on closed file.");
    }

    /** The abstract bases, for isinstance checks. */
    public static final PyType IOBASE = newType("_IOBase", null);
    public static final PyType RAW_BASE = newType("_RawIOBase", IOBASE);
    public static final PyType BUFFERED_BASE = newType("_BufferedIOBase", IOBASE);
    public static final PyType TEXT_BASE = newType("_TextIOBase", IOBASE);

    /** A stream object whose operations run one at a time (each may release the interpreter lock mid-way). */
    interface Guarded {
        java.util.concurrent.locks.ReentrantLock lock();
    }

    /**
     * Defines a method that holds the receiver's lock while it runs, as CPython's buffered and text
     * objects do: a thread waiting in a file write must not let another thread reuse the buffer.
     * Waiting for the lock gives up the interpreter lock.
     */
    static void defineGuarded(PyType t, String name, dev.gild.runtime.PyBuiltin.Impl impl) {
        t.define(name, (args, kw) -> {
            java.util.concurrent.locks.ReentrantLock lock = ((Guarded) args[0]).lock();
            dev.gild.runtime.Blocking.acquireLock(lock);
            try {
                return impl.call(args, kw);
            } finally {
                lock.unlock();
            }
        });
    }

    /** A new built-in type of the _io module. */
    static PyType newType(String name, PyType base) {
        PyType t = PyTypes.newBuiltin(name, base, false, null);
        t.namespace().put("__module__", "_io");
        return t;
    }

    /** A read size argument: None or negative means "all". */
    static int size(Object o) {
        if (o == null || o == Py.None) return -1;
        long n = Ops.indexLong(o);
        return n < 0 ? -1 : (int) Math.min(n, Integer.MAX_VALUE - 16);
    }

    /** The bytes of a bytes-like object, or CPython's TypeError. */
    static byte[] bytesOf(Object o) {
        Object v = Ops.unbox(o);
        if (v instanceof PyBytes b) return b.bytes;
        if (v instanceof PyByteArray b) return java.util.Arrays.copyOf(b.bytes, b.size);
        throw Py.typeError("a bytes-like object is required, not '" + Ops.typeName(o) + "'");
    }

    static String argStr(Object o, String fname) {
        Object v = Ops.unbox(o);
        if (v instanceof String s) return s;
        throw Py.typeError(fname + "() argument must be str, not " + Ops.typeName(o));
    }

    static String optStr(Object o, String fname, String argName) {
        if (o == null || o == Py.None) return null;
        Object v = Ops.unbox(o);
        if (v instanceof String s) return s;
        throw Py.typeError(fname + "() argument '" + argName + "' must be str or None, not " + Ops.typeName(o));
    }

    static int whence(Object o) {
        if (o == null) return 0;
        long w = Ops.indexLong(o);
        if (w < 0 || w > 2) throw Py.valueError("invalid whence (" + w + ", should be 0, 1 or 2)");
        return (int) w;
    }
}
