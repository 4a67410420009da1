package dev.gild.runtime;

import java.math.BigInteger;

/** Constants, value constructors and exception factories used all over the runtime. */
public final class Py {
    public static final PySingleton None = new PySingleton("None");
    public static final PySingleton NotImplemented = new PySingleton("NotImplemented");
    public static final PySingleton Ellipsis = new PySingleton("Ellipsis");

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Py() {}

    public static Boolean bool(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

    /** An int from a BigInteger: a Long when it fits, so ints have one representation per value. */
    public static Object newInt(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    public static Object newInt(long v) { return v; }

    public static boolean fitsLong(BigInteger b) {
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0;
    }

    /** A stable pseudo address for default reprs ({@code <object at 0x7f...>}). */
    public static String addressOf(Object o) {
        return String.format("0x%012x", 0x7f0000000000L + ((long) System.identityHashCode(o) << 4));
    }

    // ------------------------------------------------------------------ exceptions

    /** A new exception instance of type t with one message argument, ready to throw. */
    public static PyException raise(PyType t, String message) {
        return new PyBaseException(t, message).toThrowable();
    }

    public static PyException typeError(String m) { return raise(PyExc.TypeError, m); }

    public static PyException valueError(String m) { return raise(PyExc.ValueError, m); }

    public static PyException indexError(String m) { return raise(PyExc.IndexError, m); }

    public static PyException keyError(Object key) { return new PyBaseException(PyExc.KeyError, key).toThrowable(); }

    public static PyException attributeError(String m) { return raise(PyExc.AttributeError, m); }

    public static PyException nameError(String name) {
        PyBaseException e = new PyBaseException(PyExc.NameError, "name '" + name + "' is not defined");
        e.setAttr("name", name);
        return e.toThrowable();
    }

    public static PyException zeroDivisionError(String m) { return raise(PyExc.ZeroDivisionError, m); }

    public static PyException overflowError(String m) { return raise(PyExc.OverflowError, m); }

    public static PyException runtimeError(String m) { return raise(PyExc.RuntimeError, m); }

    public static PyException notImplementedError(String m) { return raise(PyExc.NotImplementedError, m); }

    public static PyException recursionError(String m) { return raise(PyExc.RecursionError, m); }

    public static PyException memoryError() { return new PyBaseException(PyExc.MemoryError).toThrowable(); }

    public static PyException stopIteration() { return new PyBaseException(PyExc.StopIteration).toThrowable(); }

    public static PyException stopIteration(Object value) {
        PyBaseException e = new PyBaseException(PyExc.StopIteration, value);
        e.setAttr("value", value);
        return e.toThrowable();
    }

    public static PyException osError(PyType t, int errno, String strerror, String filename) {
        PyBaseException e = new PyBaseException(t, (long) errno, strerror);
        e.setAttr("errno", (long) errno);
        e.setAttr("strerror", strerror);
        e.setAttr("filename", filename == null ? None : filename);
        return e.toThrowable();
    }

    /** TypeError for a wrong argument type: "f() argument must be str, not int" style, message given whole. */
    public static PyException badType(String message) { return typeError(message); }
}
